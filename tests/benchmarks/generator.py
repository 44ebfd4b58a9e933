"""Synthetic content for benchmarks: a valid content set of any size, as a git repository.

`generate(root, projects=N, milestones=M, themes=K, versions=V)` writes `root/content/` with
N projects, M milestones, K themes and V adopted versions (each adopted text a commit with a
`visie-<versie>` tag, the working text a concept on top), plus `mkdocs.yml` and `theme/` copied
from this repository so the folder builds as a site. Text lengths follow the Den Helder example
(a project file of 1.5 to 4 kB, a theme of about 3.5 kB). Same arguments -> same files.

    python tests/benchmarks/generator.py /tmp/groot --projecten 1000
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SENTENCES = (
    "We gebruiken alleen gegevens die we echt nodig hebben.",
    "Een medewerker controleert de uitkomst voordat er iets gebeurt.",
    "Inwoners kunnen altijd vragen welke gegevens we over hen gebruiken.",
    "We leggen uit wat we doen, in taal die iedereen begrijpt.",
    "Zo zien we sneller waar hulp nodig is in de wijk.",
    "De gegevens komen uit de basisregistraties van de gemeente.",
    "We bewaren de gegevens niet langer dan nodig is.",
    "Elk jaar kijken we of het project nog doet wat het moet doen.",
    "Het team bespreekt de resultaten met bewoners en ondernemers.",
    "Daarbij letten we goed op privacy en veiligheid.",
    "We werken samen met andere gemeenten in de regio.",
    "De raad krijgt twee keer per jaar een overzicht van de voortgang.",
    "Als het niet werkt, stoppen we en leggen we uit waarom.",
    "We toetsen vooraf of het project eerlijk is voor alle groepen inwoners.",
    "Collega's krijgen een training om goed met de gegevens te werken.",
    "De kaart laat per buurt zien hoe het ervoor staat.",
    "Met de uitkomsten plannen we het werk in de openbare ruimte beter.",
    "We publiceren de cijfers als open data, zodat iedereen ze kan gebruiken.",
    "Persoonsgegevens maken we eerst anoniem voordat we ze analyseren.",
    "Een privacyjurist kijkt mee bij elke nieuwe stap.",
    "Het doel is minder wachttijd en betere hulp voor inwoners.",
    "We meten wat het oplevert en delen wat we leren.",
    "Niet elke vraag heeft een algoritme nodig; vaak is een goede tabel genoeg.",
    "Het dashboard wordt elke week bijgewerkt met nieuwe meldingen.",
    "Bewoners van de wijk hebben meegedacht over de vragen die we stellen.",
    "We kiezen voor open standaarden, zodat we niet vastzitten aan één leverancier.",
    "De uitkomst is een advies; het besluit neemt altijd een mens.",
    "Fouten in de gegevens melden we terug aan de bron.",
)
TOPICS = (
    "afvalinzameling", "parkeerdruk", "meldingen openbare ruimte", "schuldhulp", "jeugdzorg",
    "woningbouw", "energietransitie", "verkeersveiligheid", "groenonderhoud", "wmo-voorzieningen",
    "leerlingenvervoer", "bijstand", "klantcontact", "evenementen", "bodemkwaliteit",
    "wateroverlast", "bedrijventerreinen", "sportaccommodaties", "bibliotheekgebruik",
    "luchtkwaliteit",
)
VERBS = ("Voorspellen van", "Inzicht in", "Dashboard voor", "Monitor van", "Analyse van",
         "Slim plannen van", "Open data over", "Signaleren bij")
TEAMS = ("Team Openbare Ruimte", "Team Sociaal Domein", "Team Informatievoorziening",
         "Team Veiligheid en Handhaving", "Team Wonen", "Team Economie", "Team Financiën",
         "Team Klantcontact", "Programmateam Datagedreven Werken")
SOURCES = ("Basisregistratie Adressen en Gebouwen", "Meldingen openbare ruimte",
           "Basisregistratie Personen", "Klantcontacten", "Sensoren in de openbare ruimte",
           "Gegevens van het CBS per buurt", "Aanvragen Wmo", "Betalingsachterstanden bij "
           "woningcorporaties", "Verkeerstellingen", "Containerwegingen")
THEMES = (
    ("ethiek", "Ethiek", "scale-balance"),
    ("transparantie", "Transparantie", "eye"),
    ("veiligheid-en-privacy", "Veiligheid en privacy", "shield-lock"),
    ("datavaardigheid", "Datavaardigheid", "school"),
    ("samenwerking", "Samenwerking", "handshake"),
    ("datakwaliteit", "Datakwaliteit", "check-decagram"),
    ("infrastructuur", "Infrastructuur", "server"),
    ("innovatie", "Innovatie", "lightbulb"),
)
PRINCIPLES = ("De mens centraal", "Eerlijk en zonder vooroordeel", "Eerst het doel",
              "Open tenzij", "Zuinig met gegevens", "Samen leren", "Durven stoppen",
              "Uitlegbaar")
TERMS = (
    ("AVG", "De wet die regelt hoe organisaties met persoonsgegevens omgaan.",
     "Algemene verordening gegevensbescherming"),
    ("DPIA", "Een onderzoek naar de risico's van het gebruik van persoonsgegevens.",
     "Data Protection Impact Assessment"),
    ("IAMA", "Een toets of een algoritme de mensenrechten respecteert.",
     "Impact Assessment Mensenrechten en Algoritmes"),
    ("algoritme", "Een reeks stappen die een computer volgt om een uitkomst te berekenen.", ""),
    ("open data", "Gegevens die iedereen vrij mag gebruiken en delen.", ""),
    ("dashboard", "Een scherm met de belangrijkste cijfers in één overzicht.", ""),
    ("BAG", "De landelijke registratie van alle adressen en gebouwen.",
     "Basisregistratie Adressen en Gebouwen"),
    ("CBS", "Het bureau dat officiële cijfers over Nederland maakt.",
     "Centraal Bureau voor de Statistiek"),
)
PHASES = (("verkennen", "Verkennen", 2023), ("fundament", "Fundament leggen", 2024),
          ("opbouwen", "Opbouwen", 2025), ("verankeren", "Verankeren", 2026),
          ("doorontwikkelen", "Doorontwikkelen", 2027))
BODIES = (("mt", "vastgesteld-mt", "MT"), ("college", "vastgesteld-college", "CB"),
          ("gemeenteraad", "vastgesteld-raad", "RB"))


@dataclass(frozen=True)
class Sizes:
    projects: int = 100
    milestones: int = 24
    themes: int = 4
    versions: int = 2


class Writer:
    """Deterministic Dutch filler text (seeded per file, so one file never shifts another)."""

    def __init__(self, seed: str) -> None:
        self.rng = random.Random(seed)

    def sentences(self, lo: int, hi: int) -> str:
        return " ".join(self.rng.choice(SENTENCES) for _ in range(self.rng.randint(lo, hi)))

    def upto(self, limit: int, lo: int, hi: int) -> str:
        """Sentences, cut at a sentence boundary below `limit` characters."""
        out = ""
        for _ in range(self.rng.randint(lo, hi)):
            nxt = (out + " " + self.rng.choice(SENTENCES)).strip()
            if len(nxt) > limit:
                break
            out = nxt
        return out or SENTENCES[0]

    def paragraphs(self, n: int, lo: int = 3, hi: int = 6) -> str:
        return "\n\n".join(self.sentences(lo, hi) for _ in range(n))

    def bullets(self, n: int) -> str:
        return "\n".join(f"- {self.rng.choice(SENTENCES)}" for _ in range(n))


def internal_note(about: str) -> str:
    """Text for an `intern:` field: never a public sentence, so the leak check stays quiet."""
    return (f"Vertrouwelijk over {about}: de offerte van de leverancier ligt nog bij inkoop "
            "en het budget is krap.")


def _block(text: str, indent: int = 2) -> str:
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.splitlines())


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def theme_ids(k: int) -> list[str]:
    return [THEMES[i % len(THEMES)][0] + (f"-{i // len(THEMES) + 1}" if i >= len(THEMES) else "")
            for i in range(k)]


def milestone_ids(m: int) -> list[str]:
    return [f"mijlpaal-{i + 1:03d}" for i in range(m)]


def theme_file(i: int, k: int) -> str:
    w = Writer(f"thema-{i}")
    base_id, title, icon = THEMES[i % len(THEMES)]
    if i >= len(THEMES):
        title = f"{title} {i // len(THEMES) + 1}"
    principles = []
    for j in range(w.rng.randint(3, 5)):
        principles.append(f"  - titel: {PRINCIPLES[(i + j) % len(PRINCIPLES)]}\n"
                          f"    toelichting: {_q(w.upto(290, 2, 3))}")
    body = "\n\n".join(f"## {h}\n\n{w.paragraphs(2)}" for h in (
        f"Waarom {title.lower()} belangrijk is", "Wat we willen bereiken",
        "Hoe we dit in de praktijk doen", "Wat de raad kan verwachten"))
    return (f"---\ntitel: {title}\nvolgorde: {i + 1}\nicoon: {icon}\n"
            f"ambitie: {_q(w.upto(170, 2, 3))}\nprincipes:\n" + "\n".join(principles)
            + f"\n---\n\n{body}\n")


def vision_file(version: int) -> str:
    """The core vision; `version` changes a few sentences, as a real revision would."""
    w = Writer("visie")
    parts = [f"## {h}\n\n{w.paragraphs(2, 4, 7)}" for h in (
        "Waarom we met data werken", "Wat we willen bereiken", "Hoe we werken",
        "Wat dit vraagt van de organisatie", "Hoe we de voortgang volgen")]
    extra = Writer(f"visie-{version}")
    for n in range(version):
        parts[n % len(parts)] += "\n\n" + extra.sentences(2, 4)
    return ("---\ntitel: Datagedreven werken in Bankstad\n"
            "kernboodschap: Met data maken we betere keuzes voor inwoners. Zorgvuldig, open "
            "en veilig.\n---\n\n" + "\n\n".join(parts) + "\n")


def roadmap_file(sizes: Sizes) -> str:
    themes = theme_ids(sizes.themes)
    lines = ["fasen:"]
    for pid, title, year in PHASES:
        lines += [f"  - id: {pid}", f"    titel: {title}", f"    start: {year}-Q1",
                  f"    eind: {year}-Q4"]
    lines.append("mijlpalen:" if sizes.milestones else "mijlpalen: []")
    statuses = ("gereed", "gereed", "loopt", "vertraagd", "gepland", "gepland", "vervallen")
    for i, mid in enumerate(milestone_ids(sizes.milestones)):
        w = Writer(mid)
        phase = i * len(PHASES) // max(sizes.milestones, 1)
        pid, _, year = PHASES[phase]
        month = 1 + (i * 12 * len(PHASES) // max(sizes.milestones, 1)) % 12
        status = statuses[min(phase * 2 + i % 2, len(statuses) - 1)]
        tags = sorted({themes[i % len(themes)], themes[(i * 3 + 1) % len(themes)]})
        lines += [f"  - id: {mid}",
                  f"    titel: {TOPICS[i % len(TOPICS)].capitalize()} op orde (stap {i + 1})",
                  f"    fase: {pid}", f"    themas: [{', '.join(tags)}]",
                  f"    wanneer: {year}-{month:02d}", f"    status: {status}",
                  f"    eigenaar: {TEAMS[i % len(TEAMS)]}",
                  f"    toelichting: {_q(w.upto(400, 1, 3))}",
                  "    intern:", f"      notitie: {_q(internal_note(mid))}"]
    return "\n".join(lines) + "\n"


def project_file(i: int, sizes: Sizes) -> str:
    w = Writer(f"project-{i}")
    themes = theme_ids(sizes.themes)
    ms = milestone_ids(sizes.milestones)
    topic = TOPICS[i % len(TOPICS)]
    stopped = i % 9 == 0
    status = "buiten-gebruik" if stopped else ("verkenning", "pilot", "in-gebruik")[i % 3]
    n_sources = w.rng.randint(1, 4)
    sources = [SOURCES[(i + j) % len(SOURCES)] for j in range(n_sources)]
    personal = [("Personen" in s or "Klant" in s or "Aanvragen" in s or "Betaling" in s)
                for s in sources]
    lines = [
        f"naam: {VERBS[i % len(VERBS)]} {topic} ({i + 1})",
        f"samenvatting: {_q(w.upto(340, 3, 5))}",
        f"themas: [{', '.join(sorted({themes[i % len(themes)], themes[(i // 3) % len(themes)]}))}]",
    ]
    if ms:
        picks = sorted({ms[i % len(ms)], ms[(i * 7 + 3) % len(ms)]})
        lines.append(f"mijlpalen: [{', '.join(picks)}]")
    lines += [f"status: {status}", f"start: {2021 + i % 5}-{1 + i % 12:02d}"]
    if stopped:
        lines.append(f"eind: {2026}-{1 + i % 12:02d}")
    lines += [f"eigenaar: {TEAMS[i % len(TEAMS)]}",
              "doel: " + _block(w.paragraphs(w.rng.randint(1, 2)) + "\n\n" + w.bullets(3)),
              "gegevens:"]
    for s, p in zip(sources, personal, strict=True):
        lines += [f"  - bron: {s}", f"    persoonsgegevens: {'true' if p else 'false'}"]
    lines.append(f"dpia: {'uitgevoerd' if any(personal) else ('niet-nodig', 'gepland')[i % 2]}")
    if i % 3 == 0:
        lines += [
            "algoritme:",
            f"  publicatiecategorie: {('impactvol', 'overig', 'hoog-risico-ai')[i % 3 and 1]}",
            f"  soort: {('regelgebaseerd', 'statistisch', 'zelflerend')[i % 4 % 3]}",
            "  menselijke_tussenkomst: " + _block(w.paragraphs(1, 2, 4), 4),
            "  risicobeheer: " + _block(w.paragraphs(1) + "\n\n" + w.bullets(3), 4),
            "  wettelijke_basis: " + _q(w.sentences(1, 2)),
            "  technische_werking: " + _block(w.paragraphs(2), 4),
            f"  leverancier: {('Intern ontwikkeld', 'Extern databureau')[i % 2]}",
            "  impacttoetsen:",
            "    - titel: DPIA",
            f"      link: https://bankstad.example.nl/documenten/dpia-{i + 1}.pdf",
        ]
    lines += ["raadsvragen:", "  beeldvorming:", f"    - Wat levert {topic} de inwoners op?",
              "  oordeelsvorming:", f"    - Wegen de risico's van project {i + 1} op tegen de "
              "opbrengst?", "intern:", f"  contactpersoon: Medewerker {i % 40 + 1}",
              f"  risico: {_q(internal_note(f'project {i + 1}'))}"]
    return "\n".join(lines) + "\n"


def versions_file(v: int) -> str:
    out = ["# Register van versies van de visie, oudste eerst."]
    for n in range(v):
        orgaan, status, prefix = BODIES[n % len(BODIES)] if n < v - 1 else BODIES[2]
        out += [f'- versie: "1.{n}"', f"  datum: {2022 + n // 4}-{3 * (n % 4) + 2:02d}-15",
                f"  status: {status}", "  besluit:", f"    orgaan: {orgaan}",
                f"    kenmerk: {prefix}-{2022 + n // 4}-{n + 10}",
                f"  samenvatting: {_q(SENTENCES[n % len(SENTENCES)])}"]
    out += [f'- versie: "1.{v}"', "  datum: 2027-06-01", "  status: concept",
            "  samenvatting: Concept voor een herziene visie."]
    return "\n".join(out) + "\n"


def static_files() -> dict[str, str]:
    w = Writer("vast")
    terms = []
    for term, definition, full in TERMS:
        terms.append(f"- term: {term}\n  definitie: {_q(definition)}"
                     + (f"\n  voluit: {full}" if full else ""))
    levels = ("Startend", "Ontwikkelend", "Gevorderd", "Toonaangevend", "Voorbeeld")
    dims = (("publieke-waarde", "Publieke waarde"), ("mensen", "Mensen en cultuur"),
            ("gegevens", "Gegevens en techniek"))
    model = ["naam: Ontwikkelmodel Datagedreven Gemeente", "niveaus:"]
    model += [f"  - {{waarde: {n + 1}, naam: {name}}}" for n, name in enumerate(levels)]
    model.append("dimensies:")
    aspects = []
    for did, title in dims:
        model += [f"  - id: {did}", f"    titel: {title}", "    aspecten:"]
        for a in range(3):
            aspects.append(f"{did}-{a + 1}")
            model.append(f"      - {{id: {did}-{a + 1}, titel: {title} onderdeel {a + 1}}}")

    def measurement(day: str, kind: str, shift: int) -> str:
        rows = [f"  - {{aspect: {a}, huidig: {1 + (n + shift) % 3}, ambitie: 4}}"
                for n, a in enumerate(aspects)]
        return f"datum: {day}\nsoort: {kind}\nmethode: quickscan\nscores:\n" + "\n".join(rows)

    def page(title: str, order: int, paras: int) -> str:
        return f"---\ntitel: {title}\nvolgorde: {order}\n---\n\n{w.paragraphs(paras)}\n"

    return {
        "organisatie.yml": "naam: Gemeente Bankstad\nkorte_naam: Bankstad\n"
                           "site_url: https://datavisie.bankstad.example.nl/\n"
                           "repo_url: https://git.example.nl/bankstad/datavisie\n"
                           "contact:\n  email: data@bankstad.example.nl\n  telefoon: \"14 0000\"\n",
        "begrippen.yml": "\n".join(terms) + "\n",
        "metingen/model.yml": "\n".join(model) + "\n",
        "metingen/2024-03.yml": measurement("2024-03-15", "nulmeting", 0) + "\n",
        "metingen/2026-03.yml": measurement("2026-03-15", "hermeting", 1) + "\n",
        "paginas/over.md": page("Over deze site", 1, 3),
        "paginas/toegankelijkheid.md": page("Toegankelijkheid", 2, 4),
        "paginas/privacy.md": page("Privacy", 3, 4),
        "paginas/contact.md": page("Contact", 4, 2),
    }


def content_files(sizes: Sizes, *, vision_version: int | None = None) -> dict[str, str]:
    """Every content file (path below content/ -> text) of the working tree."""
    files = static_files()
    files["visie.md"] = vision_file(sizes.versions if vision_version is None else vision_version)
    files["routekaart.yml"] = roadmap_file(sizes)
    files["versies.yml"] = versions_file(sizes.versions)
    for i, tid in enumerate(theme_ids(sizes.themes)):
        files[f"themas/{tid}.md"] = theme_file(i, sizes.themes)
    for i in range(sizes.projects):
        files[f"projecten/project-{i + 1:05d}.yml"] = project_file(i, sizes)
    return files


def write_files(folder: Path, files: dict[str, str]) -> None:
    for rel, text in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _git(root: Path, *args: str, day: str = "2022-01-01") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bank", "GIT_AUTHOR_EMAIL": "bank@example.nl",
           "GIT_COMMITTER_NAME": "Bank", "GIT_COMMITTER_EMAIL": "bank@example.nl",
           "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00",
           "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def site_files(root: Path) -> None:
    """mkdocs.yml and theme/ of this repository, so `root` builds like the example does."""
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns(".cache"))


def generate(root: Path, sizes: Sizes = Sizes(), *, git: bool = True) -> Path:
    """Write a buildable project at `root`; with `git`, V adopted versions as tagged commits."""
    root.mkdir(parents=True, exist_ok=True)
    content = root / "content"
    site_files(root)
    if git:
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
        themes = {f"themas/{tid}.md": theme_file(i, sizes.themes)
                  for i, tid in enumerate(theme_ids(sizes.themes))}
        for n in range(sizes.versions):
            # Each adopted text: the vision (a few sentences differ) and the themes, tagged.
            write_files(content, {"visie.md": vision_file(n), **themes})
            _git(root, "add", "content")
            _git(root, "commit", "-q", "-m", f"Visie versie 1.{n}", day=f"{2022 + n // 4}-01-01")
            _git(root, "tag", f"visie-1.{n}")
    write_files(content, content_files(sizes))
    if git:
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", "Werktekst", day="2027-01-01")
    return root


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("map", type=Path, help="lege map voor het project")
    parser.add_argument("--projecten", type=int, default=100)
    parser.add_argument("--mijlpalen", type=int, default=24)
    parser.add_argument("--themas", type=int, default=4)
    parser.add_argument("--versies", type=int, default=2)
    parser.add_argument("--zonder-git", action="store_true")
    args = parser.parse_args(argv)
    if args.map.exists() and any(args.map.iterdir()):
        parser.error(f"{args.map} is niet leeg")
    sizes = Sizes(args.projecten, args.mijlpalen, args.themas, args.versies)
    generate(args.map, sizes, git=not args.zonder_git)
    print(f"{args.map}: {sizes}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
