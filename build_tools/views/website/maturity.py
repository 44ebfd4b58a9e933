"""Maturity (/ontwikkeling/): the radar of baseline, latest measurement and ambition per
dimension (the mean of its aspects), with the same numbers as tables. No page without a
maturity model and at least one measurement."""

from __future__ import annotations

from build_tools.content import labels
from build_tools.content.model import MaturityModel, Measurement
from build_tools.content.types import MONTHS_NL
from build_tools.views.charts import dimension_scores
from build_tools.views.website.context import MATURITY, SiteContext
from build_tools.views.website.html import esc, md_text
from build_tools.views.website.page import Blocks, SitePage


def _fmt(value: float | None) -> str:
    if value is None:
        return "&ndash;"
    return f"{value:.1f}".replace(".", ",")


def _heading(m: Measurement) -> str:
    day = m.datum.start
    return f"{labels.MEASUREMENT_KIND[m.soort]} {MONTHS_NL[day.month - 1]} {day.year}"


def dimension_table(ctx: SiteContext) -> str:
    model = ctx.model
    mm = model.metingmodel
    assert mm is not None
    base, last = model.baseline, model.latest_measurement
    columns = [base] + ([last] if last is not None and last is not base else [])
    head = "".join(f'<th scope="col">{esc(_heading(m))}</th>' for m in columns if m)
    rows = []
    for d in dimension_scores(model):  # the same numbers as the radar
        values = [d.nulmeting] + ([d.meting] if len(columns) > 1 else [])
        cells = "".join(f"<td>{_fmt(v)}</td>" for v in values)
        rows.append(f'<tr><th scope="row">{esc(d.titel)}</th>{cells}'
                    f"<td>{_fmt(d.ambitie)}</td></tr>")
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--getallen">'
            f"<caption>Gemiddelde score per dimensie, op een schaal van {mm.lowest} tot en met "
            f"{mm.highest}</caption>"
            f'<thead><tr><th scope="col">Dimensie</th>{head}<th scope="col">Ambitie</th></tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table></div>")


def aspect_table(ctx: SiteContext, mm: MaturityModel) -> str:
    model = ctx.model
    base, last = model.baseline, model.latest_measurement
    later = last if last is not None and last is not base else None
    head = f'<th scope="col">{esc(_heading(base))}</th>' if base else ""
    if later:
        head += f'<th scope="col">{esc(_heading(later))}</th>'
    bodies = []
    width = 3 + (1 if later else 0)
    for d in mm.dimensies:
        rows = [f'<tr class="dv-groep"><th scope="rowgroup" colspan="{width}">'
                f"{esc(d.titel)}</th></tr>"]
        for a in d.aspecten:
            b = base.score(a.id) if base else None
            current = (later or base)
            s = current.score(a.id) if current else None
            cells = f"<td>{b.huidig if b else '&ndash;'}</td>"
            if later:
                ls = later.score(a.id)
                cells += f"<td>{ls.huidig if ls else '&ndash;'}</td>"
            ambition = s.ambitie if s and s.ambitie is not None else None
            note = (f'<span class="dv-toelichting">{esc(s.toelichting)}</span>'
                    if s and s.toelichting else "")
            rows.append(f'<tr><th scope="row"><span class="dv-aspect">{esc(a.titel)}</span>'
                        f"{note}</th>{cells}"
                        f"<td>{ambition if ambition is not None else '&ndash;'}</td></tr>")
        bodies.append("<tbody>" + "".join(rows) + "</tbody>")
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--getallen">'
            "<caption>Score per aspect</caption>"
            f'<thead><tr><th scope="col">Aspect</th>{head}<th scope="col">Ambitie</th>'
            "</tr></thead>"
            + "".join(bodies) + "</table></div>")


def _scale(mm: MaturityModel) -> str:
    items = "".join(f"<li><strong>{lv.waarde}</strong> {esc(lv.naam)}</li>" for lv in mm.niveaus)
    return f'<ol class="dv-schaal">{items}</ol>'


def _measurements(ctx: SiteContext) -> str:
    items = []
    for m in ctx.model.metingen:
        method = f": {esc(m.methode)}" if m.methode else ""
        items.append(f"<li><strong>{esc(_heading(m))}</strong>{method}</li>")
    return f'<ul class="dv-lijst">{"".join(items)}</ul>'


def maturity_page(ctx: SiteContext) -> SitePage | None:
    model = ctx.model
    mm = model.metingmodel
    if mm is None or not model.metingen:
        return None
    blocks = Blocks()
    bron = f" ({md_text(mm.bron)})" if mm.bron else ""
    intro = (f"We meten hoe ver we zijn met datagedreven werken. Dat doen we met het "
             f"{md_text(mm.naam)}{bron}. Het model kijkt naar {len(mm.dimensies)} dimensies. Per "
             "dimensie tonen we het gemiddelde van de aspecten: bij de eerste meting, bij de "
             "laatste meting en de ambitie.")
    parts = [f"# Hoe ver we zijn\n\n{intro}\n"]
    figure = ctx.figures.radar(model, ctx.style) if ctx.figures.radar and ctx.style else None
    if figure:
        parts.append(blocks.add(
            f'<figure class="dv-figuur dv-figuur--radar">{figure}<figcaption>Score per '
            "dimensie. De tabellen hieronder bevatten dezelfde gegevens.</figcaption></figure>"))
    parts += ["\n## Per dimensie\n", blocks.add(dimension_table(ctx)),
              "\n## De schaal\n", blocks.add(_scale(mm)),
              "\n## Per aspect\n", blocks.add(aspect_table(ctx, mm)),
              "\n## Metingen\n", blocks.add(_measurements(ctx))]
    last = model.latest_measurement
    source = last.path if last else mm.path
    return SitePage(
        path=MATURITY, title="Hoe ver we zijn", nav_title="Ontwikkeling",
        markdown="".join(parts), source=source, hide=("navigation",),
        updated=last.datum.start if last else ctx.updated,
        description=f"Hoe ver we zijn met datagedreven werken, gemeten met het {mm.naam}.",
        blocks=blocks.blocks)
