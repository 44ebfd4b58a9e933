"""The built site's pages and files in MkDocs' terms: the generated files that replace the
content folder's, and what each page's metadata, title and HTML get from the built page."""

from __future__ import annotations

import os

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from build_tools.build import preview
from build_tools.build.posters import card_path
from build_tools.build.sitebuild import SiteRun
from build_tools.views.website import insert_blocks
from build_tools.views.website.context import day_label
from build_tools.views.website.sanitize import sanitize_html


def site_files(files: Files, config: MkDocsConfig, run: SiteRun) -> Files:
    """The theme's files, and in place of the content folder's the generated pages and
    assets (the downloads included)."""
    docs = os.path.realpath(config.docs_dir)
    out = Files([f for f in files if f.src_dir is None
                 or os.path.realpath(f.src_dir) != docs])  # theme files stay
    if run.broken is not None or run.site is None:
        return out
    for page in run.site.pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        f = File.generated(config, page.path, content=page.document(), inclusion=inclusion)
        f.edit_uri = page.source if run.edit_links else None
        out.append(f)
    generated = {a.path: a.content for a in run.site.assets}
    if run.offline:
        generated[preview.SHIM] = preview.shim()
    for path, content in sorted(generated.items()):
        existing = out.get_file_from_path(path)
        if existing is not None:
            out.remove(existing)
        # INCLUDED: MkDocs would otherwise drop dot paths such as .well-known/security.txt
        out.append(File.generated(config, path, content=content,
                                  inclusion=InclusionLevel.INCLUDED))
    return out


def adopt_page(page: Page, config: MkDocsConfig, run: SiteRun, *, cards: bool) -> None:
    """A built page's title, dates and social card in MkDocs' page."""
    site_page = run.pages.get(page.file.src_uri)
    if site_page is None or run.inputs is None:
        return
    # front matter and nav titles are escaped HTML already (SitePage.front_matter);
    # Markup keeps Material's `| e` from escaping them twice
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = Markup(page.meta[key])
    if isinstance(page.title, str):
        page.title = Markup(page.title)
    day = site_page.updated or run.inputs.model.stand or run.day()
    if site_page.updated:
        page.meta["revision_date"] = day_label(site_page.updated)
    if day:
        page.update_date = day.isoformat()  # sitemap <lastmod>: content, not clock
    if cards:
        page.meta["image"] = card_path(site_page, directory_urls=config.use_directory_urls)


def page_html(html: str, page: Page, run: SiteRun) -> str:
    """The rendered content, sanitised, with our own HTML blocks put in."""
    site_page = run.pages.get(page.file.src_uri)
    clean = sanitize_html(html)
    return insert_blocks(clean, site_page.blocks) if site_page else clean
