"""The maturity radar: baseline vs latest measurement vs ambition per dimension."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from build_tools.views.charts.radar_scale import Point, Segment, place_scale, polygon_segments
from build_tools.views.charts.svg import (
    SERIES_LABELS,
    ChartFont,
    comma,
    esc,
    num,
    svg_open,
    wrap_words,
)

if TYPE_CHECKING:
    from build_tools.content.model import Datavisie, Level, Measurement
    from build_tools.housestyle.tokens import Style



@dataclass(frozen=True)
class DimensionScore:
    """One dimension of the maturity model: mean of its aspects per series (None: no data)."""

    id: str
    titel: str
    nulmeting: float | None
    meting: float | None
    ambitie: float | None


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def dimension_scores(model: Datavisie) -> tuple[DimensionScore, ...]:
    """Baseline, latest measurement and ambition per dimension (mean of its aspects)."""
    mm = model.metingmodel
    if mm is None or not model.metingen:
        return ()
    base, last = model.baseline, model.latest_measurement

    def series(measurement: Measurement | None, ids: Sequence[str], ambition: bool) -> float | None:
        if measurement is None:
            return None
        vals = []
        for aspect in ids:
            s = measurement.score(aspect)
            v = None if s is None else (s.ambitie if ambition else s.huidig)
            if v is not None:
                vals.append(float(v))
        return _mean(vals)

    out = []
    for d in mm.dimensies:
        ids = [a.id for a in d.aspecten]
        amb = series(last, ids, True)
        if amb is None:
            amb = series(base, ids, True)
        out.append(DimensionScore(d.id, d.titel, series(base, ids, False),
                                  series(last, ids, False) if last is not base else None, amb))
    return tuple(out)


def has_radar(model: Datavisie) -> bool:
    return bool(dimension_scores(model))


_SERIES_STYLE = {  # dash pattern (x stroke width), marker shape: never colour alone
    "nulmeting": ("2.2 1.6", "square"),
    "meting": ("", "circle"),
    "ambitie": ("0.4 1.4", "diamond"),
}


def _marker(shape: str, cx: float, cy: float, r: float, colour: str, bg: str) -> str:
    if shape == "square":
        return (f'<rect x="{num(cx - r)}" y="{num(cy - r)}" width="{num(2 * r)}"'
                f' height="{num(2 * r)}"'
                f' fill="{esc(colour)}" stroke="{esc(bg)}" stroke-width="{num(r * .3)}"/>')
    if shape == "diamond":
        k = r * 1.3
        return (f'<polygon points="{num(cx)},{num(cy - k)} {num(cx + k)},{num(cy)}'
                f' {num(cx)},{num(cy + k)}'
                f' {num(cx - k)},{num(cy)}" fill="{esc(colour)}" stroke="{esc(bg)}"'
                f' stroke-width="{num(r * .3)}"/>')
    return (f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{num(r * 1.1)}" fill="{esc(colour)}"'
            f' stroke="{esc(bg)}" stroke-width="{num(r * .3)}"/>')


def _series_label(model: Datavisie, key: str) -> str:
    m = model.baseline if key == "nulmeting" else model.latest_measurement
    if key == "ambitie" or m is None:
        return SERIES_LABELS[key]
    word = ("Nulmeting" if key == "nulmeting"
            else "Meting" if m.soort == "nulmeting" else "Hermeting")
    return f"{word} {m.datum.label()}"


def radar_svg(model: Datavisie, style: Style, *, size: float, font_size: float | None = None,
              font: ChartFont | None = None, legend: str = "onder", id_prefix: str = "dv-radar",
              x: float = 0, y: float = 0, title: str | None = None, lang: bool = True) -> str:
    """Maturity per dimension: baseline vs latest measurement vs ambition, as a radar
    with its scale and a legend. The chart is a `size` square; with `legend="rechts"` the
    legend stands to its right (the SVG is then wider than high)."""
    font = font or ChartFont()
    fs = font_size or size * 0.035
    p, pal = id_prefix, style.light
    dims = dimension_scores(model)
    mm = model.metingmodel
    keys = [k for k in ("nulmeting", "meting", "ambitie") if any(getattr(d, k) is not None
                                                                 for d in dims)]
    right = legend == "rechts"
    legend_w = max((font.measure(_series_label(model, k), fs) for k in keys), default=0.0)
    total_w = size + fs * 5.2 + legend_w if right else size
    out = [svg_open("radar", p, total_w, size, x, y, lang)]
    out.append(f'<title id="{esc(p)}-title">{esc(title or "Ontwikkeling per dimensie")}</title>')
    if not dims or mm is None:
        out.append(f'<desc id="{esc(p)}-desc">Er is nog geen meting.</desc>')
        out.append(f'<text x="{num(size / 2)}" y="{num(size / 2)}" text-anchor="middle"'
                   f' font-size="{num(fs)}" fill="{esc(pal.text_muted)}"{font.attrs()}>'
                   f'Nog geen meting</text></svg>')
        return "".join(out)
    desc = "; ".join(
        f"{d.titel}: " + ", ".join(f"{_series_label(model, k).lower()} {comma(getattr(d, k))}"
                                   for k in keys if getattr(d, k) is not None) for d in dims)
    scale = (f"Schaal {mm.lowest} ({mm.niveaus[0].naam}) tot {mm.highest} "
             f"({mm.niveaus[-1].naam}). {desc}.")
    out.append(f'<desc id="{esc(p)}-desc">{esc(scale)}</desc>')

    legend_h = 0.0 if right else fs * 1.9 * len(keys) + fs * .4
    n = len(dims)
    if n < 3:  # a radar needs three axes: show each dimension as a scale with its marks
        out.append(_scales(model, style, dims, keys, size, legend_h, fs, font))
        out.append(_radar_legend(model, style, keys, size, legend_h, fs, font, right))
        out.append("</svg>")
        return "".join(out)
    lo, hi = mm.lowest, mm.highest
    gap = fs * 0.9
    # Four axes as an X, not a +: the side labels then sit at the corners, where there is room.
    start = -math.pi / 2 + (math.pi / 4 if n == 4 else 0.0)
    cx, cy = size / 2, (size - legend_h) / 2 + fs * .3
    radius = min(size * 0.36, (size - legend_h) / 2 - fs * 2.8)
    wrapped = [wrap_words(d.titel, size * 0.26, fs, font.measure_strong, 3) for d in dims]
    for i, lines in enumerate(wrapped):  # leave room for each side label
        c = math.cos(start + 2 * math.pi * i / n)
        if abs(c) >= 0.3:
            w = max(font.measure_strong(line, fs) for line in lines)
            radius = min(radius, (size / 2 - fs * .4 - w) / abs(c) - gap)

    def point(i: int, value: float) -> tuple[float, float]:
        ang = start + 2 * math.pi * i / n
        rr = radius * (value - lo + 1) / (hi - lo + 1)
        return cx + rr * math.cos(ang), cy + rr * math.sin(ang)

    drawn: list[Segment] = []  # every line drawn inside the chart, for the scale numbers
    for level in mm.niveaus:  # rings, one per level
        corners = [point(i, level.waarde) for i in range(n)]
        drawn += polygon_segments(corners)
        ring = " ".join(f"{num(a)},{num(b)}" for a, b in corners)
        out.append(f'<polygon class="dv-c-grid" points="{ring}" fill="none"'
                   f' stroke="{esc(pal.text_muted)}" stroke-opacity="0.35"'
                   f' stroke-width="{num(fs * .06)}"/>')
    for i in range(n):
        ax, ay = point(i, hi)
        drawn.append(((cx, cy), (ax, ay)))
        out.append(f'<line class="dv-c-grid" x1="{num(cx)}" y1="{num(cy)}" x2="{num(ax)}"'
                   f' y2="{num(ay)}" stroke="{esc(pal.text_muted)}" stroke-opacity="0.35"'
                   f' stroke-width="{num(fs * .06)}"/>')

    for key in keys:
        colour = style.series[key]
        dash, shape = _SERIES_STYLE[key]
        sw = fs * (0.22 if key == "meting" else 0.18)
        pts: list[tuple[float, float]] = [
            point(i, v) for i, d in enumerate(dims) if (v := getattr(d, key)) is not None]
        drawn += polygon_segments(pts) if len(pts) == n else []
        if len(pts) == n:
            dash_attr = (f' stroke-dasharray="{" ".join(num(float(v) * sw) for v in dash.split())}"'
                         if dash else "")
            fill = (f'fill="{esc(colour)}" fill-opacity="0.16"' if key == "meting"
                    else 'fill="none"')
            out.append(f'<polygon class="dv-c-series dv-c-{key}" points="'
                       + " ".join(f"{num(a)},{num(b)}" for a, b in pts)
                       + f'" {fill} stroke="{esc(colour)}" stroke-width="{num(sw)}"'
                       f' stroke-linejoin="round" stroke-linecap="round"{dash_attr}/>')
        for a, b in pts:
            out.append(_marker(shape, a, b, fs * .28, colour, pal.background))

    out += _scale(mm.niveaus, drawn, centre=(cx, cy), n=n, start=start,
                  ring=lambda v: radius * (v - lo + 1) / (hi - lo + 1), fs=fs, font=font,
                  muted=pal.text_muted, background=pal.background)

    for i, lines in enumerate(wrapped):  # axis labels outside the outer ring
        ang = start + 2 * math.pi * i / n
        c, sn = math.cos(ang), math.sin(ang)
        lx = cx + (radius + gap) * c
        ly = cy + (radius + gap) * sn
        anchor = "middle" if abs(c) < 0.3 else ("start" if c > 0 else "end")
        lh = fs * 1.15
        k = len(lines)
        top = (ly + fs * .9 if sn > 0.3 else ly - (k - 1) * lh - fs * .3 if sn < -0.3
               else ly - (k - 1) * lh / 2 + fs * .35)
        for j, line in enumerate(lines):
            out.append(f'<text class="dv-c-text" x="{num(lx)}" y="{num(top + j * lh)}"'
                       f' font-size="{num(fs)}" text-anchor="{anchor}" fill="{esc(pal.text)}"'
                       f'{font.attrs(strong=True)}>{font.markup(line)}</text>')

    out.append(_radar_legend(model, style, keys, size, legend_h, fs, font, right))
    out.append("</svg>")
    return "".join(out)


def _scale(levels: Sequence[Level], lines: Sequence[Segment], *, centre: Point, n: int,
           start: float, ring: Callable[[float], float], fs: float, font: ChartFont,
           muted: str, background: str) -> list[str]:
    """The level numbers beside their rings, where no line crosses them (radar_scale.py)."""
    size = fs * .72
    placed = place_scale([(str(v.waarde), ring(v.waarde)) for v in levels], centre=centre,
                         n=n, start=start, segments=lines, size=size, measure=font.measure)
    out = []
    for label in placed:
        if label.backdrop:  # only when a series crosses every gap
            b = label.box.grown(size * .12)
            out.append(f'<rect class="dv-c-backdrop" x="{num(b.left)}" y="{num(b.top)}"'
                       f' width="{num(b.right - b.left)}" height="{num(b.bottom - b.top)}"'
                       f' rx="{num(size * .2)}" fill="{esc(background)}"/>')
        out.append(f'<text class="dv-c-muted" x="{num(label.x)}" y="{num(label.y)}"'
                   f' text-anchor="middle" font-size="{num(size)}" fill="{esc(muted)}"'
                   f'{font.attrs()}>{esc(label.text)}</text>')
    return out


def _radar_legend(model: Datavisie, style: Style, keys: Sequence[str], size: float,
                  legend_h: float, fs: float, font: ChartFont, right: bool) -> str:
    out: list[str] = []
    pal = style.light
    ly0 = size - legend_h + fs * 1.0
    x0 = fs * .5
    if right:
        ly0 = size / 2 - (len(keys) - 1) * fs * 0.95
        x0 = size + fs * 1.5
    for j, key in enumerate(keys):
        colour = style.series[key]
        dash, shape = _SERIES_STYLE[key]
        sw = fs * (0.22 if key == "meting" else 0.18)
        yy = ly0 + j * fs * 1.9
        dash_attr = (f' stroke-dasharray="{" ".join(num(float(v) * sw) for v in dash.split())}"'
                     if dash else "")
        out.append(f'<line x1="{num(x0)}" y1="{num(yy)}" x2="{num(x0 + fs * 2.6)}" y2="{num(yy)}"'
                   f' stroke="{esc(colour)}" stroke-width="{num(sw)}" stroke-linecap="round"'
                   f'{dash_attr}/>')
        out.append(_marker(shape, x0 + fs * 1.3, yy, fs * .28, colour, pal.background))
        out.append(f'<text class="dv-c-text" x="{num(x0 + fs * 3.2)}" y="{num(yy + fs * .35)}"'
                   f' font-size="{num(fs)}" fill="{esc(pal.text)}"{font.attrs()}>'
                   f'{esc(_series_label(model, key))}</text>')
    return "".join(out)


def _scales(model: Datavisie, style: Style, dims: Sequence[DimensionScore],
            keys: Sequence[str], size: float, legend_h: float, fs: float,
            font: ChartFont) -> str:
    """One horizontal scale per dimension with a mark per series (fewer than 3 dimensions)."""
    mm = model.metingmodel
    assert mm is not None
    pal = style.light
    lo, hi = mm.lowest, mm.highest
    x0, x1 = fs * 1.0, size - fs * 1.0
    room = size - legend_h
    step = room / (len(dims) + 0.5)
    out = []
    for i, d in enumerate(dims):
        y = step * (i + 0.75)
        out.append(f'<text class="dv-c-text" x="{num(x0)}" y="{num(y - fs * 1.2)}"'
                   f' font-size="{num(fs)}"'
                   f' fill="{esc(pal.text)}"{font.attrs(strong=True)}>{esc(d.titel)}</text>')
        out.append(f'<line class="dv-c-grid" x1="{num(x0)}" y1="{num(y)}" x2="{num(x1)}"'
                   f' y2="{num(y)}"'
                   f' stroke="{esc(pal.text_muted)}" stroke-opacity="0.5"'
                   f' stroke-width="{num(fs * .08)}"/>')
        for level in mm.niveaus:
            lx = x0 + (level.waarde - lo) / max(hi - lo, 1) * (x1 - x0)
            out.append(f'<text class="dv-c-muted" x="{num(lx)}" y="{num(y + fs * 1.5)}"'
                       f' font-size="{num(fs * .72)}" text-anchor="middle"'
                       f' fill="{esc(pal.text_muted)}"{font.attrs()}>{level.waarde}</text>')
        for key in keys:
            value = getattr(d, key)
            if value is None:
                continue
            vx = x0 + (value - lo) / max(hi - lo, 1) * (x1 - x0)
            out.append(_marker(_SERIES_STYLE[key][1], vx, y, fs * .4, style.series[key],
                               pal.background))
    return "".join(out)

