"""The page on the national Algoritmeregister (/algoritmeregister/): which of our public
algorithms are in the national register, with a link to each entry once its Algoritme-ID
(`lars`) or its address there (`registratie`) is recorded, and each algorithm's description in
the register's own format (the /data/algoritmeregister/ downloads)."""

from __future__ import annotations

from build_tools.content import labels
from build_tools.content.model import Project
from build_tools.views.algoritmeregister.entry import (
    ALL_FILE,
    FOLDER,
    REGISTER_HOME,
    register_link,
)
from build_tools.views.website.context import SiteContext, algorithm_export_path, project_path
from build_tools.views.website.html import esc, link, md_text, status_badge
from build_tools.views.website.page import Blocks, Linker, SitePage

PATH = "algoritmeregister.md"


def _row(ctx: SiteContext, p: Project, to: Linker) -> str:
    a = p.algoritme
    assert a is not None
    national = register_link(a)
    if national:
        # the accessible name starts with the visible text (WCAG 2.5.3), then says which
        where = link(national, "Bekijk in het register",
                     **{"aria-label": f"Bekijk in het register: {p.naam}"})
        sort = "ja"
    else:
        where, sort = '<span class="dv-klein">Nog niet</span>', "nee"
    cells = [
        f'<th scope="row" data-sorteer="{esc(p.naam.lower())}">'
        f'{link(to(project_path(p.id)), p.naam)}</th>',
        f'<td data-kop="Status">{status_badge(p.status, kind="project")}</td>',
        f'<td data-kop="Publicatiecategorie">'
        f'{esc(labels.PUBLICATION_CATEGORY[a.publicatiecategorie])}</td>',
        f'<td data-kop="In het landelijke register" data-sorteer="{sort}">{where}</td>',
    ]
    if ctx.downloads:
        json_link = link(to(algorithm_export_path(p.id)), "JSON",
                         **{"aria-label": f"JSON: {p.naam}"})
        cells.append(f'<td data-kop="Beschrijving">{json_link}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def algorithms_page(ctx: SiteContext) -> SitePage | None:
    """None when the register has no algorithm: then there is nothing to show."""
    found = [p for p in ctx.sorted_projects() if p.algoritme is not None]
    if not found:
        return None
    to = Linker(PATH, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    listed = sum(1 for p in found if p.algoritme and register_link(p.algoritme))
    n = len(found)
    heads = ["Algoritme", "Status", "Publicatiecategorie", "In het landelijke register"]
    heads += ["Beschrijving"] if ctx.downloads else []
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    table = ('<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--stapel">'
             f"<caption>Onze {n} algoritmes en het landelijke Algoritmeregister</caption>"
             f"<thead><tr>{head}</tr></thead>"
             f"<tbody>{''.join(_row(ctx, p, to) for p in found)}</tbody></table></div>")
    org = ctx.model.organisatie.korte_naam
    intro = (f"Overheden beschrijven hun algoritmes in het landelijke "
             f"[Algoritmeregister]({REGISTER_HOME}). Hier ziet u welke algoritmes van "
             f"{md_text(org)} daar al staan. Van de {n} algoritmes in ons "
             f"[register](projecten/index.md) staan er {listed} in het landelijke register.\n")
    parts = ["# Algoritmeregister\n\n", intro, "\n", blocks.add(table), "\n"]
    if ctx.downloads:
        parts.append(
            "\n## Beschrijvingen\n\nElk algoritme is ook te downloaden in het formaat van het "
            "landelijke register (publicatiestandaard 1.0), zodat wij het zonder overtypen "
            "kunnen aanleveren en u het kunt vergelijken.\n\n")
        parts.append(blocks.add(
            '<ul class="dv-downloads">'
            f'<li>{link(to(f"{FOLDER}/{ALL_FILE}"), "Alle algoritmes in één bestand (JSON)")}'
            "</li></ul>"))
    return SitePage(path=PATH, title="Algoritmeregister", nav_title="Algoritmeregister",
                    markdown="".join(parts), source=None, updated=ctx.updated,
                    hide=("navigation", "toc"),
                    description=f"Welke algoritmes van {org} in het landelijke "
                                "Algoritmeregister staan.", blocks=blocks.blocks)

