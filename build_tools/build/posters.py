"""The posters of a site build: which ones the site links (the project's definitions, the
plugin's `posters:`), whether their content fits (checked before any page is built), rendering
them and the social cards into the output, and which poster files only the internal site has
(the leak rule's exception for the public one)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from build_tools.build import cache
from build_tools.build.cache import Digests
from build_tools.content.model import Datavisie
from build_tools.errors import Issue, raise_for_errors
from build_tools.housestyle.tokens import Style
from build_tools.views.website import PosterLink, SitePage
from build_tools.views.website.page import card_name, page_url
from build_tools.views.website.posters import poster_page

SOCIAL = "assets/social"  # one 1200x630 preview image per page
FORMATS = ("pdf", "png", "svg")  # linked from the poster page
FILE_ENDS = (".svg", ".png", ".pdf", "-klein.png")  # what a poster puts in posters/


@dataclass(frozen=True)
class PosterPlan:
    links: tuple[PosterLink, ...] = ()  # the posters the site renders and links
    warnings: tuple[Issue, ...] = ()  # of their content (reported with the others)
    posters_dir: Path | None = None  # the project's own poster definitions


def plan(model: Datavisie, style: Style, *, enabled: bool, posters_dir: Path | None,
         cache_dir: Path | None, digests: Digests | None = None) -> PosterPlan:
    """The posters the site will link to; ContentError when their content does not fit."""
    if not enabled:
        return PosterPlan(posters_dir=posters_dir)
    from build_tools.views import posters

    warnings = raise_for_errors(posters.check_fit(model, style, posters_dir=posters_dir,
                                                  cache_dir=cache_dir, digests=digests))
    links = tuple(
        PosterLink(p.name, p.title, (
            *((fmt.upper(), f"posters/{p.name}.{fmt}") for fmt in FORMATS),
            ("PDF voor de drukker", f"posters/{p.name}-drukwerk.pdf")),
            thumbnail=f"posters/{p.name}-klein.png", thumbnail_size=p.thumbnail_size,
            page=poster_page(p.kind, p.theme))
        for p in posters.poster_list(model, posters_dir=posters_dir))
    return PosterPlan(links, tuple(warnings), posters_dir)


def card_path(page: SitePage, *, directory_urls: bool) -> str:
    """Where a page's social card is, relative to the site."""
    url = page_url(page.path, directory_urls=directory_urls)
    return f"{SOCIAL}/{card_name(url)}.png"


def render(out: Path, chosen: PosterPlan, model: Datavisie, style: Style,
           pages: Iterable[SitePage], *, cards: bool, directory_urls: bool,
           cache_dir: Path | None, digests: Digests | None = None) -> None:
    """The linked posters into out/posters/, and with `cards` a social card per page."""
    from build_tools.views import posters

    kept = (lambda name: cache_dir / name) if cache_dir is not None else (lambda name: None)
    if chosen.links:
        posters.render_all(model, style, out_dir=out / "posters", cache_dir=kept(cache.POSTERS),
                           posters_dir=chosen.posters_dir, digests=digests)
    if cards:
        made = [posters.SocialCard(card_name(page_url(p.path, directory_urls=directory_urls)),
                                   p.title, p.description, p.section or "") for p in pages]
        posters.social_cards(model, style, made, out_dir=out / SOCIAL,
                             cache_dir=kept(cache.SOCIAL), posters_dir=chosen.posters_dir)


def internal_files(full: Datavisie, public: Datavisie, chosen: PosterPlan) -> list[str]:
    """The poster files of the full model that the public one does not have: the public site
    may hold none of them (they are names the leak scan looks for)."""
    if not chosen.links:
        return []
    from build_tools.views import posters

    shown = {p.name for p in posters.poster_list(public, posters_dir=chosen.posters_dir)}
    return [f"posters/{p.name}{end}"
            for p in posters.poster_list(full, posters_dir=chosen.posters_dir)
            if p.name not in shown for end in FILE_ENDS]
