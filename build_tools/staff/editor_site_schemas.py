"""JSON Schemas for the files maintainers and the communications team edit next to the content:
the house style (`theme/huisstijl.yml`) and the poster definitions (`posters/*.yml`). Made from
the same constants the house-style reader and the poster layout check against, so an editor
completes and flags what `datavisie check` would (what a schema cannot see, such as whether a
font file is the weight its key says or a region fits on the paper, stays with the check)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

COLOUR = {"type": "string", "pattern": r"^\s*#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\s*$",
          "description": 'Een kleur als "#rrggbb", tussen aanhalingstekens.'}
PIXELS = {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 999},
                    {"type": "string", "pattern": r"^[0-9]{1,3}$"}],
          "description": "Een heel aantal pixels (0 tot en met 999), zonder `px`."}
# a file inside the theme folder: no absolute path, no drive letter, no backslash, no `..`
THEME_FILE = {"type": "string", "minLength": 1,
              "pattern": r"^(?![A-Za-z]:)(?!/)(?![^\\]*\\)(?!(.*/)?\.\.(/|$)).+$",
              "description": "Pad naar een bestand in de themamap, vanaf die map."}


def _group(properties: dict[str, Any], required: Sequence[str] = (), *,
           description: str = "") -> dict[str, Any]:
    """A mapping with only these keys; one without required keys may be left empty."""
    out: dict[str, Any] = {"type": "object" if required else ["object", "null"],
                           "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    if description:
        out["description"] = description
    return out


def huisstijl_schema() -> dict[str, Any]:
    from build_tools.housestyle.fonts import WEIGHTS, face_keys
    from build_tools.housestyle.read import _OPTIONAL_PALETTE, _REQUIRED, PALETTE_TOKENS
    from build_tools.housestyle.tokens import MILESTONE_STATUSES, PROJECT_STATUSES, SERIES, SPACES

    def palette(which: str) -> dict[str, Any]:
        return _group({k: COLOUR for k in PALETTE_TOKENS},
                      [k for k in PALETTE_TOKENS if k not in _OPTIONAL_PALETTE],
                      description=f"Kleuren van de {which} weergave.")

    def files(required: bool) -> dict[str, Any]:
        return _group({k: THEME_FILE for k in face_keys()}, ["normaal"] if required else [],
                      description="Per gewicht een TTF- of OTF-bestand.")

    body = _group({
        "naam": {"description": "Naam van de huisstijl; verschijnt alleen in meldingen."},
        "kleuren": palette("lichte"),
        "donker": palette("donkere"),
        "status": _group({
            "mijlpalen": _group({k: COLOUR for k in MILESTONE_STATUSES}, MILESTONE_STATUSES),
            "projecten": _group({k: COLOUR for k in PROJECT_STATUSES}, PROJECT_STATUSES),
        }, ["mijlpalen", "projecten"], description="Kleuren per status."),
        "themas": {"type": ["object", "null"], "additionalProperties": COLOUR,
                   "propertyNames": {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                   "description": "Eén kleur per thema; de sleutel is het id van het thema."},
        "themas_reserve": {"type": "array", "items": COLOUR, "minItems": 1,
                           "description": "Kleuren voor thema's zonder eigen kleur."},
        "reeksen": _group({k: COLOUR for k in SERIES}, SERIES,
                          description="Kleuren van de reeksen in de grafiek van de metingen."),
        "lettertypen": _group({
            "tekst": _group({"bestanden": files(True)}, ["bestanden"]),
            "koppen": _group({"bestanden": files(False),
                              "gewicht": {"enum": list(WEIGHTS)}}),
            "code": _group({"bestanden": files(False)}),
        }, ["tekst"], description="Letters per rol."),
        "logo": _group({"volledig": THEME_FILE, "beeldmerk": THEME_FILE},
                       ["volledig", "beeldmerk"], description="Logo's (SVG)."),
        "maten": _group({"ruimte": _group({k: PIXELS for k in SPACES}, SPACES),
                         "hoek": PIXELS}, ["ruimte", "hoek"],
                        description="Maten in pixels."),
    }, _REQUIRED)
    return body


def poster_schema() -> dict[str, Any]:
    from build_tools.views.posters.layout import _TEMPLATE_RE, DEFINITION, KINDS, REGION, REGIONS

    body = DEFINITION.json_schema()
    body.pop("title", None)
    body["properties"]["sjabloon"] = {"type": "string", "pattern": _TEMPLATE_RE.pattern,
                                      "description": DEFINITION.fields["sjabloon"].doc}
    body["properties"]["regios"] = {
        "type": "object", "additionalProperties": REGION.json_schema(),
        "description": "De vakken van de poster: naam -> plaats, maat en letter."}
    body["required"] = [*body.get("required", []), "regios"]
    body["allOf"] = [{
        "if": {"properties": {"soort": {"const": kind}}, "required": ["soort"]},
        "then": {"properties": {"regios": {
            "propertyNames": {"enum": list(REGIONS[kind])},
            "required": [name for name, (needed, _) in REGIONS[kind].items() if needed]}}},
    } for kind in KINDS]
    return body


@dataclass(frozen=True)
class SiteFileType:
    name: str
    title: str
    description: str
    globs: tuple[str, ...]
    make: Callable[[], dict[str, Any]]

    @property
    def filename(self) -> str:
        return f"{self.name}.schema.json"


SITE_FILE_TYPES = (
    SiteFileType("huisstijl", "theme/huisstijl.yml",
                 "De huisstijl: kleuren, letters, logo's en maten van de site en de posters.",
                 ("theme/huisstijl.yml",), huisstijl_schema),
    SiteFileType("poster", "posters/<naam>.yml",
                 "Een posterdefinitie: soort, sjabloon, papier en de vakken met hun maten.",
                 ("posters/*.yml",), poster_schema),
)
