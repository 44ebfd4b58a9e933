"""The contract of a project file (`projecten/<id>.yml`): the project, its data sources, and
the algorithm it uses with its impact tests, legal basis and council questions."""

from __future__ import annotations

import dataclasses

from build_tools.content.addresses import FIELD as OLD_ADDRESSES
from build_tools.content.editor_patterns import PERSONAL_DATA_NEEDS_DPIA
from build_tools.content.types import (
    Bool,
    Enum,
    F,
    Id,
    ListOf,
    Ref,
    Text,
    Url,
)
from build_tools.content.vocabulary import (
    ALGORITHM_KIND,
    DPIA_STATUS,
    MONTH_OR_DAY,
    OLD_ADDRESSES_FIELD,
    POLICY_AREA,
    PROJECT_STATUS,
    PUBLICATION_CATEGORY,
    rec,
)

SOURCE = rec(
    "gegevensbron",
    {
        "bron": F(Text(advised=150, one_line=True), True, "Naam van de gegevensbron."),
        "persoonsgegevens": F(Bool(), True, "Bevat de bron persoonsgegevens? (`true`/`false`)"),
        "link": F(Url(), False, "Adres met meer over de bron, bijvoorbeeld in een "
                  "datacatalogus (in het Algoritmeregister: Verwijzingen gegevensbronnen)."),
    },
)

IMPACT_TEST = rec(
    "impacttoets",
    {
        "titel": F(
            Text(advised=100, one_line=True), True, "Soort toets, bijvoorbeeld DPIA of IAMA."
        ),
        "link": F(Url(), False, "Adres van de gepubliceerde toets."),
    },
    internal=False,
)

LEGAL_LINK = rec(
    "wettelijke grondslag",
    {
        "titel": F(
            Text(max=100, single_line=True), True, "Naam van de wet, regeling of het besluit."
        ),
        "link": F(Url(), True, "Adres van de tekst, bijvoorbeeld op wetten.overheid.nl."),
    },
    internal=False,
)

ALGORITHM = rec(
    "algoritme",
    {
        "publicatiecategorie": F(
            Enum(values=PUBLICATION_CATEGORY), True, "Categorie volgens het Algoritmeregister."
        ),
        "soort": F(Enum(values=ALGORITHM_KIND), True, "Soort algoritme."),
        "beleidsterrein": F(
            ListOf(item=Enum(values=POLICY_AREA), unique=True),
            False,
            "Beleidsterrein(en) uit de vaste lijst van het Algoritmeregister (daar: Thema); "
            "het register neemt er hoogstens drie.",
        ),
        "in_gebruik_sinds": F(
            MONTH_OR_DAY,
            False,
            "Maand waarin het algoritme in gebruik is genomen (in het Algoritmeregister: "
            "Begindatum). Niet het begin van het project: dat is `start`.",
        ),
        "menselijke_tussenkomst": F(
            Text(max=2500, markdown=True), True, "Hoe een mens het besluit neemt of controleert."
        ),
        "risicobeheer": F(
            Text(max=2500, markdown=True), True, "Welke risico's er zijn en hoe we die beheersen."
        ),
        "afwegingen": F(
            Text(max=2500, markdown=True),
            False,
            "De voor- en nadelen, welke andere mogelijkheden we overwogen en waarom de inzet "
            "redelijk is (in het Algoritmeregister: Afwegingen).",
        ),
        "wettelijke_basis": F(
            Text(max=2500, markdown=True), False, "De wet of regel waarop het steunt."
        ),
        "wettelijke_basis_links": F(
            ListOf(item=LEGAL_LINK),
            False,
            "De wetten en regels met hun adres (in het Algoritmeregister: Verwijzingen "
            "wettelijke basis).",
        ),
        "technische_werking": F(Text(max=5000, markdown=True), False, "Hoe het algoritme werkt."),
        "leverancier": F(Text(advised=100, one_line=True), False, "Wie het gemaakt heeft."),
        "broncode": F(Url(), False, "Adres van de openbare broncode, als die er is."),
        "verwerkingsregister": F(
            Url(), False, "Adres van de verwerking in het openbare verwerkingsregister."
        ),
        "impacttoetsen": F(
            ListOf(item=IMPACT_TEST), False, "Uitgevoerde toetsen (DPIA, IAMA, ...)."
        ),
        "toelichting_impacttoetsen": F(
            Text(max=2500, markdown=True),
            False,
            "Waarom een toets niet nodig was of (nog) niet is gedaan.",
        ),
        "registratie": F(
            Url(), False, "Link naar de vermelding in het landelijke Algoritmeregister."
        ),
        "lars": F(
            Id(),
            False,
            "Algoritme-ID (LARS-code) dat het landelijke Algoritmeregister gaf na de eerste "
            "aanlevering.",
        ),
    },
)

COUNCIL_QUESTIONS = rec(
    "raadsvragen",
    {
        stage: F(ListOf(item=Text(advised=300)), False, doc)
        for stage, doc in (
            ("beeldvorming", "Vragen om een beeld te vormen."),
            ("oordeelsvorming", "Vragen om een oordeel te vormen."),
            ("besluitvorming", "Vragen voor het besluit."),
        )
    },
    internal=False,
)

PROJECT = rec(
    "projecten/<id>.yml",
    {
        "naam": F(Text(max=100, one_line=True), True, "Naam van het project of algoritme."),
        "samenvatting": F(Text(max=350), True, "Wat het is en doet, in eenvoudige taal (B1)."),
        "themas": F(
            ListOf(item=Ref(kind="themas"), min=1, unique=True), True, "Thema's van de visie."
        ),
        "mijlpalen": F(
            ListOf(item=Ref(kind="mijlpalen"), unique=True), False, "Mijlpalen van de routekaart."
        ),
        "status": F(Enum(values=PROJECT_STATUS), True, "Stand van het project."),
        "start": F(
            MONTH_OR_DAY,
            True,
            "Begin van het project (maand of datum). Wanneer een algoritme in gebruik ging, "
            "staat bij `algoritme.in_gebruik_sinds`.",
        ),
        "eind": F(MONTH_OR_DAY, False, "Gestopt of klaar in (maand of datum)."),
        "eigenaar": F(Text(advised=100, one_line=True), True, "Het verantwoordelijke team."),
        "doel": F(
            Text(max=2500, markdown=True), True, "De publieke waarde die het dient (Markdown)."
        ),
        "gegevens": F(ListOf(item=SOURCE), False, "De gebruikte gegevensbronnen."),
        "dpia": F(
            Enum(values=DPIA_STATUS),
            True,
            "Stand van de DPIA (gegevensbeschermingseffectbeoordeling).",
        ),
        "algoritme": F(ALGORITHM, False, "Alleen als een algoritme besluiten ondersteunt."),
        "raadsvragen": F(COUNCIL_QUESTIONS, False, "Vragen voor de gemeenteraad."),
        OLD_ADDRESSES: OLD_ADDRESSES_FIELD,
    },
    visibility=True,
)

PROJECT = dataclasses.replace(PROJECT, json_extra=PERSONAL_DATA_NEEDS_DPIA)  # DV207, for editors
