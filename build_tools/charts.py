"""Shared charts: the roadmap timeline and the maturity radar as complete <svg> elements.

Pure functions of (model, style) -> SVG text, used inline by the website and placed on the
posters. Text stays text; status is told by shape, line style and label, never by colour
alone; every id is prefixed so several charts can share one HTML page. Colours are
presentation attributes (light scheme); classes (`dv-c-*`) let the site restyle them, e.g.
for dark mode, because CSS rules override presentation attributes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from .schema import MONTHS_NL

if TYPE_CHECKING:
    from .model import Datavisie, Measurement, Milestone
    from .tokens import Style

MILESTONE_LABELS = {"gepland": "Gepland", "loopt": "Loopt", "gereed": "Gereed",
                    "vertraagd": "Vertraagd", "vervallen": "Vervallen"}
ALL_LANE = "*"
SERIES_LABELS = {"nulmeting": "Nulmeting", "meting": "Laatste meting", "ambitie": "Ambitie"}

Measure = Callable[[str, float], float]


def _approx(text: str, size: float) -> float:
    return len(text) * 0.56 * size


@dataclass(frozen=True)
class ChartFont:
    """How chart text is set. Families None: inherit the page's font (the website).

    The posters give one family per font file and its exact width function; without
    `strong` the strong text uses the regular family with font-weight 600."""

    regular: str | None = None
    strong: str | None = None
    measure: Measure = _approx
    measure_strong: Measure = _approx

    def attrs(self, *, strong: bool = False) -> str:
        if strong:
            if self.strong:
                return f' font-family="{_e(self.strong)}"'
            fam = f' font-family="{_e(self.regular)}"' if self.regular else ""
            return fam + ' font-weight="600"'
        return f' font-family="{_e(self.regular)}"' if self.regular else ""


_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _e(text: str) -> str:
    """Escaped for XML text and attributes, without the characters XML 1.0 forbids."""
    return escape(_NOT_XML_RE.sub("", text), quote=True)


def _n(value: float) -> str:
    """Short, stable number text for coordinates."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _svg_open(kind: str, prefix: str, width: float, height: float, x: float, y: float,
              lang: bool) -> str:
    place = f' x="{_n(x)}" y="{_n(y)}"' if (x or y) else ""
    language = ' lang="nl"' if lang else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="dv-chart dv-{kind}" id="{_e(prefix)}"'
            f' viewBox="0 0 {_n(width)} {_n(height)}" width="{_n(width)}" height="{_n(height)}"'
            f'{place} role="img" aria-labelledby="{_e(prefix)}-title {_e(prefix)}-desc"'
            f"{language}>")


def _wrap(text: str, width: float, size: float, measure: Measure, max_lines: int) -> list[str]:
    """Greedy wrap; the last allowed line keeps all remaining words (never cut)."""
    words, lines, cur = text.split(), [], ""
    for word in words:
        trial = f"{cur} {word}".strip()
        if cur and measure(trial, size) > width and len(lines) < max_lines - 1:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


# --- status marks -------------------------------------------------------------------------


