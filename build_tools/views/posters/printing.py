"""Print-ready posters (`datavisie posters --drukwerk`, and `<name>-drukwerk.pdf` on the site):
the poster with 3 mm bleed, crop marks and a slug line, on a sheet large enough to hold them;
the PDF's TrimBox and BleedBox are set afterwards (pdfmeta.py). Pure: SVG text in, SVG out.

Bleed without redrawing: the sheet is the poster's own SVG with a larger viewBox; every
rectangle that reaches an edge of the paper (background, coloured bands, footer) is extended
3 mm past it, so the colour runs to where the print shop cuts. A template that wants something
else to bleed draws it as such a rectangle.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from build_tools.views.charts.svg import esc, num

SVG_NS = "http://www.w3.org/2000/svg"
BLEED_MM = 3.0  # what Dutch print shops ask for
MARK_GAP_MM = 3.0  # crop marks start this far outside the trim (never inside the bleed)
MARK_MM = 5.0  # length of a crop mark
MARGIN_MM = BLEED_MM + MARK_GAP_MM + MARK_MM + 2.0  # trim edge to sheet edge
MARK_WIDTH_MM = 0.25 * 25.4 / 72  # a 0.25 pt hairline
_EDGE = 1e-6


@dataclass(frozen=True)
class Sheet:
    """Where the poster sits on the print sheet (mm): the trim box and the bleed."""

    width: float  # the poster (trim) size
    height: float
    margin: float = MARGIN_MM
    bleed: float = BLEED_MM

    @property
    def sheet(self) -> tuple[float, float]:
        return self.width + 2 * self.margin, self.height + 2 * self.margin


def _float(value: str | None) -> float:
    if not value:
        return 0.0
    match = re.match(r"\s*(-?[0-9.]+(?:e-?\d+)?)", value)
    return float(match.group(1)) if match else 0.0


def _bleed_rects(el: ET.Element, w: float, h: float, bleed: float) -> None:
    """Extend every rectangle (outside any transform) that touches the paper's edge."""
    for child in el:
        tag = child.tag.rsplit("}", 1)[-1]
        if child.get("transform") or tag in ("defs", "clipPath", "mask", "pattern",
                                             "symbol", "svg", "title", "desc", "style"):
            continue
        if tag == "rect":
            x, y = _float(child.get("x")), _float(child.get("y"))
            rw, rh = _float(child.get("width")), _float(child.get("height"))
            if rw <= 0 or rh <= 0:
                continue
            left, top = x <= _EDGE, y <= _EDGE
            right, bottom = x + rw >= w - _EDGE, y + rh >= h - _EDGE
            if left:
                x, rw = x - bleed, rw + bleed
            if right:
                rw += bleed
            if top:
                y, rh = y - bleed, rh + bleed
            if bottom:
                rh += bleed
            if left or right or top or bottom:
                child.set("x", num(x))
                child.set("y", num(y))
                child.set("width", num(rw))
                child.set("height", num(rh))
        elif tag in ("g", "a"):
            _bleed_rects(child, w, h, bleed)


def _marks(sheet: Sheet) -> str:
    """Crop marks at the four corners of the trim box, outside the bleed."""
    w, h, gap, length = sheet.width, sheet.height, max(MARK_GAP_MM, sheet.bleed), MARK_MM
    lines = []
    for cx in (0.0, w):
        for cy in (0.0, h):
            sx = -1 if cx == 0 else 1
            sy = -1 if cy == 0 else 1
            lines.append((cx + sx * gap, cy, cx + sx * (gap + length), cy))  # horizontal
            lines.append((cx, cy + sy * gap, cx, cy + sy * (gap + length)))  # vertical
    return "".join(f'<line x1="{num(a)}" y1="{num(b)}" x2="{num(c)}" y2="{num(d)}"/>'
                   for a, b, c, d in lines)


def print_svg(svg: str, *, slug: str = "", family: str = "") -> str:
    """The poster `svg` (mm units) on a print sheet: bleed, crop marks, a slug line."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg)
    view = [float(v) for v in (root.get("viewBox") or "0 0 0 0").split()]
    sheet = Sheet(view[2], view[3])
    sw, sh = sheet.sheet
    m = sheet.margin
    _bleed_rects(root, sheet.width, sheet.height, sheet.bleed)
    root.set("width", f"{num(sw)}mm")
    root.set("height", f"{num(sh)}mm")
    root.set("viewBox", f"{num(-m)} {num(-m)} {num(sw)} {num(sh)}")
    body = ET.tostring(root, encoding="unicode")
    fam = f' font-family="\'{esc(family)}\', sans-serif"' if family else ""
    extra = (f'<g class="dv-drukwerk" aria-hidden="true" fill="none" stroke="#000000" '
             f'stroke-width="{num(MARK_WIDTH_MM)}">{_marks(sheet)}</g>')
    if slug:
        extra += (f'<text x="{num(sheet.width / 2)}" y="{num(sheet.height + m - 2.2)}" '
                  f'font-size="2.2" text-anchor="middle" fill="#000000"{fam}>{esc(slug)}</text>')
    head, _, tail = body.rpartition("</svg>")  # the root's end tag (a logo nests an <svg>)
    return head + extra + "</svg>" + tail
