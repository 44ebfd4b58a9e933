"""Edge: read what the site is made from (content, its adopted versions from git, and the house
style) for one audience, with the issues of content and style reported together as one
ContentError. Missing history is not an error: it comes back as notes to log.

Every build reads afresh: nothing of the read is kept between builds (build/cache.py lists
what is)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from build_tools.audience import PUBLIC, for_audience
from build_tools.content.grammar import Grammar, project_grammar
from build_tools.content.load import load_checked
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue, sort_issues
from build_tools.history.renames import attach_moves
from build_tools.history.texts import HistoryNote, attach, history_issues
from build_tools.housestyle.css import load_style_checked
from build_tools.housestyle.tokens import Style
from build_tools.project import Project


@dataclass(frozen=True)
class SiteInputs:
    model: Datavisie  # filtered for the audience, with `geschiedenis` read from git
    style: Style
    notes: tuple[HistoryNote, ...]  # what history is missing and how to fix it
    full: Datavisie  # the same model before the audience filter (the leak scan's source)
    warnings: tuple[Issue, ...] = ()  # of content and style: reported, never a reason to stop


def read_site_inputs(project: Project | Path, *, audience: str = PUBLIC, history: bool = True,
                     grammar: Grammar | None = None, content: str | None = None) -> SiteInputs:
    """The filtered model and the checked style of the project (its content and house-style
    folders: project.py); ContentError lists every issue of both. With `history`, the
    adopted texts of every version are read from git first, so the audience filter cleans
    them too.

    `grammar`: the site's Markdown extensions (the plugin passes MkDocs' loaded config), by
    default those of the project's mkdocs.yml; the filter reads internal blocks with it.
    `content`: the content folder as MkDocs resolved it (default: the project's)."""
    if not isinstance(project, Project):
        project = Project.load(project)
    if grammar is None:
        grammar = project_grammar(project.root, project.settings)
    return _read(project.root, content=content or project.content, theme=project.theme,
                 audience=audience, history=history, grammar=grammar)


def _read(root: Path, *, content: str, theme: str, audience: str,
          history: bool, grammar: Grammar) -> SiteInputs:
    issues: list[Issue] = []
    model: Datavisie | None = None
    full: Datavisie | None = None
    notes: list[HistoryNote] = []
    style: Style | None = None
    warnings: list[Issue] = []
    try:
        full, found = load_checked(root, content_dir=content, grammar=grammar)
        warnings += found
        if history:
            full, notes = attach(full, root, content_dir=content)
            issues += history_issues(full)  # the same checks as the working text
            full, _ = attach_moves(full, root, content_dir=content)
        if not issues:
            model = for_audience(full, audience)
    except ContentError as exc:
        issues += exc.issues
    try:
        style, found = load_style_checked(root / theme, root)
        warnings += found
    except ContentError as exc:
        issues += exc.issues
    if issues or model is None or style is None or full is None:
        raise ContentError(issues + warnings)
    return SiteInputs(model, style, tuple(notes), full, warnings=tuple(sort_issues(warnings)))


def read_inputs(project: Project | Path, *,
                audience: str = PUBLIC) -> tuple[Datavisie, Style]:
    """The filtered model (without history) and the checked style."""
    inputs = read_site_inputs(project, audience=audience, history=False)
    return inputs.model, inputs.style


def log_history_notes(notes: tuple[HistoryNote, ...], log: logging.Logger, *,
                      strict: bool) -> None:
    """One line per note. Missing history leaves a working site (a concept), so under
    `--strict` it is logged as INFO with "Let op:" (a warning would fail the build, and a
    shallow CI clone or a municipality without tags must still publish); otherwise as a
    WARNING, which `mkdocs build` and `mkdocs serve` show prominently."""
    for note in notes:
        log.log(logging.INFO if strict else logging.WARNING, "Let op: %s", note)
