"""The vision (/visie/) and one page per theme (/themas/<id>/): ambition, principles, the
theme's text, and the milestones and projects that serve it."""

from __future__ import annotations

from ..model import Theme
from .context import ROADMAP, VISION, SiteContext, milestone_anchor, project_path, theme_path
from .html import esc, md_text, status_badge
from .links import author_markdown
from .page import Blocks, Linker, SitePage
from .versions import version_note

SECTION = "Visie"


def theme_tiles(ctx: SiteContext, to: Linker, *, heading_level: int = 3) -> str:
    """The themes as tiles: title, ambition, and how much work serves each."""
    h = f"h{heading_level}"
    items = []
    for theme in ctx.model.themas:
        n_milestones = len(ctx.milestones_of_theme(theme.id))
        n_projects = len(ctx.projects_of_theme(theme.id))
        counts = (f"{n_milestones} mijlpa{'al' if n_milestones == 1 else 'len'} · "
                  f"{n_projects} project{'' if n_projects == 1 else 'en'}")
        items.append(
            f'<li class="dv-tegel dv-thema--{esc(theme.id)}">'
            f'<a class="dv-tegel__link" href="{esc(to(theme_path(theme.id)))}">'
            f'<{h} class="dv-tegel__titel">{esc(theme.titel)}</{h}></a>'
            f'<p class="dv-tegel__tekst">{esc(theme.ambitie)}</p>'
            f'<p class="dv-tegel__meta">{counts}</p></li>')
    return f'<ul class="dv-tegels">{"".join(items)}</ul>'


def vision_page(ctx: SiteContext) -> SitePage:
    vision = ctx.model.visie
    to = Linker(VISION, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    lead = (f'<p class="dv-lead">{esc(vision.kernboodschap)}</p>'
            + version_note(ctx, to))
    body = author_markdown(ctx.model, vision.body.strip(), source=vision.path, page=VISION)
    markdown = (f"# {md_text(vision.titel)}\n" + blocks.add(lead) + "\n" + body
                + "\n\n## De thema's\n" + blocks.add(theme_tiles(ctx, to)))
    return SitePage(
        path=VISION, title=vision.titel, nav_title="Visie", markdown=markdown,
        source=vision.path, section=SECTION, updated=ctx.vision_updated,
        description=vision.kernboodschap, blocks=blocks.blocks)


def _principles(theme: Theme) -> str:
    items = []
    for p in theme.principes:
        text = f'<p>{esc(p.toelichting)}</p>' if p.toelichting else ""
        items.append(f'<li class="dv-principe"><p class="dv-principe__titel">{esc(p.titel)}</p>'
                     f"{text}</li>")
    return f'<ol class="dv-principes dv-thema--{esc(theme.id)}">{"".join(items)}</ol>'


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


def theme_page(ctx: SiteContext, theme: Theme) -> SitePage:
    path = theme_path(theme.id)
    to = Linker(path, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    lead = (f'<div class="dv-ambitie dv-thema--{esc(theme.id)}"><p class="dv-ambitie__label">'
            f'Onze ambitie</p><p class="dv-ambitie__tekst">{esc(theme.ambitie)}</p></div>'
            + version_note(ctx, to))
    projects = ctx.projects_of_theme(theme.id)
    markdown = (
        f"# {md_text(theme.titel)}\n" + blocks.add(lead)
        + "\n## Principes\n" + blocks.add(_principles(theme))
        + "\n" + author_markdown(ctx.model, theme.body.strip(), source=theme.path, page=path) + "\n"
        + "\n## Mijlpalen\n" + blocks.add(_milestones(ctx, theme, to))
        + "\n## Projecten\n"
        + (blocks.add(project_cards(ctx, projects, to)) if projects
           else "\nEr zijn nog geen projecten voor dit thema.\n"))
    return SitePage(
        path=path, title=theme.titel, markdown=markdown, source=theme.path, section=SECTION,
        updated=ctx.vision_updated, description=theme.ambitie, blocks=blocks.blocks)
