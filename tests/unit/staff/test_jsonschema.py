"""JSON Schemas for editors: valid draft-07, up to date in schemas/, mapped in .vscode, and the
example content (read the way a YAML 1.2 editor reads it) validates against them."""

from __future__ import annotations

import json
import shutil
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

import pytest
from places import MINIMAL, NOORDKUST, REPO

jsonschema = pytest.importorskip("jsonschema")

from editor_view import yaml12  # noqa: E402

from build_tools.cli.main import main  # noqa: E402
from build_tools.content.contract import FILE_SCHEMAS  # noqa: E402
from build_tools.content.load import _kind_of  # noqa: E402
from build_tools.content.yamlio import parse_markdown, parse_yaml  # noqa: E402
from build_tools.staff.editor_schemas import (  # noqa: E402
    FILE_TYPES,
    all_schemas,
    editor_mapping,
    json_schema,
)

CONTENT_SETS = [p for p in (REPO / "content", MINIMAL / "content",
                            NOORDKUST / "content") if p.is_dir()]

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
    files = [p.relative_to(REPO).as_posix() for folder in ("content", "theme", "posters")
             for p in (REPO / folder).rglob("*.yml")]
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
    assert f"({len(all_schemas())} bijgewerkt)" in capsys.readouterr().out.split("\n")[0]
    extensions = json.loads((tmp_path / ".vscode" / "extensions.json").read_text("utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}


def test_the_yaml_extension_is_recommended() -> None:
    """The mapping in settings.json is read by the Red Hat YAML extension only."""
    found = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in found["recommendations"]


# --- the house style and the poster definitions ---------------------------------------------

STYLE_CASES = [  # (old, new) in theme/huisstijl.yml
    ('merk: "#00508c"', 'merk: "#0a5c9e"'),
    ('merk: "#00508c"', 'merk: "#05c"'),
    ('merk: "#00508c"', 'merk: "#00508"'),
    ('merk: "#00508c"', "merk: #00508c"),  # a comment: the colour is empty
    ('merk: "#00508c"', 'merkk: "#00508c"'),
    ("  hoek: 6", "  hoek: 6px"),
    ("  hoek: 6", '  hoek: "6"'),
    ("  hoek: 6", "  hoek: 1000"),
    ("    gewicht: halfvet", "    gewicht: half-vet"),
    ("  volledig: logo.svg", "  volledig: ../logo.svg"),
    ("  volledig: logo.svg", "  volledig: /etc/logo.svg"),
    ('  ethiek: "#a0488f"', '  Ethiek: "#a0488f"'),
    ("themas_reserve:\n", "themas_reserve: []\nreserve_oud:\n"),
    ("  code: {}", "  code:"),
    ("  code: {}", "  code: {bestanden: {normaal: fonts/OpenSans-Regular.ttf}}"),
]
POSTER_CASES = [  # (old, new) in posters/routekaart.yml
    ("papier: A3", "papier: A2"),
    ("papier: A3", "papier: A9"),
    ("richting: liggend", "richting: schuin"),
    ("sjabloon: routekaart.svg.j2", "sjabloon: ../routekaart.svg.j2"),
    ("  voet:", "  voetnoot:"),
    ("  voet: {vak: [16, 274, 390, 16], grootte: [9, 7]}", ""),
    ("grootte: [9, 7]", "grootte: [9]"),  # was a traceback in the check
    ("vak: [16, 274, 390, 16]", "vak: [16, 274, 390]"),
    ("grootte: [9, 7]", "grootte: [9, 7], regels: 0"),
    ("grootte: [9, 7]", "grootte: [9, 7], letter: cursief"),
    ("titel: Routekaart", "titel:"),
]
NOT_EXPRESSIBLE_SITE = {"DS006", "DS007", "DS008", "DS009", "DS010", "DP007", "DP008",
                        "DP012"}  # files on disk, font tables, logo content, contrast, geometry


def _site_verdicts(kind: str, text: str, tmp_path: Path) -> tuple[list[str], list[str]]:
    from build_tools.errors import ContentError
    from build_tools.housestyle.css import load_style
    from build_tools.staff.editor_schemas import site_schema
    from build_tools.staff.editor_site_schemas import SITE_FILE_TYPES
    from build_tools.views.posters.layout import check_definition

    st = next(s for s in SITE_FILE_TYPES if s.name == kind)
    node, issues = parse_yaml(text, st.title)
    assert node is not None and not issues
    errors = [e.message for e in jsonschema.Draft7Validator(site_schema(st)).iter_errors(
        yaml12(node))]
    if kind == "huisstijl":
        theme = tmp_path / "theme"
        shutil.copytree(REPO / "theme", theme, dirs_exist_ok=True)
        (theme / "huisstijl.yml").write_text(text, encoding="utf-8")
        try:
            load_style(theme, tmp_path)
            found = []
        except ContentError as exc:
            found = exc.issues
    else:
        found = check_definition(node, "routekaart", "posters/routekaart.yml")[1]
    return errors, [i.format() for i in found if i.code not in NOT_EXPRESSIBLE_SITE]


@pytest.mark.parametrize(("kind", "old", "new"), [
    *(("huisstijl", o, n) for o, n in STYLE_CASES), *(("poster", o, n) for o, n in POSTER_CASES)])
def test_house_style_and_poster_schemas_agree_with_the_check(kind: str, old: str, new: str,
                                                             tmp_path: Path) -> None:
    source = REPO / ("theme/huisstijl.yml" if kind == "huisstijl" else "posters/routekaart.yml")
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    errors, issues = _site_verdicts(kind, text.replace(old, new), tmp_path)
    assert bool(errors) == bool(issues), (errors, issues)


def test_the_example_house_style_and_posters_validate(tmp_path: Path) -> None:
    for kind, path in (("huisstijl", REPO / "theme" / "huisstijl.yml"),
                       ("huisstijl", NOORDKUST / "theme" / "huisstijl.yml"),
                       *(("poster", p) for p in sorted((REPO / "posters").glob("*.yml")))):
        if kind == "poster" and path.stem != "routekaart":
            from build_tools.staff.editor_schemas import site_schema
            from build_tools.staff.editor_site_schemas import SITE_FILE_TYPES

            node, _ = parse_yaml(path.read_text(encoding="utf-8"), path.name)
            assert node is not None
            st = next(s for s in SITE_FILE_TYPES if s.name == "poster")
            assert not list(jsonschema.Draft7Validator(site_schema(st)).iter_errors(
                yaml12(node))), path
            continue
        errors, issues = _site_verdicts(kind, path.read_text(encoding="utf-8"), tmp_path)
        assert not errors and not issues, (path, errors, issues)


def test_what_the_check_accepts_the_editor_accepts() -> None:
    """The cases an editor used to flag wrongly, and what a schema can say but did not."""
    project = jsonschema.Draft7Validator(json_schema(
        next(f for f in FILE_TYPES if f.name == "project")))
    versions = jsonschema.Draft7Validator(json_schema(
        next(f for f in FILE_TYPES if f.name == "versies")))
    good = data_of(REPO / "content" / "projecten" / "open-data-portaal.yml")
    assert project.is_valid({**good, "naam": 2024})  # `naam: 2024`: a number to the editor
    version = data_of(REPO / "content" / "versies.yml")[0]
    assert versions.is_valid([{**version, "versie": 1.0}])  # unquoted `versie: 1.0`
    assert not project.is_valid({**good, "start": "2024-13"})  # no month 13
    assert project.is_valid({**good, "start": "2024-12"})
    personal = [{"bron": "Adressen", "persoonsgegevens": True}]
    assert not project.is_valid({**good, "gegevens": personal, "dpia": "onbekend"})
    assert project.is_valid({**good, "gegevens": personal, "dpia": "gepland"})
    assert project.is_valid({**good, "gegevens": [{"bron": "Tellingen",
                                                   "persoonsgegevens": False}],
                             "dpia": "onbekend"})
