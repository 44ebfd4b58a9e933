"""Strict YAML with positions: the first step of reading content.

Every value comes back as a `Node` that knows its file, line and column. Scalars stay text
(with a flag saying whether they were quoted): typing is the schema's job, so `nee`, `1.10`
and `2024-03-01` are never guessed into a boolean, float or date here. Aliases, duplicate
keys, tabs, non-UTF-8 and oversized files are refused as Issues, never as tracebacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Issue, Pos

MAX_BYTES = 1_000_000
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


class _AliasRefused(Exception):
    def __init__(self, mark: Any):
        self.mark = mark


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes only; refuses aliases (no billion laughs, no shared structure)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _AliasRefused(event.start_mark)
        return super().compose_node(parent, index)


def _pos(rel: str, mark: Any, line_offset: int = 0) -> Pos:
    return Pos(rel, mark.line + 1 + line_offset, mark.column + 1)


def decode(data: bytes, rel: str) -> tuple[str | None, list[Issue]]:
    """Bytes -> text with the checks every content file shares (size, UTF-8, BOM, CRLF)."""
    if len(data) > MAX_BYTES:
        return None, [
            Issue(rel, 1, 1, "DV001", f"bestand is te groot ({len(data):,} bytes)".replace(",", "."),
                  f"een inhoudsbestand mag hoogstens {MAX_BYTES // 1_000_000} MB zijn; splits het op")
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Issue(rel, line, col, "DV002", "bestand is geen geldige UTF-8-tekst",
                  "sla het bestand op als UTF-8 (zonder vreemde tekens)")
        ]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [Issue(rel, line, 1, "DV002", "bestand bevat binaire gegevens",
                            "een inhoudsbestand is gewone tekst")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _tab_issues(text: str, rel: str, line_offset: int = 0) -> list[Issue]:
    issues = []
    for n, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            issues.append(Issue(rel, n + line_offset, len(line) - len(stripped) + 1, "DV003",
                                "tab gebruikt voor inspringen", "spring in met spaties, niet met tabs"))
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
    try:
        loader = _StrictLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _AliasRefused as exc:
        return None, [Issue.at(_pos(rel, exc.mark, line_offset), "DV004",
                               "ankers en verwijzingen (& en *) zijn niet toegestaan",
                               "schrijf de waarde voluit op elke plek")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _pos(rel, mark, line_offset) if mark else Pos(rel, 1 + line_offset, 1)
        problem = (exc.problem or exc.context or "onleesbare YAML").strip()
        return None, [Issue.at(where, "DV005", f"ongeldige YAML: {problem}",
                               "controleer inspringen, dubbele punten en aanhalingstekens")]
    except yaml.YAMLError as exc:
        return None, [Issue(rel, 1 + line_offset, 1, "DV005", f"ongeldige YAML: {exc}",
                            "controleer de opbouw van het bestand")]
    except RecursionError:
        return None, [Issue(rel, 1 + line_offset, 1, "DV006", "structuur is te diep genest",
                            f"gebruik hoogstens {MAX_DEPTH} niveaus")]
    if root is None:
        return None, []
    out: list[Issue] = []
    node = _convert(root, rel, line_offset, 0, out)
    return (None if out else node), out


def _convert(node: Any, rel: str, off: int, depth: int, issues: list[Issue]) -> Node:
    pos = _pos(rel, node.start_mark, off)
    if depth > MAX_DEPTH:
        issues.append(Issue.at(pos, "DV006", "structuur is te diep genest",
                               f"gebruik hoogstens {MAX_DEPTH} niveaus"))
        return Node(None, pos)
    if isinstance(node, yaml.ScalarNode):
        plain = node.style is None
        if node.tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:null",
                            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                            "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp") \
                and not node.tag.startswith("tag:yaml.org,2002:"):
            issues.append(Issue.at(pos, "DV007", f"YAML-label {node.tag!r} is niet toegestaan",
                                   "haal het !-label weg"))
        value: str | None = node.value
        if plain and value in _NULLS:
            value = None
        return Node(value, pos, plain=plain)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, rel, off, depth + 1, issues) for item in node.value], pos)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        keys: dict[str, Pos] = {}
        for key_node, value_node in node.value:
            key_pos = _pos(rel, key_node.start_mark, off)
            if not isinstance(key_node, yaml.ScalarNode):
                issues.append(Issue.at(key_pos, "DV008", "sleutel moet een woord zijn",
                                       "gebruik `naam: waarde`"))
                continue
            key = key_node.value
            if key == "<<":
                issues.append(Issue.at(key_pos, "DV004", "samenvoegen met `<<` is niet toegestaan",
                                       "schrijf de velden voluit"))
                continue
            if key in mapping:
                first = keys[key]
                issues.append(Issue.at(key_pos, "DV009", f"sleutel `{key}` staat er twee keer",
                                       f"eerder op regel {first.line}; houd er één over"))
                continue
            child = _convert(value_node, rel, off, depth + 1, issues)
            child.key_pos = key_pos
            mapping[key] = child
            keys[key] = key_pos
        return Node(mapping, pos, keys=keys)
    raise TypeError(f"unknown YAML node {node!r}")  # pragma: no cover


def read_yaml(path: Path, rel: str) -> tuple[Node | None, list[Issue]]:
    text, issues = read_text(path, rel)
    if text is None:
        return None, issues
    return parse_yaml(text, rel)


def read_text(path: Path, rel: str) -> tuple[str | None, list[Issue]]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return decode(b"x" * (MAX_BYTES + 1), rel)
        data = path.read_bytes()
    except OSError as exc:
        return None, [Issue(rel, 1, 1, "DV010", f"bestand kan niet gelezen worden: {exc.strerror}",
                            "controleer of het bestand bestaat en leesbaar is")]
    return decode(data, rel)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def parse_markdown(text: str, rel: str) -> tuple[MarkdownDoc | None, list[Issue]]:
    """Split front matter from body. A file starting with `---` whose front matter does not
    close or does not parse is refused (MkDocs would publish it as text)."""
    if not text.startswith("---"):
        return MarkdownDoc(None, text, 1), []
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
    return MarkdownDoc(meta, text[match.end():], body_line), []


def read_markdown(path: Path, rel: str) -> tuple[MarkdownDoc | None, list[Issue]]:
    text, issues = read_text(path, rel)
    if text is None:
        return None, issues
    return parse_markdown(text, rel)
