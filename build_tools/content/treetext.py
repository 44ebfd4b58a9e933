"""The text of a parsed Markdown tree (grammar.Parsed) as a reader takes it in: to compare
two parses (did removing lines change anything but what was removed?), to see what a reader
is shown, and to find a string anywhere in a parse."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Iterator

from markdown.extensions.footnotes import NBSP_PLACEHOLDER

from build_tools.content.grammar import Parsed, classes


def footnote_refs(element: etree.Element) -> Iterator[str]:
    """Ids of the footnotes that links in `element` refer to."""
    for a in element.iter("a"):
        href = a.get("href", "")
        if "footnote-ref" in classes(a) and href.startswith("#fn:"):
            yield href[4:]


_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i",
                     "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
                     "sub", "sup", "time", "u", "var", "wbr"})
_ITEM = frozenset({"li", "dd", "dt"})  # a paragraph in one reads as the item (tight or loose)


@dataclasses.dataclass
class _Canon:
    """A parse as the reader takes it in: the runs of text of its blocks in document order,
    each with its kind of block (paragraph, item, heading, code, ...), links with their
    targets. Not compared: how the blocks nest (a removal may rejoin a list that the block
    split), tight or loose lists, and what only numbers things within one document (ids,
    footnote numbers, tab counters). `skip`: elements left out (with their text)."""

    parsed: Parsed
    skip: frozenset[int]
    notes_dropped: frozenset[str]

    def runs(self) -> list[str]:
        out: list[str] = []
        self._block(self.parsed.root, "div", out)
        return out

    def _block(self, el: etree.Element, kind: str, out: list[str]) -> None:
        run: list[str] = []
        at = len(out)
        self._inline_text(el.text, run)
        for child in el:
            if id(child) in self.skip or self._dropped_note(child):
                pass
            elif child.tag in _INLINE:
                self._inline(child, run)
            else:
                inner = el.tag if child.tag == "p" and el.tag in _ITEM else child.tag
                self._block(child, inner, out)
            self._inline_text(child.tail, run)
        if run:
            out.insert(at, f"{kind}: {' '.join(run)}")

    def _inline(self, el: etree.Element, run: list[str]) -> None:
        names = classes(el)
        if el.tag == "a" and el.get("href") and not el.get("href", "").startswith("#"):
            run.append(f"<{el.get('href')}>")
        if el.tag == "img":
            run.append(f"<img {el.get('src', '')} {el.get('alt', '')}>")
        if "footnote-backref" in names:
            return  # where Python-Markdown puts it depends on the footnote's last block
        if "footnote-ref" in names:
            run.append("^")
            return
        self._inline_text(el.text, run)
        for child in el:
            if id(child) not in self.skip:
                self._inline(child, run)
            self._inline_text(child.tail, run)

    def _inline_text(self, text: str | None, run: list[str]) -> None:
        run += self.parsed.unstash(text or "").replace(NBSP_PLACEHOLDER, " ").split()

    def _dropped_note(self, el: etree.Element) -> bool:
        ident = el.get("id", "")
        return el.tag == "li" and ident.startswith("fn:") and ident[3:] in self.notes_dropped


def dump(parsed: Parsed) -> str:
    """Every text and attribute value of a parse, raw blocks included (to look for tags)."""
    parts = list(parsed.stash)
    for el in parsed.root.iter():
        parts += [el.text or "", el.tail or "", *el.attrib.values()]
    return "\n".join(parts)


def visible(parsed: Parsed, skip: set[int]) -> str:
    """The text a reader sees, outside the `skip`ped elements: inline code spans and raw
    blocks (fenced code) are left out, they show what the author wrote as code; text of an
    indented code block counts (that is how a block the grammar does not know turns up)."""
    parts: list[str] = []

    def walk(el: etree.Element) -> None:
        for child in el:
            if id(child) not in skip and not (child.tag == "code" and el.tag != "pre"):
                parts.append(child.text or "")
                parts.extend((child.get("alt", ""), child.get("title", "")))
                walk(child)
            parts.append(child.tail or "")

    parts.append(parsed.root.text or "")
    walk(parsed.root)
    return "\n".join(parts)


def runs(parsed: Parsed, skip: Iterable[etree.Element] = ()) -> str:
    """The runs of text of `parsed` without the `skip`ped elements, one per line; footnotes
    only the skipped elements refer to are left out too (their text is theirs)."""
    skipped = list(skip)
    ids = frozenset(id(e) for e in skipped)
    inside = {ref for e in skipped for ref in footnote_refs(e)}
    outside: set[str] = set()
    stack = [parsed.root]
    while stack:
        el = stack.pop()
        for child in el:
            if id(child) in ids:
                continue
            if child.tag == "a" and "footnote-ref" in classes(child):
                outside.update(footnote_refs(child))
            stack.append(child)
    return "\n".join(_Canon(parsed, ids, frozenset(inside - outside)).runs())
