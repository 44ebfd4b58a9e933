"""The MkDocs plugin `datavisie`: a thin adapter from MkDocs events to `build_tools.website`.

on_config loads, checks and filters the content and the house style (so a content error stops
the build before the previous site/ is touched), and builds the whole site in memory; on_files
replaces the file collection with the generated pages and assets; on_page_content sanitises
the rendered content and puts in our own HTML blocks.

Builds are atomic: on_config points MkDocs at a staging folder beside the real output;
on_post_build (last of all plugins) renders the posters there, runs the leak scan and the link
check, and only then swaps the folder in. A failure anywhere leaves the previous site/ as it was.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import gate, publish
from .audience import AUDIENCES, PUBLIC
from .cachekeys import CACHE_DIR
from .errors import ContentError, LeakError
from .exports import export_files
from .guide import guide_pages
from .model import Datavisie
from .tokens import Style
from .website import Asset, PosterLink, Site, SiteContext, SitePage, csp, insert_blocks
from .website.context import day_label
from .website.figures import site_figures
from .website.inputs import kept_site, log_history_notes, read_site_inputs
from .website.page import page_url
from .website.sanitize import sanitize_html

log = logging.getLogger("mkdocs.plugins.datavisie")
ENV_AUDIENCE = "DATAVISIE_DOELGROEP"
SOCIAL = "assets/social"
MARKDOWN_EXTENSION = "build_tools.website.markdown_ext"


class ContentProblem(PluginError):
    """Content or house-style errors (exit code 1): the message lists every issue."""


class LeakFound(PluginError):
    """The public output holds internal content, a build path or an e-mail address (exit 2)."""

    def __init__(self, findings: list[str]) -> None:
        self.findings = findings
        super().__init__(f"{LeakError(findings)}\nEr is niets gepubliceerd; de vorige site "
                         "staat er nog.")


class BrokenLinks(PluginError):
    """Links or anchors inside the site that lead nowhere (exit code 1)."""

    def __init__(self, links: list[str]) -> None:
        self.links = links
        super().__init__("Links die nergens heen gaan (pagina: link):\n"
                         + "\n".join(f"  {link}" for link in links)
                         + "\nVerbeter de link in de inhoud; de vorige site staat er nog.")


class DatavisieConfig(base.Config):
    doelgroep = c.Choice(AUDIENCES, default="publiek")
    huisstijl = c.Type(str, default="theme")  # folder with huisstijl.yml, relative to mkdocs.yml
    cache = c.Type(str, default=CACHE_DIR)  # kept between builds (fonts, posters)
    posters = c.Type(bool, default=True)  # render the posters into site/posters/
    sociale_kaarten = c.Type(bool, default=True)  # a 1200x630 preview image per page


class DatavisiePlugin(BasePlugin[DatavisieConfig]):
    supports_multiple_instances = False
    command = "build"  # until on_startup says otherwise (build() called directly)
    dirty = False
    staging: Path | None = None
    failure: Exception | None = None  # what ended the last build (read by `datavisie bouw`)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failure = None
        refused = gate.refused_extensions(config.markdown_extensions, list(config.plugins))
        if refused:
            raise PluginError("mkdocs.yml: " + "\n".join(refused))
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        self.theme_dir = root / self.config.huisstijl
        audience = os.environ.get(ENV_AUDIENCE) or self.config.doelgroep
        if audience not in AUDIENCES:
            raise PluginError(f"{ENV_AUDIENCE}={audience!r} is onbekend; kies uit "
                              f"{', '.join(AUDIENCES)}.")
        content = os.path.relpath(config.docs_dir, root)
        self.cache = root / self.config.cache
        try:
            inputs = read_site_inputs(root, content=content, theme=self.config.huisstijl,
                                      audience=audience,  # with the adopted texts from git
                                      cache_dir=self.cache / "inputs")
            model, style = inputs.model, inputs.style
            posters = self._check_posters(model, style)
        except ContentError as exc:  # one message with every issue, no traceback
            raise ContentProblem(exc.summary()) from None
        log_history_notes(inputs.notes, log, strict=config.strict)
        unshipped = _note_unshipped_fonts(style)
        self.audience = audience
        if audience != PUBLIC and self.command != "serve":
            published = _published_dir(config, root)
            if Path(config.site_dir).resolve() == published:
                raise PluginError(
                    f"De interne site hoort niet in {published.name}/: dat is de map die "
                    "gepubliceerd wordt. Bouw haar met `datavisie bouw --doelgroep intern` "
                    "(naar site-intern/) of geef een andere map: `mkdocs build -d site-intern`.")

        org = model.organisatie
        config.site_url = config.site_url or org.site_url
        if not config.repo_url and org.repo_url:
            config.repo_url = org.repo_url
            config.repo_name = config.repo_name or "Bronbestanden"
        if config.repo_url and not config.edit_uri_template:
            # the branch name is content: quoted, it cannot leave the URL (or its attribute)
            config.edit_uri_template = f"edit/{quote(org.repo_branch, safe='/')}/{{path}}"
        ctx = SiteContext(model=model, style=style, directory_urls=config.use_directory_urls,
                          posters=posters, figures=site_figures(),
                          font_cache=self.cache / "fonts")

        def build() -> Site:
            """The pages and assets, the open-data downloads last (they win a path)."""
            from .website.pages import build_site

            site = build_site(ctx)
            downloads = tuple(Asset(path, data) for path, data in export_files(model).items())
            return dataclasses.replace(site, assets=(*site.assets, *downloads))

        # Kept next to the read it is made of; not with fonts the build converts itself (their
        # bytes depend on the installed fontTools, which no key here holds).
        self.site: Site = build() if unshipped else kept_site(
            inputs, self.cache / "inputs", build,
            f"directory_urls={config.use_directory_urls}", repr(posters))
        self.model, self.style, self.full = model, style, inputs.full
        self.pages = {p.path: p for p in self.site.pages}
        if not config.nav:
            config.nav = list(self.site.nav)
        config.extra_css = [*self.site.css, *config.extra_css]
        config.extra_javascript = [*self.site.javascript, *config.extra_javascript]
        config.markdown_extensions.append(MARKDOWN_EXTENSION)
        config.mdx_configs[MARKDOWN_EXTENSION] = {"glossary": dict(self.site.abbreviations)}
        config.extra["datavisie"] = {
            "organisatie": org.naam,
            "voet": [{"titel": t, "url": u} for t, u in self.site.footer],
            # the policy in every page, for hosts that send no header; not under `serve`,
            # whose live-reload script is inline
            "csp": csp.meta() if self.command != "serve" else "",
        }
        for key, value in self.site.extra.items():  # version selector, feed, concept notice
            config.extra.setdefault(key, value)
        if any(a.path == "assets/images/beeldmerk.svg" for a in self.site.assets):
            config.theme["logo"] = config.theme["favicon"] = "assets/images/beeldmerk.svg"
        self._stage(config)
        return config

    def _stage(self, config: MkDocsConfig) -> None:
        """Send MkDocs' output to a fresh staging folder (MkDocs cleans site_dir after this
        event, so the real folder is never touched). `mkdocs serve` builds in its own
        temporary folder and needs none."""
        self.target = Path(config.site_dir)
        self.staging = None
        if self.command == "serve":
            return
        self.staging = publish.staging_dir(self.target)
        if self.dirty and self.target.is_dir():  # --dirty rebuilds on top of the last site
            shutil.copytree(self.target, self.staging, symlinks=True, dirs_exist_ok=True)
        config.site_dir = str(self.staging)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs = os.path.realpath(config.docs_dir)
        out = Files([f for f in files if f.src_dir is None
                     or os.path.realpath(f.src_dir) != docs])  # theme files stay
        for page in self.site.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            f = File.generated(config, page.path, content=page.document(), inclusion=inclusion)
            f.edit_uri = page.source if config.repo_url else None
            out.append(f)
        generated = {a.path: a.content for a in self.site.assets}  # the downloads included
        for path, content in sorted(generated.items()):
            existing = out.get_file_from_path(path)
            if existing is not None:
                out.remove(existing)
            # INCLUDED: MkDocs would otherwise drop dot paths such as .well-known/security.txt
            out.append(File.generated(config, path, content=content,
                                      inclusion=InclusionLevel.INCLUDED))
        return out

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        site_page = self._page(page)
        if site_page is not None:
            # front matter and nav titles are escaped HTML already (SitePage.front_matter);
            # Markup keeps Material's `| e` from escaping them twice
            for key in ("title", "description"):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = Markup(page.meta[key])
            if isinstance(page.title, str):
                page.title = Markup(page.title)
            day = site_page.updated or self.model.stand or self._source_day()
            if site_page.updated:
                page.meta["revision_date"] = day_label(site_page.updated)
            if day:
                page.update_date = day.isoformat()  # sitemap <lastmod>: content, not clock
            if self.config.sociale_kaarten:
                url = page_url(site_page.path, directory_urls=config.use_directory_urls)
                page.meta["image"] = f"{SOCIAL}/{_card_name(url)}.png"
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        site_page = self._page(page)
        clean = sanitize_html(html)
        return insert_blocks(clean, site_page.blocks) if site_page else clean

    @event_priority(-100)  # after every other plugin (search writes its index in post_build)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._render_posters(config)
        self._publish(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.failure = error
        if self.staging is not None:
            publish.discard(self.staging)
            self.staging = None

    def _publish(self, config: MkDocsConfig) -> None:
        """Check the finished output; when clean, swap it in for the real site folder."""
        out = Path(config.site_dir)
        rules = gate.leak_rules(
            self.full, self.root, paths=[self.target, self.cache], transient=[out],
            # the staff guide is fixed text that may repeat an internal page's headings
            also_public=[g.markdown for g in guide_pages(self.model)],
        ) if self.audience == PUBLIC else None
        custom = config.theme.custom_dir
        theme_package = [Path(d) for d in config.theme.dirs
                         if custom is None or Path(d).resolve() != Path(custom).resolve()]
        report = gate.check_output(out, rules=rules,
                                   base_path=urlsplit(config.site_url or "/").path or "/",
                                   trusted_dirs=theme_package, cache_dir=self.cache / "checks")
        problems: list[PluginError] = []
        if report.leaks:  # a leak decides the exit code; broken links are listed with it
            problems.append(LeakFound([*(str(f) for f in report.leaks),
                                       *(f"link naar niets: {b}" for b in report.broken_links)]))
        elif report.broken_links:
            problems.append(BrokenLinks([str(b) for b in report.broken_links]))
        if self.staging is None:  # `mkdocs serve`: a preview; report, keep serving
            for problem in problems:
                log.warning(str(problem))
            return
        if problems:
            raise problems[0]
        if config.strict and gate.warnings_counted():
            return  # MkDocs aborts the strict build next; on_build_error discards the folder
        publish.promote(self.staging, self.target)
        log.info("Site geplaatst in %s", self.target)
        config.site_dir = str(self.target)  # for what runs after the build (gh-deploy)
        self.staging = None

    def _render_posters(self, config: MkDocsConfig) -> None:
        from . import posters

        site_dir = Path(config.site_dir)
        try:
            if self.config.posters and self.site_posters:
                posters.render_all(self.model, self.style, out_dir=site_dir / "posters",
                                   cache_dir=self.cache / "posters",
                                   posters_dir=self.posters_dir)
            if self.config.sociale_kaarten:
                cards = [posters.SocialCard(_card_name(page_url(
                    p.path, directory_urls=config.use_directory_urls)), p.title,
                                            p.description, p.section or "")
                         for p in self.site.pages]
                posters.social_cards(self.model, self.style, cards,
                                     out_dir=site_dir / SOCIAL, cache_dir=self.cache / "social",
                                     posters_dir=self.posters_dir)
        except ContentError as exc:
            raise ContentProblem(exc.summary()) from None

    def _check_posters(self, model: Datavisie, style: Style) -> tuple[PosterLink, ...]:
        """The posters the site will link to; their content must fit (checked before building)."""
        self.site_posters: tuple[PosterLink, ...] = ()
        own = self.root / "posters"
        self.posters_dir = own if own.is_dir() else None
        if not self.config.posters:
            return ()
        from . import posters

        issues = posters.check_fit(model, style, posters_dir=self.posters_dir,
                                   cache_dir=self.cache / "posters")
        if issues:
            raise ContentError(issues)
        self.site_posters = tuple(
            PosterLink(p.name, p.title, tuple((fmt.upper(), f"posters/{p.name}.{fmt}")
                                              for fmt in ("pdf", "png", "svg")),
                       thumbnail=f"posters/{p.name}-klein.png")
            for p in posters.poster_list(model, posters_dir=self.posters_dir))
        return self.site_posters

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.theme_dir))  # content/ is docs_dir: MkDocs watches it already
        if self.posters_dir is not None:
            server.watch(str(self.posters_dir))
        return server

    def _source_day(self) -> date | None:
        """For content without any date: SOURCE_DATE_EPOCH, else the day of the commit being
        built, so that the sitemap never carries the day of the build."""
        if not hasattr(self, "_day"):
            self._day = gate.source_day(self.root)
        return self._day

    def _page(self, page: Page) -> SitePage | None:
        return self.pages.get(page.file.src_uri)


def _published_dir(config: MkDocsConfig, root: Path) -> Path:
    """The output folder mkdocs.yml names (what gets published), whatever the command line
    says (`-d` has already replaced `config.site_dir`): read from the file the way MkDocs
    reads it (its own loader: `!ENV`, `INHERIT`)."""
    from mkdocs.utils.yaml import yaml_load

    name = None
    if config.config_file_path:
        with open(config.config_file_path, encoding="utf-8") as handle:
            name = yaml_load(handle).get("site_dir")
    return (root / (name if isinstance(name, str) and name else "site")).resolve()


def _note_unshipped_fonts(style: Style) -> list[str]:
    from .fonts import shipped_woff2

    missing = [f.path.name for f in style.fonts.faces() if not shipped_woff2(f.path).is_file()]
    if missing:
        log.info("Letters zonder WOFF2 ernaast (%s): de bouw maakt die nu zelf, eenmalig per "
                 "versie van de letter. Maak ze vast met `datavisie lettertypen` en zet ze in "
                 "git.", ", ".join(missing))
    return missing


def _card_name(url: str) -> str:
    """`themas/ethiek/` -> `themas/ethiek`; the home page -> `index`."""
    name = url.strip("/").removesuffix(".html").removesuffix("/index")
    return name if name and name != "index" else "index"
