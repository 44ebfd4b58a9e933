"""Python-Markdown extension for content Markdown: raw HTML is shown as text, never passed on,
and glossary terms get an `<abbr title>` tooltip at their first use on a page.

A plain Python-Markdown extension, so every engine that reads Markdown (MkDocs, ProperDocs,
Zensical, the snippets we render ourselves) can load it: `build_tools.views.website.markdown_ext`.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

log = logging.getLogger("mkdocs.plugins.datavisie")
SKIP_TAGS = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


def _is_acronym(term: str) -> bool:
    letters = [c for c in term if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def term_pattern(terms: Mapping[str, str]) -> re.Pattern[str] | None:
    """One regex for all terms: acronyms match exactly, other terms in any case."""
    if not terms:
        return None
    parts = []
    for term in sorted(terms, key=lambda t: (-len(t), t)):
        escaped = re.escape(term).replace(r"\ ", r"\s+")
        parts.append(escaped if _is_acronym(term) else f"(?i:{escaped})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


class GlossaryProcessor(Treeprocessor):
    """Wraps the first use of each glossary term in `<abbr title="definition">`."""

    def __init__(self, md: Markdown, terms: Mapping[str, str]) -> None:
        super().__init__(md)
        self.terms = {_key(t): (t, title) for t, title in terms.items()}
        self.pattern = term_pattern(terms)

    def run(self, root: etree.Element) -> None:
        if self.pattern is None:
            return
        self.used: set[str] = set()
        self._walk(root)

    def _walk(self, el: etree.Element) -> None:
        i = 0
        if el.text:
            el.text, i = self._mark(el, el.text, i)
        while i < len(el):
            child = el[i]
            if child.tag not in SKIP_TAGS:
                self._walk(child)
            i += 1
            if child.tail:
                child.tail, i = self._mark(el, child.tail, i)

    def _mark(self, parent: etree.Element, text: str, at: int) -> tuple[str, int]:
        """Split `text` at new terms, insert their abbr elements into `parent` from index
        `at`; returns the text that stays in place and the index after the inserted ones."""
        found = self._split(text)
        if found is None:
            return text, at
        head, abbrs = found
        for abbr in abbrs:
            parent.insert(at, abbr)
            at += 1
        return head, at

    def _split(self, text: str) -> tuple[str, list[etree.Element]] | None:
        """Text before the first new term, and abbr elements (each with its tail)."""
        assert self.pattern is not None
        head: str | None = None
        abbrs: list[etree.Element] = []
        pos = 0
        for match in self.pattern.finditer(text):
            key = _key(match.group(0))
            if key not in self.terms or key in self.used:
                continue
            self.used.add(key)
            abbr = etree.Element("abbr", {"title": self.terms[key][1]})
            abbr.text = match.group(0)
            if head is None:
                head = text[: match.start()]
            else:
                abbrs[-1].tail = text[pos: match.start()]
            abbrs.append(abbr)
            pos = match.end()
        if head is None:
            return None
        abbrs[-1].tail = text[pos:]
        return head, abbrs


def _key(term: str) -> str:
    return " ".join(term.split()) if _is_acronym(term) else " ".join(term.lower().split())


class AddressCheck(Treeprocessor):
    """Drops a link or image address that is not a URL at all (`https://[x]/`): engines split
    every address (MkDocs' relpath step) and would stop the whole build with a traceback."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            attr = {"a": "href", "img": "src"}.get(el.tag)
            value = el.get(attr) if attr else None
            if value is None or attr is None:
                continue
            try:
                urlsplit(value)
            except ValueError:
                log.warning("Link of afbeelding met een ongeldig adres weggelaten: %s", value)
                if el.tag == "img":
                    el.text = el.get("alt", "")
                el.tag = "span"  # the text stays, the address goes
                el.attrib.clear()


class ContentExtension(Extension):
    """`raw_html: false` shows raw HTML as text; `glossary` maps term -> tooltip text."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary": [{}, "term -> tooltip text"],
            "raw_html": [False, "pass raw HTML on (default: show it as text)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        if not self.getConfig("raw_html"):
            for name in ("html_block",):
                if name in md.preprocessors:
                    md.preprocessors.deregister(name)
            if "html" in md.inlinePatterns:
                md.inlinePatterns.deregister("html")
        glossary = self.getConfig("glossary")
        if glossary:
            # after inline processing (20), before prettify (10)
            md.treeprocessors.register(GlossaryProcessor(md, glossary), "datavisie-glossary", 15)
        # before MkDocs' relpath (0), after toc (5)
        md.treeprocessors.register(AddressCheck(md), "datavisie-addresses", 4)


def makeExtension(**kwargs: Any) -> ContentExtension:  # noqa: N802 (Python-Markdown's API)
    return ContentExtension(**kwargs)
