"""The theme poster (one per theme): the theme's title, ambition and principles, its
milestones on the route map and its projects in figures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from build_tools.content.model import Datavisie
from build_tools.housestyle.colour import contrast_ratio, text_on
from build_tools.housestyle.tokens import Style
from build_tools.views import charts
from build_tools.views.posters.kinds.parts import (
    Card,
    Job,
    base_context,
    chart_font,
    footer,
    number_row,
    put_text,
)
from build_tools.views.posters.paper import PosterDef
from build_tools.views.posters.scene import Fitter, edition, masthead, source
from build_tools.views.posters.textfit import Para

REGIONS: Mapping[str, tuple[bool, bool]] = {
    "kop": (True, True), "titel": (True, True), "ambitie": (True, True),
    "principes": (True, True), "routekaart": (True, True), "cijfers": (False, True),
    "voet": (True, True)}


def jobs(model: Datavisie, defn: PosterDef) -> list[Job]:
    return [Job(defn, f"{defn.name}-{t.id}", t) for t in model.themas]


def build(model: Datavisie, style: Style, job: Job, fit: Fitter,
          card: Card | None = None) -> dict[str, Any]:
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
        themes=(t.id,), font_size=d.pt(rk.largest), font=chart_font(f), label_done=False,
        id_prefix=f"{job.name}-tijdlijn", lang=False)) if has_ms else ""
    if "cijfers" in r:
        ps = [p for p in model.projecten if t.id in p.themas]
        ms = [m for m in model.routekaart.mijlpalen if t.id in m.themas and m.status != "vervallen"]
        items = [(str(len(ps)), "projecten in het register"),
                 (str(sum(1 for p in ps if p.status == "in-gebruik")), "daarvan in gebruik"),
                 (f"{sum(1 for m in ms if m.status == 'gereed')}/{len(ms)}", "mijlpalen gereed")]
        ctx["numbers"] = number_row(model, fit, ctx, "cijfers", items, cols=3)
    footer(model, ctx, fit)
    ctx["desc"] = alt_text(model, job)
    return ctx


def _ok_text(colour: str, background: str) -> bool:
    return contrast_ratio(colour, background) >= 4.5


def alt_text(model: Datavisie, job: Job) -> str:
    ed = edition(model)
    org = model.organisatie.naam
    version = ed.badge.lower()
    t = job.theme
    assert t is not None
    principles = "; ".join(p.titel for p in t.principes)
    return (f"Poster over het thema {t.titel} van de datavisie van {org} ({version}). "
            f"Ambitie: {t.ambitie} Principes: {principles}.")
