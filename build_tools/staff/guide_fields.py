"""The staff guide's field reference ("Veldenoverzicht"): every field of every content file,
what it means, what value it takes and whether it is required, generated from the schemas."""

from __future__ import annotations

from build_tools.content.contract import FILE_SCHEMAS
from build_tools.content.types import F, ListOf, Record, Type
from build_tools.staff.editor_schemas import FILE_TYPES
from build_tools.staff.guide_markdown import cell as _cell


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


def fields_page() -> str:
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
