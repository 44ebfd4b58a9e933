"""`datavisie nieuw ...`: a new content file (or roadmap entry) with every field of its schema
present and a Dutch comment saying what to fill in. Templates come from the schemas
(pure); only `create` touches the disk. Fields the author must fill are left empty on
purpose, so `datavisie check` points at exactly those lines until they are filled in."""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.content import contract as S
from build_tools.content.addresses import FIELD as OLD_ADDRESSES
from build_tools.content.types import ID_RE, Enum, F, Free, ListOf, Record, Ref, Text, Type
from build_tools.content.yamlio import parse_markdown, parse_yaml
from build_tools.errors import UserError

MAX_ID = 60
_TRANSLATE = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe",
                            "Œ": "oe", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d",
                            "þ": "th", "&": " en ", "+": " plus "})


def make_id(name: str) -> str:
    """A file id from a name: lower case, no diacritics, only a-z, 0-9 and single hyphens.
    `Privacy & Ethiek in één oogopslag` -> `privacy-en-ethiek-in-een-oogopslag`."""
    text = unicodedata.normalize("NFKD", name.translate(_TRANSLATE))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")
    if len(slug) > MAX_ID:
        cut = slug[:MAX_ID + 1]
        slug = cut[:cut.rfind("-")] if "-" in cut else slug[:MAX_ID]
    return slug.strip("-")


# --- templates from the schemas (pure) ---------------------------------------------------

WIDTH = 96


def _how_list(t: ListOf) -> str:
    if isinstance(t.item, Ref):
        return (f"Vul in: ids uit {t.item.kind}, tussen [ ] en met komma's, "
                "bijvoorbeeld [id-1, id-2].")
    if isinstance(t.item, Text):
        return "Vul in: een lijst van teksten, elk op een eigen regel die begint met `- `."
    return f"Vul in: {t.describe()}."


def _comment(spec: F, indent: str, *, commented: bool = False, known: str = "") -> list[str]:
    if isinstance(spec.type, Enum):
        how = "Kies uit: " + ", ".join(spec.type.values) + "."
    elif not spec.required and _needs_content(spec.type):
        how = "Gebruik je het, haal dan bij de regels eronder het eerste `# ` weg."
    elif isinstance(spec.type, (Record, Free)) or (
            isinstance(spec.type, ListOf) and isinstance(spec.type.item, Record)):
        how = ""
    elif isinstance(spec.type, ListOf):
        how = _how_list(spec.type)
    else:
        how = f"Vul in: {spec.type.describe()}."
    need = "Verplicht." if spec.required else "Mag leeg blijven."
    text = " ".join(p for p in (spec.doc, how, known, need) if p)
    prefix = ("# " if commented else "") + indent + "# "
    return textwrap.wrap(text, max(WIDTH - len(prefix), 40), initial_indent=prefix,
                         subsequent_indent=prefix, break_on_hyphens=False)


def _needs_content(t: Type) -> bool:
    return isinstance(t, Record) and any(f.required for f in t.fields.values())


def _known(ids: list[str]) -> str:
    if not ids:
        return ""
    shown = ", ".join(ids[:12]) + (f" (en {len(ids) - 12} meer)" if len(ids) > 12 else "")
    return f"Bekend: {shown}."


