"""Where a site build writes and when its output replaces the published folder.

Builds are atomic: a build writes into a staging folder beside the real output (`stage`); after
the posters are rendered the output is checked (the leak scan and the link check, `check`) and
only a clean output is swapped in. A failure anywhere leaves the previous site as it was.
`mkdocs serve` builds in a temporary folder of its own: no staging, and what the checks find
is logged, not raised (its preview is never published)."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_tools.audience import PUBLIC, for_audience
from build_tools.build import outputdir, publish
from build_tools.build.failures import BrokenLinks, LeakFound
from build_tools.build.posters import PosterPlan, internal_files
from build_tools.content.model import Datavisie
from build_tools.gate import rules as gate
from build_tools.project import Project
from build_tools.staff.guide import guide_pages
from build_tools.views.website.context import TEMPLATES

log = logging.getLogger("mkdocs.plugins.datavisie")


def refuse_output(config: MkDocsConfig, project: Project) -> None:
    """PluginError, before anything is written, when the output folder may not be written
    (outputdir.py)."""
    reason = outputdir.refusal(Path(config.site_dir), project.root,
                               also=[Path(config.docs_dir), project.theme_dir])
    if reason:
        raise PluginError(f"De uitvoermap {config.site_dir} {reason}. Er is niets geschreven.")


def refuse_internal_site(config: MkDocsConfig, project: Project, audience: str) -> None:
    """PluginError when an internal site would go to the folder mkdocs.yml publishes."""
    published = project.published_dir
    if audience != PUBLIC and Path(config.site_dir).resolve() == published:
        raise PluginError(
            f"De interne site hoort niet in {published.name}/: dat is de map die "
            "gepubliceerd wordt. Bouw haar met `datavisie bouw --doelgroep intern` "
            "(naar site-intern/) of geef een andere map: `mkdocs build -d site-intern`.")


@dataclass
class Staging:
    target: Path  # the real output folder
    folder: Path | None = None  # where this build writes (None: `mkdocs serve`)


def stage(config: MkDocsConfig, *, serving: bool, dirty: bool) -> Staging:
    """Send MkDocs' output to a fresh staging folder (MkDocs cleans site_dir after on_config,
    so the real folder is never touched). `mkdocs serve` builds in its own temporary folder
    and needs none."""
    staged = Staging(Path(config.site_dir))
    if serving:
        return staged
    staged.folder = publish.staging_dir(staged.target)
    if dirty and staged.target.is_dir():  # --dirty rebuilds on top of the last site
        shutil.copytree(staged.target, staged.folder, symlinks=True, dirs_exist_ok=True)
    config.site_dir = str(staged.folder)
    return staged


def discard(staged: Staging | None) -> None:
    if staged is not None and staged.folder is not None:
        publish.discard(staged.folder)
        staged.folder = None


def leak_rules(config: MkDocsConfig, project: Project, full: Datavisie, posters: PosterPlan,
               out: Path, target: Path) -> gate.LeakRules:
    """The gate's rules for the public site, from this build's read of the repository."""
    public = for_audience(full, PUBLIC)
    return gate.leak_rules(
        full, project.root, paths=[target, project.cache_dir], transient=[out],
        # the staff guide is fixed text that may repeat an internal page's headings
        also_public=[g.markdown for g in guide_pages(public)],
        site_url=config.site_url or "", internal_files=internal_files(full, public, posters))


def check_and_promote(config: MkDocsConfig, staged: Staging, rules: gate.LeakRules | None,
                      checks_cache: Path | None) -> None:
    """Check the finished output; when clean, swap it in for the real site folder."""
    out = Path(config.site_dir)
    ours = {Path(d).resolve() for d in (config.theme.custom_dir, TEMPLATES) if d}
    theme_package = [Path(d) for d in config.theme.dirs if Path(d).resolve() not in ours]
    report = gate.check_output(out, rules=rules,
                               base_path=urlsplit(config.site_url or "/").path or "/",
                               trusted_dirs=theme_package, cache_dir=checks_cache)
    problems: list[PluginError] = []
    if report.leaks:  # a leak decides the exit code; broken links are listed with it
        problems.append(LeakFound([*(str(f) for f in report.leaks),
                                   *(f"link naar niets: {b}" for b in report.broken_links)]))
    elif report.broken_links:
        problems.append(BrokenLinks([str(b) for b in report.broken_links]))
    if staged.folder is None:  # `mkdocs serve`: a preview; report, keep serving
        for problem in problems:
            log.warning(str(problem))
        return
    if problems:
        raise problems[0]
    if config.strict and _warnings_counted():
        return  # MkDocs aborts the strict build next; on_build_error discards the folder
    publish.promote(staged.folder, staged.target)
    log.info("Site geplaatst in %s", staged.target)
    config.site_dir = str(staged.target)  # for what runs after the build (gh-deploy)
    staged.folder = None


def _warnings_counted() -> bool:
    """Whether MkDocs' strict-mode counter has seen a warning in this build (MkDocs aborts
    after post_build then; the output must not be published first)."""
    import logging

    from mkdocs.utils import CountHandler

    return any(isinstance(h, CountHandler) and h.get_counts()
               for h in logging.getLogger("mkdocs").handlers)
