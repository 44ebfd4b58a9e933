"""The site's non-page files: the house-style CSS and fonts (from style.py), the logo, the
model-specific CSS (a colour class per theme, the filter rules), and our static CSS and JS."""

from __future__ import annotations

from importlib import resources

from build_tools.housestyle.colour import text_on
from build_tools.housestyle.css import css as style_css
from build_tools.housestyle.css import font_assets
from build_tools.views.website.context import SiteContext
from build_tools.views.website.filters import FilterGroup, filter_css
from build_tools.views.website.page import Asset

STYLE_CSS = "assets/stylesheets/huisstijl.css"
CONTENT_CSS = "assets/stylesheets/datavisie-inhoud.css"
STATIC = {  # package file -> site path
    "datavisie.css": "assets/stylesheets/datavisie.css",
    "versies.css": "assets/stylesheets/versies.css",  # versions, redlines, concept banners
    "datavisie.js": "assets/javascripts/datavisie.js",
    # Material's inline scripts as a file, loaded by overrides/partials/javascripts/
    "datavisie-material.js": "assets/javascripts/datavisie-material.js",
}
LOGO = "assets/images/logo.svg"
MARK = "assets/images/beeldmerk.svg"


def content_css(ctx: SiteContext, filters: dict[str, tuple[FilterGroup, ...]]) -> str:
    lines = ["/* Gemaakt uit de inhoud (thema's) en huisstijl.yml: niet met de hand wijzigen. */"]
    for theme in ctx.model.themas:
        colour = ctx.theme_colour(theme.id)
        if colour is None:
            continue
        lines.append(f".dv-thema--{theme.id} {{ --dv-kleur: {colour}; "
                     f"--dv-op-kleur: {text_on(colour)}; }}")
    for target, groups in sorted(filters.items()):
        lines.append(filter_css(target, groups).rstrip("\n"))
    return "\n".join(lines) + "\n"


def static_assets() -> list[Asset]:
    here = resources.files(__package__).joinpath("static")
    return [Asset(path, here.joinpath(name).read_bytes()) for name, path in STATIC.items()]


def style_assets(ctx: SiteContext) -> list[Asset]:
    """House-style CSS, web fonts and logos; nothing without a style."""
    style = ctx.style
    if style is None:
        return []
    themes = [t.id for t in ctx.model.themas]  # the public ones, in a public build
    out = [Asset(STYLE_CSS, style_css(style, css_path=STYLE_CSS, themes=themes).encode())]
    fonts = font_assets(style, cache_dir=ctx.font_cache)
    out += [Asset(path, data) for path, data in sorted(fonts.items())]
    out += [Asset(LOGO, style.logo.svg.encode()), Asset(MARK, style.mark.svg.encode())]
    return out


def stylesheets(ctx: SiteContext) -> tuple[str, ...]:
    first = (STYLE_CSS,) if ctx.style is not None else ()
    return (*first, STATIC["datavisie.css"], STATIC["versies.css"], CONTENT_CSS)


def scripts() -> tuple[str, ...]:
    return (STATIC["datavisie.js"],)
