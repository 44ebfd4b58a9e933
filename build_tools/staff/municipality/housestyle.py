"""The starting house style of a new municipality, from one brand colour: every colour pair the
house-style check asks for (WCAG AA in light and dark mode) is met by construction, and a
neutral logo carries the name until the municipality puts in its own. Pure: answers -> text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from build_tools.housestyle.colour import (
    BLACK,
    WHITE,
    contrast_ratio,
    mix,
    parse_colour,
    text_on,
)

DEFAULT_BRAND = "#1f5f8b"
LIGHT = {"achtergrond": WHITE, "tekst": "#1f2328", "tekst_zacht": "#4b5563"}
DARK = {"achtergrond": "#111820", "vlak": "#1b2430", "tekst": "#e6edf3",
        "tekst_zacht": "#b4c0cc"}
TEXT = 4.6  # 4.5 with a margin against rounding
GRAPHIC = 3.1

# Colours for statuses, themes and charts that meet 3:1 on both backgrounds above.
STATUS_MILESTONES = {"gepland": "#5b6b7a", "loopt": "#0a78b4", "gereed": "#2e7d32",
                     "vertraagd": "#c62828", "vervallen": "#757575"}
STATUS_PROJECTS = {"verkenning": "#7b5ea7", "pilot": "#00838f", "in-gebruik": "#2e7d32",
                   "buiten-gebruik": "#757575"}
THEME_COLOURS = ("#a0488f", "#0077a3", "#b8501f", "#3b8040", "#6a5acd", "#a65a2e",
                 "#00838f", "#d81b60")
SERIES = {"nulmeting": "#76879a", "meting": "#0070c0", "ambitie": "#c4600f"}


def towards(colour: str, target: str, backgrounds: Sequence[str], needed: float) -> str:
    """`colour` moved step by step towards `target` (black or white) until it reaches
    `needed` against every background."""
    for step in range(101):
        candidate = mix(target, colour, step / 100)
        if all(contrast_ratio(candidate, b) >= needed for b in backgrounds):
            return candidate
    return target


@dataclass(frozen=True)
class Palette:
    asked: str  # the colour given with --kleur
    light: dict[str, str]
    dark: dict[str, str]

    @property
    def adjusted(self) -> bool:
        """Whether the brand colour had to be darkened to carry headings on white."""
        return self.light["merk"] != self.asked


def palette(colour: str | None) -> Palette:
    asked = parse_colour(colour or DEFAULT_BRAND)
    if asked is None:
        raise ValueError(f"{colour!r} is geen kleur; schrijf bijvoorbeeld #1f5f8b")
    brand = towards(asked, BLACK, [WHITE], GRAPHIC)  # headings in the brand colour on white
    vlak = mix(brand, WHITE, 0.07)
    light = {"merk": brand, "tekst_op_merk": text_on(brand), **LIGHT, "vlak": vlak}
    light["tekst_zacht"] = towards(light["tekst_zacht"], BLACK, [WHITE, vlak], TEXT)
    light["link"] = light["accent"] = towards(brand, BLACK, [WHITE, vlak], TEXT)
    dark_brand = towards(mix(brand, BLACK, 0.6), BLACK, [WHITE], 7.0)
    dark = {"merk": dark_brand, "tekst_op_merk": text_on(dark_brand), **DARK}
    dark["link"] = dark["accent"] = towards(brand, WHITE, [DARK["achtergrond"], DARK["vlak"]],
                                            TEXT)
    return Palette(asked, light, dark)


def _colours(values: dict[str, str], indent: str = "  ") -> str:
    return "\n".join(f'{indent}{k}: "{v}"' for k, v in values.items())


def huisstijl_yml(naam: str, p: Palette, theme_ids: Sequence[str]) -> str:
    themes = "\n".join(f'  {tid}: "{THEME_COLOURS[i % len(THEME_COLOURS)]}"'
                       for i, tid in enumerate(theme_ids))
    reserve = "\n".join(f'  - "{c}"' for c in THEME_COLOURS[len(theme_ids):] or THEME_COLOURS)
    return f"""# Huisstijl van de datavisie van {naam}: kleuren, letters, logo en maten van
