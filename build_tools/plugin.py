"""The MkDocs plugin `datavisie`: a thin adapter from MkDocs events to `build_tools.site`.

on_config loads, checks and filters the content and the house style (so a content error stops
the build before the previous site/ is touched), and builds the whole site in memory; on_files
replaces the file collection with the generated pages and assets; on_page_content sanitises
the rendered content and puts in our own HTML blocks.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .audience import AUDIENCES
from .errors import ContentError
from .exports import export_files
from .model import Datavisie
from .site import PosterLink, Site, SiteContext, SitePage, build_site, insert_blocks
from .site.context import day_label
from .site.figures import site_figures
from .site.inputs import read_inputs
from .site.page import page_url
from .site.sanitize import sanitize_html
from .tokens import Style

log = logging.getLogger("mkdocs.plugins.datavisie")
ENV_AUDIENCE = "DATAVISIE_DOELGROEP"
SOCIAL = "assets/social"
MARKDOWN_EXTENSION = "build_tools.site.markdown_ext"


class DatavisieConfig(base.Config):
    doelgroep = c.Choice(AUDIENCES, default="publiek")
    huisstijl = c.Type(str, default="theme")  # folder with huisstijl.yml, relative to mkdocs.yml
    cache = c.Type(str, default=".cache/datavisie")  # kept between builds (fonts, posters)
    posters = c.Type(bool, default=True)  # render the posters into site/posters/
    sociale_kaarten = c.Type(bool, default=True)  # a 1200x630 preview image per page


class DatavisiePlugin(BasePlugin[DatavisieConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.root = root
        self.theme_dir = root / self.config.huisstijl
        audience = os.environ.get(ENV_AUDIENCE) or self.config.doelgroep
        if audience not in AUDIENCES:
            raise PluginError(f"{ENV_AUDIENCE}={audience!r} is onbekend; kies uit "
                              f"{', '.join(AUDIENCES)}.")
        content = os.path.relpath(config.docs_dir, root)
        try:
            model, style = read_inputs(root, content=content, theme=self.config.huisstijl,
                                       audience=audience)
            posters = self._check_posters(model, style)
        except ContentError as exc:  # one message with every issue, no traceback
            raise PluginError(exc.summary()) from None

        org = model.organisatie
        config.site_url = config.site_url or org.site_url
        if not config.repo_url and org.repo_url:
            config.repo_url = org.repo_url
            config.repo_name = config.repo_name or "Bronbestanden"
        if config.repo_url and not config.edit_uri_template:
            config.edit_uri_template = f"edit/{org.repo_branch}/{{path}}"
        ctx = SiteContext(model=model, style=style, directory_urls=config.use_directory_urls,
                          posters=posters, figures=site_figures(),
                          font_cache=root / self.config.cache / "fonts")
        self.site: Site = build_site(ctx)
        self.model, self.style = model, style
        self.cache = root / self.config.cache
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
        }
        if any(a.path == "assets/images/beeldmerk.svg" for a in self.site.assets):
            config.theme["logo"] = config.theme["favicon"] = "assets/images/beeldmerk.svg"
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        docs = os.path.realpath(config.docs_dir)
        out = Files([f for f in files if f.src_dir is None
                     or os.path.realpath(f.src_dir) != docs])  # theme files stay
        for page in self.site.pages:
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            f = File.generated(config, page.path, content=page.document(), inclusion=inclusion)
            f.edit_uri = page.source if config.repo_url else None
            out.append(f)
        generated = {a.path: a.content for a in self.site.assets}
        generated.update(export_files(self.model))
        for path, content in sorted(generated.items()):
            existing = out.get_file_from_path(path)
            if existing is not None:
                out.remove(existing)
            out.append(File.generated(config, path, content=content))
        return out

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        site_page = self._page(page)
        if site_page is not None:
            day = site_page.updated or self.model.stand
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

    def on_post_build(self, *, config: MkDocsConfig) -> None:
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
            raise PluginError(exc.summary()) from None

    def _check_posters(self, model: Datavisie, style: Style) -> tuple[PosterLink, ...]:
        """The posters the site will link to; their content must fit (checked before building)."""
        self.site_posters: tuple[PosterLink, ...] = ()
        own = self.root / "posters"
        self.posters_dir = own if own.is_dir() else None
        if not self.config.posters:
            return ()
        from . import posters

        issues = posters.check_fit(model, style, posters_dir=self.posters_dir)
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

    def _page(self, page: Page) -> SitePage | None:
        return self.pages.get(page.file.src_uri)


def _card_name(url: str) -> str:
    """`themas/ethiek/` -> `themas/ethiek`; the home page -> `index`."""
    name = url.strip("/").removesuffix(".html").removesuffix("/index")
    return name if name and name != "index" else "index"
