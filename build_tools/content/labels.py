"""Dutch reading forms of the model's enum values, shared by every view (site, exports, posters).

The content stores stable ids (`in-gebruik`); readers see `In gebruik`. One table per enum, so
a new value in schemas.py without a label here fails the tests, not a reader.
"""

from __future__ import annotations

from build_tools.views.algoritmeregister.standard import policy_areas

MILESTONE_STATUS = {
    "gepland": "Gepland",
    "loopt": "Loopt",
    "gereed": "Gereed",
    "vertraagd": "Vertraagd",
    "vervallen": "Vervallen",
}

PROJECT_STATUS = {
    "verkenning": "Verkenning",
    "pilot": "Pilot",
    "in-gebruik": "In gebruik",
    "buiten-gebruik": "Buiten gebruik",
}

DPIA_STATUS = {
    "uitgevoerd": "Uitgevoerd",
    "gepland": "Gepland",
    "niet-nodig": "Niet nodig",
    "onbekend": "Onbekend",
}

PUBLICATION_CATEGORY = {
    "hoog-risico-ai": "Hoog-risico-AI-systeem",
    "impactvol": "Impactvol algoritme",
    "overig": "Overig algoritme",
}

ALGORITHM_KIND = {
    "regelgebaseerd": "Regelgebaseerd",
    "statistisch": "Statistisch",
    "zelflerend": "Zelflerend",
}

VERSION_STATUS = {
    "concept": "Concept",
    "vastgesteld-mt": "Vastgesteld door het managementteam",
    "vastgesteld-college": "Vastgesteld door het college",
    "vastgesteld-raad": "Vastgesteld door de gemeenteraad",
    "ingetrokken": "Ingetrokken",
}

BODY = {
    "mt": "het managementteam",
    "college": "het college van burgemeester en wethouders",
    "gemeenteraad": "de gemeenteraad",
}

MEASUREMENT_KIND = {
    "nulmeting": "Nulmeting",
    "hermeting": "Hermeting",
}

COUNCIL_STAGE = {
    "beeldvorming": "Beeldvorming",
    "oordeelsvorming": "Oordeelsvorming",
    "besluitvorming": "Besluitvorming",
}

# The national Algoritmeregister (publication standard 1.0) knows three states.
REGISTER_STATUS = {
    "verkenning": "In ontwikkeling",
    "pilot": "In ontwikkeling",
    "in-gebruik": "In gebruik",
    "buiten-gebruik": "Buiten gebruik",
}

REGISTER_CATEGORY = {
    "hoog-risico-ai": "Hoog-risico AI-systeem",
    "impactvol": "Impactvolle algoritmes",
    "overig": "Overige algoritmes",
}

# The register's 16 policy areas ("Thema"): the content id -> the register's own name, which is
# also what readers see (derived from algoritmeregister/v1_0.json).
POLICY_AREA = policy_areas()


def yes_no(value: bool) -> str:
    return "Ja" if value else "Nee"
