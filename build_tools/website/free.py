"""Free pages (/over/, /toegankelijkheid/, /privacy/, /contact/, ...): title and Markdown."""

from __future__ import annotations

from ..model import Page
from .context import SiteContext, free_page_path
from .html import md_text
from .links import author_markdown
from .page import SitePage

SECTION = "Over"


def free_page(ctx: SiteContext, page: Page, *, section: str | None) -> SitePage:
    path = free_page_path(page.id)
    return SitePage(
        path=path, title=page.titel, markdown=f"# {md_text(page.titel)}\n\n"
        + author_markdown(ctx.model, page.body.strip(), source=page.path, page=path) + "\n",
        source=page.path, section=section)
