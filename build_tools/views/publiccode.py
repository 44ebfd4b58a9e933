"""publiccode.yml (the standard for public-sector software, version 0.4) made from
content/organisatie.yml, so the organisation's name, addresses and contact live in one place.
`datavisie publiccode` writes it; a test keeps the committed file equal to what it writes."""

from __future__ import annotations

import json

from build_tools.content.model import Organisation
from build_tools.errors import UserError

FILE = "publiccode.yml"


def _q(text: str) -> str:
    """A YAML scalar for any text (a JSON string is a YAML double-quoted string)."""
    return json.dumps(text, ensure_ascii=False)


def publiccode_yml(org: Organisation) -> str:
    if not org.repo_url:
        raise UserError("publiccode.yml noemt het adres van de repository: vul `repo_url` in "
                        "content/organisatie.yml in")
    return f"""# Deze repository volgt de standaard publiccode.yml (versie 0.4), zodat andere
# overheden deze software kunnen vinden en hergebruiken. Gemaakt uit content/organisatie.yml
# met `datavisie publiccode`: verander organisatie.yml en draai die opdracht opnieuw.
publiccodeYmlVersion: "0.4"

name: Datavisie
url: {_q(org.repo_url)}
landingURL: {_q(org.site_url)}

platforms:
  - web

categories:
  - content-management
  - data-visualization
  - knowledge-management
  - project-management

developmentStatus: beta
softwareType: standalone/web

intendedAudience:
  countries:
    - nl
  scope:
    - local-authorities

description:
  nl:
    localisedName: Datavisie
    shortDescription: >-
      Een datavisie van een gemeente als levende website en posters, gemaakt uit tekst in git.
    longDescription: >
      Een gemeente legt haar visie op datagedreven werken vast als gewone tekst en
      eenvoudige gegevens (Markdown en YAML) in een git-repository. Eén bouwstap maakt
      daar alles van wat inwoners, raadsleden en medewerkers lezen: een toegankelijke
      website in de huisstijl van de gemeente, met de visie, de thema's, een routekaart,
      een projectregister en de ontwikkeling door de tijd; posters als SVG, PNG en PDF;
      afbeeldingen voor sociale media; en open data (JSON, CSV en een agenda).


      Elke vastgestelde versie blijft te lezen, en wijzigingen zijn per woord te
      vergelijken, zoals op een wettenportaal. Medewerkers stellen wijzigingen voor via
      een merge request en krijgen meteen te zien wat er inhoudelijk verandert. Een andere
      gemeente neemt de software over door alleen de inhoud en de huisstijl te vervangen.
    documentation: {_q(org.site_url.rstrip("/") + "/meedoen/")}
    features:
      - Website met visie, thema's, routekaart en projectregister
      - Filters die ook zonder JavaScript werken
      - Posters in SVG, PNG en PDF uit dezelfde tekst
      - Open data als JSON, CSV en agenda (ICS)
      - Archief van vastgestelde versies met vergelijking per woord
      - Huisstijl (kleuren, lettertypen, logo) als gegevens
      - Controle van de inhoud met meldingen per bestand en regel
      - Getest op toegankelijkheid (WCAG 2.1 AA) en geldige HTML

legal:
  license: EUPL-1.2
  mainCopyrightOwner: {_q(org.naam)}
  repoOwner: {_q(org.naam)}

maintenance:
  type: internal
  contacts:
    - name: {_q(org.naam)}
      email: {_q(org.contact.email)}
      affiliation: {_q(org.naam)}

localisation:
  localisationReady: false
  availableLanguages:
    - nl

dependsOn:
  open:
    - name: Python
      versionMin: "3.11"
    - name: MkDocs
      versionMin: "1.6"
      versionMax: "1.6"
    - name: Material for MkDocs
      versionMin: "9.5"
"""

