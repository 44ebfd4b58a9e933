"""The staff guide ("Meedoen"): how to propose a change, add a project, what each field means,
what the checks say and who reviews what. Pure: model -> Markdown pages. The field reference
and the error list are generated from the schemas and the code registry, so they never drift
(guide_fields.py, guide_errors.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from build_tools.content.forge import Forge
from build_tools.content.forge import forge_of as forge_from
from build_tools.content.model import Datavisie
from build_tools.staff.editor_schemas import FILE_TYPES, schema_hint
from build_tools.staff.guide_errors import errors_page
from build_tools.staff.guide_fields import fields_page
from build_tools.staff.guide_forge import (
    CHECKS,
    EDIT_BUTTON,
    PREVIEW,
    PREVIEW_ANY,
    SAVE,
    summary_place,
)
from build_tools.staff.guide_markdown import cell as _cell
from build_tools.staff.guide_markdown import code as _code
from build_tools.staff.guide_markdown import esc as _esc

SECTION = "Meedoen"
FOLDER = "meedoen"


@dataclass(frozen=True)
class GuidePage:
    """One page of the guide; `path` is relative to the site's docs folder."""

    path: str
    title: str
    markdown: str


# --- the forge: links, buttons and where the checks show ---------------------------------

def forge_of(model: Datavisie) -> Forge:
    return forge_from(model.organisatie)


# --- pages --------------------------------------------------------------------------------

def guide_pages(model: Datavisie) -> list[GuidePage]:
    """All pages of the guide, in navigation order; the first is the section's index."""
    forge = forge_of(model)
    return [
        GuidePage(f"{FOLDER}/index.md", "Meedoen", _index(model, forge)),
        GuidePage(f"{FOLDER}/project-toevoegen.md", "Een project toevoegen",
                  _project(model, forge)),
        GuidePage(f"{FOLDER}/velden.md", "Veldenoverzicht", fields_page()),
        GuidePage(f"{FOLDER}/foutmeldingen.md", "Foutmeldingen", errors_page(forge)),
        GuidePage(f"{FOLDER}/beoordelen.md", "Wie beoordeelt wat", _reviews(forge)),
    ]


def _index(model: Datavisie, forge: Forge) -> str:
    org = _esc(model.organisatie.naam)
    pr = forge.request
    where = (f"[de map content/ in de repository]({forge.tree('content')})" if forge.repo
             else "de map content/ in de repository")
    vision_link = forge.edit("content/visie.md")
    edit_step = EDIT_BUTTON.get(forge.kind, "**Kies Bewerken** (meestal een potlood). De "
                                 "tekst opent in de webeditor.")
    save_step = SAVE.get(forge.kind, "Sla je wijziging op in een nieuwe tak (*branch*) en "
                          f"open een {pr}. Schrijf in een paar zinnen wat je verandert en "
                          "waarom.")
    checks = CHECKS.get(forge.kind, "")
    preview = PREVIEW.get(forge.kind, PREVIEW_ANY)
    example = (f" Bijvoorbeeld: [de kernvisie bewerken]({vision_link})." if vision_link else "")
    return f"""# Meedoen

De datavisie van {org} staat als gewone tekstbestanden in een repository. Iedereen met een
account kan een wijziging voorstellen: een zin verbeteren, een mijlpaal verschuiven, een
project toevoegen. Je hoeft daarvoor niets te installeren en geen git te kennen.

## Een wijziging voorstellen in vijf stappen

1. **Open het bestand.** Ga naar {where} en klik op het bestand dat je wilt
   veranderen.{example} Welk bestand waarvoor is, staat hieronder.
2. {edit_step}
3. **Maak je wijziging.** Verander alleen wat nodig is. Bij elk veld hoort een vaste
   schrijfwijze; het [veldenoverzicht](velden.md) zegt welke.
4. **Sla op als voorstel.** {save_step}
5. **Wacht op de controle.** Binnen een paar minuten zie je bij je {pr}:
    - of de inhoud klopt, en anders {summary_place(forge)}: daar staan alle fouten, met
      wat je moet doen (zie [foutmeldingen](foutmeldingen.md)). Ook fouten in bestanden die
      je niet aanraakte, bijvoorbeeld een project dat verwijst naar een mijlpaal die je
      weghaalde, staan daar en worden zo gemarkeerd. {checks}
    - een samenvatting in gewone taal, in {summary_place(forge)}. Klopt die met wat je
      bedoelde?
    - {preview}.

Daarna beoordelen collega's je voorstel ([wie beoordeelt wat](beoordelen.md)). Na hun
akkoord wordt het samengevoegd en staat het binnen een paar minuten op de site.

## Welk bestand waarvoor

| wat je wilt veranderen | bestand |
|---|---|
{_file_rows()}

Een nieuw project toevoegen? Zie [een project toevoegen](project-toevoegen.md).

## Een andere naam of plek geven

De naam van het bestand is het adres op de site: `content/projecten/afval.yml` staat op
`/projecten/afval/`, `content/paginas/over.md` op `/over/`. Geef je een project, thema of
pagina een andere bestandsnaam, dan blijft het oude adres werken: de site maakt er een
pagina die bezoekers doorstuurt naar het nieuwe adres. Dat gaat vanzelf als je het bestand
hernoemt (in de webeditor: verander de naam bovenaan; op je eigen computer: `git mv`). De
samenvatting bij je {pr} noemt dan het oude en het nieuwe adres.

Heb je het bestand opnieuw aangemaakt in plaats van hernoemd, of stond de pagina eerder op
een heel ander adres, zet dat adres dan zelf in het bestand, zonder `https://` en de naam
van de site:

{_code("oude_adressen: [projecten/afval/, over-ons.html]")}

Bij een thema of pagina staat dat bovenaan, tussen de regels met `---`.

## Op je eigen computer

Werk je liever lokaal, dan helpt het programma `datavisie`:

- `datavisie nieuw project "Naam"` (of `mijlpaal`, `thema`, `pagina`) maakt een nieuw
  bestand met alle velden en uitleg;
- `datavisie check` controleert de inhoud, de huisstijl en of alles op de posters past;
- `datavisie wijzigingen origin/main` zegt in gewone taal wat jouw wijziging doet, en welke
  fouten er daarna in het hele project zijn;
- `datavisie schema --editor` maakt de schema's waarmee je editor velden aanvult en fouten
  toont (in Visual Studio Code met de extensie *YAML* van Red Hat, die de repository
  aanbeveelt), ook voor de huisstijl en de posters;
- `make serve` (of `mkdocs serve`) laat de site zien op http://127.0.0.1:8000/ terwijl je
  werkt. Staat er een fout in, dan toont de browser welke (bestand, regel en wat je doet);
  sla de verbetering op en de site komt vanzelf terug.
"""


