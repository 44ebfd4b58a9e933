"""Freshness: what in a living vision has probably stopped being true, as warnings (W1xx).

Pure: a model, a reference day and the limits -> Issues. The reference day is never the clock:
it is `--peildatum` (for CI) or else the content's own "stand" date (the newest version or
measurement), else the day of the commit being built (SOURCE_DATE_EPOCH or HEAD), so the same
commit gives the same warnings. The limits come from the plugin's `actualiteit:` options in
mkdocs.yml; the measurement interval from the maturity model's `herhaling`.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from build_tools.content.model import Datavisie
from build_tools.content.types import When
from build_tools.errors import Issue, Pos

OPEN_MILESTONE = ("gepland", "loopt")
TRIAL = ("verkenning", "pilot")


ENV_DAY = "DATAVISIE_PEILDATUM"


@dataclass(frozen=True)
class Limits:
    """How long (in months) something may stay as it is before it is called stale."""

    verkenning: int = 12  # a project exploring
    pilot: int = 18  # a project in a pilot
    concept: int = 3  # the newest version still a concept
    meting: int = 24  # the newest measurement, when the maturity model sets no `herhaling`


@dataclass(frozen=True)
class Settings:
    """The limits and the chosen reference day (None: the content's own stand)."""

    limits: Limits = Limits()
    peildatum: date | None = None

    @classmethod
    def of(cls, options: object = None, peildatum: object = None, *,
           env: Mapping[str, str] | None = None) -> Settings:
        """From the plugin's `actualiteit:` and `peildatum:` options, the environment variable
        DATAVISIE_PEILDATUM, and a `--peildatum` (`peildatum`, which wins). Raises ValueError
        with a Dutch message for anything else than whole months and YYYY-MM-DD."""
        given = options if options is not None else {}
        if not isinstance(given, Mapping):
            raise ValueError("`actualiteit` moet een groep zijn, bijvoorbeeld `pilot: 18`")
        names = [f.name for f in fields(Limits)]
        for key, value in given.items():
            if key not in names:
                raise ValueError(f"`actualiteit` kent `{key}` niet; kies uit "
                                 f"{', '.join(names)}")
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 240:
                raise ValueError(f"`actualiteit.{key}` moet een aantal maanden zijn (1 tot en "
                                 f"met 240), niet {value!r}")
        chosen = peildatum if peildatum not in (None, "") else \
            (env if env is not None else os.environ).get(ENV_DAY) or None
        return cls(Limits(**dict(given)), _day(chosen))


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ValueError(f"peildatum {text!r} is geen datum; schrijf bijvoorbeeld 2026-03-01")


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reference_day(model: Datavisie, root: Path | None = None, *,
                  peildatum: date | None = None) -> date | None:
    """The day freshness is judged on: `peildatum`, else the content's stand, else the day of
    the commit being built (None outside git without SOURCE_DATE_EPOCH: nothing is judged)."""
    if peildatum is not None:
        return peildatum
    if model.stand is not None:
        return model.stand
    if root is None:
        return None
    from build_tools.gate.rules import source_day

    return source_day(root)


def _at(obj: Any, name: str) -> Pos:
    return obj.fpos.get(name) or obj.pos  # type: ignore[no-any-return]


def _label(day: date) -> str:
    return When(day, day, "dag", day.isoformat()).label()


def freshness(model: Datavisie, today: date | None, limits: Limits | None = None,
              ) -> list[Issue]:
    """Every freshness warning of `model` on the day `today` (none without a day)."""
    if today is None:
        return []
    limits = limits or Limits()
    on = f"op {_label(today)}"
    issues: list[Issue] = []
    for m in model.routekaart.mijlpalen:
        if m.status in OPEN_MILESTONE and m.wanneer.end < today:
            issues.append(Issue.at(
                _at(m, "status"), "W101",
                f"mijlpaal `{m.id}` ({m.titel}) stond voor {m.wanneer.label()} en is {on} nog "
                f"`{m.status}`",
                "zet `status` op `gereed`, `vertraagd` of `vervallen`, of kies een nieuw moment "
                "bij `wanneer`"))
    for p in model.projecten:
        if p.status not in TRIAL:
            continue
        months = getattr(limits, p.status)
        if p.eind is not None and p.eind.end < today:
            issues.append(Issue.at(
                _at(p, "status"), "W102",
                f"project `{p.id}` zou in {p.eind.label()} klaar zijn, maar staat {on} nog op "
                f"`{p.status}`",
                "werk `status` bij (`in-gebruik`, of `buiten-gebruik` met `eind`), of schuif "
                "`eind` op"))
        elif p.eind is None and months_after(p.start.start, months) <= today:
            issues.append(Issue.at(
                _at(p, "status"), "W102",
                f"project `{p.id}` staat sinds {p.start.label()} op `{p.status}`: {on} langer "
                f"dan {months} maanden",
                "werk `status` bij (`in-gebruik`, of `buiten-gebruik` met `eind`), of zet bij "
                "`eind` wanneer de " + ("verkenning" if p.status == "verkenning" else "pilot")
                + " klaar is"))
    latest = model.latest_measurement
    if latest is not None and model.metingmodel is not None:
        months = model.metingmodel.herhaling or limits.meting
        if months_after(latest.datum.start, months) <= today:
            issues.append(Issue.at(
                _at(latest, "datum"), "W103",
                f"de laatste meting is van {latest.datum.label()}: {on} meer dan {months} "
                "maanden geleden",
                "doe een hermeting en zet die in content/metingen/, of pas `herhaling` aan in "
                "content/metingen/model.yml"))
    if model.versies and model.versies[-1].status == "concept":
        v = model.versies[-1]
        if months_after(v.datum.start, limits.concept) <= today:
            issues.append(Issue.at(
                _at(v, "datum"), "W104",
                f"versie {v.versie} is sinds {v.datum.label()} een concept: {on} langer dan "
                f"{limits.concept} maanden",
                "leg de versie voor aan MT, college of raad en leg het besluit vast met "
                "`datavisie versie vaststellen`, of zet bij `datum` de dag van het laatste "
                "overleg"))
    return issues
