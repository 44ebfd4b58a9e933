"""What a proposed change does to the vision: two models compared item by item into typed,
Dutch `Change`s (pure: `compare_models`). The git edge and the command are in changes_cli.py,
the details in changes_details.py, the output in changes_format.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .changes_details import (
    Detail,
    field_changes,
    norm,
    show,
    text_change,
)
from .model import Datavisie, Measurement, Milestone, Project, Theme, Version

# --- what a change is ---------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One thing a reviewer should know. `kind` is stable ("project.added", ...); `subject` is
    the id of what changed; `sentence` is the plain Dutch summary; `details` say how."""

    kind: str
    subject: str
    sentence: str
    details: tuple[Detail, ...] = ()

    @property
    def section(self) -> str:
        return SECTION_OF[self.kind.split(".")[0]]


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
}
SECTION_OF = {
    "version": "versies", "vision": "kernvisie", "theme": "themas", "principle": "themas",
    "phase": "routekaart", "milestone": "routekaart", "project": "projecten",
    "measurement": "metingen", "score": "metingen", "maturity": "metingen",
    "page": "paginas", "term": "begrippen", "organisation": "organisatie",
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
class _Titles:
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


def compare_models(old: Datavisie, new: Datavisie) -> list[Change]:
    """Everything that differs between two models, in reading order (see SECTIONS)."""
    t = _Titles(old, new)
    changes = (_versions(old, new) + _vision(old, new) + _themes(old, new)
               + _roadmap(old, new, t) + _projects(old, new, t) + _measurements(old, new, t)
               + _pages(old, new) + _terms(old, new) + _organisation(old, new))
    order = list(SECTIONS)
    return sorted(changes, key=lambda c: order.index(c.section))


def _versions(old: Datavisie, new: Datavisie) -> list[Change]:
    out: list[Change] = []
    for key, a, b in _pairs(old.versies, new.versies, "versie"):
        if b is None:
            out.append(Change("version.removed", key, f"Versie {key} verwijderd."))
            continue
        if a is None:  # a new entry: its summary says what it is about, the rest is new
            summary = text_change("samenvatting", "", b.samenvatting)
            details: list[Detail] = [summary] if summary is not None else []
        else:
            details = field_changes(a, b)
        if b.adopted and (a is None or not a.adopted):
            out.append(Change("version.adopted", key, _adopted_sentence(b), tuple(details)))
        elif a is None:
            out.append(Change("version.added", key,
                              f"Versie {key} toegevoegd (status: {b.status}).", ()))
        elif b.status == "ingetrokken" and a.status != "ingetrokken":
            out.append(Change("version.withdrawn", key, f"Versie {key} ingetrokken.",
                              tuple(details)))
        elif details:
            out.append(Change("version.changed", key,
                              f"Versie {key} gewijzigd: {_names(details)}.", tuple(details)))
    return out


_BODIES = {"mt": "het managementteam", "college": "het college", "gemeenteraad": "de gemeenteraad"}


def _adopted_sentence(v: Version) -> str:
    by = f" door {_BODIES.get(v.besluit.orgaan, v.besluit.orgaan)}" if v.besluit else ""
    ref = f" (besluit {v.besluit.kenmerk})" if v.besluit else ""
    return f"Versie {v.versie} vastgesteld{by} op {v.datum.label()}{ref}."


def _vision(old: Datavisie, new: Datavisie) -> list[Change]:
    out: list[Change] = []
    details = field_changes(old.visie, new.visie)
    if details:
        out.append(Change("vision.changed", "visie",
                          f"Kernvisie gewijzigd: {_names(details)}.", tuple(details)))
    body = text_change("tekst", old.visie.body, new.visie.body)
    if body is not None:
        out.append(Change("vision.text", "visie",
                          f"Tekst van de kernvisie: {body.summary()}.", (body,)))
    return out


def _themes(old: Datavisie, new: Datavisie) -> list[Change]:
    out: list[Change] = []
    for key, a, b in _pairs(old.themas, new.themas):
        if a is None:
            n = len(b.principes)
            out.append(Change("theme.added", key, f"Thema {_q(b.titel)} toegevoegd, met "
                              f"{n} principe{'s' if n != 1 else ''}."))
            continue
        if b is None:
            out.append(Change("theme.removed", key, f"Thema {_q(a.titel)} verwijderd."))
            continue
        out += _theme(a, b)
    return out


def _theme(a: Theme, b: Theme) -> list[Change]:
    out: list[Change] = []
    details = field_changes(a, b, skip=("principes",))
    if details:
        out.append(Change("theme.changed", b.id,
                          f"Thema {_q(b.titel)} gewijzigd: {_names(details)}.", tuple(details)))
    for key, pa, pb in _pairs(a.principes, b.principes, "titel"):
        if pa is None:
            out.append(Change("principle.added", b.id,
                              f"Principe {_q(key)} toegevoegd aan thema {_q(b.titel)}."))
        elif pb is None:
            out.append(Change("principle.removed", b.id,
                              f"Principe {_q(key)} verwijderd uit thema {_q(b.titel)}."))
        elif pd := field_changes(pa, pb, skip=("titel",)):
            out.append(Change("principle.changed", b.id,
                              f"Principe {_q(key)} van thema {_q(b.titel)} gewijzigd: "
                              f"{_names(pd)}.", tuple(pd)))
    body = text_change("tekst", a.body, b.body)
    if body is not None:
        out.append(Change("theme.text", b.id, f"Tekst van thema {_q(b.titel)}: "
                          f"{body.summary()}.", (body,)))
    return out


def _roadmap(old: Datavisie, new: Datavisie, t: _Titles) -> list[Change]:
    out: list[Change] = []
    for key, a, b in _pairs(old.routekaart.fasen, new.routekaart.fasen):
        if a is None:
            out.append(Change("phase.added", key, f"Fase {_q(b.titel)} toegevoegd "
                              f"({b.start.label()} tot en met {b.eind.label()})."))
        elif b is None:
            out.append(Change("phase.removed", key, f"Fase {_q(a.titel)} verwijderd."))
        elif details := field_changes(a, b):
            out.append(Change("phase.changed", key, f"Fase {_q(b.titel)} gewijzigd: "
                              f"{_names(details)}.", tuple(details)))
    for key, a, b in _pairs(old.routekaart.mijlpalen, new.routekaart.mijlpalen):
        if a is None:
            out.append(Change("milestone.added", key, f"Mijlpaal {_q(b.titel)} toegevoegd: "
                              f"{b.wanneer.label()}, fase {_q(t.phase(b.fase))}, "
                              f"status {b.status}."))
        elif b is None:
            out.append(Change("milestone.removed", key, f"Mijlpaal {_q(a.titel)} verwijderd."))
        else:
            out += _milestone(a, b, t)
    return out


def _milestone(a: Milestone, b: Milestone, t: _Titles) -> list[Change]:
    out: list[Change] = []
    skip = {"wanneer", "status"}
    if a.wanneer != b.wanneer or a.wanneer.text != b.wanneer.text:
        moved = (f"Mijlpaal {_q(b.titel)} verplaatst van {a.wanneer.label()} "
                 f"naar {b.wanneer.label()}")
        if a.fase != b.fase:
            moved += f" (van fase {_q(t.phase(a.fase))} naar fase {_q(t.phase(b.fase))})"
            skip.add("fase")
        out.append(Change("milestone.moved", b.id, moved + "."))
    if a.status != b.status:
        out.append(Change("milestone.status", b.id, f"Mijlpaal {_q(b.titel)}: status van "
                          f"{_q(a.status)} naar {_q(b.status)}."))
    details = field_changes(a, b, skip=skip, titles=t.theme, titled=("themas",))
    if details:
        out.append(Change("milestone.changed", b.id, f"Mijlpaal {_q(b.titel)} gewijzigd: "
                          f"{_names(details)}.", tuple(details)))
    return out


def _projects(old: Datavisie, new: Datavisie, t: _Titles) -> list[Change]:
    out: list[Change] = []
    pairs = sorted(_pairs(old.projecten, new.projecten), key=lambda p: (p[2] is None, p[0]))
    for key, a, b in pairs:
        if a is None:
            out.append(Change("project.added", key, _project_added(b, t)))
        elif b is None:
            out.append(Change("project.removed", key, f"Project {_q(a.naam)} verwijderd."))
        elif details := field_changes(a, b, titles=t.theme, titled=("themas",)):
            out.append(Change("project.changed", key, f"Project {_q(b.naam)} gewijzigd: "
                              f"{_names(details)}.", tuple(details)))
    return out


def _project_added(p: Project, t: _Titles) -> str:
    where = "thema" if len(p.themas) == 1 else "de thema's"
    return (f"Project {_q(p.naam)} toegevoegd onder {where} {t.themes(p.themas)} "
            f"(status: {p.status}).")


def _measurement_name(m: Measurement) -> str:
    return f"{m.soort} van {m.datum.label()}"


def _measurements(old: Datavisie, new: Datavisie, t: _Titles) -> list[Change]:
    out = _maturity_model(old, new)
    for key, a, b in _pairs(old.metingen, new.metingen):
        if a is None:
            out.append(Change("measurement.added", key, f"Meting toegevoegd: "
                              f"{_measurement_name(b)}, {len(b.scores)} scores."))
        elif b is None:
            out.append(Change("measurement.removed", key,
                              f"Meting verwijderd: {_measurement_name(a)}."))
        else:
            if details := field_changes(a, b, skip=("scores",)):
                out.append(Change("measurement.changed", key, f"Meting ({_measurement_name(b)}) "
                                  f"gewijzigd: {_names(details)}.", tuple(details)))
            for aspect, sa, sb in _pairs(a.scores, b.scores, "aspect"):
                out += _score(b, aspect, sa, sb, t)
    return out


def _score(m: Measurement, aspect: str, a: Any, b: Any, t: _Titles) -> list[Change]:
    details = field_changes(a, b, skip=("aspect",))
    if not details:
        return []
    head = f"{m.soort.capitalize()} van {m.datum.label()}: "
    name = _q(t.aspect(aspect))
    if a is None:
        sentence = f"score voor {name} toegevoegd ({b.huidig})."
    elif b is None:
        sentence = f"score voor {name} verwijderd."
    elif a.huidig != b.huidig:
        sentence = f"score voor {name} van {a.huidig} naar {b.huidig}."
    elif a.ambitie != b.ambitie:
        sentence = f"ambitie voor {name} van {show(a.ambitie)} naar {show(b.ambitie)}."
    else:
        sentence = f"score voor {name} gewijzigd: {_names(details)}."
    return [Change("score.changed", f"{m.id}/{aspect}", head + sentence, tuple(details))]


def _maturity_model(old: Datavisie, new: Datavisie) -> list[Change]:
    """The maturity model entry by entry: a renamed aspect is that aspect, not the model."""
    a, b = old.metingmodel, new.metingmodel
    if a == b:
        return []
    if a is None or b is None:
        what = "toegevoegd" if a is None else "verwijderd"
        name = b.naam if b is not None else a.naam if a is not None else ""
        return [Change("maturity.changed", "model", f"Ontwikkelmodel {_q(name)} {what}.")]
    out: list[Change] = []
    if details := field_changes(a, b, skip=("niveaus", "dimensies")):
        out.append(Change("maturity.changed", "model", f"Ontwikkelmodel {_q(b.naam)} gewijzigd: "
                          f"{_names(details)}.", tuple(details)))
    for key, la, lb in _pairs(a.niveaus, b.niveaus, "waarde"):
        if la is None:
            out.append(Change("maturity.level", str(key),
                              f"Niveau {key} ({_q(lb.naam)}) toegevoegd aan het ontwikkelmodel."))
        elif lb is None:
            out.append(Change("maturity.level", str(key),
                              f"Niveau {key} ({_q(la.naam)}) verwijderd uit het ontwikkelmodel."))
        elif norm(la.naam) != norm(lb.naam):
            out.append(Change("maturity.level", str(key), f"Niveau {key} van het ontwikkelmodel "
                              f"heet nu {_q(lb.naam)} (was {_q(la.naam)})."))
    for key, da, db in _pairs(a.dimensies, b.dimensies):
        if da is None:
            out.append(Change("maturity.dimension", key, f"Dimensie {_q(db.titel)} toegevoegd "
                              f"aan het ontwikkelmodel, met {_count_of(db.aspecten, 'aspect')}."))
        elif db is None:
            out.append(Change("maturity.dimension", key,
                              f"Dimensie {_q(da.titel)} verwijderd uit het ontwikkelmodel."))
        elif norm(da.titel) != norm(db.titel):
            out.append(Change("maturity.dimension", key, f"Dimensie {_q(da.titel)} van het "
                              f"ontwikkelmodel heet nu {_q(db.titel)}."))
    old_dim = {x.id: d for d in a.dimensies for x in d.aspecten}
    new_dim = {x.id: d for d in b.dimensies for x in d.aspecten}
    for key, xa, xb in _pairs(a.aspects(), b.aspects()):
        if xa is None:
            if key in old_dim or new_dim[key].id in {d.id for d in a.dimensies}:
                out.append(Change("maturity.aspect", key, f"Aspect {_q(xb.titel)} toegevoegd "
                                  f"aan dimensie {_q(new_dim[key].titel)}."))
            continue  # part of a new dimension: said there
        if xb is None:
            if old_dim[key].id in {d.id for d in b.dimensies}:
                out.append(Change("maturity.aspect", key, f"Aspect {_q(xa.titel)} verwijderd "
                                  f"uit dimensie {_q(old_dim[key].titel)}."))
            continue
        said = []
        if norm(xa.titel) != norm(xb.titel):
            said.append(f"heet nu {_q(xb.titel)}")
        if old_dim[key].id != new_dim[key].id:
            said.append(f"hoort nu bij dimensie {_q(new_dim[key].titel)} "
                        f"(was {_q(old_dim[key].titel)})")
        if said:
            out.append(Change("maturity.aspect", key,
                              f"Aspect {_q(xa.titel)} {_and(said)}."))
    return out


def _count_of(items: Sequence[Any], noun: str) -> str:
    return f"1 {noun}" if len(items) == 1 else f"{len(items)} {noun}en"


def _pages(old: Datavisie, new: Datavisie) -> list[Change]:
    out: list[Change] = []
    for key, a, b in _pairs(old.paginas, new.paginas):
        if a is None:
            out.append(Change("page.added", key, f"Pagina {_q(b.titel)} toegevoegd."))
        elif b is None:
            out.append(Change("page.removed", key, f"Pagina {_q(a.titel)} verwijderd."))
        else:
            details = field_changes(a, b)
            body = text_change("tekst", a.body, b.body)
            if body is not None:
                details.append(body)
            if details:
                out.append(Change("page.changed", key, f"Pagina {_q(b.titel)} gewijzigd: "
                                  f"{_names(details)}.", tuple(details)))
    return out


def _terms(old: Datavisie, new: Datavisie) -> list[Change]:
    out: list[Change] = []
    for key, a, b in _pairs(old.begrippen, new.begrippen, "term"):
        if a is None:
            out.append(Change("term.added", key, f"Begrip {_q(key)} toegevoegd."))
        elif b is None:
            out.append(Change("term.removed", key, f"Begrip {_q(key)} verwijderd."))
        elif details := field_changes(a, b, skip=("term",)):
            out.append(Change("term.changed", key, f"Begrip {_q(key)} gewijzigd: "
                              f"{_names(details)}.", tuple(details)))
    return out


def _organisation(old: Datavisie, new: Datavisie) -> list[Change]:
    details = field_changes(old.organisatie, new.organisatie)
    if not details:
        return []
    return [Change("organisation.changed", "organisatie",
                   f"Gegevens van de organisatie gewijzigd: {_names(details)}.", tuple(details))]