def _file_rows() -> str:
    return "\n".join(f"| {_cell(ft.description)} | `{ft.title.split(' ')[0]}` |"
                     for ft in FILE_TYPES)


def _project(model: Datavisie, forge: Forge) -> str:
    from build_tools.staff.scaffold import file_text

    template = file_text("project", {"naam": "Naam van het project"},
                         schema_hint=schema_hint("projecten/<id>.yml", depth=2),
                         known={"themas": [t.id for t in model.themas]})
    new_link = forge.new("content/projecten")
    start = (f"[Maak een nieuw bestand in content/projecten]({new_link})" if new_link else
             "Ga in de repository naar de map content/projecten en kies *Add file* of "
             "*Nieuw bestand*")
    return f"""# Een project toevoegen

Elk project of algoritme staat in een eigen bestand in `content/projecten/`. Het register op
de site, de downloads en de export naar het landelijke Algoritmeregister komen allemaal uit
dat ene bestand.

## Stappen

1. {start}.
2. Geef het bestand een naam van kleine letters, cijfers en streepjes, met `.yml` erachter,
   bijvoorbeeld `slimme-afvalinzameling.yml`. Die naam is het id van het project.
3. Plak het sjabloon hieronder in het bestand en vul de lege velden in. Bij elk veld staat
   wat erin hoort. Velden met *Mag leeg blijven* mag je leeg laten.
4. Sla op als voorstel ({forge.request}), zoals beschreven op [Meedoen](index.md).
   De controle zegt welke velden nog leeg of onjuist zijn.

Op je eigen computer maakt `datavisie nieuw project "Naam van het project"` hetzelfde
bestand, met het id al ingevuld.

## Waar je op let

- Schrijf de samenvatting en het doel in eenvoudige taal (B1): voor inwoners en raadsleden.
- Gebruikt een bron persoonsgegevens (`persoonsgegevens: true`)? Dan moet bij `dpia` staan
  of de DPIA is uitgevoerd, gepland of niet nodig is.
- Ondersteunt een algoritme besluiten over mensen? Vul dan het blok `algoritme` in.
- Wat niet openbaar mag, zet je onder `intern:`. Dat komt nooit op de publieke site, maar
  iedereen die de repository kan lezen, ziet het wel. Geheime zaken horen er dus niet in.

## Sjabloon

{_code(template)}

{_national_register()}"""


def _limit(p: Any) -> str:
    if p.max_length is not None:
        return f"{p.max_length} tekens"
    if p.max_items is not None:
        return f"{p.max_items} waarden"
    if p.permitted_values:
        return "vaste lijst"
    if p.items:
        return "; ".join(f"{q.name}: {q.max_length} tekens" for q in p.items.values()
                         if q.max_length is not None) or "-"
    return "-"


