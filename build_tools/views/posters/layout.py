"""Poster definitions: posters/*.yml -> checked `PosterDef` values (paper, regions, typography).

A definition says where things go; which content fills a region is fixed per poster kind
(`soort`), so a definition can move and size things but never point at files or addresses.
Problems come back as Issues (code DP0xx) with file and line, like content errors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.content.types import (
    MISSING,
    Ctx,
    Enum,
    F,
    Int,
    ListOf,
    Record,
    Text,
    Type,
    ok,
)
from build_tools.content.yamlio import Node, read_yaml, special_files
from build_tools.errors import Issue
from build_tools.views.posters.kinds import REGISTRY
from build_tools.views.posters.paper import PAPER, Box, PosterDef, Region

KINDS: tuple[str, ...] = tuple(REGISTRY)

# Regions each kind fills: name -> (required, is a text region with sizes); each kind's
# module (kinds/) holds its own.
REGIONS: Mapping[str, Mapping[str, tuple[bool, bool]]] = {
    name: kind.REGIONS for name, kind in REGISTRY.items()}
_TEMPLATE_RE = re.compile(r"^[a-z0-9][a-z0-9-]*\.svg\.j2$")


@dataclass(frozen=True)
class Number(Type):
    min: float = 0.0
    label = "een getal"
    example = "12"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None or not node.plain or not re.fullmatch(r"\d+(\.\d+)?", value):
            if value is not None:
                ctx.error(node.pos, "DP001", f"`{name}` moet een getal zijn, niet {value!r}",
                          "bijvoorbeeld `12` of `12.5` (punt, geen komma)")
            return MISSING
        number = float(value)
        if number < self.min:
            ctx.error(node.pos, "DP001", f"`{name}` is {value}; dat is te klein",
                      f"kies minstens {self.min:g}")
            return MISSING
        return number

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.min}


REGION = Record(title="regio", fields={
    "vak": F(ListOf(item=Number(), min=4, max=4), True,
             "Plaats en maat: [x, y, breedte, hoogte] in mm vanaf linksboven (px op een kaart)."),
    "letter": F(Enum(values=("tekst", "koppen")), False, "Letter: die van tekst of van koppen.",
                "tekst"),
    "grootte": F(ListOf(item=Number(min=1), min=2, max=2), False,
                 "Lettergrootte [grootst, kleinst] in punten (px op een kaart). De tekst krimpt "
                 "stap voor stap tot hij past; past hij ook op de kleinste maat niet, dan is dat "
                 "een fout in de inhoud."),
    "stap": F(Number(min=0.1), False, "Hoeveel punten de letter per stap krimpt.", 1.0),
    "regels": F(Int(min=1, max=40), False, "Hoogstens zoveel regels."),
})

DEFINITION = Record(title="posterdefinitie", fields={
    "titel": F(Text(max=80, single_line=True), True, "Naam van de poster op de site."),
    "soort": F(Enum(values=KINDS), True, "Welke inhoud de poster toont."),
    "sjabloon": F(Text(max=80, single_line=True), True, "SVG-sjabloon in posters/ (*.svg.j2)."),
    "papier": F(Enum(values=tuple(PAPER)), True, "Papierformaat (of `kaart`: 1200x630 px)."),
    "richting": F(Enum(values=("staand", "liggend")), False, "Staand of liggend.", "staand"),
})  # plus `regios`: region name -> REGION, checked against the kind's regions


def read_definition(path: Path, rel: str) -> tuple[PosterDef | None, list[Issue]]:
    """Read and check one poster definition file."""
    node, issues = read_yaml(path, rel)
    if node is None:
        return None, issues or [Issue(rel, 1, 1, "DP002", "posterdefinitie is leeg",
                                      "vul titel, soort, sjabloon, papier en regios in")]
    defn, issues = check_definition(node, path.name.removesuffix(".yml"), rel, issues)
    if defn is not None and not (path.parent / defn.template).is_file():
        where = node.value["sjabloon"].pos
        rel_dir = rel.rpartition("/")[0] or "."
        return None, [*issues, Issue.at(where, "DP012", f"sjabloon `{defn.template}` bestaat "
                                        f"niet in {rel_dir}/",
                                        "verbeter de naam of voeg het sjabloon toe")]
    return defn, issues


def check_definition(node: Node, name: str, rel: str,
                     issues: list[Issue] | None = None) -> tuple[PosterDef | None, list[Issue]]:
    ctx = Ctx()
    ctx.issues.extend(issues or [])
    regions_node = node.get("regios") if node.is_map else None
    top = DEFINITION.check(_without(node, "regios"), ctx, name) if node.is_map else MISSING
    if top is MISSING or not isinstance(top, dict):
        if not node.is_map:
            ctx.error(node.pos, "DP002", "posterdefinitie moet een groep velden zijn",
                      "begin met `titel: ...`")
        return None, ctx.issues
    if regions_node is None:
        ctx.error(node.pos, "DP003", "verplicht veld `regios` ontbreekt", "voeg de vakken toe")
    template = top["sjabloon"]
    if ok(template) and not _TEMPLATE_RE.match(template):
        ctx.error(top["_fpos"]["sjabloon"], "DP004",
                  f"`sjabloon` moet een bestandsnaam in posters/ zijn, niet {template!r}",
                  "bijvoorbeeld `visie.svg.j2` (geen map, geen webadres)")
        template = MISSING
    if not ok(top["soort"], top["papier"], top["titel"]) or regions_node is None:
        return None, ctx.issues
    kind, paper = top["soort"], top["papier"]
    landscape = top["richting"] == "liggend"
    w, h = PAPER[paper]
    size = (h, w) if landscape else (w, h)
    regions = _regions(regions_node, kind, size, ctx)
    if regions is None or not ok(template) or ctx.issues:
        return None, ctx.issues
    return PosterDef(name, top["titel"], kind, template, paper, landscape, regions, rel), []


def _without(node: Node, key: str) -> Node:
    value = {k: v for k, v in node.value.items() if k != key}
    keys = {k: p for k, p in node.keys.items() if k != key}
    return Node(value, node.pos, node.plain, node.key_pos, keys)


def _regions(node: Node, kind: str, size: tuple[float, float],
             ctx: Ctx) -> dict[str, Region] | None:
    known = REGIONS[kind]
    if not node.is_map:
        ctx.error(node.pos, "DP005", "`regios` moet een groep vakken zijn",
                  f"vakken voor soort {kind}: {', '.join(known)}")
        return None
    out: dict[str, Region] = {}
    for name, child in node.value.items():
        key_pos = node.keys[name]
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            ctx.error(key_pos, "DP006", f"onbekend vak `{name}` voor een poster van soort {kind}",
                      f"bedoelde je `{close[0]}`?" if close else f"vakken: {', '.join(known)}")
            continue
        before = len(ctx.issues)
        value = REGION.check(child, ctx, name)
        # a list with too few or many items is reported but still returned: skip it too
        if not isinstance(value, dict) or not ok(*value.values()) or len(ctx.issues) > before:
            continue
        if len(value["vak"]) != 4 or (value["grootte"] and len(value["grootte"]) != 2):
            continue  # the list's own check reported how many numbers it needs
        x, y, bw, bh = value["vak"]
        box = Box(x, y, bw, bh)
        if box.w <= 0 or box.h <= 0 or box.right > size[0] + 1e-6 or box.bottom > size[1] + 1e-6:
            ctx.error(value["_fpos"]["vak"], "DP007",
                      f"vak `{name}` valt buiten het papier ({size[0]:g} x {size[1]:g})",
                      "maak het vak kleiner of schuif het op")
            continue
        largest, smallest = value["grootte"] or (12.0, 12.0)
        if smallest > largest:
            ctx.error(value["_fpos"]["grootte"], "DP008",
                      f"`grootte` van `{name}`: de kleinste ({smallest:g}) is groter dan de "
                      f"grootste ({largest:g})", "schrijf [grootst, kleinst]")
            continue
        out[name] = Region(name, box, value["letter"], largest, smallest, value["stap"],
                           value["regels"], key_pos)
    for name, (required, _) in known.items():
        if required and name not in out and name not in node.value:
            ctx.error(node.pos, "DP009", f"vak `{name}` ontbreekt (nodig voor soort {kind})",
                      f"voeg toe: `{name}: {{vak: [x, y, breedte, hoogte]}}`")
    return out


def read_definitions(folder: Path, root: Path) -> tuple[list[PosterDef], list[Issue]]:
    """Every `*.yml` in `folder`, sorted by name; all issues of all files."""
    defs: list[PosterDef] = []
    issues = special_files(folder, root)  # templates are read by Jinja, which a pipe blocks
    for path in sorted(folder.glob("*.yml")):
        try:
            rel = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        d, found = read_definition(path, rel)
        issues += found
        if d is not None:
            defs.append(d)
    return defs, issues