# de website én de posters. Wijzig een waarde en bouw opnieuw; je hoeft geen code aan te passen.
#
# - Een kleur schrijf je als "#rrggbb" TUSSEN AANHALINGSTEKENS (anders is # een opmerking).
# - Paden (letters, logo) zijn relatief aan deze map (theme/) en mogen de map niet uit.
# - De bouw controleert het contrast (WCAG AA): tekst 4,5 : 1, grafische elementen 3 : 1.
#   Haalt een kleur dat niet, dan zegt `datavisie check` welk paar en hoeveel het nu is.
# Gemaakt door `datavisie nieuw gemeente` uit de hoofdkleur {p.asked}.

naam: {naam}

# Lichte weergave (website en posters).
kleuren:
{_colours(p.light)}

# Donkere weergave van de website (de lezer kiest die zelf).
donker:
{_colours(p.dark)}

# Status van mijlpalen (routekaart) en projecten (register): 3 : 1 op licht en donker.
status:
  mijlpalen:
{_colours(STATUS_MILESTONES, "    ")}
  projecten:
{_colours(STATUS_PROJECTS, "    ")}

# Eén kleur per thema (de bestandsnaam in content/themas/, zonder .md).
themas:
{themes}

# Reservekleuren voor thema's die hierboven niet staan, op volgorde.
themas_reserve:
{reserve}

# De reeksen in de grafiek van de metingen.
reeksen:
{_colours(SERIES)}

# Letters: per gewicht een TTF- of OTF-bestand, met de licentie ernaast in fonts/.
# Na het vervangen van een letter: `datavisie lettertypen`.
lettertypen:
  tekst:
    bestanden:
      normaal: fonts/OpenSans-Regular.ttf
      cursief: fonts/OpenSans-Italic.ttf
      halfvet: fonts/OpenSans-Semibold.ttf
      vet: fonts/OpenSans-Bold.ttf
  koppen:
    gewicht: halfvet
  code: {{}}

# Logo's (SVG). `volledig`: beeldmerk met naam, voor posters. `beeldmerk`: vierkant, voor de
# kopbalk van de website en het tabblad (favicon).
logo:
  volledig: logo.svg
  beeldmerk: beeldmerk.svg

# Maten in pixels.
maten:
  ruimte:
    xs: 4
    s: 8
    m: 16
    l: 24
    xl: 48
  hoek: 6
"""


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0].upper() for w in words[:2]) or "D"


def mark_svg(korte_naam: str, p: Palette) -> str:
    """A neutral square mark: the initials in the brand colour (a placeholder for the real
    logo; replace theme/beeldmerk.svg)."""
    fg, bg = p.light["tekst_op_merk"], p.light["merk"]
    letters = escape(initials(korte_naam))
    size = 30 if len(letters) == 1 else 24
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
  <rect width="64" height="64" rx="10" fill="{bg}"/>
  <rect x="4" y="4" width="56" height="56" rx="7" fill="none" stroke="{fg}" stroke-width="2"/>
  <text x="32" y="{32 + size * 0.36:.1f}" text-anchor="middle" font-family="Open Sans, sans-serif"
    font-weight="600" font-size="{size}" fill="{fg}">{letters}</text>
</svg>
"""


def logo_svg(naam: str, korte_naam: str, p: Palette) -> str:
    """The mark with the name beside it, for posters (replace theme/logo.svg)."""
    text = escape(naam)
    width = 88 + round(len(naam) * 17.5)
    mark = mark_svg(korte_naam, p).split("\n", 1)[1].rsplit("</svg>", 1)[0]
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} 64" width="{width}"
  height="64">
{mark}  <text x="80" y="42" font-family="Open Sans, sans-serif" font-weight="600" font-size="28"
    fill="{p.light['tekst']}">{text}</text>
</svg>
"""
