"""The MkDocs plugin `datavisie`: a thin adapter from MkDocs events to `build_tools.views.website`.

on_config loads, checks and filters the content and the house style (so a content error stops
the build before the previous site/ is touched), and builds the whole site in memory; on_files
replaces the file collection with the generated pages and assets; on_page_content sanitises
the rendered content and puts in our own HTML blocks.

Builds are atomic: on_config points MkDocs at a staging folder beside the real output;
on_post_build (last of all plugins) renders the posters there, runs the leak scan and the link
check, and only then swaps the folder in. A failure anywhere leaves the previous site/ as it was.

A build that writes an output folder (`mkdocs build`, also `--dirty`, `gh-deploy`,
`datavisie bouw`) publishes, and reads nothing from the cache folder: no kept read or site,
no cached poster or card, no kept verdict of the checks. The cache folder is not reviewed
like the repository (CI restores it from other branches' builds, anyone with a shell can
write it), so what it holds never decides what is published. Only `mkdocs serve`, whose
preview is never published, uses it to be fast.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
from datetime import date
from html import escape as escape_html
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from build_tools.audience import AUDIENCES, PUBLIC, for_audience
from build_tools.build import advice, outputdir, preview, publish
from build_tools.build.cache import CACHE_DIR
from build_tools.build.inputs import kept_site, log_history_notes, read_site_inputs
from build_tools.content.forge import UNKNOWN, forge_of
from build_tools.content.grammar import Grammar
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue, LeakError, raise_for_errors
from build_tools.gate import rules as gate
from build_tools.history.revisions import milestone_revisions
from build_tools.housestyle.tokens import Style
from build_tools.staff.guide import guide_pages
from build_tools.views.downloads import export_files
from build_tools.views.website import (
    Asset,
    PosterLink,
    Site,
    SiteContext,
    SitePage,
    csp,
    insert_blocks,
)
from build_tools.views.website.context import (
    GENERIC_SITE_NAME,
    TEMPLATES,
    day_label,
    site_name,
)
from build_tools.views.website.figures import site_figures
from build_tools.views.website.material_html import mend_page
from build_tools.views.website.page import card_name, page_url
from build_tools.views.website.posters import poster_page
from build_tools.views.website.sanitize import sanitize_html

log = logging.getLogger("mkdocs.plugins.datavisie")
ENV_AUDIENCE = "DATAVISIE_DOELGROEP"
SOCIAL = "assets/social"
MARKDOWN_EXTENSION = "build_tools.views.website.markdown_ext"


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
    staging: Path | None = None
    failure: Exception | None = None  # what ended the last build (read by `datavisie bouw`)
    warnings: tuple[Issue, ...] = ()  # content warnings of the last build (reported)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    @property
    def publishing(self) -> bool:
        """Whether this build writes an output folder (see the module's docstring)."""
        return self.command != "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.failure = None
        self.broken: list[Issue] | None = None  # `mkdocs serve` with content errors
        self.posters_dir: Path | None = None
        self.pages: dict[str, SitePage] = {}
        refused = gate.refused_extensions(config.markdown_extensions, list(config.plugins))
        if refused:
            raise PluginError("mkdocs.yml: " + "\n".join(refused))
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        self.theme_dir = root / self.config.huisstijl
        if self.command != "serve":  # serve builds in a temporary folder of its own
            reason = outputdir.refusal(Path(config.site_dir), root,
                                       also=[Path(config.docs_dir), self.theme_dir])
            if reason:
                raise PluginError(f"De uitvoermap {config.site_dir} {reason}. Er is niets "
                                  "geschreven.")
        audience = os.environ.get(ENV_AUDIENCE) or self.config.doelgroep
        if audience not in AUDIENCES:
            raise PluginError(f"{ENV_AUDIENCE}={audience!r} is onbekend; kies uit "
                              f"{', '.join(AUDIENCES)}.")
        self.preview = preview.wanted(self.config.voorbeeld)
        if self.preview:
            preview.configure(config)
        content = os.path.relpath(config.docs_dir, root)
        self.content = content
        self.cache = root / self.config.cache
        # what this build may read from the cache folder: nothing, when it publishes
        self.kept: Path | None = None if self.publishing else self.cache
        try:
            inputs = read_site_inputs(root, content=content, theme=self.config.huisstijl,
                                      audience=audience,  # with the adopted texts from git
                                      cache_dir=self._kept("inputs"),
                                      # the filter reads Markdown as these pages will
                                      grammar=Grammar.from_config(config.markdown_extensions,
                                                                  config.mdx_configs))
            model, style = inputs.model, inputs.style
            posters = self._check_posters(model, style)
        except ContentError as exc:  # one message with every issue, no traceback
            return self._content_error(exc, config)
        try:
            self.warnings, today = advice.gather(
                model, root, (*inputs.warnings, *self.poster_warnings),
                actualiteit=self.config.actualiteit, peildatum=self.config.peildatum)
        except ValueError as exc:
            raise PluginError(f"mkdocs.yml, plugin datavisie: {exc}") from None
        try:
            advice.report(self.warnings, log, strikt=self.config.strikt, strict=config.strict)
        except ContentError as exc:
            raise ContentProblem(exc.summary() + "\nWaarschuwingen tellen in deze bouw als "
                                 "fout (strikt).") from None
        log_history_notes(inputs.notes, log, strict=config.strict)
        unshipped = _note_unshipped_fonts(style)
        self.audience = audience
        if audience != PUBLIC and self.command != "serve":
            published = outputdir.published_dir(config.config_file_path, root)
            if Path(config.site_dir).resolve() == published:
                raise PluginError(
                    f"De interne site hoort niet in {published.name}/: dat is de map die "
                    "gepubliceerd wordt. Bouw haar met `datavisie bouw --doelgroep intern` "
                    "(naar site-intern/) of geef een andere map: `mkdocs build -d site-intern`.")

        org = model.organisatie
        if config.site_name in ("", GENERIC_SITE_NAME):  # mkdocs.yml stays generic
            # content: escaped, as page titles are (Material prints site_name unescaped)
            config.site_name = Markup(escape_html(site_name(model)))
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        config.site_url = config.site_url or org.site_url
        if not config.repo_url and org.repo_url:
            config.repo_url = org.repo_url
            config.repo_name = config.repo_name or "Bronbestanden"
        forge = forge_of(org)
        self.edit_links = bool(config.repo_url) and (
            bool(config.edit_uri_template or config.edit_uri) or forge.kind != UNKNOWN)
        if config.repo_url and not config.edit_uri_template and forge.kind != UNKNOWN:
            # the forge's own form (GitLab `-/edit/`, Gitea `_edit/`); the branch name is
            # content: quoted, it cannot leave the URL (or its attribute)
            config.edit_uri_template = forge.edit_uri_template()
        elif not self.edit_links and config.repo_url:
            log.info("Geen 'Stel een wijziging voor'-links: zet in content/organisatie.yml "
                     "`forge:` (github, gitlab, gitea of forgejo) voor %s.", config.repo_url)
        revisions = milestone_revisions(root, model.routekaart.path)  # git: for the calendar
        commit_day = revisions.made.date() if revisions.made else None
        ctx = SiteContext(model=model, style=style, directory_urls=config.use_directory_urls,
                          posters=posters, figures=site_figures(),
                          font_cache=self._kept("fonts"), warnings=self.warnings, today=today,
                          published=commit_day)

        def build() -> Site:
            """The pages and assets, the open-data downloads last (they win a path)."""
            from build_tools.views.website.pages import build_site

            site = build_site(ctx)
            downloads = tuple(Asset(path, data)
                              for path, data in export_files(model, revisions).items())
            return dataclasses.replace(site, assets=(*site.assets, *downloads))

        # Kept next to the read it is made of; not with fonts the build converts itself (their
        # bytes depend on the installed fontTools, which no key here holds).
        try:
            self.site: Site = build() if unshipped else kept_site(
                inputs, self._kept("inputs"), build,
                f"directory_urls={config.use_directory_urls}", repr(posters), repr(revisions),
                repr((self.warnings, today)))  # the internal site lists them (Onderhoud)
        except ContentError as exc:  # an old address the site itself uses
            return self._content_error(exc, config)
        self.site = _without_expired(self.site, model.organisatie.pos.path,
                                     strict=bool(config.strict))
        self.model, self.style, self.inputs = model, style, inputs
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
            # whose live-reload script is inline, nor in a preview for file://, whose search
            # worker shim writes an inline script into its frame (docs/content-security-policy.md)
            "csp": csp.meta() if self.command != "serve" and not self.preview else "",
        }
        extra = preview.for_disk(self.site.extra) if self.preview else self.site.extra
        for key, value in extra.items():  # version selector, feed, concept notice
            config.extra.setdefault(key, value)
        if any(a.path == "assets/images/beeldmerk.svg" for a in self.site.assets):
            config.theme["logo"] = config.theme["favicon"] = "assets/images/beeldmerk.svg"
        self._stage(config)
        return config

    def _kept(self, name: str) -> Path | None:
        """The cache subfolder `name`, or None in a publishing build."""
        return self.kept / name if self.kept is not None else None

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

    def _content_error(self, exc: ContentError, config: MkDocsConfig) -> MkDocsConfig:
        """Stop the build with every issue; under `mkdocs serve`, build a page that lists
        them instead (serve_errors.py), so the browser shows them rather than waiting."""
        if self.command != "serve":
            raise ContentProblem(exc.summary()) from None
        log.error(exc.summary())
        self.broken = list(exc.issues)
        self.staging = None
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs = os.path.realpath(config.docs_dir)
        out = Files([f for f in files if f.src_dir is None
                     or os.path.realpath(f.src_dir) != docs])  # theme files stay
        if self.broken is not None:
            return out
        for page in self.site.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            f = File.generated(config, page.path, content=page.document(), inclusion=inclusion)
            f.edit_uri = page.source if self.edit_links else None
            out.append(f)
        generated = {a.path: a.content for a in self.site.assets}  # the downloads included
        if self.preview:
            generated[preview.SHIM] = preview.shim()
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
                page.meta["image"] = f"{SOCIAL}/{card_name(url)}.png"
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        site_page = self._page(page)
        clean = sanitize_html(html)
        return insert_blocks(clean, site_page.blocks) if site_page else clean

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return mend_page(output)  # Material's few invalid attributes (valid HTML, W3C)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        return mend_page(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-100)  # after every other plugin (search writes its index in post_build)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.broken is None:
            try:
                self._render_posters(config)
            except ContentProblem:
                if self.broken is None:  # not serving: the build stops here
                    raise
        if self.broken is not None:  # serving with errors: a page that lists them
            from build_tools.build.serve_errors import write_error_site

            write_error_site(Path(config.site_dir), self.broken)
            return
        if self.preview:
            preview.write_offline_index(Path(config.site_dir))
        self._publish(config)

    def on_build_error(self, *, error: Exception) -> None:
        self.failure = error
        if self.staging is not None:
            publish.discard(self.staging)
            self.staging = None

    def _publish(self, config: MkDocsConfig) -> None:
        """Check the finished output; when clean, swap it in for the real site folder."""
        out = Path(config.site_dir)
        rules = self._leak_rules(config, out) if self.audience == PUBLIC else None
        ours = {Path(d).resolve() for d in (config.theme.custom_dir, TEMPLATES) if d}
        theme_package = [Path(d) for d in config.theme.dirs if Path(d).resolve() not in ours]
        report = gate.check_output(out, rules=rules,
                                   base_path=urlsplit(config.site_url or "/").path or "/",
                                   trusted_dirs=theme_package, cache_dir=self._kept("checks"))
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

    def _leak_rules(self, config: MkDocsConfig, out: Path) -> gate.LeakRules:
        """The gate's rules, from the repository as it is now: the read this build made, or a
        new one when that read came from the cache (`mkdocs serve`)."""
        full = self.inputs.full
        if self.inputs.kept:
            full = read_site_inputs(self.root, content=self.content,
                                    theme=self.config.huisstijl, audience=PUBLIC).full
        public = for_audience(full, PUBLIC)
        internal_posters: list[str] = []
        if self.config.posters and self.site_posters:
            from build_tools.views import posters

            shown = {p.name for p in posters.poster_list(public, posters_dir=self.posters_dir)}
            internal_posters = [
                f"posters/{p.name}{end}"
                for p in posters.poster_list(full, posters_dir=self.posters_dir)
                if p.name not in shown for end in (".svg", ".png", ".pdf", "-klein.png")]
        return gate.leak_rules(
            full, self.root, paths=[self.target, self.cache], transient=[out],
            # the staff guide is fixed text that may repeat an internal page's headings
            also_public=[g.markdown for g in guide_pages(public)],
            site_url=config.site_url or "", internal_files=internal_posters)

    def _render_posters(self, config: MkDocsConfig) -> None:
        from build_tools.views import posters

        site_dir = Path(config.site_dir)
        try:
            if self.config.posters and self.site_posters:
                posters.render_all(self.model, self.style, out_dir=site_dir / "posters",
                                   cache_dir=self._kept("posters"),
                                   posters_dir=self.posters_dir)
            if self.config.sociale_kaarten:
                cards = [posters.SocialCard(card_name(page_url(
                    p.path, directory_urls=config.use_directory_urls)), p.title,
                                            p.description, p.section or "")
                         for p in self.site.pages]
                posters.social_cards(self.model, self.style, cards,
                                     out_dir=site_dir / SOCIAL, cache_dir=self._kept("social"),
                                     posters_dir=self.posters_dir)
        except ContentError as exc:
            if self.command == "serve":
                log.error(exc.summary())
                self.broken = list(exc.issues)
            raise ContentProblem(exc.summary()) from None

    def _check_posters(self, model: Datavisie, style: Style) -> tuple[PosterLink, ...]:
        """The posters the site will link to; their content must fit (checked before building)."""
        self.site_posters: tuple[PosterLink, ...] = ()
        self.poster_warnings: list[Issue] = []
        own = self.root / "posters"
        self.posters_dir = own if own.is_dir() else None
        if not self.config.posters:
            return ()
        from build_tools.views import posters

        self.poster_warnings = raise_for_errors(posters.check_fit(
            model, style, posters_dir=self.posters_dir, cache_dir=self._kept("posters")))
        self.site_posters = tuple(
            PosterLink(p.name, p.title, (
                *((fmt.upper(), f"posters/{p.name}.{fmt}") for fmt in ("pdf", "png", "svg")),
                ("PDF voor de drukker", f"posters/{p.name}-drukwerk.pdf")),
                thumbnail=f"posters/{p.name}-klein.png", page=poster_page(p.kind, p.theme))
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


def _note_unshipped_fonts(style: Style) -> list[str]:
    from build_tools.housestyle.fonts import shipped_woff2

    missing = [f.path.name for f in style.fonts.faces() if not shipped_woff2(f.path).is_file()]
    if missing:
        log.info("Letters zonder WOFF2 ernaast (%s): de bouw maakt die nu zelf, eenmalig per "
                 "versie van de letter. Maak ze vast met `datavisie lettertypen` en zet ze in "
                 "git.", ", ".join(missing))
    return missing


def _without_expired(site: Site, source: str, *, strict: bool) -> Site:
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

