"""The charts for the site: build_tools.charts draws them; this picks the on-screen sizes."""

from __future__ import annotations

from ..model import Datavisie
from ..tokens import Style
from .context import Figures

TIMELINE_WIDTH = 1160  # px in the viewBox: about the on-screen width, so text keeps its size
LANE_HEIGHT = 84  # px per theme lane; grows when names do not fit
RADAR_SIZE = 560


def timeline(model: Datavisie, style: Style | None) -> str:
    """The lowest timeline in which the milestones keep their names (the chart drops names
    that do not fit; on a web page a taller chart is better than unnamed dots)."""
    from .. import charts

    if style is None:
        return ""

    def draw(height: float, *, labels: bool = True) -> str:
        return charts.timeline_svg(model, style, width=TIMELINE_WIDTH, height=height,
                                   font_size=14, labels=labels, id_prefix="dv-tijdlijn",
                                   title="Tijdlijn van de routekaart")

    lanes = len(model.themas) + 1
    bare = draw(100 + LANE_HEIGHT * lanes, labels=False).count("<text")
    svg = ""
    for per_lane in (LANE_HEIGHT, LANE_HEIGHT * 1.5, LANE_HEIGHT * 2):
        svg = draw(100 + per_lane * lanes)
        if svg.count("<text") > bare:
            break
    return svg


def radar(model: Datavisie, style: Style | None) -> str:
    from .. import charts

    if style is None or not charts.has_radar(model):
        return ""
    return charts.radar_svg(model, style, size=RADAR_SIZE, font_size=15, id_prefix="dv-radar",
                            title="Ontwikkeling per dimensie")


def site_figures() -> Figures:
    return Figures(timeline=timeline, radar=radar)
