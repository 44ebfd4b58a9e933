"""Markdown pieces of the staff guide: content text made inert, table cells, indented code
and link targets."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def esc(text: str) -> str:
    """Content text inert in Markdown (names from organisatie.yml, ...)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def cell(text: str) -> str:
    """Our own Markdown in a table cell: `visie-<versie>` is text, not a tag, and `|` or a
    line end would break the row."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def code(text: str) -> str:
    """An indented code block: plain Markdown, so it needs no fenced-code extension."""
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n"))


def link(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
