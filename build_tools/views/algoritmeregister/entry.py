"""One public algorithm as an entry of the national Algoritmeregister (publication standard 1.0),
with, for every field of the entry, the place in the content it comes from, so that a field
the register would refuse is reported at the author's file and line. Pure: model -> entries.

Field by field (the register's title in brackets; `docs/algoritmeregister.md` has the table):
`name` (Naam) is the project's `naam`; `organization` (Organisatie) the organisation's `naam`;
`description_short` (Korte omschrijving) the `samenvatting`; `category` (Thema) the
`algoritme.beleidsterrein`; `status` the project's `status` (verkenning and pilot are *In
ontwikkeling*); `begin_date` (Begindatum) the month of `algoritme.in_gebruik_sinds`, the month
the algorithm went into use, never the project's `start`; `end_date` (Einddatum) the month of
the project's `eind` once it is `buiten-gebruik`; the text fields are the Markdown fields as
register HTML; `impacttoetsen_grouping` carries the register's own titles for a DPIA, IAMA or
FRIA, so its filters find them, and a DPIA the project reports as done; `impacttoetsen`
explains a DPIA that was not needed or is still planned, and adds the author's
`toelichting_impacttoetsen`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from build_tools.content import labels
from build_tools.content.model import Algorithm, Datavisie, Project
from build_tools.errors import Pos
from build_tools.views.algoritmeregister.html import (
    markdown_bound,
    paragraph,
    register_html,
    text,
)
from build_tools.views.algoritmeregister.standard import register_length, standard

DATA = "data"
FOLDER = f"{DATA}/algoritmeregister"
ALL_FILE = "alle_algoritmes.json"  # `_` is never in a project id, so never a project's file
REGISTER_HOME = "https://algoritmes.overheid.nl/"
# an algorithm's page there by its Algoritme-ID: the register's site redirects /algoritme/<id>
# to its canonical address (frontend/middleware/redirect.global.ts, commit 559218f5)
REGISTER_SITE = REGISTER_HOME + "nl/algoritme/"

# Titles the register's impact-assessment filter knows: the recommended titles of
# `impacttoetsen_grouping.items.title` in v1_0.json, and FRIA from its filter's list
# (backend/app/schemas/misc.py, ImpactAssessments, commit 559218f5).
DPIA = "Data Protection Impact Assessment (DPIA)"
IAMA = "Impact Assessment Mensenrechten en Algoritmes (IAMA)"
FRIA = "Fundamental Rights Impact Assessment (FRIA)"
_KNOWN_TESTS = (
    (DPIA, re.compile(r"\bDPIA\b|gegevensbeschermingseffectbeoordeling|"
                      r"data protection impact assessment", re.I)),
    (IAMA, re.compile(r"\bIAMA\b|impact assessment mensenrechten", re.I)),
    (FRIA, re.compile(r"\bFRIA\b|fundamental rights impact assessment", re.I)),
)


# Register field -> where its value comes from, as an author reads it (the staff guide and
# docs/algoritmeregister.md show this; a test keeps it in step with `build_entry`).
FIELDS: dict[str, str] = {
    "name": "`naam`",
    "description_short": "`samenvatting`",
    "organization": "`naam` in organisatie.yml",
    "category": "`algoritme.beleidsterrein`",
    "status": "`status` (verkenning en pilot: In ontwikkeling)",
    "begin_date": "`algoritme.in_gebruik_sinds` (de maand)",
    "end_date": "`eind` (de maand), als `status` buiten-gebruik is",
    "contact_email": "`contact.email` in organisatie.yml",
    "website": "de pagina van het project op deze site",
    "publication_category": "`algoritme.publicatiecategorie`",
    "url": "de beschrijving op deze site (/data/algoritmeregister/<id>.json)",
    "goal": "`doel`",
    "proportionality": "`algoritme.afwegingen`",
    "human_intervention": "`algoritme.menselijke_tussenkomst`",
    "risks": "`algoritme.risicobeheer`",
    "lawful_basis": "`algoritme.wettelijke_basis`",
    "lawful_basis_grouping": "`algoritme.wettelijke_basis_links`",
    "process_index_url": "`algoritme.verwerkingsregister`",
    "impacttoetsen_grouping": "`algoritme.impacttoetsen`, en een DPIA als `dpia` uitgevoerd is",
    "impacttoetsen": "`dpia` (niet-nodig of gepland) en `algoritme.toelichting_impacttoetsen`",
    "source_data": "`gegevens[].bron` (met persoonsgegevens erbij)",
    "source_data_grouping": "`gegevens[].bron` en `gegevens[].link`",
    "methods_and_models": "`algoritme.soort` en `algoritme.technische_werking`",
    "provider": "`algoritme.leverancier`",
    "publiccode": "`algoritme.broncode`",
    "lang": "altijd `nld`",
    "standard_version": "altijd `1.0`",
    "source_id": "de bestandsnaam (het id van het project)",
    "tags": "(niet gebruikt: het register toont dit veld niet)",
    "lars": "`algoritme.lars`",
}


def page_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def project_url(site_url: str, project_id: str) -> str:
    return page_url(site_url, f"projecten/{project_id}/")


def entry_path(project_id: str) -> str:
    """Where an algorithm's entry is published on the site."""
    return f"{FOLDER}/{project_id}.json"