def record_lines(record: Record, values: dict[str, str], indent: str = "", *,
                 first_prefix: str | None = None, commented: bool = False,
                 known: dict[str, list[str]] | None = None) -> list[str]:
    """YAML lines for every field of `record`: a comment, then `key: value` (empty unless
    `values` fills it). `first_prefix` replaces the indent of the first key (`- ` items);
    `known` lists the ids a reference field can take, shown in its comment."""
    out: list[str] = []
    first = True
    hash_ = "# " if commented else ""
    known = known or {}
    for key, spec in record.fields.items():
        if key == OLD_ADDRESSES:  # a new file has no earlier address
            continue
        lead = first_prefix if (first and first_prefix is not None) else indent
        out += _comment(spec, " " * (len(lead) - 2) if lead is first_prefix else indent,
                        commented=commented, known=_known(known.get(key, [])))
        if key in values:
            out.append(f"{hash_}{lead}{key}: {values[key]}")
        elif isinstance(spec.type, Record):
            optional_block = not spec.required and _needs_content(spec.type)
            if optional_block and not commented:
                out += _commented_block(key, spec.type, indent, lead)
            else:
                out.append(f"{hash_}{lead}{key}:")
                out += record_lines(spec.type, {}, indent + "  ", commented=commented)
        elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Record):
            out.append(f"{hash_}{lead}{key}:")
            out += record_lines(spec.type.item, {}, indent + "    ",
                                first_prefix=indent + "  - ", commented=commented)
        elif isinstance(spec.type, ListOf):
            out.append(f"{hash_}{lead}{key}: []")
        else:
            out.append(f"{hash_}{lead}{key}:")
        first = False
    return out


def _commented_block(key: str, record: Record, indent: str, lead: str) -> list[str]:
    """An optional group with required fields, as comments: uncomment it to use it (one
    level of `# ` off every line, as an editor's 'toggle comment' does)."""
    return [f"# {lead}{key}:", *record_lines(record, {}, indent + "  ", commented=True)]


def yaml_scalar(value: str) -> str:
    """A string as a YAML scalar: plain when that reads back as the same string, else quoted."""
    plain_ok = (re.fullmatch(r"[A-Za-zÀ-ɏ0-9][^:#\n\"'{}\[\],&*!|>%@`]*", value) is not None
                and value == value.strip()
                and value.lower() not in {"true", "false", "ja", "nee", "yes", "no", "on",
                                          "off", "null", "~"}
                and not re.fullmatch(r"[-+0-9.eE_:]+", value))
    return value if plain_ok else json.dumps(value, ensure_ascii=False)


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i) for i in items) + "]"


@dataclass(frozen=True)
class Kind:
    """What `datavisie nieuw <soort>` makes."""

    name: str  # project | mijlpaal | thema | pagina
    label: str  # Dutch, for messages
    article: str  # de | het
    folder: str  # under content/
    suffix: str
    schema: Record
    title_key: str


KINDS = {
    "project": Kind("project", "project", "het", "projecten", ".yml", S.PROJECT, "naam"),
    "thema": Kind("thema", "thema", "het", "themas", ".md", S.THEME, "titel"),
    "pagina": Kind("pagina", "pagina", "de", "paginas", ".md", S.PAGE, "titel"),
    "mijlpaal": Kind("mijlpaal", "mijlpaal", "de", "", ".yml", S.MILESTONE, "titel"),
}


def new_label(kind: Kind) -> str:
    """`Nieuw project`, `Nieuwe mijlpaal`: Dutch adjectives follow the article."""
    return ("Nieuw " if kind.article == "het" else "Nieuwe ") + kind.label

_HEAD = ("{new}. Vul de lege velden in; bij elk veld staat wat erin hoort. "
         "Controleer daarna met `datavisie check`, of stel de wijziging voor: de controle "
         "wijst dan de velden aan die nog leeg zijn.")

_BODY = {
    "thema": ("Schrijf hier de tekst van het thema: wat we willen bereiken en waarom, in "
              "eenvoudige taal (B1). Haal dit blok daarna weg."),
    "pagina": ("Schrijf hier de tekst van de pagina in eenvoudige taal (B1). Haal dit blok "
               "daarna weg."),
}


def _head(kind: Kind, schema_hint: str | None) -> list[str]:
    lines = [f"# yaml-language-server: $schema={schema_hint}"] if schema_hint else []
    return lines + textwrap.wrap(_HEAD.format(new=new_label(kind)), WIDTH - 2,
                                 initial_indent="# ", subsequent_indent="# ")


