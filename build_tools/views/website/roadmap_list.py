"""The roadmap as a vertical timeline, for screens too narrow for the timeline chart.

The chart (charts/timeline.py) is 1160 px wide; on a phone it shrinks to a strip with text
a few pixels high. This is the same picture told downwards: a band per phase, a line with a
dot per milestone in its status colour, its date, name (a link to its row in the table),
status as a word and its themes, and where "today" (the content's "stand per" date) falls.
Plain HTML, so it reflows, zooms and reads aloud as an ordered list. The stylesheet shows it
instead of the chart whenever the chart's text would be smaller than 12 CSS pixels (a
container query on `.dv-tijdlijn-keuze`, see datavisie.css).
"""

from __future__ import annotations

from build_tools.content.model import Milestone
from build_tools.views.website.context import SiteContext, day_label, milestone_anchor
from build_tools.views.website.html import esc, status_badge


def _milestone(ctx: SiteContext, m: Milestone) -> str:
    every = len(ctx.model.themas) > 1 and set(m.themas) >= {t.id for t in ctx.model.themas}
    themes = "Alle thema's" if every else ", ".join(esc(ctx.theme_title(t)) for t in m.themas)
    return (f'<li class="dv-tijdlijn__mijlpaal dv-status--{esc(m.status)}">'
            f'<span class="dv-tijdlijn__wanneer">{esc(m.wanneer.label())}</span> '
            f'<a class="dv-tijdlijn__naam" href="#{esc(milestone_anchor(m.id))}">'
            f"{esc(m.titel)}</a> "
            f'<span class="dv-tijdlijn__over">{status_badge(m.status, kind="mijlpaal")} '
            f'<span class="dv-tijdlijn__themas">{themes}</span></span></li>')


def _today(ctx: SiteContext) -> str:
    assert ctx.model.stand is not None
    return (f'<li class="dv-tijdlijn__nu"><span>Stand per {esc(day_label(ctx.model.stand))}'
            "</span></li>")


def roadmap_list(ctx: SiteContext) -> str:
    """The vertical timeline (an empty string for a roadmap without phases)."""
    road = ctx.model.routekaart
    if not road.fasen:
        return ""
    stand = ctx.model.stand
    phases = []
    today_placed = False
    for phase in road.fasen:
        items = []
        ms = [m for m in ctx.sorted_milestones() if m.fase == phase.id]
        here = (stand is not None and not today_placed
                and phase.start.start <= stand <= phase.eind.end)
        for m in ms:
            if here and not today_placed and m.wanneer.start > stand:  # type: ignore[operator]
                items.append(_today(ctx))
                today_placed = True
            items.append(_milestone(ctx, m))
        if here and not today_placed:
            items.append(_today(ctx))
            today_placed = True
        count = f"{len(ms)} mijlpa{'len' if len(ms) != 1 else 'al'}"
        phases.append(
            f'<li class="dv-tijdlijn__fase{" dv-tijdlijn__fase--nu" if here else ""}">'
            f'<p class="dv-tijdlijn__fasekop"><strong>{esc(phase.titel)}</strong> '
            f'<span class="dv-tijdlijn__periode">{esc(phase.start.label())} tot en met '
            f"{esc(phase.eind.label())} · {count}</span></p>"
            + (f'<ol class="dv-tijdlijn__mijlpalen">{"".join(items)}</ol>' if items else "")
            + "</li>")
    return ('<figure class="dv-figuur dv-tijdlijn" aria-labelledby="dv-tijdlijn-lijst-kop">'
            '<figcaption id="dv-tijdlijn-lijst-kop">De tijdlijn per fase: elke mijlpaal met '
            "datum en status. De tabel hieronder heeft alle gegevens.</figcaption>"
            f'<ol class="dv-tijdlijn__fasen">{"".join(phases)}</ol></figure>')
