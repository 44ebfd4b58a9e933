"""The warnings of one run, gathered and reported in one place: what reading the content and
the house style gave, what the posters gave, and freshness on the chosen day. `datavisie check`
prints them; a build logs them, and stops for them only when it is strict."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from build_tools.content.freshness import Settings, freshness, reference_day
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue, sort_issues


def gather(model: Datavisie, root: Path, found: Iterable[Issue], *, actualiteit: object = None,
           peildatum: object = None) -> tuple[tuple[Issue, ...], date | None]:
    """`found` with the freshness warnings added, sorted, and the day they were judged on.
    Raises ValueError (a Dutch message) for limits or a day that are not what they should be."""
    settings = Settings.of(actualiteit, peildatum)
    today = reference_day(model, root, peildatum=settings.peildatum)
    return tuple(sort_issues((*found, *freshness(model, today, settings.limits)))), today


def report(warnings: Iterable[Issue], log: logging.Logger, *, strikt: bool | None,
           strict: bool) -> None:
    """Log each warning; raise ContentError with all of them when they must fail the build
    (`strikt`). A warning that must not fail a strict MkDocs build is logged as INFO, since
    MkDocs counts every WARNING."""
    found = list(warnings)
    if found and strikt:
        raise ContentError(found)
    level = logging.INFO if strict and strikt is False else logging.WARNING
    for issue in found:
        log.log(level, issue.format())
