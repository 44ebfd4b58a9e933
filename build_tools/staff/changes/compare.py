"""What a proposed change does to the vision: two models compared item by item into typed,
Dutch `Change`s (pure: `compare_models`). What a change is: change.py; the
details: details.py; the maturity model: maturity.py; the output: format.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from build_tools.content.model import Datavisie, Milestone, Project, Theme, Version
from build_tools.staff.changes.change import SECTIONS as SECTIONS
from build_tools.staff.changes.change import Change as Change
from build_tools.staff.changes.change import Titles as Titles
from build_tools.staff.changes.change import names as _names
from build_tools.staff.changes.change import pairs as _pairs
from build_tools.staff.changes.change import q as _q
from build_tools.staff.changes.details import Detail, field_changes, show, text_change
from build_tools.staff.changes.maturity import measurements
from build_tools.staff.changes.moves import moved_items, moved_sentence, removed_note, unmoved

# --- the comparison (pure) ---------------------------------------------------------------

def compare_models(old: Datavisie, new: Datavisie, *,
                   moved: Mapping[str, str] | None = None) -> list[Change]:
    """Everything that differs between two models, in reading order (see SECTIONS).
    `moved` maps old to new address keys of files git saw renamed (`projecten/a` ->
    `projecten/b`); a renamed theme, project or page is one change, with both addresses."""
    t = Titles(old, new)
    mv = moved or {}
    changes = (_versions(old, new) + _vision(old, new) + _themes(old, new, mv)
               + _roadmap(old, new, t) + _projects(old, new, t, mv) + measurements(old, new, t)
               + _pages(old, new, mv) + _terms(old, new) + _organisation(old, new))
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


def _themes(old: Datavisie, new: Datavisie, mv: Mapping[str, str]) -> list[Change]:
    out: list[Change] = []
    moves = moved_items("themas", old.themas, new.themas, moved=mv, text=_theme_text)
    gone = unmoved(old.themas, moves)
    for key, a, b in _pairs(old.themas, new.themas):
        if key in moves:
            m = moves[key]
            out.append(Change("theme.moved", key, moved_sentence("Thema", _q(b.titel), "themas",
                                                                 m), vorige=m.old.id))
            out += _theme(m.old, b)
        elif a is None:
            n = len(b.principes)
            out.append(Change("theme.added", key, f"Thema {_q(b.titel)} toegevoegd, met "
                              f"{n} principe{'s' if n != 1 else ''}."))
        elif b is None:
            if key in gone:
                out.append(Change("theme.removed", key, f"Thema {_q(a.titel)} verwijderd."
                                  + removed_note("themas", key)))
        else:
            out += _theme(a, b)
    return out


def _theme_text(t: Theme) -> str:
    return " ".join((t.titel, t.ambitie, *(p.titel for p in t.principes), t.body))


def _theme(a: Theme, b: Theme) -> list[Change]:
    out: list[Change] = []
    details = field_changes(a, b, skip=("principes", *_moved_skip(a, b)))
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


def _roadmap(old: Datavisie, new: Datavisie, t: Titles) -> list[Change]:
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


def _milestone(a: Milestone, b: Milestone, t: Titles) -> list[Change]:
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


def _projects(old: Datavisie, new: Datavisie, t: Titles,
              mv: Mapping[str, str]) -> list[Change]:
    out: list[Change] = []
    moves = moved_items("projecten", old.projecten, new.projecten, moved=mv,
                        text=_project_text)
    gone = unmoved(old.projecten, moves)
    pairs = sorted(_pairs(old.projecten, new.projecten), key=lambda p: (p[2] is None, p[0]))
    for key, a, b in pairs:
        if key in moves:
            m = moves[key]
            a = m.old
            out.append(Change("project.moved", key, moved_sentence("Project", _q(b.naam),
                                                                   "projecten", m),
                              vorige=a.id))
        if a is None:
            out.append(Change("project.added", key, _project_added(b, t)))
        elif b is None:
            if key in gone:
                out.append(Change("project.removed", key, f"Project {_q(a.naam)} verwijderd."
                                  + removed_note("projecten", key)))
        elif details := field_changes(a, b, titles=t.theme, titled=("themas",),
                                      skip=_moved_skip(a, b)):
            out.append(Change("project.changed", key, f"Project {_q(b.naam)} gewijzigd: "
                              f"{_names(details)}.", tuple(details)))
    return out


def _project_text(p: Project) -> str:
    return " ".join(show(getattr(p, f)) for f in ("naam", "samenvatting", "eigenaar", "doel",
                                                  "themas", "status", "start"))


def _moved_skip(a: Any, b: Any) -> tuple[str, ...]:
    """A moved item's new old address is the move itself, said once."""
    return ("oude_adressen",) if a.id != b.id else ()


def _project_added(p: Project, t: Titles) -> str:
    where = "thema" if len(p.themas) == 1 else "de thema's"
    return (f"Project {_q(p.naam)} toegevoegd onder {where} {t.themes(p.themas)} "
            f"(status: {p.status}).")


def _pages(old: Datavisie, new: Datavisie, mv: Mapping[str, str]) -> list[Change]:
    out: list[Change] = []
    moves = moved_items("paginas", old.paginas, new.paginas, moved=mv,
                        text=lambda p: f"{p.titel} {p.body}")
    gone = unmoved(old.paginas, moves)
    for key, a, b in _pairs(old.paginas, new.paginas):
        if key in moves:
            m = moves[key]
            a = m.old
            out.append(Change("page.moved", key, moved_sentence("Pagina", _q(b.titel),
                                                                "paginas", m), vorige=a.id))
        if a is None:
            out.append(Change("page.added", key, f"Pagina {_q(b.titel)} toegevoegd."))
        elif b is None:
            if key in gone:
                out.append(Change("page.removed", key, f"Pagina {_q(a.titel)} verwijderd."
                                  + removed_note("paginas", key)))
        else:
            details = field_changes(a, b, skip=_moved_skip(a, b))
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