def file_text(kind_name: str, values: dict[str, str], *, schema_hint: str | None = None,
              known: dict[str, list[str]] | None = None) -> str:
    """The text of a new content file of `kind_name` with `values` (YAML scalars) filled in."""
    kind = KINDS[kind_name]
    fields = record_lines(kind.schema, values, known=known)
    if kind.suffix == ".yml":
        return "\n".join([*_head(kind, schema_hint), "", *fields]) + "\n"
    # The placeholder body is an internal block: if it is forgotten, the public site never
    # shows it, and the internal site shows the instruction.
    body = textwrap.wrap(_BODY[kind_name], WIDTH - 4, initial_indent="    ",
                         subsequent_indent="    ")
    return "\n".join(["---", *_head(kind, None), *fields, "---", "",
                      '!!! intern "Nog in te vullen"', *body]) + "\n"


def milestone_lines(values: dict[str, str], dash_indent: int = 2,
                    known: dict[str, list[str]] | None = None) -> list[str]:
    """A new roadmap entry (list item) with every milestone field."""
    pad = " " * dash_indent
    head = textwrap.wrap(_HEAD.format(new=new_label(KINDS["mijlpaal"])), WIDTH - dash_indent - 2,
                         initial_indent=pad + "# ", subsequent_indent=pad + "# ")
    return head + record_lines(S.MILESTONE, values, pad + "  ", first_prefix=pad + "- ",
                               known=known)


# --- the disk edge ---------------------------------------------------------------------

@dataclass(frozen=True)
class Created:
    path: str  # relative to the project root
    id: str
    message: str


def create(root: Path, kind_name: str, name: str, *, id: str | None = None,
           fase: str | None = None, themas: tuple[str, ...] = ()) -> Created:
    """Write the scaffold for a new item; refuses an existing id or an invalid one."""
    if kind_name not in KINDS:
        raise UserError(f"onbekende soort {kind_name!r}; kies uit: {', '.join(KINDS)}")
    kind = KINDS[kind_name]
    name = " ".join(name.split())
    if not name:
        raise UserError(f"geef de {kind.title_key} van {kind.article} {new_label(kind).lower()}")
    new_id = id or make_id(name)
    if not new_id or not ID_RE.match(new_id):
        raise UserError(f"van {name!r} is geen geldig id te maken; geef er zelf een met --id "
                        "(kleine letters a-z, cijfers en koppeltekens)")
    content = root / "content"
    if not content.is_dir():
        raise UserError(f"geen map content/ in {root}; start in de map van het project")
    if kind_name == "mijlpaal":
        return _add_milestone(content, new_id, name, fase, themas)
    from build_tools.staff.editor_schemas import schema_hint

    path = content / kind.folder / f"{new_id}{kind.suffix}"
    _refuse_existing(path, kind, new_id)
    if kind_name == "pagina":
        from build_tools.content.validate import RESERVED_PAGE_IDS

        if new_id in RESERVED_PAGE_IDS:
            raise UserError(f"pagina-id {new_id!r} is gereserveerd voor een vaste pagina; "
                            "kies een andere naam of geef een ander id met --id")
    values = {kind.title_key: yaml_scalar(name)}
    if kind_name == "thema":
        values["volgorde"] = str(_next_theme_order(content / "themas"))
    hint = schema_hint(f"{kind.folder}/<id>{kind.suffix}", depth=2)
    known = {"themas": _theme_ids(content)}
    text = file_text(kind_name, values, schema_hint=hint if kind.suffix == ".yml" else None,
                     known=known)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as fh:
        fh.write(text)
    rel = path.relative_to(root).as_posix()
    return Created(rel, new_id, f"{new_label(kind)} aangemaakt: {rel}. Vul de lege velden "
                                "in en controleer met `datavisie check`.")


def _refuse_existing(path: Path, kind: Kind, new_id: str) -> None:
    siblings = path.parent.glob(f"{new_id}.*") if path.parent.is_dir() else ()
    if path.exists() or any(siblings):
        raise UserError(f"er bestaat al een {kind.label} met id {new_id!r} "
                        f"({path.parent.name}/{new_id}{kind.suffix}); kies een andere naam "
                        "of geef een ander id met --id")


