"""The website as data: model + house style -> pages (Markdown with trusted HTML blocks) and
assets. Knows nothing of MkDocs; `build_tools.plugin` and `datavisie markdown` are adapters."""

from __future__ import annotations

from .context import Figures, PosterLink, SiteContext
from .page import Asset, Site, SitePage, insert_blocks
from .pages import build_site
from .sanitize import sanitize_html

__all__ = ["Asset", "Figures", "PosterLink", "Site", "SiteContext", "SitePage", "build_site",
           "insert_blocks", "sanitize_html"]
