"""The charts for the site: build_tools.views.charts draws them; this picks the on-screen sizes."""

from __future__ import annotations

from build_tools.content.model import Datavisie
from build_tools.housestyle.tokens import Style
from build_tools.views.website.context import Figures

TIMELINE_WIDTH = 1160  # px in the viewBox: about the on-screen width, so text keeps its size
MIN_HEIGHT = 320
RADAR_SIZE = 560


def timeline(model: Datavisie, style: Style | None) -> str:
    """The lowest timeline in which every milestone keeps its name (the chart drops names
    that do not fit; on a web page a taller chart is better than unnamed dots)."""
    from build_tools.views import charts

    if style is None:
        return ""
    size = 14
    height = max(MIN_HEIGHT, charts.timeline_height(model, style, width=TIMELINE_WIDTH,
                                                    font_size=size))
    return charts.timeline_svg(model, style, width=TIMELINE_WIDTH, height=height, font_size=size,
                               id_prefix="dv-tijdlijn", title="Tijdlijn van de routekaart")


def radar(model: Datavisie, style: Style | None) -> str:
    from build_tools.views import charts

    if style is None or not charts.has_radar(model):
        return ""
    return charts.radar_svg(model, style, size=RADAR_SIZE, font_size=15, id_prefix="dv-radar",
                            title="Ontwikkeling per dimensie")


def site_figures() -> Figures:
    return Figures(timeline=timeline, radar=radar)
