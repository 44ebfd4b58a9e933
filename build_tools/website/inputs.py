"""Edge: read what the site is made from (content, its adopted versions from git, and the house
style) for one audience, with the issues of content and style reported together as one
ContentError. Missing history is not an error: it comes back as notes to log."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..audience import for_audience
from ..errors import ContentError, Issue
from ..history import HistoryNote, attach
from ..load import load
from ..model import Datavisie
from ..style import load_style
from ..tokens import Style


@dataclass(frozen=True)
class SiteInputs:
    model: Datavisie  # filtered for the audience, with `geschiedenis` read from git
    style: Style
    notes: tuple[HistoryNote, ...]  # what history is missing and how to fix it
    full: Datavisie  # the same model before the audience filter (the leak scan's source)


def read_site_inputs(root: Path, *, content: str = "content", theme: str = "theme",
                     audience: str = "publiek", history: bool = True) -> SiteInputs:
    """The filtered model and the checked style; ContentError lists every issue of both.
    With `history`, the adopted texts of every version are read from git first, so the
    audience filter cleans them too."""
    issues: list[Issue] = []
    model: Datavisie | None = None
    full: Datavisie | None = None
    notes: list[HistoryNote] = []
    style: Style | None = None
    try:
        full = load(root, content_dir=content)
        if history:
            full, notes = attach(full, root, content_dir=content)
        model = for_audience(full, audience)
    except ContentError as exc:
        issues += exc.issues
    try:
        style = load_style(root / theme, root)
    except ContentError as exc:
        issues += exc.issues
    if issues or model is None or style is None or full is None:
        raise ContentError(issues)
    return SiteInputs(model, style, tuple(notes), full)


def read_inputs(root: Path, *, content: str = "content", theme: str = "theme",
                audience: str = "publiek") -> tuple[Datavisie, Style]:
    """The filtered model (without history) and the checked style."""
    inputs = read_site_inputs(root, content=content, theme=theme, audience=audience,
                              history=False)
    return inputs.model, inputs.style


def log_history_notes(notes: tuple[HistoryNote, ...], log: logging.Logger, *,
                      strict: bool) -> None:
    """One line per note. Missing history leaves a working site (a concept), so under
    `--strict` it is logged as INFO with "Let op:" (a warning would fail the build, and a
    shallow CI clone or a municipality without tags must still publish); otherwise as a
    WARNING, which `mkdocs build` and `mkdocs serve` show prominently."""
    for note in notes:
        log.log(logging.INFO if strict else logging.WARNING, "Let op: %s", note)
