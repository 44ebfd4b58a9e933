"""The paper a poster is drawn on and the boxes on it: sizes, `Box`, `Region`, and a checked
poster definition (`PosterDef`). Plain values, shared by the definition reader (layout.py)
and the poster kinds (kinds/), neither of which this module knows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from build_tools.errors import Pos

MM_PER_PT = 25.4 / 72

# Paper in mm (portrait); `kaart` is the 1200x630 px social card.
PAPER: Mapping[str, tuple[float, float]] = {
    "A0": (841, 1189), "A1": (594, 841), "A2": (420, 594), "A3": (297, 420),
    "A4": (210, 297), "A5": (148, 210), "kaart": (1200, 630),
}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class Region:
    """A box on the poster and how text in it is set (sizes in pt; px on a card)."""

    name: str
    box: Box
    font: str  # tekst | koppen
    largest: float
    smallest: float
    step: float
    max_lines: int | None
    pos: Pos


@dataclass(frozen=True)
class PosterDef:
    """One checked poster definition. Lengths are in the poster's unit (mm; px on a card)."""

    name: str  # file stem: `visie`, `routekaart`, `thema` (-> thema-<id>), `kaart`
    title: str
    kind: str
    template: str
    paper: str
    landscape: bool
    regions: Mapping[str, Region]
    path: str

    @property
    def size(self) -> tuple[float, float]:
        w, h = PAPER[self.paper]
        return (h, w) if self.landscape else (w, h)

    @property
    def unit(self) -> str:
        return "px" if self.paper == "kaart" else "mm"

    def pt(self, value: float) -> float:
        """A font size from the definition (pt; px on a card) in the poster's unit."""
        return value if self.unit == "px" else value * MM_PER_PT
