"""The route map poster: the phases and milestones per theme, with their status."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from build_tools.content.model import Datavisie
from build_tools.housestyle.tokens import Style
from build_tools.views import charts
from build_tools.views.posters.kinds.parts import (
    Card,
    Job,
    base_context,
    chart_font,
    footer,
    put_text,
)
from build_tools.views.posters.paper import PosterDef
from build_tools.views.posters.scene import Fitter, edition, masthead, stand_text
from build_tools.views.posters.textfit import Para

REGIONS: Mapping[str, tuple[bool, bool]] = {
    "kop": (True, True), "titel": (True, True), "routekaart": (True, True),
    "voet": (True, True)}


def jobs(model: Datavisie, defn: PosterDef) -> list[Job]:
    return [Job(defn, defn.name)]


def build(model: Datavisie, style: Style, job: Job, fit: Fitter,
          card: Card | None = None) -> dict[str, Any]:
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
        font_size=d.pt(rk.largest), font=chart_font(f), id_prefix=f"{job.name}-tijdlijn",
        lang=False))
    footer(model, ctx, fit)
    ctx["desc"] = alt_text(model, job)
    return ctx


def alt_text(model: Datavisie, job: Job) -> str:
    ed = edition(model)
    org = model.organisatie.naam
    version = ed.badge.lower()
    n = len(model.routekaart.mijlpalen)
    return (f"Routekaart van {org} ({version}) met {len(model.routekaart.fasen)} fasen en "
            f"{n} mijlpalen per thema, met hun status. {stand_text(model)}.").replace("..", ".")
