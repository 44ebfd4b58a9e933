"""Text that fits: real advance widths from the bundled font files, greedy wrapping, and
step-wise shrinking of a flow of paragraphs until it fits its box (or provably cannot).

Pure functions over `Face` values; the only file access is reading a font once per process.
Widths add up glyph advances without kerning, exactly as cairo's text API draws them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from build_tools.errors import Pos

_SPACE_RE = re.compile(r"\s+")
# XML 1.0 forbids these; removing them keeps every SVG well-formed whatever the content holds.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
HYPHEN = "-"
ELLIPSIS = "\u2026"


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids (most control characters)."""
    return _NOT_XML_RE.sub("", text)


def clean(text: str) -> str:
    """One line of display text: XML-safe characters, whitespace collapsed to single spaces."""
    return _SPACE_RE.sub(" ", _NOT_XML_RE.sub("", text)).strip()


def face_family(path: Path) -> str:
    """The family name one font file gets in poster SVGs and in the renderer's fontconfig.

    One name per file (not per family + weight) so the browser (@font-face) and cairo
    (fontconfig, which only knows normal and bold) pick the very same file."""
    return "DV " + re.sub(r"[^A-Za-z0-9]+", " ", path.stem).strip()


@dataclass(frozen=True, eq=False)
class Face:
    """One font file as layout needs it: advances per code point and vertical metrics (em)."""

    path: Path
    family: str
    advances: Mapping[int, float]  # code point -> advance in em
    notdef: float
    ascent: float
    descent: float  # positive, below the baseline
    # code point -> family of the fallback font that draws it (see `with_reserve`)
    reserve: Mapping[int, str] = field(default_factory=dict)
    # em width per measured text: fitting tries every size and every shortening of a text,
    # re-measuring the same words each time (most of a social card's layout time)
    _ems: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def width(self, text: str, size: float) -> float:
        em = self._ems.get(text)
        if em is None:
            adv, notdef = self.advances, self.notdef
            em = sum(adv.get(ord(ch), notdef) for ch in text)
            if len(self._ems) > 200_000:  # a long-running `mkdocs serve`: start afresh
                self._ems.clear()
            self._ems[text] = em
        return em * size

    def missing(self, text: str) -> str:
        """Characters of `text` neither this font nor its fallbacks can draw (they would print
        as empty boxes). Variation selectors and joiners shape emoji; no font draws them."""
        seen: dict[str, None] = {}
        for ch in text:
            if ord(ch) not in self.advances and not ch.isspace() and ch not in _SHAPING:
                seen.setdefault(ch)
        return "".join(seen)

    def runs(self, text: str) -> tuple[tuple[str, str | None], ...]:
        """`text` cut where the font changes: (piece, fallback family or None for own)."""
        out: list[tuple[str, str | None]] = []
        for ch in text:
            fam = self.reserve.get(ord(ch))
            if ch in _SHAPING and out:  # stays with the emoji it shapes
                fam = out[-1][1]
            if out and out[-1][1] == fam:
                out[-1] = (out[-1][0] + ch, fam)
            else:
                out.append((ch, fam))
        return tuple(out)

    def with_reserve(self, fallbacks: Sequence[Face]) -> Face:
        """This face, able to measure (and, through `runs`, draw) every character one of
        `fallbacks` has and it lacks: the first fallback that has a character draws it."""
        if not fallbacks:
            return self
        return _merged(self, tuple(fallbacks))


# Zero-width joiner and the variation selectors: parts of an emoji, never glyphs of their own.
_SHAPING = frozenset("\u200d\ufe0e\ufe0f")


@lru_cache(maxsize=32)
def _merged(face: Face, fallbacks: tuple[Face, ...]) -> Face:
    advances = dict(face.advances)
    reserve: dict[int, str] = {}
    for fallback in fallbacks:
        for cp, adv in fallback.advances.items():
            if cp not in advances:
                advances[cp] = adv
                reserve[cp] = fallback.family
    for ch in _SHAPING:
        advances.setdefault(ord(ch), 0.0)
    return replace(face, advances=advances, reserve=reserve)


@lru_cache(maxsize=32)
def _load_face(path: str, mtime_ns: int) -> Face:
    from fontTools.ttLib import TTFont  # only when text is measured: not in a warm build

    with TTFont(path, lazy=True) as font:
        upm = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        cmap = font.getBestCmap() or {}
        advances = {cp: hmtx[name][0] / upm for cp, name in cmap.items()}
        notdef = hmtx[font.getGlyphOrder()[0]][0] / upm
        os2 = font["OS/2"]
        ascent, descent = os2.sTypoAscender / upm, -os2.sTypoDescender / upm
    return Face(Path(path), face_family(Path(path)), advances, notdef, ascent, descent)


