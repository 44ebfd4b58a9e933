"""content/ -> model: the minimal fixture and the example content load into the typed model,
with positions; broken content comes back as one ContentError with every issue."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from places import BENCHMARKS, REPO

from build_tools.content.load import discover, load, parse_file
from build_tools.content.model import CouncilQuestions, Datavisie
from build_tools.errors import ContentError, Pos

Factory = Callable[..., Path]


def test_minimal_model(minimal: Datavisie) -> None:
    m = minimal
    assert m.organisatie.naam == "Gemeente Voorbeeld" and m.organisatie.repo_branch == "main"
    assert m.organisatie.contact.telefoon == "14 0000"
    assert m.visie.titel.startswith("Datagedreven") and m.visie.body_line == 7
    assert [t.id for t in m.themas] == ["ethiek", "transparantie", "geheim"]  # by volgorde
    assert [p.titel for p in m.themas[0].principes] == ["De mens centraal", "Eerlijk"]
    assert [p.id for p in m.paginas] == ["over", "privacy", "werkafspraken"]  # volgorde, then id
    assert [ms.id for ms in m.routekaart.mijlpalen] == ["startnotitie", "visie-vastgesteld",
                                                         "nulmeting"]
    assert m.routekaart.phase("fundament") is not None
    assert m.routekaart.milestone("nulmeting").wanneer.kind == "kwartaal"  # type: ignore[union-attr]
    assert m.doelgroep == "publiek"


def test_project_fields(minimal: Datavisie) -> None:
    p = minimal.project("meldingen")
    assert p is not None
    assert p.themas == ("transparantie",) and p.mijlpalen == ("nulmeting",)
    assert p.start.start == date(2024, 2, 1) and p.eind is None
    assert [s.persoonsgegevens for s in p.gegevens] == [False, True] and p.persoonsgegevens
    assert p.algoritme is not None and p.algoritme.soort == "regelgebaseerd"
    assert p.algoritme.impacttoetsen[0].link == "https://www.example.nl/dpia.pdf"
    assert p.raadsvragen.beeldvorming == ("Welke wijken melden het meest?",)
    assert p.intern == {"contactpersoon": "Geheime contactpersoon"}
    afval = minimal.project("afval")
    assert afval is not None and afval.raadsvragen == CouncilQuestions() and not afval.raadsvragen
    assert afval.algoritme is None and afval.gegevens == () and afval.mijlpalen == ()


def test_positions_point_at_the_source(minimal: Datavisie) -> None:
    p = minimal.project("meldingen")
    assert p is not None
    assert p.pos == Pos("content/projecten/meldingen.yml", 1, 1)
    assert p.fpos["dpia"] == Pos("content/projecten/meldingen.yml", 18, 7)
    assert p.algoritme is not None and p.algoritme.fpos["risicobeheer"].line == 23
    ms = minimal.routekaart.milestone("visie-vastgesteld")
    assert ms is not None and ms.fpos["themas:transparantie"].line == 23
    theme = minimal.theme("ethiek")
    assert theme is not None and theme.fpos["ambitie"] == Pos("content/themas/ethiek.md", 5, 10)
    assert theme.principes[1].pos.line == 9 and theme.body_line == 11


def test_measurements_and_model(minimal: Datavisie) -> None:
    mm = minimal.metingmodel
    assert mm is not None and (mm.lowest, mm.highest) == (1, 3)
    assert [a.id for a in mm.aspects()] == ["dienstverlening", "beleid", "vaardigheden"]
    base = minimal.baseline
    assert base is not None and base.id == "2024-03" and base.score("beleid").huidig == 2  # type: ignore[union-attr]
    assert minimal.latest_measurement is base


def test_versions_and_stand(minimal: Datavisie) -> None:
    assert [v.versie for v in minimal.versies] == ["1.0", "1.1"]
    latest = minimal.latest_adopted
    assert latest is not None and latest.versie == "1.0" and latest.git_ref == "visie-1.0"
    assert latest.besluit is not None and latest.besluit.orgaan == "gemeenteraad"
    assert minimal.stand == date(2024, 6, 1)
    assert minimal.begrippen[0].voluit == "Data Protection Impact Assessment"


def test_sources_are_sorted_relative_paths(minimal: Datavisie) -> None:
    assert list(minimal.sources) == sorted(minimal.sources)
    assert "content/routekaart.yml" in minimal.sources
    assert all(s.startswith("content/") for s in minimal.sources)


def test_model_is_frozen(minimal: Datavisie) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        minimal.themas[0].titel = "x"  # type: ignore[misc]


def test_loading_is_deterministic(valid_content: Factory) -> None:
    a, b = load(valid_content("a")), load(valid_content("b"))
    assert a == b and repr(a) == repr(b)


def test_optional_files_may_be_absent(valid_content: Factory) -> None:
    root = valid_content()
    for rel in ("begrippen.yml", "metingen/model.yml", "metingen/2024-03.yml",
                "paginas/over.md", "paginas/privacy.md", "paginas/werkafspraken.md"):
        (root / "content" / rel).unlink()
    m = load(root)
    assert m.begrippen == () and m.metingmodel is None and m.metingen == () and m.paginas == ()
    assert m.stand == date(2024, 6, 1)


def test_empty_council_questions_keep_their_positions_mapping(valid_content: Factory) -> None:
    root = valid_content()
    path = root / "content" / "projecten" / "afval.yml"
    path.write_text(path.read_text(encoding="utf-8") + "raadsvragen: {}\n", encoding="utf-8")
    afval = load(root).project("afval")
    assert afval is not None and afval.raadsvragen.fpos == {}  # a mapping, not ()


def test_gitkeep_is_ignored(valid_content: Factory) -> None:
    root = valid_content()
    (root / "content" / "paginas" / ".gitkeep").write_text("", encoding="utf-8")
    load(root)


def test_missing_content_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as exc:
        load(tmp_path)
    assert [i.code for i in exc.value.issues] == ["DV020"]


def test_all_required_files_missing_are_all_reported(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    with pytest.raises(ContentError) as exc:
        load(tmp_path)
    assert [(i.path, i.code) for i in exc.value.issues] == [
        (f"content/{name}", "DV024")
        for name in sorted(("organisatie.yml", "visie.md", "routekaart.yml", "versies.yml"))]


def test_content_error_summary_is_dutch_and_sorted(valid_content: Factory) -> None:
    root = valid_content()
    (root / "content" / "versies.yml").unlink()
    (root / "content" / "notities.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load(root)
    text = str(exc.value)
    assert text.startswith("2 fouten in de inhoud:\n")
    assert text.index("notities.txt") < text.index("versies.yml")


def test_discover_kinds(valid_content: Factory) -> None:
    root = valid_content()
    found, issues = discover(root / "content", root)
    assert not issues
    kinds = {rel: kind for _, rel, kind in found}
    assert kinds["content/metingen/model.yml"] == "metingen/model.yml"
    assert kinds["content/metingen/2024-03.yml"] == "metingen/<datum>.yml"
    assert kinds["content/themas/ethiek.md"] == "themas/<id>.md"


def test_symlink_inside_content_is_followed(valid_content: Factory) -> None:
    root = valid_content()
    (root / "content" / "projecten" / "kopie.yml").symlink_to(
        root / "content" / "projecten" / "afval.yml")
    assert load(root).project("kopie") is not None


def test_parse_file_is_pure() -> None:
    f, issues = parse_file("naam: x\n", "content/organisatie.yml", "organisatie.yml")
    assert f is not None and f.stem == "organisatie"
    assert sorted(i.code for i in issues) == ["DV118", "DV118", "DV118"]


def test_example_content_loads() -> None:
    """The municipality's own content in content/ is valid (as `make check` requires)."""
    if not (REPO / "content" / "versies.yml").exists():  # pragma: no cover - being written
        pytest.skip("example content incomplete")
    m = load(REPO)
    assert len(m.themas) >= 4 and len(m.projecten) >= 10 and len(m.routekaart.mijlpalen) >= 15


def test_benchmark_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """Smoke test of tests/benchmarks/check_bench.py (the figures are not asserted)."""
    import runpy

    bench = runpy.run_path(str(BENCHMARKS / "check_bench.py"))
    assert bench["main"](["10", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "projects: 10" in out and "µs per project" in out
    assert "hostile YAML" in out and "expected" not in out
