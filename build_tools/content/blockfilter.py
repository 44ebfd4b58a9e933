"""Internal blocks (`!!! intern`, `??? intern "titel"`, `???+ note intern`, any case, any
depth) found by parsing a text with the site's own Markdown grammar, and the text without them.

How a block is found: every line that could open one (a marker `!!!`/`???` after nothing but
container syntax: indentation, `>`, a list bullet, `:` of a definition, a footnote label) gets
its class word `intern` replaced by a tag naming the line. The parser then says which tags
became admonitions or details blocks: those lines open internal blocks, wherever the grammar
nests them (lists, quotes, definitions, footnotes, tabs, other blocks). Python-Markdown keeps no
source positions, so the end of each block is found by removing candidate line ranges and
parsing again: a removal is accepted only when the parse of what is left equals the parse of
the original with the block's element taken out (and nothing else changed). The public text is
parsed once more at the end; an `intern` class left anywhere fails closed.

What cannot be removed that way is refused at its line (Dutch, codes DV123-DV127), never
published: a block whose removal would change the text around it, a marker the grammar does
not read as a block (the site would show it and its text), the class `intern` set another
way, an empty block (its text was not indented, so it is public), a text the parser fails on.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from build_tools.content.grammar import (
    DEFAULT_GRAMMAR,
    Grammar,
    Parsed,
    ParseFailed,
    classes,
    parse,
)
from build_tools.content.treetext import dump, footnote_refs, runs, visible

INTERNAL = "intern"
# what placing blocks may cost: parses for one block, and characters parsed for one text (a
# second or two); a block not placed within them is refused (DV123), so hostile text with
# thousands of odd blocks stays cheap
MAX_PARSES_PER_BLOCK = 60
MAX_WORK = 1_000_000

# container syntax that may stand before a block's marker on its line
_PREFIX = r"(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|:(?=[ \t])|\[\^[^\]\n]*\]:)*"
_MARKER = re.compile(r"^(?P<prefix>" + _PREFIX + r")(?P<marker>!!!|\?\?\?\+?)(?P<gap>[ \t]*)"
                     r"(?P<classes>[\w-]+(?:[ \t]+[\w-]+)*)")
_QUICK = re.compile(r"(?i)(?:!!!|\?\?\?).*intern|\{[^}\n]*intern")
Plan = tuple[int, "str | None"]  # last line removed; what is left of the marker line (or None)
_ATTR_LINE = re.compile(r"(?i)\{[^}\n]*intern")
_TEXT_BLOCKS = frozenset({"p", "li", "dt", "dd", "td", "th", "pre", "summary", "h1", "h2", "h3",
                          "h4", "h5", "h6", "blockquote"})
_SOURCE_SYNTAX = re.compile(r"^(?:[ \t>:]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[\^[^\]\n]*\]:"
                            r"|(?:!!!|\?\?\?\+?)[ \t]*[\w -]*)*")


@dataclasses.dataclass(frozen=True)
class Problem:
    """Why an internal block (or what looks like one) cannot be published safely."""

    line: int  # 0-based line of the text
    code: str
    message: str
    hint: str


@dataclasses.dataclass(frozen=True)
class Reading:
    """A text as the filter read it. `public` has no internal block left ("" when there are
    problems: a refused text publishes nothing); `internal` are the texts of the blocks, for
    the leak scan; `removed` the 0-based line ranges taken out."""

    public: str
    internal: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    removed: tuple[tuple[int, int], ...] = ()

    @property
    def has_blocks(self) -> bool:
        return bool(self.removed)


def may_hold_blocks(text: str, grammar: Grammar = DEFAULT_GRAMMAR) -> bool:
    """A quick test that is true for every text in which the grammar could make an internal
    block (a marker with the word, or attributes with it); with extensions the test does not
    know, every text that mentions the word."""
    if grammar.known:
        return _QUICK.search(text) is not None
    return INTERNAL in text.lower()


@functools.lru_cache(maxsize=4096)
def read(text: str, grammar: Grammar = DEFAULT_GRAMMAR) -> Reading:
    """The internal blocks of one Markdown text and the text without them."""
    if not may_hold_blocks(text, grammar):
        return Reading(text)
    return _Reader(text, grammar).read()


def _is_intern(element: etree.Element) -> bool:
    return any(c.lower() == INTERNAL for c in classes(element))


# --- the reader ----------------------------------------------------------------------------

class _Reader:
    def __init__(self, text: str, grammar: Grammar) -> None:
        self.text, self.grammar = text, grammar
        self.lines = text.split("\n")
        self.salt = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        self.tag_re = re.compile(rf"dvintern(\d+)x{self.salt}", re.IGNORECASE)
        self.tagged = list(self.lines)
        self.prefix: dict[int, str] = {}  # candidate line -> what stands before its marker
        self.marker: dict[int, str] = {}
        for n, line in enumerate(self.lines):
            m = _MARKER.match(line)
            if not m or not any(c.lower() == INTERNAL for c in m.group("classes").split()):
                continue
            tagged = " ".join(self.tag(n) if c.lower() == INTERNAL else c
                              for c in m.group("classes").split())
            self.tagged[n] = (line[:m.start("classes")] + tagged + line[m.end("classes"):])
            self.prefix[n] = m.group("prefix")
            self.marker[n] = f"{m.group('marker')} {m.group('classes')}"
        self.parses = 0
        self.work = 0
        self.problems: list[Problem] = []

    def tag(self, n: int) -> str:
        return f"dvintern{n}x{self.salt}"

    def parse(self, lines: list[str]) -> Parsed:
        text = "\n".join(lines)
        self.parses += 1
        self.work += len(text)
        return parse(text, self.grammar)

    def problem(self, line: int, code: str, message: str, hint: str) -> None:
        if not any(p.line == line and p.code == code for p in self.problems):
            self.problems.append(Problem(line, code, message, hint))

    # -- reading --

    def read(self) -> Reading:
        try:
            parsed = self.parse(self.tagged)
        except ParseFailed:
            first = min(self.prefix, default=0)
            self.problem(first, "DV127", "de opmaak kan deze tekst niet lezen (bijvoorbeeld "
                         "door een voetnoot binnen een voetnoot), dus de interne blokken erin "
                         "zijn niet te vinden",
                         "maak de opbouw eenvoudiger; zet geen voetnoot in een andere voetnoot")
            return Reading("", (self.text,), tuple(self.problems))
        starts, strays = self.find(parsed)
        if strays:
            self.problem(self.attribute_line(), "DV125", "de klasse `intern` maakt tekst niet "
                         "intern: alleen een blok `!!! intern` blijft van de publieke site",
                         "haal `.intern` weg en zet de tekst in een blok `!!! intern`, met de "
                         "tekst 4 spaties ingesprongen")
        for n, el in starts.items():
            if self.empty(el):
                self.problem(n, "DV126", f"het interne blok `{self.marker[n]}` is leeg: de "
                             "tekst eronder is niet ver genoeg ingesprongen en komt dus op de "
                             "publieke site",
                             "spring de tekst van het blok 4 spaties verder in dan `!!!` of "
                             "`???`")
        plans = self.plan(parsed, starts)
        removed = tuple(sorted((n, end) for n, (end, _) in plans.items()))
        self.visible_strays(parsed, starts, removed)
        public = "\n".join(self.apply(self.lines, plans))
        internal = tuple(self.internal_texts(parsed, starts, removed))
        if self.problems:
            public = ""  # refused: nothing of this text is published, whatever was found
        return Reading(public, internal, tuple(sorted(self.problems, key=lambda p: p.line)),
                       removed)

    def find(self, parsed: Parsed) -> tuple[dict[int, etree.Element], list[etree.Element]]:
        """The outermost elements the tagged lines became (by line), and elements with the
        class `intern` that no tagged line made."""
        starts: dict[int, etree.Element] = {}
        strays: list[etree.Element] = []
        stack = [parsed.root]
        while stack:
            el = stack.pop()
            for child in el:
                found = [int(m.group(1)) for c in classes(child)
                         if (m := self.tag_re.fullmatch(c))]
                if found and found[0] in self.prefix:
                    starts.setdefault(found[0], child)
                elif _is_intern(child):
                    strays.append(child)
                else:
                    stack.append(child)
        return dict(sorted(starts.items())), strays

    @staticmethod
    def empty(el: etree.Element) -> bool:
        if (el.text or "").strip():
            return False
        for child in el:
            if child.tag != "summary" and "admonition-title" not in classes(child):
                return False
            if (child.tail or "").strip():
                return False
        return True

    def attribute_line(self) -> int:
        return next((n for n, line in enumerate(self.lines) if _ATTR_LINE.search(line)), 0)

    # -- where each block ends --

    def heuristic_end(self, n: int) -> int:
        """Where the block ends as it is written: the lines after the marker indented at
        least as far as its first text line, when that is indented past the marker line."""
        def lead(j: int) -> int | None:
            line = self.lines[j].expandtabs(4)
            rest = line.lstrip(" >")
            return len(line) - len(rest) if rest.strip() else None

        marker = len(self.lines[n].expandtabs(4)) - len(self.lines[n].expandtabs(4).lstrip(" >"))
        level: int | None = None
        end = n
        for j in range(n + 1, len(self.lines)):
            here = lead(j)
            if here is None:
                continue
            if level is None:
                if here <= marker:
                    break
                level = here
            if here < level:
                break
            end = j
        return end

    def ends(self, n: int, limit: int) -> Iterator[int]:
        """Candidate last lines: the written shape first, then the nearest others."""
        guess = min(self.heuristic_end(n), limit)
        yield guess
        for distance in range(1, limit - n + 1):
            for end in (guess + distance, guess - distance):
                if n <= end <= limit and self.lines[end].strip(" \t>"):
                    yield end

    def apply(self, lines: list[str], plans: dict[int, Plan]) -> list[str]:
        out: list[str] = []
        n = 0
        while n < len(lines):
            if n in plans:
                end, keep = plans[n]
                if keep is not None:
                    out.append(keep)
                n = end + 1
            else:
                out.append(lines[n])
                n += 1
        return out

    def fits(self, plans: dict[int, Plan], target: str,
             gone: list[int]) -> bool:
        try:
            parsed = self.parse(self.apply(self.tagged, plans))
        except ParseFailed:
            return False
        everything = dump(parsed)
        if any(self.tag(n) in everything for n in gone):
            return False
        return runs(parsed, []) == target

    def plan(self, parsed: Parsed,
             starts: dict[int, etree.Element]) -> dict[int, Plan]:
        """Which lines to remove for each block: the written shape of all blocks at once when
        that parses right, else per block the nearest range that does."""
        if not starts:
            return {}
        order = list(starts)
        limits = {n: (order[i + 1] - 1 if i + 1 < len(order) else len(self.lines) - 1)
                  for i, n in enumerate(order)}
        guess: dict[int, Plan] = {n: (min(self.heuristic_end(n), limits[n]), None)
                                  for n in order}
        everything = runs(parsed, list(starts.values()))
        if self.fits(guess, everything, order):
            return guess
        plans: dict[int, Plan] = {}
        for n, el in starts.items():
            found = None
            if self.work < MAX_WORK:
                found = self.place(n, limits[n], runs(parsed, [el]))
            if found is None:
                self.refuse(n)
                found = guess[n]
            elif found[0] < guess[n][0]:
                self.outside(n, found[0], guess[n][0])
            plans[n] = found
        if not self.problems and not self.fits(plans, everything, order):
            self.refuse(order[0])
        return plans

    def place(self, n: int, limit: int, target: str) -> Plan | None:
        budget = self.parses + MAX_PARSES_PER_BLOCK
        for end in self.ends(n, limit):
            blank = end  # with the blank lines after it: two blank lines can end a container
            while blank < limit and not self.lines[blank + 1].strip(" \t>"):
                blank += 1
            for plan in dict.fromkeys(((end, None), (blank, None), (end, self.prefix[n]))):
                if self.parses >= budget or self.work >= MAX_WORK:
                    return None
                if self.fits({n: plan}, target, [n]):
                    return plan
        return None

    def outside(self, n: int, end: int, written: int) -> None:
        """Lines indented as the block's text that the grammar puts after it (in a list item
        the text is counted from the item's indentation, not from the marker's)."""
        line = next(j for j in range(end + 1, written + 1) if self.lines[j].strip(" \t>"))
        self.problem(line, "DV126", f"tekst die is ingesprongen als deel van het interne blok "
                     f"`{self.marker[n]}` valt er voor de opmaak buiten, en komt dus op de "
                     "publieke site",
                     "spring de tekst van het blok 4 spaties verder in dan het begin van de "
                     "regel erboven (in een lijst: 4 spaties verder dan het opsommingsteken)")

    def refuse(self, n: int) -> None:
        if any(p.line == n for p in self.problems):
            return  # one reason per block is enough (an empty block cannot be placed either)
        self.problem(n, "DV123", f"het interne blok `{self.marker[n]}` is niet uit de "
                     "openbare tekst te halen zonder de tekst eromheen te veranderen",
                     "zet het blok op een eigen regel, met een lege regel erboven en eronder, "
                     "en spring de tekst ervan 4 spaties verder in dan `!!!`; is het de enige "
                     "inhoud van een voetnoot, tab of definitie, zet die dan helemaal in het "
                     "blok")

    # -- what stays --

    def visible_strays(self, parsed: Parsed, starts: dict[int, etree.Element],
                       removed: tuple[tuple[int, int], ...]) -> None:
        """A marker line the grammar did not read as a block, whose words the site shows."""
        rest = [n for n in self.prefix if n not in starts
                and not any(a <= n <= b for a, b in removed)]
        if not rest:
            return
        seen = visible(parsed, {id(e) for e in starts.values()})
        for n in rest:
            if self.tag(n) in seen:
                self.problem(n, "DV124", f"`{self.marker[n]}` begint hier geen blok, dus de "
                             "site toont het als gewone tekst, met wat eronder staat",
                             "zet `!!! intern` aan het begin van een regel (in een lijst na "
                             "`- `, in een citaat na `> `) en spring de tekst eronder 4 spaties "
                             "in; voor een voorbeeld: zet het in een codeblok met ```")

    def clean(self, public: str) -> bool:
        """The fixed point: the public text, parsed again, holds no internal block."""
        try:
            parsed = parse(public, self.grammar)
        except ParseFailed:
            return False
        return not any(_is_intern(el) for el in parsed.root.iter())

    def internal_texts(self, parsed: Parsed, starts: dict[int, etree.Element],
                       removed: tuple[tuple[int, int], ...]) -> Iterator[str]:
        """The texts of the blocks as the site would show them (and their footnotes), and
        their source lines without the container syntax: needles for the leak scan. Not
        their titles ("Voor collega's"): a title says what kind of note follows, and the
        same words may be public elsewhere (the staff guide shows such a block)."""

        def untag(text: str) -> str:
            return self.tag_re.sub(INTERNAL, parsed.unstash(text))

        titles = {id(t) for el in starts.values() for t in el.iter()
                  if t.tag == "summary" or "admonition-title" in classes(t)}
        for el in starts.values():
            for sub in el.iter():
                if sub.tag in _TEXT_BLOCKS and id(sub) not in titles:
                    yield untag(" ".join("".join(sub.itertext()).split()))
        inside = {ref for el in starts.values() for ref in footnote_refs(el)}
        for li in parsed.root.iter("li"):
            if li.get("id", "")[3:] in inside and li.get("id", "").startswith("fn:"):
                yield untag(" ".join("".join(li.itertext()).split()))
        for a, b in removed:
            for line in self.lines[a + 1:b + 1]:  # the marker line holds the title
                text = _SOURCE_SYNTAX.sub("", line).strip()
                if text:
                    yield text
