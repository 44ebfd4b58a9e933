"""The maturity model and its measurements in the model: levels, aspects and dimensions
(`volwassenheid.yml`), and the scores of each measurement (`metingen/`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from build_tools.content.fields import field_positions, located
from build_tools.content.when import When
from build_tools.errors import Pos


@dataclass(frozen=True)
class Level:
    """One level of the maturity model (`metingen/model.yml`, `niveaus`)."""

    waarde: int
    naam: str
    pos: Pos = located()


@dataclass(frozen=True)
class Aspect:
    """One aspect of a maturity dimension (`metingen/model.yml`)."""

    id: str
    titel: str
    pos: Pos = located()


@dataclass(frozen=True)
class Dimension:
    """One dimension of the maturity model, with its aspects."""

    id: str
    titel: str
    aspecten: tuple[Aspect, ...]
    pos: Pos = located()


@dataclass(frozen=True)
class MaturityModel:
    """The maturity model (`metingen/model.yml`): its levels and dimensions, and its source."""

    naam: str
    niveaus: tuple[Level, ...]
    dimensies: tuple[Dimension, ...]
    bron: str | None = None
    herhaling: int | None = None  # months between measurements (freshness.py)
    path: str = "content/metingen/model.yml"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()

    @property
    def lowest(self) -> int:
        return min(level.waarde for level in self.niveaus)

    @property
    def highest(self) -> int:
        return max(level.waarde for level in self.niveaus)

    def aspects(self) -> tuple[Aspect, ...]:
        return tuple(a for d in self.dimensies for a in d.aspecten)


@dataclass(frozen=True)
class Score:
    """The score of one aspect in one measurement, with the ambition for it."""

    aspect: str
    huidig: int
    ambitie: int | None = None
    toelichting: str | None = None
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()


@dataclass(frozen=True)
class Measurement:
    """One maturity measurement (`metingen/<id>.yml`): the baseline or a later one."""

    id: str
    datum: When
    soort: str
    scores: tuple[Score, ...]
    methode: str | None = None
    path: str = ""
    zichtbaarheid: str = "publiek"
    intern: Any = None
    pos: Pos = located()
    fpos: Mapping[str, Pos] = field_positions()

    def score(self, aspect_id: str) -> Score | None:
        return next((s for s in self.scores if s.aspect == aspect_id), None)
