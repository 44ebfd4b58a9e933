"""The versions list (/versies/) and the version note shown on every page of the vision."""

from __future__ import annotations

from .. import labels
from ..model import Version
from .context import VERSIONS, SiteContext
from .html import esc, inline_snippet, link
from .links import author_urls
from .page import Blocks, Linker, SitePage


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


def version_note(ctx: SiteContext, to: Linker) -> str:
    """Which version of the vision the reader sees, and whether a newer concept is pending."""
    adopted = ctx.model.latest_adopted
    newest = ctx.model.versies[-1] if ctx.model.versies else None
    parts = []
    if adopted is None:
        parts.append("Deze visie is nog een <strong>concept</strong>: er is nog geen versie "
                     "vastgesteld.")
    else:
        parts.append(f"Versie {esc(adopted.versie)}, {decision_text(adopted)}.")
        if newest is not None and newest is not adopted and newest.status == "concept":
            parts.append(f"Er ligt een concept voor versie {esc(newest.versie)}.")
    parts.append(link(to(VERSIONS), "Alle versies"))
    return f'<p class="dv-versie">{" ".join(parts)}</p>'


def versions_page(ctx: SiteContext) -> SitePage | None:
    model = ctx.model
    if not model.versies:
        return None
    to = Linker(VERSIONS, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    adopted = model.latest_adopted
    source = ctx.source_file("versies.yml") or "content/versies.yml"
    rows = []
    for v in reversed(model.versies):
        current = v is adopted
        status = esc(labels.VERSION_STATUS[v.status])
        if current:
            status += ' <span class="dv-label">geldt nu</span>'
        besluit = _decision_ref(v)
        row_class = ' class="dv-huidig"' if current else ""
        summary = inline_snippet(author_urls(model, v.samenvatting, source=source, to=to))
        rows.append(
            f'<tr id="versie-{esc(v.versie)}"{row_class}>'
            f'<th scope="row">{esc(v.versie)}</th><td class="dv-nowrap">{esc(v.datum.label())}</td>'
            f"<td>{status}</td><td>{besluit}</td><td>{summary}</td></tr>")
    table = (
        '<div class="dv-tabel-wrap"><table class="dv-tabel">'
        "<caption>Versies van de visie, nieuwste eerst</caption>"
        '<thead><tr><th scope="col">Versie</th><th scope="col">Datum</th>'
        '<th scope="col">Status</th><th scope="col">Besluit</th>'
        '<th scope="col">Wat veranderde</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>")
    if adopted is not None:
        intro = (f"De visie die nu geldt is versie {adopted.versie}. Een versie geldt als het "
                 "managementteam, het college of de gemeenteraad haar heeft vastgesteld. "
                 "Nieuwe teksten zijn een concept totdat ze zijn vastgesteld.")
    else:
        intro = ("Er is nog geen vastgestelde versie van de visie. De hele visie is een concept "
                 "totdat het managementteam, het college of de gemeenteraad haar vaststelt.")
    markdown = f"# Versies\n\n{intro}\n" + blocks.add(table)
    return SitePage(
        path=VERSIONS, title="Versies", nav_title="Versies", markdown=markdown,
        source=ctx.source_file("versies.yml"), updated=ctx.vision_updated,
        description="Alle versies van de visie, met het besluit dat erbij hoort.",
        hide=("navigation",), blocks=blocks.blocks)
