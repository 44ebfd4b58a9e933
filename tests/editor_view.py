"""Content as an editor sees it: the YAML 1.2 core schema (what the Red Hat YAML extension and
JetBrains read), and the verdict of the exported JSON Schemas on it. Not a test module: used
by test_jsonschema.py and test_editor_agreement.py."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from build_tools.content.yamlio import Node, parse_markdown, parse_yaml
from build_tools.staff.editor_schemas import FILE_TYPES, json_schema

_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


def scalar12(text: str | None, plain: bool) -> Any:
    """One scalar as the YAML 1.2 core schema types it (quoted scalars are strings)."""
    if text is None:
        return None
    if not plain:
        return text
    if _NULL.fullmatch(text):
        return None
    if _BOOL.fullmatch(text):
        return text.lower() == "true"
    if _INT.fullmatch(text):
        return int(text)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        return float(text)
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return text


def yaml12(node: Node) -> Any:
    """A located node as plain data, typed the way a YAML 1.2 editor types it."""
    if node.is_map:
        return {k: yaml12(v) for k, v in node.value.items()}
    if node.is_seq:
        return [yaml12(v) for v in node.value]
    return scalar12(node.value, node.plain)


def canonical(value: Any) -> str | None:
    """How JSON would write a typed scalar back (None for strings and null)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return json.dumps(value)
    return None


def scalars_on(node: Node, line: int) -> list[Node]:
    """Every scalar node that starts on `line`."""
    if node.is_map or node.is_seq:
        children = node.value.values() if node.is_map else node.value
        return [s for c in children for s in scalars_on(c, line)]
    return [node] if node.pos.line == line else []


def respelled(text: str, node: Node, line: int) -> str | None:
    """`text` with every plain scalar on `line` written the way JSON writes its YAML 1.2
    value (`True` -> `true`, `1.0` -> `1`), or None when nothing there is spelled otherwise."""
    lines = text.split("\n")
    current = lines[line - 1]
    changed = False
    for s in sorted(scalars_on(node, line), key=lambda n: -n.pos.col):
        spelled = canonical(scalar12(s.value, s.plain))
        at = s.pos.col - 1
        if spelled is None or spelled == s.value or current[at:at + len(s.value)] != s.value:
            continue
        current = current[:at] + spelled + current[at + len(s.value):]
        changed = True
    if not changed:
        return None
    lines[line - 1] = current
    return "\n".join(lines)


@cache
def validator(kind: str) -> jsonschema.Draft7Validator:
    ft = next(f for f in FILE_TYPES if f.key == kind)
    return jsonschema.Draft7Validator(json_schema(ft))


def read_node(path: Path, rel: str) -> tuple[Node | None, int]:
    """The YAML (or front matter) of a content file, and the last line that belongs to it;
    (None, 0) when the file does not parse: then the parser speaks, not the schema."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, 0
    if path.suffix == ".md":
        doc, issues = parse_markdown(text, rel)
        if doc is None or issues or doc.meta is None:
            return None, 0
        return doc.meta, doc.body_line - 1
    node, issues = parse_yaml(text, rel)
    if node is None or issues:
        return None, 0
    return node, 10**9


def schema_errors(kind: str, node: Node) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(bestand)'}: {e.message}"
            for e in validator(kind).iter_errors(yaml12(node))]
