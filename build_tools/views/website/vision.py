"""The vision (/visie/) and one page per theme (/themas/<id>/): ambition, principles, the
theme's text, and the milestones and projects that serve it. The text is the adopted text in
force (editions.py); a theme that is new in the concept shows the concept, marked as such."""

from __future__ import annotations

from build_tools.content.model import Theme, ThemeText
from build_tools.views.website.archive import principles_html, text_markdown
from build_tools.views.website.context import (
    ROADMAP,
    VERSIONS,
    VISION,
    SiteContext,
    compare_anchor,
    compare_path,
    edition_theme_path,
    milestone_anchor,
    project_path,
    theme_path,
)
from build_tools.views.website.html import esc, link, md_text, status_badge
from build_tools.views.website.links import author_markdown
from build_tools.views.website.page import Blocks, Linker, SitePage
from build_tools.views.website.versions import KERNVISIE, version_box

SECTION = "Visie"


def _tile(ctx: SiteContext, theme_id: str, text: ThemeText, href: str, h: str,
          label: str = "") -> str:
    n_milestones = len(ctx.milestones_of_theme(theme_id))
    n_projects = len(ctx.projects_of_theme(theme_id))
    counts = (f"{n_milestones} mijlpa{'al' if n_milestones == 1 else 'len'} · "
              f"{n_projects} project{'' if n_projects == 1 else 'en'}")
    badge = f' <span class="dv-label">{esc(label)}</span>' if label else ""
    return (f'<li class="dv-tegel dv-thema--{esc(theme_id)}">'
            f'<a class="dv-tegel__link" href="{esc(href)}">'
            f'<{h} class="dv-tegel__titel">{esc(text.titel)}</{h}></a>'
            f'<p class="dv-tegel__tekst">{esc(text.ambitie)}</p>'
            f'<p class="dv-tegel__meta">{counts}{badge}</p></li>')


def theme_tiles(ctx: SiteContext, to: Linker, *, heading_level: int = 3) -> str:
    """The themes of the text in force as tiles: title, ambition, and how much work serves
    each; themes the concept adds or removes are labelled so."""
    h = f"h{heading_level}"
    ed = ctx.editions
    current = {t.id for t in ctx.model.themas}
    renamed_from = {old: new for new, old in ed.renamed.items()}
    items, seen = [], set()
    for text in ed.shown.themas:
        theme_id = renamed_from.get(text.id, text.id)
        if theme_id in current:
            seen.add(theme_id)
            items.append(_tile(ctx, theme_id, text, to(theme_path(theme_id)), h))
        elif ed.in_force is not None:  # removed in the concept: its adopted page
            items.append(_tile(ctx, text.id, text,
                               to(edition_theme_path(ed.in_force.slug, text.id)), h,
                               "vervalt in het concept"))
    for theme in ctx.model.themas:
        if theme.id not in seen:
            new = ed.current.theme(theme.id)
            assert new is not None
            items.append(_tile(ctx, theme.id, new, to(theme_path(theme.id)), h,
                               "nieuw in het concept"))
    return f'<ul class="dv-tegels">{"".join(items)}</ul>'


def _text_pages(ctx: SiteContext) -> dict[str, str]:
    """Links in the text in force to themes the working text no longer has go to the
    in-force version's own page of that theme."""
    ed = ctx.editions
    if ed.in_force is None:
        return {}
    current = {t.id for t in ctx.model.themas} | set(ed.renamed.values())
    return {f"themas/{t.id}.md": edition_theme_path(ed.in_force.slug, t.id)
            for t in ed.in_force.text.themas if t.id not in current}


