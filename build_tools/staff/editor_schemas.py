"""`datavisie schema`: JSON Schemas for every content file type, generated from FILE_SCHEMAS,
and for the house style and poster definitions (editor_site_schemas.py), so editors (VS Code
with the Red Hat YAML extension, JetBrains, ...) complete fields and show errors while typing.
Also the editor mapping (.vscode/settings.json) that points at them, and the recommendation of
the YAML extension that reads it (.vscode/extensions.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.content.contract import FILE_SCHEMAS
from build_tools.staff.editor_site_schemas import SITE_FILE_TYPES, SiteFileType

DRAFT = "http://json-schema.org/draft-07/schema#"  # the newest draft every YAML editor reads
SCHEMA_DIR = "schemas"


@dataclass(frozen=True)
class FileType:
    """One content file type: its schema file, the files it applies to, what it holds."""

    key: str  # key in FILE_SCHEMAS
    name: str  # schema file stem
    title: str
    description: str
    globs: tuple[str, ...] = ()  # YAML files only: editors do not validate front matter

    @property
    def filename(self) -> str:
        return f"{self.name}.schema.json"


FILE_TYPES: tuple[FileType, ...] = (
    FileType("organisatie.yml", "organisatie", "content/organisatie.yml",
             "Wie publiceert: naam, adres van de site en de repository, openbaar contact.",
             ("content/organisatie.yml",)),
    FileType("visie.md", "visie", "content/visie.md (voorwerk)",
             "De kernvisie: titel en kernboodschap bovenaan visie.md; de tekst staat eronder."),
    FileType("themas/<id>.md", "thema", "content/themas/<id>.md (voorwerk)",
             "Eén thema van de visie: titel, volgorde, ambitie en principes; de tekst staat "
             "eronder."),
    FileType("routekaart.yml", "routekaart", "content/routekaart.yml",
             "De routekaart: fasen en mijlpalen in de tijd.", ("content/routekaart.yml",)),
    FileType("projecten/<id>.yml", "project", "content/projecten/<id>.yml",
             "Eén project of algoritme in het openbare register (volgens de "
             "publicatiestandaard van het Algoritmeregister waar die er een heeft).",
             ("content/projecten/*.yml",)),
    FileType("metingen/model.yml", "metingmodel", "content/metingen/model.yml",
             "Het ontwikkelmodel: niveaus, dimensies en aspecten waarop we meten.",
             ("content/metingen/model.yml",)),
    # Measurements are named by date (2024-03.yml), so `*-*` leaves model.yml out without
    # the negative globs that not every editor supports.
    FileType("metingen/<datum>.yml", "meting", "content/metingen/<datum>.yml",
             "Eén meting (nulmeting of hermeting): een score per aspect van het model.",
             ("content/metingen/*-*.yml",)),
    FileType("versies.yml", "versies", "content/versies.yml",
             "De versies van de visie en de besluiten die ze vaststelden, van oud naar nieuw.",
             ("content/versies.yml",)),
    FileType("begrippen.yml", "begrippen", "content/begrippen.yml",
             "De begrippenlijst: term en uitleg in eenvoudige taal.",
             ("content/begrippen.yml",)),
    FileType("paginas/<id>.md", "pagina", "content/paginas/<id>.md (voorwerk)",
             "Een losse pagina (over, toegankelijkheid, privacy, ...): titel en plaats in het "
             "menu; de tekst staat eronder."),
)

BY_KEY = {ft.key: ft for ft in FILE_TYPES}


def json_schema(ft: FileType) -> dict[str, Any]:
    """The full JSON Schema document for one file type."""
    body = FILE_SCHEMAS[ft.key].json_schema()
    head = {"$schema": DRAFT, "$id": ft.filename, "title": ft.title,
            "description": ft.description}
    body.pop("title", None)
    return {**head, **body}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def site_schema(st: SiteFileType) -> dict[str, Any]:
    """The JSON Schema of the house style or of a poster definition."""
    return {"$schema": DRAFT, "$id": st.filename, "title": st.title,
            "description": st.description, **st.make()}


def all_schemas() -> dict[str, str]:
    """File name -> file text, for every content file type, the house style and posters."""
    out = {ft.filename: render(json_schema(ft)) for ft in FILE_TYPES}
    out.update({st.filename: render(site_schema(st)) for st in SITE_FILE_TYPES})
    return out


def editor_mapping(schema_dir: str = SCHEMA_DIR) -> dict[str, list[str]]:
    """`yaml.schemas` for VS Code's YAML extension: schema path -> file globs."""
    out = {f"./{schema_dir}/{ft.filename}": list(ft.globs) for ft in FILE_TYPES if ft.globs}
    out.update({f"./{schema_dir}/{st.filename}": list(st.globs) for st in SITE_FILE_TYPES})
    return out


YAML_EXTENSION = "redhat.vscode-yaml"  # reads `yaml.schemas`; VS Code offers to install it


def vscode_settings(existing: dict[str, Any] | None = None) -> dict[str, Any]:
    """.vscode/settings.json with our mapping merged in (other settings are kept)."""
    out = dict(existing or {})
    out["yaml.schemas"] = editor_mapping()
    return out


def vscode_extensions(existing: dict[str, Any] | None = None) -> dict[str, Any]:
    """.vscode/extensions.json recommending the YAML extension (other entries are kept)."""
    out = dict(existing or {})
    wanted = list(out.get("recommendations") or [])
    if YAML_EXTENSION not in wanted:
        wanted.append(YAML_EXTENSION)
    out["recommendations"] = wanted
    return out


def schema_hint(key: str, *, depth: int) -> str | None:
    """Relative path from a content file `depth` folders below the root to its schema."""
    ft = BY_KEY.get(key)
    return None if ft is None else "../" * depth + f"{SCHEMA_DIR}/{ft.filename}"


def write(out_dir: Path) -> list[Path]:
    """Write every schema into `out_dir`; only files whose text changed are rewritten."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas().items():
        path = out_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written

