"""What a change does outside the content: the house style (which colour, font or logo, with
old and new value), the posters (which poster changes, and why), the site configuration, and
every other file as an internal part, named but never quoted. Reads the two sides of the
change from two project folders; the comparison itself is pure."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.staff.changes.compare import Change
from build_tools.staff.changes.details import EMPTY, FieldChange, norm

_LONG = 80


@dataclass(frozen=True)
class ChangedFile:
    """A file the change adds (A), modifies (M), deletes (D) or renames (R, from `old`);
    paths relative to the project folder."""

    status: str
    path: str
    old: str | None = None

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.path,) if self.old is None else (self.old, self.path)


@dataclass(frozen=True)
class Sides:
    """The project before (`old`) and after (`new`) the change, as folders."""

    old: Path
    new: Path

    def text(self, side: str, rel: str) -> str | None:
        path = (self.old if side == "old" else self.new) / rel
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None


def _q(text: str) -> str:
    return f"‘{norm(text)}’"


def _brief(value: Any) -> str:
    """A configuration or style value as a reviewer reads it, on one line."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(_brief(next(iter(v)) if isinstance(v, dict) and len(v) == 1 else v)
                         for v in value)
    if isinstance(value, dict):
        return "(groep instellingen)"
    return norm(str(value))


def _flatten(data: Any, prefix: str = "", depth: int = 4) -> dict[str, Any]:
    if isinstance(data, dict) and depth > 0:
        out: dict[str, Any] = {}
        for k, v in data.items():
            out.update(_flatten(v, f"{prefix}{k}.", depth - 1))
        return out
    return {prefix.rstrip("."): data}


def _value_changes(old: Mapping[str, Any], new: Mapping[str, Any],
                   label: Any = None) -> list[FieldChange]:
    out = []
    for k in [*new, *(k for k in old if k not in new)]:
        a, b = _brief(old.get(k)), _brief(new.get(k))
        if old.get(k) == new.get(k) or a == b:
            continue
        name = label(k) if label else k
        if max(len(a), len(b)) > _LONG:
            a, b = (("(gewijzigd)", "(gewijzigd)") if k in old and k in new
                    else (a[:_LONG], b[:_LONG]))
        out.append(FieldChange(name, a, b))
    return out


def _yaml(text: str | None, rel: str) -> Any:
    """A style or poster file as plain data (strings), or None when it does not read."""
    from build_tools.content.yamlio import parse_yaml

    if text is None:
        return None
    node, issues = parse_yaml(text, rel)
    return None if issues or node is None else node.to_plain()


# --- the house style ------------------------------------------------------------------------

_PALETTE = {"merk": "hoofdkleur", "tekst_op_merk": "tekst op de hoofdkleur",
            "accent": "accentkleur", "tekst": "tekstkleur", "tekst_zacht": "zachte tekstkleur",
            "achtergrond": "achtergrond", "vlak": "kleur van vlakken", "link": "linkkleur"}
_ROLES = {"tekst": "tekst", "koppen": "koppen", "code": "code"}


def style_label(token: str) -> str:
    """`kleuren.merk` -> `hoofdkleur (lichte weergave)`, `logo.volledig` -> `logo (volledig)`."""
    parts = token.split(".")
    head, rest = parts[0], parts[1:]
    if head in ("kleuren", "donker") and rest:
        mode = "lichte" if head == "kleuren" else "donkere"
        return f"{_PALETTE.get(rest[0], rest[0])} ({mode} weergave)"
    if head == "status" and len(rest) == 2:
        what = "mijlpaal" if rest[0] == "mijlpalen" else "project"
        return f"statuskleur {what} {_q(rest[1])}"
    if head == "themas" and rest:
        return f"themakleur {_q(rest[0])}"
    if head == "themas_reserve":
        return "reservekleuren voor thema's"
    if head == "reeksen" and rest:
        return f"grafiekkleur {_q(rest[0])}"
    if head == "lettertypen" and rest:
        role = _ROLES.get(rest[0], rest[0])
        if len(rest) >= 3 and rest[1] == "bestanden":
            return f"letter voor {role} ({rest[2]})"
        return f"letter voor {role}: {'.'.join(rest[1:])}" if rest[1:] else f"letter voor {role}"
    if head == "logo" and rest:
        return f"logo ({rest[0]})"
    if head == "maten":
        return "afronding van hoeken" if rest == ["hoek"] else f"ruimte {'.'.join(rest[1:])}"
    if head == "naam":
        return "naam van de huisstijl"
    return token


