"""Small builders for the trusted HTML blocks: escaping, status labels, theme chips, and short
content Markdown rendered and sanitised for use inside a block (a milestone's explanation)."""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

import markdown

from build_tools.content import labels
from build_tools.views.website.markdown_ext import ContentExtension
from build_tools.views.website.sanitize import sanitize_html


def esc(text: object) -> str:
    return _html.escape(str(text), quote=True)


def attrs(values: Mapping[str, object | None]) -> str:
    """` key="value"` pairs, escaped; None values are left out, True is a bare attribute."""
    out = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        out.append(f" {key}" if value is True else f' {key}="{esc(value)}"')
    return "".join(out)


def link(href: str, text: str, **extra: object | None) -> str:
    return f"<a{attrs({'href': href, **extra})}>{esc(text)}</a>"


def status_badge(status: str, *, kind: str) -> str:
    """A status label: coloured chip + the Dutch word (colour is never the only signal)."""
    table = labels.MILESTONE_STATUS if kind == "mijlpaal" else labels.PROJECT_STATUS
    return f'<span class="dv-status dv-status--{esc(status)}">{esc(table[status])}</span>'


def theme_chip(theme_id: str, title: str, href: str | None) -> str:
    inner = esc(title)
    cls = f"dv-chip dv-thema--{esc(theme_id)}"
    if href is None:
        return f'<span class="{cls}">{inner}</span>'
    return f'<a class="{cls}" href="{esc(href)}">{inner}</a>'


def chips(items: Iterable[str]) -> str:
    joined = "".join(items)
    return f'<span class="dv-chips">{joined}</span>' if joined else ""


_SNIPPET_EXTENSIONS = ["tables", "sane_lists"]


def snippet(text: str | None) -> str:
    """Short content Markdown -> sanitised HTML, for use inside a generated block."""
    if not text:
        return ""
    return sanitize_html(_snippet_markdown().reset().convert(text))


@lru_cache(maxsize=1)
def _snippet_markdown() -> markdown.Markdown:
    """One converter, reset per text (its extensions keep no state between texts): building
    a Markdown parser costs more than converting a short text."""
    return markdown.Markdown(extensions=[*_SNIPPET_EXTENSIONS, ContentExtension()])


def inline_snippet(text: str | None) -> str:
    """Like `snippet`, without the wrapping paragraph when the text is one paragraph."""
    out = snippet(text)
    match = re.fullmatch(r"<p>(.*)</p>", out, flags=re.S)
    return match.group(1) if match and "<p>" not in match.group(1) else out


def md_text(text: str) -> str:
    """Plain text for use inside Markdown (headings, list items): Markdown syntax escaped."""
    escaped = re.sub(r"([\\`*_{}\[\]()#+!>])", r"\\\1", text)
    return escaped.replace("\n", " ")
