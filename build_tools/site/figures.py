"""The charts for the site: build_tools.charts draws them; this picks the on-screen sizes."""

from __future__ import annotations

from ..model import Datavisie
from ..tokens import Style
from .context import Figures

TIMELINE_WIDTH = 1160  # px in the viewBox: about the on-screen width, so text keeps its size
LANE_HEIGHT = 84
RADAR_SIZE = 560


def timeline(model: Datavisie, style: Style | None) -> str:
    from .. import charts

    if style is None:
        return ""
    height = 120 + LANE_HEIGHT * max(len(model.themas), 1)
    return charts.timeline_svg(model, style, width=TIMELINE_WIDTH, height=height,
                               font_size=14, id_prefix="dv-tijdlijn",
                               title="Tijdlijn van de routekaart")


def radar(model: Datavisie, style: Style | None) -> str:
    from .. import charts

    if style is None or not charts.has_radar(model):
        return ""
    return charts.radar_svg(model, style, size=RADAR_SIZE, font_size=15, id_prefix="dv-radar",
                            title="Ontwikkeling per dimensie")


def site_figures() -> Figures:
    return Figures(timeline=timeline, radar=radar)
