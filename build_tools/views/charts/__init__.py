"""Shared charts: the roadmap timeline and the maturity radar as complete <svg> elements.

Pure functions of (model, style) -> SVG text, used inline by the website and placed on the
posters. Text stays text; status is told by shape, line style and label, never by colour
alone; every id is prefixed so several charts can share one HTML page. Colours are
presentation attributes (light scheme); classes (`dv-c-*`) let the site restyle them, e.g.
for dark mode, because CSS rules override presentation attributes.
"""

from __future__ import annotations

from build_tools.views.charts.radar import (
    DimensionScore,
    dimension_scores,
    has_radar,
    radar_svg,
)
from build_tools.views.charts.svg import (
    MILESTONE_LABELS,
    SERIES_LABELS,
    ChartFont,
    status_mark,
)
from build_tools.views.charts.timeline import timeline_height, timeline_svg

__all__ = ["MILESTONE_LABELS", "SERIES_LABELS", "ChartFont", "DimensionScore",
           "dimension_scores", "has_radar", "radar_svg", "status_mark", "timeline_height",
           "timeline_svg"]