def load_face(path: Path) -> Face:
    """The metrics of a TTF/OTF file, read once per process (re-read when the file changes)."""
    resolved = path.resolve()
    return _load_face(str(resolved), resolved.stat().st_mtime_ns)


def wrap(text: str, face: Face, size: float, width: float, *,
         break_words: bool = False) -> tuple[str, ...] | None:
    """Greedy wrap into lines no wider than `width`; None when a word is too wide.

    With `break_words`, a too-wide word is split with a hyphen instead (still None when not
    even one character fits)."""
    space = face.width(" ", size)
    lines: list[str] = []
    cur, cur_w = "", 0.0
    for word in clean(text).split(" "):
        if not word:
            continue
        w = face.width(word, size)
        if cur and cur_w + space + w <= width:
            cur, cur_w = f"{cur} {word}", cur_w + space + w
            continue
        if cur:
            lines.append(cur)
        if w <= width:
            cur, cur_w = word, w
            continue
        if not break_words:
            return None
        pieces = _break_word(word, face, size, width)
        if pieces is None:
            return None
        lines.extend(pieces[:-1])
        cur, cur_w = pieces[-1], face.width(pieces[-1], size)
    if cur:
        lines.append(cur)
    return tuple(lines)


def _break_word(word: str, face: Face, size: float, width: float) -> list[str] | None:
    hyphen = face.width(HYPHEN, size)
    pieces, start = [], 0
    while face.width(word[start:], size) > width:
        end, used = start, hyphen
        while end < len(word) and used + face.width(word[end], size) <= width:
            used += face.width(word[end], size)
            end += 1
        if end == start:
            return None
        pieces.append(word[start:end] + HYPHEN)
        start = end
    pieces.append(word[start:])
    return pieces


@dataclass(frozen=True)
class Source:
    """Where a text comes from, so a text that cannot fit points its author at the line."""

    pos: Pos
    label: str  # Dutch, e.g. "de ambitie van thema Ethiek"


@dataclass(frozen=True)
class Para:
    """A paragraph in a flow. Sizes and spacing are relative to the flow's base size."""

    text: str
    face: Face
    scale: float = 1.0
    leading: float = 1.3
    space_before: float = 0.0
    indent: float = 0.0
    max_lines: int | None = None
    balance: bool = False  # even out line lengths (titles), same number of lines
    role: str = "tekst"  # the template's name for how it looks (colour, bullet, ...)
    source: Source | None = None


@dataclass(frozen=True)
class Placed:
    """A paragraph laid out: its lines, font size, the first baseline and line pitch."""

    para: Para
    lines: tuple[str, ...]
    size: float
    x: float
    baseline: float
    pitch: float
    top: float
    bottom: float

    @property
    def baselines(self) -> tuple[float, ...]:
        return tuple(self.baseline + i * self.pitch for i in range(len(self.lines)))


@dataclass(frozen=True)
class Flow:
    """A fitted flow: base size and placed paragraphs (coordinates relative to the box)."""

    size: float
    placed: tuple[Placed, ...]
    height: float
    width: float = 0.0

    def moved(self, dx: float, dy: float) -> Flow:
        return replace(self, placed=tuple(
            replace(p, x=p.x + dx, baseline=p.baseline + dy, top=p.top + dy,
                    bottom=p.bottom + dy) for p in self.placed))


def layout(paras: Sequence[Para], width: float, size: float, *,
           break_words: bool = False) -> Flow | None:
    """Lay out `paras` at base `size` in a column `width` wide; None if a line cannot fit."""
    y = 0.0
    placed = []
    for i, para in enumerate(paras):
        s = size * para.scale
        indent = para.indent * size
        lines = wrap(para.text, para.face, s, width - indent, break_words=break_words)
        if lines is None or (para.max_lines is not None and len(lines) > para.max_lines):
            return None
        if para.balance and len(lines) > 1:
            lines = _balanced(para, s, width - indent, lines, break_words)
        if i:
            y += para.space_before * size
        pitch = para.leading * s
        ink = (para.face.ascent + para.face.descent) * s
        first = max(pitch, ink)
        baseline = y + (first - ink) / 2 + para.face.ascent * s
        height = first + (len(lines) - 1) * pitch if lines else 0.0
        placed.append(Placed(para, lines, s, indent, baseline, pitch, y, y + height))
        y += height
    return Flow(size, tuple(placed), y, width)


