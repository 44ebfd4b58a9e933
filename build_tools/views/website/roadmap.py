"""The roadmap (/routekaart/): the timeline graphic, the phases, and every milestone in one
accessible table that can be filtered by theme and status, with or without JavaScript."""

from __future__ import annotations

from build_tools.content import labels
from build_tools.content.model import Milestone
from build_tools.views.website.context import (
    DATA,
    ROADMAP,
    SiteContext,
    day_label,
    milestone_anchor,
    project_path,
    theme_path,
)
from build_tools.views.website.filters import FilterGroup, filter_form, row_attrs
from build_tools.views.website.html import (
    chips,
    esc,
    inline_snippet,
    link,
    status_badge,
    theme_chip,
)
from build_tools.views.website.links import author_urls
from build_tools.views.website.page import Blocks, Linker, SitePage
from build_tools.views.website.roadmap_list import roadmap_list

TARGET = "mijlpalen"


def filter_groups(ctx: SiteContext) -> tuple[FilterGroup, ...]:
    return (
        FilterGroup("themas", "Thema", tuple((t.id, t.titel) for t in ctx.model.themas),
                    multi=True),
        FilterGroup("status", "Status", tuple(labels.MILESTONE_STATUS.items())),
    )


def status_counts(ctx: SiteContext) -> dict[str, int]:
    milestones = ctx.model.routekaart.mijlpalen
    return {s: sum(1 for m in milestones if m.status == s) for s in labels.MILESTONE_STATUS}


def progress_bar(ctx: SiteContext) -> str:
    """Milestones per status as one stacked bar plus a legend with the numbers."""
    counts = status_counts(ctx)
    total = sum(counts.values())
    if not total:
        return '<p class="dv-leeg">De routekaart heeft nog geen mijlpalen.</p>'
    segments, legend = [], []
    start = 0.0
    for status, n in counts.items():
        if not n:
            continue
        # SVG rects rather than style="width: ..%": a strict CSP (style-src 'self') forbids
        # style attributes. A small gap separates neighbouring colours.
        share = n / total * 100
        width = share if start + share >= 99.99 else max(share - 0.4, 0.1)
        segments.append(f'<rect class="dv-voortgang__deel dv-status--{status}" '
                        f'x="{_pct(start)}" width="{_pct(width)}" height="1"/>')
        legend.append(f'<li>{status_badge(status, kind="mijlpaal")} {n}</li>')
        start += share
    done = counts.get("gereed", 0)
    return (f'<div class="dv-voortgang"><p class="dv-voortgang__kop">{done} van de {total} '
            f'mijlpalen zijn gereed.</p>'
            '<svg class="dv-voortgang__balk" viewBox="0 0 100 1" preserveAspectRatio="none" '
            f'aria-hidden="true">{"".join(segments)}</svg>'
            f'<ul class="dv-voortgang__legenda">{"".join(legend)}</ul></div>')


