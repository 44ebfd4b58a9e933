"""The MkDocs plugin `datavisie`: a thin adapter from MkDocs events to a site build
(build/sitebuild.py: read, check, build in memory, render the posters, check the output and
swap it in; build/pages.py: the pages in MkDocs' terms). Builds that publish read nothing from
the cache folder; only `mkdocs serve` does (build/cache.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools.audience import AUDIENCES, PUBLIC
from build_tools.build import pages, release, sitebuild
from build_tools.build.failures import BrokenLinks, ContentProblem, LeakFound
from build_tools.errors import Issue
from build_tools.project import CACHE_DIR, THEME_DIR, Project
from build_tools.views.website.material_html import mend_page

__all__ = ["BrokenLinks", "ContentProblem", "DatavisieConfig", "DatavisiePlugin", "LeakFound"]
ENV_AUDIENCE = sitebuild.ENV_AUDIENCE


class DatavisieConfig(base.Config):
    doelgroep = c.Choice(AUDIENCES, default=PUBLIC)
    huisstijl = c.Type(str, default=THEME_DIR)  # folder with huisstijl.yml, beside mkdocs.yml
    cache = c.Type(str, default=CACHE_DIR)  # kept between `mkdocs serve` builds (cache.py)
    posters = c.Type(bool, default=True)  # render the posters into site/posters/
    sociale_kaarten = c.Type(bool, default=True)  # a 1200x630 preview image per page
    # Whether content warnings (W codes) fail the build: unset, they follow MkDocs' `strict`
    # (logged as warnings, which `mkdocs build --strict` counts); `true` stops the build with
    # them listed; `false` never lets them stop it (`datavisie bouw` without --strict).
    strikt = c.Optional(c.Type(bool))
    # Freshness warnings (freshness.py): months before a trial, a concept or a measurement is
    # stale, and the day they are judged on (default: the content's stand; for CI the
    # environment variable DATAVISIE_PEILDATUM or `datavisie bouw --peildatum`).
    actualiteit = c.Type(dict, default={})
    peildatum = c.Optional(c.Type((str, date)))
    voorbeeld = c.Type(bool, default=False)  # a preview that works from file:// (preview.py)


class DatavisiePlugin(BasePlugin[DatavisieConfig]):
    supports_multiple_instances = False
    command = "build"  # until on_startup says otherwise (build() called directly)
    dirty = False
    project: Project | None = None  # given by `datavisie bouw`, else read in on_config
    run: sitebuild.SiteRun | None = None
    failure: Exception | None = None  # what ended the last build (read by `datavisie bouw`)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """The content warnings of the last build (reported by `datavisie bouw`)."""
        return self.run.warnings if self.run is not None else ()

    @property
    def staging(self) -> Path | None:
        return self.run.staged.folder if self.run is not None and self.run.staged else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failure, self.run = None, None
        root = Path(config.config_file_path or ".").resolve().parent
        given = self.project if self.project is not None and self.project.root == root \
            else None  # read once by `datavisie bouw`; else mkdocs.yml as it is now
        self.run = sitebuild.start(config, self.config,
                                   given or Project.load(root, options=self.config),
                                   serving=self.command == "serve", dirty=self.dirty)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.run is not None
        return pages.site_files(files, config, self.run)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.run is not None
        pages.adopt_page(page, config, self.run, cards=self.config.sociale_kaarten)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        assert self.run is not None
        return pages.page_html(html, page, self.run)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return mend_page(output)  # Material's few invalid attributes (valid HTML, W3C)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        return mend_page(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # after every other plugin (search writes its index in post_build)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.run is not None
        sitebuild.finish(config, self.run, self.config)

    def on_build_error(self, *, error: Exception) -> None:
        self.failure = error
        if self.run is not None:
            release.discard(self.run.staged)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.run is None:  # the first build failed: MkDocs does not serve
            return server
        project = self.run.project
        server.watch(str(project.theme_dir))  # content/: docs_dir, watched by MkDocs
        if project.posters_dir is not None:
            server.watch(str(project.posters_dir))
        return server
