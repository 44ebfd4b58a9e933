"""Rules stricter than the contract are warnings: limits the contract does not set (W003), line
ends in titles (W004), numbers outside an advised range (W005), and text that only a poster
cannot hold (W002: printed cut short). Content valid under the contract never fails."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from foreign import write_veenhoven
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from places import REPO

from build_tools.cli.main import main
from build_tools.content.load import load_checked
from build_tools.content.types import Text
from build_tools.errors import Pos
from build_tools.housestyle.css import load_style
from build_tools.views.posters import textfit

Factory = Callable[..., Path]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_long_title_is_advice_and_kept_whole(valid_content: Factory) -> None:
    root = valid_content()
    title = "Ethiek " + "en verantwoordelijkheid " * 3  # 79 characters, advised 60
    _replace(root / "content" / "themas" / "ethiek.md", "titel: Ethiek", f"titel: {title}")
    model, warnings = load_checked(root)
    assert [(w.code, w.path, w.line) for w in warnings] == [
        ("W003", "content/themas/ethiek.md", 2)]
    assert "aangeraden is hoogstens 60" in warnings[0].message
    theme = model.theme("ethiek")
    assert theme is not None and theme.titel == title.strip()


def test_line_ends_in_a_title_are_advice_and_read_as_spaces(valid_content: Factory) -> None:
    root = valid_content()
    path = root / "content" / "routekaart.yml"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("titel:")
                 and line.startswith("    "))
    indent = first[:len(first) - len(first.lstrip())]
    _replace(path, first + "\n", f"{indent}titel: |\n{indent}  Eerste regel\n"
             f"{indent}  tweede regel\n")
    model, warnings = load_checked(root)
    assert [w.code for w in warnings] == ["W004"]
    titles = [*(f.titel for f in model.routekaart.fasen),
              *(m.titel for m in model.routekaart.mijlpalen)]
    assert "Eerste regel tweede regel" in titles


def test_contract_limits_stay_errors() -> None:
    assert Text(max=180).describe() == "tekst, hoogstens 180 tekens"
    assert Text(advised=60).describe() == "tekst, aangeraden hoogstens 60 tekens"
    from jsonschema import Draft7Validator

    # editors agree with the check: the contract's limit is in the schema, advice is not
    limited, advised = Text(max=180).json_schema(), Text(advised=60).json_schema()
    assert Draft7Validator(limited).is_valid("a" * 180)
    assert not Draft7Validator(limited).is_valid("a" * 181)
    assert Draft7Validator(advised).is_valid("a" * 500)


def test_text_that_cannot_fit_is_cut_at_a_word_with_an_ellipsis() -> None:
    repo = REPO
    style = load_style(repo / "theme", repo)
    face = textfit.load_face(next(f.path for f in style.fonts.faces()))
    source = textfit.Source(Pos("content/x.md", 3, 1), "de ambitie")
    paras = [textfit.Para("Kop", face), textfit.Para("woord " * 200, face, source=source)]
    assert textfit.fit(paras, 200, 60, largest=12, smallest=10, step=1) is None
    flow = textfit.shorten(paras, 200, 60, smallest=10)
    assert flow is not None and flow.height <= 60 + 1e-6
    body = " ".join(flow.placed[1].lines)
    assert body.endswith(textfit.ELLIPSIS) and body.startswith("woord")
    assert " ".join(flow.placed[0].lines) == "Kop"


WORDS = st.lists(st.sampled_from(["data", "gemeente", "inwoners", "samen", "open", "veilig",
                                  "gegevensbeschermingseffectbeoordeling", "we", "en", "de",
                                  "verantwoordelijkheid", "Ĳsselmonde", "één", "zorg"]),
                 min_size=1, max_size=60)


def _text(words: list[str], limit: int) -> str:
    return " ".join(words)[:limit].strip() or "data"


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(themes=st.lists(st.tuples(WORDS, WORDS, st.lists(st.tuples(WORDS, WORDS), min_size=1,
                                                        max_size=6)),
                       min_size=1, max_size=12))
def test_any_contract_valid_theme_set_passes_the_check(
        tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str],
        themes: list[tuple[list[str], list[str], list[tuple[list[str], list[str]]]]]) -> None:
    """Any number of themes with texts up to the contract's limits (ambitie 180, principle
    titles 40 and explanations 300; titles up to 100, over the advised 60) passes `datavisie
    check` with the posters: what does not fit is a warning, never an error."""
    root = write_veenhoven(tmp_path_factory.mktemp("thema"))
    folder = root / "content" / "themas"
    shutil.rmtree(folder)
    folder.mkdir()
    projects = root / "content" / "projecten"
    for path in projects.glob("*.yml"):  # projects and milestones name the old themes
        path.unlink()
    roadmap = root / "content" / "routekaart.yml"
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.split("mijlpalen:")[0] + "mijlpalen: []\n", encoding="utf-8")
    for i, (title, ambition, principles) in enumerate(themes):
        lines = [f"titel: {json.dumps(_text(title, 100), ensure_ascii=False)}",
                 f"volgorde: {i + 1}",
                 f"ambitie: {json.dumps(_text(ambition, 180), ensure_ascii=False)}",
                 "principes:"]
        for p_title, p_text in principles:
            lines += [f"  - titel: {json.dumps(_text(p_title, 40), ensure_ascii=False)}",
                      f"    toelichting: {json.dumps(_text(p_text, 300), ensure_ascii=False)}"]
        (folder / f"thema-{i}.md").write_text("---\n" + "\n".join(lines) + "\n---\n\nTekst.\n",
                                              encoding="utf-8")
    code = main(["--root", str(root), "check", "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert code == 0, [f for f in found if f["severity"] == "error"]
    assert {f["code"] for f in found} <= {"W002", "W003"}
