"""The project register (/projecten/): one filterable, sortable table of all projects, and a
page per project (/projecten/<id>/) with every public field, reachable from the register."""

from __future__ import annotations

from build_tools.content import labels
from build_tools.content.model import Project
from build_tools.views.algoritmeregister.entry import register_link
from build_tools.views.website.context import (
    DATA,
    REGISTER,
    ROADMAP,
    SiteContext,
    algorithm_export_path,
    milestone_anchor,
    project_path,
    theme_path,
)
from build_tools.views.website.filters import FilterGroup, filter_form, row_attrs
from build_tools.views.website.html import chips, esc, link, md_text, status_badge, theme_chip
from build_tools.views.website.links import author_markdown
from build_tools.views.website.page import Blocks, Linker, SitePage

SECTION = None
TARGET = "projecten"


def filter_groups(ctx: SiteContext) -> tuple[FilterGroup, ...]:
    return (
        FilterGroup("themas", "Thema", tuple((t.id, t.titel) for t in ctx.model.themas),
                    multi=True),
        FilterGroup("status", "Status", tuple(labels.PROJECT_STATUS.items())),
        FilterGroup("algoritme", "Algoritme", (("ja", "Met algoritme"),
                                               ("nee", "Zonder algoritme"))),
    )


def _yes_no_cell(value: bool, head: str) -> str:
    word = labels.yes_no(value)
    span = f'<span class="dv-janee dv-janee--{word.lower()}">{word}</span>'
    return f'<td data-kop="{head}" data-sorteer="{word}">{span}</td>'


