"""The content contract (shared/CONTENT-MODEL.md) as declarations, one schema per file type.

The project file's records are in `register_contract.py`, the value lists and `rec`
in `vocabulary.py` (both importable from here). Every record accepts the audience keys
declared in `audience.py`; the rest is here.
"""

from __future__ import annotations

from build_tools.content.addresses import FIELD as OLD_ADDRESSES
from build_tools.content.forge import FORGES
from build_tools.content.register_contract import ALGORITHM as ALGORITHM
from build_tools.content.register_contract import COUNCIL_QUESTIONS as COUNCIL_QUESTIONS
from build_tools.content.register_contract import IMPACT_TEST as IMPACT_TEST
from build_tools.content.register_contract import LEGAL_LINK as LEGAL_LINK
from build_tools.content.register_contract import PROJECT as PROJECT
from build_tools.content.register_contract import SOURCE as SOURCE
from build_tools.content.types import (
    Email,
    Enum,
    F,
    Id,
    Int,
    ListOf,
    Ref,
    Text,
    Type,
    Url,
)
from build_tools.content.vocabulary import ALGORITHM_KIND as ALGORITHM_KIND
from build_tools.content.vocabulary import BIG as BIG
from build_tools.content.vocabulary import BODY as BODY
from build_tools.content.vocabulary import DAY as DAY
from build_tools.content.vocabulary import DPIA_STATUS as DPIA_STATUS
from build_tools.content.vocabulary import MEASUREMENT_KIND as MEASUREMENT_KIND
from build_tools.content.vocabulary import MILESTONE_STATUS as MILESTONE_STATUS
from build_tools.content.vocabulary import MONTH_OR_DAY as MONTH_OR_DAY
from build_tools.content.vocabulary import OLD_ADDRESSES_FIELD as OLD_ADDRESSES_FIELD
from build_tools.content.vocabulary import POLICY_AREA as POLICY_AREA
from build_tools.content.vocabulary import PROJECT_STATUS as PROJECT_STATUS
from build_tools.content.vocabulary import PUBLICATION_CATEGORY as PUBLICATION_CATEGORY
from build_tools.content.vocabulary import QUARTER_OR_MONTH as QUARTER_OR_MONTH
from build_tools.content.vocabulary import VERSION_STATUS as VERSION_STATUS
from build_tools.content.vocabulary import WHEN as WHEN
from build_tools.content.vocabulary import rec as rec

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
