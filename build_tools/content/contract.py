"""The content contract (shared/CONTENT-MODEL.md) as declarations, one schema per file type.

Every record accepts the audience keys declared in `audience.py`; the rest is here.
"""

from __future__ import annotations

import dataclasses

from build_tools.audience import INTERNAL_KEY, VISIBILITY_KEY, VISIBILITY_VALUES
from build_tools.content.addresses import FIELD as OLD_ADDRESSES
from build_tools.content.addresses import SitePath
from build_tools.content.editor_patterns import PERSONAL_DATA_NEEDS_DPIA
from build_tools.content.forge import FORGES
from build_tools.content.types import (
    Bool,
    Email,
    Enum,
    F,
    Free,
    Id,
    Int,
    ListOf,
    Moment,
    Record,
    Ref,
    Text,
    Type,
    Url,
)
from build_tools.views.algoritmeregister.standard import policy_area_ids

DAY = Moment(kinds=("dag",))
MONTH_OR_DAY = Moment(kinds=("dag", "maand"))
WHEN = Moment(kinds=("dag", "maand", "kwartaal"))
QUARTER_OR_MONTH = Moment(kinds=("kwartaal", "maand", "dag"))

OLD_ADDRESSES_FIELD = F(
    ListOf(item=SitePath(), unique=True), False,
    "Eerdere adressen van deze pagina op de site (na een nieuwe bestandsnaam); wie zo'n adres "
    "opent, komt op deze pagina.")

MILESTONE_STATUS = ("gepland", "loopt", "gereed", "vertraagd", "vervallen")
PROJECT_STATUS = ("verkenning", "pilot", "in-gebruik", "buiten-gebruik")
DPIA_STATUS = ("uitgevoerd", "gepland", "niet-nodig", "onbekend")
PUBLICATION_CATEGORY = ("hoog-risico-ai", "impactvol", "overig")
ALGORITHM_KIND = ("regelgebaseerd", "statistisch", "zelflerend")
# The national Algoritmeregister's 16 fixed policy areas ("Thema", `category`), as ids:
# derived from the register's own configuration (algoritmeregister/v1_0.json).
POLICY_AREA = policy_area_ids()
VERSION_STATUS = (
    "concept",
    "vastgesteld-mt",
    "vastgesteld-college",
    "vastgesteld-raad",
    "ingetrokken",
)
BODY = ("mt", "college", "gemeenteraad")
MEASUREMENT_KIND = ("nulmeting", "hermeting")
# The contract asks for integers; a bound keeps them numbers a page and a chart can show.
BIG = 999_999


def rec(
    title: str, fields: dict[str, F], *, internal: bool = True, visibility: bool = False
) -> Record:
    """A record that also accepts the audience keys (an internal subtree, file visibility)."""
    extra: dict[str, F] = {}
    if visibility:
        extra[VISIBILITY_KEY] = F(
            Enum(values=VISIBILITY_VALUES),
            doc="Wie het ziet: `publiek` (standaard) of `intern` (niet op de publieke site).",
        )
    if internal:
        extra[INTERNAL_KEY] = F(
            Free(),
            doc="Alleen voor collega's: verschijnt nooit op de "
            "publieke site. Geheime zaken horen niet in de repository.",
        )
    return Record(fields={**fields, **extra}, title=title)


ORGANISATION = rec(
    "organisatie.yml",
    {
        "naam": F(Text(advised=100, one_line=True), True, "Volledige naam van de organisatie."),
        "korte_naam": F(Text(advised=40, one_line=True), True, "Korte naam, voor posters."),
        "site_url": F(Url(), True, "Adres waarop de site gepubliceerd wordt."),
        "repo_url": F(
            Url(), False, "Adres van de repository; maakt 'Stel een wijziging voor'-links."
        ),
        "repo_branch": F(
            Text(advised=100, single_line=True), False, "Hoofdtak van de repository.", "main"
        ),
        "forge": F(
            Enum(values=FORGES), False,
            "Soort forge waar de repository staat (github, gitlab, gitea of forgejo): bepaalt "
            "de 'Stel een wijziging voor'-links en de woorden in de handleiding. Zonder dit "
            "veld herkent de site alleen github.com, gitlab.com, codeberg.org en gitea.com.",
        ),
        "contact": F(
            rec(
                "contact",
                {
                    "email": F(Email(), True, "Openbaar e-mailadres voor vragen."),
                    "telefoon": F(
                        Text(advised=40, one_line=True), False, "Openbaar telefoonnummer."
                    ),
                },
            ),
            True,
            "Openbare contactgegevens.",
        ),
    },
)