def _next_theme_order(folder: Path) -> int:
    orders = [0]
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        doc, _ = parse_markdown(path.read_text(encoding="utf-8", errors="replace"), path.name)
        node = doc.meta.get("volgorde") if doc and doc.meta else None
        if node is not None and isinstance(node.value, str) and node.value.isdigit():
            orders.append(int(node.value))
    return max(orders) + 1


def _add_milestone(content: Path, new_id: str, titel: str, fase: str | None,
                   themas: tuple[str, ...]) -> Created:
    path = content / "routekaart.yml"
    rel = "content/routekaart.yml"
    if not path.is_file():
        raise UserError("content/routekaart.yml ontbreekt; maak eerst een routekaart")
    text = path.read_text(encoding="utf-8")
    root_node, issues = parse_yaml(text, rel)
    if issues or root_node is None or not root_node.is_map:
        raise UserError("content/routekaart.yml is niet te lezen; los eerst de fouten op "
                        "(datavisie check)")
    plain = root_node.to_plain()
    phases = [p.get("id") for p in plain.get("fasen") or [] if isinstance(p, dict)]
    milestones = [m.get("id") for m in plain.get("mijlpalen") or [] if isinstance(m, dict)]
    if new_id in milestones:
        raise UserError(f"er bestaat al een mijlpaal met id {new_id!r}; kies een andere titel "
                        "of geef een ander id met --id")
    if fase is not None and fase not in phases:
        raise UserError(f"onbekende fase {fase!r}; bekend: {', '.join(map(str, phases))}")
    known_themes = _theme_ids(content)
    for theme in themas:
        if theme not in known_themes:
            raise UserError(f"onbekend thema {theme!r}; bekend: {', '.join(known_themes)}")
    values = {"id": new_id, "titel": yaml_scalar(titel)}
    if fase:
        values["fase"] = fase
    if themas:
        values["themas"] = yaml_list(list(themas))
    known = {"fase": [str(p) for p in phases], "themas": known_themes}
    path.write_text(insert_milestone(text, root_node, values, known=known), encoding="utf-8")
    return Created(rel, new_id, f"Nieuwe mijlpaal {new_id!r} toegevoegd aan {rel}. Vul de lege "
                                "velden in en controleer met `datavisie check`.")


def _theme_ids(content: Path) -> list[str]:
    return sorted(p.stem for p in (content / "themas").glob("*.md"))


def insert_milestone(text: str, root_node: Any, values: dict[str, str],
                     known: dict[str, list[str]] | None = None) -> str:
    """`text` of routekaart.yml with a new entry at the end of `mijlpalen`, comments kept."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    node = root_node.get("mijlpalen")
    key_line = root_node.keys["mijlpalen"].line - 1 if node is not None else None
    if node is None:
        lines += ["", "mijlpalen:"]
        key_line = len(lines) - 1
        node_items: list[Any] = []
    elif node.is_seq:
        node_items = node.value
    elif node.value is None:
        node_items = []
    else:
        raise UserError("`mijlpalen` in content/routekaart.yml is geen lijst; los dat eerst op")
    assert key_line is not None
    if not node_items and node is not None and "[" in lines[key_line]:
        lines[key_line] = lines[key_line][:lines[key_line].index(":") + 1]  # `mijlpalen: []`
    dash = 2
    if node_items:
        first = lines[node_items[0].pos.line - 1]
        dash = max(first.find("-"), 0)
    later = [p.line - 1 for k, p in root_node.keys.items() if p.line - 1 > key_line]
    end = min(later) if later else len(lines)
    while end > key_line + 1 and (not lines[end - 1].strip()
                                  or (later and lines[end - 1].lstrip().startswith("#"))):
        end -= 1
    entry = milestone_lines(values, dash, known)
    block = ([""] if node_items else []) + entry + ([""] if later else [])
    return "\n".join(lines[:end] + block + lines[end:]) + "\n"
