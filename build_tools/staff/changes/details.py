"""The details of a change: values in Dutch reading form, texts as sentences with word-level
edits, and records compared field by field. Pure; used by changes.py."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from build_tools.content.types import When
from build_tools.history.textdiff import align
from build_tools.history.texts import Segment, paragraphs, word_diff

EMPTY = "(leeg)"


@dataclass(frozen=True)
class FieldChange:
    """A short value that changed: shown as old -> new (both already in Dutch reading form)."""

    veld: str
    oud: str
    nieuw: str


@dataclass(frozen=True)
class TextChange:
    """A text that changed: whole paragraphs that were added or removed, and inside changed
    paragraphs only the changed sentences, each with word-level edits (in text order)."""

    veld: str
    zinnen: tuple[tuple[Segment, ...], ...]  # what to quote: sentences and whole paragraphs
    gewijzigd: int = 0  # sentences edited in place
    toegevoegd: int = 0  # sentences added to a paragraph that was there
    verwijderd: int = 0  # sentences removed from a paragraph that stays
    alineas_toegevoegd: int = 0
    alineas_verwijderd: int = 0

    @property
    def aantal(self) -> int:
        return (self.gewijzigd + self.toegevoegd + self.verwijderd + self.alineas_toegevoegd
                + self.alineas_verwijderd)

    def summary(self) -> str:
        """`1 zin gewijzigd`, `2 zinnen gewijzigd, 1 toegevoegd`, `1 alinea verwijderd`, ..."""
        parts = [(n, noun, verb) for n, noun, verb in (
            (self.gewijzigd, "zin", "gewijzigd"), (self.toegevoegd, "zin", "toegevoegd"),
            (self.verwijderd, "zin", "verwijderd"),
            (self.alineas_toegevoegd, "alinea", "toegevoegd"),
            (self.alineas_verwijderd, "alinea", "verwijderd")) if n]
        if not parts:
            return "opmaak gewijzigd"
        out, last = [], ""
        for n, noun, verb in parts:
            out.append(f"{n} {verb}" if noun == last else f"{counted(n, noun)} {verb}")
            last = noun
        return ", ".join(out)


Detail = FieldChange | TextChange


# --- values in Dutch reading form ----------------------------------------------------------

def norm(text: str) -> str:
    """Whitespace collapsed: re-wrapped YAML or Markdown is the same text."""
    return re.sub(r"\s+", " ", text).strip()


def show(value: Any, titles: Callable[[str], str] | None = None) -> str:
    """A value as a reviewer reads it: dates as `maart 2024`, lists joined, booleans ja/nee."""
    if value is None or value == () or value == "":
        return EMPTY
    if isinstance(value, When):
        return value.label()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, tuple):
        return ", ".join(show(v, titles) for v in value) or EMPTY
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _show_record(value)
    if isinstance(value, str) and titles is not None:
        return titles(value)
    return norm(str(value))


def _show_record(value: Any) -> str:
    name = type(value).__name__
    if name == "DataSource":
        return (value.bron + (" (met persoonsgegevens)" if value.persoonsgegevens else "")
                + (f" ({value.link})" if value.link else ""))
    if name == "LegalLink":
        return f"{value.titel} ({value.link})"
    if name == "ImpactTest":
        return str(value.titel)
    if name == "Decision":
        return f"{value.orgaan} {value.kenmerk}"
    return norm(str(getattr(value, "titel", "") or getattr(value, "naam", "") or name))


# --- sentences -------------------------------------------------------------------------

_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)"), r"(afbeelding: \1)"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)"), r"\1 (\2)"),
    (re.compile(r"\*\*|__|`"), ""),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+[.)])\s+"), ""),
)
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|!!!|\?\?\?|\|)")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)]*(\s+)(?=[\"'“‘(]*[A-Z0-9À-Ý])")


def plain(markdown: str) -> str:
    """One block of Markdown as the words a reader sees: no emphasis marks, heading or list
    markers; a link as `text (address)`, since a changed address is a real change."""
    for pattern, repl in _INLINE:
        markdown = pattern.sub(repl, markdown)
    return markdown


def sentences(text: str) -> list[str]:
    """Markdown text as sentences: paragraphs, then list items and headings, then sentences.
    Whitespace and emphasis are ignored, so re-wrapping or bolding changes nothing."""
    out: list[str] = []
    for para in paragraphs(text or ""):
        units: list[str] = []
        for line in para.split("\n"):
            if not units or _BLOCK_START.match(line):
                units.append(line)
            else:
                units[-1] += " " + line
        for unit in units:
            out += _split_sentences(plain(norm(unit)))
    return out


def _split_sentences(text: str) -> list[str]:
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append(text[start:match.start(1)])
        start = match.end(1)
    out.append(text[start:])
    return [s for s in (p.strip() for p in out) if s]


def sentence_diff(old: str, new: str
                  ) -> tuple[tuple[tuple[Segment, ...], ...], tuple[int, int, int]]:
    """The changed sentences between two texts, word-level inside each, and how many were
    changed, added and removed (no paragraph structure: for one paragraph of text)."""
    return _sentences_between(sentences(old), sentences(new))


def _sentences_between(a: list[str], b: list[str]
                       ) -> tuple[tuple[tuple[Segment, ...], ...], tuple[int, int, int]]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[tuple[Segment, ...]] = []
    changed = added = removed = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        common = min(len(olds), len(news)) if tag == "replace" else 0
        changed += common
        added += len(news) - common
        removed += len(olds) - common
        if tag == "replace" and len(olds) == len(news):
            out += [word_diff(x, y) for x, y in zip(olds, news, strict=True)]
        elif tag == "replace":
            out.append(word_diff(" ".join(olds), " ".join(news)))
        else:
            out += [(Segment("-", s),) for s in olds] + [(Segment("+", s),) for s in news]
    return tuple(out), (changed, added, removed)


def _paragraph_sentences(text: str) -> list[tuple[str, ...]]:
    return [tuple(sentences(p)) for p in paragraphs(text or "")]


def text_change(veld: str, old: str | None, new: str | None) -> TextChange | None:
    """What changed in a Markdown text: a paragraph that is new or gone counts once (and is
    quoted whole), a paragraph that changed shows its changed sentences."""
    a, b = _paragraph_sentences(old or ""), _paragraph_sentences(new or "")
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    found: list[tuple[Segment, ...]] = []
    counts = [0, 0, 0, 0, 0]  # changed, added, removed sentences; added, removed paragraphs
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        if len(olds) == len(news) == 1:  # one paragraph rewritten in its place
            pairs: list[tuple[int | None, int | None]] = [(0, 0)]
        else:
            pairs = align([" ".join(p) for p in olds], [" ".join(p) for p in news])
        for i, j in pairs:
            if i is not None and j is not None:
                quoted, (c, ad, rm) = _sentences_between(list(olds[i]), list(news[j]))
                found += quoted
                counts[0] += c
                counts[1] += ad
                counts[2] += rm
            elif i is not None:
                found.append((Segment("-", " ".join(olds[i])),))
                counts[4] += 1
            elif j is not None:
                found.append((Segment("+", " ".join(news[j])),))
                counts[3] += 1
    if not found:
        return None
    return TextChange(veld, tuple(found), *counts)


_PLURAL = {"zin": "zinnen", "alinea": "alinea's"}


def counted(n: int, noun: str) -> str:
    """`1 zin`, `2 zinnen`, `1 alinea`, `3 alinea's`."""
    return f"{n} {noun}" if n == 1 else f"{n} {_PLURAL.get(noun, noun + 'en')}"



# --- comparing records field by field -------------------------------------------------

_SKIP = {"id", "pos", "fpos", "path", "body", "body_line", "sources", "stand", "doelgroep",
         "geschiedenis"}
_LONG = 80  # longer texts are shown as changed sentences, not as old -> new


def field_changes(old: Any, new: Any, *, prefix: str = "", skip: Iterable[str] = (),
                  titles: Callable[[str], str] | None = None,
                  titled: Iterable[str] = ()) -> list[Detail]:
    """Details for every field that differs between two records of one type (or None)."""
    sample = new if new is not None else old
    if sample is None:
        return []
    skipped = _SKIP | set(skip)
    titled = set(titled)
    out: list[Detail] = []
    for f in dataclasses.fields(sample):
        if f.name in skipped:
            continue
        a = getattr(old, f.name, None) if old is not None else None
        b = getattr(new, f.name, None) if new is not None else None
        name = prefix + f.name
        if _nested(a) or _nested(b):
            out += field_changes(a if _nested(a) else None, b if _nested(b) else None,
                                 prefix=name + ".", titles=titles)
            continue
        if f.name == "intern":
            if a != b:
                out.append(FieldChange(name, "(interne gegevens)" if a else EMPTY,
                                       "(interne gegevens, gewijzigd)" if b else EMPTY))
            continue
        if isinstance(a, str) or isinstance(b, str):
            if norm(a or "") == norm(b or ""):
                continue
            if f.metadata.get("markdown") or max(len(a or ""), len(b or "")) > _LONG:
                change = text_change(name, a, b)
                if change is not None:
                    out.append(change)
                continue
        elif a == b:
            continue
        shown = titles if f.name in titled else None
        sa, sb = show(a, shown), show(b, shown)
        if sa != sb:
            out.append(FieldChange(name, sa, sb))
    return out


def _nested(value: Any) -> bool:
    return (dataclasses.is_dataclass(value) and not isinstance(value, type)
            and type(value).__name__ in {"Algorithm", "CouncilQuestions", "Contact"})
