"""Compound value types: a list of values (`ListOf`), free-form data (`Free`), and a record
of declared fields (`Record` of `F`), the shape of one content file."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from build_tools.content.fieldtype import MISSING, Ctx, Type
from build_tools.content.scalars import Enum, Id, Text
from build_tools.content.yamlio import Node
from build_tools.errors import Pos


@dataclass(frozen=True)
class ListOf(Type):
    item: Type = field(default_factory=lambda: Text())
    min: int = 0
    max: int | None = None
    unique: bool = False

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"een lijst van {self.item.label}"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        if node.is_scalar and node.value is not None and isinstance(self.item, (Id, Text, Enum)):
            ctx.error(node.pos, "DV113", f"`{name}` moet een lijst zijn",
                      f"schrijf `{name}: [{node.value}]` of zet elk item op een regel met `- `")
            return MISSING
        if node.value is None:
            items: list[Node] = []
        elif not node.is_seq:
            ctx.error(node.pos, "DV113", f"`{name}` moet een lijst zijn",
                      "zet elk item op een regel met `- `")
            return MISSING
        else:
            items = node.value
        if len(items) < self.min:
            ctx.error(node.pos, "DV114",
                      f"`{name}` heeft {len(items)} item(s); nodig is minstens {self.min}",
                      "voeg items toe")
        if self.max is not None and len(items) > self.max:
            ctx.error(items[self.max].pos, "DV114",
                      f"`{name}` heeft {len(items)} items; de grens is {self.max}",
                      f"haal er {len(items) - self.max} weg")
        out = []
        seen: dict[Any, Pos] = {}
        for i, item in enumerate(items):
            value = self.item.check(item, ctx, f"{name}[{i + 1}]")
            if self.unique and isinstance(value, str):
                if value in seen:
                    ctx.error(item.pos, "DV115", f"`{value}` staat twee keer in `{name}`",
                              f"eerder op regel {seen[value].line}")
                    continue
                seen[value] = item.pos
            out.append(value)
        if any(v is MISSING for v in out):  # a failed item fails the list (no MISSING inside)
            return MISSING
        return tuple(out)

    def json_schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min:
            s["minItems"] = self.min
        if self.max is not None:
            s["maxItems"] = self.max
        if self.unique:
            s["uniqueItems"] = True
        return s


@dataclass(frozen=True)
class Free(Type):
    """Any YAML (the `intern:` subtree): kept as plain data, never typed or published."""

    label = "vrije gegevens"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        return node.to_plain()

    def json_schema(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class F:
    """A field of a record: its type, whether it is required, and what it means (Dutch)."""

    type: Type
    required: bool = False
    doc: str = ""
    default: Any = None


@dataclass(frozen=True)
class Record(Type):
    """A mapping with declared keys. Unknown keys are errors with the closest known key."""

    fields: Mapping[str, F] = field(default_factory=dict)
    title: str = ""
    json_extra: Mapping[str, Any] = field(default_factory=dict)  # rules across fields
    label = "een groep velden"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        if not node.is_map:
            if node.value is None and node.is_scalar:
                ctx.error(node.pos, "DV102", f"`{name}` is leeg", "vul de velden in")
            else:
                ctx.error(node.pos, "DV116", f"`{name}` moet een groep `veld: waarde`-regels zijn",
                          f"velden: {', '.join(self.fields)}")
            return MISSING
        out: dict[str, Any] = {"_pos": node.pos, "_fpos": {}}
        known = list(self.fields)
        for key, child in node.value.items():
            spec = self.fields.get(key)
            key_pos = node.keys[key]
            if spec is None:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = (f"bedoelde je `{close[0]}`?" if close
                        else f"bekende velden: {', '.join(known)}")
                ctx.error(key_pos, "DV117", f"onbekend veld `{key}`", hint)
                continue
            out["_fpos"][key] = child.pos
            if child.is_seq:  # `key:item` -> the item's line, for errors about one reference
                for item in child.value:
                    if item.is_scalar and item.value is not None:
                        out["_fpos"].setdefault(f"{key}:{item.value}", item.pos)
            if (child.is_scalar and child.value is None
                    and not isinstance(spec.type, (ListOf, Free))):
                if spec.required:
                    ctx.error(child.pos, "DV102", f"`{key}` is leeg",
                              f"vul {spec.type.describe()} in")
                    out[key] = MISSING
                else:
                    out[key] = spec.default
                continue
            out[key] = spec.type.check(child, ctx, key)
        for key, spec in self.fields.items():
            if key in out:
                continue
            if spec.required:
                ctx.error(node.pos, "DV118", f"verplicht veld `{key}` ontbreekt",
                          f"voeg toe: `{key}: ...` ({spec.type.describe()})")
                out[key] = MISSING
            else:
                out[key] = spec.default
        return out

    def json_schema(self) -> dict[str, Any]:
        props = {}
        for key, spec in self.fields.items():
            s = dict(spec.type.json_schema())
            if spec.doc:
                s["description"] = spec.doc
            empty_ok = not spec.required or (isinstance(spec.type, ListOf)
                                              and spec.type.min == 0)  # `key:` is `[]`
            if empty_ok and not isinstance(spec.type, Free):  # empty = not given
                s = {"anyOf": [s, {"type": "null"}],
                     **({"description": spec.doc} if spec.doc else {})}
            props[key] = s
        out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
        required = [k for k, s in self.fields.items() if s.required]
        if required:
            out["required"] = required
        if self.title:
            out["title"] = self.title
        out.update(self.json_extra)
        return out

