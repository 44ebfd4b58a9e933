"""Rules for Markdown text in content that could surprise its author or stall the build.

An HTML comment (`<!-- ... -->`) looks hidden in the editor, but raw HTML in content is
published as text, so the note would be there for every reader (DV120). Internal blocks the
audience filter cannot remove cleanly are refused where they are (DV123-DV127, blockfilter.py).
Python-Markdown needs quadratic time for many `[` in one paragraph and recurses once per level
of nesting, so a hostile or broken text could stall the build or crash it; such text is refused
with a clear error long before that (DV121, DV122, DV001). What a text puts on the page (ids,
classes, attributes, images) is checked on its parsed tree in `markup_tree` (DV130-DV133).
Pure: model -> list of Issues."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from build_tools.content import blockfilter
from build_tools.content.fields import markdown_texts
from build_tools.content.grammar import Grammar
from build_tools.content.markup_tree import tree_issues
from build_tools.content.yamlio import MAX_LINE
from build_tools.errors import Issue

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_CONTAINER = re.compile(r" {4}|\t|(?: {0,3}>| {0,3}(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]?")
COMMENT = "<!--"
MAX_COST = 1_000_000  # see bracket_cost: ordinary prose stays far below, under 10_000
MAX_TOTAL_COST = 2_000_000  # for all paragraphs of one text together
MAX_NESTING = 20  # lists, quotes, indented blocks and admonitions inside each other


def _lines(text: str) -> Iterator[tuple[int, str, bool]]:
    """(0-based number, line, inside a fenced code block) for every line."""
    fence = ""
    for n, line in enumerate(text.split("\n")):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
            yield n, line, True
            continue
        if opener:
            fence = opener.group(1)
        yield n, line, bool(fence)


def comment_lines(text: str) -> list[int]:
    """0-based numbers of the lines with an HTML comment outside code (fenced blocks and
    code spans, where `<!--` is shown as the text it is)."""
    return [n for n, line, code in _lines(text)
            if not code and COMMENT in _CODE_SPAN.sub("", line)]


def nesting(line: str) -> int:
    """How many containers (indent, quote, list item) a line opens before its text."""
    depth, pos = 0, 0
    while depth <= MAX_NESTING:
        m = _CONTAINER.match(line, pos)
        if not m or m.end() == pos:
            return depth
        depth += 1
        pos = m.end()
    return depth


_BRACKETS = re.compile(r"[\[\]()]")


def bracket_cost(block: str) -> int:
    """Roughly how much work Python-Markdown's link patterns do on one paragraph: each `[` or
    `(` without its closing partner, and each level of nesting, makes them scan the rest of the
    paragraph again (about a second per million)."""
    opens = {"[": 0, "(": 0}
    depth = 0
    for ch in _BRACKETS.findall(block):  # only the brackets: the rest never counts
        if ch in opens:
            opens[ch] += 1
            depth = max(depth, opens["["])
        elif ch == "]" and opens["["]:
            opens["["] -= 1
        elif ch == ")" and opens["("]:
            opens["("] -= 1
    return (opens["["] + opens["("] + depth) * len(block)


def _too_heavy(text: str) -> list[tuple[int, str, str]]:
    """(0-based line, code, message) for what would stall or crash the Markdown renderer."""
    found: list[tuple[int, str, str]] = []
    block: list[str] = []
    block_start = 0
    total = 0

    def close_block() -> None:
        nonlocal total
        cost = bracket_cost("\n".join(block)) if block else 0
        total += cost
        if cost > MAX_COST or total > MAX_TOTAL_COST >= total - cost:
            found.append((block_start, "DV121", "te veel haken `[` of `(` zonder sluithaak (of "
                                                "te diep in elkaar)"))

    for n, line, code in _lines(text):
        if len(line) > MAX_LINE:
            found.append((n, "DV001", f"regel is te lang ({len(line)} tekens)"))
            continue
        if code or not line.strip():
            close_block()
            block, block_start = [], n + 1
            continue
        if nesting(line) > MAX_NESTING and not any(c == "DV122" for _, c, _ in found):
            found.append((n, "DV122", f"meer dan {MAX_NESTING} lijsten, citaten of "
                                      "inspringingen in elkaar"))
        block.append(line)
    close_block()
    return found


_HINTS = {
    "DV001": f"houd regels korter dan {MAX_LINE} tekens",
    "DV121": "sluit elke `[` en `(` af, of zet de tekst in een codeblok (```)",
    "DV122": "maak de opbouw platter",
}


def _text_issues(text: str, where: str, at: Any, grammar: Grammar,
                 line_of: Any = lambda n: "") -> list[Issue]:
    out = [Issue.at(at(n), "DV120", f"HTML-commentaar (`<!-- -->`) in {where} is niet "
                    "verborgen: het komt als tekst op de site",
                    "haal het weg; een notitie voor collega's zet je in een blok `!!! intern`")
           for n in comment_lines(text)]
    heavy = [Issue.at(at(n), code, f"{message} in {where}", _HINTS[code])
             for n, code, message in _too_heavy(text)]
    if not heavy:  # parsed only when the renderer can take it
        # internal blocks: found by parsing, which heavy text would stall
        out += [Issue.at(at(p.line), p.code, p.message + line_of(p.line), p.hint)
                for p in blockfilter.read(text, grammar).problems]
        out += tree_issues(text, where, at, grammar)
    return out + heavy


def markup_issues(model: Any, values: Any = None) -> list[Issue]:
    """Issues for every Markdown field and body of the model (DV001, DV120-DV127,
    DV130-DV133), or of `values` of it (the adopted texts from git), read with the model's
    grammar."""
    out: list[Issue] = []
    grammar = model.grammar
    for t in markdown_texts(model if values is None else values):
        if t.body:
            out += _text_issues(t.text, "de tekst", t.at, grammar)
        else:
            out += _text_issues(t.text, f"`{t.name}`", t.at, grammar,
                                lambda n, name=t.name: f" (`{name}`, regel {n + 1})")
    return out
