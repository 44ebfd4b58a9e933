"""The vision poster: title, core message, the themes as tiles, the route map, the radar of
the measured stage of development and the project register in figures."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from build_tools.content.model import Datavisie
from build_tools.housestyle.colour import text_on
from build_tools.housestyle.tokens import Style
from build_tools.views import charts
from build_tools.views.posters.kinds.parts import (
    Card,
    Job,
    base_context,
    chart_font,
    footer,
    grid,
    number_row,
    put_text,
    same_size,
)
from build_tools.views.posters.paper import Box, PosterDef
from build_tools.views.posters.scene import Fitter, TextLine, edition, lines_of, masthead, source
from build_tools.views.posters.textfit import Para

REGIONS: Mapping[str, tuple[bool, bool]] = {
    "kop": (True, True), "titel": (True, True), "kernboodschap": (True, True),
    "themas": (True, True), "routekaart": (True, True), "radar": (False, True),
    "cijfers": (True, True), "voet": (True, True)}


def jobs(model: Datavisie, defn: PosterDef) -> list[Job]:
    return [Job(defn, defn.name)]


def build(model: Datavisie, style: Style, job: Job, fit: Fitter,
          card: Card | None = None) -> dict[str, Any]:
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
        font_size=d.pt(rk.largest), font=chart_font(f), id_prefix=f"{job.name}-tijdlijn",
        labels=False, lang=False))
    ctx["radar"] = ""
    if "radar" in r and charts.has_radar(model):
        rb = r["radar"].box
        wide = rb.w > rb.h * 1.4
        size = min(rb.h, rb.w) if not wide else rb.h
        ctx["radar"] = Markup(charts.radar_svg(
            model, style, size=size, x=rb.x, y=rb.y, legend="rechts" if wide else "onder",
            font_size=d.pt(r["radar"].largest), font=chart_font(f),
            id_prefix=f"{job.name}-radar", lang=False))
    figures = _register_numbers(model)
    if ctx["radar"] or "radar" not in r:
        ctx["numbers"] = number_row(model, fit, ctx, "cijfers", figures)
    else:  # no measurement yet: the register figures take the whole row
        cb, rb = r["cijfers"].box, r["radar"].box
        row = Box(min(cb.x, rb.x), cb.y + cb.h * 0.2, max(cb.right, rb.right) - min(cb.x, rb.x),
                  cb.h * 0.6)
        ctx["box"] = {**ctx["box"], "cijfers": row}
        ctx["numbers"] = number_row(model, fit, ctx, "cijfers", figures, cols=len(figures),
                                  box=row)
    footer(model, ctx, fit)
    ctx["desc"] = alt_text(model, job)
    return ctx


def _theme_tiles(model: Datavisie, style: Style, fit: Fitter,
                 ctx: dict[str, Any]) -> list[dict[str, Any]]:
    region = fit.region("themas")
    f, c = fit.fonts, ctx["c"]
    n = len(model.themas)
    cols = 1 if n == 1 else 2 if n <= 4 else 3
    gap = region.box.w * 0.024
    boxes = grid(region.box, n, cols, gap)
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
    heads = same_size(heads, paras_h, head_boxes)
    bodies = same_size(bodies, paras_b, body_boxes)
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


def alt_text(model: Datavisie, job: Job) -> str:
    ed = edition(model)
    org = model.organisatie.naam
    version = ed.badge.lower()
    themes = ", ".join(t.titel for t in model.themas)
    return (f"Poster van de datavisie van {org} ({version}): {model.visie.titel}. "
            f"{model.visie.kernboodschap} Thema's: {themes}. Met de routekaart, "
            f"de stand van de ontwikkeling en het projectregister in cijfers.")
