"""Poster kinds (`soort` in a definition): one module per kind holds the regions it fills,
its builder (model + style + definition -> the values its template draws) and its text
alternative. Builders fit every text into its region (issues for what cannot fit) and hand
charts, logo and QR code over as SVG text.

A new kind is a new module here (with `REGIONS`, `jobs`, `build` and `alt_text`, see
`parts.Kind`) and one line in `REGISTRY`; the definition reader (layout.py) takes its
regions from there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from build_tools.content.model import Datavisie
from build_tools.views.posters.kinds import kaart, routekaart, thema, visie
from build_tools.views.posters.kinds.parts import (
    Card,
    Job,
    Kind,
    base_context,
    job_title,
    poster_label,
    put_text,
)
from build_tools.views.posters.paper import PosterDef

__all__ = ["REGISTRY", "Card", "Job", "Kind", "alt_text", "base_context", "job_title",
           "jobs_for", "poster_label", "put_text"]

# Kind name (`soort`) -> its module, in the order the definitions' schema lists them.
REGISTRY: Mapping[str, Kind] = {
    "visie": visie,
    "routekaart": routekaart,
    "thema": thema,
    "kaart": kaart,
}


def jobs_for(model: Datavisie, defs: Sequence[PosterDef]) -> list[Job]:
    """Every poster the definitions ask for, in a stable order (thema: one per theme)."""
    return [job for d in sorted(defs, key=lambda d: d.name)
            for job in REGISTRY[d.kind].jobs(model, d)]


def alt_text(model: Datavisie, job: Job) -> str:
    """The text alternative the site shows with a poster (Dutch, B1)."""
    return REGISTRY[job.defn.kind].alt_text(model, job)
