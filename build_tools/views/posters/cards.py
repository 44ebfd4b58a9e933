"""Social cards: a page's 1200x630 preview image (og:image), drawn by the `kaart` poster
definition with the page's section, title and subtitle, rasterised in parallel and cached by
content."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from build_tools.build.cache import CARDS, Kept, card_key, digest
from build_tools.build.publish import write_atomic
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue
from build_tools.housestyle.tokens import Style
from build_tools.views.posters.inputs import checked_definitions as _checked_definitions
from build_tools.views.posters.inputs import font_paths as _font_paths
from build_tools.views.posters.inputs import pdf_epoch as _epoch
from build_tools.views.posters.kinds import Card, Job
from build_tools.views.posters.memo import context_key
from build_tools.views.posters.raster import (
    Task,
    cache_get,
    cache_key,
    cache_put,
    shared_rasteriser,
)
from build_tools.views.posters.render import DEFAULT_DIR, compose
from build_tools.views.posters.scene import masthead


@dataclass(frozen=True)
class SocialCard:
    """A page's social image: `path` without extension, relative to the output folder."""

    path: str
    title: str
    subtitle: str = ""
    section: str = ""


def _card_job(posters_dir: Path | None) -> Job:
    defs = _checked_definitions(posters_dir)
    card = next((d for d in defs if d.kind == "kaart"), None)
    if card is None:
        raise ContentError([no_card_definition()])
    return Job(card, "kaart")


def no_card_definition() -> Issue:
    return Issue("posters/kaart.yml", 1, 1, "DP010",
                 "er is geen posterdefinitie van soort `kaart` voor de deelafbeeldingen",
                 "voeg posters/kaart.yml toe, of zet `sociale_kaarten: false` bij de plugin in "
                 "mkdocs.yml")


def social_card_svg(model: Datavisie, style: Style, *, title: str, subtitle: str = "",
                    section: str = "", posters_dir: Path | None = None) -> str:
    """A 1200x630 card as SVG. Long texts are shortened with an ellipsis (a preview image;
    the page carries the full text), so this never raises for content length."""
    return _card_svg(model, style, _card_job(posters_dir), Card(title, subtitle, section),
                     posters_dir=posters_dir, embed=True)


def _card_svg(model: Datavisie, style: Style, job: Job, card: Card, *,
              posters_dir: Path | None, embed: bool) -> str:
    svg, _ = compose(model, style, job, posters_dir=posters_dir, card=card, embed=embed)
    return svg


def social_cards(model: Datavisie, style: Style, cards: Sequence[SocialCard], *,
                 out_dir: Path, cache_dir: Path | None = None,
                 posters_dir: Path | None = None) -> list[Path]:
    """Write `<out_dir>/<card.path>.png` for every card, in parallel, cached by content."""
    fonts = _font_paths(style)
    epoch = _epoch(model)
    rasteriser = None
    pending: list[tuple[Path, Future[tuple[bytes, float]], str]] = []
    written = []
    job = _card_job(posters_dir)  # read the definitions once, not once per page
    manifest = Kept(cache_dir, CARDS)
    # a card is made of the masthead and its own texts only (card.py): its key needs no layout
    context = digest(context_key(style, posters_dir or DEFAULT_DIR, fonts, epoch),
                     repr(masthead(model))) if cache_dir else ""
    for card in sorted(cards, key=lambda c: c.path):
        target = out_dir / f"{card.path}.png"
        inputs = card_key(context, card.title, card.subtitle, card.section)
        known = manifest.get(inputs) if cache_dir else None
        cached = cache_get(cache_dir, known, "png") if isinstance(known, str) else None
        if cached is None:
            # Only the PNG is published: no font subsets in its SVG (~90% of a card's time).
            svg = _card_svg(model, style, job, Card(card.title, card.subtitle, card.section),
                            posters_dir=posters_dir, embed=False)
            task = Task(svg.encode("utf-8"), "png", 96)
            key = cache_key(task, fonts, epoch)
            manifest.put(inputs, key)
            cached = cache_get(cache_dir, key, "png")
            if cached is None:
                rasteriser = rasteriser or shared_rasteriser(fonts, epoch=epoch)
                pending.append((target, rasteriser.submit(task), key))
                continue
        write_atomic(target, cached)
        written.append(target)
    for target, future, key in pending:
        data, _ = future.result()
        cache_put(cache_dir, key, "png", data)
        write_atomic(target, data)
        written.append(target)
    manifest.save()
    return sorted(written)


def social_card_png(model: Datavisie, style: Style, *, title: str, subtitle: str = "",
                    section: str = "", cache_dir: Path | None = None,
                    posters_dir: Path | None = None) -> bytes:
    svg = _card_svg(model, style, _card_job(posters_dir), Card(title, subtitle, section),
                    posters_dir=posters_dir, embed=False)
    task = Task(svg.encode("utf-8"), "png", 96)
    fonts = _font_paths(style)
    epoch = _epoch(model)
    key = cache_key(task, fonts, epoch)
    cached = cache_get(cache_dir, key, "png")
    if cached is not None:
        return cached
    data, _ = shared_rasteriser(fonts, epoch=epoch).submit(task).result()
    cache_put(cache_dir, key, "png", data)
    return data
