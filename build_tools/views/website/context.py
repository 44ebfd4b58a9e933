"""What every page builder receives: the (already filtered) model, the house style, the fixed
page paths of the site layout, and the optional extras (charts, posters) found at build time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from build_tools.content.model import Datavisie, Milestone, Project
from build_tools.content.types import MONTHS_NL
from build_tools.errors import Issue
from build_tools.housestyle.tokens import Style
from build_tools.views.website.editions import Editions, editions

HOME = "index.md"
VISION = "visie/index.md"
ROADMAP = "routekaart.md"
REGISTER = "projecten/index.md"
MATURITY = "ontwikkeling.md"
GLOSSARY = "begrippen.md"
VERSIONS = "versies.md"
POSTERS = "posters/index.md"
DATA = "data"


def theme_path(theme_id: str) -> str:
    return f"themas/{theme_id}.md"


def edition_path(slug: str) -> str:
    """The start page of one version's sub-site: `0.9/index.md`."""
    return f"{slug}/index.md"


def edition_theme_path(slug: str, theme_id: str) -> str:
    return f"{slug}/themas/{theme_id}.md"


def compare_path(old_slug: str, new_slug: str) -> str:
    return f"versies/vergelijk/{old_slug}-{new_slug}.md"


def compare_anchor(section_key: str) -> str:
    """Anchor of one section (`kernvisie` or a theme id) on a compare page."""
    return f"wijziging-{section_key}"


VERSIONS_FEED = "versies/feed.xml"


def project_path(project_id: str) -> str:
    return f"projecten/{project_id}.md"


def free_page_path(page_id: str) -> str:
    return f"{page_id}.md"


def milestone_anchor(milestone_id: str) -> str:
    return f"mijlpaal-{milestone_id}"


def algorithm_export_path(project_id: str) -> str:
    return f"{DATA}/algoritmeregister/{project_id}.json"


# Material templates of the site (CSP-safe scripts, social meta tags, the version and concept
# notices): engine code, shipped with the package, so a municipality's theme/ is house style only.
TEMPLATES = Path(__file__).resolve().parent / "overrides"
GENERIC_SITE_NAME = "Datavisie"  # mkdocs.yml's site_name that means: from organisatie.yml


def site_name(model: Datavisie) -> str:
    """The site's name, from content/organisatie.yml: `Datavisie <korte naam>`."""
    return f"{GENERIC_SITE_NAME} {model.organisatie.korte_naam}"


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class PosterLink:
    """A poster the site can link to: files are site-relative paths that exist in the output."""

    name: str
    title: str
    files: tuple[tuple[str, str], ...]  # (label, path), e.g. ("PDF", "posters/visie.pdf")
    thumbnail: str | None = None
    thumbnail_size: tuple[int, int] | None = None  # (width, height) in pixels
    page: str | None = None  # the page with the poster's text (docs path, e.g. visie/index.md)


@dataclass(frozen=True)
class Figures:
    """The chart renderers (build_tools.views.charts) when present; None means: table only."""

    timeline: Callable[..., str] | None = None
    radar: Callable[..., str] | None = None


@dataclass(frozen=True)
class SiteContext:
    model: Datavisie
    style: Style | None = None
    directory_urls: bool = True
    posters: tuple[PosterLink, ...] = ()
    figures: Figures = field(default_factory=Figures)
    downloads: bool = True  # the /data/ exports exist and may be linked
    font_cache: Path | None = None  # where converted web fonts are kept between builds
    warnings: tuple[Issue, ...] = ()  # what to maintain (the internal site's Onderhoud page)
    today: date | None = None  # the day freshness was judged on
    # the day of the commit built (SOURCE_DATE_EPOCH, else HEAD): dates what the site says
    # about itself, such as security.txt's Expires; None outside git
    published: date | None = None

    @cached_property
    def editions(self) -> Editions:
        """The published texts of the vision (in force, archive, concept) and their
        comparisons; computed once per site."""
        return editions(self.model)

    def theme_title(self, theme_id: str) -> str:
        theme = self.model.theme(theme_id)
        return theme.titel if theme else theme_id

    def theme_colour(self, theme_id: str) -> str | None:
        if self.style is None:
            return None
        return self.style.theme_colour(theme_id, [t.id for t in self.model.themas])

    def milestones_of_theme(self, theme_id: str) -> tuple[Milestone, ...]:
        return tuple(m for m in self.model.routekaart.mijlpalen if theme_id in m.themas)

    def projects_of_theme(self, theme_id: str) -> tuple[Project, ...]:
        return tuple(p for p in self.sorted_projects() if theme_id in p.themas)

    def projects_of_milestone(self, milestone_id: str) -> tuple[Project, ...]:
        return tuple(p for p in self.sorted_projects() if milestone_id in p.mijlpalen)

    def sorted_projects(self) -> tuple[Project, ...]:
        return tuple(sorted(self.model.projecten, key=lambda p: (p.naam.lower(), p.id)))

    def sorted_milestones(self) -> tuple[Milestone, ...]:
        return tuple(sorted(self.model.routekaart.mijlpalen,
                            key=lambda m: (m.wanneer.start, m.wanneer.end, m.id)))

    def source_file(self, name: str) -> str | None:
        """The project-relative path of a content file (`versies.yml`), if it was read."""
        return next((s for s in self.model.sources if s == name or s.endswith("/" + name)), None)

    @property
    def updated(self) -> date | None:
        """Date of the newest dated fact in the content ("stand per")."""
        return self.model.stand

    @property
    def vision_updated(self) -> date | None:
        versions = self.model.versies
        return max(v.datum.start for v in versions) if versions else self.model.stand
