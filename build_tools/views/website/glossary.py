"""The glossary (/begrippen/) and the tooltip text of each term for `markdown_ext`."""

from __future__ import annotations

import re

from build_tools.content.model import Term
from build_tools.views.website.context import GLOSSARY, SiteContext
from build_tools.views.website.html import esc, link
from build_tools.views.website.page import Blocks, SitePage


def term_anchor(term: Term) -> str:
    return "begrip-" + (re.sub(r"[^a-z0-9]+", "-", term.term.lower()).strip("-") or "x")


def tooltip(term: Term) -> str:
    return f"{term.voluit}: {term.definitie}" if term.voluit else term.definitie


def abbreviations(ctx: SiteContext) -> dict[str, str]:
    """Term -> tooltip text, for every glossary term."""
    return {t.term: tooltip(t) for t in ctx.model.begrippen}


def glossary_page(ctx: SiteContext) -> SitePage | None:
    terms = sorted(ctx.model.begrippen, key=lambda t: (t.term.lower(), t.term))
    if not terms:
        return None
    blocks = Blocks()
    items = []
    for t in terms:
        full = f' <span class="dv-voluit">({esc(t.voluit)})</span>' if t.voluit else ""
        source = f' <span class="dv-klein">{link(t.bron, "Meer informatie")}</span>' \
            if t.bron else ""
        items.append(f'<dt id="{term_anchor(t)}">{esc(t.term)}{full}</dt>'
                     f"<dd>{esc(t.definitie)}{source}</dd>")
    intro = ("Op deze site gebruiken we soms woorden die niet iedereen kent. Hier leest u wat "
             "ze betekenen. In de tekst ziet u de uitleg ook als u de muis op het woord zet.")
    terms_html = f'<dl class="dv-begrippen">{"".join(items)}</dl>'
    markdown = f"# Begrippen\n\n{intro}\n" + blocks.add(terms_html)
    return SitePage(
        path=GLOSSARY, title="Begrippen", markdown=markdown,
        source=ctx.source_file("begrippen.yml"), updated=ctx.updated,
        description="Uitleg van de begrippen die we gebruiken.", hide=("navigation",),
        blocks=blocks.blocks)
