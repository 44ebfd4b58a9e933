"""Where the radar's scale numbers go: between two spokes, just inside their ring, in the gap
whose labels no line crosses (rings, spokes and the series drawn from the data). Pure
geometry; radar.py draws the result. Only when every gap is crossed by a series (a rare shape
of data) do the numbers of the least crossed gap get a backdrop, so they stay legible.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


@dataclass(frozen=True)
class ScaleLabel:
    text: str
    x: float  # text-anchor middle
    y: float  # baseline
    box: Box  # what the digits cover
    backdrop: bool


def polygon_segments(points: Sequence[Point]) -> list[Segment]:
    return [(points[i], points[(i + 1) % len(points)]) for i in range(len(points))]


def crosses(box: Box, seg: Segment) -> bool:
    """Whether a line segment enters the box (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = seg
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box.left), (dx, box.right - x0),
                 (-dy, y0 - box.top), (dy, box.bottom - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


# Where along a ring's edge a number may go (0 and 1 are the spokes), nearest the middle first,
# and on which side of the edge.
_ALONG = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)
_SIDES = (-1, 1)  # inside the ring, outside it


def place_scale(levels: Sequence[tuple[str, float]], *, centre: Point, n: int, start: float,
                segments: Sequence[Segment], size: float,
                measure: Callable[[str, float], float]) -> list[ScaleLabel]:
    """One label per (text, ring radius) in `levels`, `size` high, beside its ring's edge in
    the gap between two spokes where every label finds a place that no line crosses and no
    other label covers (the first such gap; else the one with the fewest crossed labels)."""
    cx, cy = centre
    half_h = size * 0.36  # digits: cap height about 0.72 em, centred on the anchor
    clear = size * 0.2
    best: tuple[int, list[ScaleLabel]] | None = None
    for gap in range(n):
        a0 = start + 2 * math.pi * gap / n
        a1 = start + 2 * math.pi * (gap + 1) / n
        mid = (a0 + a1) / 2
        c, s = math.cos(mid), math.sin(mid)
        labels: list[ScaleLabel] = []
        hits = 0
        for text, ring in levels:
            half_w = measure(text, size) / 2
            reach = abs(half_w * c) + abs(half_h * s) + clear
            p0 = (cx + ring * math.cos(a0), cy + ring * math.sin(a0))
            p1 = (cx + ring * math.cos(a1), cy + ring * math.sin(a1))
            found = None
            for side in _SIDES:
                for t in _ALONG:
                    x = p0[0] + t * (p1[0] - p0[0]) + side * reach * c
                    y = p0[1] + t * (p1[1] - p0[1]) + side * reach * s
                    box = Box(x - half_w, y - half_h, x + half_w, y + half_h)
                    free = not any(crosses(box.grown(clear / 2), seg) for seg in segments)
                    if free and not any(_overlap(box.grown(clear), o.box) for o in labels):
                        found = ScaleLabel(text, x, y + half_h, box, False)
                        break
                if found:
                    break
            if found is None:  # the middle, inside the ring, on a backdrop
                x = (p0[0] + p1[0]) / 2 - reach * c
                y = (p0[1] + p1[1]) / 2 - reach * s
                box = Box(x - half_w, y - half_h, x + half_w, y + half_h)
                found = ScaleLabel(text, x, y + half_h, box, True)
                hits += 1
            labels.append(found)
        if best is None or hits < best[0]:
            best = (hits, labels)
        if hits == 0:
            break
    assert best is not None
    return best[1]


def _overlap(a: Box, b: Box) -> bool:
    return a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom
