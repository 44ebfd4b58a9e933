"""Old addresses keep working: for every theme, project or page that moved (its file renamed on
the main line of git, its theme renamed between versions, or an address listed under
`oude_adressen:`), a small page at the old address sends readers on: a plain link and a meta
refresh, `noindex`, and never in the sitemap or the search index (it is an asset, not a page).
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from html import escape

from build_tools.content.addresses import content_address, declared, key, shown
from build_tools.errors import Issue
from build_tools.history.renames import chain
from build_tools.history.texts import current_text, renames
from build_tools.views.website.context import SiteContext
from build_tools.views.website.page import Asset, SitePage, page_url


def redirect_assets(ctx: SiteContext, pages: Sequence[SitePage],
                    assets: Sequence[Asset]) -> tuple[list[Asset], list[Issue]]:
    """The redirect files, and an issue for each listed old address the site uses itself."""
    model = ctx.model
    by_key = {key(page_url(p.path)): p for p in pages}
    files = {_file_of(page_url(p.path, directory_urls=ctx.directory_urls)) for p in pages}
    files |= {a.path for a in assets}
    issues: list[Issue] = []
    wanted: dict[str, tuple[str, SitePage]] = {}  # output file -> (old address key, target)
    for d in declared(model):
        target = by_key.get(d.target)
        if target is None:
            continue
        out = _file_of(d.raw)
        if d.old in by_key or out in files:
            issues.append(Issue.at(d.pos, "DV251", f"oud adres `{shown(d.old)}` is nu het adres "
                                   "van een pagina of bestand van de site",
                                   "haal het weg uit `oude_adressen`: wat bestaat, wordt nooit "
                                   "doorgestuurd"))
            continue
        wanted.setdefault(out, (d.old, target))
    for old, new in _moves(ctx):
        target = by_key.get(new)
        if target is None or old in by_key:
            continue  # the new page is not on this site, or the old name is in use again
        out = _file_of(page_url(_page_path(old), directory_urls=ctx.directory_urls))
        if out not in files:
            wanted.setdefault(out, (old, target))
    site_url = model.organisatie.site_url.rstrip("/") + "/"
    made = [Asset(out, _page(out, target, directory_urls=ctx.directory_urls,
                             site_url=site_url).encode("utf-8"))
            for out, (_, target) in sorted(wanted.items())]
    return made, issues


def _file_of(url: str) -> str:
    """The file a server sends for a site-relative address."""
    url = url.lstrip("/")
    if not url or url.endswith("/"):
        return url + "index.html"
    return url if posixpath.splitext(url)[1] else url + "/index.html"


def _page_path(address_key: str) -> str:
    return address_key + ".md"


def _moves(ctx: SiteContext) -> list[tuple[str, str]]:
    """(old, new) address keys of moved content: renamed files on the main line of git, and
    themes renamed between adopted versions (and the concept)."""
    out = []
    for move in ctx.model.verhuisd:
        old, new = content_address(move.oud), content_address(move.nieuw)
        if old and new:
            out.append((old, new))
    texts = [*ctx.model.geschiedenis, current_text(ctx.model)]
    themes = chain((f"themas/{o}.md", f"themas/{n}.md")
                   for a, b in zip(texts, texts[1:], strict=False)
                   for n, o in sorted(renames(a, b).items()))
    for move in themes:
        old, new = content_address(move.oud), content_address(move.nieuw)
        if old and new:
            out.append((old, new))
    return out


def _page(out: str, target: SitePage, *, directory_urls: bool, site_url: str) -> str:
    url = page_url(target.path, directory_urls=directory_urls)
    href = posixpath.relpath(url or ".", posixpath.dirname(out) or ".")
    if url.endswith("/") or not url:
        href = href.rstrip("/") + "/" if href != "." else "./"
        if not directory_urls:
            href += "index.html"
    href = escape(href)
    title = escape(target.title)
    canonical = escape(site_url + url)
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Verhuisd: {title}</title>
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={href}">
</head>
<body>
<p>Deze pagina staat nu op een ander adres: <a href="{href}">{title}</a>.</p>
</body>
</html>
"""
