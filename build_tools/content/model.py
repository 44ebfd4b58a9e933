"""The whole data vision as one typed, immutable value.

Every view (site, posters, exports, history) reads this model and nothing else. Objects keep
where they came from (`pos`, and `fpos` per field) so later steps, such as poster layout,
can still point a content author at the right file and line. The project register
(`projects.py`) and the maturity model (`maturity.py`) are parts of it in their own modules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from build_tools.content.fields import LEAF_TYPES as LEAF_TYPES
from build_tools.content.fields import field_positions, located, md, md_opt
from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar
from build_tools.content.maturity import Aspect as Aspect
from build_tools.content.maturity import Dimension as Dimension
from build_tools.content.maturity import Level as Level
from build_tools.content.maturity import MaturityModel, Measurement
from build_tools.content.maturity import Score as Score
from build_tools.content.projects import Algorithm as Algorithm
from build_tools.content.projects import CouncilQuestions as CouncilQuestions
from build_tools.content.projects import DataSource as DataSource
from build_tools.content.projects import ImpactTest as ImpactTest
from build_tools.content.projects import LegalLink as LegalLink
from build_tools.content.projects import Project
from build_tools.content.types import When
from build_tools.errors import Pos


@dataclass(frozen=True)
class Contact:
    """The public contact of the organisation (`organisatie.yml`, `contact`)."""

    email: str
    telefoon: str | None = None
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Organisation:
    """The municipality itself (`organisatie.yml`): names, site, repository, contact."""

    naam: str
    korte_naam: str
    site_url: str
    contact: Contact
    repo_url: str | None = None
    repo_branch: str = "main"
    forge: str | None = None  # github | gitlab | gitea | forgejo (forge.py); None: from the host
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Vision:
    """The core vision (`visie.md`): title, core message and body text."""

    titel: str
    kernboodschap: str
    body: str = md()
    body_line: int = 1
    path: str = "content/visie.md"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Principle:
    """One principle of a theme (`themas/<id>.md`, `principes`)."""

    titel: str
    toelichting: str | None = None
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Theme:
    """One theme of the vision (`themas/<id>.md`): ambition, principles, body text."""

    id: str
    titel: str
    volgorde: int
    ambitie: str
    principes: tuple[Principle, ...]
    body: str = md()
    body_line: int = 1
    icoon: str | None = None
    oude_adressen: tuple[str, ...] = ()  # earlier addresses on the site (addresses.py)
    path: str = ""
    zichtbaarheid: str = "publiek"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Phase:
    """One phase of the roadmap (`routekaart.yml`, `fasen`)."""

    id: str
    titel: str
    start: When
    eind: When
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Milestone:
    """One milestone of the roadmap (`routekaart.yml`, `mijlpalen`)."""

    id: str
    titel: str
    fase: str
    themas: tuple[str, ...]
    wanneer: When
    status: str
    eigenaar: str
    toelichting: str | None = md_opt()
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Roadmap:
    """The roadmap (`routekaart.yml`): its phases and milestones."""

    fasen: tuple[Phase, ...]
    mijlpalen: tuple[Milestone, ...]
    path: str = "content/routekaart.yml"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.fasen if p.id == phase_id), None)

    def milestone(self, milestone_id: str) -> Milestone | None:
        return next((m for m in self.mijlpalen if m.id == milestone_id), None)


@dataclass(frozen=True)
class Decision:
    """The decision that adopted a version: the body that took it, its reference, a link."""

    orgaan: str
    kenmerk: str
    url: str | None = None
    pos: Pos = located()


@dataclass(frozen=True)
class Version:
    """One version of the vision (`versies.yml`), with the tag that holds its text."""

    versie: str
    datum: When
    status: str
    samenvatting: str = md()
    besluit: Decision | None = None
    tag: str | None = None
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()

    @property
    def git_ref(self) -> str:
        return self.tag or f"visie-{self.versie}"

    @property
    def folder(self) -> str:
        return version_folder(self.versie)

    @property
    def adopted(self) -> bool:
        return self.status.startswith("vastgesteld")


def version_folder(versie: str) -> str:
    """The folder of a version on the site: `1.0` stays `1.0`; anything not starting with a
    digit gets `versie-` before it, so it never takes the place of a section of the site."""
    slug = re.sub(r"[^0-9A-Za-z._-]+", "-", versie).strip("-.").lower()
    return slug if slug[:1].isdigit() else f"versie-{slug}".rstrip("-")


@dataclass(frozen=True)
class Term:
    """One glossary term (`begrippen.yml`)."""

    term: str
    definitie: str
    voluit: str | None = None
    bron: str | None = None
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Page:
    """A free page (`paginas/<id>.md`): about, accessibility, privacy, contact, ..."""

    id: str
    titel: str
    body: str = md()
    body_line: int = 1
    volgorde: int | None = None
    oude_adressen: tuple[str, ...] = ()
    path: str = ""
    zichtbaarheid: str = "publiek"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class ThemeText:
    """The text of one theme as it stood in one version of the vision."""

    id: str
    titel: str
    ambitie: str = ""
    principes: tuple[str, ...] = ()  # titles
    body: str = field(default="", metadata={"markdown": True})
    zichtbaarheid: str = "publiek"
    toelichtingen: tuple[str, ...] = ()  # per principle, same order; "" when it has none
    path: str = field(default="", compare=False)  # `<tag>:content/themas/<id>.md` at a version
    body_line: int = field(default=1, compare=False)

    def principles(self) -> tuple[tuple[str, str], ...]:
        """(title, explanation) per principle."""
        return tuple((t, self.toelichtingen[i] if i < len(self.toelichtingen) else "")
                     for i, t in enumerate(self.principes))


@dataclass(frozen=True)
class VisionText:
    """The vision text (core + themes) of one version: adopted at a tag, or the current text."""

    versie: str
    titel: str
    kernboodschap: str
    body: str = field(default="", metadata={"markdown": True})
    themas: tuple[ThemeText, ...] = ()
    commit: str | None = None
    path: str = field(default="", compare=False)  # `<tag>:content/visie.md` at a version
    body_line: int = field(default=1, compare=False)

    def theme(self, theme_id: str) -> ThemeText | None:
        return next((t for t in self.themas if t.id == theme_id), None)


@dataclass(frozen=True)
class Move:
    """A content file that had another name on the published main line (renames.py)."""

    oud: str  # content-relative path, e.g. projecten/oude-naam.yml
    nieuw: str


def newest_date(versies: tuple[Version, ...], metingen: tuple[Measurement, ...]) -> date | None:
    """The "stand per" date: the newest dated fact (a version or a measurement)."""
    dates = [v.datum.start for v in versies] + [m.datum.start for m in metingen]
    return max(dates) if dates else None


@dataclass(frozen=True)
class Datavisie:
    """One municipality's data vision, for one audience."""

    organisatie: Organisation
    visie: Vision
    themas: tuple[Theme, ...]
    routekaart: Roadmap
    projecten: tuple[Project, ...]
    versies: tuple[Version, ...]
    paginas: tuple[Page, ...] = ()
    begrippen: tuple[Term, ...] = ()
    metingmodel: MaturityModel | None = None
    metingen: tuple[Measurement, ...] = ()
    doelgroep: str = "publiek"
    sources: tuple[str, ...] = ()  # content files the model was read from, relative to root
    stand: date | None = None  # "stand per": date of the newest dated fact in the content
    geschiedenis: tuple[VisionText, ...] = ()  # adopted texts from git, oldest first (history.py)
    # the site's Markdown extensions (mkdocs.yml): how the filter and checks read Markdown
    grammar: Grammar = field(default=DEFAULT_GRAMMAR, compare=False, repr=False)
    verhuisd: tuple[Move, ...] = ()  # renamed content files, from git (renames.py)

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themas if t.id == theme_id), None)

    def project(self, project_id: str) -> Project | None:
        return next((p for p in self.projecten if p.id == project_id), None)

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.paginas if p.id == page_id), None)

    @property
    def latest_adopted(self) -> Version | None:
        adopted = [v for v in self.versies if v.adopted]
        return adopted[-1] if adopted else None

    @property
    def baseline(self) -> Measurement | None:
        return next((m for m in self.metingen if m.soort == "nulmeting"), None) or (
            self.metingen[0] if self.metingen else None)

    @property
    def latest_measurement(self) -> Measurement | None:
        return self.metingen[-1] if self.metingen else None
