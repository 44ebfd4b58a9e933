"""The starting content of a new municipality: the structure of the seed process (a core vision,
four themes, a roadmap with phases and no milestones yet, an empty register, the VNG maturity
model for the baseline, the pages every public site needs), with `INVULLEN:` placeholders that
`datavisie check` reports (W006) with what to write there. Pure: answers -> {path: text}."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from build_tools.content.placeholders import MARK


def q(text: str) -> str:
    """A YAML scalar for any text (a JSON string is a YAML double-quoted string)."""
    return json.dumps(text, ensure_ascii=False)


def fill(what: str) -> str:
    return f"{MARK} {what}"


@dataclass(frozen=True)
class Answers:
    naam: str  # "Gemeente Zeedorp"
    korte_naam: str  # "Zeedorp"
    site_url: str
    repo_url: str | None
    email: str
    today: date


def _quarter(day: date, plus: int) -> str:
    index = day.year * 4 + (day.month - 1) // 3 + plus
    return f"{index // 4}-Q{index % 4 + 1}"


def organisation(a: Answers) -> str:
    repo = (f"repo_url: {q(a.repo_url)}\nrepo_branch: main\n" if a.repo_url else
            "# repo_url: adres van de repository; zet het aan voor 'Stel een wijziging voor'\n")
    return f"""# Wie deze datavisie publiceert: naam, adressen en contact van de site.
naam: {q(a.naam)}
korte_naam: {q(a.korte_naam)}
site_url: {q(a.site_url)}
{repo}contact:
  email: {q(a.email)}
  # telefoon: "14 0000"
"""


def vision(a: Answers) -> str:
    return f"""---
titel: {q(f"Datagedreven werken in {a.korte_naam}")}
kernboodschap: {q(fill("de kern van de visie in één of twee zinnen (kop van de poster)"))}
---

{fill(f"waarom {a.korte_naam} met data wil werken: welke vragen beantwoorden data?")}

## Wat we willen bereiken

{fill("het beeld over een paar jaar, in eenvoudige taal (B1): wat merken inwoners ervan?")}

## Hoe we werken

{fill("de afspraken die voor alle thema's gelden, bijvoorbeeld: eerst het doel, dan de data.")}

De thema's hieronder werken dit uit. De routekaart laat zien wat we wanneer doen, het
projectregister wat er nu loopt.
"""


# id, title, icon, what the theme is about (guidance)
THEMES = (
    ("ethiek", "Ethiek", "scale-balance",
     "wanneer we data wel en niet gebruiken, en wie meebeslist bij twijfel"),
    ("transparantie", "Transparantie", "eye-outline",
     "wat inwoners en de raad kunnen zien van onze data, algoritmes en besluiten"),
    ("veiligheid-en-privacy", "Veiligheid en privacy", "shield-lock-outline",
     "hoe we persoonsgegevens beschermen en data veilig houden"),
    ("datavaardigheid", "Datavaardigheid", "school-outline",
     "wat medewerkers kunnen en leren om met data te werken"),
)


def theme(order: int, theme_id: str, title: str, icon: str, about: str) -> str:
    return f"""---
titel: {q(title)}
volgorde: {order}
icoon: {icon}
ambitie: {q(fill("de ambitie van dit thema in één zin"))}
principes:
  - titel: {q(fill("een principe"))}
    toelichting: {q(fill("wat het principe betekent, in één of twee zinnen"))}
---

## Waarom dit thema

{fill("waarom " + title.lower() + " belangrijk is voor de gemeente en haar inwoners.")}

## Wat we doen

{fill(about + "; een tot zes principes bovenaan dit bestand vatten het samen.")}
"""


def roadmap(a: Answers) -> str:
    phases = (("visie", "Visie maken en vaststellen", 0, 1),
              ("fundament", "Fundament leggen", 2, 3),
              ("bouwen", "Bouwen en leren", 4, 7),
              ("borgen", "Borgen en verbreden", 8, 11))
    lines = ["# De routekaart: fasen en mijlpalen over de tijd.",
             "# Een mijlpaal toevoegen: `datavisie nieuw mijlpaal \"Titel\" --fase fundament`.",
             "fasen:"]
    for pid, title, start, end in phases:
        lines += [f"  - id: {pid}", f"    titel: {q(title)}",
                  f"    start: {_quarter(a.today, start)}", f"    eind: {_quarter(a.today, end)}"]
    lines.append("mijlpalen: []")
    return "\n".join(lines) + "\n"


def versions(a: Answers) -> str:
    return f"""# De versies van de visie en hun besluiten, van oud naar nieuw. Na een besluit:
# `datavisie versie vaststellen 1.0 --orgaan gemeenteraad --datum ... --kenmerk ...`.
- versie: "0.1"
  datum: {a.today.isoformat()}
  status: concept
  samenvatting: {q(fill("wat deze eerste versie is en met wie ze besproken is"))}
