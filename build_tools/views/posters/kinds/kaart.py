"""The social card (1200x630 PNG, a page's og:image): a page's section, title and subtitle in
the house style. Texts come from the site, not from one content field, so a text that is too
long is shortened with an ellipsis instead of failing the build. A definition of this kind
makes no poster of its own: the site asks for one card per page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from build_tools.content.model import Datavisie
from build_tools.housestyle.tokens import Style
from build_tools.views.posters.assets import inline_svg
from build_tools.views.posters.kinds.parts import Card, Job, base_context, put_text
from build_tools.views.posters.paper import PosterDef
from build_tools.views.posters.scene import Fitter, masthead
from build_tools.views.posters.textfit import Face, Flow, Para
from build_tools.views.posters.textfit import fit as fit_flow

REGIONS: Mapping[str, tuple[bool, bool]] = {
    "kop": (True, True), "sectie": (True, True), "titel": (True, True),
    "ondertitel": (True, True), "voet": (True, True)}


def jobs(model: Datavisie, defn: PosterDef) -> list[Job]:
    return []  # cards are made per page (social_cards), not per definition


def build(model: Datavisie, style: Style, job: Job, fit: Fitter,
          card: Card | None = None) -> dict[str, Any]:
    """A 1200x630 preview image. Card texts come from the site and may be shortened with an
    ellipsis to fit (the page itself carries the full text); no issue is raised. It shows
    the masthead and the card's texts, nothing else of the model."""
    given = card
    card = card or Card(job.defn.title)
    ctx = base_context(masthead(model), style, job, fit)
    ctx["concept"] = False  # a page preview, not a poster: it claims no version
    d, f, c = job.defn, fit.fonts, ctx["c"]
    r = d.regions
    ctx["mark"] = Markup(inline_svg(style.mark.svg, prefix=f"{job.name}-mark",
                                    x=r["kop"].box.x, y=r["kop"].box.y,
                                    width=r["kop"].box.h, height=r["kop"].box.h))
    fills = {"tekst": c["on_brand"], "titel": c["on_brand"], "zacht": c["on_brand"]}
    for name, text, face, role in (("sectie", card.section, f.strong, "zacht"),
                                   ("titel", card.title, f.heading, "titel"),
                                   ("ondertitel", card.subtitle, f.text, "tekst"),
                                   ("voet", ctx["host"], f.strong, "zacht")):
        flow = _fit_or_shorten(fit, name, text, face, role)
        put_text(ctx, name, flow, r[name].box, fills,
             valign="bottom" if name == "titel" else "top")
    ctx["desc"] = " · ".join(t for t in (card.section, card.title, card.subtitle) if t) \
        if given else job.defn.title
    ctx["title"] = card.title if given else job.defn.title
    return ctx


def _fit_or_shorten(fit: Fitter, name: str, text: str, face: Face, role: str) -> Flow | None:
    if not text.strip():
        return None
    region = fit.region(name)
    d = fit.defn
    def attempt(t: str) -> Flow | None:
        para = [Para(t, face, leading=1.15, role=role, max_lines=region.max_lines)]
        return fit_flow(para, region.box.w, region.box.h, largest=d.pt(region.largest),
                        smallest=d.pt(region.smallest), step=d.pt(region.step))

    flow = attempt(text)
    words = text.split()
    while flow is None and len(words) > 1:
        words = words[:-1]
        flow = attempt(" ".join(words).rstrip(",;:.-–") + "…")
    return flow


def alt_text(model: Datavisie, job: Job) -> str:
    return job.defn.title