VISION = rec(
    "visie.md",
    {
        "titel": F(Text(advised=120, one_line=True), True, "Titel van de kernvisie."),
        "kernboodschap": F(
            Text(max=200), True, "De kern in één of twee zinnen (kop van de poster)."
        ),
    },
)

PRINCIPLE = rec(
    "principe",
    {
        "titel": F(Text(max=40, one_line=True), True, "Het principe in een paar woorden."),
        "toelichting": F(Text(max=300), False, "Wat het principe betekent, in één of twee zinnen."),
    },
)

THEME = rec(
    "themas/<id>.md",
    {
        "titel": F(Text(advised=60, one_line=True), True, "Naam van het thema."),
        "volgorde": F(Int(min=-BIG, max=BIG, advised=(1, 99)), True,
                       "Plaats op de site en de poster (uniek getal)."),
        "icoon": F(Text(advised=60, single_line=True), False,
                   "Naam van een Material Design-icoon."),
        "ambitie": F(Text(max=180), True, "De ambitie van het thema in één zin."),
        "principes": F(ListOf(item=PRINCIPLE, min=1, max=6), True, "Eén tot zes principes."),
        OLD_ADDRESSES: OLD_ADDRESSES_FIELD,
    },
    visibility=True,
)

PHASE = rec(
    "fase",
    {
        "id": F(Id(), True, "Korte naam van de fase, waar mijlpalen naar verwijzen."),
        "titel": F(Text(advised=60, one_line=True), True, "Naam van de fase."),
        "start": F(QUARTER_OR_MONTH, True, "Begin: kwartaal (2024-Q1), maand of datum."),
        "eind": F(QUARTER_OR_MONTH, True, "Einde: kwartaal (2024-Q4), maand of datum."),
    },
    internal=False,
)

MILESTONE = rec(
    "mijlpaal",
    {
        "id": F(Id(), True, "Korte naam van de mijlpaal, uniek in de routekaart."),
        "titel": F(
            Text(advised=80, one_line=True), True, "Wat er bereikt is als de mijlpaal gehaald is."
        ),
        "fase": F(Ref(kind="fasen"), True, "De fase waarin de mijlpaal valt."),
        "themas": F(
            ListOf(item=Ref(kind="themas"), min=1, unique=True),
            True,
            "De thema's waar de mijlpaal aan bijdraagt (minstens één).",
        ),
        "wanneer": F(WHEN, True, "Wanneer: datum, maand of kwartaal, binnen de fase."),
        "status": F(Enum(values=MILESTONE_STATUS), True, "Stand van zaken."),
        "eigenaar": F(
            Text(advised=100, one_line=True), True, "Wie verantwoordelijk is (team of rol)."
        ),
        "toelichting": F(Text(advised=1000, markdown=True), False, "Korte toelichting (Markdown)."),
    },
)

