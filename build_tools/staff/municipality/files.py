"""The project files around a new municipality's content: mkdocs.yml (generic: the plugin takes
names and addresses from content/organisatie.yml), CI for GitHub and GitLab that checks, builds
and publishes, a short README, CODEOWNERS and .gitignore. Pure: answers -> {path: text}."""

from __future__ import annotations

from build_tools.staff.municipality.content import Answers

PLACEHOLDER_PACKAGE = "https://git.example.invalid/datavisie.git"

MKDOCS_YML = """# De website van de datavisie. `mkdocs build` en `mkdocs serve` werken zoals altijd.
# De pagina's komen uit content/ (via de plugin `datavisie`), de huisstijl uit
# theme/huisstijl.yml. Niets hier hoort bij één gemeente: de naam van de site
# ("Datavisie <korte_naam>"), het adres van de site en dat van de repository komen uit
# content/organisatie.yml. Laat site_name op "Datavisie" staan; een andere waarde houdt de
# plugin aan.
site_name: Datavisie
docs_dir: content
site_dir: site
use_directory_urls: true
strict: false

theme:
  name: material
  # De sjablonen van de site zitten in de plugin. Eigen sjablonen van de gemeente kunnen
  # in een map naast huisstijl.yml, met `custom_dir: theme/overrides`.
  language: nl
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-night
        name: Donkere weergave
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: custom
      accent: custom
      toggle:
        icon: material/weather-sunny
        name: Lichte weergave
  features:
    - navigation.tabs
    - navigation.sections
    - navigation.indexes
    - navigation.top
    - navigation.footer
    - toc.follow
    - search.suggest
    - search.highlight
    - content.action.edit

plugins:
  - search:
      lang: nl
  - datavisie:
      doelgroep: publiek

markdown_extensions:
  - toc:
      permalink: true
      permalink_title: Link naar dit deel
  - admonition
  - pymdownx.details
  - attr_list
  - def_list
  - footnotes
  - tables
  - sane_lists

extra:
  generator: false

validation:
  nav:
    omitted_files: warn
    not_found: warn
  links:
    not_found: warn
    anchors: warn
    unrecognized_links: warn
"""

GITIGNORE = """# Wat de bouw maakt; nooit in git.
site/
site-intern/
public/
.cache/
.venv/
__pycache__/
"""

CODEOWNERS = """# Wie beoordeelt wat. Vervang de teams door echte teams of accounts van je forge.
# GitHub en GitLab vragen deze mensen vanzelf om een beoordeling. De laatste passende regel telt.
*                       @gemeente/beheer
/content/               @gemeente/programmateam
/content/versies.yml    @gemeente/programmateam @gemeente/griffie
/theme/                 @gemeente/communicatie
/posters/               @gemeente/communicatie
"""


def _install(package: str) -> str:
    return f'python -m pip install --quiet "datavisie @ git+{package}"'


def _github_job_start(package: str, *, explain: bool) -> str:
    """The first steps of both GitHub jobs: the whole history (adopted versions are tags),
    Python, Cairo for the posters, datavisie, and the check with annotations at the lines."""
    why = "   # de hele geschiedenis en de tags: de vastgestelde versies" if explain else ""
    return f"""    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0{why}
          fetch-tags: true
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Cairo installeren (voor de posters)
        run: |
          sudo apt-get update -qq
          sudo apt-get install -y -qq --no-install-recommends libcairo2
      - name: datavisie installeren
        run: {_install(package)}
      - name: Inhoud controleren
        run: datavisie check --format github
"""


def github_publish(package: str) -> str:
    return f"""# Bij elke wijziging op main: controleren, bouwen en publiceren op GitHub Pages.
# Eenmalig: Settings > Pages > Source: "GitHub Actions".
name: Publiceren

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  bouwen:
{_github_job_start(package, explain=True)}      - name: Site bouwen
        run: |
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          datavisie bouw
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site/

  publiceren:
    needs: bouwen
    runs-on: ubuntu-latest
    timeout-minutes: 10
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


def github_check(package: str) -> str:
    return f"""# Bij elk pull request: de inhoud controleren (meldingen bij de regels zelf) en een
# voorbeeld van de site bouwen om te downloaden.
name: Voorstel controleren

