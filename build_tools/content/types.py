"""Declared value types and record schemas: located YAML Nodes -> checked plain values.

One small schema per content file type (see `schemas.py`) is built from these reusable
types. The same declarations produce JSON Schemas for editors and the field reference in
the staff guide, so the contract, the checks and the documentation cannot drift apart.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from build_tools.content.editor_patterns import (
    BOOLEAN,
    EMAIL_PATTERN,
    MOMENT_PATTERNS,
    URL_PATTERN,
    id_schema,
    text_schema,
)
from build_tools.content.yamlio import Node
from build_tools.errors import Issue, Pos

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s<>\"']*$", re.I)
_INT_RE = re.compile(r"-?[0-9]+")  # ASCII digits: int() would also read "٣" or "３"
_INT_DIGITS = 18  # more digits than any limit of the schema: out of range without int()
_EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$", re.I)

LAST_YEAR = 9998  # the site computes a year past any date (security.txt, the roadmap's axis)
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")


@dataclass(frozen=True, order=True)
class When:
    """A moment as precise as the author wrote it: a day, a month or a quarter."""

    start: date
    end: date
    kind: str = field(compare=False)  # dag | maand | kwartaal
    text: str = field(compare=False)

    def label(self) -> str:
        """Dutch reading form: `15 maart 2024`, `maart 2024`, `1e kwartaal 2024`."""
        if self.kind == "dag":
            return f"{self.start.day} {MONTHS_NL[self.start.month - 1]} {self.start.year}"
        if self.kind == "maand":
            return f"{MONTHS_NL[self.start.month - 1]} {self.start.year}"
        return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"

    def __str__(self) -> str:
        return self.text


def parse_when(text: str, kinds: tuple[str, ...] = ("dag", "maand", "kwartaal")) -> When | None:
    if "dag" in kinds and (m := _DATE_RE.match(text)):
        y, mo, d = (int(g) for g in m.groups())
        try:
            day = date(y, mo, d)
        except ValueError:
            return None
        return When(day, day, "dag", text)
    if "maand" in kinds and (m := _MONTH_RE.match(text)):
        y, mo = int(m.group(1)), int(m.group(2))
        if not (1 <= mo <= 12 and y >= 1):  # year 0 exists in no calendar Python knows
            return None
        return When(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "maand", text)
    if "kwartaal" in kinds and (m := _QUARTER_RE.match(text)):
        y, q = int(m.group(1)), int(m.group(2))
        if y < 1:
            return None
        last = q * 3
        return When(date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1]),
                    "kwartaal", text)
    return None


class Ctx:
    """Collects issues while checking one file."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, pos: Pos, code: str, message: str, hint: str = "") -> None:
        self.issues.append(Issue.at(pos, code, message, hint))


