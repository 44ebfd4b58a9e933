"""A foreign municipality, written from the content contract alone (shared/CONTENT-MODEL.md):
Gemeente Veenhoven (invented), with another structure than the example. Seven themes with
other ids, many projects (some out of use without an end month), a concept and no adopted
version, its own maturity model, no glossary, no repository address, and only optional fields
left out. Its house style has its own colours, logo and spacing.

Not a test module: `write_veenhoven(dest)` writes the project; tests check and build it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sitekit import REPO

NAME = "Gemeente Veenhoven"
SHORT = "Veenhoven"

Principles = list[tuple[str, str | None]]
ThemeRow = tuple[str, str, str, Principles, str | None]
THEMES: tuple[ThemeRow, ...] = (  # id, title, ambition, principles (title, text), icon
    ("dienstverlening", "Dienstverlening", "Inwoners regelen hun zaken snel en zonder gedoe, "
     "omdat we weten wat ze nodig hebben.", [("Vraag voorop", None)], "account-heart"),
    ("open-overheid", "Open overheid", "Wat we weten, delen we; open data is de regel en "
     "geheimhouding de uitzondering.", [("Open tenzij", "We publiceren gegevens tenzij de wet "
                                        "het verbiedt."), ("Uitleg erbij", None)], None),
    ("informatiebeveiliging", "Informatiebeveiliging", "Gegevens van inwoners zijn bij ons "
     "veilig, en we kunnen laten zien hoe.", [("Veilig ontwerpen", None),
                                              ("Minimaal bewaren", None),
                                              ("Controle door derden", None)], None),
    ("digitale-inclusie", "Digitale inclusie", "Niemand valt buiten de boot omdat iets "
     "digitaal gaat.", [("Altijd een balie", "Wie niet digitaal kan, krijgt hulp aan de "
                         "balie of thuis.")], "human-greeting"),
    ("samenwerking-regio", "Samenwerking in de regio", "Met buurgemeenten delen we kennis en "
     "voorzieningen.", [("Samen inkopen", None), ("Kennis delen", None)], None),
    ("duurzaamheid", "Duurzaamheid", "Data helpt ons de energietransitie te sturen.",
     [("Meten is weten", None)], None),
    ("datakwaliteit", "Datakwaliteit", "Onze basisgegevens kloppen, zijn actueel en hebben "
     "een eigenaar.", [("Eén bron", None), ("Eigenaar per gegeven", None)], None),
)

PHASES = (("verkennen", "Verkennen", "2025-Q1", "2025-Q4"),
          ("bouwen", "Bouwen", "2026-Q1", "2026-Q4"),
          ("borgen", "Borgen", "2027-Q1", "2027-Q4"))

# id, title, phase, themes, when, status
MILESTONES = (
    ("startbijeenkomst", "Startbijeenkomst met alle teams", "verkennen", ["dienstverlening"],
     "2025-02", "gereed"),
    ("nulmeting", "Nulmeting gedaan", "verkennen", ["datakwaliteit"], "2025-03-10", "gereed"),
    ("open-data-beleid", "Beleid open data vastgesteld", "verkennen", ["open-overheid"],
     "2025-Q3", "gereed"),
    ("balie-digitaal", "Digitale hulp aan de balie", "verkennen", ["digitale-inclusie"],
     "2025-11", "vertraagd"),
    ("dataplatform", "Dataplatform in gebruik", "bouwen", ["datakwaliteit", "duurzaamheid"],
     "2026-Q2", "loopt"),
    ("regio-afspraken", "Afspraken met de regio", "bouwen", ["samenwerking-regio"], "2026-09",
     "gepland"),
    ("beveiligingstoets", "Beveiligingstoets afgerond", "bouwen", ["informatiebeveiliging"],
     "2026-Q4", "gepland"),
    ("herijking", "Visie herijkt", "borgen", ["dienstverlening", "open-overheid"], "2027-Q2",
     "gepland"),
    ("vervallen-pilot", "Pilot chatbot", "bouwen", ["dienstverlening"], "2026-03",
     "vervallen"),
)

STATUSES = ("in-gebruik", "pilot", "verkenning", "in-gebruik", "buiten-gebruik", "in-gebruik")
N_PROJECTS = 36


def project_ids() -> list[str]:
    return [f"project-{i:02d}" for i in range(1, N_PROJECTS + 1)]


def out_of_use() -> list[str]:
    """The projects that are out of use without an end month (each one a W001 warning)."""
    return [pid for i, pid in enumerate(project_ids()) if STATUSES[i % len(STATUSES)]
            == "buiten-gebruik"]


STAND = (2026, 2)  # the concept's date, the newest in the content: its "stand"


def long_trials() -> list[str]:
    """Projects exploring for over 12 months or in a pilot for over 18 at the stand (W102)."""
    out = []
    for i, pid in enumerate(project_ids()):
        status = STATUSES[i % len(STATUSES)]
        year, month = 2024 + i % 2, i % 12 + 1
        age = (STAND[0] - year) * 12 + STAND[1] - month  # months, both on the 1st
        if (status, age >= 12) == ("verkenning", True) or (status, age >= 18) == ("pilot", True):
            out.append(pid)
    return out


def _project(i: int) -> str:
    status = STATUSES[i % len(STATUSES)]
    theme = THEMES[i % len(THEMES)][0]
    lines = [
        f"naam: Werkstroom {i + 1} van Veenhoven",
        f"samenvatting: Werkstroom {i + 1} helpt team {i % 5 + 1} om met gegevens beter te "
        "werken voor inwoners.",
        f"themas: [{theme}]",
        f"status: {status}",
        f"start: 202{4 + i % 2}-{i % 12 + 1:02d}",
        f"eigenaar: Team {i % 5 + 1}",
        "doel: |",
        f"  Werkstroom {i + 1} maakt het werk van team {i % 5 + 1} eenvoudiger.",
        "",
        "  Zo houden inwoners meer tijd over.",
        "dpia: niet-nodig" if i % 3 else "dpia: uitgevoerd",
    ]
    if i % 4 == 0:
        lines += ["gegevens:", "  - bron: Basisregistratie Personen",
                  "    persoonsgegevens: true"]
    if i % 7 == 2:
        lines += ["mijlpalen: [dataplatform]"]
    if i % 9 == 3:
        lines += ["algoritme:", "  publicatiecategorie: overig", "  soort: regelgebaseerd",
                  "  menselijke_tussenkomst: Een medewerker beslist altijd.",
                  "  risicobeheer: We controleren de uitkomst elk kwartaal."]
    return "\n".join(lines) + "\n"


def _theme(i: int, theme: ThemeRow) -> str:
    _, title, ambition, principles, icon = theme
    meta = [f"titel: {title}", f"volgorde: {(i + 1) * 10}", f"ambitie: {ambition}"]
    if icon:
        meta.append(f"icoon: {icon}")
    meta.append("principes:")
    for p_title, text in principles:
        meta.append(f"  - titel: {p_title}")
        if text:
            meta.append(f"    toelichting: {text}")
    body = (f"In {SHORT} werken we aan {title.lower()} door klein te beginnen en te leren.\n\n"
            "## Wat we doen\n\nWe kiezen elk jaar drie dingen die we echt afmaken.\n")
    return "---\n" + "\n".join(meta) + "\n---\n\n" + body


def _roadmap() -> str:
    lines = ["fasen:"]
    for pid, title, start, end in PHASES:
        lines += [f"  - id: {pid}", f"    titel: {title}", f"    start: {start}",
                  f"    eind: {end}"]
    lines.append("mijlpalen:")
    for mid, title, phase, themes, when, status in MILESTONES:
        lines += [f"  - id: {mid}", f"    titel: {title}", f"    fase: {phase}",
                  f"    themas: [{', '.join(themes)}]", f"    wanneer: {when}",
                  f"    status: {status}", "    eigenaar: Programmateam"]
    return "\n".join(lines) + "\n"


MODEL = """naam: Groeimodel Veenhoven
niveaus:
  - {waarde: 1, naam: Beginnend}
  - {waarde: 2, naam: Lerend}
  - {waarde: 3, naam: Gevorderd}
  - {waarde: 4, naam: Voorbeeld}