"""


MATURITY_MODEL = """# Het meetmodel voor de nulmeting en latere metingen: het Ontwikkelmodel
# Datagedreven Gemeente van VNG Realisatie en het A&O-fonds Gemeenten. Een meting zet je in
# content/metingen/<datum>.yml, met een score per aspect.
naam: Ontwikkelmodel Datagedreven Gemeente
bron: VNG Realisatie, A&O-fonds Gemeenten (2019)
herhaling: 24
niveaus:
  - {waarde: 1, naam: Startend}
  - {waarde: 2, naam: Ontwikkelend}
  - {waarde: 3, naam: Gevorderd}
  - {waarde: 4, naam: Geïntegreerd}
  - {waarde: 5, naam: Leidend}
dimensies:
  - id: publieke-waarde
    titel: Publieke waarde
    aspecten:
      - {id: efficiente-bedrijfsvoering, titel: Efficiëntere bedrijfsvoering}
      - {id: effectiever-beleid, titel: Effectiever beleid en uitvoering}
      - {id: innovatie-dienstverlening, titel: Innovatie in dienstverlening}
      - {id: steun-stakeholders, titel: Steun van stakeholders}
  - id: data-analyse
    titel: Data-analyse
    aspecten:
      - {id: datakwaliteit, titel: Kwaliteit en beschikbaarheid van data}
      - {id: analysetechnieken, titel: Analysetechnieken}
      - {id: infrastructuur, titel: Infrastructuur en hulpmiddelen}
      - {id: juridisch-ethisch-kader, titel: Juridisch en ethisch kader}
  - id: mens-en-organisatie
    titel: Mens en organisatie
    aspecten:
      - {id: sturing-en-leiderschap, titel: Sturing en leiderschap}
      - {id: vaardigheden, titel: Vaardigheden van medewerkers}
      - {id: rollen-en-samenwerking, titel: Rollen en samenwerking}
      - {id: cultuur, titel: Datagedreven cultuur}
  - id: leren-en-veranderen
    titel: Leren en veranderen
    aspecten:
      - {id: experimenteren, titel: Ruimte om te experimenteren}
      - {id: kennisdeling, titel: Kennis delen}
      - {id: opschalen, titel: Opschalen van wat werkt}
"""

GLOSSARY = """# Begrippen: verschijnen als uitleg bij het woord en op de pagina Begrippen.
- term: Algoritme
  definitie: Een reeks regels of stappen die een computer volgt om een taak uit te voeren
    of een uitkomst te berekenen.
- term: AVG
  voluit: Algemene verordening gegevensbescherming
  definitie: De Europese wet die regelt wat organisaties met persoonsgegevens mogen doen.
- term: DPIA
  voluit: Data Protection Impact Assessment
  definitie: Een onderzoek vooraf naar de risico's van het gebruik van persoonsgegevens,
    en hoe je die kleiner maakt.
- term: Datagedreven werken
  definitie: Besluiten nemen en werk doen op basis van gegevens, naast kennis en ervaring.
"""


def pages(a: Answers) -> dict[str, str]:
    name = a.naam
    return {
        "over": f"""---
titel: Over deze site
volgorde: 1
---

Deze site laat zien hoe {name} met data werkt: de visie, de thema's, de routekaart en de
projecten die lopen. De tekst is een levend document: wie bij de gemeente werkt, kan een
wijziging voorstellen.

{fill("wie de visie heeft gemaakt, met wie en wanneer; wie de site bijhoudt.")}
""",
        "privacy": f"""---
titel: Privacy
volgorde: 2
---

Deze site gebruikt geen cookies en houdt niet bij wie haar bezoekt. Er staan geen
persoonsgegevens van inwoners op.

{fill(f"een link naar de privacyverklaring van {name} en naar de privacyfunctionaris.")}
""",
        "toegankelijkheid": f"""---
titel: Toegankelijkheid
volgorde: 3
---

We willen dat iedereen deze site kan gebruiken. De site is gemaakt volgens de richtlijnen
voor toegankelijkheid (WCAG 2.1, niveau AA) en wordt bij elke wijziging automatisch getest.

{fill("een link naar de toegankelijkheidsverklaring van de site (toegankelijkheidsverklaring.nl).")}

Loopt u toch ergens tegenaan? Laat het ons weten via de pagina Contact.
""",
        "contact": f"""---
titel: Contact
volgorde: 4
---

Vragen of opmerkingen over de datavisie? Mail naar [{a.email}](mailto:{a.email}).

{fill("een telefoonnummer of andere manier om de gemeente te bereiken.")}
""",
    }


def content_files(a: Answers) -> dict[str, str]:
    """content/ of the new project: path (relative to the project) -> text."""
    files = {
        "content/organisatie.yml": organisation(a),
        "content/visie.md": vision(a),
        "content/routekaart.yml": roadmap(a),
        "content/versies.yml": versions(a),
        "content/metingen/model.yml": MATURITY_MODEL,
        "content/begrippen.yml": GLOSSARY,
        "content/projecten/.gitkeep": "",
    }
    for order, (tid, title, icon, about) in enumerate(THEMES, start=1):
        files[f"content/themas/{tid}.md"] = theme(order, tid, title, icon, about)
    for pid, text in pages(a).items():
        files[f"content/paginas/{pid}.md"] = text
    return files
