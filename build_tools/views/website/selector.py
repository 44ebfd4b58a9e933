"""Material's version selector, fed the way mike feeds it, on a site that is one MkDocs build.

How Material's selector works (material/templates/assets/javascripts/integrations/version):
it fetches `../versions.json` relative to the page's base URL (the `base` in `#__config`), takes
the last folder of that base as the current version (the first entry when none matches), and
links each entry to `../<version>/`, landing on the same page there when that version's
`sitemap.xml` lists it.

Layout chosen (the site is served at the root of its host, as `site_url` in organisatie.yml):

- The site root is the version in force: its vision and theme pages show the adopted text.
  It is the first entry of /versions.json (alias `latest`), so the selector on the main site
  shows it; the other entries follow (the concept, then older versions, newest first).
- Every published text is also a small sub-site in a folder named after its version:
  /1.0/, /0.9/ and the concept (/1.1/ for a registered concept, else /concept/), each with
  its core vision and themes (archive.py). These URLs never change, so a decision can cite
  them, and `../<version>/` from anywhere reaches them.
- On sub-site pages the theme (website/overrides/main.html) sets the page's base to the
  sub-site folder (`dv_versie` in the page meta), so the selector shows that version as the
  current one, and `../versions.json` and `../<version>/` still resolve from the host root.
  Each sub-site has its own sitemap.xml (same-page switching) and its own search index (the
  base moved, so Material looks for the index there): search on /0.9/ searches version 0.9.
  `extra.scope: /` keeps preferences (light/dark) shared, as Material advises for versions.
- Material also fetches `sitemap.xml` next to every `<link rel="alternate">` of a page (its
  language selector), and the versions feed is one: /versies/sitemap.xml lists the versions
  pages, so that request finds a real sitemap instead of a 404 on every page view.
- Served below a path (`https://host/datavisie/`), `../versions.json` would leave the site,
  so the selector is then left out; the versions page, archive and compare pages still work.
  Likewise there is no selector when no adopted text can be shown (the whole site is a
  concept then).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from build_tools.views.website.context import (
    VERSIONS,
    SiteContext,
    compare_path,
    edition_path,
    edition_theme_path,
)
from build_tools.views.website.editions import CONCEPT, GELDEND, Edition
from build_tools.views.website.page import Asset, page_url
from build_tools.views.website.readable import plain

VERSIONS_JSON = "versions.json"
VERSIONS_SITEMAP = "versies/sitemap.xml"  # next to the feed (see above)
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def enabled(ctx: SiteContext) -> bool:
    site = urlsplit(ctx.model.organisatie.site_url)
    return ctx.editions.in_force is not None and site.path in ("", "/")


def _order(ctx: SiteContext) -> list[Edition]:
    """The version in force first (Material shows the first entry on the main site), then the
    concept, then the others newest first."""
    ed = ctx.editions
    first = [e for e in ed.editions if e.kind == GELDEND]
    concept = [e for e in ed.editions if e.kind == CONCEPT]
    rest = [e for e in reversed(ed.editions) if e.kind not in (GELDEND, CONCEPT)]
    return first + concept + rest


def versions_json(ctx: SiteContext) -> bytes:
    entries = [{"version": e.slug, "title": e.title,
                "aliases": ["latest"] if e.kind == GELDEND else []} for e in _order(ctx)]
    return (json.dumps(entries, ensure_ascii=False, indent=2) + "\n").encode()


def _edition_urls(ctx: SiteContext, edition: Edition) -> list[tuple[str, str, str]]:
    """(site-relative URL, title, plain text) of each page of a sub-site."""
    text = edition.text
    out = [(page_url(edition_path(edition.slug), directory_urls=ctx.directory_urls),
            text.titel, " ".join((text.kernboodschap, plain(text.body))))]
    for t in text.themas:
        out.append((page_url(edition_theme_path(edition.slug, t.id),
                             directory_urls=ctx.directory_urls),
                    t.titel, " ".join((t.ambitie, *t.principes, plain(t.body)))))
    return out


def _sitemap(ctx: SiteContext, urls: list[tuple[str, date | None]]) -> bytes:
    root = ctx.model.organisatie.site_url.rstrip("/") + "/"
    urlset = ET.Element("urlset", xmlns=SITEMAP_NS)
    for url, day in urls:
        entry = ET.SubElement(urlset, "url")
        ET.SubElement(entry, "loc").text = root + url
        if day is not None:
            ET.SubElement(entry, "lastmod").text = day.isoformat()
    ET.indent(urlset)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(urlset, encoding="utf-8") \
        + b"\n"


def sitemap(ctx: SiteContext, edition: Edition) -> bytes:
    day = edition.version.datum.start if edition.version else None
    return _sitemap(ctx, [(url, day) for url, _, _ in _edition_urls(ctx, edition)])


def versions_sitemap(ctx: SiteContext) -> bytes:
    """The versions pages: the list, each version's start page, and the comparisons."""
    ed, du = ctx.editions, ctx.directory_urls
    urls: list[tuple[str, date | None]] = [(page_url(VERSIONS, directory_urls=du), None)]
    urls += [(page_url(edition_path(e.slug), directory_urls=du),
              e.version.datum.start if e.version else None) for e in ed.editions]
    urls += [(page_url(compare_path(p.old.slug, p.new.slug), directory_urls=du),
              p.new.version.datum.start if p.new.version else None) for p in ed.pairs]
    return _sitemap(ctx, urls)


def search_index(ctx: SiteContext, edition: Edition) -> bytes:
    """The sub-site's own index in the format of Material's search plugin; locations are
    relative to the sub-site folder (the page base there)."""
    prefix = edition.slug + "/"
    docs = [{"location": url.removeprefix(prefix), "title": title, "text": text}
            for url, title, text in _edition_urls(ctx, edition)]
    config = {"lang": ["nl"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"],
              "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                      separators=(",", ":")).encode()


def selector_assets(ctx: SiteContext) -> list[Asset]:
    out = [Asset(VERSIONS_SITEMAP, versions_sitemap(ctx))] if ctx.model.versies else []
    if not enabled(ctx):
        return out
    out.append(Asset(VERSIONS_JSON, versions_json(ctx)))
    for e in ctx.editions.editions:
        out.append(Asset(f"{e.slug}/sitemap.xml", sitemap(ctx, e)))
        out.append(Asset(f"{e.slug}/search/search_index.json", search_index(ctx, e)))
    return out


def selector_extra(ctx: SiteContext) -> dict[str, Any]:
    """Material settings under `extra:` for the selector (nothing when it is left out)."""
    if not enabled(ctx):
        return {}
    return {"version": {"provider": "mike"}, "scope": "/"}
