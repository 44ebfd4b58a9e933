"""`datavisie nieuw ...`: every field present with a comment; unfilled, the check points at
exactly the fields to fill; filled in, it passes; existing ids are refused."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from places import MINIMAL, REPO

from build_tools.audience import for_audience
from build_tools.cli.main import main
from build_tools.content import contract as S
from build_tools.content.load import load
from build_tools.content.types import ListOf, Record
from build_tools.content.yamlio import parse_yaml
from build_tools.errors import ContentError, UserError
from build_tools.staff.scaffold import create, insert_milestone, make_id

MINIMAL_CONTENT = MINIMAL / "content"
SOURCE = MINIMAL_CONTENT if MINIMAL_CONTENT.is_dir() else REPO / "content"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(SOURCE, tmp_path / "content")
    return tmp_path


def fill(text: str, values: dict[str, str]) -> str:
    """Fill empty `key:` / `key: []` lines (first occurrence of each key) like an author."""
    for key, value in values.items():
        pattern = re.compile(rf"^(\s*(?:- )?){re.escape(key)}:(?: \[\])?$", re.M)
        assert pattern.search(text), key
        text = pattern.sub(lambda m: f"{m.group(1)}{key}: {value}", text, count=1)  # noqa: B023
    return text


def issue_fields(exc: ContentError, root: Path) -> set[str]:
    """The field named on the line each issue points at."""
    out = set()
    for issue in exc.issues:
        line = (root / issue.path).read_text(encoding="utf-8").split("\n")[issue.line - 1]
        match = re.match(r"\s*(?:- )?([a-z_]+):", line)
        assert match, (issue, line)
        out.add(match.group(1))
    return out


def required(record: Record, *, skip: set[str] = frozenset()) -> set[str]:  # type: ignore[assignment]
    out = {k for k, f in record.fields.items() if f.required and k not in skip}
    for k, f in record.fields.items():
        if isinstance(f.type, ListOf) and isinstance(f.type.item, Record) and (
                f.required or k == "gegevens"):
            out |= required(f.type.item)
            out.discard(k)
    return out


# --- ids ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected"), [
    ("Slimme afvalinzameling", "slimme-afvalinzameling"),
    ("Privacy & Ethiek in één oogopslag", "privacy-en-ethiek-in-een-oogopslag"),
    ("Ĳsselmeer-café: Straße, Øresund en Curaçao", "ijsselmeer-cafe-strasse-oresund-en-curacao"),
    ("  --Héél   Raar!!  ", "heel-raar"),
    ("Wmo 2025 (pilot)", "wmo-2025-pilot"),
])
def test_ids_from_names(name: str, expected: str) -> None:
    assert make_id(name) == expected


def test_long_names_are_cut_at_a_word() -> None:
    slug = make_id("Een heel lange naam " * 10)
    assert len(slug) <= 60 and not slug.endswith("-") and slug.startswith("een-heel-lange")


def test_a_name_without_letters_needs_an_id(root: Path) -> None:
    with pytest.raises(UserError, match="--id"):
        create(root, "project", "???")
    assert create(root, "project", "???", id="vraagtekens").id == "vraagtekens"


# --- project ------------------------------------------------------------------------------

def test_project_scaffold_has_every_field_with_a_comment(root: Path) -> None:
    created = create(root, "project", "Slimme fietsenstallingen")
    assert created.path == "content/projecten/slimme-fietsenstallingen.yml"
    text = (root / created.path).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert "oude_adressen" not in text  # a new file has no earlier address on the site
    for key in (k for k in S.PROJECT.fields if k != "oude_adressen"):
        i = next(i for i, line in enumerate(lines) if re.match(rf"(# )?{key}:", line))
        assert lines[i - 1].lstrip("# ").strip(), f"no comment above {key}"
    for key in S.ALGORITHM.fields:  # optional block: present, commented out
        assert re.search(rf"^#\s+(- )?{key}:", text, re.M), key
    assert "naam: Slimme fietsenstallingen" in text
    assert "Bekend: ethiek, geheim, transparantie." in text.replace("\n# ", " ")


def test_unfilled_project_fails_at_exactly_the_fields_to_fill(root: Path) -> None:
    created = create(root, "project", "Slimme fietsenstallingen")
    with pytest.raises(ContentError) as exc:
        load(root)
    assert {i.path for i in exc.value.issues} == {created.path}
    assert issue_fields(exc.value, root) == required(S.PROJECT, skip={"naam"})


def test_filled_project_passes(root: Path) -> None:
    created = create(root, "project", "Slimme fietsenstallingen")
    path = root / created.path
    path.write_text(fill(path.read_text(encoding="utf-8"), {
        "samenvatting": "Sensoren tellen vrije plekken in de stallingen bij het station.",
        "themas": "[transparantie]",
        "status": "pilot",
        "start": "2024-05",
        "eigenaar": "Team Mobiliteit",
        "doel": "Minder zoeken naar een plek.",
        "bron": "Tellingen van sensoren",
        "persoonsgegevens": "false",
        "dpia": "niet-nodig",
    }), encoding="utf-8")
    project = load(root).project("slimme-fietsenstallingen")
    assert project is not None and project.status == "pilot" and project.algoritme is None
    assert project.gegevens[0].bron == "Tellingen van sensoren"


def test_the_commented_algorithm_block_works_once_uncommented(root: Path) -> None:
    created = create(root, "project", "Slimme fietsenstallingen")
    path = root / created.path
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("# algoritme:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("#  "))
    lines[start:end] = [line[2:] for line in lines[start:end]]
    text = fill("\n".join(lines), {
        "samenvatting": "Een model voorspelt welke stallingen vol raken.",
        "themas": "[ethiek]", "status": "verkenning", "start": "2024-05",
        "eigenaar": "Team Mobiliteit", "doel": "Beter plannen.",
        "bron": "Tellingen", "persoonsgegevens": "false", "dpia": "niet-nodig",
        "publicatiecategorie": "overig", "soort": "statistisch",
        "menselijke_tussenkomst": "Een planner beslist.",
        "risicobeheer": "Elk kwartaal een controle.",
        "titel": "Wegenwet",  # the first item with a title: a legal basis, with its link
    })
    text = fill(text, {"link": "https://data.example.nl/tellingen"})  # the data source's
    text = fill(text, {"link": "https://wetten.overheid.nl/BWBR0001811"})  # the legal basis's
    text = fill(text, {"titel": "DPIA"})  # then the impact test
    path.write_text(text, encoding="utf-8")
    project = load(root).project("slimme-fietsenstallingen")
    assert project is not None and project.algoritme is not None
    assert project.algoritme.soort == "statistisch"


def test_existing_ids_are_refused(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UserError, match="bestaat al"):
        create(root, "project", "Afval")
    with pytest.raises(UserError, match="bestaat al"):
        create(root, "thema", "Ethiek")
    with pytest.raises(UserError, match="bestaat al"):
        create(root, "mijlpaal", "Startnotitie")
    with pytest.raises(UserError, match="gereserveerd"):
        create(root, "pagina", "Meedoen")
    assert main(["--root", str(root), "nieuw", "project", "Nieuw ding"]) == 0
    assert main(["--root", str(root), "nieuw", "project", "Nieuw ding"]) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_schema_hint_points_at_the_committed_schema(root: Path) -> None:
    created = create(root, "project", "Hint")
    first = (root / created.path).read_text(encoding="utf-8").split("\n")[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (REPO / "content" / "projecten" / first.split("=", 1)[1]).resolve()
    assert target.is_file() and target.parent == REPO / "schemas"


# --- milestone ----------------------------------------------------------------------------

def test_milestone_is_appended_keeping_the_file(root: Path) -> None:
    path = root / "content" / "routekaart.yml"
    before = path.read_text(encoding="utf-8")
    create(root, "mijlpaal", "Register gepubliceerd", fase="fundament", themas=("transparantie",))
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n"))
    assert "  - id: register-gepubliceerd\n" in after
    with pytest.raises(ContentError) as exc:
        load(root)
    assert issue_fields(exc.value, root) == {"wanneer", "status", "eigenaar"}
    path.write_text(fill(after.replace(before.rstrip("\n"), ""), {
        "wanneer": "2024-Q4", "status": "gepland", "eigenaar": "Programmateam"}).join(
        [before.rstrip("\n"), ""]), encoding="utf-8")
    milestone = load(root).routekaart.milestone("register-gepubliceerd")
    assert milestone is not None and milestone.themas == ("transparantie",)


def test_milestone_refuses_unknown_phase_and_theme(root: Path) -> None:
    with pytest.raises(UserError, match="onbekende fase 'later'; bekend: visie, fundament"):
        create(root, "mijlpaal", "X", fase="later")
    with pytest.raises(UserError, match="onbekend thema 'ethic'"):
        create(root, "mijlpaal", "X", fase="visie", themas=("ethic",))


@pytest.mark.parametrize("text", [
    "mijlpalen:\n  - id: a  # eerste\n    titel: A\n\nfasen:\n  - id: f\n",
    "# kop\nfasen: []\nmijlpalen: []\n",
    "fasen: []\nmijlpalen:\n",
    "fasen: []\n",
])
def test_milestone_insertion_in_any_layout(text: str) -> None:
    node, issues = parse_yaml(text, "routekaart.yml")
    assert not issues and node is not None
    out = insert_milestone(text, node, {"id": "nieuw", "titel": "Nieuw"})
    parsed, issues = parse_yaml(out, "routekaart.yml")
    assert not issues and parsed is not None
    ids = [m.get("id") for m in parsed.to_plain()["mijlpalen"]]
    assert ids[-1] == "nieuw" and len(ids) == (2 if "id: a" in text else 1)
    assert "# eerste" in out or "# eerste" not in text
    assert parsed.to_plain().get("fasen") is not None


# --- theme and page -------------------------------------------------------------------------

def test_theme_scaffold(root: Path) -> None:
    created = create(root, "thema", "Duurzaamheid")
    path = root / created.path
    text = path.read_text(encoding="utf-8")
    assert "volgorde: 4\n" in text  # after the three themes of the fixture
    with pytest.raises(ContentError) as exc:
        load(root)
    assert issue_fields(exc.value, root) == {"ambitie", "titel"}  # titel of the principle
    path.write_text(fill(text, {"ambitie": "We gebruiken data om zuinig te zijn met energie."})
                    .replace("  - titel:\n", "  - titel: Zuinig\n"), encoding="utf-8")
    model = load(root)
    theme = model.theme("duurzaamheid")
    assert theme is not None and theme.principes[0].titel == "Zuinig"
    public = for_audience(model, "publiek").theme("duurzaamheid")
    assert public is not None and "Schrijf hier" not in public.body


def test_page_scaffold_passes_and_keeps_its_placeholder_internal(root: Path) -> None:
    created = create(root, "pagina", "Colofon")
    assert created.path == "content/paginas/colofon.md"
    model = load(root)
    assert "Schrijf hier" in (model.page("colofon").body or "")  # type: ignore[union-attr]
    public = for_audience(model, "publiek").page("colofon")
    assert public is not None and "Schrijf hier" not in public.body


def test_cli_for_each_kind(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(root), "nieuw", "thema", "Één thema"]) == 0
    assert main(["--root", str(root), "nieuw", "pagina", "Contact & route"]) == 0
    assert main(["--root", str(root), "nieuw", "mijlpaal", "Nieuwe stap", "--fase", "visie",
                 "--thema", "ethiek", "--thema", "transparantie"]) == 0
    out = capsys.readouterr().out
    assert "content/themas/een-thema.md" in out and "content/paginas/contact-en-route.md" in out
    assert "themas: [ethiek, transparantie]" in (root / "content/routekaart.yml").read_text()
