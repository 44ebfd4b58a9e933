"""The home page: the core message, the themes as tiles, roadmap and register at a glance,
the version that applies with its decision, and the posters."""

from __future__ import annotations

from build_tools.content import labels
from build_tools.views.website.context import (
    HOME,
    POSTERS,
    REGISTER,
    ROADMAP,
    VERSIONS,
    VISION,
    SiteContext,
    compare_path,
)
from build_tools.views.website.html import esc, link, status_badge
from build_tools.views.website.page import Blocks, Linker, SitePage
from build_tools.views.website.posters import thumbnail_img
from build_tools.views.website.roadmap import progress_bar
from build_tools.views.website.versions import decision_text, pending
from build_tools.views.website.vision import theme_tiles


def _hero(ctx: SiteContext, to: Linker) -> str:
    org, vision = ctx.model.organisatie, ctx.editions.shown
    buttons = (
        f'<a class="md-button md-button--primary" href="{esc(to(VISION))}">Lees de visie</a>'
        f'<a class="md-button" href="{esc(to(ROADMAP))}">Bekijk de routekaart</a>'
        f'<a class="md-button" href="{esc(to(REGISTER))}">Projecten en algoritmes</a>')
    return (f'<div class="dv-hero"><p class="dv-hero__org">{esc(org.naam)}</p>'
            f'<h1 class="dv-hero__titel">{esc(vision.titel or ctx.model.visie.titel)}</h1>'
            f'<p class="dv-hero__kern">{esc(vision.kernboodschap)}</p>'
            f'<p class="dv-hero__knoppen">{buttons}</p></div>')


def _projects_glance(ctx: SiteContext, to: Linker) -> str:
    projects = ctx.model.projecten
    counts = {s: sum(1 for p in projects if p.status == s) for s in labels.PROJECT_STATUS}
    items = "".join(
        f'<li>{status_badge(s, kind="project")} {n}</li>' for s, n in counts.items() if n)
    n_alg = sum(1 for p in projects if p.algoritme)
    return (f'<div class="dv-voortgang"><p class="dv-voortgang__kop">{len(projects)} projecten, '
            f"waarvan {n_alg} met een algoritme.</p>"
            f'<ul class="dv-voortgang__legenda">{items}</ul>'
            f'<p>{link(to(REGISTER), "Naar het register")}</p></div>')


def _version(ctx: SiteContext, to: Linker) -> str:
    ed = ctx.editions
    edition = ed.in_force
    if edition is not None and edition.version is not None:
        text = (f"Versie {esc(edition.number)} geldt. Deze versie is "
                f"{decision_text(edition.version)}.")
        if ed.concept is not None:
            text += " " + pending(ed.concept)
    elif ed.status.missing is not None:
        text = (f"Versie {esc(ed.status.missing.versie)} is vastgesteld, maar de tekst ervan "
                "ontbreekt in deze publicatie. De site toont de huidige werktekst als "
                "<strong>concept</strong>.")
    else:
        text = ("De visie is nog een <strong>concept</strong>. Er is nog geen versie "
                "vastgesteld.")
    links = [link(to(VERSIONS), "Alle versies en besluiten")]
    pair = ed.concept_pair
    if pair is not None:
        links.append(link(to(compare_path(pair.old.slug, pair.new.slug)),
                          "Bekijk wat het concept verandert"))
    return f'<div class="dv-kader"><p>{text}</p><p>{" · ".join(links)}</p></div>'


def _posters(ctx: SiteContext, to: Linker) -> str:
    items = []
    for poster in ctx.posters:
        thumb = thumbnail_img(poster, to, "")
        files = " · ".join(link(to(path), label) for label, path in poster.files)
        items.append(f'<li class="dv-poster">{thumb}<p class="dv-poster__titel">'
                     f'{esc(poster.title)}</p><p class="dv-klein">{files}</p></li>')
    return (f'<ul class="dv-posters">{"".join(items)}</ul>'
            f'<p>{link(to(POSTERS), "Alle posters")}</p>')


def home_page(ctx: SiteContext, *, with_posters_page: bool) -> SitePage:
    to = Linker(HOME, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    parts = [blocks.add(_hero(ctx, to)),
             "\n## Onze thema's\n", blocks.add(theme_tiles(ctx, to)),
             "\n## Waar we staan\n",
             blocks.add('<div class="dv-twee"><div>' + progress_bar(ctx)
                        + f'<p>{link(to(ROADMAP), "Naar de routekaart")}</p></div>'
                        + _projects_glance(ctx, to) + "</div>")]
    if ctx.model.versies:
        parts += ["\n## Welke versie geldt\n", blocks.add(_version(ctx, to))]
    if ctx.posters and with_posters_page:
        parts += ["\n## Posters\n", blocks.add(_posters(ctx, to))]
    return SitePage(
        path=HOME, title=ctx.editions.shown.titel or ctx.model.visie.titel, nav_title="Home",
        markdown="".join(parts),
        source=ctx.model.visie.path, updated=ctx.vision_updated,
        description=ctx.editions.shown.kernboodschap, hide=("navigation", "toc"),
        blocks=blocks.blocks)
