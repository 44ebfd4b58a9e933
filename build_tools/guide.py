"""The staff guide ("Meedoen"): how to propose a change, add a project, what each field means,
what the checks say and who reviews what. Pure: model -> Markdown pages. The field reference
and the error list are generated from the schemas and the code registry, so they never drift.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .jsonschema_export import FILE_TYPES, schema_hint
from .model import Datavisie
from .schema import F, ListOf, Record, Type
from .schemas import FILE_SCHEMAS

SECTION = "Meedoen"
FOLDER = "meedoen"


@dataclass(frozen=True)
class GuidePage:
    """One page of the guide; `path` is relative to the site's docs folder."""

    path: str
    title: str
    markdown: str


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def _esc(text: str) -> str:
    """Content text inert in Markdown (names from organisatie.yml, ...)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _cell(text: str) -> str:
    """Our own Markdown in a table cell: `visie-<versie>` is text, not a tag, and `|` or a
    line end would break the row."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """An indented code block: plain Markdown, so it needs no fenced-code extension."""
    return "\n".join("    " + line if line else "" for line in text.rstrip("\n").split("\n"))


def _link(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


# --- the forge: links and button names ------------------------------------------------------

@dataclass(frozen=True)
class Forge:
    """Where the repository lives, as far as the guide needs to know."""

    kind: str  # github | gitlab | onbekend
    repo: str | None
    branch: str

    def edit(self, path: str) -> str | None:
        if not self.repo:
            return None
        part = {"github": "edit", "gitlab": "-/edit"}.get(self.kind)
        return _link(f"{self.repo}/{part}/{self.branch}/{path}") if part else None

    def new(self, folder: str) -> str | None:
        if not self.repo:
            return None
        part = {"github": "new", "gitlab": "-/new"}.get(self.kind)
        return _link(f"{self.repo}/{part}/{self.branch}/{folder}") if part else None

    def tree(self, folder: str) -> str | None:
        if not self.repo:
            return None
        part = {"github": "tree", "gitlab": "-/tree"}.get(self.kind, "")
        return _link(f"{self.repo}/{part}/{self.branch}/{folder}" if part else self.repo)

    @property
    def request(self) -> str:
        return "merge request" if self.kind == "gitlab" else "pull request"


def forge_of(model: Datavisie) -> Forge:
    org = model.organisatie
    repo = (org.repo_url or "").rstrip("/") or None
    host = (urlsplit(repo).hostname or "") if repo else ""
    kind = "github" if host.endswith("github.com") else "gitlab" if "gitlab" in host else "onbekend"
    return Forge(kind, repo, org.repo_branch or "main")


# --- pages --------------------------------------------------------------------------------

def guide_pages(model: Datavisie) -> list[GuidePage]:
    """All pages of the guide, in navigation order; the first is the section's index."""
    forge = forge_of(model)
    return [
        GuidePage(f"{FOLDER}/index.md", "Meedoen", _index(model, forge)),
        GuidePage(f"{FOLDER}/project-toevoegen.md", "Een project toevoegen",
                  _project(model, forge)),
        GuidePage(f"{FOLDER}/velden.md", "Veldenoverzicht", _fields()),
        GuidePage(f"{FOLDER}/foutmeldingen.md", "Foutmeldingen", _errors(forge)),
        GuidePage(f"{FOLDER}/beoordelen.md", "Wie beoordeelt wat", _reviews(forge)),
    ]


def _index(model: Datavisie, forge: Forge) -> str:
    org = _esc(model.organisatie.naam)
    pr = forge.request
    where = (f"[de map content/ in de repository]({forge.tree('content')})" if forge.repo
             else "de map content/ in de repository")
    vision_link = forge.edit("content/visie.md")
    example = (f" Bijvoorbeeld: [de kernvisie bewerken]({vision_link})." if vision_link else "")
    return f"""# Meedoen

De datavisie van {org} staat als gewone tekstbestanden in een repository. Iedereen met een
account kan een wijziging voorstellen: een zin verbeteren, een mijlpaal verschuiven, een
project toevoegen. Je hoeft daarvoor niets te installeren en geen git te kennen.

## Een wijziging voorstellen in vijf stappen

1. **Open het bestand.** Ga naar {where} en klik op het bestand dat je wilt
   veranderen.{example} Welk bestand waarvoor is, staat hieronder.
2. **Klik op Bewerken** (het potlood, in het Engels *Edit*). De tekst opent in de
   webeditor.
3. **Maak je wijziging.** Verander alleen wat nodig is. Bij elk veld hoort een vaste
   schrijfwijze; het [veldenoverzicht](velden.md) zegt welke.
4. **Sla op als voorstel.** Klik op *Commit changes*. Kies voor een nieuwe tak (*branch*)
   en een {pr}. Schrijf in een paar zinnen wat je verandert en waarom.
5. **Wacht op de controle.** Binnen een paar minuten zie je bij je {pr}:
    - of de inhoud klopt. Fouten staan bij de regel waar ze zitten, met wat je moet doen
      (zie [foutmeldingen](foutmeldingen.md));
    - een samenvatting in gewone taal: *Wat deze wijziging doet*. Klopt die met wat je
      bedoelde?
    - een voorbeeld van de site om te downloaden en te bekijken.

Daarna beoordelen collega's je voorstel ([wie beoordeelt wat](beoordelen.md)). Na hun
akkoord wordt het samengevoegd en staat het binnen een paar minuten op de site.

## Welk bestand waarvoor

| wat je wilt veranderen | bestand |
|---|---|
{_file_rows()}

Een nieuw project toevoegen? Zie [een project toevoegen](project-toevoegen.md).

## Op je eigen computer

Werk je liever lokaal, dan helpt het programma `datavisie`:

- `datavisie nieuw project "Naam"` (of `mijlpaal`, `thema`, `pagina`) maakt een nieuw
  bestand met alle velden en uitleg;
- `datavisie check` controleert de inhoud, de huisstijl en of alles op de posters past;
- `datavisie wijzigingen origin/main` zegt in gewone taal wat jouw wijziging doet;
- `datavisie schema` maakt de schema's waarmee je editor velden aanvult en fouten toont.
"""


