"""The national Algoritmeregister's publication standard 1.0, as data, and the checks an entry
must pass before the register accepts it.

The facts (`v1_0.json`) are taken from the register's own configuration,
`backend/app/schemas/config/v1_0.json` in MinBZK/Algoritmeregister at commit 559218f5
(the file names its source). The register builds its input model `AlgorithmIn` from that
configuration (`backend/app/schemas/versions.py`, same commit): a `max_length` is checked on
the text with HTML stripped (`len(strip_html(value))`, `backend/app/util/html.py`: the
document's text nodes joined with a space), `max_items` limits a list, an enum accepts its
`permitted_values` only, a required field must be present, and HTML fields keep only their
`allowed_html_tags`. `violations` applies the same rules to one entry. Pure.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from typing import Any

DATA_FILE = "v1_0.json"


@dataclass(frozen=True)
class Prop:
    """One field of the standard (or one field of an item of a list of groups)."""

    name: str
    title: str
    type: str  # string | enum | array
    required: bool = False
    show_always: bool = False
    max_length: int | None = None
    max_items: int | None = None
    permitted_values: tuple[str, ...] = ()
    recommended_items: tuple[str, ...] = ()
    allowed_html_tags: frozenset[str] = frozenset()
    items: Mapping[str, Prop] = field(default_factory=dict)


@dataclass(frozen=True)
class Standard:
    version: str
    source: str
    commit: str
    properties: Mapping[str, Prop]

    def prop(self, name: str) -> Prop:
        return self.properties[name]


def _prop(name: str, raw: Mapping[str, Any]) -> Prop:
    return Prop(
        name=name,
        title=raw["title"],
        type=raw["type"],
        required=raw.get("required") is True,
        show_always=raw.get("show_always") is True,
        max_length=raw.get("max_length"),
        max_items=raw.get("max_items"),
        permitted_values=tuple(raw.get("permitted_values", ())),
        recommended_items=tuple(raw.get("recommended_items", ())),
        allowed_html_tags=frozenset(raw.get("allowed_html_tags", ())),
        items={k: _prop(k, v) for k, v in raw.get("items", {}).items()},
    )


@functools.cache
def standard() -> Standard:
    """The standard as vendored in this package (read once)."""
    raw = json.loads(resources.files(__package__).joinpath(DATA_FILE).read_text("utf-8"))
    return Standard(version=raw["standard_version"], source=raw["source"], commit=raw["commit"],
                    properties={k: _prop(k, v) for k, v in raw["properties"].items()})


def slug(label: str) -> str:
    """A fixed value of the register as a content id: `Overheidsfinanciën` ->
    `overheidsfinancien`, `Openbare orde en veiligheid` -> `openbare-orde-en-veiligheid`."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return "-".join(plain.lower().split())


def policy_areas() -> dict[str, str]:
    """Content id -> the register's name, for its 16 fixed policy areas (`category`)."""
    return {slug(v): v for v in standard().prop("category").permitted_values}


def policy_area_ids() -> tuple[str, ...]:
    return tuple(policy_areas())


# --- how the register measures text --------------------------------------------------------


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self.tags: list[tuple[str, bool]] = []  # (tag, has attributes)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, bool(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, bool(attrs)))

    def handle_data(self, data: str) -> None:
        self.nodes.append(data)


def _parse(value: str) -> _TextNodes:
    parser = _TextNodes()
    parser.feed(value)
    parser.close()
    return parser


def register_text(value: str) -> str:
    """The text the register measures: every text node of the HTML, joined with a space
    (`strip_html` in the register's backend/app/util/html.py)."""
    if not value.strip() or ("<" not in value and "&" not in value):
        return value  # no tag, no entity: one text node, itself
    return " ".join(_parse(value).nodes)


def register_length(value: str) -> int:
    return len(register_text(value))


# --- the checks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """Why the register would refuse an entry. `where` is the register's field, with the
    item number and sub-field for a list of groups: ("lawful_basis_grouping", 0, "link")."""

    where: tuple[str | int, ...]
    kind: str  # lengte | aantal | waarde | verplicht | html | onbekend
    message: str  # Dutch, names the register's field and limit
    size: int | None = None
    limit: int | None = None

    @property
    def field(self) -> str:
        return str(self.where[0])


def _label(p: Prop, where: tuple[str | int, ...]) -> str:
    path = str(where[0]) + "".join(f"[{w + 1}]" if isinstance(w, int) else f".{w}"
                                   for w in where[1:])
    return f"{p.title} (`{path}`)"


def _missing(value: Any) -> bool:
    return value is None or value == "" or value == []


def _check(p: Prop, value: Any, where: tuple[str | int, ...]) -> list[Violation]:
    name = _label(p, where)
    if _missing(value):
        return ([Violation(where, "verplicht", f"{name} is verplicht in het Algoritmeregister")]
                if p.required else [])
    if p.type == "enum":
        if value not in p.permitted_values:
            return [Violation(where, "waarde", f"{name} kan in het Algoritmeregister niet "
                              f"{value!r} zijn; het register kent: "
                              f"{', '.join(p.permitted_values)}")]
        return []
    if p.type == "array":
        return _check_list(p, value, where)
    if not isinstance(value, str):
        return [Violation(where, "waarde", f"{name} moet tekst zijn")]
    out: list[Violation] = []
    if p.max_length is not None:
        size = register_length(value)
        if size > p.max_length:
            out.append(Violation(where, "lengte", f"{name} is {size} tekens zonder HTML; het "
                                 f"Algoritmeregister neemt er hoogstens {p.max_length}",
                                 size, p.max_length))
    if p.allowed_html_tags and "<" in value:
        wrong = sorted({tag for tag, attrs in _parse(value).tags
                        if tag not in p.allowed_html_tags or attrs})
        if wrong:
            out.append(Violation(where, "html", f"{name} bevat HTML die het register niet "
                                 f"toestaat: {', '.join(wrong)}"))
    return out


def _check_list(p: Prop, value: Any, where: tuple[str | int, ...]) -> list[Violation]:
    name = _label(p, where)
    if not isinstance(value, list):
        return [Violation(where, "waarde", f"{name} moet een lijst zijn")]
    out: list[Violation] = []
    if p.max_items is not None and len(value) > p.max_items:
        out.append(Violation(where, "aantal", f"{name} heeft {len(value)} waarden; het "
                             f"Algoritmeregister neemt er hoogstens {p.max_items}",
                             len(value), p.max_items))
    for i, item in enumerate(value):
        if p.permitted_values:
            if item not in p.permitted_values:
                out.append(Violation((*where, i), "waarde", f"{name} kan in het "
                                     f"Algoritmeregister niet {item!r} bevatten"))
        elif p.items:
            if not isinstance(item, dict):
                out.append(Violation((*where, i), "waarde", f"{name}: item {i + 1} moet een "
                                     "groep velden zijn"))
                continue
            out += _check_fields(p.items, item, (*where, i))
        elif not isinstance(item, str):
            out.append(Violation((*where, i), "waarde", f"{name}: item {i + 1} moet tekst zijn"))
    return out


def _check_fields(props: Mapping[str, Prop], record: Mapping[str, Any],
                  where: tuple[str | int, ...]) -> list[Violation]:
    out = [Violation((*where, key), "onbekend", f"`{key}` is geen veld van de standaard")
           for key in record if key not in props]
    for key, p in props.items():
        out += _check(p, record.get(key), (*where, key))
    return out


def violations(record: Mapping[str, Any]) -> list[Violation]:
    """Everything the register (standard 1.0) would refuse in one entry; [] when it accepts it."""
    return _check_fields(standard().properties, record, ())