def status_mark(status: str, cx: float, cy: float, r: float, colour: str,
                background: str = "#ffffff") -> str:
    """A milestone status as a shape that reads without colour (also used in legends)."""
    c, bg, w = _e(colour), _e(background), _n(max(r * 0.28, 0.1))
    x, y, rr = _n(cx), _n(cy), _n(r)
    cls = f'class="dv-mark dv-mark-{_e(status)}"'
    if status == "gereed":
        tick = (f"M{_n(cx - r * .45)} {_n(cy + r * .02)}L{_n(cx - r * .1)} {_n(cy + r * .36)}"
                f"L{_n(cx + r * .48)} {_n(cy - r * .32)}")
        return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{rr}" fill="{c}"/>'
                f'<path d="{tick}" fill="none" stroke="{bg}" stroke-width="{w}"'
                f' stroke-linecap="round" stroke-linejoin="round"/></g>')
    if status == "loopt":
        half = (f"M{x} {_n(cy - r)}A{rr} {rr} 0 0 1 {x} {_n(cy + r)}Z")
        return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{_n(r * .86)}" fill="{bg}" stroke="{c}"'
                f' stroke-width="{_n(r * .28)}"/><path d="{half}" fill="{c}"/></g>')
    if status == "vertraagd":
        pts = (f"{x},{_n(cy - r * 1.1)} {_n(cx + r * 1.05)},{_n(cy + r * .8)} "
               f"{_n(cx - r * 1.05)},{_n(cy + r * .8)}")
        bang = (f"M{x} {_n(cy - r * .45)}V{_n(cy + r * .2)}M{x} {_n(cy + r * .48)}"
                f"V{_n(cy + r * .5)}")
        return (f'<g {cls}><polygon points="{pts}" fill="{c}" stroke="{c}" stroke-width="{w}"'
                f' stroke-linejoin="round"/><path d="{bang}" stroke="{bg}" stroke-width="{w}"'
                f' stroke-linecap="round"/></g>')
    if status == "vervallen":
        d = r * .5
        cross = (f"M{_n(cx - d)} {_n(cy - d)}L{_n(cx + d)} {_n(cy + d)}"
                 f"M{_n(cx + d)} {_n(cy - d)}L{_n(cx - d)} {_n(cy + d)}")
        return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{_n(r * .86)}" fill="{bg}" stroke="{c}"'
                f' stroke-width="{_n(r * .2)}"/><path d="{cross}" stroke="{c}"'
                f' stroke-width="{w}" stroke-linecap="round"/></g>')
    return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{_n(r * .86)}" fill="{bg}" stroke="{c}"'
            f' stroke-width="{_n(r * .28)}"/></g>')


# --- timeline -----------------------------------------------------------------------------


def _days(d: date) -> int:
    return d.toordinal()


def _mid(m: Milestone) -> int:
    return (_days(m.wanneer.start) + _days(m.wanneer.end)) // 2


@dataclass(frozen=True)
class _Label:
    milestone: Milestone
    x: float
    lines: tuple[str, ...]
    width: float
    left: bool  # label left of the marker (near the right edge)


def _pack(labels: Sequence[_Label], r: float, gap: float) -> list[list[_Label]]:
    """Greedy interval packing into rows so no two label boxes in a row overlap."""
    rows: list[list[_Label]] = []
    ends: list[float] = []
    for lab in labels:
        start = lab.x - r - (gap + lab.width if lab.left else 0)
        end = lab.x + r + (0 if lab.left else gap + lab.width)
        for i, row_end in enumerate(ends):
            if row_end + gap <= start:
                rows[i].append(lab)
                ends[i] = end
                break
        else:
            rows.append([lab])
            ends.append(end)
    return rows