dimensies:
  - id: mensen
    titel: Mensen
    aspecten:
      - {id: kennis, titel: Kennis van data}
      - {id: houding, titel: Houding}
  - id: middelen
    titel: Middelen
    aspecten:
      - {id: systemen, titel: Systemen}
      - {id: gegevens, titel: Gegevens}
      - {id: afspraken, titel: Afspraken}
"""

MEASUREMENT = """datum: 2025-03-10
soort: nulmeting
scores:
  - {aspect: kennis, huidig: 1}
  - {aspect: houding, huidig: 2}
  - {aspect: systemen, huidig: 2}
  - {aspect: gegevens, huidig: 1}
  - {aspect: afspraken, huidig: 1}
"""

HUISSTIJL = """naam: Gemeente Veenhoven
kleuren:
  merk: "#5b2a86"
  accent: "#8a4b00"
  tekst: "#231a2b"
  tekst_zacht: "#54485e"
  achtergrond: "#fffdf8"
  vlak: "#f3eef7"
donker:
  merk: "#3c1c59"
  accent: "#f5b971"
  tekst: "#efe9f4"
  tekst_zacht: "#c3b6cf"
  achtergrond: "#17111d"
  vlak: "#241a2e"
  link: "#d3b4f0"
status:
  mijlpalen:
    gepland: "#6b6478"
    loopt: "#2b6cb0"
    gereed: "#2f7d32"
    vertraagd: "#b83227"
    vervallen: "#7a7a7a"
  projecten:
    verkenning: "#7d4fa8"
    pilot: "#1f7a8c"
    in-gebruik: "#2f7d32"
    buiten-gebruik: "#7a7a7a"
themas:
  dienstverlening: "#b0488e"
themas_reserve:
  - "#2d6f9c"
  - "#a5522a"
  - "#4f7d2b"
  - "#6e5bb8"
