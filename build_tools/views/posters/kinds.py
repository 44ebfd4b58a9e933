"""What each kind of poster shows: model + style + definition -> the values its template draws.

One builder per kind (visie, routekaart, thema, kaart). Builders fit every text into its
region (issues for what cannot fit) and hand charts, logo and QR code over as SVG text.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from build_tools.content.model import Datavisie, Theme
from build_tools.housestyle.colour import mix, text_on
from build_tools.housestyle.tokens import Style
from build_tools.views import charts
from build_tools.views.posters.assets import FONTS_MARK, aspect, inline_svg, qr_path
from build_tools.views.posters.layout import Box, PosterDef
from build_tools.views.posters.scene import (
    Fitter,
    Fonts,
    Masthead,
    TextLine,
    edition,
    lines_of,
    masthead,
    source,
    stand_text,
)
from build_tools.views.posters.textfit import Flow, Para, layout


@dataclass(frozen=True)
class Job:
    """One poster to make: which definition, for which theme (thema posters), its name."""

    defn: PosterDef
    name: str
    theme: Theme | None = None


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


def _chart_font(fonts: Fonts) -> charts.ChartFont:
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


def _qr(model: Datavisie, x: float, y: float, size: float) -> dict[str, Any]:
    path, modules = qr_path(model.organisatie.site_url)
    return {"d": path, "x": x, "y": y, "size": size, "scale": size / modules}


def _footer(model: Datavisie, ctx: dict[str, Any], fit: Fitter, *, qr: bool = True) -> None:
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
        ctx["qr"] = _qr(model, box.right - qr_size, box.y, qr_size)


def _grid(box: Box, n: int, cols: int, gap: float) -> list[Box]:
    rows = max(1, math.ceil(n / cols))
    w = (box.w - gap * (cols - 1)) / cols
    h = (box.h - gap * (rows - 1)) / rows
    return [Box(box.x + (i % cols) * (w + gap), box.y + (i // cols) * (h + gap), w, h)
            for i in range(n)]


def _same_size(flows: Sequence[Flow | None], parts: Sequence[Sequence[Para]],
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


# --- visie -------------------------------------------------------------------------------


def build_visie(model: Datavisie, style: Style, job: Job, fit: Fitter) -> dict[str, Any]:
    ctx = base_context(masthead(model), style, job, fit)
    d, f, c = job.defn, fit.fonts, ctx["c"]
    v = model.visie
    r = d.regions
    flow = fit.fit("titel", [Para(v.titel, f.heading, leading=1.08, role="titel", balance=True,
                                  source=source(v, "titel", "de titel van de visie"))])
    put_text(ctx, "titel", flow, r["titel"].box, {"titel": c["brand"]}, valign="bottom")
    flow = fit.fit("kernboodschap", [Para(v.kernboodschap, f.text, leading=1.3,
                                          source=source(v, "kernboodschap", "de kernboodschap"))])
    put_text(ctx, "kernboodschap", flow, r["kernboodschap"].box, {"tekst": c["text"]})
    ctx["tiles"] = _theme_tiles(model, style, fit, ctx)

    rk = r["routekaart"]
    ctx["timeline"] = Markup(charts.timeline_svg(
        model, style, width=rk.box.w, height=rk.box.h, x=rk.box.x, y=rk.box.y,
        font_size=d.pt(rk.largest), font=_chart_font(f), id_prefix=f"{job.name}-tijdlijn",
        labels=False, lang=False))
    ctx["radar"] = ""
    if "radar" in r and charts.has_radar(model):
        rb = r["radar"].box
        wide = rb.w > rb.h * 1.4
        size = min(rb.h, rb.w) if not wide else rb.h
        ctx["radar"] = Markup(charts.radar_svg(
            model, style, size=size, x=rb.x, y=rb.y, legend="rechts" if wide else "onder",
            font_size=d.pt(r["radar"].largest), font=_chart_font(f),
            id_prefix=f"{job.name}-radar", lang=False))
    numbers = _register_numbers(model)
    if ctx["radar"] or "radar" not in r:
        ctx["numbers"] = _numbers(model, fit, ctx, "cijfers", numbers)
    else:  # no measurement yet: the register figures take the whole row
        cb, rb = r["cijfers"].box, r["radar"].box
        row = Box(min(cb.x, rb.x), cb.y + cb.h * 0.2, max(cb.right, rb.right) - min(cb.x, rb.x),
                  cb.h * 0.6)
        ctx["box"] = {**ctx["box"], "cijfers": row}
        ctx["numbers"] = _numbers(model, fit, ctx, "cijfers", numbers, cols=len(numbers),
                                  box=row)
    _footer(model, ctx, fit)
    return ctx


def _theme_tiles(model: Datavisie, style: Style, fit: Fitter,
                 ctx: dict[str, Any]) -> list[dict[str, Any]]:
    region = fit.region("themas")
    f, c = fit.fonts, ctx["c"]
    n = len(model.themas)
    cols = 1 if n == 1 else 2 if n <= 4 else 3
    gap = region.box.w * 0.024
    boxes = _grid(region.box, n, cols, gap)
    pad = region.box.w * 0.018
    head_size = region.largest * 1.3
    band_h = fit.defn.pt(head_size) * 1.9
    heads, bodies, head_boxes, body_boxes, paras_h, paras_b = [], [], [], [], [], []
    for t, box in zip(model.themas, boxes, strict=True):
        hb = Box(box.x + pad, box.y, box.w - 2 * pad, band_h)
        bb = Box(box.x + pad, box.y + band_h + pad, box.w - 2 * pad, box.h - band_h - 2 * pad)
        ph = [Para(t.titel, f.heading, max_lines=1, role="kop",
                   source=source(t, "titel", f"de titel van thema {t.titel}"))]
        pb = [Para(t.ambitie, f.strong, leading=1.3, role="ambitie",
                   source=source(t, "ambitie", f"de ambitie van thema {t.titel}"))]
        for j, pr in enumerate(t.principes):
            pb.append(Para(pr.titel, f.text, scale=0.92, leading=1.3, indent=1.1,
                           space_before=0.7 if j == 0 else 0.25, role="principe",
                           source=source(pr, "titel", f"principe {j + 1} van thema {t.titel}")))
        heads.append(fit.fit("themas", ph, box=hb, largest=head_size))
        bodies.append(fit.fit("themas", pb, box=bb))
        head_boxes.append(hb)
        body_boxes.append(bb)
        paras_h.append(ph)
        paras_b.append(pb)
    heads = _same_size(heads, paras_h, head_boxes)
    bodies = _same_size(bodies, paras_b, body_boxes)
    tiles = []
    for i, t in enumerate(model.themas):
        colour = style.theme_colour(t.id, [x.id for x in model.themas])
        hf, bf = heads[i], bodies[i]
        head = lines_of(hf, head_boxes[i], {"kop": text_on(colour)}, valign="middle") if hf else ()
        body = (lines_of(bf, body_boxes[i], {"ambitie": c["text"], "principe": c["text"]})
                if bf else ())
        bullets = [(ln.x - ln.size * 0.75, ln.y - ln.size * 0.33, ln.size * 0.2)
                   for ln in body if ln.role == "principe" and _first_line(body, ln)]
        tiles.append({"box": boxes[i], "colour": colour, "band_h": band_h, "head": head,
                      "body": body, "bullets": bullets})
    return tiles


def _first_line(lines: Sequence[TextLine], line: TextLine) -> bool:
    """Whether `line` starts a paragraph (a bullet goes there, not on continuation lines)."""
    i = lines.index(line)
    if i == 0:
        return True
    prev = lines[i - 1]
    return prev.role != line.role or (line.y - prev.y) > line.size * 1.31 + 1e-6


def _register_numbers(model: Datavisie) -> list[tuple[str, str]]:
    ps = model.projecten
    by = {s: sum(1 for p in ps if p.status == s) for s in
          ("in-gebruik", "pilot", "verkenning", "buiten-gebruik")}
    ms = model.routekaart.mijlpalen
    open_ms = [m for m in ms if m.status != "vervallen"]
    done = sum(1 for m in open_ms if m.status == "gereed")
    algos = sum(1 for p in ps if p.algoritme is not None)
    out = [(str(len(ps)), "projecten in het openbare register"),
           (str(by["in-gebruik"]), "in gebruik"),
           (str(by["pilot"]), "pilot" if by["pilot"] == 1 else "pilots"),
           (str(by["verkenning"]), "in verkenning"),
           (str(algos), "met een algoritme"),
           (f"{done}/{len(open_ms)}", "mijlpalen gereed")]
    return out


def _numbers(model: Datavisie, fit: Fitter, ctx: dict[str, Any], name: str,
             items: Sequence[tuple[str, str]], cols: int = 3,
             box: Box | None = None) -> list[dict[str, Any]]:
    region = fit.region(name)
    area = box or region.box
    f, c = fit.fonts, ctx["c"]
    gap = min(area.w * 0.04, region.box.w * 0.04)
    boxes = _grid(area, len(items), cols, gap)
    num_size = min(fit.defn.pt(region.largest) * 2.6, boxes[0].h * 0.42)
    label_boxes = [Box(b.x, b.y + num_size * 1.45, b.w, b.h - num_size * 1.45) for b in boxes]
    parts = [[Para(label, f.text, leading=1.2, role="tekst")] for _, label in items]
    flows = [fit.fit(name, paras, box=lb) for paras, lb in zip(parts, label_boxes, strict=True)]
    flows = _same_size(flows, parts, label_boxes)
    out = []
    for (number, _), box, lb, flow in zip(items, boxes, label_boxes, flows, strict=True):
        out.append({"number": number, "x": box.x, "y": box.y + num_size * 1.12,
                    "size": num_size, "family": f.heading.family, "rule_y": box.y, "w": box.w,
                    "label": lines_of(flow, lb, {"tekst": c["text"]}) if flow else ()})
    return out


# --- routekaart ---------------------------------------------------------------------------


def build_routekaart(model: Datavisie, style: Style, job: Job, fit: Fitter) -> dict[str, Any]:
    ctx = base_context(masthead(model), style, job, fit)
    d, f, c = job.defn, fit.fonts, ctx["c"]
    r = d.regions
    paras = [Para(job.defn.title, f.heading, leading=1.1, role="titel"),
             Para(f"{model.organisatie.naam} · {ctx['stand']}".strip(" ·"), f.text, scale=0.42,
                  space_before=0.2, role="zacht")]
    flow = fit.fit("titel", paras)
    put_text(ctx, "titel", flow, r["titel"].box, {"titel": c["brand"], "zacht": c["muted"]},
         valign="bottom")
    rk = r["routekaart"]
    ctx["timeline"] = Markup(charts.timeline_svg(
        model, style, width=rk.box.w, height=rk.box.h, x=rk.box.x, y=rk.box.y,
        font_size=d.pt(rk.largest), font=_chart_font(f), id_prefix=f"{job.name}-tijdlijn",
        lang=False))
    _footer(model, ctx, fit)
    return ctx


# --- thema --------------------------------------------------------------------------------


def build_thema(model: Datavisie, style: Style, job: Job, fit: Fitter) -> dict[str, Any]:
    ctx = base_context(masthead(model), style, job, fit)
    t = job.theme
    assert t is not None
    d, f, c = job.defn, fit.fonts, ctx["c"]
    r = d.regions
    index = model.themas.index(t)
    colour = style.theme_colour(t.id, [x.id for x in model.themas])
    ctx["theme_colour"] = colour
    ctx["on_theme"] = text_on(colour)
    paras = [Para(f"Thema {index + 1} van {len(model.themas)} · {model.visie.titel}", f.strong,
                  scale=0.3, role="zacht", max_lines=2,
                  source=source(model.visie, "titel", "de titel van de visie")),
             Para(t.titel, f.heading, leading=1.08, space_before=0.25, role="titel",
                  source=source(t, "titel", f"de titel van thema {t.titel}"))]
    flow = fit.fit("titel", paras)
    on_theme = ctx["on_theme"]
    put_text(ctx, "titel", flow, r["titel"].box, {"titel": on_theme, "zacht": on_theme},
             valign="bottom")
    ambition = source(t, "ambitie", f"de ambitie van thema {t.titel}")
    flow = fit.fit("ambitie", [Para(t.ambitie, f.strong, leading=1.3, source=ambition)])
    put_text(ctx, "ambitie", flow, r["ambitie"].box, {"tekst": c["text"]})
    paras = [Para("Principes", f.heading, scale=1.1, role="kop")]
    for j, pr in enumerate(t.principes):
        paras.append(Para(pr.titel, f.strong, leading=1.25, space_before=0.9, role="principe",
                          indent=1.4,
                          source=source(pr, "titel", f"principe {j + 1} van thema {t.titel}")))
        if pr.toelichting:
            paras.append(Para(pr.toelichting, f.text, scale=0.92, leading=1.35, indent=1.4,
                              space_before=0.15, role="tekst",
                              source=source(pr, "toelichting",
                                            f"de toelichting bij principe {j + 1} van thema "
                                            f"{t.titel}")))
    flow = fit.fit("principes", paras)
    box = r["principes"].box
    heading = colour if _ok_text(colour, c["bg"]) else c["text"]
    put_text(ctx, "principes", flow, box,
             {"kop": heading, "principe": c["text"], "tekst": c["text"]})
    numbers = []
    if flow is not None:
        n = 0
        for pl in flow.placed:
            if pl.para.role == "principe":
                n += 1
                numbers.append({"n": n, "x": box.x, "y": box.y + pl.baseline,
                                "size": pl.size, "r": pl.size * 0.62})
    ctx["principle_numbers"] = numbers
    rk = r["routekaart"]
    has_ms = any(t.id in m.themas for m in model.routekaart.mijlpalen)
    ctx["timeline"] = Markup(charts.timeline_svg(
        model, style, width=rk.box.w, height=rk.box.h, x=rk.box.x, y=rk.box.y, lanes="geen",
        themes=(t.id,), font_size=d.pt(rk.largest), font=_chart_font(f), label_done=False,
        id_prefix=f"{job.name}-tijdlijn", lang=False)) if has_ms else ""
    if "cijfers" in r:
        ps = [p for p in model.projecten if t.id in p.themas]
        ms = [m for m in model.routekaart.mijlpalen if t.id in m.themas and m.status != "vervallen"]
        items = [(str(len(ps)), "projecten in het register"),
                 (str(sum(1 for p in ps if p.status == "in-gebruik")), "daarvan in gebruik"),
                 (f"{sum(1 for m in ms if m.status == 'gereed')}/{len(ms)}", "mijlpalen gereed")]
        ctx["numbers"] = _numbers(model, fit, ctx, "cijfers", items, cols=3)
    _footer(model, ctx, fit)
    return ctx


def _ok_text(colour: str, background: str) -> bool:
    from build_tools.housestyle.colour import contrast_ratio

    return contrast_ratio(colour, background) >= 4.5


BUILDERS: Mapping[str, Callable[..., dict[str, Any]]] = {
    "visie": build_visie, "routekaart": build_routekaart, "thema": build_thema,
}


def jobs_for(model: Datavisie, defs: Sequence[PosterDef]) -> list[Job]:
    """Every poster the definitions ask for, in a stable order (thema: one per theme)."""
    out = []
    for d in sorted(defs, key=lambda d: d.name):
        if d.kind == "kaart":
            continue
        if d.kind == "thema":
            out += [Job(d, f"{d.name}-{t.id}", t) for t in model.themas]
        else:
            out.append(Job(d, d.name))
    return out


def alt_text(model: Datavisie, job: Job) -> str:
    """The text alternative the site shows with a poster (Dutch, B1)."""
    ed = edition(model)
    org = model.organisatie.naam
    version = ed.badge.lower()
    if job.defn.kind == "visie":
        themes = ", ".join(t.titel for t in model.themas)
        return (f"Poster van de datavisie van {org} ({version}): {model.visie.titel}. "
                f"{model.visie.kernboodschap} Thema's: {themes}. Met de routekaart, "
                f"de stand van de ontwikkeling en het projectregister in cijfers.")
    if job.defn.kind == "routekaart":
        n = len(model.routekaart.mijlpalen)
        return (f"Routekaart van {org} ({version}) met {len(model.routekaart.fasen)} fasen en "
                f"{n} mijlpalen per thema, met hun status. {stand_text(model)}.").replace("..", ".")
    t = job.theme
    assert t is not None
    principles = "; ".join(p.titel for p in t.principes)
    return (f"Poster over het thema {t.titel} van de datavisie van {org} ({version}). "
            f"Ambitie: {t.ambitie} Principes: {principles}.")