on:
  pull_request:

permissions:
  contents: read

jobs:
  controleren:
{_github_job_start(package, explain=False)}      - name: Voorbeeld bouwen
        run: |
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
          datavisie bouw --uit voorbeeld
      - uses: actions/upload-artifact@v4
        with:
          name: voorbeeld-site
          path: voorbeeld/
          retention-days: 14
"""


def gitlab_ci(package: str) -> str:
    return f"""# GitLab: bij een merge request de inhoud controleren (codekwaliteitsrapport bij de
# regels); op de hoofdtak bouwen en publiceren met GitLab Pages (map public/).
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

variables:
  GIT_DEPTH: "0"            # de hele geschiedenis en de tags: de vastgestelde versies
  GIT_FETCH_EXTRA_FLAGS: --prune --quiet --tags

default:
  image: python:3.11-bookworm
  before_script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends libcairo2 > /dev/null
    - {_install(package)}
    - export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"

controleren:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - datavisie check --format gitlab > gl-code-quality-report.json || true
    - datavisie check        # de meldingen leesbaar in het log; stopt bij een fout
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json

pages:
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - datavisie check
    - datavisie bouw --uit public
  artifacts:
    paths: [public]
"""


def readme(a: Answers, package: str) -> str:
    return f"""# Datavisie {a.korte_naam}

De visie van {a.naam} op datagedreven werken, als tekst in git. Eén bouwstap maakt er een
website en posters van. Gemaakt met `datavisie nieuw gemeente`; de software is
[datavisie]({package.removesuffix(".git")}).

## Beginnen

Je hebt Python 3.11 of nieuwer nodig (en de bibliotheek cairo, voor de posters).

```sh
python3 -m venv .venv
.venv/bin/pip install "datavisie @ git+{package}"
.venv/bin/datavisie check          # wat er nog in te vullen is
.venv/bin/datavisie bouw           # de site en de posters in site/
.venv/bin/mkdocs serve             # voorbeeld op http://127.0.0.1:8000/
```

Elke tekst die met `INVULLEN:` begint en elk adres op `.invalid` is nog een plaatshouder:
`datavisie check` noemt ze allemaal (`W006 waarschuwing`), met bestand, regel en wat erin
hoort. Zolang ze er staan, bouwt de site gewoon.

## Waar staat wat

| map of bestand | wat |
|---|---|
| `content/` | de visie, thema's, routekaart, projecten, metingen en pagina's |
| `content/organisatie.yml` | naam, adres van de site en de repository, contact |
| `theme/` | huisstijl: kleuren, letters, logo (`theme/huisstijl.yml`) |
| `posters/` | de posters: opmaak en sjablonen |
| `mkdocs.yml` | instellingen van de site (algemeen; niets van de gemeente zelf) |
| `.github/`, `.gitlab-ci.yml` | controleren en publiceren op GitHub Pages of GitLab Pages |

## Publiceren

- **GitHub**: zet in Settings > Pages de bron op "GitHub Actions"; elke wijziging op `main`
  wordt gecontroleerd, gebouwd en gepubliceerd.
- **GitLab**: de job `pages` publiceert de map `public/` bij elke wijziging op de hoofdtak.

Staat de site op haar eigen adres (bijvoorbeeld `https://datavisie.{a.korte_naam.lower()}.nl/`),
zet dat als `site_url` in `content/organisatie.yml`. Zet daarna ook `repo_url`, en maak
`publiccode.yml` met `.venv/bin/datavisie publiccode`.

Meer uitleg (huisstijl, posters drukken, een wijziging voorstellen, publiceren) staat in de
map `docs/` van de datavisie-software.
"""


def project_files(a: Answers, package: str | None) -> dict[str, str]:
    pkg = package or PLACEHOLDER_PACKAGE
    return {
        "mkdocs.yml": MKDOCS_YML,
        ".gitignore": GITIGNORE,
        "CODEOWNERS": CODEOWNERS,
        "README.md": readme(a, pkg),
        ".github/workflows/publiceren.yml": github_publish(pkg),
        ".github/workflows/controleren.yml": github_check(pkg),
        ".gitlab-ci.yml": gitlab_ci(pkg),
    }