def _file_rows() -> str:
    return "\n".join(f"| {_cell(ft.description)} | `{ft.title.split(' ')[0]}` |"
                     for ft in FILE_TYPES)


def _project(model: Datavisie, forge: Forge) -> str:
    from .scaffold import file_text

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
"""


def _describe(t: Type) -> str:
    if isinstance(t, ListOf) and isinstance(t.item, Record):
        return "een lijst; per item de velden hieronder"
    return t.describe()


def _rows(record: Record, prefix: str = "") -> list[str]:
    rows: list[str] = []
    for key, spec in record.fields.items():
        name = prefix + key
        rows.append(_row(name, spec))
        if isinstance(spec.type, Record):
            rows += _rows(spec.type, name + ".")
        elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Record):
            rows += _rows(spec.type.item, name + "[].")
    return rows


def _row(name: str, spec: F) -> str:
    need = "ja" if spec.required else "nee"
    return f"| `{name}` | {_cell(spec.doc)} | {_cell(_describe(spec.type))} | {need} |"


def _fields() -> str:
    parts = ["""# Veldenoverzicht

Wat elk veld betekent, welke waarde erin mag en of het verplicht is. Dit overzicht komt
rechtstreeks uit de controle van `datavisie check`, dus het klopt altijd met wat die
controleert. Een veld als `algoritme.soort` staat in het bestand ingesprongen onder
`algoritme:`; `gegevens[].bron` staat bij elk item van de lijst `gegevens:`.
"""]
    for ft in FILE_TYPES:
        schema = FILE_SCHEMAS[ft.key]
        path, _, note = ft.title.partition(" ")
        parts.append(f"## `{path}`{' ' + note if note else ''}\n\n{ft.description}\n")
        if isinstance(schema, ListOf) and isinstance(schema.item, Record):
            parts.append("Het bestand is een lijst; elk item heeft deze velden:\n")
            schema = schema.item
        if isinstance(schema, Record):
            parts.append("| veld | betekenis | waarde | verplicht |\n|---|---|---|---|\n"
                         + "\n".join(_rows(schema)) + "\n")
    return "\n".join(parts)


_EXAMPLE_ERROR = ("content/projecten/afval.yml:4:9: DV108 `status` kan niet 'pilott' zijn "
                  "(bedoelde je `pilot`? kies uit: verkenning, pilot, in-gebruik, "
                  "buiten-gebruik)")

_GROUPS = (
    ("DV0", "Het bestand lezen",
     "Het bestand zelf is niet te lezen: de opbouw van de YAML of het voorwerk klopt niet."),
    ("DV1", "Eén veld",
     "Een waarde past niet bij het veld: leeg, te lang, verkeerd geschreven of onbekend."),
    ("DV2", "Samenhang",
     "Waarden passen niet bij elkaar of bij andere bestanden: een onbekend id, een datum "
     "buiten zijn fase, een dubbel nummer."),
    ("DS0", "Huisstijl",
     "De huisstijl in theme/huisstijl.yml of een bestand waar die naar wijst."),
    ("DP0", "Posterdefinities", "Een posterdefinitie in posters/ klopt niet."),
    ("DP1", "Past niet op een poster",
     "Inhoud is te lang of te groot voor de poster; meestal helpt een kortere tekst."),
)


def _errors(forge: Forge) -> str:
    try:
        from .codes import CODES
    except ImportError:  # the registry is optional: without it, the groups still explain
        CODES = {}
    parts = [f"""# Foutmeldingen

De controle (`datavisie check`) leest alle inhoud en de huisstijl, kijkt of alles op de
posters past, en meldt elke fout tegelijk. Een melding ziet er zo uit:

{_code(_EXAMPLE_ERROR)}

Eerst het bestand, dan de regel en de kolom, dan een vaste code, wat er mis is en tussen
haakjes wat je doet. Bij een {forge.request} staan de meldingen bij de regel zelf. De code
blijft altijd hetzelfde; zoek hem hieronder op als de melding niet genoeg zegt.
"""]
    known = tuple(prefix for prefix, _, _ in _GROUPS)
    rest = sorted({c[:3] for c in CODES if not c.startswith(known)})
    groups = [*_GROUPS, *((p, "Andere meldingen", "") for p in rest)]
    for prefix, title, text in groups:
        codes = sorted(c for c in CODES if c.startswith(prefix))
        parts.append(f"## {title} ({prefix}xx)\n\n{text}\n".replace("\n\n\n", "\n"))
        if codes:
            parts.append("| code | wat er mis is | wat je doet |\n|---|---|---|\n" + "\n".join(
                f"| {c} | {_cell(CODES[c].title)} | {_cell(CODES[c].action)} |" for c in codes)
                + "\n")
    return "\n".join(parts)


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

Kijk bij een {pr} eerst naar de samenvatting *Wat deze wijziging doet*: die zegt in gewone
taal welke projecten, mijlpalen, zinnen en scores veranderen. Beoordeel de betekenis; de
YAML hoef je niet te lezen. Twijfel je hoe het eruitziet, download dan het voorbeeld van de
site bij de controle.

Tekst die al door de raad of het college is vastgesteld, verandert pas echt als een nieuw
besluit dat vastlegt. Tot dan toont de site de nieuwe tekst als concept.
"""
