"""Compare pages (/versies/vergelijk/<oud>-<nieuw>/): what changed between two versions, per
section (core vision, each theme), with word-level insertions and deletions.

Changes never rely on colour alone: insertions are underlined, deletions struck through, whole
paragraphs carry a visible + or − in the margin, and screen readers hear "ingevoegd:" and
"verwijderd:" before each change. A legend says so, and the page prints in black and white.
"""

from __future__ import annotations

from build_tools.history.textdiff import Block, Segment, changed
from build_tools.history.texts import Section
from build_tools.views.website.context import (
    VERSIONS,
    SiteContext,
    compare_anchor,
    compare_path,
    edition_path,
)
from build_tools.views.website.editions import CONCEPT, Edition, Pair
from build_tools.views.website.html import esc, inline_snippet, link, md_text
from build_tools.views.website.links import author_urls
from build_tools.views.website.page import Blocks, Linker, SitePage
from build_tools.views.website.readable import headings
from build_tools.views.website.versions import KERNVISIE, decision_text

STATUS_LABEL = {
    "gelijk": "ongewijzigd",
    "gewijzigd": "gewijzigd",
    "nieuw": "nieuw",
    "vervallen": "vervallen",
}

LEGEND = (
    '<div class="dv-rl-legenda" role="note"><p class="dv-rl-legenda__kop">Zo lees je de '
    "wijzigingen</p><ul>"
    '<li><ins class="dv-ins"><span class="dv-sr">ingevoegd: </span>Onderstreepte tekst</ins> '
    "is nieuw.</li>"
    '<li><del class="dv-del"><span class="dv-sr">verwijderd: </span>Doorgestreepte tekst</del> '
    "is weggehaald.</li>"
    '<li>Een hele alinea die nieuw is, staat met <span class="dv-rl-merk" aria-hidden="true">+'
    '</span> ervoor; een alinea die vervalt met <span class="dv-rl-merk" aria-hidden="true">'
    "&minus;</span>. Schermlezers lezen &#8220;ingevoegd&#8221; en &#8220;verwijderd&#8221; "
    "voor."
    "</li></ul></div>"
)


def _text(text: str) -> str:
    """Escaped text; a line break inside a paragraph (a list item) stays a line break."""
    return "<br>".join(esc(line) for line in text.split("\n"))


_MARKUP = {
    "+": ('<ins class="dv-ins"><span class="dv-sr">ingevoegd: </span>', "</ins>"),
    "-": ('<del class="dv-del"><span class="dv-sr">verwijderd: </span>', "</del>"),
}


def segments_html(segments: tuple[Segment, ...]) -> str:
    """Insertions and deletions marked; the spaces around a change stay outside the mark, so
    an underline or strike-through covers words only."""
    out = []
    for s in segments:
        if s.op not in _MARKUP:
            out.append(_text(s.text))
            continue
        core = s.text.strip()
        if not core:
            out.append(_text(s.text))
            continue
        lead, trail = s.text[: len(s.text) - len(s.text.lstrip())], s.text[len(s.text.rstrip()):]
        start, end = _MARKUP[s.op]
        out.append(f"{_text(lead)}{start}{_text(core)}{end}{_text(trail)}")
    return "".join(out)


def _side(block: Block, op: str) -> str:
    return "".join(s.text for s in block.segments if s.op in ("=", op))


def block_html(block: Block, heads: frozenset[str]) -> str:
    """One paragraph of a redline; a heading of the text stays a (level 3) heading."""
    is_heading = _side(block, "+") in heads or _side(block, "-") in heads
    mark = {"+": "+", "-": "&minus;"}.get(block.op)
    margin = f'<span class="dv-rl-merk" aria-hidden="true">{mark}</span>' if mark else ""
    cls = {"=": "gelijk", "~": "gewijzigd", "+": "bij", "-": "af"}[block.op]
    tag = "h3" if is_heading else "p"
    return (f'<{tag} class="dv-rl-alinea dv-rl-alinea--{cls}">{margin}'
            f"{segments_html(block.segments)}</{tag}>")


def body_html(blocks: tuple[Block, ...], heads: frozenset[str]) -> str:
    """The redline of a body: changed paragraphs, their neighbours and the headings stay in
    view; longer runs of unchanged paragraphs fold into a <details> (they print folded)."""
    html = [block_html(b, heads) for b in blocks]
    keep = [b.op != "=" or _side(b, "+") in heads
            or (i > 0 and blocks[i - 1].op != "=")
            or (i + 1 < len(blocks) and blocks[i + 1].op != "=")
            for i, b in enumerate(blocks)]
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) == 1:
            out.append(run[0])
        elif run:
            out.append(f'<details class="dv-rl-ongewijzigd"><summary>{len(run)} ongewijzigde '
                       f"alinea's</summary>{''.join(run)}</details>")
        run.clear()

    for shown, part in zip(keep, html, strict=True):
        if shown:
            flush()
            out.append(part)
        else:
            run.append(part)
    flush()
    return "".join(out)


def _field(label: str, segments: tuple[Segment, ...]) -> str:
    if not changed(segments):
        return ""
    return (f'<p class="dv-rl-veld"><span class="dv-rl-veld__naam">{esc(label)}:</span> '
            f"{segments_html(segments)}</p>")