def _balanced(para: Para, size: float, width: float, lines: tuple[str, ...],
              break_words: bool) -> tuple[str, ...]:
    """The same number of lines in the narrowest column that still holds them."""
    lo, hi, best = width * 0.4, width, lines
    for _ in range(14):
        mid = (lo + hi) / 2
        trial = wrap(para.text, para.face, size, mid, break_words=break_words)
        if trial is not None and len(trial) <= len(lines):
            best, hi = trial, mid
        else:
            lo = mid
    return best


def sizes(largest: float, smallest: float, step: float) -> tuple[float, ...]:
    """`largest` down to `smallest` in `step`s, always ending exactly at `smallest`."""
    out, s = [], largest
    while s > smallest + 1e-9:
        out.append(round(s, 4))
        s -= step
    out.append(smallest)
    return tuple(out)


def fit(paras: Sequence[Para], width: float, height: float, *, largest: float,
        smallest: float, step: float) -> Flow | None:
    """The flow at the largest size that fits `width` x `height`, or None if even the
    smallest does not (words are only broken at the smallest size)."""
    for s in sizes(largest, smallest, step):
        last = s == smallest
        flow = layout(paras, width, s, break_words=last)
        if flow is not None and flow.height <= height + 1e-6:
            return flow
    return None


@dataclass(frozen=True)
class Overflow:
    """Why a flow cannot fit: which paragraph to shorten, and by how many characters."""

    source: Source | None
    too_long: int
    text_length: int = 0
    extra: Mapping[str, str] = field(default_factory=dict)


def overflow(paras: Sequence[Para], width: float, height: float, *,
             smallest: float) -> Overflow:
    """For a flow that does not fit at `smallest`: shorten which paragraph, by how much.

    Blames the longest paragraph with a source and finds (by bisection) the fewest
    characters to cut from its end so the whole flow fits at the smallest size."""
    candidates = [i for i, p in enumerate(paras) if p.source is not None] or list(range(len(paras)))
    blame = max(candidates, key=lambda i: (len(clean(paras[i].text)), -i))
    text = clean(paras[blame].text)

    def fits(keep: int) -> bool:
        trial = list(paras)
        trial[blame] = replace(paras[blame], text=text[:keep])
        flow = layout(trial, width, smallest, break_words=True)
        return flow is not None and flow.height <= height + 1e-6

    lo, hi = 0, len(text)  # fits(lo) unknown; fits(hi) is False
    if not fits(0):
        return Overflow(paras[blame].source, len(text), len(text))
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    return Overflow(paras[blame].source, len(text) - lo, len(text))


def shorten(paras: Sequence[Para], width: float, height: float, *,
            smallest: float) -> Flow | None:
    """For a flow that does not fit at `smallest`: the flow at `smallest` with the longest
    paragraph (with a source, as `overflow` blames) cut after as many whole words as fit and
    ended with an ellipsis, repeated for the next paragraph while it still does not fit (a
    paragraph with no word left is left out). None when not even that fits."""
    trial = list(paras)

    def fitted(candidate: Sequence[Para]) -> Flow | None:
        flow = layout(candidate, width, smallest, break_words=True)
        return flow if flow is not None and flow.height <= height + 1e-6 else None

    for _ in range(len(trial)):
        found = fitted(trial)
        if found is not None:
            return found
        filled = [i for i, p in enumerate(trial) if clean(p.text)]
        if not filled:
            return None
        blame = max([i for i in filled if trial[i].source is not None] or filled,
                    key=lambda i: (len(clean(trial[i].text)), -i))
        para = trial[blame]
        words = clean(para.text).split(" ")
        mark = ELLIPSIS if not para.face.missing(ELLIPSIS) else "..."

        def cut(keep: int, para: Para = para, words: list[str] = words,
                mark: str = mark) -> Para:
            text = " ".join(words[:keep]).rstrip(" ,;:.-") + mark if keep else ""
            return replace(para, text=text, balance=False)

        lo, hi = 0, len(words)  # the whole text (with the mark) does not fit
        while hi - lo > 1:
            mid = (lo + hi) // 2
            attempt = [*trial[:blame], cut(mid), *trial[blame + 1:]]
            if fitted(attempt) is not None:
                lo = mid
            else:
                hi = mid
        trial[blame] = cut(lo)
    return fitted(trial)
