"""Strict YAML with positions: the first step of reading content.

Every value comes back as a `Node` that knows its file, line and column. Scalars stay text
(with a flag saying whether they were quoted): typing is the schema's job, so `nee`, `1.10`
and `2024-03-01` are never guessed into a boolean, float or date here. Aliases, duplicate
keys, tabs, non-UTF-8 and oversized files are refused as Issues, never as tracebacks.
Reading a file as text (size, encoding, what is not a plain file) is textfile.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from build_tools.content.textfile import MAX_BYTES as MAX_BYTES
from build_tools.content.textfile import decode as decode
from build_tools.content.textfile import not_a_file as not_a_file
from build_tools.content.textfile import os_reason as os_reason
from build_tools.content.textfile import read_text as read_text
from build_tools.content.textfile import special_files as special_files
from build_tools.errors import Issue, Pos

MAX_DEPTH = 40
MAX_LINE = 20_000

_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(eq=False)
class Node:
    """A located YAML value: `value` is str | None (scalar), list[Node] or dict[str, Node]."""

    value: Any
    pos: Pos
    plain: bool = True
    key_pos: Pos | None = None
    keys: dict[str, Pos] = field(default_factory=dict)

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.value, list)

    @property
    def is_scalar(self) -> bool:
        return not isinstance(self.value, (dict, list))

    def get(self, key: str) -> Node | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def to_plain(self) -> Any:
        """The value as plain Python data (str/None, list, dict), without positions."""
        if isinstance(self.value, dict):
            return {k: v.to_plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.to_plain() for v in self.value]
        return self.value


@dataclass(frozen=True)
class MarkdownDoc:
    """A Markdown file split into front matter (a mapping Node, or None) and body."""

    meta: Node | None
    body: str
    body_line: int  # 1-based line of the first body line in the file


# libyaml's parser when present (about ten times faster than the pure-Python one); both emit
# the same events with the same marks, and composing them ourselves (below) is iterative, so
# deep nesting never reaches Python's recursion limit.
_EVENT_SOURCE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAG = "tag:yaml.org,2002:"
_SKIP = object()  # key of a mapping entry that was refused: its value is composed, then dropped


class _Frame:
    """An open mapping or sequence while composing: the Node and, for a mapping, the key state."""

    __slots__ = ("node", "want_key", "key", "key_pos")

    def __init__(self, node: Node):
        self.node = node
        self.want_key = True
        self.key: Any = None
        self.key_pos: Pos | None = None


def _pos(rel: str, mark: Any, line_offset: int = 0) -> Pos:
    return Pos(rel, mark.line + 1 + line_offset, mark.column + 1)


def _tab_issues(text: str, rel: str, line_offset: int = 0) -> list[Issue]:
    issues = []
    for n, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            issues.append(Issue(rel, n + line_offset, len(line) - len(stripped) + 1, "DV003",
                                "tab gebruikt voor inspringen",
                                "spring in met spaties, niet met tabs"))
        if len(line) > MAX_LINE:
            issues.append(Issue(rel, n + line_offset, 1, "DV001",
                                f"regel is te lang ({len(line)} tekens)",
                                f"houd regels korter dan {MAX_LINE} tekens"))
    return issues


def parse_yaml(text: str, rel: str, *, line_offset: int = 0) -> tuple[Node | None, list[Issue]]:
    """Parse one YAML document into Nodes. `line_offset` shifts lines (front matter)."""
    issues = _tab_issues(text, rel, line_offset)
    if issues:
        return None, issues
    loader = _EVENT_SOURCE(text)
    try:
        return _compose(loader, rel, line_offset)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _pos(rel, mark, line_offset) if mark else Pos(rel, 1 + line_offset, 1)
        problem = (exc.problem or exc.context or "onleesbare YAML").strip()
        if "nesting depth" in problem:
            # libyaml >= 0.2.6 (PyYAML 6.0.4) stops at 1,000 levels while scanning ahead,
            # before our own depth limit sees the events: the same error for the author
            return None, [_too_deep(where)]
        return None, [Issue.at(where, "DV005", f"ongeldige YAML: {_dutch(problem)}",
                               "controleer inspringen, dubbele punten en aanhalingstekens")]
    except yaml.reader.ReaderError as exc:
        return None, [_bad_character(text, rel, line_offset, exc)]
    except yaml.YAMLError as exc:
        return None, [Issue(rel, 1 + line_offset, 1, "DV005", f"ongeldige YAML: {exc}",
                            "controleer de opbouw van het bestand")]
    finally:
        loader.dispose()


# The parser's most common complaints in the authors' language; the original stays in
# brackets, so it can still be searched for.
_PROBLEMS_NL = (
    ("mapping values are not allowed", "een dubbele punt (:) staat op een plek waar dat niet "
     "kan; zet tekst met een dubbele punt tussen aanhalingstekens"),
    ("did not find expected ',' or ']'", "een lijst met [ wordt niet afgesloten met ]"),
    ("did not find expected ',' or '}'", "een groep met { wordt niet afgesloten met }"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt (:) na de naam van een veld"),
    ("did not find expected key", "een regel past niet in de opbouw (controleer het "
     "inspringen, en tekst na een afgesloten aanhalingsteken)"),
    ("did not find expected <document start>", "een regel past niet in de opbouw (springt "
     "de eerste regel in, of staat er iets los onderaan?)"),
    ("did not find expected node content", "er ontbreekt een waarde"),
    ("did not find expected '-' indicator", "het inspringen van een lijst klopt niet"),
    ("block sequence entries are not allowed", "een lijstregel (`- `) staat op een plek waar "
     "geen lijst kan beginnen"),
    ("found character that cannot start any token", "een waarde begint met een teken dat in "
     "YAML iets betekent (zoals ` @ % of |); zet de tekst tussen aanhalingstekens"),
    ("found unexpected end of stream", "een aanhalingsteken wordt niet afgesloten"),
    ("found unknown escape character", "een onbekende \\-code in tekst tussen dubbele "
     "aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("did not find expected comment or line break", "er staat nog tekst na een waarde; zet "
     "de hele tekst tussen aanhalingstekens"),
    ("found undefined tag handle", "een onbekend !-label"),
)


def _dutch(problem: str) -> str:
    for english, dutch in _PROBLEMS_NL:
        if problem.startswith(english):
            return f"{dutch} ({problem})"
    return problem


def _bad_character(text: str, rel: str, off: int, exc: Any) -> Issue:
    """A control character YAML refuses. Located by the character itself: libyaml reports a
    byte offset, the pure-Python reader a character offset."""
    char = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
    index = text.find(chr(char))
    if index < 0:
        index = min(exc.position, len(text))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Issue(rel, line + off, col, "DV005",
                 f"ongeldige YAML: onzichtbaar stuurteken U+{char:04X} in de tekst",
                 "haal het teken weg; het komt vaak mee bij kopiëren en plakken")


# What YAML lets a file hold (its "printable" characters). A double-quoted value can write
# any other character as a \-escape (`"\x07"`, `"\u0000"`, `"\ud800"`); such a value is
# refused like the literal character, after unescaping: the bell, the escape that starts a
# terminal sequence, NUL or a lone surrogate would reach the HTML, and make the feed and the
# SVG invalid XML.
_NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _tagged(pos: Pos, tag: str) -> Issue:
    """A YAML tag: content is text and the schema types it, so no tag has a use, and some
    (`!!python/object`, `!!binary`) ask a loader for more than text."""
    shown = "!!" + tag[len(_STANDARD_TAG):] if tag.startswith(_STANDARD_TAG) else tag
    return Issue.at(pos, "DV007", f"YAML-label `{shown}` is niet toegestaan",
                    "haal het label met ! weg en schrijf alleen de waarde")


def _escaped_control(pos: Pos, char: str) -> Issue:
    return Issue.at(pos, "DV013", f"tekst bevat het onzichtbare stuurteken U+{ord(char):04X} "
                    "(geschreven als \\-code tussen dubbele aanhalingstekens)",
                    "haal de \\-code weg; schrijf alleen gewone tekens")


def _control_in_body(text: str, rel: str, first_line: int) -> Issue | None:
    """A control character in a Markdown body (the YAML reader refuses them in front matter;
    nothing else would stop them on their way to the page)."""
    bad = _NOT_PRINTABLE.search(text)
    if bad is None:
        return None
    index = bad.start()
    line = text.count("\n", 0, index) + first_line
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Issue(rel, line, col, "DV013",
                 f"tekst bevat het onzichtbare stuurteken U+{ord(bad.group()):04X}",
                 "haal het teken weg; het komt vaak mee bij kopiëren en plakken")


def _too_deep(pos: Pos) -> Issue:
    return Issue.at(pos, "DV006", "structuur is te diep genest",
                    f"gebruik hoogstens {MAX_DEPTH} niveaus")


def _compose(loader: Any, rel: str, off: int) -> tuple[Node | None, list[Issue]]:
    """Events -> Nodes, with an explicit stack. Stops at the first alias, anchor, extra
    document or excessive depth: what follows cannot be trusted to mean what it seems."""
    issues: list[Issue] = []
    stack: list[_Frame] = []
    root: Node | None = None
    documents = 0

    def attach(child: Node, raw_key: str | None) -> None:
        nonlocal root
        if not stack:
            root = child
            return
        frame = stack[-1]
        parent = frame.node
        if isinstance(parent.value, list):
            parent.value.append(child)
            return
        if frame.want_key:
            frame.want_key = False
            frame.key_pos = child.pos
            if raw_key is None:
                issues.append(Issue.at(child.pos, "DV008", "sleutel moet een woord zijn",
                                       "gebruik `naam: waarde`"))
                frame.key = _SKIP
            elif raw_key == "<<":
                issues.append(Issue.at(child.pos, "DV004",
                                       "samenvoegen met `<<` is niet toegestaan",
                                       "schrijf de velden voluit"))
                frame.key = _SKIP
            elif raw_key in parent.keys:
                first = parent.keys[raw_key].line
                issues.append(Issue.at(child.pos, "DV009",
                                       f"sleutel `{raw_key}` staat er twee keer",
                                       f"eerder op regel {first}; houd er één over"))
                frame.key = _SKIP
            else:
                frame.key = raw_key
            return
        frame.want_key = True
        if frame.key is not _SKIP and frame.key_pos is not None:
            child.key_pos = frame.key_pos
            parent.value[frame.key] = child
            parent.keys[frame.key] = frame.key_pos

    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is yaml.StreamEndEvent:
            break
        if kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
            continue
        pos = _pos(rel, event.start_mark, off)
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                return None, [Issue.at(pos, "DV005", "ongeldige YAML: het bestand bevat meer dan "
                                       "één document (een regel met `---`)",
                                       "haal de regel met `---` weg of splits het bestand")]
            continue
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            attach(stack.pop().node, None)
            continue
        if kind is yaml.AliasEvent or event.anchor is not None:
            return None, [Issue.at(pos, "DV004",
                                   "ankers en verwijzingen (& en *) zijn niet toegestaan",
                                   "schrijf de waarde voluit op elke plek")]
        if event.tag is not None:  # every tag, `!!str` and `!!python/object` included
            issues.append(_tagged(pos, event.tag))
        if kind is yaml.ScalarEvent:
            plain = not event.style  # None (pure Python) or "" (libyaml) for a plain scalar
            raw: str = event.value
            if event.style == '"' and (bad := _NOT_PRINTABLE.search(raw)):
                issues.append(_escaped_control(pos, bad.group()))
            attach(Node(None if plain and raw in _NULLS else raw, pos, plain=plain), raw)
            continue
        # a mapping or sequence starts
        if len(stack) >= MAX_DEPTH:
            return None, [_too_deep(pos)]
        stack.append(_Frame(Node({} if kind is yaml.MappingStartEvent else [], pos)))
    if issues:
        return None, issues
    return root, []


def read_yaml(path: Path, rel: str) -> tuple[Node | None, list[Issue]]:
    text, issues = read_text(path, rel)
    if text is None:
        return None, issues
    return parse_yaml(text, rel)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse_markdown(text: str, rel: str) -> tuple[MarkdownDoc | None, list[Issue]]:
    """Split front matter from body. A file starting with `---` whose front matter does not
    close or does not parse is refused (MkDocs would publish it as text). A control character
    in the body comes back as an issue next to the document (a lenient reader may go on)."""
    if not text.startswith("---"):
        bad = _control_in_body(text, rel, 1)
        return MarkdownDoc(None, text, 1), [bad] if bad else []
    match = _FRONT.match(text)
    if not match:
        return None, [Issue(rel, 1, 1, "DV011", "voorwerk (front matter) wordt niet afgesloten",
                            "zet een regel met alleen `---` onder de velden bovenaan")]
    meta_text = match.group(1) or ""
    meta, issues = parse_yaml(meta_text, rel, line_offset=1)
    if issues:
        return None, issues
    if meta is not None and not meta.is_map:
        return None, [Issue.at(meta.pos, "DV012", "voorwerk moet uit `veld: waarde`-regels bestaan",
                               "bijvoorbeeld `titel: Ethiek`")]
    body_line = text[: match.end()].count("\n") + 1
    body = text[match.end():]
    bad = _control_in_body(body, rel, body_line)
    return MarkdownDoc(meta, body, body_line), [bad] if bad else []


def read_markdown(path: Path, rel: str) -> tuple[MarkdownDoc | None, list[Issue]]:
    text, issues = read_text(path, rel)
    if text is None:
        return None, issues
    return parse_markdown(text, rel)
