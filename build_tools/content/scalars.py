"""The scalar value types a field can declare: text, whole numbers, yes/no, a choice from a
list, a moment, a web or mail address, an id and a reference to one. Each checks a located
YAML Node into a plain value and describes itself as a JSON Schema."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from build_tools.content.editor_patterns import (
    BOOLEAN,
    EMAIL_PATTERN,
    MOMENT_PATTERNS,
    URL_PATTERN,
    id_schema,
    text_schema,
)
from build_tools.content.fieldtype import MISSING, Ctx, Type
from build_tools.content.when import LAST_YEAR, parse_when
from build_tools.content.yamlio import Node

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s<>\"']*$", re.I)
_INT_RE = re.compile(r"-?[0-9]+")  # ASCII digits: int() would also read "٣" or "３"
_INT_DIGITS = 18  # more digits than any limit of the schema: out of range without int()
_EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[a-z]{2,}$", re.I)

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
