"""Content text as the little HTML the Algoritmeregister accepts in its text fields: paragraphs,
line breaks and lists (`allowed_html_tags` of standard 1.0), no attributes.

As on the site, raw HTML an author writes is shown as text, never passed on. A link keeps its
address as text, `tekst (https://...)`, since the register drops the `<a>` tag and the address
would otherwise be lost. Whitespace between tags is left out: the register measures a text as
its text nodes joined with a space, so a newline between two paragraphs would count twice."""

from __future__ import annotations

import functools
import html
import re
from xml.etree import ElementTree as etree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from build_tools.views.algoritmeregister.standard import standard

_BETWEEN_TAGS = re.compile(r">\s+<")


def allowed_tags() -> frozenset[str]:
    """The tags every HTML field of the standard allows (they all allow the same six)."""
    fields = [p.allowed_html_tags for p in standard().properties.values() if p.allowed_html_tags]
    return frozenset.intersection(*fields)


class _LinksAsText(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for el in root.iter("a"):
            href = (el.get("href") or "").strip()
            text = "".join(el.itertext()).strip()
            if href.startswith(("http://", "https://", "mailto:")) and href not in (text, ""):
                shown = href.removeprefix("mailto:")
                if shown != text:
                    el.tail = f" ({shown})" + (el.tail or "")


class _RegisterMarkdown(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown)
        if "html_block" in md.preprocessors:  # raw HTML is text, as on the site
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_LinksAsText(md), "datavisie-links-as-text", 1)


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter, reset per text: building a Markdown parser costs more than a text."""
    return markdown.Markdown(extensions=["sane_lists", _RegisterMarkdown()])


@functools.lru_cache(maxsize=4096)  # each algorithm is in its own file and in the whole set
def register_html(text: str | None) -> str | None:
    """Content Markdown -> HTML with only the register's tags (None for no text)."""
    if not text or not text.strip():
        return None
    rendered = _converter().reset().convert(text)
    cleaned = nh3.clean(rendered, tags=set(allowed_tags()), attributes={}, link_rel=None)
    compact = _BETWEEN_TAGS.sub("><", cleaned.strip())
    return compact or None


def markdown_bound(text: str | None) -> int | None:
    """An upper bound of the register's length of `register_html(text)`, without converting
    it: Markdown only takes characters away (markers, escapes, entities, definitions) or turns
    them into one space between two text nodes, except that it expands tabs to four columns
    and that a link keeps its address as text (a reference link may repeat a long one). None
    when the text has a `[` or `<` (a link or an autolink): then only converting tells."""
    if not text:
        return 0
    if "[" in text or "<" in text:
        return None
    return len(text.expandtabs(4))


def text(value: str) -> str:
    """Plain text inside register HTML: escaped, never markup."""
    return html.escape(value, quote=False)


def paragraph(value: str) -> str:
    return f"<p>{text(value)}</p>"
