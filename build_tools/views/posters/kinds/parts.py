"""What every poster kind is made of: the job, the page a kind fills (colours, masthead,
logo, concept mark, footer with QR code) and the pieces two kinds share (tile grids,
figures in a row, sibling blocks at one size). `Kind` is what a kind's module provides."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from markupsafe import Markup

from build_tools.content.model import Datavisie, Theme
from build_tools.housestyle.colour import mix, text_on
from build_tools.housestyle.tokens import Style
from build_tools.views import charts
from build_tools.views.posters.assets import FONTS_MARK, aspect, inline_svg, qr_path
from build_tools.views.posters.paper import Box, PosterDef
from build_tools.views.posters.scene import Fitter, Fonts, Masthead, lines_of
from build_tools.views.posters.textfit import Flow, Para, layout


@dataclass(frozen=True)
class Job:
    """One poster to make: which definition, for which theme (thema posters), its name."""

    defn: PosterDef
    name: str
    theme: Theme | None = None


@dataclass(frozen=True)
class Card:
    """A social card's text (given by the site per page)."""

    title: str
    subtitle: str = ""
    section: str = ""


class Kind(Protocol):
    """A poster kind's module (kinds/<soort>.py)."""

    # The regions it fills: name -> (required, is a text region with sizes).
    REGIONS: Mapping[str, tuple[bool, bool]]

    def jobs(self, model: Datavisie, defn: PosterDef) -> list[Job]:
        """The posters one definition of this kind makes."""
        ...

    def build(self, model: Datavisie, style: Style, job: Job, fit: Fitter,
              card: Card | None) -> dict[str, Any]:
        """The values its template draws, `desc` (the text alternative) included."""
        ...

    def alt_text(self, model: Datavisie, job: Job) -> str:
        """The text alternative the site shows with the poster (Dutch, B1)."""
        ...


def colours(style: Style) -> dict[str, str]:
    p = style.light
    return {"brand": p.brand, "on_brand": p.on_brand, "accent": p.accent, "text": p.text,
            "muted": p.text_muted, "bg": p.background, "surface": p.surface,
            "on_accent": text_on(p.accent), "rule": mix(p.text_muted, p.background, 0.35),
            "brand_soft": mix(p.brand, p.background, 0.12)}


def poster_label(job: Job) -> str:
    return f"de poster ‘{job_title(job)}’ ({job.name})"


def job_title(job: Job) -> str:
    if job.theme is not None:
        return f"{job.defn.title}: {job.theme.titel}"
    return job.defn.title


def chart_font(fonts: Fonts) -> charts.ChartFont:
    return charts.ChartFont(fonts.text.family, fonts.strong.family, fonts.text.width,
                            fonts.strong.width, runs=fonts.text.runs)


def base_context(head: Masthead, style: Style, job: Job, fit: Fitter) -> dict[str, Any]:
    d = job.defn
    w, h = d.size
    ed = head.edition
    c = colours(style)
    ctx: dict[str, Any] = {
        "w": w, "h": h, "unit": d.unit, "c": c, "concept": ed.concept, "edition": ed,
        "fonts": Markup(FONTS_MARK), "f": fit.fonts, "texts": {}, "title": job_title(job),
        "org": head.org, "host": head.host, "stand": head.stand,
        "pt": d.pt, "box": {name: r.box for name, r in d.regions.items()},
    }
    kop = d.regions["kop"]
    ratio = aspect(style.logo.svg)
    logo_h = kop.box.h
    ctx["logo"] = Markup(inline_svg(style.logo.svg, prefix=f"{job.name}-logo", x=kop.box.x,
                                    y=kop.box.y, width=logo_h * ratio, height=logo_h))
    diag = math.hypot(w, h)
    angle = -math.degrees(math.atan2(h, w))
    word = "CONCEPT"
    mark_size = diag * 0.62 / max(fit.fonts.heading.width(word, 1.0), 1e-6)
    ctx["concept_mark"] = {"text": word, "x": w / 2, "y": h / 2 + mark_size * 0.35,
                           "size": mark_size, "angle": angle, "cx": w / 2, "cy": h / 2,
                           "family": fit.fonts.heading.family}
    badge_face = fit.fonts.strong
    size = d.pt(kop.largest)
    ctx["badge"] = {"text": ed.badge, "size": size, "family": badge_face.family,
                    "width": badge_face.width(ed.badge, size), "x": kop.box.right,
                    "y": kop.box.y + kop.box.h / 2}
    return ctx