def _national_register() -> str:
    from build_tools.views.algoritmeregister.entry import FIELDS
    from build_tools.views.algoritmeregister.standard import standard

    std = standard()
    rows = "\n".join(
        f"| `{name}` | {_cell(p.title)} | {'ja' if p.required else 'nee'} | "
        f"{'ja' if p.show_always else 'nee'} | {_cell(_limit(p))} | {_cell(FIELDS[name])} |"
        for name, p in std.properties.items())
    return f"""## Het landelijke Algoritmeregister

Een project met een blok `algoritme` kan ook in het landelijke Algoritmeregister komen.
`datavisie algoritmeregister` schrijft elk openbaar algoritme als bestand in het formaat van
het register (publicatiestandaard {std.version}); de site zet dezelfde bestanden onder
*Algoritmeregister*. Het register toont sommige velden altijd, ook als ze leeg zijn ("Veld
niet ingevuld"). Vul daarom ook `beleidsterrein`, `in_gebruik_sinds` en `afwegingen` in.

**Twee datums.** `start` is het begin van het project. `algoritme.in_gebruik_sinds` is de
maand waarin het algoritme echt in gebruik ging: dat wordt de *Begindatum* in het register.
De *Einddatum* is de maand van `eind`, zodra de status `buiten-gebruik` is.

**Grenzen van het register.** Het register telt tekens zonder opmaak en heeft eigen grenzen.
Een tekst die past in ons bestand, kan in het register te lang worden: bij
*Technische werking* komt er een zin over de soort algoritme voor, en *Gegevens* zijn de
namen van alle bronnen samen. Dan waarschuwt `datavisie check` met W201 of W202 bij de regel
in het bestand. De site wordt gewoon gebouwd, maar `datavisie algoritmeregister` schrijft
niets tot alles past (DV230, DV231).

| veld in het register | naam daar | verplicht | altijd getoond | grens | komt uit |
|---|---|---|---|---|---|
{rows}

Als het register een algoritme heeft opgenomen, geeft het een Algoritme-ID. Zet dat bij
`algoritme.lars`: dan linkt de site naar de vermelding, en weet wie de bestanden aanlevert
dat het om een bestaande vermelding gaat.
"""


# Mirrors the example CODEOWNERS at the root of the repository.
_REVIEWS = (
    ("de tekst van de visie en de thema's (`content/visie.md`, `content/themas/`)",
     "programmateam", "klopt het met wat is afgesproken; is het eenvoudige taal (B1)"),
    ("routekaart, projecten, metingen, begrippen, pagina's (`content/`)", "programmateam",
     "kloppen de feiten, data en verwijzingen"),
    ("een vastgestelde versie (`content/versies.yml`)", "programmateam en griffie",
     "klopt het besluit met wat de raad of het college vaststelde"),
    ("kleuren, letters, logo (`theme/huisstijl.yml`, het logo, `theme/fonts/`)",
     "communicatie", "past het bij de huisstijl; is het leesbaar en toegankelijk"),
    ("sjablonen van posters en website (`posters/`, `theme/overrides/`)", "beheerders",
     "sjablonen zijn code: blijft het veilig en werkt het nog"),
    ("de bouw en de automatisering (`build_tools/`, workflows)", "beheerders",
     "werkt de site nog; blijft interne inhoud intern"),
)


def _review_rows() -> str:
    return "\n".join(f"| {what} | {who} | {why} |" for what, who, why in _REVIEWS)


def _reviews(forge: Forge) -> str:
    pr = forge.request
    return f"""# Wie beoordeelt wat

Elke wijziging wordt gelezen door de collega's die over dat deel gaan, voordat ze op de site
komt. Het bestand `CODEOWNERS` in de repository legt vast wie dat zijn; de forge vraagt hen
dan vanzelf om een beoordeling bij je {pr}.

| wat verandert | wie beoordeelt | waar die op let |
|---|---|---|
{_review_rows()}

## Beoordelen

Kijk bij een {pr} eerst naar de samenvatting *Wat deze wijziging doet*. Die zegt in gewone
taal wat er verandert: projecten, mijlpalen, alinea's en zinnen, scores en het
ontwikkelmodel; de huisstijl (welke kleur, letter of welk logo, met oude en nieuwe waarde);
welke posters veranderen; de instellingen van de site; en een project, thema of pagina dat
een nieuw adres krijgt, met het oude en het nieuwe adres. Beoordeel de betekenis; de YAML
hoef je daarvoor niet te lezen.

Twee dingen vraagt de samenvatting wel van je:

- **Fouten.** Staan er fouten bovenaan, dan kan het voorstel nog niet samengevoegd worden.
  Fouten *buiten je wijziging* zitten in bestanden die het voorstel niet aanraakt, maar
  ontstaan er wel door.
- **Interne onderdelen.** Onder *Intern* staan bestanden die niet op de site te zien zijn:
  code, automatisering, of alleen interne gegevens of opmaak in de inhoud. De samenvatting
  noemt alleen hun naam. Gaat het om code of automatisering, laat het dan beoordelen door de
  beheerders.

Twijfel je hoe het eruitziet, bekijk dan {PREVIEW.get(forge.kind, PREVIEW_ANY)}.

Tekst die al door de raad of het college is vastgesteld, verandert pas echt als een nieuw
besluit dat vastlegt. Tot dan toont de site de nieuwe tekst als concept.
"""