def vision_page(ctx: SiteContext) -> SitePage:
    vision, text = ctx.model.visie, ctx.editions.shown
    to = Linker(VISION, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    lead = (f'<p class="dv-lead">{esc(text.kernboodschap)}</p>'
            + version_box(ctx, to, key=KERNVISIE))
    body = text_markdown(ctx.model, text.body.strip(), source=vision.path, page=VISION,
                         pages=_text_pages(ctx))
    title = text.titel or vision.titel
    markdown = (f"# {md_text(title)}\n" + blocks.add(lead) + "\n" + body
                + "\n\n## De thema's\n" + blocks.add(theme_tiles(ctx, to)))
    return SitePage(
        path=VISION, title=title, nav_title="Visie", markdown=markdown,
        source=vision.path, section=SECTION, updated=ctx.vision_updated,
        description=text.kernboodschap, blocks=blocks.blocks)


def _milestones(ctx: SiteContext, theme: Theme, to: Linker) -> str:
    rows = []
    for m in sorted(ctx.milestones_of_theme(theme.id), key=lambda m: (m.wanneer.start, m.id)):
        href = to(ROADMAP, milestone_anchor(m.id))
        rows.append(f'<tr><td>{esc(m.wanneer.label())}</td>'
                    f'<td><a href="{esc(href)}">{esc(m.titel)}</a></td>'
                    f'<td>{status_badge(m.status, kind="mijlpaal")}</td></tr>')
    if not rows:
        return '<p class="dv-leeg">Er zijn nog geen mijlpalen voor dit thema.</p>'
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel">'
            f"<caption>Mijlpalen voor het thema {esc(theme.titel)}</caption>"
            '<thead><tr><th scope="col">Wanneer</th><th scope="col">Mijlpaal</th>'
            '<th scope="col">Status</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def project_cards(ctx: SiteContext, projects: tuple, to: Linker) -> str:
    items = []
    for p in projects:
        items.append(
            f'<li class="dv-kaart"><p class="dv-kaart__titel">'
            f'<a href="{esc(to(project_path(p.id)))}">{esc(p.naam)}</a></p>'
            f'{status_badge(p.status, kind="project")}'
            f'<p class="dv-kaart__tekst">{esc(p.samenvatting)}</p></li>')
    return f'<ul class="dv-kaarten">{"".join(items)}</ul>'


def _new_theme_note(ctx: SiteContext, to: Linker, theme_id: str) -> str:
    """Banner of a theme that only the concept has: this text is not adopted yet."""
    ed = ctx.editions
    concept, pair = ed.concept, ed.concept_pair
    name = concept.name if concept else "het concept"
    links = [link(to(VERSIONS), "Alle versies")]
    if concept is not None and pair is not None:
        links.insert(0, link(to(compare_path(pair.old.slug, concept.slug),
                                compare_anchor(theme_id)), "Bekijk wat er verandert"))
    return (f'<div class="admonition warning dv-concept" role="note">'
            f'<p class="admonition-title">Nieuw in {esc(name)}</p>'
            f"<p>Dit thema staat nog niet in de visie die nu geldt. Hier staat de tekst uit "
            f"{esc(name)}; die is nog niet vastgesteld.</p>"
            f'<p class="dv-versie__links">{" · ".join(links)}</p></div>')


def theme_page(ctx: SiteContext, theme: Theme) -> SitePage:
    path = theme_path(theme.id)
    to = Linker(path, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    ed = ctx.editions
    shown = ed.shown_theme(theme.id)
    if shown is None:  # new in the concept: the working text, marked as concept
        text = ed.current.theme(theme.id)
        assert text is not None
        note = _new_theme_note(ctx, to, theme.id)
        body = author_markdown(ctx.model, theme.body.strip(), source=theme.path, page=path)
    else:
        text, note = shown, version_box(ctx, to, key=theme.id)
        body = text_markdown(ctx.model, shown.body.strip(), source=theme.path, page=path,
                             pages=_text_pages(ctx))
    lead = (f'<div class="dv-ambitie dv-thema--{esc(theme.id)}"><p class="dv-ambitie__label">'
            f'Onze ambitie</p><p class="dv-ambitie__tekst">{esc(text.ambitie)}</p></div>'
            + note)
    projects = ctx.projects_of_theme(theme.id)
    principles = ("\n## Principes\n" + blocks.add(principles_html(
        ThemeText(theme.id, text.titel, principes=text.principes,
                  toelichtingen=text.toelichtingen)))) if text.principes else ""
    markdown = (
        f"# {md_text(text.titel)}\n" + blocks.add(lead)
        + principles
        + "\n" + body + "\n"
        + "\n## Mijlpalen\n" + blocks.add(_milestones(ctx, theme, to))
        + "\n## Projecten\n"
        + (blocks.add(project_cards(ctx, projects, to)) if projects
           else "\nEr zijn nog geen projecten voor dit thema.\n"))
    return SitePage(
        path=path, title=text.titel, markdown=markdown, source=theme.path, section=SECTION,
        updated=ctx.vision_updated, description=text.ambitie, blocks=blocks.blocks)
