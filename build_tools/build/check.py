"""Everything a build would refuse, short of rendering and reading git: the content, and in a
site project (a mkdocs.yml or a house-style folder) the house style, the poster definitions
and templates, and whether the content fits on the posters; with the warnings of each (W
codes), the national register's and freshness among them. Used by `datavisie check` and by
the change summary (which checks the project as it would be after the change)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.errors import ContentError, Issue, UserError, errors_in, sort_issues
from build_tools.project import Project


@dataclass(frozen=True)
class Checked:
    model: Any  # the model for the audience, or None when the content has errors
    issues: list[Issue] = field(default_factory=list)  # errors and warnings
    what: str = "Inhoud"  # what was checked, for the closing line
    readable: Any = None  # the model for the audience whenever every file reads (see load)


def check_project(root: Path, audience: str, *, cache_root: Path | None = None,
                  peildatum: str | None = None) -> Checked:
    """All issues of the project at `root`. `cache_root` is where the poster layouts are kept
    (default: the project's own cache folder, as the plugin's); `peildatum` the day freshness
    is judged on (default: the plugin's option, else the content's own stand)."""
    from build_tools.audience import PUBLIC, for_audience
    from build_tools.content.grammar import project_grammar
    from build_tools.content.load import read_content

    project = Project.load(root)
    options = project.options
    read, issues = read_content(root, grammar=project_grammar(root, project.settings))
    readable = for_audience(read, audience) if read is not None else None
    model = readable if not errors_in(issues) else None
    if model is not None and read is not None:
        from build_tools.views.algoritmeregister.checks import register_warnings

        # what the national register would refuse: warnings (W2xx), for public algorithms
        issues += register_warnings(model if audience == PUBLIC else for_audience(read, PUBLIC))
        issues += _freshness(model, root, options, peildatum)
    theme = project.theme_dir
    style = None
    if project.has_config or theme.is_dir():
        from build_tools.housestyle.css import load_style_checked

        try:
            style, warnings = load_style_checked(theme, root)
            issues += warnings
        except ContentError as exc:
            issues += exc.issues
    what = "Inhoud"
    if model is not None and style is not None:
        what = "Inhoud en huisstijl"
        if project.posters:
            from build_tools.build import cache
            from build_tools.views.posters import check_fit

            base = cache_root or project.cache_dir
            issues += check_fit(model, style, posters_dir=project.posters_dir,
                                cache_dir=base / cache.POSTERS, cards=project.social_cards)
            what = "Inhoud, huisstijl en posters"
    return Checked(model, sort_issues(issues), what, readable)


def _freshness(model: Any, root: Path, options: Mapping[str, object],
               peildatum: str | None) -> list[Issue]:
    """The freshness warnings, judged on --peildatum, DATAVISIE_PEILDATUM, the plugin's
    `peildatum:`, or else the content's own stand."""
    from build_tools.build.advice import gather

    try:
        found, _ = gather(model, root, (), actualiteit=options.get("actualiteit"),
                          peildatum=peildatum or options.get("peildatum"))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    return list(found)