def put_text(ctx: dict[str, Any], name: str, flow: Flow | None, box: Box,
         fills: Mapping[str, str], **kw: str) -> None:
    if flow is not None:
        ctx["texts"][name] = lines_of(flow, box, fills, **kw)
    else:
        ctx["texts"][name] = ()


def qr_code(model: Datavisie, x: float, y: float, size: float) -> dict[str, Any]:
    path, modules = qr_path(model.organisatie.site_url)
    return {"d": path, "x": x, "y": y, "size": size, "scale": size / modules}


def footer(model: Datavisie, ctx: dict[str, Any], fit: Fitter, *, qr: bool = True) -> None:
    """Edition lines left, QR code (to the site) right, in the `voet` region."""
    box = fit.region("voet").box
    f = fit.fonts
    ed = ctx["edition"]
    qr_size = box.h if qr else 0.0
    text_box = Box(box.x, box.y, box.w - (qr_size * 1.25 if qr else 0), box.h)
    paras = [Para(ed.lines[0], f.strong, role="sterk")]
    paras += [Para(line, f.text, space_before=0.15) for line in ed.lines[1:]]
    tail = " · ".join(t for t in (ctx["stand"], ctx["host"]) if t)
    paras.append(Para(tail, f.text, space_before=0.15, role="zacht"))
    flow = fit.fit("voet", paras, box=text_box)
    on_brand = ctx["c"]["on_brand"]
    put_text(ctx, "voet", flow, text_box, {"sterk": on_brand, "tekst": on_brand, "zacht": on_brand},
             valign="middle")
    if qr:
        ctx["qr"] = qr_code(model, box.right - qr_size, box.y, qr_size)


def grid(box: Box, n: int, cols: int, gap: float) -> list[Box]:
    rows = max(1, math.ceil(n / cols))
    w = (box.w - gap * (cols - 1)) / cols
    h = (box.h - gap * (rows - 1)) / rows
    return [Box(box.x + (i % cols) * (w + gap), box.y + (i // cols) * (h + gap), w, h)
            for i in range(n)]


def same_size(flows: Sequence[Flow | None], parts: Sequence[Sequence[Para]],
               boxes: Sequence[Box]) -> list[Flow | None]:
    """Lay out sibling blocks at their smallest common size, so tiles look alike."""
    sizes = [fl.size for fl in flows if fl is not None]
    if not sizes or len(sizes) != len(flows):
        return list(flows)
    s = min(sizes)
    out: list[Flow | None] = []
    for fl, paras, box in zip(flows, parts, boxes, strict=True):
        again = layout(paras, box.w, s, break_words=True)
        out.append(again if again is not None and again.height <= box.h + 1e-6 else fl)
    return out


def number_row(model: Datavisie, fit: Fitter, ctx: dict[str, Any], name: str,
             items: Sequence[tuple[str, str]], cols: int = 3,
             box: Box | None = None) -> list[dict[str, Any]]:
    region = fit.region(name)
    area = box or region.box
    f, c = fit.fonts, ctx["c"]
    gap = min(area.w * 0.04, region.box.w * 0.04)
    boxes = grid(area, len(items), cols, gap)
    num_size = min(fit.defn.pt(region.largest) * 2.6, boxes[0].h * 0.42)
    label_boxes = [Box(b.x, b.y + num_size * 1.45, b.w, b.h - num_size * 1.45) for b in boxes]
    parts = [[Para(label, f.text, leading=1.2, role="tekst")] for _, label in items]
    flows = [fit.fit(name, paras, box=lb) for paras, lb in zip(parts, label_boxes, strict=True)]
    flows = same_size(flows, parts, label_boxes)
    out = []
    for (number, _), box, lb, flow in zip(items, boxes, label_boxes, flows, strict=True):
        out.append({"number": number, "x": box.x, "y": box.y + num_size * 1.12,
                    "size": num_size, "family": f.heading.family, "rule_y": box.y, "w": box.w,
                    "label": lines_of(flow, lb, {"tekst": c["text"]}) if flow else ()})
    return out