def register_link(a: Algorithm) -> str | None:
    """The algorithm's page in the national register: the recorded `registratie`, else the
    register's address for its Algoritme-ID (`lars`); None while it has neither."""
    if a.registratie:
        return a.registratie
    return REGISTER_SITE + a.lars if a.lars else None


def impact_test_title(titel: str) -> str:
    """The register's own title for a DPIA, IAMA or FRIA; any other test keeps its title."""
    found = [standard_title for standard_title, pattern in _KNOWN_TESTS if pattern.search(titel)]
    return found[0] if len(found) == 1 else titel


@dataclass(frozen=True)
class Source:
    """Where a field of an entry comes from: a place in the content and its field's name."""

    pos: Pos
    field: str  # as the author knows it: `algoritme.technische_werking`
    note: str = ""  # how the register's field is made from it, when not one to one


@dataclass(frozen=True)
class Entry:
    project: Project
    record: Mapping[str, Any]
    sources: Mapping[str, Source]

    def source(self, where: tuple[str | int, ...]) -> Source:
        """The source of a field, of an item (`lawful_basis_grouping[0]`) or of a sub-field
        (`...[0].link`); the closest one known, else the project's file."""
        keys = [str(where[0])]
        if len(where) > 1:
            keys.insert(0, f"{where[0]}[{where[1]}]")
        if len(where) > 2:
            keys.insert(0, f"{where[0]}[{where[1]}].{where[2]}")
        for key in keys:
            if key in self.sources:
                return self.sources[key]
        return Source(Pos(self.project.path, 1, 1), self.project.path)


def _at(obj: Any, name: str) -> Pos:
    return obj.fpos.get(name, obj.pos)  # type: ignore[no-any-return]


def _month(w: Any) -> str | None:
    return w.start.strftime("%Y-%m") if w is not None else None


class _Builder:
    def __init__(self, *, lean: bool) -> None:
        self.lean = lean
        self.record: dict[str, Any] = {}
        self.sources: dict[str, Source] = {}

    def html(self, key: str, markdown: str | None, before: str = "") -> str | None:
        """`before` (register HTML) followed by the Markdown as register HTML. In a lean entry
        (made for the checks) None instead when the result surely fits the register's limit,
        which spares converting most texts (`markdown_bound`)."""
        limit = standard().prop(key).max_length
        bound = markdown_bound(markdown)
        # text nodes are joined with one space: `before`'s, then the Markdown's
        if (self.lean and bound is not None and limit is not None
                and (register_length(before) + 1 if before else 0) + bound <= limit):
            return None
        return (before + (register_html(markdown) or "")) or None

    def put(self, key: str, value: Any, pos: Pos, field: str, note: str = "") -> None:
        self.record[key] = value
        self.sources[key] = Source(pos, field, note)

    def at(self, key: str, pos: Pos, field: str) -> None:
        self.sources[key] = Source(pos, field)