def timeline_svg(model: Datavisie, style: Style, *, width: float, height: float,
                 lanes: str = "themas", themes: Sequence[str] | None = None,
                 font_size: float = 12.0, font: ChartFont | None = None,
                 labels: bool = True, label_done: bool = True, id_prefix: str = "dv-tijdlijn", x: float = 0,
                 y: float = 0, title: str | None = None, lang: bool = True) -> str:
    """The roadmap: phases on top, a lane per theme (or one lane), milestones by date.

    `lanes` is "themas" (a milestone shows in the lane of each of its themes) or "geen".
    `themes` limits lanes and milestones to those theme ids. `label_done=False` names only
    milestones still to come (a compact strip). A dashed line marks the
    content's "stand per" date. Units are the caller's (px on the site, mm on a poster)."""
    font = font or ChartFont()
    fs, p = font_size, id_prefix
    pal = style.light
    road = model.routekaart
    order = {t.id: i for i, t in enumerate(model.themas)}
    shown = [t for t in model.themas if themes is None or t.id in themes]
    milestones = [m for m in road.mijlpalen
                  if themes is None or any(t in themes for t in m.themas)]
    spans = [(_days(ph.start.start), _days(ph.eind.end)) for ph in road.fasen]
    spans += [(_days(m.wanneer.start), _days(m.wanneer.end)) for m in milestones]
    t0 = min((s for s, _ in spans), default=_days(date(2024, 1, 1)))
    t1 = max((e for _, e in spans), default=t0 + 365)
    t0 = _days(date(date.fromordinal(t0).year, 1, 1))
    t1 = max(t1, t0 + 365)

    lane_list: list[tuple[str, str, str]]  # (id, label, colour)
    shown_ids = {t.id for t in shown}
    shared = lanes == "themas" and len(shown) >= 3 and any(
        shown_ids <= set(m.themas) for m in milestones)
    if lanes == "themas" and shown:
        lane_list = [(t.id, t.titel, style.theme_colour(t.id, order[t.id])) for t in shown]
        if shared:
            lane_list.insert(0, (ALL_LANE, "Alle thema's", pal.brand))
    else:
        lane_list = [("", "", pal.brand)]

    def in_lane(m: Milestone, lane_id: str) -> bool:
        if not lane_id:
            return True
        everywhere = shared and shown_ids <= set(m.themas)
        return everywhere if lane_id == ALL_LANE else (lane_id in m.themas and not everywhere)
    pad = fs * 0.5
    label_col = 0.0
    if lane_list[0][0]:
        widest = max(font.measure_strong(word, fs) for _, lab, _ in lane_list
                     for word in lab.split())
        label_col = min(max(widest, width * 0.08), width * 0.2) + fs * 1.2
    plot_x0, plot_x1 = label_col + pad, width - pad
    span = max(plot_x1 - plot_x0, 1.0)

    def tx(day: int) -> float:
        return plot_x0 + (day - t0) / (t1 - t0) * span

    phase_h, year_h, legend_h = fs * 2.6, fs * 1.9, fs * 2.4
    lanes_y0 = phase_h + year_h
    lanes_h = max(height - lanes_y0 - legend_h, fs * 2)
    r = fs * 0.55

    lane_lines = [_wrap(lab, label_col - fs * 1.0, fs, font.measure_strong, 3) if lid else []
                  for lid, lab, _ in lane_list]

    def build(label_fs: float) -> tuple[list[list[list[_Label]]], list[list[float]], float]:
        per_lane, heights = [], []
        for (lane_id, _, _), names in zip(lane_list, lane_lines, strict=True):
            items = sorted((m for m in milestones if in_lane(m, lane_id)),
                           key=lambda m: (_mid(m), m.id))
            labs = []
            for m in items:
                mx = tx(_mid(m))
                if labels and (label_done or m.status not in ("gereed", "vervallen")):
                    lines = tuple(_wrap(m.titel, fs * 11, label_fs, font.measure, 2))
                    lw = max(font.measure(line, label_fs) for line in lines)
                else:
                    lines, lw = (), 0.0
                left = bool(lines) and mx + r + pad + lw > width - pad
                labs.append(_Label(m, mx, lines, lw, left))
            rows = _pack(labs, r, fs * 1.2)
            hs = [max(r * 2.6, max(len(lab.lines) for lab in row) * label_fs * 1.15 + pad)
                  for row in rows] or [r * 2.6]
            floor = len(names) * fs * 1.2 + pad
            if sum(hs) < floor:
                hs = [h * floor / sum(hs) for h in hs]
            per_lane.append(rows)
            heights.append(hs)
        return per_lane, heights, sum(sum(hs) for hs in heights)

    label_fs = fs
    per_lane, heights, needed = build(label_fs)
    while labels and needed > lanes_h and label_fs > fs * 0.62:
        label_fs *= 0.92
        per_lane, heights, needed = build(label_fs)
    if labels and needed > lanes_h:  # no room to name them: markers only (titles stay tooltips)
        labels = False
        per_lane, heights, needed = build(label_fs)
    stretch = lanes_h / needed
    heights = [[h * stretch for h in hs] for hs in heights]

    out = [_svg_open("tijdlijn", p, width, height, x, y, lang)]
    total = len(milestones)
    counts = {s: sum(1 for m in milestones if m.status == s) for s in MILESTONE_LABELS}
    desc_counts = ", ".join(f"{n} {MILESTONE_LABELS[s].lower()}" for s, n in counts.items() if n)
    years = f"{date.fromordinal(t0).year} tot en met {date.fromordinal(t1 - 1).year}"
    out.append(f'<title id="{_e(p)}-title">{_e(title or "Routekaart")}</title>')
    out.append(f'<desc id="{_e(p)}-desc">{_e(f"Routekaart van {years} met {len(road.fasen)} fasen en {total} mijlpalen: {desc_counts}.")}'
               f'{_e(_stand_text(model))}</desc>')

    # phases band
    for i, ph in enumerate(road.fasen):
        a, b = tx(_days(ph.start.start)), tx(_days(ph.eind.end) + 1)
        fill = pal.surface if i % 2 == 0 else pal.background
        out.append(f'<rect class="dv-c-phase" x="{_n(a)}" y="0" width="{_n(b - a)}"'
                   f' height="{_n(height - legend_h)}" fill="{_e(fill)}"/>')
        lines = _wrap(ph.titel, b - a - pad * 2, fs * 0.95, font.measure_strong, 2)
        pfs = fs * 0.95 if len(lines) == 1 else fs * 0.8
        lines = _wrap(ph.titel, b - a - pad * 2, pfs, font.measure_strong, 2)
        base = phase_h / 2 + pfs * 0.35 - (len(lines) - 1) * pfs * 0.55
        for j, line in enumerate(lines):
            out.append(f'<text class="dv-c-text" x="{_n(a + pad)}" y="{_n(base + j * pfs * 1.1)}"'
                       f' font-size="{_n(pfs)}" fill="{_e(pal.brand)}"'
                       f'{font.attrs(strong=True)}>{_e(line)}</text>')
    # years
    first_year, last_year = date.fromordinal(t0).year, date.fromordinal(t1 - 1).year
    for year in range(first_year, last_year + 1):
        a = tx(_days(date(year, 1, 1)))
        b = tx(min(_days(date(year + 1, 1, 1)), t1))
        out.append(f'<line class="dv-c-grid" x1="{_n(a)}" y1="{_n(phase_h)}" x2="{_n(a)}"'
                   f' y2="{_n(height - legend_h)}" stroke="{_e(pal.text_muted)}"'
                   f' stroke-width="{_n(fs * 0.06)}" stroke-opacity="0.45"/>')
        out.append(f'<text class="dv-c-muted" x="{_n((a + b) / 2)}" y="{_n(phase_h + year_h * 0.68)}"'
                   f' font-size="{_n(fs * 0.9)}" text-anchor="middle" fill="{_e(pal.text_muted)}"'
                   f'{font.attrs()}>{year}</text>')

    lanes_end = lanes_y0 + lanes_h
    if model.stand and t0 <= _days(model.stand) <= t1:
        sx = tx(_days(model.stand))
        out.append(f'<line class="dv-c-now" x1="{_n(sx)}" y1="{_n(phase_h)}" x2="{_n(sx)}"'
                   f' y2="{_n(lanes_end)}" stroke="{_e(pal.accent)}" stroke-width="{_n(fs * .12)}"'
                   f' stroke-dasharray="{_n(fs * .4)} {_n(fs * .3)}"/>')

    # lanes
    y_cur = lanes_y0
    for (lane_id, _, colour), rows, hs, names in zip(lane_list, per_lane, heights, lane_lines,
                                                      strict=True):
        lane_h = sum(hs)
        out.append(f'<line class="dv-c-grid" x1="0" y1="{_n(y_cur)}" x2="{_n(width)}"'
                   f' y2="{_n(y_cur)}" stroke="{_e(pal.text_muted)}" stroke-width="{_n(fs * .05)}"'
                   f' stroke-opacity="0.5"/>')
        if lane_id:
            out.append(f'<rect x="0" y="{_n(y_cur + pad * .5)}" width="{_n(fs * .35)}"'
                       f' height="{_n(lane_h - pad)}" rx="{_n(fs * .12)}" fill="{_e(colour)}"/>')
            top = y_cur + lane_h / 2 - (len(names) - 1) * fs * 0.6 + fs * 0.35
            for j, line in enumerate(names):
                out.append(f'<text class="dv-c-text" x="{_n(fs * .8)}" y="{_n(top + j * fs * 1.2)}"'
                           f' font-size="{_n(fs)}" fill="{_e(pal.text)}"'
                           f'{font.attrs(strong=True)}>{_e(line)}</text>')
        row_top = y_cur
        for row, h in zip(rows, hs, strict=False):
            for lab in row:
                out.append(_milestone(lab, row_top + h / 2, r, pad, label_fs, font, style, lane_id))
            row_top += h
        y_cur += lane_h
    out.append(f'<line class="dv-c-grid" x1="0" y1="{_n(y_cur)}" x2="{_n(width)}"'
               f' y2="{_n(y_cur)}" stroke="{_e(pal.text_muted)}" stroke-width="{_n(fs * .05)}"'
               f' stroke-opacity="0.5"/>')


    stand = model.stand if model.stand and t0 <= _days(model.stand) <= t1 else None
    out.append(_legend(style, font, fs, width, height - legend_h * 0.42, counts, pad, stand))
    out.append("</svg>")
    return "".join(out)


