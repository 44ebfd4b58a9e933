"""What a change is (`Change`, the section it belongs to, the file it is in) and the words
the comparisons share to name it: titles from both sides (`Titles`), quoted values, lists
in Dutch, items paired by id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from build_tools.content.model import Datavisie
from build_tools.staff.changes.details import Detail, norm

# --- what a change is ---------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One thing a reviewer should know. `kind` is stable ("project.added", ...); `subject` is
    the id of what changed; `sentence` is the plain Dutch summary; `details` say how."""

    kind: str
    subject: str
    sentence: str
    details: tuple[Detail, ...] = ()
    vorige: str | None = None  # the old id of a theme, project or page that moved

    @property
    def section(self) -> str:
        return SECTION_OF[self.kind.split(".")[0]]

    def files(self) -> set[str]:
        """The content files (relative to the content folder) this change is about."""
        kind = self.kind.split(".")[0]
        pattern = _FILE_OF.get(kind)
        if pattern is None:
            return set()
        ids = [self.subject.split("/")[0]] + ([self.vorige] if self.vorige else [])
        return {pattern.format(id=i) for i in ids}


# Section order is reading order for reviewers: decisions first, then meaning, then data.
SECTIONS: dict[str, str] = {
    "versies": "Versies",
    "kernvisie": "Kernvisie",
    "themas": "Thema's",
    "routekaart": "Routekaart",
    "projecten": "Projecten",
    "metingen": "Metingen",
    "paginas": "Pagina's",
    "begrippen": "Begrippen",
    "organisatie": "Organisatie",
    "huisstijl": "Huisstijl",
    "posters": "Posters",
    "site": "Site",
    "intern": "Intern",
}
SECTION_OF = {
    "version": "versies", "vision": "kernvisie", "theme": "themas", "principle": "themas",
    "phase": "routekaart", "milestone": "routekaart", "project": "projecten",
    "measurement": "metingen", "score": "metingen", "maturity": "metingen",
    "page": "paginas", "term": "begrippen", "organisation": "organisatie",
    "style": "huisstijl", "poster": "posters", "site": "site", "internal": "intern",
}


_FILE_OF = {
    "version": "versies.yml", "vision": "visie.md", "theme": "themas/{id}.md",
    "principle": "themas/{id}.md", "phase": "routekaart.yml", "milestone": "routekaart.yml",
    "project": "projecten/{id}.yml", "measurement": "metingen/{id}.yml",
    "score": "metingen/{id}.yml", "maturity": "metingen/model.yml", "page": "paginas/{id}.md",
    "term": "begrippen.yml", "organisation": "organisatie.yml",
}


# --- helpers ---------------------------------------------------------------------------

def _names(details: Sequence[Detail]) -> str:
    return ", ".join(d.veld for d in details)


def _q(text: str) -> str:
    return f"‘{norm(text)}’"


def _and(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _by_id(items: Iterable[Any], key: str = "id") -> dict[str, Any]:
    return {getattr(i, key): i for i in items}


def _pairs(old: Iterable[Any], new: Iterable[Any], key: str = "id"
           ) -> list[tuple[str, Any, Any]]:
    """(id, old, new) in new order, then removed items in old order."""
    a, b = _by_id(old, key), _by_id(new, key)
    out = [(k, a.get(k), v) for k, v in b.items()]
    return out + [(k, v, None) for k, v in a.items() if k not in b]


# --- the comparison (pure) ---------------------------------------------------------------

@dataclass(frozen=True)
class Titles:
    """Theme, phase and aspect titles from both sides, for readable references."""

    old: Datavisie
    new: Datavisie

    def theme(self, theme_id: str) -> str:
        t = self.new.theme(theme_id) or self.old.theme(theme_id)
        return t.titel if t else theme_id

    def themes(self, ids: Sequence[str]) -> str:
        return _and([self.theme(i) for i in ids])

    def phase(self, phase_id: str) -> str:
        p = self.new.routekaart.phase(phase_id) or self.old.routekaart.phase(phase_id)
        return p.titel if p else phase_id

    def aspect(self, aspect_id: str) -> str:
        for mm in (self.new.metingmodel, self.old.metingmodel):
            for a in mm.aspects() if mm else ():
                if a.id == aspect_id:
                    return a.titel
        return aspect_id


# for the comparison modules (compare.py, maturity.py)
q, and_, names, pairs, by_id = _q, _and, _names, _pairs, _by_id
