"""The internal site's page "Onderhoud": every warning of the build in one list, so the
programme team sees at a glance what has gone stale or could be better, and where to fix it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from build_tools.audience import INTERNAL
from build_tools.errors import Issue
from build_tools.staff.guide import FOLDER, forge_of
from build_tools.staff.guide import SECTION as GUIDE_SECTION
from build_tools.views.website.context import SiteContext, day_label
from build_tools.views.website.html import esc, link
from build_tools.views.website.page import Blocks, SitePage

MAINTENANCE = f"{FOLDER}/onderhoud.md"
_CODE = re.compile(r"`([^`]+)`")

# Warning groups by code prefix, most urgent first (codes.py: W1 freshness, W0 advice, ...).
_GROUPS = (
    ("W1", "Verouderd", "Dit klopt waarschijnlijk niet meer: een datum is voorbij, een proef "
     "duurt lang, een meting of concept is oud."),
    ("W0", "Aangeraden", "De inhoud is geldig, maar iets wat lezers helpt ontbreekt of is "
     "langer dan aangeraden."),
    ("W", "Andere waarschuwingen", "Meldingen over het Algoritmeregister, de werkwijze, "
     "lezers en drukwerk."),
)


def _text(message: str) -> str:
    """A Dutch message as HTML: escaped, with `names` as code."""
    return _CODE.sub(r"<code>\1</code>", esc(message))


def _rows(ctx: SiteContext, issues: Sequence[Issue]) -> str:
    forge = forge_of(ctx.model)
    rows = []
    for i in issues:
        place = f"{i.path}, regel {i.line}"
        edit = forge.edit(i.path)
        where = link(edit, place) if edit else esc(place)
        rows.append(f"<tr><td>{where}</td><td><code>{esc(i.code)}</code> {_text(i.message)}"
                    f"</td><td>{_text(i.hint)}</td></tr>")
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel">'
            "<thead><tr><th>waar</th><th>wat</th><th>wat je doet</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def maintenance_page(ctx: SiteContext) -> SitePage | None:
    """Only on the internal site: the public one never lists what is stale."""
    if ctx.model.doelgroep != INTERNAL:
        return None
    day = f"op {day_label(ctx.today)}" if ctx.today else "nu"
    blocks = Blocks()
    parts = [f"""# Onderhoud

Wat op de site {day} waarschijnlijk niet meer klopt of beter kan. De bouw leest dit uit de
inhoud; werk de genoemde regel bij en de melding verdwijnt bij de volgende bouw. Deze pagina
staat alleen op de interne site.

De dag waarop we kijken is de stand van de inhoud (de nieuwste versie of meting), of de
peildatum die de bouw meekreeg (`--peildatum`). Op de pagina *Foutmeldingen* staat elke code.
"""]
    warnings = [i for i in ctx.warnings if i.is_warning]
    if not warnings:
        parts.append("Er is niets te doen: alles is bijgewerkt.\n")
    done: set[Issue] = set()
    for prefix, title, text in _GROUPS:
        group = [i for i in warnings if i.code.startswith(prefix) and i not in done]
        done.update(group)
        if group:
            parts.append(f"## {title} ({len(group)})\n\n{text}\n" + blocks.add(_rows(ctx, group)))
    return SitePage(path=MAINTENANCE, title="Onderhoud", markdown="\n".join(parts),
                    section=GUIDE_SECTION, updated=ctx.today,
                    description="Wat verouderd is of beter kan, met waar je het bijwerkt.",
                    blocks=blocks.blocks)