def _milestone(lab: _Label, cy: float, r: float, pad: float, label_fs: float,
               font: ChartFont, style: Style, lane_id: str) -> str:
    m = lab.milestone
    colour = style.milestone_status[m.status]
    tip = f"{m.titel}: {m.wanneer.label()}, {MILESTONE_LABELS[m.status].lower()}"
    parts = [f'<g class="dv-c-milestone" data-id="{_e(m.id)}"><title>{_e(tip)}</title>',
             status_mark(m.status, lab.x, cy, r, colour, style.light.background)]
    if lab.lines:
        lh = label_fs * 1.12
        top = cy + label_fs * 0.35 - (len(lab.lines) - 1) * lh / 2
        if lab.left:
            tx, anchor = lab.x - r - pad * 0.6, ' text-anchor="end"'
        else:
            tx, anchor = lab.x + r + pad * 0.6, ""
        fill = style.light.text_muted if m.status == "vervallen" else style.light.text
        deco = ' text-decoration="line-through"' if m.status == "vervallen" else ""
        for j, line in enumerate(lab.lines):
            parts.append(f'<text class="dv-c-text" x="{_n(tx)}" y="{_n(top + j * lh)}"'
                         f' font-size="{_n(label_fs)}" fill="{_e(fill)}"{anchor}{deco}'
                         f'{font.attrs()}>{_e(line)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _legend(style: Style, font: ChartFont, fs: float, width: float, cy: float,
            counts: dict[str, int], pad: float, stand: date | None) -> str:
    out = ['<g class="dv-c-legend">']
    lfs = fs * 0.85
    r = fs * 0.45
    xpos = pad
    for status, label in MILESTONE_LABELS.items():
        out.append(status_mark(status, xpos + r, cy, r, style.milestone_status[status],
                               style.light.background))
        text = f"{label} ({counts.get(status, 0)})"
        out.append(f'<text class="dv-c-text" x="{_n(xpos + r * 2 + fs * .35)}" y="{_n(cy + lfs * .35)}"'
                   f' font-size="{_n(lfs)}" fill="{_e(style.light.text)}"{font.attrs()}>'
                   f'{_e(text)}</text>')
        xpos += r * 2 + fs * .35 + font.measure(text, lfs) + fs * 1.4
    if stand is not None:
        text = f"Stand {_short_date(stand)}"
        x0 = width - pad - font.measure(text, lfs) - fs * 1.2
        out.append(f'<line x1="{_n(x0)}" y1="{_n(cy - fs * .55)}" x2="{_n(x0)}"'
                   f' y2="{_n(cy + fs * .55)}" stroke="{_e(style.light.accent)}"'
                   f' stroke-width="{_n(fs * .12)}" stroke-dasharray="{_n(fs * .3)} {_n(fs * .2)}"/>')
        out.append(f'<text class="dv-c-accent" x="{_n(x0 + fs * .5)}" y="{_n(cy + lfs * .35)}"'
                   f' font-size="{_n(lfs)}" fill="{_e(style.light.accent)}"'
                   f'{font.attrs(strong=True)}>{_e(text)}</text>')
    out.append("</g>")
    return "".join(out)