def _impact_tests(b: _Builder, p: Project, a: Algorithm) -> None:
    items: list[dict[str, str]] = []
    for t in a.impacttoetsen:
        items.append({"title": impact_test_title(t.titel), **({"link": t.link} if t.link else {})})
        i = len(items) - 1
        b.at(f"impacttoetsen_grouping[{i}]", t.pos, "algoritme.impacttoetsen")
        b.at(f"impacttoetsen_grouping[{i}].title", _at(t, "titel"),
             "algoritme.impacttoetsen[].titel")
        b.at(f"impacttoetsen_grouping[{i}].link", _at(t, "link"),
             "algoritme.impacttoetsen[].link")
    if p.dpia == "uitgevoerd" and DPIA not in {i["title"] for i in items}:
        items.append({"title": DPIA})  # the project says a DPIA was done: the filter finds it
        b.at(f"impacttoetsen_grouping[{len(items) - 1}]", _at(p, "dpia"), "dpia")
    b.put("impacttoetsen_grouping", items, _at(a, "impacttoetsen"), "algoritme.impacttoetsen")
    why = ""
    if p.dpia == "niet-nodig":
        why = paragraph("Een DPIA was niet nodig" + (
            "." if p.persoonsgegevens else ": het algoritme gebruikt geen persoonsgegevens."))
    elif p.dpia == "gepland":
        why = paragraph("De DPIA is gepland en nog niet afgerond.")
    own = bool(a.toelichting_impacttoetsen)
    pos, field = ((_at(a, "toelichting_impacttoetsen"), "algoritme.toelichting_impacttoetsen")
                  if own else (_at(p, "dpia"), "dpia"))
    b.put("impacttoetsen", b.html("impacttoetsen", a.toelichting_impacttoetsen, why), pos,
          field, "met de zin over de DPIA ervoor" if why and own else "")


def _sources(b: _Builder, p: Project) -> None:
    rows = "".join(f"<li>{text(s.bron)}{' (persoonsgegevens)' if s.persoonsgegevens else ''}"
                   "</li>" for s in p.gegevens)
    b.put("source_data", f"<ul>{rows}</ul>" if rows else None, _at(p, "gegevens"), "gegevens",
          "de namen van alle bronnen samen, met '(persoonsgegevens)' waar dat zo is")
    linked = [s for s in p.gegevens if s.link]
    b.put("source_data_grouping", [{"title": s.bron, "link": s.link} for s in linked],
          _at(p, "gegevens"), "gegevens")
    for i, s in enumerate(linked):
        b.at(f"source_data_grouping[{i}]", s.pos, "gegevens[].bron")
        b.at(f"source_data_grouping[{i}].link", _at(s, "link"), "gegevens[].link")


