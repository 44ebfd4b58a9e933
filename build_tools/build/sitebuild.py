"""One site build under MkDocs, from the plugin's events (mkdocs_plugin.py adapts them):
`start` reads, checks and filters the content and the house style (so a content error stops
the build before the previous site is touched) and builds the whole site in memory; `finish`
renders the posters into the output, checks it and swaps it in (release.py).

A build that writes an output folder (`mkdocs build`, also `--dirty`, `gh-deploy`,
`datavisie bouw`) publishes, and reads nothing from the cache folder: no cached poster or
card, no kept verdict of the checks. The cache folder is not reviewed like the repository
(CI restores it from other branches' builds, anyone with a shell can write it), so what it
holds never decides what is published. Only `mkdocs serve`, whose preview is never
published, uses it to be fast (build/cache.py lists what is kept)."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_tools.audience import AUDIENCES, PUBLIC
from build_tools.build import advice, cache, mkdocs_config, posters, preview, release
from build_tools.build.cache import Digests
from build_tools.build.failures import ContentProblem
from build_tools.build.inputs import SiteInputs, log_history_notes, read_site_inputs
from build_tools.build.posters import PosterPlan
from build_tools.content.grammar import Grammar
from build_tools.errors import ContentError, Issue
from build_tools.gate import rules as gate
from build_tools.history.revisions import milestone_revisions
from build_tools.housestyle.tokens import Style
from build_tools.project import Project
from build_tools.views.downloads import export_files
from build_tools.views.website import Asset, Site, SiteContext, SitePage
from build_tools.views.website.figures import site_figures

log = logging.getLogger("mkdocs.plugins.datavisie")
ENV_AUDIENCE = "DATAVISIE_DOELGROEP"


@dataclass
class SiteRun:
    """What `start` decided, for the events after it."""

    project: Project
    serving: bool  # `mkdocs serve`: a preview that is never published
    audience: str = PUBLIC
    offline: bool = False  # a preview that works from file:// (preview.py)
    inputs: SiteInputs | None = None
    site: Site | None = None
    pages: dict[str, SitePage] = field(default_factory=dict)
    poster_plan: PosterPlan = field(default_factory=PosterPlan)
    edit_links: bool = False
    warnings: tuple[Issue, ...] = ()  # content warnings (reported)
    broken: list[Issue] | None = None  # `mkdocs serve` with content errors
    staged: release.Staging | None = None
    source_day: list[date | None] = field(default_factory=list)  # computed once, when asked
    digests: Digests = field(default_factory=Digests)  # the model's, for the poster keys

    @property
    def cache(self) -> Path | None:
        """The cache folder this build may read: none when it publishes."""
        return self.project.cache_dir if self.serving else None

    def kept(self, name: str) -> Path | None:
        """The cache subfolder `name` this build may read, or None when it publishes."""
        return self.cache / name if self.cache is not None else None

    def day(self) -> date | None:
        """For content without any date: SOURCE_DATE_EPOCH, else the day of the commit being
        built, so that the sitemap never carries the day of the build."""
        if not self.source_day:
            self.source_day.append(gate.source_day(self.project.root))
        return self.source_day[0]


def audience_of(options: Mapping[str, Any]) -> str:
    audience = os.environ.get(ENV_AUDIENCE) or str(options["doelgroep"])
    if audience not in AUDIENCES:
        raise PluginError(f"{ENV_AUDIENCE}={audience!r} is onbekend; kies uit "
                          f"{', '.join(AUDIENCES)}.")
    return audience


def start(config: MkDocsConfig, options: Mapping[str, Any], project: Project, *,
          serving: bool, dirty: bool) -> SiteRun:
    """Check, read and build the site in memory; point MkDocs at it and at a staging
    folder. Under `mkdocs serve` content errors come back in `broken` (a page lists them)."""
    refused = gate.refused_extensions(config.markdown_extensions, list(config.plugins))
    if refused:
        raise PluginError("mkdocs.yml: " + "\n".join(refused))
    if not serving:  # serve builds in a temporary folder of its own
        release.refuse_output(config, project)
    run = SiteRun(project, serving, audience_of(options), preview.wanted(options["voorbeeld"]))
    if run.offline:
        preview.configure(config)
    content = os.path.relpath(config.docs_dir, project.root)
    try:
        run.inputs = read_site_inputs(project, content=content, audience=run.audience,
                                      # the filter reads Markdown as these pages will
                                      grammar=Grammar.from_config(config.markdown_extensions,
                                                                  config.mdx_configs))
        model, style = run.inputs.model, run.inputs.style
        run.poster_plan = posters.plan(model, style, enabled=bool(options["posters"]),
                                       posters_dir=project.posters_dir,
                                       cache_dir=run.kept(cache.POSTERS), digests=run.digests)
    except ContentError as exc:  # one message with every issue, no traceback
        return _content_error(run, exc)
    try:
        run.warnings, today = advice.gather(
            model, project.root, (*run.inputs.warnings, *run.poster_plan.warnings),
            actualiteit=options["actualiteit"], peildatum=options["peildatum"])
    except ValueError as exc:
        raise PluginError(f"mkdocs.yml, plugin datavisie: {exc}") from None
    try:
        advice.report(run.warnings, log, strikt=options["strikt"], strict=config.strict)
    except ContentError as exc:
        raise ContentProblem(exc.summary() + "\nWaarschuwingen tellen in deze bouw als "
                             "fout (strikt).") from None
    log_history_notes(run.inputs.notes, log, strict=config.strict)
    note_unshipped_fonts(style)
    if not serving:
        release.refuse_internal_site(config, project, run.audience)
    run.edit_links = mkdocs_config.adopt_organisation(config, model)
    try:
        run.site = without_expired(make_site(config, run, model, style, today),
                                   model.organisatie.pos.path, strict=bool(config.strict))
    except ContentError as exc:  # an old address the site itself uses
        return _content_error(run, exc)
    run.pages = {p.path: p for p in run.site.pages}
    mkdocs_config.adopt_site(config, run.site, model, serving=serving, offline=run.offline)
    run.staged = release.stage(config, serving=serving, dirty=dirty)
    return run


def make_site(config: MkDocsConfig, run: SiteRun, model: Any, style: Style,
              today: date | None) -> Site:
    """The pages and assets, the open-data downloads last (they win a path)."""
    from build_tools.views.website.pages import build_site

    revisions = milestone_revisions(run.project.root, model.routekaart.path)  # the calendar
    ctx = SiteContext(model=model, style=style, directory_urls=config.use_directory_urls,
                      posters=run.poster_plan.links, figures=site_figures(),
                      font_cache=run.kept(cache.FONTS), warnings=run.warnings, today=today,
                      published=revisions.made.date() if revisions.made else None)
    site = build_site(ctx)
    downloads = tuple(Asset(path, data) for path, data in export_files(model, revisions).items())
    return dataclasses.replace(site, assets=(*site.assets, *downloads))


def _content_error(run: SiteRun, exc: ContentError) -> SiteRun:
    """Stop the build with every issue; under `mkdocs serve`, build a page that lists them
    instead (serve_errors.py), so the browser shows them rather than waiting."""
    if not run.serving:
        raise ContentProblem(exc.summary()) from None
    log.error(exc.summary())
    run.broken = list(exc.issues)
    return run


def finish(config: MkDocsConfig, run: SiteRun, options: Mapping[str, Any]) -> None:
    """After every page is written: the posters, then the checks and the swap (release.py);
    under `mkdocs serve` with content errors, the page that lists them."""
    if run.broken is None:
        assert run.inputs is not None and run.site is not None
        try:
            posters.render(Path(config.site_dir), run.poster_plan, run.inputs.model,
                           run.inputs.style, run.site.pages, cards=bool(options["sociale_kaarten"]),
                           directory_urls=config.use_directory_urls, cache_dir=run.cache,
                           digests=run.digests)
        except ContentError as exc:
            if run.serving:
                log.error(exc.summary())
                run.broken = list(exc.issues)
            else:
                raise ContentProblem(exc.summary()) from None
    if run.broken is not None:  # serving with errors: a page that lists them
        from build_tools.build.serve_errors import write_error_site

        write_error_site(Path(config.site_dir), run.broken)
        return
    assert run.inputs is not None and run.staged is not None
    if run.offline:
        preview.write_offline_index(Path(config.site_dir))
    rules = release.leak_rules(config, run.project, run.inputs.full, run.poster_plan,
                               Path(config.site_dir), run.staged.target) \
        if run.audience == PUBLIC else None
    release.check_and_promote(config, run.staged, rules, run.kept(cache.CHECKS))


def note_unshipped_fonts(style: Style) -> list[str]:
    from build_tools.housestyle.fonts import shipped_woff2

    missing = [f.path.name for f in style.fonts.faces() if not shipped_woff2(f.path).is_file()]
    if missing:
        log.info("Letters zonder WOFF2 ernaast (%s): de bouw maakt die nu zelf, eenmalig per "
                 "versie van de letter. Maak ze vast met `datavisie lettertypen` en zet ze in "
                 "git.", ", ".join(missing))
    return missing


def without_expired(site: Site, source: str, *, strict: bool) -> Site:
    """The site without a security.txt that has expired by the day the build runs (W403), and
    a warning when it expires within a month (W402). The only use of the clock: for a warning
    and to never publish an expired file; the file itself is dated by the commit. Like missing
    history, this is about the day of the build, not about the content: under `--strict` it
    is an INFO line (a strict build of an older commit still publishes)."""
    from build_tools.views.website.wellknown import SECURITY_TXT, expiry_issue

    found = next((a for a in site.assets if a.path == SECURITY_TXT), None)
    issue = expiry_issue(found.content, today=date.today(), source=source) if found else None
    if issue is None:
        return site
    log.log(logging.INFO if strict else logging.WARNING, "%s", issue.format())
    if issue.code != "W403":
        return site
    return dataclasses.replace(site, assets=tuple(a for a in site.assets if a is not found))
