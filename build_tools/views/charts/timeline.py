"""The roadmap timeline: phases on top, a lane per theme, milestones by date and status."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from build_tools.content.types import MONTHS_NL
from build_tools.views.charts.svg import (
    ALL_LANE,
    MILESTONE_LABELS,
    ChartFont,
    esc,
    num,
    status_mark,
    svg_open,
    wrap_words,
)

if TYPE_CHECKING:
    from build_tools.content.model import Datavisie, Milestone
    from build_tools.housestyle.tokens import Style



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


@dataclass
class _Plan:
    """Where everything of a timeline goes before any SVG is written (shared by
    `timeline_svg` and `timeline_height`)."""

    font: ChartFont
    lane_list: list[tuple[str, str, str]]
    lane_lines: list[list[str]]
    milestones: list[Milestone]
    t0: int
    t1: int
    tx: Callable[[int], float]
    label_col: float
    pad: float
    r: float
    phase_h: float
    year_h: float
    legend_h: float
    build: Callable[[float, bool], tuple[list[list[list[_Label]]], list[list[float]], float]]


def _plan(model: Datavisie, style: Style, *, width: float, lanes: str,
          themes: Sequence[str] | None, font_size: float, font: ChartFont | None,
          label_done: bool) -> _Plan:
    font = font or ChartFont()
    fs = font_size
    pal = style.light
    road = model.routekaart
    order = [t.id for t in model.themas]
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
        lane_list = [(t.id, t.titel, style.theme_colour(t.id, order)) for t in shown]
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
    r = fs * 0.55

    lane_lines = [wrap_words(lab, label_col - fs * 1.0, fs, font.measure_strong, 3) if lid else []
                  for lid, lab, _ in lane_list]

    def build(label_fs: float,
              labels: bool) -> tuple[list[list[list[_Label]]], list[list[float]], float]:
        per_lane, heights = [], []
        for (lane_id, _, _), names in zip(lane_list, lane_lines, strict=True):
            items = sorted((m for m in milestones if in_lane(m, lane_id)),
                           key=lambda m: (_mid(m), m.id))
            labs = []
            for m in items:
                mx = tx(_mid(m))
                if labels and (label_done or m.status not in ("gereed", "vervallen")):
                    lines = tuple(wrap_words(m.titel, fs * 11, label_fs, font.measure, 2))
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

    return _Plan(font, lane_list, lane_lines, milestones, t0, t1, tx, label_col, pad, r,
                 phase_h, year_h, legend_h, build)


def timeline_height(model: Datavisie, style: Style, *, width: float, lanes: str = "themas",
                    themes: Sequence[str] | None = None, font_size: float = 12.0,
                    font: ChartFont | None = None, label_done: bool = True) -> float:
    """The smallest height at which `timeline_svg` (same arguments) names every milestone
    at full font size; below it names shrink, and with too little room they are left out."""
    plan = _plan(model, style, width=width, lanes=lanes, themes=themes, font_size=font_size,
                 font=font, label_done=label_done)
    _, _, needed = plan.build(font_size, True)
    return plan.phase_h + plan.year_h + plan.legend_h + needed


MAX_YEAR_COLUMNS = 60
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000)


def year_step(years: int) -> int:
    """Years per column of the axis: every year, unless a plan spans more than
    MAX_YEAR_COLUMNS of them (a roadmap from 1000 to 9998 would draw 9,000 columns)."""
    return next(s for s in _YEAR_STEPS if years <= MAX_YEAR_COLUMNS * s)


def timeline_svg(model: Datavisie, style: Style, *, width: float, height: float,
                 lanes: str = "themas", themes: Sequence[str] | None = None,
                 font_size: float = 12.0, font: ChartFont | None = None,
                 labels: bool = True, label_done: bool = True,
                 id_prefix: str = "dv-tijdlijn", x: float = 0,
                 y: float = 0, title: str | None = None, lang: bool = True) -> str:
    """The roadmap: phases on top, a lane per theme (or one lane), milestones by date.

    `lanes` is "themas" (a milestone shows in the lane of each of its themes) or "geen".
    `themes` limits lanes and milestones to those theme ids. `label_done=False` names only
    milestones still to come (a compact strip). A dashed line marks the
    content's "stand per" date. Units are the caller's (px on the site, mm on a poster)."""
    plan = _plan(model, style, width=width, lanes=lanes, themes=themes, font_size=font_size,
                 font=font, label_done=label_done)
    font, fs, p, pal, road = plan.font, font_size, id_prefix, style.light, model.routekaart
    lane_list, lane_lines, milestones = plan.lane_list, plan.lane_lines, plan.milestones
    t0, t1, tx, pad, r = plan.t0, plan.t1, plan.tx, plan.pad, plan.r
    phase_h, year_h, legend_h, build = plan.phase_h, plan.year_h, plan.legend_h, plan.build
    lanes_y0 = phase_h + year_h
    lanes_h = max(height - lanes_y0 - legend_h, fs * 2)

    label_fs = fs
    per_lane, heights, needed = build(label_fs, labels)
    while labels and needed > lanes_h and label_fs > fs * 0.62:
        label_fs *= 0.92
        per_lane, heights, needed = build(label_fs, labels)
    if labels and needed > lanes_h:  # no room to name them: markers only (titles stay tooltips)
        labels = False
        per_lane, heights, needed = build(label_fs, labels)
    stretch = lanes_h / needed
    heights = [[h * stretch for h in hs] for hs in heights]

    out = [svg_open("tijdlijn", p, width, height, x, y, lang)]
    total = len(milestones)
    counts = {s: sum(1 for m in milestones if m.status == s) for s in MILESTONE_LABELS}
    desc_counts = ", ".join(f"{n} {MILESTONE_LABELS[s].lower()}" for s, n in counts.items() if n)
    years = f"{date.fromordinal(t0).year} tot en met {date.fromordinal(t1 - 1).year}"
    out.append(f'<title id="{esc(p)}-title">{esc(title or "Routekaart")}</title>')
    summary = (f"Routekaart van {years} met {len(road.fasen)} fasen en {total} mijlpalen: "
               f"{desc_counts}.")
    out.append(f'<desc id="{esc(p)}-desc">{esc(summary)}'
               f'{esc(_stand_text(model))}</desc>')

    # phases band
    for i, ph in enumerate(road.fasen):
        a, b = tx(_days(ph.start.start)), tx(_days(ph.eind.end) + 1)
        fill = pal.surface if i % 2 == 0 else pal.background
        out.append(f'<rect class="dv-c-phase" x="{num(a)}" y="0" width="{num(b - a)}"'
                   f' height="{num(height - legend_h)}" fill="{esc(fill)}"/>')
        lines = wrap_words(ph.titel, b - a - pad * 2, fs * 0.95, font.measure_strong, 2)
        pfs = fs * 0.95 if len(lines) == 1 else fs * 0.8
        lines = wrap_words(ph.titel, b - a - pad * 2, pfs, font.measure_strong, 2)
        base = phase_h / 2 + pfs * 0.35 - (len(lines) - 1) * pfs * 0.55
        for j, line in enumerate(lines):
            out.append(f'<text class="dv-c-text" x="{num(a + pad)}" y="{num(base + j * pfs * 1.1)}"'
                       f' font-size="{num(pfs)}" fill="{esc(pal.brand)}"'
                       f'{font.attrs(strong=True)}>{font.markup(line)}</text>')
    # years
    first_year, last_year = date.fromordinal(t0).year, date.fromordinal(t1 - 1).year
    step = year_step(last_year - first_year + 1)
    for year in range(first_year, last_year + 1, step):
        a = tx(_days(date(year, 1, 1)))
        b = tx(min(_days(date(year + step, 1, 1)) if year + step <= date.max.year else t1, t1))
        out.append(f'<line class="dv-c-grid" x1="{num(a)}" y1="{num(phase_h)}" x2="{num(a)}"'
                   f' y2="{num(height - legend_h)}" stroke="{esc(pal.text_muted)}"'
                   f' stroke-width="{num(fs * 0.06)}" stroke-opacity="0.45"/>')
        out.append(f'<text class="dv-c-muted" x="{num((a + b) / 2)}"'
                   f' y="{num(phase_h + year_h * 0.68)}"'
                   f' font-size="{num(fs * 0.9)}" text-anchor="middle" fill="{esc(pal.text_muted)}"'
                   f'{font.attrs()}>{year}</text>')

    lanes_end = lanes_y0 + lanes_h
    if model.stand and t0 <= _days(model.stand) <= t1:
        sx = tx(_days(model.stand))
        out.append(f'<line class="dv-c-now" x1="{num(sx)}" y1="{num(phase_h)}" x2="{num(sx)}"'
                   f' y2="{num(lanes_end)}" stroke="{esc(pal.accent)}"'
                   f' stroke-width="{num(fs * .12)}"'
                   f' stroke-dasharray="{num(fs * .4)} {num(fs * .3)}"/>')

    # lanes
    y_cur = lanes_y0
    for (lane_id, _, colour), rows, hs, names in zip(lane_list, per_lane, heights, lane_lines,
                                                      strict=True):
        lane_h = sum(hs)
        out.append(f'<line class="dv-c-grid" x1="0" y1="{num(y_cur)}" x2="{num(width)}"'
                   f' y2="{num(y_cur)}" stroke="{esc(pal.text_muted)}"'
                   f' stroke-width="{num(fs * .05)}"'
                   f' stroke-opacity="0.5"/>')
        if lane_id:
            out.append(f'<rect x="0" y="{num(y_cur + pad * .5)}" width="{num(fs * .35)}"'
                       f' height="{num(lane_h - pad)}" rx="{num(fs * .12)}" fill="{esc(colour)}"/>')
            top = y_cur + lane_h / 2 - (len(names) - 1) * fs * 0.6 + fs * 0.35
            for j, line in enumerate(names):
                out.append(f'<text class="dv-c-text" x="{num(fs * .8)}"'
                           f' y="{num(top + j * fs * 1.2)}"'
                           f' font-size="{num(fs)}" fill="{esc(pal.text)}"'
                           f'{font.attrs(strong=True)}>{font.markup(line)}</text>')
        row_top = y_cur
        for row, h in zip(rows, hs, strict=False):
            for lab in row:
                out.append(_milestone(lab, row_top + h / 2, r, pad, label_fs, font, style, lane_id))
            row_top += h
        y_cur += lane_h
    out.append(f'<line class="dv-c-grid" x1="0" y1="{num(y_cur)}" x2="{num(width)}"'
               f' y2="{num(y_cur)}" stroke="{esc(pal.text_muted)}" stroke-width="{num(fs * .05)}"'
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
    parts = [f'<g class="dv-c-milestone" data-id="{esc(m.id)}"><title>{esc(tip)}</title>',
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
            parts.append(f'<text class="dv-c-text" x="{num(tx)}" y="{num(top + j * lh)}"'
                         f' font-size="{num(label_fs)}" fill="{esc(fill)}"{anchor}{deco}'
                         f'{font.attrs()}>{font.markup(line)}</text>')
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
        out.append(f'<text class="dv-c-text" x="{num(xpos + r * 2 + fs * .35)}"'
                   f' y="{num(cy + lfs * .35)}"'
                   f' font-size="{num(lfs)}" fill="{esc(style.light.text)}"{font.attrs()}>'
                   f'{esc(text)}</text>')
        xpos += r * 2 + fs * .35 + font.measure(text, lfs) + fs * 1.4
    if stand is not None:
        text = f"Stand {_short_date(stand)}"
        x0 = width - pad - font.measure(text, lfs) - fs * 1.2
        out.append(f'<line x1="{num(x0)}" y1="{num(cy - fs * .55)}" x2="{num(x0)}"'
                   f' y2="{num(cy + fs * .55)}" stroke="{esc(style.light.accent)}"'
                   f' stroke-width="{num(fs * .12)}"'
                   f' stroke-dasharray="{num(fs * .3)} {num(fs * .2)}"/>')
        out.append(f'<text class="dv-c-accent" x="{num(x0 + fs * .5)}" y="{num(cy + lfs * .35)}"'
                   f' font-size="{num(lfs)}" fill="{esc(style.light.accent)}"'
                   f'{font.attrs(strong=True)}>{esc(text)}</text>')
    out.append("</g>")
    return "".join(out)


def _short_date(d: date) -> str:
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def _stand_text(model: Datavisie) -> str:
    return f" Stand per {_short_date(model.stand)}." if model.stand else ""


