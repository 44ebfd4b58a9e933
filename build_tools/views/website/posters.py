"""The posters page (/posters/): every poster with its thumbnail and downloads. Only posters
whose files exist in the output are passed in, so the page never links to a missing file."""

from __future__ import annotations

from build_tools.views.website.context import (
    POSTERS,
    ROADMAP,
    VISION,
    PosterLink,
    SiteContext,
    theme_path,
)
from build_tools.views.website.html import esc, link
from build_tools.views.website.page import Blocks, Linker, SitePage


def thumbnail_img(poster: PosterLink, to: Linker, alt: str) -> str:
    """The poster's thumbnail as `<img>`, with its size so the page does not shift while it
    loads ("" when the poster has none)."""
    if not poster.thumbnail:
        return ""
    size = (f' width="{poster.thumbnail_size[0]}" height="{poster.thumbnail_size[1]}"'
            if poster.thumbnail_size else "")
    return f'<img src="{esc(to(poster.thumbnail))}" alt="{esc(alt)}"{size} loading="lazy">'


def poster_page(kind: str, theme: str | None) -> str | None:
    """The page that holds a poster's text, as accessible HTML (None: none does)."""
    if kind == "visie":
        return VISION
    if kind == "routekaart":
        return ROADMAP
    if kind == "thema" and theme:
        return theme_path(theme)
    return None


def posters_page(ctx: SiteContext) -> SitePage | None:
    if not ctx.posters:
        return None
    to = Linker(POSTERS, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    items = []
    for poster in ctx.posters:
        image = thumbnail_img(poster, to, f"Voorbeeld van de poster {poster.title}")
        thumb = (f'<a href="{esc(to(poster.files[0][1]))}">{image}</a>'
                 if image and poster.files else "")
        files = " · ".join(link(to(path), label) for label, path in poster.files)
        text = (f'<p class="dv-poster__tekst">'
                f'{link(to(poster.page), "Lees de tekst van deze poster")}</p>'
                if poster.page else "")
        items.append(f'<li class="dv-poster">{thumb}<p class="dv-poster__titel">'
                     f'{esc(poster.title)}</p>{text}<p class="dv-klein">{files}</p></li>')
    intro = ("Van de visie en de routekaart maken we posters in de huisstijl. U kunt ze "
             "bekijken, downloaden en afdrukken.")
    access = ("Alle tekst van een poster staat ook op een gewone pagina van deze site, die "
              "ook met een schermlezer, vergroot of op een telefoon goed te lezen is: de link "
              "staat bij elke poster. De PDF voor de drukker heeft 3 mm afloop en "
              "snijtekens, zoals een drukkerij vraagt.")
    posters = f'<ul class="dv-posters">{"".join(items)}</ul>'
    markdown = f"# Posters\n\n{intro}\n\n{access}\n" + blocks.add(posters)
    return SitePage(path=POSTERS, title="Posters", markdown=markdown, section="Visie",
                    updated=ctx.vision_updated, description=intro, blocks=blocks.blocks)
