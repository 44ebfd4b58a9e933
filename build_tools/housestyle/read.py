"""Reading theme/huisstijl.yml: located YAML Nodes -> a `Style`, or issues saying what to fix.

Every value is checked where it stands (unknown keys, colour syntax, files inside the theme
folder, fonts that are what their key says, logos that fetch nothing), and every problem is
collected. Contrast between the colours is checked afterwards, in `style.py`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from build_tools.content.yamlio import Node, os_reason
from build_tools.errors import Issue, Pos
from build_tools.housestyle.colour import parse_colour, text_on
from build_tools.housestyle.fonts import (
    WEIGHTS,
    FontFace,
    face_keys,
    inspect_font,
    parse_face_key,
)
from build_tools.housestyle.logo import MAX_BYTES as MAX_LOGO_BYTES
from build_tools.housestyle.logo import LogoError, clean_logo
from build_tools.housestyle.tokens import (
    MILESTONE_STATUSES,
    PROJECT_STATUSES,
    SERIES,
    SPACES,
    FontFamily,
    Fonts,
    Logo,
    Palette,
    Style,
)

# Palette token (Dutch, in the YAML) -> Palette field.
PALETTE_TOKENS = {
    "merk": "brand", "tekst_op_merk": "on_brand", "accent": "accent", "tekst": "text",
    "tekst_zacht": "text_muted", "achtergrond": "background", "vlak": "surface", "link": "link",
}
_OPTIONAL_PALETTE = ("tekst_op_merk", "link")
_REQUIRED = ("kleuren", "donker", "status", "themas_reserve", "reeksen", "lettertypen", "logo",
             "maten")
_TOP = ("naam", "themas", *_REQUIRED)
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


RESERVE = "reserve"  # theme/fonts/reserve/: fallback fonts for the posters


@dataclass(frozen=True)
class Reading:
    """What reading found: the Style (None if anything is wrong), the issues, and every colour
    token (`kleuren.tekst`, `status.mijlpalen.gereed`, ...) with its value and position."""

    style: Style | None
    issues: list[Issue]
    colours: dict[str, str] = field(default_factory=dict)
    where: dict[str, Pos] = field(default_factory=dict)


def read_huisstijl(root: Node, theme_dir: Path, rel_dir: str) -> Reading:
    reader = _Reader(theme_dir, rel_dir)
    style = reader.read(root)
    return Reading(style, reader.issues, reader.colours, reader.where)


class _Reader:
    """Walks the YAML once, collecting issues, colour positions and checked values."""

    def __init__(self, theme_dir: Path, rel_dir: str):
        self.theme_dir = theme_dir.absolute()
        self.rel_dir = rel_dir
        self.issues: list[Issue] = []
        self.colours: dict[str, str] = {}
        self.where: dict[str, Pos] = {}

    def error(self, pos: Pos, code: str, message: str, hint: str = "") -> None:
        self.issues.append(Issue.at(pos, code, message, hint))

    def read(self, root: Node) -> Style | None:
        top = self.fields(root, "huisstijl", _TOP, required=_REQUIRED) or {}
        name = top["naam"].value if "naam" in top and top["naam"].is_scalar else ""
        light = self.palette(top.get("kleuren"), "kleuren")
        dark = self.palette(top.get("donker"), "donker")
        status = self.fields(top.get("status"), "status", ("mijlpalen", "projecten"),
                             required=("mijlpalen", "projecten")) or {}
        milestones = self.colours_of(status.get("mijlpalen"), "status.mijlpalen",
                                     MILESTONE_STATUSES)
        projects = self.colours_of(status.get("projecten"), "status.projecten", PROJECT_STATUSES)
        themes = self.theme_colours(top.get("themas"))
        fallback = self.colour_list(top.get("themas_reserve"), "themas_reserve")
        series = self.colours_of(top.get("reeksen"), "reeksen", SERIES)
        fonts = self.fonts(top.get("lettertypen"))
        logos = self.fields(top.get("logo"), "logo", ("volledig", "beeldmerk"),
                            required=("volledig", "beeldmerk")) or {}
        logo = self.logo(logos.get("volledig"), "logo.volledig")
        mark = self.logo(logos.get("beeldmerk"), "logo.beeldmerk")
        sizes = self.fields(top.get("maten"), "maten", ("ruimte", "hoek"),
                            required=("ruimte", "hoek")) or {}
        spaces = self.fields(sizes.get("ruimte"), "maten.ruimte", SPACES, required=SPACES) or {}
        spacing = {k: self.pixels(v, f"maten.ruimte.{k}") for k, v in spaces.items()}
        radius = self.pixels(sizes.get("hoek"), "maten.hoek")
        if self.issues or not (light and dark and fonts and logo and mark) or radius is None:
            return None
        return Style(name or "", light, dark, milestones, projects, themes, fallback, series,
                     fonts, logo, mark, {k: v for k, v in spacing.items() if v is not None},
                     radius)

    # values

    def fields(self, node: Node | None, name: str, known: Sequence[str], *,
               required: Sequence[str] = ()) -> dict[str, Node] | None:
        """A mapping with only `known` keys; an unknown key gets the nearest known one as hint.
        An empty value (`code:`) is an empty mapping."""
        if node is None:
            return None
        if node.is_scalar and node.value is None:
            node = Node({}, node.pos, key_pos=node.key_pos)
        if not node.is_map:
            self.error(node.pos, "DS004", f"`{name}` moet een groep sleutels zijn",
                       f"zet de sleutels ingesprongen onder `{name.rsplit('.', 1)[-1]}:`")
            return None
        suggested: set[str] = set()
        for key, pos in node.keys.items():
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                suggested.update(close)
                hint = (f"bedoel je `{close[0]}`?" if close
                        else "bekende sleutels: " + ", ".join(f"`{k}`" for k in known))
                self.error(pos, "DS001", f"onbekende sleutel `{key}` in `{name}`", hint)
        for key in required:
            if key not in node.value and key not in suggested:
                self.error(node.key_pos or node.pos, "DS002", f"`{name}` mist de sleutel `{key}`",
                           f"voeg `{key}:` toe onder `{name.rsplit('.', 1)[-1]}:`")
        return {k: v for k, v in node.value.items() if k in known}

    def colour(self, node: Node, token: str) -> str | None:
        self.where[token] = node.pos
        text = node.value if node.is_scalar else None
        value = parse_colour(text) if text else None
        if value is None:
            shown = f"`{text}` is geen kleur" if text else "kleur ontbreekt"
            self.error(node.pos, "DS003", f"{shown} bij `{token}`",
                       'schrijf "#rrggbb" tussen aanhalingstekens, bijvoorbeeld "#00508c"'
                       + ("" if text else "; zonder aanhalingstekens begint # een opmerking"))
            return None
        self.colours[token] = value
        return value

    def colours_of(self, node: Node | None, name: str, keys: Sequence[str]) -> dict[str, str]:
        found = self.fields(node, name, keys, required=keys) or {}
        return {k: c for k in keys if k in found and (c := self.colour(found[k], f"{name}.{k}"))}

    def theme_colours(self, node: Node | None) -> dict[str, str]:
        found = self.fields(node, "themas", list(node.keys) if node else ()) or {}
        for key, value in found.items():
            if not _ID_RE.match(key):
                self.error(value.key_pos or value.pos, "DS001", f"`{key}` is geen thema-id",
                           "gebruik de bestandsnaam uit content/themas/ zonder .md")
        return {k: c for k, v in found.items() if (c := self.colour(v, f"themas.{k}"))}

    def colour_list(self, node: Node | None, name: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if not node.is_seq or not node.value:
            self.error(node.pos, "DS004", f"`{name}` moet een lijst met minstens één kleur zijn",
                       'bijvoorbeeld `- "#6a5acd"` op een eigen regel')
            return ()
        return tuple(c for i, item in enumerate(node.value, start=1)
                     if (c := self.colour(item, f"{name}.{i}")))

    def palette(self, node: Node | None, name: str) -> Palette | None:
        found = self.fields(node, name, list(PALETTE_TOKENS),
                            required=[k for k in PALETTE_TOKENS if k not in _OPTIONAL_PALETTE])
        if found is None:
            return None
        values = {k: self.colour(v, f"{name}.{k}") for k, v in found.items()}
        brand = values.get("merk")
        for key, default in (("tekst_op_merk", text_on), ("link", str)):
            if brand and key not in found:  # a default derives from `merk`: report it there
                values[key] = self.colours[f"{name}.{key}"] = default(brand)
                self.where[f"{name}.{key}"] = self.where[f"{name}.merk"]
        checked = {PALETTE_TOKENS[k]: v for k, v in values.items() if v is not None}
        return Palette(**checked) if len(checked) == len(PALETTE_TOKENS) else None

    def pixels(self, node: Node | None, token: str) -> int | None:
        if node is None:
            return None
        text = node.value if node.is_scalar else None
        if not text or not re.fullmatch(r"\d{1,3}", text):
            self.error(node.pos, "DS011", f"`{token}` moet een heel aantal pixels zijn (0-999)",
                       f"bijvoorbeeld `{token.rsplit('.', 1)[-1]}: 8`, zonder `px`")
            return None
        return int(text)

    def path(self, node: Node | None, token: str) -> Path | None:
        """A file inside the theme folder; refuses absolute paths, `..` and outward symlinks."""
        if node is None:
            return None
        text = node.value if node.is_scalar else None
        if not text:
            self.error(node.pos, "DS006", f"`{token}` noemt geen bestand",
                       f"schrijf het pad vanaf de map {self.rel_dir}/")
            return None
        pure = PurePosixPath(text)
        full = self.theme_dir / text
        outside = ("\\" in text or pure.is_absolute() or ".." in pure.parts
                   or re.match(r"^[A-Za-z]:", text) is not None
                   or not full.resolve().is_relative_to(self.theme_dir.resolve()))
        if outside:
            self.error(node.pos, "DS005", f"pad `{text}` bij `{token}` wijst buiten de map "
                       f"{self.rel_dir}/", f"zet het bestand in {self.rel_dir}/ en schrijf het "
                       f"pad vanaf daar, bijvoorbeeld `{pure.name}`")
            return None
        if not full.is_file():
            folder = PurePosixPath(self.rel_dir, text).parent.as_posix()
            self.error(node.pos, "DS006", f"bestand {self.rel_dir}/{text} bestaat niet",
                       f"zet het bestand in {folder}/ of verbeter het pad bij `{token}`")
            return None
        return full

    # fonts and logos

    def fonts(self, node: Node | None) -> Fonts | None:
        roles = self.fields(node, "lettertypen", ("tekst", "koppen", "code"),
                            required=("tekst",)) or {}
        text = self.family(roles.get("tekst"), "tekst", required=True)
        heading = self.family(roles.get("koppen"), "koppen")
        code = self.family(roles.get("code"), "code")
        koppen = roles.get("koppen")
        weight_node = koppen.get("gewicht") if koppen else None
        weight = self.heading_weight(weight_node, heading or text)
        if text is None or weight is None:
            return None
        reserve = self.theme_dir / "fonts" / RESERVE
        found = tuple(sorted(p for p in reserve.iterdir() if p.suffix.lower() in (".ttf", ".otf")
                             and p.is_file() and not p.is_symlink())) if reserve.is_dir() else ()
        return Fonts(text, heading or text, weight, code, found)

    def heading_weight(self, node: Node | None, family: FontFamily | None) -> int | None:
        if node is None:
            return WEIGHTS["vet"]
        key = node.value if node.is_scalar else None
        if key not in WEIGHTS:
            close = difflib.get_close_matches(str(key), list(WEIGHTS), n=1)
            self.error(node.pos, "DS013", f"`{key}` is geen gewicht",
                       f"bedoel je `{close[0]}`?" if close else "kies uit " + ", ".join(WEIGHTS))
            return None
        if family and WEIGHTS[key] not in {f.weight for f in family.faces if not f.italic}:
            self.error(node.pos, "DS013", f"koppen zijn `{key}`, maar er is geen bestand met dat "
                       "gewicht", f"voeg `{key}:` toe onder `bestanden:` of kies een ander gewicht")
        return WEIGHTS[key]

    def family(self, node: Node | None, role: str, *, required: bool = False) -> FontFamily | None:
        name = f"lettertypen.{role}"
        allowed = ("bestanden", "gewicht") if role == "koppen" else ("bestanden",)
        found = self.fields(node, name, allowed, required=("bestanden",) if required else ()) or {}
        files = self.fields(found.get("bestanden"), f"{name}.bestanden", face_keys(),
                            required=("normaal",) if required else ()) or {}
        faces: list[FontFace] = []
        for key, value in files.items():
            path = self.path(value, f"{name}.bestanden.{key}")
            face = self.face(path, value, key) if path else None
            if face and faces and face.family != faces[0].family:
                self.error(value.pos, "DS008", f"{self.rel_dir}/{value.value} is de letter "
                           f"{face.family!r}, de andere bestanden van `{role}` zijn "
                           f"{faces[0].family!r}", "gebruik per rol één letterfamilie")
            elif face:
                faces.append(face)
        if not faces:
            return None
        faces.sort(key=lambda f: (f.weight, f.italic))
        return FontFamily(faces[0].family, tuple(faces))

    def face(self, path: Path, node: Node, key: str) -> FontFace | None:
        """The font at `path`, if it is a font and has the weight and style its key says."""
        shown = f"{self.rel_dir}/{node.value}"
        try:
            face = inspect_font(path)
        except ValueError as exc:
            self.error(node.pos, "DS007", f"{shown} is geen bruikbaar lettertype ({exc})",
                       "gebruik een TTF- of OTF-bestand")
            return None
        if (face.weight, face.italic) != parse_face_key(key):
            self.error(node.pos, "DS008", f"{shown} is gewicht {face.weight}"
                       f"{' cursief' if face.italic else ''}, niet `{key}`",
                       f"zet het bij `{face.key or face.weight}` of kies een ander bestand")
            return None
        return face

    def logo(self, node: Node | None, token: str) -> Logo | None:
        path = self.path(node, token)
        if path is None or node is None:
            return None
        try:
            if path.stat().st_size > MAX_LOGO_BYTES:
                raise LogoError("te groot (hoogstens 1 MB)")
            svg = clean_logo(path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            problem = f"niet te lezen: {os_reason(exc)}"
        except LogoError as exc:
            problem = str(exc)
        else:
            return Logo(path, svg)  # rebuilt from the allow-list of logo.py
        self.error(node.pos, "DS009", f"logo {self.rel_dir}/{node.value} is {problem}",
                   "gebruik een SVG-bestand met viewBox (zonder DOCTYPE)")
        return None