def style_changes(sides: Sides, files: Sequence[ChangedFile], theme: str) -> tuple[
        list[Change], set[str]]:
    """What changed in the house style, and the files that says everything about."""
    rel = f"{theme}/huisstijl.yml"
    changed = {p for f in files for p in f.paths}
    claimed: set[str] = set()
    details: list[FieldChange] = []
    old, new = _yaml(sides.text("old", rel), rel), _yaml(sides.text("new", rel), rel)
    if rel in changed:
        claimed.add(rel)
        if old is None or new is None:
            if sides.text("new", rel) is None:
                details.append(FieldChange("huisstijl.yml", "aanwezig", "verwijderd"))
            else:
                details.append(FieldChange("huisstijl.yml", "(gewijzigd)",
                                           "(kan niet gelezen worden; zie de fouten)"))
        else:
            details += _value_changes(_flatten(old), _flatten(new), style_label)
    # files the style names (fonts, logos) whose bytes changed under the same name
    named = {posixpath.normpath(f"{theme}/{v}"): style_label(k)
             for k, v in _flatten(new or {}).items()
             if isinstance(v, str) and (k.startswith("logo.") or ".bestanden." in k)}
    for path, label in sorted(named.items(), key=lambda x: x[1]):
        if path in changed and path != rel:
            claimed.add(path)
            if not any(d.veld == label for d in details):
                name = posixpath.basename(path)
                details.append(FieldChange(label, name, f"{name} (nieuw bestand)"))
    stems = {posixpath.splitext(p)[0] for p in claimed}
    claimed |= {p for p in changed if p.startswith(f"{theme}/") and p.endswith(".woff2")
                and posixpath.splitext(posixpath.splitext(p)[0])[0] in stems}
    if not details:
        return [], claimed
    return [Change("style.changed", "huisstijl", "Huisstijl gewijzigd: "
                   f"{_list([d.veld for d in details])}. Dat verandert de site en de "
                   "posters.", tuple(details))], claimed


# --- posters ------------------------------------------------------------------------------

_USES = re.compile(r"{%-?\s*(?:extends|include|import|from)\s+[\"']([^\"']+)[\"']")


def _poster_name(definition: Mapping[str, Any], stem: str) -> str:
    kind = definition.get("soort")
    if kind == "thema":
        return "de posters per thema"
    if kind == "kaart":
        return "de deelafbeeldingen (voor sociale media)"
    return f"de poster {_q(str(definition.get('titel') or stem))}"


def _templates_used(sides: Sides, side: str, template: str, folder: str) -> set[str]:
    """A template and every template it extends, includes or imports (by file name)."""
    seen: set[str] = set()
    todo = [template]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        text = sides.text(side, f"{folder}/{name}") or ""
        todo += _USES.findall(text)
    return seen


