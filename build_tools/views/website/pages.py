"""model + style -> the whole site: ordered pages, the navigation, and every asset.

`build_site` is pure apart from reading the house style's font and logo files (through
style.py). Engine adapters (plugin.py for MkDocs/ProperDocs, `datavisie markdown` for a folder)
only hand its result to an engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape as escape_html
from typing import Any

from build_tools.errors import ContentError
from build_tools.staff.guide import SECTION as GUIDE_SECTION
from build_tools.staff.guide import guide_pages
from build_tools.views.website.algorithms import algorithms_page
from build_tools.views.website.archive import edition_pages
from build_tools.views.website.assets import (
    CONTENT_CSS,
    content_css,
    scripts,
    static_assets,
    style_assets,
    stylesheets,
)
from build_tools.views.website.compare import compare_pages
from build_tools.views.website.context import VERSIONS_FEED, SiteContext, free_page_path
from build_tools.views.website.feed import feed_assets
from build_tools.views.website.free import SECTION as ABOUT
from build_tools.views.website.free import free_page
from build_tools.views.website.glossary import abbreviations, glossary_page
from build_tools.views.website.home import home_page
from build_tools.views.website.maintenance import maintenance_page
from build_tools.views.website.maturity import maturity_page
from build_tools.views.website.opendata import open_data_page
from build_tools.views.website.page import Asset, Site, SitePage, page_url
from build_tools.views.website.posters import posters_page
from build_tools.views.website.redirects import redirect_assets
from build_tools.views.website.register import filter_groups as register_filters
from build_tools.views.website.register import project_page, register_page
from build_tools.views.website.roadmap import filter_groups as roadmap_filters
from build_tools.views.website.roadmap import roadmap_page
from build_tools.views.website.selector import selector_assets, selector_extra
from build_tools.views.website.versions import site_notice, versions_page
from build_tools.views.website.vision import theme_page, vision_page
from build_tools.views.website.wellknown import wellknown_assets


def build_pages(ctx: SiteContext) -> tuple[SitePage, ...]:
    """Every page in navigation order (pages outside the navigation last)."""
    model = ctx.model
    posters = posters_page(ctx)
    about = ABOUT if len(model.paginas) > 1 else None
    pages: list[SitePage | None] = [
        home_page(ctx, with_posters_page=posters is not None),
        vision_page(ctx),
        *(theme_page(ctx, t) for t in model.themas),
        posters,
        roadmap_page(ctx),
        register_page(ctx),
        algorithms_page(ctx),
        maturity_page(ctx),
        *(free_page(ctx, p, section=about) for p in model.paginas),
        glossary_page(ctx),
        open_data_page(ctx, section=about),
        versions_page(ctx),
        *(SitePage(g.path, g.title, g.markdown, section=GUIDE_SECTION)
          for g in guide_pages(model)),
        maintenance_page(ctx),
        *(project_page(ctx, p) for p in ctx.sorted_projects()),
        *edition_pages(ctx),
        *compare_pages(ctx),
    ]
    return tuple(p for p in pages if p is not None)


def versions_extra(ctx: SiteContext) -> dict[str, Any]:
    """Theme settings for versions: Material's selector, the feed link in every page head,
    and the notice on every page when the whole site is a concept (overrides/main.html)."""
    ours: dict[str, Any] = {}
    if ctx.model.versies:
        ours["feed"] = VERSIONS_FEED
    notice = site_notice(ctx)
    if notice is not None:
        ours["concept"] = notice
    return {**selector_extra(ctx), "datavisie_versies": ours}


def navigation(pages: Sequence[SitePage]) -> tuple[Any, ...]:
    """MkDocs `nav:`: top-level pages and sections in page order; sections keep their pages."""
    nav: list[Any] = []
    sections: dict[str, list[Any]] = {}
    for page in pages:
        if not page.in_nav:
            continue
        entry = page.path if page.path.endswith("index.md") and page.section else \
            {escape_html(page.nav_title or page.title): page.path}  # titles are HTML to engines
        if page.section is None:
            nav.append(entry)
            continue
        if page.section not in sections:
            sections[page.section] = []
            nav.append({escape_html(page.section): sections[page.section]})
        sections[page.section].append(entry)
    return tuple(nav)


def build_site(ctx: SiteContext) -> Site:
    pages = build_pages(ctx)
    filters = {"mijlpalen": roadmap_filters(ctx), "projecten": register_filters(ctx)}
    assets: list[Asset] = [
        *style_assets(ctx),
        *static_assets(),
        Asset(CONTENT_CSS, content_css(ctx, filters).encode()),
        *wellknown_assets(email=ctx.model.organisatie.contact.email,
                          site_url=ctx.model.organisatie.site_url,
                          dates=[ctx.model.stand, *(p.updated for p in pages)],
                          published=ctx.published),
        *selector_assets(ctx),
        *feed_assets(ctx),
    ]
    moved, issues = redirect_assets(ctx, pages, assets)
    if issues:
        raise ContentError(issues)
    assets += moved
    footer = tuple((p.titel, page_url(free_page_path(p.id), directory_urls=ctx.directory_urls))
                   for p in ctx.model.paginas)
    return Site(pages=pages, assets=tuple(assets), nav=navigation(pages),
                css=stylesheets(ctx), javascript=scripts(), abbreviations=abbreviations(ctx),
                footer=footer, extra=versions_extra(ctx))
