"""Free pages (/over/, /toegankelijkheid/, /privacy/, /contact/, ...): title and Markdown."""

from __future__ import annotations

from build_tools.content.model import Page
from build_tools.views.website.context import SiteContext, free_page_path
from build_tools.views.website.html import md_text
from build_tools.views.website.links import author_markdown
from build_tools.views.website.page import SitePage

SECTION = "Over"


def free_page(ctx: SiteContext, page: Page, *, section: str | None) -> SitePage:
    path = free_page_path(page.id)
    return SitePage(
        path=path, title=page.titel, markdown=f"# {md_text(page.titel)}\n\n"
        + author_markdown(ctx.model, page.body.strip(), source=page.path, page=path) + "\n",
        source=page.path, section=section)