def _short_date(d: date) -> str:
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def _stand_text(model: Datavisie) -> str:
    return f" Stand per {_short_date(model.stand)}." if model.stand else ""


# --- radar --------------------------------------------------------------------------------


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
        return (f'<rect x="{_n(cx - r)}" y="{_n(cy - r)}" width="{_n(2 * r)}" height="{_n(2 * r)}"'
                f' fill="{_e(colour)}" stroke="{_e(bg)}" stroke-width="{_n(r * .3)}"/>')
    if shape == "diamond":
        k = r * 1.3
        return (f'<polygon points="{_n(cx)},{_n(cy - k)} {_n(cx + k)},{_n(cy)} {_n(cx)},{_n(cy + k)}'
                f' {_n(cx - k)},{_n(cy)}" fill="{_e(colour)}" stroke="{_e(bg)}"'
                f' stroke-width="{_n(r * .3)}"/>')
    return (f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r * 1.1)}" fill="{_e(colour)}"'
            f' stroke="{_e(bg)}" stroke-width="{_n(r * .3)}"/>')


def _series_label(model: Datavisie, key: str) -> str:
    m = model.baseline if key == "nulmeting" else model.latest_measurement
    if key == "ambitie" or m is None:
        return SERIES_LABELS[key]
    word = "Nulmeting" if key == "nulmeting" else ("Meting" if m.soort == "nulmeting" else "Hermeting")
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
    out = [_svg_open("radar", p, total_w, size, x, y, lang)]
    out.append(f'<title id="{_e(p)}-title">{_e(title or "Ontwikkeling per dimensie")}</title>')
    if not dims or mm is None:
        out.append(f'<desc id="{_e(p)}-desc">Er is nog geen meting.</desc>')
        out.append(f'<text x="{_n(size / 2)}" y="{_n(size / 2)}" text-anchor="middle"'
                   f' font-size="{_n(fs)}" fill="{_e(pal.text_muted)}"{font.attrs()}>'
                   f'Nog geen meting</text></svg>')
        return "".join(out)
    desc = "; ".join(
        f"{d.titel}: " + ", ".join(f"{_series_label(model, k).lower()} {_comma(getattr(d, k))}"
                                   for k in keys if getattr(d, k) is not None) for d in dims)
    out.append(f'<desc id="{_e(p)}-desc">{_e(f"Schaal {mm.lowest} ({mm.niveaus[0].naam}) tot {mm.highest} ({mm.niveaus[-1].naam}). {desc}.")}</desc>')

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
    wrapped = [_wrap(d.titel, size * 0.26, fs, font.measure_strong, 3) for d in dims]
    for i, lines in enumerate(wrapped):  # leave room for each side label
        c = math.cos(start + 2 * math.pi * i / n)
        if abs(c) >= 0.3:
            w = max(font.measure_strong(line, fs) for line in lines)
            radius = min(radius, (size / 2 - fs * .4 - w) / abs(c) - gap)

    def point(i: int, value: float) -> tuple[float, float]:
        ang = start + 2 * math.pi * i / n
        rr = radius * (value - lo + 1) / (hi - lo + 1)
        return cx + rr * math.cos(ang), cy + rr * math.sin(ang)

    for level in mm.niveaus:  # rings, one per level
        pts = " ".join(f"{_n(a)},{_n(b)}" for a, b in (point(i, level.waarde) for i in range(n)))
        out.append(f'<polygon class="dv-c-grid" points="{pts}" fill="none"'
                   f' stroke="{_e(pal.text_muted)}" stroke-opacity="0.35"'
                   f' stroke-width="{_n(fs * .06)}"/>')
    for i in range(n):
        ax, ay = point(i, hi)
        out.append(f'<line class="dv-c-grid" x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(ax)}"'
                   f' y2="{_n(ay)}" stroke="{_e(pal.text_muted)}" stroke-opacity="0.35"'
                   f' stroke-width="{_n(fs * .06)}"/>')
    for level in mm.niveaus:
        ang = start + math.pi / n
        rr = radius * (level.waarde - lo + 1) / (hi - lo + 1) * math.cos(math.pi / n)
        lx, ly = cx + rr * math.cos(ang), cy + rr * math.sin(ang)
        out.append(f'<text class="dv-c-muted" x="{_n(lx)}" y="{_n(ly + fs * .25)}"'
                   f' text-anchor="middle"'
                   f' font-size="{_n(fs * .72)}" fill="{_e(pal.text_muted)}"{font.attrs()}>'
                   f'{level.waarde}</text>')

    for key in keys:
        colour = style.series[key]
        dash, shape = _SERIES_STYLE[key]
        sw = fs * (0.22 if key == "meting" else 0.18)
        pts = [point(i, getattr(d, key)) for i, d in enumerate(dims) if getattr(d, key) is not None]
        if len(pts) == n:
            dash_attr = (f' stroke-dasharray="{" ".join(_n(float(v) * sw) for v in dash.split())}"'
                         if dash else "")
            fill = (f'fill="{_e(colour)}" fill-opacity="0.16"' if key == "meting"
                    else 'fill="none"')
            out.append(f'<polygon class="dv-c-series dv-c-{key}" points="'
                       + " ".join(f"{_n(a)},{_n(b)}" for a, b in pts)
                       + f'" {fill} stroke="{_e(colour)}" stroke-width="{_n(sw)}"'
                       f' stroke-linejoin="round" stroke-linecap="round"{dash_attr}/>')
        for a, b in pts:
            out.append(_marker(shape, a, b, fs * .28, colour, pal.background))

    for i, lines in enumerate(wrapped):  # axis labels outside the outer ring
        ang = start + 2 * math.pi * i / n
        c, sn = math.cos(ang), math.sin(ang)
        lx = cx + (radius + gap) * c
        ly = cy + (radius + gap) * sn
        anchor = "middle" if abs(c) < 0.3 else ("start" if c > 0 else "end")
        lh = fs * 1.15
        top = (ly + fs * .9 if sn > 0.3 else ly - (len(lines) - 1) * lh - fs * .3 if sn < -0.3
               else ly - (len(lines) - 1) * lh / 2 + fs * .35)
        for j, line in enumerate(lines):
            out.append(f'<text class="dv-c-text" x="{_n(lx)}" y="{_n(top + j * lh)}"'
                       f' font-size="{_n(fs)}" text-anchor="{anchor}" fill="{_e(pal.text)}"'
                       f'{font.attrs(strong=True)}>{_e(line)}</text>')

    out.append(_radar_legend(model, style, keys, size, legend_h, fs, font, right))
    out.append("</svg>")
    return "".join(out)


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
        dash_attr = (f' stroke-dasharray="{" ".join(_n(float(v) * sw) for v in dash.split())}"'
                     if dash else "")
        out.append(f'<line x1="{_n(x0)}" y1="{_n(yy)}" x2="{_n(x0 + fs * 2.6)}" y2="{_n(yy)}"'
                   f' stroke="{_e(colour)}" stroke-width="{_n(sw)}" stroke-linecap="round"'
                   f'{dash_attr}/>')
        out.append(_marker(shape, x0 + fs * 1.3, yy, fs * .28, colour, pal.background))
        out.append(f'<text class="dv-c-text" x="{_n(x0 + fs * 3.2)}" y="{_n(yy + fs * .35)}"'
                   f' font-size="{_n(fs)}" fill="{_e(pal.text)}"{font.attrs()}>'
                   f'{_e(_series_label(model, key))}</text>')
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
        out.append(f'<text class="dv-c-text" x="{_n(x0)}" y="{_n(y - fs * 1.2)}" font-size="{_n(fs)}"'
                   f' fill="{_e(pal.text)}"{font.attrs(strong=True)}>{_e(d.titel)}</text>')
        out.append(f'<line class="dv-c-grid" x1="{_n(x0)}" y1="{_n(y)}" x2="{_n(x1)}" y2="{_n(y)}"'
                   f' stroke="{_e(pal.text_muted)}" stroke-opacity="0.5"'
                   f' stroke-width="{_n(fs * .08)}"/>')
        for level in mm.niveaus:
            lx = x0 + (level.waarde - lo) / max(hi - lo, 1) * (x1 - x0)
            out.append(f'<text class="dv-c-muted" x="{_n(lx)}" y="{_n(y + fs * 1.5)}"'
                       f' font-size="{_n(fs * .72)}" text-anchor="middle"'
                       f' fill="{_e(pal.text_muted)}"{font.attrs()}>{level.waarde}</text>')
        for key in keys:
            value = getattr(d, key)
            if value is None:
                continue
            vx = x0 + (value - lo) / max(hi - lo, 1) * (x1 - x0)
            out.append(_marker(_SERIES_STYLE[key][1], vx, y, fs * .4, style.series[key],
                               pal.background))
    return "".join(out)
