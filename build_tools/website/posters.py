"""The posters page (/posters/): every poster with its thumbnail and downloads. Only posters
whose files exist in the output are passed in, so the page never links to a missing file."""

from __future__ import annotations

from .context import POSTERS, SiteContext
from .html import esc, link
from .page import Blocks, Linker, SitePage


def posters_page(ctx: SiteContext) -> SitePage | None:
    if not ctx.posters:
        return None
    to = Linker(POSTERS, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    items = []
    for poster in ctx.posters:
        thumb = (f'<a href="{esc(to(poster.files[0][1]))}"><img src="{esc(to(poster.thumbnail))}"'
                 f' alt="Voorbeeld van de poster {esc(poster.title)}" loading="lazy"></a>'
                 if poster.thumbnail and poster.files else "")
        files = " · ".join(link(to(path), label) for label, path in poster.files)
        items.append(f'<li class="dv-poster">{thumb}<p class="dv-poster__titel">'
                     f'{esc(poster.title)}</p><p class="dv-klein">{files}</p></li>')
    intro = ("Van de visie en de routekaart maken we posters in de huisstijl. U kunt ze "
             "bekijken, downloaden en afdrukken.")
    posters = f'<ul class="dv-posters">{"".join(items)}</ul>'
    markdown = f"# Posters\n\n{intro}\n" + blocks.add(posters)
    return SitePage(path=POSTERS, title="Posters", markdown=markdown, section="Visie",
                    updated=ctx.vision_updated, description=intro, blocks=blocks.blocks)
