"""The "Open data" page (/open-data/): every download of /data/, who it is for, how to open it,
and each of its fields. The field texts come from the JSON Schemas (download_schemas.py), the
same descriptions a program reads, so the page and the schemas never disagree."""

from __future__ import annotations

from typing import Any

from build_tools.views.download_schemas import CSV_FIELDS, downloads
from build_tools.views.downloads import CSV_COLUMNS
from build_tools.views.website.context import DATA, SiteContext
from build_tools.views.website.html import esc, link
from build_tools.views.website.page import Blocks, Linker, SitePage

OPEN_DATA = "open-data.md"


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return {"#/$defs/wanneer": "moment", "#/$defs/algoritme": "groep"}.get(
            prop["$ref"], "groep")
    if "anyOf" in prop:
        kinds = [_type(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " of ".join(kinds) + " (of leeg)"
    kind = prop.get("type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    words = {"string": "tekst", "boolean": "ja/nee", "array": "lijst", "object": "groep",
             "integer": "getal", "number": "getal"}
    text = " of ".join(words.get(k, k) for k in kinds if k != "null")
    if prop.get("contentMediaType") == "text/markdown":
        text = "Markdown"
    elif prop.get("contentMediaType") == "text/html":
        text = "HTML"
    if "enum" in prop:
        text = "keuze"
    return text + (" (of leeg)" if "null" in kinds else "")


def _fields(caption: str, props: dict[str, Any], required: list[str]) -> str:
    rows = []
    for name, prop in props.items():
        if name == "$schema":
            continue
        values = prop.get("enum")
        extra = (" Mogelijke waarden: " + ", ".join(f"<code>{esc(v)}</code>" for v in values)
                 + ".") if values else ""
        optional = "" if name in required else " Ontbreekt als het leeg is."
        rows.append(f'<tr><th scope="row"><code>{esc(name)}</code></th>'
                    f"<td>{esc(_type(prop))}</td>"
                    f"<td>{esc(prop.get('description', ''))}{extra}{optional}</td></tr>")
    return ('<div class="dv-tabel-wrap"><table class="dv-tabel dv-tabel--velden">'
            f"<caption>{esc(caption)}</caption>"
            '<thead><tr><th scope="col">Veld</th><th scope="col">Soort</th>'
            '<th scope="col">Betekenis</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _schema_tables(title: str, schema: dict[str, Any]) -> list[str]:
    out = [_fields(f"{title}: de velden", schema["properties"], schema.get("required", []))]
    names = {"project": "één project", "algoritme": "het algoritme van een project",
             "fase": "één fase", "mijlpaal": "één mijlpaal", "wanneer": "een moment"}
    for key, sub in schema.get("$defs", {}).items():
        out.append(_fields(f"{title}: {names.get(key, key)}", sub["properties"],
                           sub.get("required", [])))
    return out


def open_data_page(ctx: SiteContext, *, section: str | None) -> SitePage | None:
    if not ctx.downloads:
        return None
    to = Linker(OPEN_DATA, directory_urls=ctx.directory_urls)
    blocks = Blocks()
    has_algorithms = any(p.algoritme for p in ctx.model.projecten)

    def file(name: str) -> str:
        return link(to(f"{DATA}/{name}"), name)

    items = [
        (file("projecten.csv"), "Alle projecten en algoritmes, één regel per project, voor "
         "een spreadsheet. Puntkomma's en UTF-8 met BOM: Excel en LibreOffice openen het "
         "goed met een dubbelklik, ook de ë en de é."),
        (file("projecten-komma.csv"), "Hetzelfde volgens RFC 4180 (komma's, UTF-8 zonder "
         "BOM), voor programma's."),
        (file("projecten.json"), "Alle projecten met al hun openbare velden. Schema: "
         + file("projecten.schema.json") + "."),
        (file("routekaart.json"), "De fasen en mijlpalen. Schema: "
         + file("routekaart.schema.json") + "."),
        (file("routekaart.ics"), "De mijlpalen voor uw agenda (iCalendar). Abonneer u op het "
         "adres, dan komen wijzigingen vanzelf binnen. Een gewijzigde mijlpaal houdt zijn "
         "UID en krijgt een hoger volgnummer (SEQUENCE), zodat uw agenda hem bijwerkt."),
    ]
    if has_algorithms:
        items.append((f"<code>{DATA}/algoritmeregister/&lt;project&gt;.json</code>",
                      "Elk algoritme in de velden van publicatiestandaard 1.0 van het "
                      "landelijke Algoritmeregister, precies zoals het register ze bij "
                      "aanlevering controleert; de velden beschrijft het register zelf. "
                      "Alle algoritmes samen: <code>" + DATA
                      + "/algoritmeregister/alle_algoritmes.json</code>."))
    listing = ('<dl class="dv-downloadlijst">'
               + "".join(f"<dt>{name}</dt><dd>{text}</dd>" for name, text in items) + "</dl>")
    intro = ("Alles wat deze site laat zien over de projecten en de routekaart kunt u ook "
             "downloaden, om zelf te bekijken, te bewerken of in een eigen programma te "
             "gebruiken. De bestanden worden bij elke wijziging van de site opnieuw gemaakt. "
             "Interne gegevens staan er nooit in.")
    parts = [f"# Open data\n\n{intro}\n", "\n## De bestanden\n", blocks.add(listing)]
    parts.append("\n## Hoe lees ik de velden?\n\nElk JSON-bestand noemt zijn schema in het "
                 "veld `$schema` (JSON Schema, versie 2020-12). Teksten die als Markdown zijn "
                 "geschreven (zoals het doel van een project) staan er zoals de auteur ze "
                 "schreef; het schema zegt bij elk veld of het Markdown is. Datums zijn ISO "
                 "8601 (2024-03-15).\n")
    parts.append("\n### Projecten als CSV\n")
    csv_props = {c: {"type": "string", "description": CSV_FIELDS[c]} for c in CSV_COLUMNS}
    parts.append(blocks.add(_fields("Kolommen van projecten.csv en projecten-komma.csv",
                                    csv_props, list(CSV_COLUMNS))))
    for d in downloads(ctx.model.organisatie.site_url):
        parts.append(f"\n### {d.title}\n")
        parts += [blocks.add(t) for t in _schema_tables(d.title, d.schema)]
    return SitePage(
        path=OPEN_DATA, title="Open data", markdown="".join(parts), source=None,
        section=section, updated=ctx.updated, hide=("navigation",),
        description="Alle downloads van deze site en wat hun velden betekenen.",
        blocks=blocks.blocks)
