"""What the site generator hands to an engine: pages (Markdown plus trusted HTML blocks) and
assets (bytes at a path). Engine adapters (the MkDocs plugin, the folder writer) read these.

Author Markdown and our own HTML travel separately: a page's Markdown holds a placeholder
paragraph per generated block, the engine renders and sanitises the Markdown, and only then
are the blocks put in (`insert_blocks`). So sanitising never has to trust what an author wrote,
and never mangles what we generated.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html import escape as escape_html
from typing import Any

_PLACEHOLDER = re.compile(r"<p>(dvblok[0-9a-f]{20})</p>")


@dataclass(frozen=True)
class SitePage:
    """One page: `path` relative to the docs folder (`themas/ethiek.md`)."""

    path: str
    title: str
    markdown: str
    source: str | None = None  # project-relative file behind "Stel een wijziging voor"
    section: str | None = None  # navigation section; None: top level
    in_nav: bool = True
    nav_title: str | None = None
    updated: date | None = None
    description: str = ""
    hide: tuple[str, ...] = ()  # Material's `hide:` (navigation, toc, footer)
    blocks: Mapping[str, str] = field(default_factory=dict)
    meta: Mapping[str, Any] = field(default_factory=dict)  # more front matter (sorted keys)

    def front_matter(self) -> dict[str, Any]:
        # Engines and themes treat `title` and `description` as HTML (Material prints them
        # unescaped, also inside attributes): escape them, content is never markup.
        meta: dict[str, Any] = {"title": escape_html(self.title)}
        if self.description:
            meta["description"] = escape_html(self.description)
        if self.hide:
            meta["hide"] = list(self.hide)
        meta.update(sorted(self.meta.items()))
        return meta

    def document(self) -> str:
        """The Markdown file as an engine reads it: front matter, then the body."""
        lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}"
                           for k, v in self.front_matter().items()] + ["---", ""]
        return "\n".join(lines) + self.markdown.rstrip("\n") + "\n"

    def plain_document(self) -> str:
        """`document()` with the blocks written in as raw HTML, for engines without our plugin."""
        text = self.document()
        for token, html in self.blocks.items():
            text = text.replace(f"\n{token}\n", f"\n{_one_block(html)}\n")
        return text


@dataclass(frozen=True)
class Asset:
    """A generated file: `path` relative to the site root (`data/projecten.json`)."""

    path: str
    content: bytes


@dataclass(frozen=True)
class Site:
    pages: tuple[SitePage, ...]
    assets: tuple[Asset, ...]
    nav: tuple[Any, ...]  # MkDocs `nav:` structure
    css: tuple[str, ...] = ()  # extra stylesheets to load, site-relative
    javascript: tuple[str, ...] = ()
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    footer: tuple[tuple[str, str], ...] = ()  # (title, site-relative URL) of the free pages
    extra: Mapping[str, Any] = field(default_factory=dict)  # theme settings (`extra:` of MkDocs)

    def page(self, path: str) -> SitePage | None:
        return next((p for p in self.pages if p.path == path), None)


def _one_block(html: str) -> str:
    # Python-Markdown ends a raw HTML block at a blank line: keep the block in one piece.
    return re.sub(r"\n\s*\n", "\n", html.strip())


class Blocks:
    """Collects the trusted HTML blocks of one page and hands out their placeholders."""

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}

    def add(self, html: str) -> str:
        """Placeholder paragraph (with blank lines around it) for a block of trusted HTML."""
        token = "dvblok" + hashlib.sha256(html.encode()).hexdigest()[:20]
        self.blocks[token] = html
        return f"\n\n{token}\n\n"


def insert_blocks(html: str, blocks: Mapping[str, str]) -> str:
    """Replace each placeholder paragraph in rendered (and sanitised) HTML by its block."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks.get(m.group(1), m.group(0)), html)


# --- addresses -----------------------------------------------------------------------------


def page_url(path: str, *, directory_urls: bool = True) -> str:
    """Site-relative URL of a page file: `themas/ethiek.md` -> `themas/ethiek/`."""
    stem, ext = posixpath.splitext(path)
    if ext != ".md":
        return path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] if directory_urls else stem + ".html"
    return stem + "/" if directory_urls else stem + ".html"


def card_name(url: str) -> str:
    """`themas/ethiek/` -> `themas/ethiek`; the home page -> `index`."""
    name = url.strip("/").removesuffix(".html").removesuffix("/index")
    return name if name and name != "index" else "index"


@lru_cache(maxsize=1 << 16)  # every page links the same navigation and assets
def _relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)


class Linker:
    """Relative links from one page to other pages and files, the way the engine lays them out."""

    def __init__(self, from_path: str, *, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        here = page_url(from_path, directory_urls=directory_urls)
        self.base = here if here.endswith("/") or not here else posixpath.dirname(here)

    def __call__(self, target: str, anchor: str = "") -> str:
        url = page_url(target, directory_urls=self.directory_urls) if target.endswith(".md") \
            else target
        base = self.base.rstrip("/")
        if url.rstrip("/") == base:
            rel = "./"
        else:
            rel = _relpath(url or ".", base or ".")
            if url.endswith("/") or not url:
                rel = rel.rstrip("/") + "/"
        return rel + (f"#{anchor}" if anchor else "")
