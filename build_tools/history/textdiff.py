"""Word- and paragraph-level differences between two texts, merged into runs that read well.
Pure; used by history.py (versions), changes_details.py (pull requests) and the site's
compare pages."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|[\w\u00C0-\u024F'’-]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    op: str  # "=" | "+" | "-"
    text: str


@dataclass(frozen=True)
class Block:
    """One paragraph of a redline: unchanged, added, removed, or changed word by word."""

    op: str  # "=" | "+" | "-" | "~"
    segments: tuple[Segment, ...]


def words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def norm(text: str) -> str:
    """Whitespace collapsed: reflowing a paragraph is not a change."""
    return re.sub(r"\s+", " ", text).strip()


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level insertions and deletions, merged into readable runs."""
    a, b = words(old), words(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Segment] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1].op == op:
            out[-1] = Segment(op, out[-1].text + text)
        else:
            out.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunk = a[i1:i2]
            # a lone space between two changes reads better inside the change
            if "".join(chunk).isspace() and i1 > 0 and i2 < len(a) and out and out[-1].op != "=":
                add("-", "".join(chunk))
                add("+", "".join(chunk))
            else:
                add("=", "".join(chunk))
        else:
            add("-", "".join(a[i1:i2]))
            add("+", "".join(b[j1:j2]))
    return _regroup(out)


def _regroup(segments: list[Segment]) -> tuple[Segment, ...]:
    """Order each run of changes as all deletions, then all insertions."""
    out: list[Segment] = []
    run: list[Segment] = []
    for seg in [*segments, Segment("=", "")]:
        if seg.op == "=":
            dels = "".join(s.text for s in run if s.op == "-")
            ins = "".join(s.text for s in run if s.op == "+")
            if dels:
                out.append(Segment("-", dels))
            if ins:
                out.append(Segment("+", ins))
            run = []
            if seg.text:
                out.append(seg)
        else:
            run.append(seg)
    return tuple(out)


def changed(segments: tuple[Segment, ...]) -> bool:
    return any(s.op != "=" for s in segments)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def redline(old: str, new: str) -> tuple[Block, ...]:
    """Paragraph-aligned redline with word-level changes inside changed paragraphs."""
    a, b = paragraphs(old), paragraphs(new)
    matcher = difflib.SequenceMatcher(None, [norm(p) for p in a], [norm(p) for p in b],
                                      autojunk=False)
    blocks: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [Block("=", (Segment("=", p),)) for p in b[j1:j2]]
            continue
        for i, j in align(a[i1:i2], b[j1:j2]):
            if i is not None and j is not None:
                blocks.append(Block("~", word_diff(a[i1 + i], b[j1 + j])))
            elif i is not None:
                blocks.append(Block("-", (Segment("-", a[i1 + i]),)))
            elif j is not None:
                blocks.append(Block("+", (Segment("+", b[j1 + j]),)))
    return tuple(blocks)


PAIR_AT = 0.4  # below this much in common, a paragraph reads better as removed + added


def align(olds: list[str], news: list[str]) -> list[tuple[int | None, int | None]]:
    """Pair changed paragraphs in order, maximising how much the pairs have in common;
    unpaired ones are removals (listed before additions at the same place) or additions."""
    n, m = len(olds), len(news)
    sim = [[similarity(o, w) for w in news] for o in olds]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = sim[i][j] + best[i + 1][j + 1] if sim[i][j] >= PAIR_AT else -1.0
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= PAIR_AT and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return out


def similarity(old: str, new: str) -> float:
    """0..1: how much of two texts is the same, word by word (case and spacing ignored)."""
    a = [w.lower() for w in words(old) if not w.isspace()]
    b = [w.lower() for w in words(new) if not w.isspace()]
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