reeksen:
  nulmeting: "#7f7788"
  meting: "#8a55c0"
  ambitie: "#b0620c"
lettertypen:
  tekst:
    bestanden:
      normaal: fonts/OpenSans-Regular.ttf
      vet: fonts/OpenSans-Bold.ttf
  koppen:
    gewicht: vet
logo:
  volledig: logo.svg
  beeldmerk: beeldmerk.svg
maten:
  ruimte: {xs: 2, s: 6, m: 14, l: 22, xl: 44}
  hoek: 0
"""

MARK = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"
  role="img">
  <title>Gemeente Veenhoven (verzonnen)</title>
  <rect width="64" height="64" fill="#5b2a86"/>
  <path fill="#f5b971" d="M8 48 L32 12 L56 48 Z"/>
</svg>
"""

LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 64" width="320" height="64"
  role="img">
  <title>Gemeente Veenhoven (verzonnen)</title>
  <rect width="64" height="64" fill="#5b2a86"/>
  <path fill="#f5b971" d="M8 48 L32 12 L56 48 Z"/>
  <text x="76" y="42" font-family="sans-serif" font-size="28" fill="#231a2b">Veenhoven</text>
</svg>
"""

PAGES = {
    "over": ("Over deze site", 1, "Deze site laat zien hoe Veenhoven met gegevens werkt.\n"),
    "contact": ("Contact", 2, "Mail ons: [data@veenhoven.example.org]"
                "(mailto:data@veenhoven.example.org).\n"),
    "privacy": ("Privacy", 3, "Deze site verzamelt geen gegevens over bezoekers.\n"),
    "toegankelijkheid": ("Toegankelijkheid", 4, "We volgen WCAG 2.1 niveau AA.\n"),
    "werkwijze-raad": ("Werkwijze met de raad", None, "Twee keer per jaar praat de raad "
                       "mee over de voortgang.\n"),
}

MKDOCS = """site_name: Datavisie
docs_dir: content
use_directory_urls: true
theme:
  name: material
  language: nl
  font: false
  palette:
    - scheme: default
      primary: custom
      accent: custom
plugins:
  - search:
      lang: nl
  - datavisie:
      cache: {cache}
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - pymdownx.details
  - attr_list
  - tables
"""


def write_veenhoven(dest: Path, *, cache: Path | None = None) -> Path:
    """Write the whole project (content/, theme/, mkdocs.yml) to `dest`."""
    content = dest / "content"
    for folder in ("themas", "projecten", "metingen", "paginas"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "organisatie.yml").write_text(
        f"naam: {NAME}\nkorte_naam: {SHORT}\nsite_url: https://data.veenhoven.example.org/\n"
        "contact:\n  email: data@veenhoven.example.org\n", encoding="utf-8")
    (content / "visie.md").write_text(
        "---\ntitel: Slim werken met gegevens in Veenhoven\n"
        "kernboodschap: We gebruiken gegevens om inwoners beter te helpen, open en "
        "zorgvuldig.\n---\n\nVeenhoven werkt met gegevens zoals met geld: zuinig, open en "
        "met een plan.\n\n## Waarom\n\nOmdat inwoners dat van ons mogen verwachten.\n",
        encoding="utf-8")
    for i, row in enumerate(THEMES):
        (content / "themas" / f"{row[0]}.md").write_text(_theme(i, row), encoding="utf-8")
    (content / "routekaart.yml").write_text(_roadmap(), encoding="utf-8")
    for i, pid in enumerate(project_ids()):
        (content / "projecten" / f"{pid}.yml").write_text(_project(i), encoding="utf-8")
    (content / "metingen" / "model.yml").write_text(MODEL, encoding="utf-8")
    (content / "metingen" / "2025-03.yml").write_text(MEASUREMENT, encoding="utf-8")
    (content / "versies.yml").write_text(
        '- versie: "0.1"\n  datum: 2026-02-01\n  status: concept\n'
        "  samenvatting: Eerste concept, besproken met de teams.\n", encoding="utf-8")
    for pid, (title, order, body) in PAGES.items():
        meta = f"titel: {title}\n" + (f"volgorde: {order}\n" if order is not None else "")
        (content / "paginas" / f"{pid}.md").write_text(f"---\n{meta}---\n\n{body}",
                                                        encoding="utf-8")
    theme = dest / "theme"
    (theme / "fonts").mkdir(parents=True, exist_ok=True)
    for pattern in ("OpenSans-Regular*", "OpenSans-Bold*", "OpenSans-COPYRIGHT.txt",
                    "LICENSE-Apache-2.0.txt"):
        for font in (REPO / "theme" / "fonts").glob(pattern):
            shutil.copy2(font, theme / "fonts" / font.name)
    (theme / "huisstijl.yml").write_text(HUISSTIJL, encoding="utf-8")
    (theme / "beeldmerk.svg").write_text(MARK, encoding="utf-8")
    (theme / "logo.svg").write_text(LOGO, encoding="utf-8")
    (dest / "mkdocs.yml").write_text(MKDOCS.format(
        cache=cache or dest / ".cache" / "datavisie"),
        encoding="utf-8")
    return dest
