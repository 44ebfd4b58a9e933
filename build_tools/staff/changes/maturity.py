"""The maturity model and its measurements compared: a renamed aspect is that aspect, a changed
score names the aspect and both values. Pure; part of `changes.compare_models`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from build_tools.content.model import Datavisie, Measurement
from build_tools.staff.changes.change import Change, Titles
from build_tools.staff.changes.change import and_ as _and
from build_tools.staff.changes.change import names as _names
from build_tools.staff.changes.change import pairs as _pairs
from build_tools.staff.changes.change import q as _q
from build_tools.staff.changes.details import field_changes, norm, show


def _measurement_name(m: Measurement) -> str:
    return f"{m.soort} van {m.datum.label()}"


def measurements(old: Datavisie, new: Datavisie, t: Titles) -> list[Change]:
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


def _score(m: Measurement, aspect: str, a: Any, b: Any, t: Titles) -> list[Change]:
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