def poster_changes(sides: Sides, files: Sequence[ChangedFile], folder: str = "posters"
                   ) -> tuple[list[Change], set[str]]:
    """Which poster changes and why: its definition, or a template it is drawn with."""
    changed = {p for f in files for p in f.paths if p.startswith(f"{folder}/")}
    if not changed:
        return [], set()
    definitions: dict[str, tuple[Any, Any]] = {}
    for side in ("old", "new"):
        base = sides.old if side == "old" else sides.new
        for path in sorted((base / folder).glob("*.yml")) if (base / folder).is_dir() else ():
            rel = f"{folder}/{path.name}"
            data = _yaml(sides.text(side, rel), rel)
            pair = definitions.setdefault(path.stem, (None, None))
            definitions[path.stem] = (data, pair[1]) if side == "old" else (pair[0], data)
    out: list[Change] = []
    claimed: set[str] = set()
    for stem, (old, new) in sorted(definitions.items()):
        rel = f"{folder}/{stem}.yml"
        current = new if isinstance(new, dict) else old if isinstance(old, dict) else {}
        name = _poster_name(current, stem)
        templates = set()
        if isinstance(new, dict) and isinstance(new.get("sjabloon"), str):
            templates = _templates_used(sides, "new", new["sjabloon"], folder)
        touched = sorted(t for t in templates if f"{folder}/{t}" in changed)
        claimed |= {f"{folder}/{t}" for t in touched}
        if rel in changed:
            claimed.add(rel)
        if rel in changed and old is None and isinstance(new, dict):
            out.append(Change("poster.added", stem, f"{_cap(name)} toegevoegd."))
            continue
        if rel in changed and new is None and sides.text("new", rel) is None:
            out.append(Change("poster.removed", stem, f"{_cap(name)} verwijderd."))
            continue
        details: list[FieldChange] = []
        if rel in changed and isinstance(old, dict) and isinstance(new, dict):
            details += _value_changes(_flatten(old, depth=2), _flatten(new, depth=2),
                                      _region_label)
        elif rel in changed:
            details.append(FieldChange("definitie", "(gewijzigd)",
                                       "(kan niet gelezen worden; zie de fouten)"))
        reasons = [d.veld for d in details]
        reasons += [f"sjabloon {t}" + (" (gedeeld met andere posters)" if t.startswith("_")
                                       else "") for t in touched]
        if reasons:
            verb = "veranderen" if name.startswith("de posters") or "afbeeldingen" in name \
                else "verandert"
            out.append(Change("poster.changed", stem, f"{_cap(name)} {verb}: "
                              f"{_list(reasons)}.", tuple(details)))
    return out, claimed


def _region_label(k: str) -> str:
    return f"vak {_q(k.split('.', 1)[1])}" if k.startswith("regios.") else k


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- the site configuration ---------------------------------------------------------------

def config_changes(sides: Sides, files: Sequence[ChangedFile], theme: str
                   ) -> tuple[list[Change], set[str]]:
    """mkdocs.yml setting by setting (values shown when short), and the site's own page
    templates in the theme folder by name."""
    from build_tools.project import read_settings_text

    changed = {p for f in files for p in f.paths}
    out: list[Change] = []
    claimed: set[str] = set()
    if "mkdocs.yml" in changed:
        claimed.add("mkdocs.yml")
        old = read_settings_text(sides.text("old", "mkdocs.yml") or "", env=False) or {}
        new = read_settings_text(sides.text("new", "mkdocs.yml") or "", env=False) or {}
        details = _value_changes(_flatten(old, depth=2), _flatten(new, depth=2)) \
            if isinstance(old, dict) and isinstance(new, dict) else []
        if details:
            out.append(Change("site.config", "mkdocs.yml", "Instellingen van de site "
                              f"(mkdocs.yml) gewijzigd: {', '.join(d.veld for d in details)}.",
                              tuple(details)))
    overrides = sorted(p for p in changed if p.startswith(f"{theme}/overrides/"))
    if overrides:
        claimed |= set(overrides)
        names = [p[len(f"{theme}/overrides/"):] for p in overrides]
        what = "Sjabloon" if len(names) == 1 else "Sjablonen"
        out.append(Change("site.templates", "overrides", f"{what} van de website gewijzigd "
                          f"(de opmaak van de pagina's): {_list(names)}."))
    return out, claimed


# --- internal parts -------------------------------------------------------------------------

MAX_FILES = 25


def _list(names: Sequence[str]) -> str:
    shown = list(names[:MAX_FILES])
    if len(names) > MAX_FILES:
        shown.append(f"nog {len(names) - MAX_FILES}")
    return ", ".join(shown[:-1]) + " en " + shown[-1] if len(shown) > 1 else "".join(shown)


def internal_changes(files: Iterable[ChangedFile], claimed: set[str],
                     quiet_content: Iterable[str]) -> list[Change]:
    """Every changed file nothing else spoke of, by name only: code, automation, tests, and
    content files whose change the audience does not see (`quiet_content`)."""
    quiet = set(quiet_content)
    names = []
    for f in files:
        if f.path in claimed:
            continue
        if f.path in quiet:
            names.append(f"{f.path} (alleen interne gegevens of opmaak)")
        else:
            names.append(f.path if f.old is None else f"{f.old} → {f.path}")
    if not names:
        return []
    names.sort()
    n = len(names)
    head = "1 intern onderdeel gewijzigd" if n == 1 else f"{n} interne onderdelen gewijzigd"
    return [Change("internal.changed", "intern",
                   f"{head} (niet te zien op de site): {_list(names)}.")]
