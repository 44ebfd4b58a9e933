"""The versions list (/versies/), the version box and concept banner on every page of the
vision, and the notice that the whole site is a concept when nothing adopted can be shown."""

from __future__ import annotations

from typing import Any

from build_tools.content import labels
from build_tools.content.model import Version
from build_tools.views.website.context import (
    VERSIONS,
    VERSIONS_FEED,
    SiteContext,
    compare_anchor,
    compare_path,
    edition_path,
)
from build_tools.views.website.editions import CONCEPT, GELDEND, INGETROKKEN, Edition
from build_tools.views.website.html import esc, inline_snippet, link
from build_tools.views.website.links import author_urls
from build_tools.views.website.page import Blocks, Linker, SitePage, page_url

KERNVISIE = "kernvisie"


def decision_text(version: Version) -> str:
    """`vastgesteld door de gemeenteraad op 26 oktober 2023 (besluit RB-2023-104)`, escaped."""
    if version.besluit is None:
        return esc(labels.VERSION_STATUS[version.status].lower())
    body = labels.BODY.get(version.besluit.orgaan, version.besluit.orgaan)
    verb = "ingetrokken door" if version.status == "ingetrokken" else "vastgesteld door"
    kenmerk = esc(version.besluit.kenmerk)
    if version.besluit.url:
        kenmerk = link(version.besluit.url, version.besluit.kenmerk)
    return f"{verb} {esc(body)} op {esc(version.datum.label())} (besluit {kenmerk})"


def _decision_ref(version: Version) -> str:
    """The decision's reference (linked when public); the status column says who decided."""
    if version.besluit is None:
        return "&ndash;"
    if version.besluit.url:
        return link(version.besluit.url, version.besluit.kenmerk)
    return esc(version.besluit.kenmerk)


def _links(*items: str) -> str:
    return '<p class="dv-versie__links">' + " · ".join(i for i in items if i) + "</p>"


def pending(concept: Edition) -> str:
    """`Er ligt een concept voor versie 1.1 (1 november 2026).`, escaped."""
    if concept.version is None:
        return "Er ligt een concept."
    return (f"Er ligt een concept voor versie {esc(concept.number)} "
            f"({esc(concept.version.datum.label())}).")


_CONCEPT_CHANGE = {
    "gewijzigd": "In het concept verandert {what}.",
    "gelijk": "In het concept verandert {what} niet.",
    "nieuw": "{What} is nieuw in het concept.",
    "vervallen": "In het concept vervalt {what}.",
}


def concept_banner(ctx: SiteContext, to: Linker, *, key: str | None) -> str:
    """`Er ligt een concept voor versie 1.1 ...`, with what it changes on this page (`key`:
    `kernvisie` or a theme id) and links to the redline and the concept's own pages."""
    ed = ctx.editions
    concept, pair = ed.concept, ed.concept_pair
    if concept is None or pair is None:
        return ""
    sentences = [f"{pending(concept)} Dat is nog niet vastgesteld: hier staat de tekst die "
                 "nu geldt."]
    section = pair.comparison.section(key) if key else None
    anchor = ""
    if section is not None:
        what = "de kernvisie" if key == KERNVISIE else "dit thema"
        sentences.append(_CONCEPT_CHANGE[section.status].format(
            what=what, What=what[:1].upper() + what[1:]))
        anchor = compare_anchor(key) if section.changed and key else ""
    number = f" voor versie {esc(concept.number)}" if concept.number else ""
    return (f'<div class="admonition warning dv-concept" role="note">'
            f'<p class="admonition-title">Concept{number}</p><p>{" ".join(sentences)}</p>'
            + _links(link(to(compare_path(pair.old.slug, concept.slug), anchor),
                          "Bekijk wat er verandert"),
                     link(to(edition_path(concept.slug)), "Lees het hele concept"))
            + "</div>")


def version_box(ctx: SiteContext, to: Linker, *, key: str | None = None) -> str:
    """Which version of the vision the reader sees (number, status, date, decision), and
    the concept banner when a newer text is pending."""
    ed = ctx.editions
    edition = ed.in_force
    all_versions = link(to(VERSIONS), "Alle versies") if ctx.model.versies else ""
    if edition is not None and edition.version is not None:
        v = edition.version
        since = ed.pair_into(edition.slug)
        box = (f'<div class="dv-versie"><p><strong>Versie {esc(v.versie)}</strong>, '
               f"{decision_text(v)}.</p>"
               + _links(all_versions,
                        link(to(compare_path(since.old.slug, edition.slug)),
                             f"Wat veranderde sinds {since.old.name}") if since else "")
               + "</div>")
        return box + concept_banner(ctx, to, key=key)
    missing = ed.status.missing
    if missing is not None:
        text = (f"Versie {esc(missing.versie)} is {decision_text(missing)}. De tekst van die "
                "versie ontbreekt in deze publicatie; hier staat de huidige werktekst. Die is "
                "een <strong>concept</strong>.")
    else:
        text = ("Deze visie is nog een <strong>concept</strong>: er is nog geen versie "
                "vastgesteld.")
    return f'<div class="dv-versie dv-versie--concept"><p>{text}</p>{_links(all_versions)}</div>'


