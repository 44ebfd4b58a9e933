"""The house style as one typed value: the design tokens every view reads.

`huisstijl.py` builds a `Style` from theme/huisstijl.yml; `style.py` checks it and turns it
into site assets; posters read it directly. Field names are English, tokens in YAML Dutch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_tools.housestyle.fonts import FontFace

MILESTONE_STATUSES = ("gepland", "loopt", "gereed", "vertraagd", "vervallen")
PROJECT_STATUSES = ("verkenning", "pilot", "in-gebruik", "buiten-gebruik")
SERIES = ("nulmeting", "meting", "ambitie")
SPACES = ("xs", "s", "m", "l", "xl")


@dataclass(frozen=True)
class Palette:
    """The colours of one colour scheme (light, or dark for the site's `slate`)."""

    brand: str
    on_brand: str
    accent: str
    text: str
    text_muted: str
    background: str
    surface: str
    link: str


@dataclass(frozen=True)
class FontFamily:
    """The faces of one family that the house style bundles, lightest first."""

    family: str
    faces: tuple[FontFace, ...]

    def face(self, weight: int = 400, *, italic: bool = False) -> FontFace:
        """The bundled face nearest to `weight`, preferring the asked style."""
        return min(self.faces, key=lambda f: (f.italic != italic, abs(f.weight - weight)))


@dataclass(frozen=True)
class Fonts:
    text: FontFamily
    heading: FontFamily
    heading_weight: int
    code: FontFamily | None  # None: the reader's system monospace
    # Fallback fonts for posters (theme/fonts/reserve/, in name order): characters the house
    # font lacks (an emoji, a symbol) are drawn with the first of these that has them.
    reserve: tuple[Path, ...] = ()

    def faces(self) -> tuple[FontFace, ...]:
        """Every bundled face once, in a stable order."""
        seen: dict[Path, FontFace] = {}
        for family in (self.text, self.heading, self.code):
            for face in family.faces if family else ():
                seen.setdefault(face.path, face)
        return tuple(seen.values())


@dataclass(frozen=True)
class Logo:
    path: Path
    svg: str


@dataclass(frozen=True)
class Style:
    """Every design token of one municipality, checked (contrast included)."""

    name: str
    light: Palette
    dark: Palette
    milestone_status: Mapping[str, str]
    project_status: Mapping[str, str]
    themes: Mapping[str, str]
    theme_fallback: tuple[str, ...]
    series: Mapping[str, str]
    fonts: Fonts
    logo: Logo  # full logo (mark + name), for light backgrounds
    mark: Logo  # the mark alone, square: site header and favicon
    spacing: Mapping[str, int]  # px, keys SPACES
    radius: int  # px

    def theme_colour(self, theme_id: str, order: Sequence[str]) -> str:
        """A theme's own colour; else the next spare colour: the first theme in `order` (all
        theme ids, in `volgorde`) without a colour of its own gets the first spare, and so on."""
        own = self.themes.get(theme_id)
        if own:
            return own
        without = [t for t in order if not self.themes.get(t)]
        index = without.index(theme_id) if theme_id in without else len(without)
        return self.theme_fallback[index % len(self.theme_fallback)]

    def status_colour(self, status: str) -> str:
        """Colour of a milestone or project status (the two sets do not overlap)."""
        return {**self.milestone_status, **self.project_status}[status]