def _pct(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _phase_table(ctx: SiteContext) -> str:
    rows = []
    for phase in ctx.model.routekaart.fasen:
        ms = [m for m in ctx.model.routekaart.mijlpalen if m.fase == phase.id]
        done = sum(1 for m in ms if m.status == "gereed")
        rows.append(f'<tr><th scope="row">{esc(phase.titel)}</th>'
                    f"<td>{esc(phase.start.label())} tot en met {esc(phase.eind.label())}</td>"
                    f"<td>{done} van {len(ms)} gereed</td></tr>")
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel">'
            "<caption>De fasen van de routekaart</caption>"
            '<thead><tr><th scope="col">Fase</th><th scope="col">Periode</th>'
            '<th scope="col">Mijlpalen</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _milestone_row(ctx: SiteContext, m: Milestone, to: Linker) -> str:
    theme_chips = chips(theme_chip(t, ctx.theme_title(t), to(theme_path(t))) for t in m.themas)
    projects = ctx.projects_of_milestone(m.id)
    extra = f'<p class="dv-klein">Eigenaar: {esc(m.eigenaar)}</p>'
    if m.toelichting:
        text = author_urls(ctx.model, m.toelichting, source=ctx.model.routekaart.path, to=to)
        extra += f'<div class="dv-toelichting">{inline_snippet(text)}</div>'
    if projects:
        extra += ('<p class="dv-klein">Projecten: ' + ", ".join(
            link(to(project_path(p.id)), p.naam) for p in projects) + "</p>")
    return (f'<tr id="{esc(milestone_anchor(m.id))}"'
            + row_attrs({"themas": m.themas, "status": m.status}) + ">"
            f'<td data-kop="Wanneer" class="dv-nowrap">{esc(m.wanneer.label())}</td>'
            f'<th scope="row"><span class="dv-mijlpaal__titel">'
            f"{esc(m.titel)}</span>{extra}</th>"
            f'<td data-kop="Thema\'s">{theme_chips}</td>'
            f'<td data-kop="Status">'
            f'{status_badge(m.status, kind="mijlpaal")}</td></tr>')


def milestone_table(ctx: SiteContext, to: Linker) -> str:
    groups = filter_groups(ctx)
    bodies = []
    for phase in ctx.model.routekaart.fasen:
        ms = [m for m in ctx.sorted_milestones() if m.fase == phase.id]
        if not ms:
            continue
        head = (f'<tr class="dv-groep"><th scope="rowgroup" '
                f'colspan="4">{esc(phase.titel)} '
                f'<span class="dv-klein">({esc(phase.start.label())} tot en met '
                f'{esc(phase.eind.label())})</span></th></tr>')
        bodies.append('<tbody>' + head
                      + "".join(_milestone_row(ctx, m, to) for m in ms) + "</tbody>")
    cols = "".join(f'<th scope="col">{h}</th>'
                   for h in ("Wanneer", "Mijlpaal", "Thema's", "Status"))
    # a card per milestone on a phone (dv-tabel--stapel, see register.py)
    table = ('<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--mijlpalen '
             'dv-tabel--stapel">'
             "<caption>Alle mijlpalen, per fase, op datum</caption>"
             f'<thead><tr>{cols}</tr></thead>'
             + "".join(bodies) + "</table></div>")
    form = filter_form(groups, target=TARGET, label="Filter de mijlpalen")
    return f'<div class="dv-filterbaar" data-dv-doel="{TARGET}">{form}{table}</div>'


def roadmap_page(ctx: SiteContext) -> SitePage:
    to = Linker(ROADMAP, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    road = ctx.model.routekaart
    intro = ("In de routekaart staat wat we wanneer doen. Elke mijlpaal hoort bij een fase en "
             "bij een of meer thema's.")
    if ctx.model.stand:
        intro += f" Stand per {day_label(ctx.model.stand)}."
    parts = [f"# Routekaart\n\n{intro}\n", blocks.add(progress_bar(ctx))]
    figure = ctx.figures.timeline(ctx.model, ctx.style) if ctx.figures.timeline and ctx.style \
        else None
    if figure:  # the chart where it fits, else the same told downwards (roadmap_list.py)
        parts.append(blocks.add(
            '<div class="dv-tijdlijn-keuze">'
            f'<figure class="dv-figuur dv-figuur--tijdlijn">{figure}<figcaption>De tijdlijn '
            "toont de fasen en de mijlpalen per thema. De tabel hieronder bevat dezelfde "
            f"gegevens.</figcaption></figure>{roadmap_list(ctx)}</div>"))
    parts.append("\n## Fasen\n")
    parts.append(blocks.add(_phase_table(ctx)))
    parts.append("\n## Alle mijlpalen\n\nKies een thema of een status om de tabel te filteren.\n")
    parts.append(blocks.add(milestone_table(ctx, to)))
    if ctx.downloads:
        parts.append("\n## Downloads\n")
        parts.append(blocks.add(
            '<ul class="dv-downloads">'
            f'<li>{link(to(f"{DATA}/routekaart.json"), "Routekaart als JSON")} '
            '<span class="dv-klein">(open data)</span></li>'
            f'<li>{link(to(f"{DATA}/routekaart.ics"), "Mijlpalen in uw agenda")} '
            '<span class="dv-klein">(iCalendar, .ics)</span></li>'
            f'<li>{link(to("open-data.md"), "Uitleg van alle downloads en hun velden")}</li>'
            '</ul>'))
    return SitePage(
        path=ROADMAP, title="Routekaart", markdown="".join(parts), source=road.path,
        updated=ctx.updated, hide=("navigation", "toc"),
        description=f"{len(road.fasen)} fasen en {len(road.mijlpalen)} mijlpalen: wat we "
                    "wanneer doen.",
        blocks=blocks.blocks)

