"""Everything a build would refuse, short of rendering and reading git: the content, and in a
site project (a mkdocs.yml or a house-style folder) the house style, the poster definitions
and templates, and whether the content fits on the posters; with the warnings of each (W
codes), the national register's and freshness among them. Used by `datavisie check` and by
the change summary (which checks the project as it would be after the change)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.errors import ContentError, Issue, UserError, errors_in, sort_issues


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
    from build_tools.content.load import read_content

    read, issues = read_content(root)
    readable = for_audience(read, audience) if read is not None else None
    model = readable if not errors_in(issues) else None
    options = site_options(root)
    if model is not None and read is not None:
        from build_tools.views.algoritmeregister.checks import register_warnings

        # what the national register would refuse: warnings (W2xx), for public algorithms
        issues += register_warnings(model if audience == PUBLIC else for_audience(read, PUBLIC))
        issues += _freshness(model, root, options, peildatum)
    theme = root / str(options.get("huisstijl") or "theme")
    style = None
    if (root / "mkdocs.yml").is_file() or theme.is_dir():
        from build_tools.housestyle.css import load_style_checked

        try:
            style, warnings = load_style_checked(theme, root)
            issues += warnings
        except ContentError as exc:
            issues += exc.issues
    what = "Inhoud"
    if model is not None and style is not None:
        what = "Inhoud en huisstijl"
        if options.get("posters", True) is not False:
            from build_tools.build.cache import CACHE_DIR
            from build_tools.views.posters import check_fit

            own = root / "posters"
            base = cache_root or root / str(options.get("cache") or CACHE_DIR)
            issues += check_fit(model, style, posters_dir=own if own.is_dir() else None,
                                cache_dir=base / "posters",
                                cards=options.get("sociale_kaarten", True) is not False)
            what = "Inhoud, huisstijl en posters"
    return Checked(model, sort_issues(issues), what, readable)


def _freshness(model: Any, root: Path, options: dict[str, object],
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


def site_options(root: Path) -> dict[str, object]:
    """The `datavisie` plugin's options in `root/mkdocs.yml` ({} without one), read without
    importing MkDocs: unknown tags (`!ENV`, `!!python/name:`) read as empty, `INHERIT` is
    followed."""
    from build_tools.content.grammar import mkdocs_config

    config = mkdocs_config(root)
    plugins = config.get("plugins")
    entries = plugins if isinstance(plugins, list) else []
    for entry in entries:
        if isinstance(entry, dict) and "datavisie" in entry:
            found = entry["datavisie"]
            return dict(found) if isinstance(found, dict) else {}
    return {}


def read_config_text(text: str) -> object:
    """mkdocs.yml text as plain data without importing MkDocs: unknown tags (`!ENV`,
    `!!python/name:`) read as empty; None when it is not YAML."""
    import yaml

    class _Tolerant(yaml.SafeLoader):
        pass

    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    _Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        return yaml.load(text, Loader=_Tolerant)  # noqa: S506
    except yaml.YAMLError:
        return None
