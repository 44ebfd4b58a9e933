"""Cross-file rules as a pure function of the model, and the registry of issue codes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

from places import BUILD_TOOLS

from build_tools.codes import CODES, table_markdown
from build_tools.content.model import Datavisie
from build_tools.content.validate import RESERVED_PAGE_IDS, validate

Factory = Callable[..., Path]


def codes(model: Datavisie, **kw: dict[str, set[str]]) -> list[tuple[str, int, str]]:
    return sorted((i.path, i.line, i.code) for i in validate(model, **kw))


def test_valid_model_has_no_issues(minimal: Datavisie) -> None:
    assert validate(minimal) == []


def test_validate_is_pure(minimal: Datavisie) -> None:
    broken = dataclasses.replace(minimal, themas=minimal.themas[1:])  # ethiek gone
    first, second = validate(broken), validate(broken)
    assert first == second and first
    assert validate(minimal) == []  # the original is untouched


def test_removed_theme_is_reported_everywhere_it_is_used(minimal: Datavisie) -> None:
    broken = dataclasses.replace(minimal, themas=minimal.themas[1:])
    assert codes(broken) == [
        ("content/projecten/afval.yml", 3, "DV203"),
        ("content/routekaart.yml", 14, "DV203"),
        ("content/routekaart.yml", 22, "DV203"),
    ]


def test_ids_of_broken_files_still_count_as_known(minimal: Datavisie) -> None:
    broken = dataclasses.replace(minimal, themas=minimal.themas[1:])
    assert codes(broken, also_known={"themas": {"ethiek"}}) == []


def test_known_ids_are_listed_and_capped(minimal: Datavisie) -> None:
    p = minimal.project("afval")
    assert p is not None
    many = tuple(dataclasses.replace(minimal.themas[0], id=f"thema-{i:02d}") for i in range(20))
    broken = dataclasses.replace(minimal, themas=many)
    issue = next(i for i in validate(broken) if i.path.endswith("afval.yml"))
    assert "thema-00, thema-01" in issue.hint and "(en 8 meer)" in issue.hint


def test_duplicate_score_and_model_ids(minimal: Datavisie) -> None:
    mm = minimal.metingmodel
    assert mm is not None
    meting = minimal.metingen[0]
    twice = dataclasses.replace(meting, scores=(*meting.scores, meting.scores[0]))
    dim = dataclasses.replace(mm.dimensies[1], id="publieke-waarde")
    levels = (*mm.niveaus, mm.niveaus[0])
    broken = dataclasses.replace(
        minimal, metingen=(twice,),
        metingmodel=dataclasses.replace(mm, dimensies=(mm.dimensies[0], dim), niveaus=levels))
    assert sorted(i.code for i in validate(broken)) == ["DV202", "DV202", "DV210"]


def test_measurement_without_model(minimal: Datavisie) -> None:
    broken = dataclasses.replace(minimal, metingmodel=None)
    assert codes(broken) == [("content/metingen/2024-03.yml", 1, "DV211")]
    assert codes(broken, also_known={"metingen": {"model"}}) == []


def test_milestone_on_phase_edges_is_inside(minimal: Datavisie) -> None:
    from build_tools.content.types import parse_when

    ms, *rest = minimal.routekaart.mijlpalen
    for text in ("2023-01-01", "2023-12-31", "2023-Q4", "2023-12"):
        when = parse_when(text)
        assert when is not None
        moved = dataclasses.replace(ms, wanneer=when)
        rk = dataclasses.replace(minimal.routekaart, mijlpalen=(moved, *rest))
        assert validate(dataclasses.replace(minimal, routekaart=rk)) == [], text
    before = parse_when("2022-12-31")
    assert before is not None
    outside = dataclasses.replace(ms, wanneer=before)
    rk = dataclasses.replace(minimal.routekaart, mijlpalen=(outside, *rest))
    assert [i.code for i in validate(dataclasses.replace(minimal, routekaart=rk))] == ["DV204"]


def test_reserved_page_ids_cover_the_site_sections() -> None:
    assert {"visie", "themas", "routekaart", "projecten", "begrippen", "versies",
            "posters", "data", "assets", "ontwikkeling", "meedoen"} <= RESERVED_PAGE_IDS


# --- the registry of codes ---------------------------------------------------------------

CODE_RE = re.compile(r'"(D[A-Z]\d{3}|W\d{3})"')  # DV content, DS style, DP posters, W warnings


def used_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(BUILD_TOOLS.rglob("*.py")):
        if path.name == "codes.py":
            continue
        for code in CODE_RE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(path.relative_to(BUILD_TOOLS).as_posix())
    return found


def test_every_used_code_is_registered() -> None:
    missing = {c: where for c, where in used_codes().items() if c not in CODES}
    assert not missing, f"add these codes to build_tools/codes.py: {missing}"


def test_every_registered_code_is_used() -> None:
    unused = sorted(set(CODES) - set(used_codes()))
    assert not unused, f"codes in build_tools/codes.py that no module uses: {unused}"


def test_registry_entries_are_complete() -> None:
    for code, entry in CODES.items():
        assert re.fullmatch(r"D[A-Z]\d{3}|W\d{3}", code)
        assert not entry.was or (entry.was not in CODES and re.fullmatch(r"D[A-Z]\d{3}",
                                                                          entry.was)), code
        assert entry.title and entry.action.endswith("."), code
    table = table_markdown()
    assert table.count("\n") == len(CODES) + 2 and "| DV203 |" in table
