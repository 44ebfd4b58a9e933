"""The website as data: model + house style -> pages (Markdown with trusted HTML blocks) and
assets. Knows nothing of MkDocs; `build_tools.mkdocs_plugin` and `datavisie markdown` are
adapters."""

from __future__ import annotations

from typing import Any

from build_tools.views.website.context import Figures, PosterLink, SiteContext
from build_tools.views.website.page import Asset, Site, SitePage, insert_blocks
from build_tools.views.website.sanitize import sanitize_html

__all__ = ["Asset", "Figures", "PosterLink", "Site", "SiteContext", "SitePage", "build_site",
           "insert_blocks", "sanitize_html"]


def __getattr__(name: str) -> Any:
    # The page builders (a dozen modules) are imported when a site is built, not by what
    # only needs the site's types (`datavisie check`, the change summary).
    if name == "build_site":
        from build_tools.views.website.pages import build_site

        return build_site
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