def build_entry(model: Datavisie, p: Project, *, lean: bool = False) -> Entry:
    """The entry of one algorithm (`p.algoritme` must be set), with the source of each field.
    `lean`: for the checks only, leave out the text fields that surely fit the register."""
    a = p.algoritme
    assert a is not None
    org = model.organisatie
    b = _Builder(lean=lean)
    alg = "algoritme."
    b.put("name", p.naam, _at(p, "naam"), "naam")
    b.put("organization", org.naam, _at(org, "naam"), "naam (organisatie.yml)")
    b.put("description_short", " ".join(p.samenvatting.split()), _at(p, "samenvatting"),
          "samenvatting")
    b.put("category", [labels.POLICY_AREA[x] for x in a.beleidsterrein],
          _at(a, "beleidsterrein"), alg + "beleidsterrein")
    b.put("status", labels.REGISTER_STATUS[p.status], _at(p, "status"), "status")
    b.put("begin_date", _month(a.in_gebruik_sinds), _at(a, "in_gebruik_sinds"),
          alg + "in_gebruik_sinds")
    b.put("end_date", _month(p.eind) if p.status == "buiten-gebruik" else None,
          _at(p, "eind"), "eind")
    b.put("contact_email", org.contact.email, _at(org.contact, "email"),
          "contact.email (organisatie.yml)")
    b.put("website", project_url(org.site_url, p.id), _at(org, "site_url"),
          "site_url (organisatie.yml)", f"met /projecten/{p.id}/ erachter")
    b.put("publication_category", labels.REGISTER_CATEGORY[a.publicatiecategorie],
          _at(a, "publicatiecategorie"), alg + "publicatiecategorie")
    b.put("url", page_url(org.site_url, entry_path(p.id)), _at(org, "site_url"),
          "site_url (organisatie.yml)", f"met /{entry_path(p.id)} erachter")
    for key, name, value in (
        ("goal", "doel", p.doel),
        ("proportionality", alg + "afwegingen", a.afwegingen),
        ("human_intervention", alg + "menselijke_tussenkomst", a.menselijke_tussenkomst),
        ("risks", alg + "risicobeheer", a.risicobeheer),
        ("lawful_basis", alg + "wettelijke_basis", a.wettelijke_basis),
    ):
        owner = p if name == "doel" else a
        b.put(key, b.html(key, value), _at(owner, name.removeprefix(alg)), name)
    b.put("lawful_basis_grouping", [{"title": x.titel, "link": x.link}
                                    for x in a.wettelijke_basis_links],
          _at(a, "wettelijke_basis_links"), alg + "wettelijke_basis_links")
    for i, x in enumerate(a.wettelijke_basis_links):
        b.at(f"lawful_basis_grouping[{i}].title", _at(x, "titel"),
             alg + "wettelijke_basis_links[].titel")
        b.at(f"lawful_basis_grouping[{i}].link", _at(x, "link"),
             alg + "wettelijke_basis_links[].link")
    b.put("process_index_url", a.verwerkingsregister, _at(a, "verwerkingsregister"),
          alg + "verwerkingsregister")
    _impact_tests(b, p, a)
    _sources(b, p)
    kind = paragraph(f"Soort algoritme: {labels.ALGORITHM_KIND[a.soort].lower()}.")
    methods = "technische_werking" if a.technische_werking else "soort"
    b.put("methods_and_models", b.html("methods_and_models", a.technische_werking, kind),
          _at(a, methods), alg + methods, "met de zin 'Soort algoritme: ...' ervoor")
    b.put("provider", a.leverancier, _at(a, "leverancier"), alg + "leverancier")
    b.put("publiccode", a.broncode, _at(a, "broncode"), alg + "broncode")
    b.put("lang", "nld", p.pos, p.path)
    b.put("standard_version", standard().version, p.pos, p.path)
    b.put("source_id", p.id, Pos(p.path, 1, 1), "de bestandsnaam (het id van het project)")
    b.put("lars", a.lars, _at(a, "lars"), alg + "lars")
    record = {k: v for k, v in b.record.items() if v not in (None, "", [])}
    return Entry(p, record, b.sources)


def public_algorithms(model: Datavisie) -> list[Project]:
    """The projects with an algorithm, by id (the model is the public one)."""
    return sorted((p for p in model.projecten if p.algoritme is not None), key=lambda p: p.id)


def entries(model: Datavisie, *, lean: bool = False) -> list[Entry]:
    return [build_entry(model, p, lean=lean) for p in public_algorithms(model)]


def entry_json(record: Mapping[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def register_files(found: list[Entry]) -> dict[str, bytes]:
    """Path under the site (or the command's folder) -> bytes: one file per algorithm, named by
    its id, and all of them in one list (`alle_algoritmes.json`), in id order."""
    files = {entry_path(e.project.id): entry_json(e.record) for e in found}
    combined = json.dumps([e.record for e in found], ensure_ascii=False, indent=2,
                          sort_keys=True) + "\n"
    files[f"{FOLDER}/{ALL_FILE}"] = combined.encode()
    return files
