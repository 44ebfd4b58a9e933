"""House style as data: theme/huisstijl.yml -> `Style` tokens -> site CSS, web fonts, posters.

`load_style` is the one edge here: it reads the theme folder (via `huisstijl.py`), checks the
declared colour pairs against WCAG AA in light and dark mode, and raises one StyleError with
every problem. `css` and `font_assets` turn a Style into site assets; posters read the Style.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.content.yamlio import read_yaml, special_files
from build_tools.errors import Issue, Pos, StyleError, raise_for_errors
from build_tools.housestyle.colour import (
    BLACK,
    WHITE,
    contrast_ratio,
    format_ratio,
    hue,
    is_darker,
    mix,
    text_on,
)
from build_tools.housestyle.fonts import FontFace, woff2_cached
from build_tools.housestyle.read import read_huisstijl
from build_tools.housestyle.tokens import FontFamily, Fonts, Logo, Palette, Style

__all__ = [
    "ContrastProblem", "FontFamily", "Fonts", "Logo", "Palette", "Style", "check_contrast",
    "contrast_ratio", "css", "font_assets", "load_style", "text_on",
]

STYLE_FILE = "huisstijl.yml"
CSS_PATH = "assets/stylesheets/huisstijl.css"
FONT_DIR = "assets/fonts"
TEXT_MIN = 4.5  # WCAG 1.4.3, normal text
GRAPHIC_MIN = 3.0  # WCAG 1.4.11, graphics and large text
# Text pairs checked at 4.5:1 in both modes: (foreground, background) palette tokens.
TEXT_PAIRS = (
    ("tekst", "achtergrond"), ("tekst_zacht", "achtergrond"), ("link", "achtergrond"),
    ("accent", "achtergrond"), ("tekst", "vlak"), ("tekst_zacht", "vlak"), ("link", "vlak"),
    ("tekst_op_merk", "merk"),
)


def load_style(theme_dir: Path, root: Path) -> Style:
    """Read and check `theme_dir/huisstijl.yml`; raise StyleError with all issues found when
    any is an error (`load_style_checked` also returns the warnings).

    `root` is the project root: positions in messages are relative to it."""
    return load_style_checked(theme_dir, root)[0]


def load_style_checked(theme_dir: Path, root: Path) -> tuple[Style, tuple[Issue, ...]]:
    rel_dir = _rel(theme_dir, root)
    special = special_files(theme_dir, root)
    if special:  # fonts, the logo and the overrides are read by tools a pipe would block
        raise StyleError(special)
    node, issues = read_yaml(theme_dir / STYLE_FILE, f"{rel_dir}/{STYLE_FILE}")
    if node is None:
        raise StyleError(issues or [Issue(f"{rel_dir}/{STYLE_FILE}", 1, 1, "DS012",
                                          "huisstijl.yml is leeg", "vul de huisstijl in")])
    reading = read_huisstijl(node, theme_dir, rel_dir)
    contrast = [_contrast_issue(p, reading.where) for p in check_contrast(reading.colours)]
    warnings = raise_for_errors(reading.issues + contrast, StyleError)
    if reading.style is None:
        raise StyleError(reading.issues + contrast)
    return reading.style, tuple(warnings)


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- contrast ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContrastProblem:
    """A declared pair below its minimum: tokens (e.g. `kleuren.tekst`), colours, ratios."""

    foreground: str
    background: str
    fg_colour: str
    bg_colour: str
    ratio: float
    needed: float

    def describe(self) -> str:
        dark = " in de donkere weergave" if self.background.startswith("donker.") else ""
        return (f"contrast{dark} tussen {_label(self.foreground)} ({self.fg_colour}) en "
                f"{_label(self.background)} ({self.bg_colour}) is "
                f"{format_ratio(self.ratio, self.needed)}:1; nodig is {self.needed:g}:1")

    def hint(self) -> str:
        darker = is_darker(self.fg_colour, self.bg_colour)
        if self.fg_colour in (BLACK, WHITE):  # the text cannot go further: move the background
            return f"maak {_label(self.background)} {'lichter' if darker else 'donkerder'}"
        hint = f"maak de kleur van {_label(self.foreground)} {'donkerder' if darker else 'lichter'}"
        if self.needed == GRAPHIC_MIN and not self.foreground.startswith("kleuren."):
            hint += "; let op: deze kleur moet op de lichte én de donkere achtergrond 3:1 halen"
        return hint


def contrast_pairs(colours: Mapping[str, str]) -> Iterator[tuple[str, str, float]]:
    """Every declared (foreground token, background token, minimum ratio) in both modes."""
    graphics = [t for t in colours
                if t.split(".")[0] in ("status", "themas", "themas_reserve", "reeksen")]
    for mode in ("kleuren", "donker"):
        for fg, bg in TEXT_PAIRS:
            yield f"{mode}.{fg}", f"{mode}.{bg}", TEXT_MIN
        for token in graphics:
            yield token, f"{mode}.achtergrond", GRAPHIC_MIN
    yield "kleuren.merk", "kleuren.achtergrond", GRAPHIC_MIN  # brand headings on posters


def check_contrast(colours: Mapping[str, str]) -> list[ContrastProblem]:
    """Pairs below their WCAG AA minimum; pairs with a missing colour are skipped."""
    problems = []
    for fg, bg, needed in contrast_pairs(colours):
        if fg in colours and bg in colours:
            ratio = contrast_ratio(colours[fg], colours[bg])
            if ratio < needed:
                problems.append(ContrastProblem(fg, bg, colours[fg], colours[bg], ratio, needed))
    return problems


def _label(token: str) -> str:
    group, _, rest = token.partition(".")
    return {"status": "status " + rest.rpartition(".")[2], "themas": f"thema {rest}",
            "themas_reserve": f"reservekleur {rest}", "reeksen": f"reeks {rest}"}.get(group, rest)


def _contrast_issue(problem: ContrastProblem, where: Mapping[str, Pos]) -> Issue:
    pos = where.get(problem.foreground) or where[problem.background]
    return Issue.at(pos, "DS010", problem.describe(), problem.hint())


# --- site assets ---------------------------------------------------------------------------


def font_path(face: FontFace) -> str:
    """Where the WOFF2 of a face goes in the site output."""
    return f"{FONT_DIR}/{face.path.stem}.woff2"


def font_assets(style: Style, *, cache_dir: Path | None = None) -> dict[str, bytes]:
    """Site path -> WOFF2 bytes for every bundled face (same TTF, same bytes).

    Faces convert side by side: Brotli at its best setting takes seconds per face on a cold
    cache and releases the GIL while it compresses."""
    faces = style.fonts.faces()
    if len(faces) < 2:
        return {font_path(f): woff2_cached(f.path, cache_dir=cache_dir) for f in faces}
    with ThreadPoolExecutor(max_workers=min(len(faces), os.cpu_count() or 1)) as pool:
        data = list(pool.map(lambda f: woff2_cached(f.path, cache_dir=cache_dir), faces))
    return {font_path(f): d for f, d in zip(faces, data, strict=True)}


def css(style: Style, *, css_path: str = CSS_PATH,
        themes: Iterable[str] | None = None) -> str:
    """The site's house-style CSS: @font-face rules and Material/`--dv-` variables.

    `themes`: the ids of the themes the site shows; only their colours become variables
    (the house style may name an internal theme, whose id the public site must not carry).
    None: every theme the house style names."""
    here = posixpath.dirname(css_path)
    name = style.name.replace("*/", "")
    lines = [f"/* Huisstijl {name}: gemaakt uit huisstijl.yml, niet met de hand wijzigen. */"]
    for face in style.fonts.faces():
        url = posixpath.relpath(font_path(face), here)
        lines += ["@font-face {", f"  font-family: {_quoted(face.family)};",
                  f"  font-style: {'italic' if face.italic else 'normal'};",
                  f"  font-weight: {face.weight};", "  font-display: swap;",
                  f'  src: url("{url}") format("woff2");', "}"]
    fonts = style.fonts
    shared: dict[str, Any] = {"--md-text-font": _quoted(fonts.text.family)}
    if fonts.code:
        shared["--md-code-font"] = _quoted(fonts.code.family)
    shared["--dv-heading-font"] = _quoted(fonts.heading.family)
    shared["--dv-heading-weight"] = fonts.heading_weight
    for status, colour in {**style.milestone_status, **style.project_status}.items():
        shared[f"--dv-status-{status}"] = colour
        shared[f"--dv-on-status-{status}"] = text_on(colour)
    shown = None if themes is None else set(themes)
    for theme_id, colour in style.themes.items():
        if shown is not None and theme_id not in shown:
            continue
        shared[f"--dv-thema-{theme_id}"] = colour
        shared[f"--dv-on-thema-{theme_id}"] = text_on(colour)
    for n, colour in enumerate(style.theme_fallback, start=1):
        shared[f"--dv-thema-reserve-{n}"] = colour
    for series, colour in style.series.items():
        shared[f"--dv-series-{series}"] = colour
    for name, px in style.spacing.items():
        shared[f"--dv-space-{name}"] = f"{px}px"
    shared["--dv-radius"] = f"{style.radius}px"
    lines += _block([":root"], shared)
    lines += _block(['[data-md-color-scheme="default"]',
                     '[data-md-color-scheme="default"][data-md-color-primary]'],
                    _material(style.light))
    lines += _block(['[data-md-color-scheme="slate"]',
                     '[data-md-color-scheme="slate"][data-md-color-primary]'],
                    {"--md-hue": hue(style.dark.background), **_material(style.dark)})
    lines += _block([f".md-typeset {h}" for h in ("h1", "h2", "h3", "h4")],
                    {"font-family": "var(--dv-heading-font), var(--md-text-font-family)",
                     "font-weight": "var(--dv-heading-weight)"})
    return "\n".join(lines) + "\n"


def _quoted(family: str) -> str:
    """A family name from a font file as a CSS string (the file is not trusted to be tidy)."""
    return '"' + "".join(c for c in family if c.isprintable() and c not in '"\\<>{};') + '"'


def _block(selectors: list[str], declarations: Mapping[str, Any]) -> list[str]:
    return [",\n".join(selectors) + " {", *(f"  {k}: {v};" for k, v in declarations.items()), "}"]


def _material(p: Palette) -> dict[str, str]:
    """Material for MkDocs' colour variables, and ours, for one colour scheme."""
    on_accent = text_on(p.accent)
    return {
        "--md-primary-fg-color": p.brand,
        "--md-primary-fg-color--light": mix(p.brand, WHITE, 0.8),
        "--md-primary-fg-color--dark": mix(p.brand, BLACK, 0.8),
        "--md-primary-bg-color": p.on_brand,
        "--md-primary-bg-color--light": p.on_brand + "b3",
        "--md-accent-fg-color": p.accent,
        "--md-accent-fg-color--transparent": p.accent + "1a",
        "--md-accent-bg-color": on_accent,
        "--md-accent-bg-color--light": on_accent + "b3",
        "--md-default-bg-color": p.background,
        "--md-default-bg-color--light": p.background + "b3",
        "--md-default-bg-color--lighter": p.background + "4d",
        "--md-default-bg-color--lightest": p.background + "1f",
        "--md-default-fg-color": p.text,
        "--md-default-fg-color--light": p.text_muted,
        "--md-default-fg-color--lighter": mix(p.text, p.background, 0.32),
        "--md-default-fg-color--lightest": mix(p.text, p.background, 0.07),
        "--md-typeset-color": p.text,
        "--md-typeset-a-color": p.link,
        "--dv-brand": p.brand,
        "--dv-on-brand": p.on_brand,
        "--dv-accent": p.accent,
        "--dv-text": p.text,
        "--dv-text-muted": p.text_muted,
        "--dv-background": p.background,
        "--dv-surface": p.surface,
        "--dv-link": p.link,
    }