def register_table(ctx: SiteContext, to: Linker) -> str:
    rows = []
    for p in ctx.sorted_projects():
        theme_chips = chips(theme_chip(t, ctx.theme_title(t), to(theme_path(t)))
                            for t in p.themas)
        status_order = list(labels.PROJECT_STATUS).index(p.status)
        rows.append(
            '<tr' + row_attrs({"themas": p.themas, "status": p.status,
                                          "algoritme": "ja" if p.algoritme else "nee"}) + ">"
            f'<th scope="row" data-sorteer="{esc(p.naam.lower())}">'
            f'<a href="{esc(to(project_path(p.id)))}">{esc(p.naam)}</a></th>'
            f'<td data-kop="Thema\'s">{theme_chips}</td>'
            f'<td data-kop="Status" data-sorteer="{status_order}">'
            f'{status_badge(p.status, kind="project")}</td>'
            + _yes_no_cell(p.algoritme is not None, "Algoritme")
            + _yes_no_cell(p.persoonsgegevens, "Persoonsgegevens")
            + f'<td data-kop="DPIA" data-sorteer="{esc(p.dpia)}">'
            f'{esc(labels.DPIA_STATUS[p.dpia])}</td></tr>')
    headers = ["Project", "Thema's", "Status", "Algoritme", "Persoonsgegevens", "DPIA"]
    head = "".join(f'<th scope="col" data-dv-sorteer="{i}">{h}</th>'
                   for i, h in enumerate(headers))
    # dv-tabel--stapel: a card per row on a phone, each value after its column's name
    # (data-kop; datavisie.css)
    table = ('<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--register '
             'dv-tabel--stapel" data-dv-sorteerbaar>'
             f"<caption>Alle {len(rows)} projecten en algoritmes, op naam</caption>"
             f'<thead><tr>{head}</tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table></div>")
    form = filter_form(filter_groups(ctx), target=TARGET, label="Filter de projecten")
    return f'<div class="dv-filterbaar" data-dv-doel="{TARGET}">{form}{table}</div>'


def register_page(ctx: SiteContext) -> SitePage:
    to = Linker(REGISTER, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    n = len(ctx.model.projecten)
    n_alg = sum(1 for p in ctx.model.projecten if p.algoritme)
    intro = (f"In dit register staan alle {n} dataprojecten van de gemeente, ook de projecten "
             f"die zijn gestopt. {n_alg} daarvan gebruiken een algoritme dat helpt bij "
             "beslissingen. Per project leest u het doel, welke gegevens we gebruiken, of daar "
             "persoonsgegevens bij zijn en of we de risico's hebben onderzocht (DPIA).")
    parts = [f"# Projecten en algoritmes\n\n{intro}\n",
             "\nKies een thema, een status of algoritmes om de tabel te filteren. Klik op een "
             "kolomkop om te sorteren.\n",
             blocks.add(register_table(ctx, to))]
    if ctx.downloads:
        parts.append("\n## Downloads\n")
        parts.append(blocks.add(
            '<ul class="dv-downloads">'
            f'<li>{link(to(f"{DATA}/projecten.csv"), "Alle projecten voor Excel")} '
            '<span class="dv-klein">(CSV met puntkomma\'s)</span></li>'
            f'<li>{link(to(f"{DATA}/projecten-komma.csv"), "Alle projecten als CSV")} '
            '<span class="dv-klein">(komma\'s, RFC 4180)</span></li>'
            f'<li>{link(to(f"{DATA}/projecten.json"), "Alle projecten als JSON")}</li>'
            f'<li>{link(to("open-data.md"), "Uitleg van alle downloads en hun velden")}</li>'
            '</ul>'))
    return SitePage(
        path=REGISTER, title="Projecten en algoritmes", nav_title="Projecten",
        markdown="".join(parts), source=None, updated=ctx.updated, hide=("navigation", "toc"),
        description=f"Het openbare register van {n} dataprojecten en algoritmes.",
        blocks=blocks.blocks)


def _facts(rows: list[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="dv-feiten">{items}</dl>'


def _period(p: Project) -> str:
    if p.eind is None:
        return f"Sinds {esc(p.start.label())}"
    return f"{esc(p.start.label())} tot en met {esc(p.eind.label())}"


def _project_facts(ctx: SiteContext, p: Project, to: Linker) -> str:
    themes = chips(theme_chip(t, ctx.theme_title(t), to(theme_path(t))) for t in p.themas)
    algorithm = "Nee"
    if p.algoritme:
        algorithm = f"Ja: {esc(labels.PUBLICATION_CATEGORY[p.algoritme.publicatiecategorie])}"
    return _facts([
        ("Status", status_badge(p.status, kind="project")),
        ("Thema's", themes),
        ("Looptijd", _period(p)),
        ("Eigenaar", esc(p.eigenaar)),
        ("Persoonsgegevens", labels.yes_no(p.persoonsgegevens)),
        ("DPIA", esc(labels.DPIA_STATUS[p.dpia])),
        ("Algoritme", algorithm),
    ])


def _sources(p: Project) -> str:
    rows = "".join(
        f'<tr><td>{link(s.link, s.bron) if s.link else esc(s.bron)}</td>'
        f'<td>{labels.yes_no(s.persoonsgegevens)}</td></tr>' for s in p.gegevens)
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel">'
            f"<caption>Gegevens die het project gebruikt</caption>"
            '<thead><tr><th scope="col">Bron</th><th scope="col">Persoonsgegevens</th></tr>'
            f"</thead><tbody>{rows}</tbody></table></div>")


def _algorithm_facts(ctx: SiteContext, p: Project, to: Linker) -> list[tuple[str, str]]:
    a = p.algoritme
    assert a is not None
    facts = [
        ("Publicatiecategorie", esc(labels.PUBLICATION_CATEGORY[a.publicatiecategorie])),
        ("Soort algoritme", esc(labels.ALGORITHM_KIND[a.soort])),
    ]
    if a.beleidsterrein:
        facts.append(("Beleidsterrein", esc(", ".join(labels.POLICY_AREA[x]
                                                      for x in a.beleidsterrein))))
    if a.in_gebruik_sinds:
        facts.append(("In gebruik sinds", esc(a.in_gebruik_sinds.label())))
    if a.leverancier:
        facts.append(("Leverancier", esc(a.leverancier)))
    if a.broncode:
        facts.append(("Broncode", link(a.broncode, "Bekijk de broncode")))
    if a.verwerkingsregister:
        facts.append(("Verwerkingsregister", link(a.verwerkingsregister,
                                                  "Bekijk de verwerking")))
    national = register_link(a)
    if national:
        shown = link(national, "Bekijk de registratie")
        facts.append(("Landelijk Algoritmeregister",
                      shown + (f" (Algoritme-ID {esc(a.lars)})" if a.lars else "")))
    if ctx.downloads:
        facts.append(("Open data", link(to(algorithm_export_path(p.id)),
                                        "Beschrijving in het formaat van het Algoritmeregister")))
    return facts


def _algorithm_markdown(ctx: SiteContext, p: Project, to: Linker, blocks: Blocks) -> str:
    a = p.algoritme
    assert a is not None
    out = ["\n## Algoritme\n", blocks.add(_facts(_algorithm_facts(ctx, p, to)))]

    def text(title: str, value: str | None, extra: str = "") -> None:
        if value or extra:
            body = author_markdown(ctx.model, value.strip(), source=p.path,
                                   page=project_path(p.id)) if value else ""
            out.append(f"\n### {title}\n\n{body}\n")
            if extra:
                out.append(blocks.add(extra))

    text("Menselijke tussenkomst", a.menselijke_tussenkomst)
    text("Risicobeheer", a.risicobeheer)
    text("Afwegingen", a.afwegingen)
    laws = "".join(f"<li>{link(x.link, x.titel)}</li>" for x in a.wettelijke_basis_links)
    text("Wettelijke basis", a.wettelijke_basis,
         f'<ul class="dv-lijst">{laws}</ul>' if laws else "")
    text("Technische werking", a.technische_werking)
    tests = "".join(f"<li>{link(t.link, t.titel) if t.link else esc(t.titel)}</li>"
                    for t in a.impacttoetsen)
    if tests or a.toelichting_impacttoetsen:
        out.append("\n### Impacttoetsen\n")
        if tests:
            out.append(blocks.add(f'<ul class="dv-lijst">{tests}</ul>'))
        if a.toelichting_impacttoetsen:
            out.append("\n" + author_markdown(ctx.model, a.toelichting_impacttoetsen.strip(),
                                              source=p.path, page=project_path(p.id)) + "\n")
    return "".join(out)


def _council(p: Project) -> str:
    out = ["\n## Vragen voor de raad\n\nDeze vragen kan de raad stellen over dit project.\n"]
    for stage, title in labels.COUNCIL_STAGE.items():
        questions = getattr(p.raadsvragen, stage)
        if questions:
            out.append(f"\n### {title}\n\n" + "\n".join(f"- {md_text(q)}" for q in questions)
                       + "\n")
    return "".join(out)


def _milestones(ctx: SiteContext, p: Project, to: Linker) -> str:
    items = []
    for mid in p.mijlpalen:
        m = ctx.model.routekaart.milestone(mid)
        if m is None:
            continue
        items.append(f'<li>{link(to(ROADMAP, milestone_anchor(m.id)), m.titel)} '
                     f'<span class="dv-klein">{esc(m.wanneer.label())}</span> '
                     f'{status_badge(m.status, kind="mijlpaal")}</li>')
    return f'<ul class="dv-lijst">{"".join(items)}</ul>'


def project_page(ctx: SiteContext, p: Project) -> SitePage:
    path = project_path(p.id)
    to = Linker(path, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    back = f'<p class="dv-terug">{link(to(REGISTER), "Alle projecten en algoritmes")}</p>'
    parts = [
        f"# {md_text(p.naam)}\n",
        blocks.add(back + f'<p class="dv-lead">{esc(p.samenvatting)}</p>'
                   + _project_facts(ctx, p, to)),
        "\n## Doel\n\n" + author_markdown(ctx.model, p.doel.strip(), source=p.path, page=path)
        + "\n",
    ]
    if p.gegevens:
        parts.append("\n## Gegevens\n")
        parts.append(blocks.add(_sources(p)))
    if p.algoritme:
        parts.append(_algorithm_markdown(ctx, p, to, blocks))
    if p.raadsvragen:
        parts.append(_council(p))
    if p.mijlpalen:
        parts.append("\n## Mijlpalen\n")
        parts.append(blocks.add(_milestones(ctx, p, to)))
    return SitePage(
        path=path, title=p.naam, markdown="".join(parts), source=p.path, in_nav=False,
        hide=("navigation",),
        updated=ctx.updated, description=p.samenvatting, blocks=blocks.blocks)
