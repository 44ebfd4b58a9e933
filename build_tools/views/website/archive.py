"""One small sub-site per published text of the vision: /<versie>/ (core vision and the
themes at a glance) and /<versie>/themas/<id>/, each marked as the version in force, a version
that no longer applies, a withdrawn one, or a concept. The URLs never change, so a decision
can cite them; selector.py explains why they are folders at the top of the site.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from build_tools.content.model import Datavisie, ThemeText
from build_tools.views.website.context import (
    VERSIONS,
    VISION,
    SiteContext,
    compare_path,
    edition_path,
    edition_theme_path,
)
from build_tools.views.website.editions import CONCEPT, GELDEND, INGETROKKEN, Edition
from build_tools.views.website.html import esc, link, md_text
from build_tools.views.website.links import content_dir, docs_relative, page_map, rebase
from build_tools.views.website.page import Blocks, Linker, SitePage
from build_tools.views.website.versions import decision_text

# A link to a content file the site no longer has (an old text naming a removed theme):
# the words stay, the link goes.
_GONE = "dv-weg:"
_GONE_LINK = re.compile(r"\[([^\]]*)\]\(" + re.escape(_GONE) + r"[^)]*\)")
_GONE_DEF = re.compile(r"(?m)^ {0,3}\[[^\]]+\]:[ \t]*" + re.escape(_GONE) + r".*\n?")
_CONTENT_FILE = re.compile(r"\.(md|ya?ml)$")


class _Pages(dict[str, str]):
    """Content path -> page path; content files without a page map to `_GONE`."""

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        if key in self:
            return self[key]
        return _GONE if _CONTENT_FILE.search(key) else default


def text_markdown(model: Datavisie, text: str, *, source: str, page: str,
                  pages: Mapping[str, str] | None = None) -> str:
    """Markdown of a text from any version placed on `page`: links to content files point at
    the pages that show them (`pages` first, then the site's), links to files the site no
    longer has become plain words."""
    mapping = _Pages({**page_map(model), **(pages or {})})
    relative = docs_relative(page)

    def to(target: str, anchor: str) -> str:
        return _GONE if target == _GONE else relative(target, anchor)

    out = rebase(text, source=source, content=content_dir(model), mapping=mapping,
                 relative_to=to)
    if _GONE in out:
        out = _GONE_DEF.sub("", _GONE_LINK.sub(r"\1", out))
    return out


def _edition_pages(model: Datavisie, edition: Edition) -> dict[str, str]:
    pages = {"visie.md": edition_path(edition.slug)}
    pages.update({f"themas/{t.id}.md": edition_theme_path(edition.slug, t.id)
                  for t in edition.text.themas})
    return pages


def _source(model: Datavisie, name: str) -> str:
    return posixpath.join(content_dir(model), name)


def banner(ctx: SiteContext, edition: Edition, to: Linker) -> str:
    """What this text is: in force, no longer in force, withdrawn, or a concept."""
    ed = ctx.editions
    in_force = ed.in_force
    back = link(to(VISION), "Naar de visie die nu geldt")
    if edition.kind == GELDEND:
        kind, title = "success", f"Geldende versie: {esc(edition.number)}"
        text = ("Dit is de tekst die nu geldt. De site toont deze tekst ook bij de visie en "
                "de thema's, samen met de routekaart en de projecten.")
        back = link(to(VISION), "Naar de visie op de site")
    elif edition.kind == CONCEPT:
        kind, title = "warning", "Concept"
        number = f" voor versie {esc(edition.number)}" if edition.number else ""
        text = (f"Dit is het concept{number}. Het is nog niet vastgesteld: "
                + (f"versie {esc(in_force.number)} geldt." if in_force else "er geldt nog "
                   "geen versie."))
    else:
        kind = "warning"
        title = ("Deze versie is ingetrokken" if edition.kind == INGETROKKEN
                 else "Deze versie geldt niet meer")
        text = (f"Je leest versie {esc(edition.number)}. "
                + (f"Versie {esc(in_force.number)} geldt nu." if in_force else ""))
    return (f'<div class="admonition {kind} dv-versiestatus" role="note">'
            f'<p class="admonition-title">{title}</p><p>{text}</p><p>{back}</p></div>')


def edition_box(ctx: SiteContext, edition: Edition, to: Linker) -> str:
    """Number, status, date and decision, and the comparisons with its neighbours."""
    ed = ctx.editions
    v = edition.version
    if v is None:
        facts = "De huidige werktekst, nog niet vastgesteld."
    elif edition.kind == CONCEPT:
        facts = (f"<strong>Concept voor versie {esc(v.versie)}</strong>, "
                 f"{esc(v.datum.label())}.")
    else:
        facts = f"<strong>Versie {esc(v.versie)}</strong>, {decision_text(v)}."
    links = []
    before, after = ed.pair_into(edition.slug), ed.pair_from(edition.slug)
    if before is not None:
        links.append(link(to(compare_path(before.old.slug, edition.slug)),
                          f"Wat veranderde sinds {before.old.name}"))
    if after is not None:
        links.append(link(to(compare_path(edition.slug, after.new.slug)),
                          f"Wat verandert in {after.new.name}"))
    links.append(link(to(VERSIONS), "Alle versies"))
    return (f'<div class="dv-versie"><p>{facts}</p>'
            f'<p class="dv-versie__links">{" · ".join(links)}</p></div>')


def principles_html(theme: ThemeText) -> str:
    items = []
    for title, note in theme.principles():
        text = f"<p>{esc(note)}</p>" if note else ""
        items.append(f'<li class="dv-principe"><p class="dv-principe__titel">{esc(title)}</p>'
                     f"{text}</li>")
    return f'<ol class="dv-principes dv-thema--{esc(theme.id)}">{"".join(items)}</ol>'


def _theme_list(edition: Edition, to: Linker) -> str:
    items = []
    for t in edition.text.themas:
        items.append(
            f'<li class="dv-tegel dv-thema--{esc(t.id)}">'
            f'<a class="dv-tegel__link" href="{esc(to(edition_theme_path(edition.slug, t.id)))}">'
            f'<h3 class="dv-tegel__titel">{esc(t.titel)}</h3></a>'
            f'<p class="dv-tegel__tekst">{esc(t.ambitie)}</p></li>')
    return f'<ul class="dv-tegels">{"".join(items)}</ul>'


def _meta(edition: Edition) -> dict[str, object]:
    # dv_versie: the folder Material's version selector treats as this page's version
    # (build_tools/views/website/overrides/main.html); the sub-sites stay out of the main
    # site's search.
    return {"dv_versie": edition.slug, "search": {"exclude": True}}


def _title(edition: Edition) -> str:
    if edition.kind == CONCEPT:
        return (f"Concept voor versie {edition.number}" if edition.number
                else "Concept van de visie")
    return f"Versie {edition.number} van de visie"


def edition_index(ctx: SiteContext, edition: Edition) -> SitePage:
    model, text = ctx.model, edition.text
    path = edition_path(edition.slug)
    to = Linker(path, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    body = text_markdown(model, text.body.strip(), source=_source(model, "visie.md"), page=path,
                         pages=_edition_pages(model, edition))
    lead = (banner(ctx, edition, to) + f'<p class="dv-lead">{esc(text.kernboodschap)}</p>'
            + edition_box(ctx, edition, to))
    title = text.titel or model.visie.titel
    markdown = (f"# {md_text(title)}\n" + blocks.add(lead) + "\n" + body + "\n\n## De thema's\n"
                + blocks.add(_theme_list(edition, to)))
    return SitePage(path=path, title=f"{title} ({_title(edition).lower()})",
                    markdown=markdown, in_nav=False, description=text.kernboodschap,
                    hide=("navigation",), blocks=blocks.blocks, meta=_meta(edition),
                    updated=edition.version.datum.start if edition.version else None)


def edition_theme(ctx: SiteContext, edition: Edition, theme: ThemeText) -> SitePage:
    model = ctx.model
    path = edition_theme_path(edition.slug, theme.id)
    to = Linker(path, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    lead = (banner(ctx, edition, to) + edition_box(ctx, edition, to)
            + f'<p class="dv-terug">{link(to(edition_path(edition.slug)), _title(edition))}</p>'
            + f'<div class="dv-ambitie dv-thema--{esc(theme.id)}"><p class="dv-ambitie__label">'
              f'Onze ambitie</p><p class="dv-ambitie__tekst">{esc(theme.ambitie)}</p></div>')
    body = text_markdown(model, theme.body.strip(), source=_source(model, f"themas/{theme.id}.md"),
                         page=path, pages=_edition_pages(model, edition))
    markdown = f"# {md_text(theme.titel)}\n" + blocks.add(lead)
    if theme.principes:
        markdown += "\n## Principes\n" + blocks.add(principles_html(theme))
    markdown += "\n" + body + "\n"
    return SitePage(path=path, title=f"{theme.titel} ({_title(edition).lower()})",
                    markdown=markdown, in_nav=False, description=theme.ambitie,
                    hide=("navigation",), blocks=blocks.blocks, meta=_meta(edition),
                    updated=edition.version.datum.start if edition.version else None)


def edition_pages(ctx: SiteContext) -> list[SitePage]:
    out: list[SitePage] = []
    for edition in ctx.editions.editions:
        out.append(edition_index(ctx, edition))
        out += [edition_theme(ctx, edition, t) for t in edition.text.themas]
    return out
