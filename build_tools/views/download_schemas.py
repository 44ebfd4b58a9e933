"""The JSON Schemas of the open-data downloads (draft 2020-12), published next to them under
/data/ and named by each file's `$schema`. One description per field, in Dutch, so the same
text documents the download for a program (the schema) and for a person (the "Open data" page,
website/opendata.py). Pure data; exports.py writes the downloads themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from build_tools.content import labels
from build_tools.content.contract import (
    ALGORITHM_KIND,
    DPIA_STATUS,
    MILESTONE_STATUS,
    PROJECT_STATUS,
    PUBLICATION_CATEGORY,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MARKDOWN = "Markdown-tekst (CommonMark met tabellen en opsommingen), zoals de auteur die schreef."
REGISTER_HTML = ("HTML met alleen <p>, <ul>, <ol>, <li>, <div> en <br> (zoals het "
                 "Algoritmeregister die aanneemt).")


@dataclass(frozen=True)
class Download:
    """One kind of JSON download: where it lives, what it is, and its schema."""

    name: str  # file name of the schema under /data/, e.g. projecten.schema.json
    title: str
    schema: dict[str, Any]


def _s(kind: str | list[str], description: str, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "description": description, **extra}


def _nullable(kind: str, description: str, **extra: Any) -> dict[str, Any]:
    return _s([kind, "null"], description, **extra)


def _strings(description: str) -> dict[str, Any]:
    return _s("array", description, items={"type": "string"})


def _enum(values: tuple[str, ...], description: str) -> dict[str, Any]:
    return _s("string", description, enum=list(values))


def _record(properties: dict[str, Any], *, required: tuple[str, ...] | None = None,
            description: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": properties,
                           "required": list(required if required is not None else properties),
                           "additionalProperties": False}
    if description:
        out["description"] = description
    return out


WHEN = _record({
    "waarde": _s("string", "Zoals in de inhoud: een datum (2024-03-01), maand (2024-03) of "
                           "kwartaal (2024-Q1)."),
    "van": _s("string", "Eerste dag van die periode (ISO 8601).", format="date"),
    "tot_en_met": _s("string", "Laatste dag van die periode (ISO 8601).", format="date"),
    "leesbaar": _s("string", "Hoe de site het schrijft, bijvoorbeeld “maart 2024”."),
}, description="Een moment zo precies als de auteur het schreef.")


def _when(description: str) -> dict[str, Any]:
    return {"description": description, "anyOf": [{"$ref": "#/$defs/wanneer"},
                                                   {"type": "null"}]}


ALGORITHM = _record({
    "publicatiecategorie": _enum(PUBLICATION_CATEGORY, "Categorie van het Algoritmeregister: "
                                 + ", ".join(labels.PUBLICATION_CATEGORY.values()) + "."),
    "soort": _enum(ALGORITHM_KIND, "Soort algoritme."),
    "beleidsterrein": _strings("Beleidsterreinen (de vaste lijst van het Algoritmeregister, "
                               "het veld Thema daar)."),
    "in_gebruik_sinds": _when("Sinds wanneer het algoritme in gebruik is (null: niet "
                              "ingevuld of nog niet in gebruik)."),
    "menselijke_tussenkomst": _s("string", "Hoe mensen de uitkomst controleren. " + MARKDOWN,
                                 contentMediaType="text/markdown"),
    "risicobeheer": _s("string", "Welke risico's er zijn en hoe die worden beheerst. "
                       + MARKDOWN, contentMediaType="text/markdown"),
    "afwegingen": _nullable("string", "Waarom het gebruik in verhouding staat tot het doel. "
                            + MARKDOWN, contentMediaType="text/markdown"),
    "wettelijke_basis": _nullable("string", "De wettelijke grondslag. " + MARKDOWN,
                                  contentMediaType="text/markdown"),
    "wettelijke_basis_links": _s("array", "Wetten en regelingen met een link.", items=_record({
        "titel": _s("string", "Naam van de wet, regeling of het besluit."),
        "link": _s("string", "Adres van de tekst.", format="uri"),
    })),
    "technische_werking": _nullable("string", "Hoe het algoritme werkt. " + MARKDOWN,
                                    contentMediaType="text/markdown"),
    "leverancier": _nullable("string", "Wie het maakte."),
    "broncode": _nullable("string", "Adres van de openbare broncode.", format="uri"),
    "verwerkingsregister": _nullable("string", "Adres van de verwerking in het openbare "
                                     "verwerkingsregister.", format="uri"),
    "impacttoetsen": _s("array", "Uitgevoerde toetsen (DPIA, IAMA, ...).", items=_record({
        "titel": _s("string", "Naam van de toets."),
        "link": _nullable("string", "Adres van het rapport.", format="uri"),
    })),
    "toelichting_impacttoetsen": _nullable("string", "Toelichting bij de impacttoetsen, "
                                           "ook waarom een toets niet nodig was. " + MARKDOWN,
                                           contentMediaType="text/markdown"),
    "registratie": _nullable("string", "Adres van de vermelding in het landelijke "
                             "Algoritmeregister.", format="uri"),
    "lars": _nullable("string", "Nummer van het algoritme in het landelijke "
                      "Algoritmeregister (lars)."),
    "landelijk_register": _nullable("string", "Adres van de vermelding in het landelijke "
                                    "Algoritmeregister (uit registratie of lars).",
                                    format="uri"),
    "algoritmeregister": _s("string", "Adres van dit algoritme als download in de velden van "
                            "het Algoritmeregister.", format="uri"),
}, description="Alleen bij een algoritme dat besluiten ondersteunt; anders null.")

PROJECT = _record({
    "id": _s("string", "Vaste naam van het project (de bestandsnaam in de inhoud)."),
    "naam": _s("string", "Naam van het project."),
    "samenvatting": _s("string", "Korte uitleg in eenvoudige taal (platte tekst)."),
    "themas": _strings("Ids van de thema's van de visie waar het project bij hoort."),
    "mijlpalen": _strings("Ids van de mijlpalen op de routekaart waar het aan bijdraagt."),
    "status": _enum(PROJECT_STATUS, "Stand van het project."),
    "status_label": _s("string", "De status in woorden: "
                       + ", ".join(labels.PROJECT_STATUS.values()) + "."),
    "start": _when("Wanneer het project begon."),
    "eind": _when("Wanneer het project afloopt of afliep (null: niet bekend)."),
    "eigenaar": _s("string", "Het team dat verantwoordelijk is."),
    "doel": _s("string", "Welke publieke waarde het project dient. " + MARKDOWN,
               contentMediaType="text/markdown"),
    "gegevens": _s("array", "De gegevensbronnen.", items=_record({
        "bron": _s("string", "Naam van de bron."),
        "persoonsgegevens": _s("boolean", "Of de bron persoonsgegevens bevat."),
        "link": _nullable("string", "Adres van de bron, als die openbaar is.", format="uri"),
    })),
    "persoonsgegevens": _s("boolean", "Of een van de bronnen persoonsgegevens bevat."),
    "dpia": _enum(DPIA_STATUS, "Stand van de gegevensbeschermingseffectbeoordeling (DPIA)."),
    "url": _s("string", "De pagina van het project op deze site.", format="uri"),
    "algoritme": {"description": ALGORITHM["description"],
                  "anyOf": [{"$ref": "#/$defs/algoritme"}, {"type": "null"}]},
    "raadsvragen": _record({stage: _strings(f"Vragen voor de raad in de fase {label.lower()}.")
                            for stage, label in labels.COUNCIL_STAGE.items()},
                           description="Vragen die de raad kan stellen, per fase."),
})

MILESTONE = _record({
    "id": _s("string", "Vaste naam van de mijlpaal."),
    "titel": _s("string", "Naam van de mijlpaal."),
    "fase": _s("string", "Id van de fase waarin de mijlpaal valt."),
    "themas": _strings("Ids van de thema's."),
    "wanneer": {"$ref": "#/$defs/wanneer", "description": "Wanneer de mijlpaal valt."},
    "status": _enum(MILESTONE_STATUS, "Stand van de mijlpaal."),
    "status_label": _s("string", "De status in woorden: "
                       + ", ".join(labels.MILESTONE_STATUS.values()) + "."),
    "eigenaar": _s("string", "Wie de mijlpaal waarmaakt."),
    "toelichting": _nullable("string", "Toelichting. " + MARKDOWN,
                             contentMediaType="text/markdown"),
    "projecten": _strings("Ids van de projecten die eraan bijdragen."),
    "url": _s("string", "De mijlpaal op de routekaart van deze site.", format="uri"),
})

PHASE = _record({
    "id": _s("string", "Vaste naam van de fase."),
    "titel": _s("string", "Naam van de fase."),
    "start": {"$ref": "#/$defs/wanneer", "description": "Begin van de fase."},
    "eind": {"$ref": "#/$defs/wanneer", "description": "Einde van de fase."},
})

_TOP = {
    "$schema": _s("string", "Adres van dit schema.", format="uri"),
    "organisatie": _s("string", "De gemeente die dit publiceert."),
    "stand": _nullable("string", "Datum van het nieuwste feit in de inhoud (ISO 8601).",
                       format="date"),
}

def _schema(site_url: str, name: str, title: str, description: str,
            body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, "$id": site_url.rstrip("/") + f"/data/{name}", "title": title,
            "description": description, **body}


def downloads(site_url: str) -> tuple[Download, ...]:
    """The schemas of every JSON download, with absolute ids under `site_url`."""
    projects = _schema(site_url, "projecten.schema.json", "Projecten en algoritmes",
                       "Het openbare register van dataprojecten en algoritmes.", {
                           **_record({**_TOP, "projecten": _s(
                               "array", "Alle openbare projecten, op id.",
                               items={"$ref": "#/$defs/project"})}),
                           "$defs": {"project": PROJECT, "wanneer": WHEN,
                                     "algoritme": ALGORITHM}})
    roadmap = _schema(site_url, "routekaart.schema.json", "Routekaart",
                      "De fasen en mijlpalen van de routekaart.", {
                          **_record({**_TOP,
                                     "fasen": _s("array", "De fasen, in volgorde.",
                                                 items={"$ref": "#/$defs/fase"}),
                                     "mijlpalen": _s("array", "De mijlpalen, op datum.",
                                                     items={"$ref": "#/$defs/mijlpaal"})}),
                          "$defs": {"fase": PHASE, "mijlpaal": MILESTONE, "wanneer": WHEN}})
    return (Download("projecten.schema.json", "Projecten en algoritmes", projects),
            Download("routekaart.schema.json", "Routekaart", roadmap))


def schema_files(site_url: str) -> dict[str, bytes]:
    """/data/<name> -> the schema as JSON text."""
    return {f"data/{d.name}": (json.dumps(d.schema, ensure_ascii=False, indent=2,
                                          sort_keys=True) + "\n").encode()
            for d in downloads(site_url)}


# The columns of both project CSV files (exports.CSV_COLUMNS), for the "Open data" page.
CSV_FIELDS: dict[str, str] = {
    "id": "Vaste naam van het project.",
    "naam": "Naam van het project.",
    "status": "Stand: " + ", ".join(PROJECT_STATUS) + ".",
    "status_label": "De status in woorden.",
    "themas": "Ids van de thema's, gescheiden door een puntkomma.",
    "start": "Begin: datum, maand (2024-03) of kwartaal (2024-Q1).",
    "eind": "Einde, net zo geschreven; leeg als het niet bekend is.",
    "eigenaar": "Het verantwoordelijke team.",
    "algoritme": "“ja” als een algoritme besluiten ondersteunt, anders “nee”.",
    "publicatiecategorie": "Bij een algoritme: " + ", ".join(PUBLICATION_CATEGORY) + ".",
    "persoonsgegevens": "“ja” als een gegevensbron persoonsgegevens bevat.",
    "dpia": "Stand van de DPIA: " + ", ".join(DPIA_STATUS) + ".",
    "samenvatting": "Korte uitleg in eenvoudige taal, op één regel.",
    "url": "De pagina van het project op deze site.",
}
