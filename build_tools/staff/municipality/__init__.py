"""`datavisie nieuw gemeente "Gemeente X" --uit DIR`: a complete, buildable project for a new
municipality. Content with placeholders (content.py), a house style from one colour and a
neutral logo (housestyle.py), mkdocs.yml, CI and a README (files.py), and from this software's
own tree the open font (Open Sans) and the poster definitions. The new project passes
`datavisie check` and `datavisie bouw` at once; every placeholder is a warning (W006)."""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

from build_tools.errors import UserError
from build_tools.staff.municipality.content import THEMES, Answers, content_files
from build_tools.staff.municipality.files import project_files
from build_tools.staff.municipality.housestyle import (
    huisstijl_yml,
    logo_svg,
    mark_svg,
    palette,
)
from build_tools.staff.scaffold import make_id

SOURCE = Path(__file__).resolve().parents[3]  # this software's tree (a clone of it)
FONTS = SOURCE / "theme" / "fonts"
FONT_FILES = ("OpenSans-Regular", "OpenSans-Italic", "OpenSans-Semibold", "OpenSans-Bold")
FONT_NOTES = ("OpenSans-COPYRIGHT.txt", "LICENSE-Apache-2.0.txt", "LEESMIJ.md")
POSTERS = SOURCE / "posters"


def short_name(naam: str) -> str:
    """`Gemeente Zeedorp` -> `Zeedorp`; other names stay as they are."""
    found = re.sub(r"^\s*gemeente\s+", "", naam, flags=re.I).strip()
    return found or naam.strip()


def answers(naam: str, *, site: str | None, repo: str | None, today: date) -> Answers:
    naam = " ".join(naam.split())
    if not naam:
        raise UserError("geef de naam van de gemeente, bijvoorbeeld \"Gemeente Zeedorp\"")
    korte = short_name(naam)
    slug = make_id(korte) or "gemeente"
    return Answers(naam=naam, korte_naam=korte,
                   site_url=site or f"https://datavisie.{slug}.invalid/",
                   repo_url=repo, email=f"datavisie@{slug}.invalid", today=today)


def _sources() -> list[tuple[Path, str]]:
    """(file in this software's tree, path in the new project) for fonts and posters."""
    if not FONTS.is_dir() or not POSTERS.is_dir():
        raise UserError("de letters (theme/fonts/) en posters (posters/) van datavisie zijn "
                        f"niet gevonden bij {SOURCE}; maak een nieuwe gemeente vanuit een "
                        "clone van de datavisie-repository (zie docs/)")
    out = [(f, f"theme/fonts/{f.name}") for f in sorted(FONTS.iterdir())
           if f.name in FONT_NOTES or f.name.split(".")[0] in FONT_FILES]
    out += [(f, f"posters/{f.name}") for f in sorted(POSTERS.iterdir()) if f.is_file()]
    return out


def _address(value: str | None, option: str) -> str | None:
    if value is not None and not re.match(r"^https?://[^\s/]+", value):
        raise UserError(f"{option} moet een webadres zijn dat met https:// begint, niet "
                        f"{value!r}")
    return value


def create(dest: Path, naam: str, *, colour: str | None = None, logo: Path | None = None,
           site: str | None = None, repo: str | None = None, package: str | None = None,
           today: date | None = None) -> list[Path]:
    """Write the new project into `dest` (which must be missing or empty); the paths written."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UserError(f"{dest} bestaat al en is niet leeg; kies een nieuwe map met --uit")
    a = answers(naam, site=_address(site, "--site"), repo=_address(repo, "--repo"),
                today=today or date.today())
    try:
        colours = palette(colour)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    logo_text = None
    if logo is not None:
        try:
            logo_text = logo.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"het logo {logo} is niet te lezen als SVG-bestand ({exc})") from None
    texts = {**content_files(a), **project_files(a, package)}
    texts["theme/huisstijl.yml"] = huisstijl_yml(a.naam, colours, [t[0] for t in THEMES])
    texts["theme/beeldmerk.svg"] = mark_svg(a.korte_naam, colours)
    texts["theme/logo.svg"] = logo_text or logo_svg(a.naam, a.korte_naam, colours)
    copies = _sources()
    written = []
    for rel, text in sorted(texts.items()):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for source, rel in copies:
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    if repo:
        from build_tools.content.load import load
        from build_tools.views.publiccode import FILE, publiccode_yml

        (dest / FILE).write_text(publiccode_yml(load(dest).organisatie), encoding="utf-8")
        written.append(dest / FILE)
    if colours.adjusted:
        print(f"De kleur {colours.asked} is te licht voor koppen op wit; de huisstijl gebruikt "
              f"{colours.light['merk']} (zie theme/huisstijl.yml).", file=sys.stderr)
    return written