def _principles(section: Section) -> str:
    items = [f'<li><ins class="dv-ins"><span class="dv-sr">ingevoegd: </span>{esc(p)}</ins> '
             "(nieuw principe)</li>" for p in section.principes_bij]
    items += [f'<li><del class="dv-del"><span class="dv-sr">verwijderd: </span>{esc(p)}</del> '
              "(principe vervalt)</li>" for p in section.principes_af]
    items += [f"<li>Toelichting bij &#8216;{esc(p)}&#8217;: {segments_html(diff)}</li>"
              for p, diff in section.toelichtingen]
    if not items:
        return ""
    return (f'<p class="dv-rl-veld__naam">Principes</p>'
            f'<ul class="dv-rl-principes">{"".join(items)}</ul>')


def section_html(section: Section, old: Edition, heads: frozenset[str]) -> str:
    status = STATUS_LABEL[section.status]
    anchor = compare_anchor(section.key)
    title = "Kernvisie" if section.key == KERNVISIE else section.titel
    head = (f'<h2 id="{esc(anchor)}" class="dv-rl-sectie__kop">{esc(title)} '
            f'<span class="dv-rl-status dv-rl-status--{esc(section.status)}">{status}</span></h2>')
    parts = [head]
    if section.vorige_id:
        old_theme = old.text.theme(section.vorige_id)
        parts.append(f'<p class="dv-klein">Dit thema heette in {esc(old.name)} '
                     f"&#8216;{esc(old_theme.titel if old_theme else section.vorige_id)}&#8217; "
                     f"(bestand {esc(section.vorige_id)}.md).</p>")
    if not section.changed:
        parts.append('<p class="dv-leeg">Geen wijzigingen.</p>')
    else:
        parts += [
            _field("Titel", section.titel_diff),
            _field("Kernboodschap", section.kernboodschap),
            _field("Ambitie", section.ambitie),
            _principles(section),
        ]
        changed_body = any(b.op != "=" for b in section.body)
        if changed_body:
            parts.append(f'<div class="dv-rl-tekst">{body_html(section.body, heads)}</div>')
    return (f'<section class="dv-rl-sectie dv-rl-sectie--{esc(section.status)}" '
            f'aria-labelledby="{esc(anchor)}">' + "".join(p for p in parts if p) + "</section>")


def _overview(pair: Pair) -> str:
    items = []
    for s in pair.comparison.sections:
        title = "Kernvisie" if s.key == KERNVISIE else s.titel
        items.append(f'<li><a href="#{esc(compare_anchor(s.key))}">{esc(title)}</a>: '
                     f"{STATUS_LABEL[s.status]}</li>")
    counts = pair.comparison.counts()
    summary = (f"{counts['gewijzigd']} alinea's gewijzigd, {counts['toegevoegd']} toegevoegd, "
               f"{counts['verwijderd']} verwijderd.")
    if not pair.comparison.changed:
        summary = "De tekst is niet zichtbaar veranderd (alleen opmaak of links)."
    return (f'<nav class="dv-rl-overzicht" aria-label="Onderdelen"><p>{summary}</p>'
            f'<ul>{"".join(items)}</ul></nav>')


def _describe(edition: Edition) -> str:
    v = edition.version
    if edition.kind == CONCEPT:
        when = f", {esc(v.datum.label())}" if v else ""
        return f"{esc(edition.name)}{when} (nog niet vastgesteld)"
    assert v is not None
    return f"versie {esc(v.versie)}, {decision_text(v)}"


def page_title(pair: Pair) -> str:
    return f"{pair.old.name[:1].upper()}{pair.old.name[1:]} en {pair.new.name} vergeleken"


def compare_page(ctx: SiteContext, pair: Pair) -> SitePage:
    path = compare_path(pair.old.slug, pair.new.slug)
    to = Linker(path, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    summary = ""
    if pair.new.version is not None and pair.new.version.samenvatting:
        source = ctx.source_file("versies.yml") or "content/versies.yml"
        text = author_urls(ctx.model, pair.new.version.samenvatting, source=source, to=to)
        summary = (f'<p class="dv-rl-samenvatting"><strong>Samenvatting:</strong> '
                   f"{inline_snippet(text)}</p>")
    reads = " · ".join((link(to(edition_path(pair.old.slug)), f"Lees {pair.old.name}"),
                        link(to(edition_path(pair.new.slug)), f"Lees {pair.new.name}"),
                        link(to(VERSIONS), "Alle versies")))
    intro = (f'<p class="dv-lead">Van {_describe(pair.old)}<br>naar {_describe(pair.new)}.</p>'
             f"{summary}<p class=\"dv-versie__links\">{reads}</p>" + LEGEND + _overview(pair))
    heads = headings(pair.old.text) | headings(pair.new.text)  # from the Markdown
    sections = "".join(section_html(s, pair.old, heads) for s in pair.comparison.sections)
    title = page_title(pair)
    markdown = (f"# {md_text(title)}\n" + blocks.add(intro)
                + blocks.add(f'<div class="dv-rl">{sections}</div>'))
    return SitePage(path=path, title=title, markdown=markdown, in_nav=False,
                    description=f"Wat er veranderde tussen {pair.old.name} en {pair.new.name}.",
                    hide=("navigation", "toc"), blocks=blocks.blocks,
                    meta={"search": {"exclude": True}},
                    updated=pair.new.version.datum.start if pair.new.version else None)


def compare_pages(ctx: SiteContext) -> list[SitePage]:
    return [compare_page(ctx, pair) for pair in ctx.editions.pairs]
