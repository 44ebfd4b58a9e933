"""The project register in the model: a project (`projecten/<id>.yml`), its data sources,
and the algorithm it uses with its impact tests, legal basis and council questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from build_tools.content.fields import field_positions, located, md, md_opt
from build_tools.content.when import When
from build_tools.errors import Pos


@dataclass(frozen=True)
class DataSource:
    """A data source a project uses (`projecten/<id>.yml`, `gegevens`)."""

    bron: str
    persoonsgegevens: bool
    link: str | None = None
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class ImpactTest:
    """An impact assessment of an algorithm (DPIA, IAMA, ...), with its link."""

    titel: str
    link: str | None = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class LegalLink:
    """A law, regulation or decision an algorithm rests on, with the address of its text."""

    titel: str
    link: str
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Algorithm:
    """The algorithm block of a project, in the fields of the Algoritmeregister."""

    publicatiecategorie: str
    soort: str
    menselijke_tussenkomst: str = md()
    risicobeheer: str = md()
    beleidsterrein: tuple[str, ...] = ()  # the register's policy areas, as ids
    in_gebruik_sinds: When | None = None
    afwegingen: str | None = md_opt()
    wettelijke_basis: str | None = md_opt()
    wettelijke_basis_links: tuple[LegalLink, ...] = ()
    technische_werking: str | None = md_opt()
    leverancier: str | None = None
    broncode: str | None = None
    verwerkingsregister: str | None = None
    impacttoetsen: tuple[ImpactTest, ...] = ()
    toelichting_impacttoetsen: str | None = md_opt()
    registratie: str | None = None
    lars: str | None = None  # the register's id (Algoritme-ID), once it has one
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class CouncilQuestions:
    """Questions for the council per stage of decision making (`raadsvragen`)."""

    beeldvorming: tuple[str, ...] = ()
    oordeelsvorming: tuple[str, ...] = ()
    besluitvorming: tuple[str, ...] = ()
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()

    def __bool__(self) -> bool:
        return bool(self.beeldvorming or self.oordeelsvorming or self.besluitvorming)


@dataclass(frozen=True)
class Project:
    """One data project or algorithm of the register (`projecten/<id>.yml`)."""

    id: str
    naam: str
    samenvatting: str
    themas: tuple[str, ...]
    status: str
    start: When
    eigenaar: str
    doel: str = md()
    dpia: str = "onbekend"
    mijlpalen: tuple[str, ...] = ()
    eind: When | None = None
    gegevens: tuple[DataSource, ...] = ()
    algoritme: Algorithm | None = None
    raadsvragen: CouncilQuestions = field(default_factory=CouncilQuestions)
    oude_adressen: tuple[str, ...] = ()
    path: str = ""
    zichtbaarheid: str = "publiek"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()

    @property
    def persoonsgegevens(self) -> bool:
        return any(s.persoonsgegevens for s in self.gegevens)
