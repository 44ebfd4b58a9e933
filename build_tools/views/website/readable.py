"""Content Markdown as plain paragraphs, the way a reader sees the text: for word-level
comparisons that show words rather than Markdown syntax, and for the search entries of the
version sub-sites. Pure; the result is text, escaped by whoever puts it in HTML."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from build_tools.content.model import ThemeText, VisionText
from build_tools.history.textdiff import paragraphs

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_ADMONITION = re.compile(
    r'^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"([^"]*)")?[ \t]*$')
_LIST = re.compile(r"^[ \t]*(?:[-*+]|(\d+)[.)])[ \t]+")
_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"^[ \t|:-]+$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:[ \t]+\"[^\"]*\")?\)")
_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*[#.][^}]*\}")
_CODE = re.compile(r"(`+)(.+?)\1")
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
)


@dataclass(frozen=True)
class Readable:
    text: str  # paragraphs separated by a blank line; list items on lines of their own
    headings: frozenset[str]  # paragraphs that were headings


def inline(text: str) -> str:
    """Inline Markdown to the words a reader sees."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFLINK.sub(r"\1", text)
    text = _ATTRS.sub("", text)
    text = _CODE.sub(r"\2", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    return text.replace("\\", "") if "\\" in text else text


@lru_cache(maxsize=512)  # the same texts are read for every compare page and selector
def readable(markdown: str) -> Readable:
    out: list[str] = []
    headings: set[str] = set()
    for para in paragraphs(markdown):
        lines: list[str] = []
        for raw in para.split("\n"):
            if _REFDEF.match(raw) or _FENCE.match(raw) or (
                    "|" in raw and _TABLE_RULE.match(raw) and "-" in raw):
                continue
            heading = _HEADING.match(raw)
            if heading:
                if lines:
                    out.append("\n".join(lines))
                    lines = []
                title = inline(heading.group(1)).strip()
                if title:
                    out.append(title)
                    headings.add(title)
                continue
            admonition = _ADMONITION.match(raw)
            if admonition:  # its title (if any) is a paragraph of its own
                if lines:
                    out.append("\n".join(lines))
                    lines = []
                title = inline(admonition.group(1) or "").strip()
                if title:
                    out.append(title)
                continue
            line = _QUOTE.sub("", raw)
            item = _LIST.match(line)
            if item:
                line = (f"{item.group(1)}. " if item.group(1) else "• ") + line[item.end():]
            line = inline(line.strip().strip("|").replace(" | ", " · ")).strip()
            if not line:
                continue
            if item or not lines:
                lines.append(line)
            else:  # a wrapped line of the same paragraph or item
                lines[-1] += " " + line
        if lines:
            out.append("\n".join(lines))
    return Readable("\n\n".join(out), frozenset(headings))


def readable_text(text: VisionText) -> VisionText:
    """The same text with every body as plain paragraphs (for comparisons)."""
    return dataclasses.replace(
        text, body=readable(text.body).text,
        themas=tuple(_readable_theme(t) for t in text.themas))


def _readable_theme(theme: ThemeText) -> ThemeText:
    return dataclasses.replace(theme, body=readable(theme.body).text)


def headings(text: VisionText) -> frozenset[str]:
    """Every heading of the core vision and the themes, as plain text."""
    found = set(readable(text.body).headings)
    for t in text.themas:
        found |= readable(t.body).headings
    return frozenset(found)


def plain(markdown: str) -> str:
    """One line of plain text (for search entries)."""
    return " ".join(readable(markdown).text.split())
