"""JSON Schemas for editors: valid draft-07, up to date in schemas/, mapped in .vscode, and the
example content (read the way a YAML 1.2 editor reads it) validates against them."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

from build_tools.cli import main  # noqa: E402
from build_tools.jsonschema_export import (  # noqa: E402
    FILE_TYPES,
    all_schemas,
    editor_mapping,
    json_schema,
)
from build_tools.load import _kind_of  # noqa: E402
from build_tools.schemas import FILE_SCHEMAS  # noqa: E402
from build_tools.yamlio import Node, parse_markdown, parse_yaml  # noqa: E402

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
CONTENT_SETS = [p for p in (REPO / "content", TESTS / "fixtures" / "minimal" / "content",
                            TESTS / "fixtures" / "noordkust" / "content") if p.is_dir()]

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def yaml12(node: Node) -> Any:
    """A node as a YAML 1.2 (core schema) editor types it: the way the schemas are checked."""
    if node.is_map:
        return {k: yaml12(v) for k, v in node.value.items()}
    if node.is_seq:
        return [yaml12(v) for v in node.value]
    value = node.value
    if value is None or not node.plain:
        return value
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


def content_files() -> list[tuple[Path, str]]:
    out = []
    for content in CONTENT_SETS:
        for path in sorted(content.rglob("*")):
            kind = _kind_of(path.relative_to(content).as_posix()) if path.is_file() else None
            if kind is not None:
                out.append((path, kind))
    return out


def data_of(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        doc, issues = parse_markdown(text, path.name)
        assert doc is not None and not issues
        return yaml12(doc.meta) if doc.meta is not None else {}
    node, issues = parse_yaml(text, path.name)
    assert node is not None and not issues
    return yaml12(node)


def test_every_file_type_has_a_schema() -> None:
    assert {ft.key for ft in FILE_TYPES} == set(FILE_SCHEMAS)


@pytest.mark.parametrize("ft", FILE_TYPES, ids=lambda ft: ft.name)
def test_schemas_are_valid_draft_7(ft: Any) -> None:
    schema = json_schema(ft)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == ft.filename and schema["title"] and schema["description"]


@pytest.mark.parametrize(("path", "kind"), content_files(),
                         ids=lambda v: str(v.relative_to(REPO)) if isinstance(v, Path) else "")
def test_example_content_validates(path: Path, kind: str) -> None:
    ft = next(f for f in FILE_TYPES if f.key == kind)
    errors = list(jsonschema.Draft7Validator(json_schema(ft)).iter_errors(data_of(path)))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors]


def test_schemas_catch_what_the_check_catches() -> None:
    project = next(f for f in FILE_TYPES if f.name == "project")
    validator = jsonschema.Draft7Validator(json_schema(project))
    good = data_of(REPO / "content" / "projecten" / "open-data-portaal.yml")
    assert not list(validator.iter_errors(good))
    assert list(validator.iter_errors({**good, "stauts": "pilot"}))  # unknown key
    assert list(validator.iter_errors({**good, "status": "pilott"}))  # not in the enum
    assert list(validator.iter_errors({**good, "start": "maart 2024"}))  # not ISO
    assert list(validator.iter_errors({k: v for k, v in good.items() if k != "naam"}))


def test_committed_schemas_are_up_to_date() -> None:
    folder = REPO / "schemas"
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.json")}
    assert committed == all_schemas(), "run `datavisie schema` and commit schemas/"


def test_editor_mapping_is_committed_and_matches_the_content() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_mapping(), "run `datavisie schema --editor`"
    files = [p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.yml")]
    for schema, globs in editor_mapping().items():
        assert (REPO / schema).is_file()
        for glob in globs:
            assert any(fnmatch(f, glob) for f in files), glob
    # every YAML content file gets exactly one schema
    for f in files:
        matched = [s for s, globs in editor_mapping().items() if any(fnmatch(f, g) for g in globs)]
        assert len(matched) == 1, (f, matched)


def test_cli_writes_schemas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "content").mkdir()
    assert main(["--root", str(tmp_path), "schema"]) == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(all_schemas())
    assert main(["--root", str(tmp_path), "schema", "--uit", str(tmp_path / "x"),
                 "--editor"]) == 0
    settings = json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == editor_mapping()
    assert f"({len(FILE_TYPES)} bijgewerkt)" in capsys.readouterr().out.split("\n")[0]