def site_notice(ctx: SiteContext) -> dict[str, Any] | None:
    """The line every page shows when the whole site is a concept (theme `announce` block)."""
    ed = ctx.editions
    if not ed.whole_site_concept:
        return None
    missing = ed.status.missing
    if missing is not None:
        text = (f"De vastgestelde tekst van versie {missing.versie} ontbreekt in deze "
                "publicatie. Deze site toont de huidige werktekst: een concept.")
    else:
        text = ("Deze hele site is een concept. Er is nog geen versie van de visie "
                "vastgesteld.")
    notice: dict[str, Any] = {"tekst": text}
    if ctx.model.versies:
        notice.update(link=page_url(VERSIONS, directory_urls=ctx.directory_urls),
                      linktekst="Over de versies")
    return notice


def _edition_cell(edition: Edition | None, to: Linker) -> str:
    if edition is None:
        return "&ndash;"
    return link(to(edition_path(edition.slug)),
                "Lees het concept" if edition.kind == CONCEPT else "Lees deze versie")


def _status_cell(v: Version, edition: Edition | None) -> str:
    status = esc(labels.VERSION_STATUS[v.status])
    if edition is not None and edition.kind == GELDEND:
        status += ' <span class="dv-label">geldt nu</span>'
    elif edition is not None and edition.kind not in (CONCEPT, INGETROKKEN):
        status += ' <span class="dv-klein">(geldt niet meer)</span>'
    return status


def versions_page(ctx: SiteContext) -> SitePage | None:
    model = ctx.model
    if not model.versies:
        return None
    ed = ctx.editions
    to = Linker(VERSIONS, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    source = ctx.source_file("versies.yml") or "content/versies.yml"
    by_version = {e.version.versie: e for e in ed.editions if e.version is not None}
    rows = []
    for v in reversed(model.versies):
        edition = by_version.get(v.versie)
        pair = ed.pair_into(edition.slug) if edition else None
        changes = (link(to(compare_path(pair.old.slug, pair.new.slug)),
                        f"Vergelijk met {pair.old.name}") if pair else "")
        summary = inline_snippet(author_urls(model, v.samenvatting, source=source, to=to))
        row_class = ' class="dv-huidig"' if edition is not None and edition.kind == GELDEND else ""
        rows.append(
            f'<tr id="versie-{esc(v.versie)}"{row_class}>'
            f'<th scope="row">{esc(v.versie)}</th><td class="dv-nowrap">{esc(v.datum.label())}</td>'
            f"<td>{_status_cell(v, edition)}</td><td>{_decision_ref(v)}</td><td>{summary}</td>"
            f"<td>{_edition_cell(edition, to)}"
            f"{'<br>' + changes if changes else ''}</td></tr>")
    concept, pair = ed.concept, ed.concept_pair
    if concept is not None and concept.version is None and pair is not None:
        # a concept without its own entry in versies.yml
        changes = link(to(compare_path(pair.old.slug, concept.slug)),
                       f"Vergelijk met {pair.old.name}")
        rows.insert(0, '<tr><th scope="row">&ndash;</th><td>&ndash;</td><td>Concept</td>'
                    "<td>&ndash;</td><td>De huidige werktekst, nog niet vastgesteld.</td>"
                    f"<td>{_edition_cell(concept, to)}<br>{changes}</td></tr>")
    table = (
        '<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--versies">'
        "<caption>Versies van de visie, nieuwste eerst</caption>"
        '<thead><tr><th scope="col">Versie</th><th scope="col">Datum</th>'
        '<th scope="col">Status</th><th scope="col">Besluit</th>'
        '<th scope="col">Wat veranderde</th><th scope="col">Tekst</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>")
    in_force = ed.in_force
    if in_force is not None:
        intro = (f"De visie die nu geldt is versie {in_force.number}. Een versie geldt als het "
                 "managementteam, het college of de gemeenteraad haar heeft vastgesteld. "
                 "Nieuwe teksten zijn een concept totdat ze zijn vastgesteld. Bij elke versie "
                 "kun je de tekst lezen en zien wat er veranderde, woord voor woord.")
    elif ed.status.missing is not None:
        intro = (f"Versie {ed.status.missing.versie} is vastgesteld, maar de tekst van die "
                 "versie ontbreekt in deze publicatie. De site toont daarom de huidige "
                 "werktekst, als concept.")
    else:
        intro = ("Er is nog geen vastgestelde versie van de visie. De hele visie is een concept "
                 "totdat het managementteam, het college of de gemeenteraad haar vaststelt.")
    feed = (f'<p class="dv-klein">Nieuwe versies volgen? Gebruik de '
            f'{link(to(VERSIONS_FEED), "feed met versies (Atom)")} in je feedlezer.</p>')
    markdown = f"# Versies\n\n{intro}\n" + blocks.add(table) + blocks.add(feed)
    return SitePage(
        path=VERSIONS, title="Versies", nav_title="Versies", markdown=markdown,
        source=ctx.source_file("versies.yml"), updated=ctx.vision_updated,
        description="Alle versies van de visie, met het besluit dat erbij hoort.",
        hide=("navigation",), blocks=blocks.blocks)