ROADMAP = rec(
    "routekaart.yml",
    {
        "fasen": F(ListOf(item=PHASE, min=1), True, "De fasen van de routekaart, op volgorde."),
        "mijlpalen": F(ListOf(item=MILESTONE), True, "De mijlpalen."),
    },
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

LEVEL = rec(
    "niveau",
    {
        "waarde": F(Int(min=-BIG, max=BIG, advised=(0, 10)), True,
                     "Getal van het niveau (oplopend)."),
        "naam": F(Text(advised=40, one_line=True), True, "Naam van het niveau."),
    },
    internal=False,
)

ASPECT = rec(
    "aspect",
    {
        "id": F(Id(), True, "Korte naam van het aspect."),
        "titel": F(Text(advised=80, one_line=True), True, "Naam van het aspect."),
    },
    internal=False,
)

DIMENSION = rec(
    "dimensie",
    {
        "id": F(Id(), True, "Korte naam van de dimensie."),
        "titel": F(Text(advised=60, one_line=True), True, "Naam van de dimensie."),
        "aspecten": F(ListOf(item=ASPECT, min=1), True, "De aspecten van de dimensie."),
    },
    internal=False,
)

MATURITY_MODEL = rec(
    "metingen/model.yml",
    {
        "naam": F(Text(advised=100, one_line=True), True, "Naam van het model."),
        "bron": F(Text(advised=200, one_line=True), False, "Herkomst van het model."),
        "niveaus": F(ListOf(item=LEVEL, min=2, max=7), True, "De niveaus van de schaal (2 tot 7)."),
        "dimensies": F(ListOf(item=DIMENSION, min=1), True, "De dimensies met hun aspecten."),
        "herhaling": F(Int(min=1, max=120), False,
                       "Om de hoeveel maanden je meet (standaard 24); is de laatste meting "
                       "ouder, dan volgt een waarschuwing."),
    },
)

SCORE = rec(
    "score",
    {
        "aspect": F(Ref(kind="aspecten"), True, "Het aspect uit het model."),
        "huidig": F(Int(min=-BIG, max=BIG), True, "Gemeten niveau (een niveau uit het model)."),
        "ambitie": F(Int(min=-BIG, max=BIG), False, "Gewenst niveau (een niveau uit het model)."),
        "toelichting": F(Text(advised=500), False, "Korte toelichting op de score."),
    },
)

MEASUREMENT = rec(
    "metingen/<datum>.yml",
    {
        "datum": F(DAY, True, "Datum van de meting."),
        "soort": F(Enum(values=MEASUREMENT_KIND), True, "Nulmeting of hermeting."),
        "methode": F(Text(advised=200), False, "Hoe er gemeten is."),
        "scores": F(ListOf(item=SCORE, min=1), True, "Eén score per aspect van het model."),
    },
    visibility=True,
)

DECISION = rec(
    "besluit",
    {
        "orgaan": F(Enum(values=BODY), True, "Wie besloot."),
        "kenmerk": F(Text(advised=60, one_line=True), True, "Kenmerk of nummer van het besluit."),
        "url": F(Url(), False, "Adres van het openbare besluit."),
    },
    internal=False,
)

VERSION = rec(
    "versie",
    {
        "versie": F(
            Text(advised=20, single_line=True), True,
            'Versienummer, tussen aanhalingstekens ("1.0").'
        ),
        "datum": F(DAY, True, "Datum van de versie of het besluit."),
        "status": F(Enum(values=VERSION_STATUS), True, "Status van de versie."),
        "besluit": F(DECISION, False, "Het besluit (verplicht tenzij status concept is)."),
        "tag": F(
            Text(advised=100, single_line=True),
            False,
            "Git-tag met de tekst (standaard visie-<versie>), of de hele commit-id (40 tekens) "
            "van een commit op de hoofdtak; geen tak en geen verkorte id.",
        ),
        "samenvatting": F(Text(advised=1000, markdown=True), True,
                          "Wat er veranderde, voor lezers."),
    },
)

TERM = rec(
    "begrip",
    {
        "term": F(Text(advised=60, one_line=True), True, "Het begrip."),
        "definitie": F(Text(advised=400), True, "Uitleg in eenvoudige taal (B1)."),
        "voluit": F(Text(advised=120, one_line=True), False,
                    "Voluit geschreven (bij afkortingen)."),
        "bron": F(Url(), False, "Adres van de bron."),
    },
)

PAGE = rec(
    "paginas/<id>.md",
    {
        "titel": F(Text(advised=80, one_line=True), True, "Titel van de pagina."),
        "volgorde": F(Int(min=-BIG, max=BIG, advised=(0, 999)), False, "Plaats in het menu."),
        OLD_ADDRESSES: OLD_ADDRESSES_FIELD,
    },
    visibility=True,
)

VERSIONS = ListOf(item=VERSION)
TERMS = ListOf(item=TERM)

FILE_SCHEMAS: dict[str, Type] = {
    "organisatie.yml": ORGANISATION,
    "visie.md": VISION,
    "themas/<id>.md": THEME,
    "routekaart.yml": ROADMAP,
    "projecten/<id>.yml": PROJECT,
    "metingen/model.yml": MATURITY_MODEL,
    "metingen/<datum>.yml": MEASUREMENT,
    "versies.yml": VERSIONS,
    "begrippen.yml": TERMS,
    "paginas/<id>.md": PAGE,
}