class Missing:
    """Marker for a value that failed its check (the record is still built, issues are kept)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = Missing()


class Type:
    """A value type: checks a Node and returns a plain value (or MISSING after an issue)."""

    label = "waarde"
    example = ""

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def describe(self) -> str:
        return self.label

    def _scalar(self, node: Node, ctx: Ctx, name: str) -> str | None:
        if not node.is_scalar:
            kind = "een lijst" if node.is_seq else "een groep velden"
            ctx.error(node.pos, "DV101", f"`{name}` moet {self.label} zijn, niet {kind}",
                      f"bijvoorbeeld `{name}: {self.example}`" if self.example
                      else f"schrijf één waarde: {self.describe()}")
            return None
        return node.value  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Text(Type):
    max: int | None = None  # the contract's limit: longer is an error (DV103)
    markdown: bool = False
    single_line: bool = False  # an identifier-like text: a line end is an error (DV104)
    advised: int | None = None  # a limit beyond the contract: longer is a warning (W003)
    one_line: bool = False  # one line advised: line ends are a warning (W004), read as spaces

    @property
    def label(self) -> str:  # type: ignore[override]
        return "tekst (Markdown)" if self.markdown else "tekst"

    example = "..."

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None:
            return MISSING
        value = value.strip("\n") if self.markdown else value.strip()
        if not value:
            ctx.error(node.pos, "DV102", f"`{name}` is leeg", "vul een tekst in")
            return MISSING
        if self.max is not None and len(value) > self.max:
            over = len(value) - self.max
            ctx.error(node.pos, "DV103",
                      f"`{name}` is {len(value)} tekens; de grens is {self.max}",
                      f"maak de tekst {over} teken{'s' if over != 1 else ''} korter")
        if self.single_line and "\n" in value:
            ctx.error(node.pos, "DV104", f"`{name}` moet op één regel passen",
                      "haal de regeleinden weg")
        if self.one_line and "\n" in value:
            ctx.error(node.pos, "W004", f"`{name}` staat op meer dan één regel; de site en de "
                      "posters tonen het als één regel", "haal de regeleinden weg")
            value = " ".join(value.split())
        if self.advised is not None and len(value) > self.advised:
            over = len(value) - self.advised
            ctx.error(node.pos, "W003",
                      f"`{name}` is {len(value)} tekens; aangeraden is hoogstens {self.advised}",
                      f"maak de tekst {over} teken{'s' if over != 1 else ''} korter: lange "
                      "tekst past slecht in koppen, menu's en op posters")
        return value

    def describe(self) -> str:
        out = self.label
        if self.max:
            return f"{out}, hoogstens {self.max} tekens"
        return f"{out}, aangeraden hoogstens {self.advised} tekens" if self.advised else out

    def json_schema(self) -> dict[str, Any]:
        return text_schema(self.max, markdown=self.markdown, single_line=self.single_line)


@dataclass(frozen=True)
class Int(Type):
    min: int | None = None
    max: int | None = None
    advised: tuple[int, int] | None = None  # a range beyond the contract: outside is W005
    label = "een geheel getal"
    example = "1"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None or not node.plain or not _INT_RE.fullmatch(value):
            if value is not None:
                ctx.error(node.pos, "DV105", f"`{name}` moet een geheel getal zijn, niet {value!r}",
                          f"bijvoorbeeld `{name}: {self.example_value()}`")
            elif node.is_scalar:
                ctx.error(node.pos, "DV102", f"`{name}` is leeg", "vul een getal in")
            return MISSING
        digits = value.lstrip("-").lstrip("0") or "0"
        if len(digits) > _INT_DIGITS:  # int() itself refuses more than 4,300 digits
            shown = f"{value[:12]}... ({len(value)} cijfers)"
            ctx.error(node.pos, "DV106", f"`{name}` is {shown}; dat ligt buiten {self.range()}",
                      f"kies een getal van {self.range()}")
            return MISSING
        number = -int(digits) if value.startswith("-") else int(digits)
        if ((self.min is not None and number < self.min)
                or (self.max is not None and number > self.max)):
            ctx.error(node.pos, "DV106", f"`{name}` is {number}; dat ligt buiten {self.range()}",
                      f"kies een getal van {self.range()}")
            return MISSING
        if self.advised is not None and not self.advised[0] <= number <= self.advised[1]:
            low, high = self.advised
            ctx.error(node.pos, "W005", f"`{name}` is {number}; aangeraden is {low} tot en met "
                      f"{high}", f"kies een getal van {low} tot en met {high}")
        return number

    def example_value(self) -> int:
        if self.advised is not None:
            return self.advised[0]
        return self.min if self.min is not None else 1

    def range(self) -> str:
        return f"{self.min} tot en met {self.max}"

    def json_schema(self) -> dict[str, Any]:
        s: dict[str, Any] = {"type": "integer"}
        if self.min is not None:
            s["minimum"] = self.min
        if self.max is not None:
            s["maximum"] = self.max
        return s


_TRUE = {"true": True, "ja": True, "false": False, "nee": False}


@dataclass(frozen=True)
class Bool(Type):
    label = "ja of nee"
    example = "false"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None or value not in _TRUE:
            if node.is_scalar:
                ctx.error(node.pos, "DV107",
                          f"`{name}` moet `true` of `false` zijn, niet {value!r}",
                          "schrijf `true`/`ja` of `false`/`nee`")
            return MISSING
        return _TRUE[value]

    def json_schema(self) -> dict[str, Any]:
        return dict(BOOLEAN)


@dataclass(frozen=True)
class Enum(Type):
    values: tuple[str, ...] = ()
    label = "een van de vaste waarden"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None:
            if node.is_scalar:
                ctx.error(node.pos, "DV102", f"`{name}` is leeg",
                          f"kies uit: {', '.join(self.values)}")
            return MISSING
        if value not in self.values:
            close = difflib.get_close_matches(value, self.values, n=1)
            hint = f"bedoelde je `{close[0]}`? " if close else ""
            ctx.error(node.pos, "DV108", f"`{name}` kan niet {value!r} zijn",
                      f"{hint}kies uit: {', '.join(self.values)}")
            return MISSING
        return value

    def describe(self) -> str:
        return "een van: " + ", ".join(f"`{v}`" for v in self.values)

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


_WHEN_EXAMPLES = {"dag": "2024-03-01", "maand": "2024-03", "kwartaal": "2024-Q1"}
_WHEN_NAMES = {"dag": "datum", "maand": "maand", "kwartaal": "kwartaal"}


@dataclass(frozen=True)
class Moment(Type):
    """A date, month and/or quarter in ISO form; anything else is an error, never a guess."""

    kinds: tuple[str, ...] = ("dag",)

    @property
    def label(self) -> str:  # type: ignore[override]
        return " of ".join(f"een {_WHEN_NAMES[k]} ({_WHEN_EXAMPLES[k]})" for k in self.kinds)

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None:
            if node.is_scalar:
                ctx.error(node.pos, "DV102", f"`{name}` is leeg", f"vul {self.label} in")
            return MISSING
        when = parse_when(value.strip(), self.kinds)
        if when is None:
            kinds = "/".join(_WHEN_NAMES[k] for k in self.kinds)
            ctx.error(node.pos, "DV109", f"`{name}` is geen geldige {kinds}: {value!r}",
                      f"schrijf {self.label}")
            return MISSING
        if when.end.year > LAST_YEAR:
            ctx.error(node.pos, "DV109", f"`{name}` ligt te ver weg: {value.strip()}",
                      f"kies een datum tot en met {LAST_YEAR}; de site rekent vanaf een datum "
                      "nog een jaar verder (de einddatum van security.txt, de routekaart) en "
                      "na 9999 kan dat niet")
            return MISSING
        return when

    def json_schema(self) -> dict[str, Any]:
        pats = [{"type": "string", "pattern": MOMENT_PATTERNS[k]} for k in self.kinds]
        return pats[0] if len(pats) == 1 else {"anyOf": pats}


@dataclass(frozen=True)
class Url(Type):
    label = "een webadres (https://...)"
    example = "https://www.example.nl/"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None or not _URL_RE.match(value.strip()):
            if node.is_scalar:
                ctx.error(node.pos, "DV110", f"`{name}` is geen volledig webadres: {value!r}",
                          "begin met https:// (andere soorten adressen worden niet gepubliceerd)")
            return MISSING
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": URL_PATTERN}


@dataclass(frozen=True)
class Email(Type):
    label = "een e-mailadres"
    example = "naam@example.nl"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None or not _EMAIL_RE.match(value.strip()):
            if node.is_scalar:
                ctx.error(node.pos, "DV111", f"`{name}` is geen geldig e-mailadres: {value!r}",
                          f"bijvoorbeeld `{self.example}`")
            return MISSING
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": EMAIL_PATTERN}


@dataclass(frozen=True)
class Id(Type):
    label = "een id (kleine letters, cijfers en -)"
    example = "mijn-id"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None or not ID_RE.match(value):
            if node.is_scalar:
                ctx.error(node.pos, "DV112", f"`{name}` is geen geldig id: {value!r}",
                          "gebruik kleine letters a-z, cijfers en koppeltekens, "
                          "bijvoorbeeld `nulmeting-gereed`")
            return MISSING
        return value

    def json_schema(self) -> dict[str, Any]:
        return id_schema(ID_RE.pattern)


@dataclass(frozen=True)
class Ref(Id):
    """An id that must name an existing item of `kind` (checked across files in validate.py)."""

    kind: str = ""

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"een id uit {self.kind}"


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


def ok(*values: Any) -> bool:
    """True when none of the values failed their check."""
    return all(v is not MISSING for v in values)
