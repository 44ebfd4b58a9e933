"""Freshness warnings (W101-W104): what has gone stale, judged on the content's own stand or a
`--peildatum`; each fires when it should and not otherwise, at the right file and line, in
every output format, fails a strict run, and the internal site lists them on "Onderhoud"."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from foreign import write_veenhoven

from build_tools.cli.main import main
from build_tools.content.freshness import (
    Limits,
    Settings,
    freshness,
    months_after,
    reference_day,
)
from build_tools.content.model import Datavisie
from build_tools.content.types import When, parse_when

Factory = Callable[..., Path]


def _when(text: str) -> When:
    found = parse_when(text)
    assert found is not None
    return found


def _codes(model: Datavisie, day: date, limits: Limits | None = None) -> list[tuple[str, str]]:
    return [(i.code, i.path) for i in freshness(model, day, limits)]


def test_the_minimal_content_is_fresh_at_its_own_stand(minimal: Datavisie) -> None:
    assert minimal.stand == date(2024, 6, 1)
    assert freshness(minimal, reference_day(minimal)) == []


def test_a_milestone_past_its_moment_and_still_open(minimal: Datavisie) -> None:
    """`nulmeting` (2024-Q2, loopt): stale from July 2024, not on the last day of June."""
    assert _codes(minimal, date(2024, 6, 30)) == []
    found = freshness(minimal, date(2024, 7, 1))
    assert [(i.code, i.path) for i in found] == [("W101", "content/routekaart.yml")]
    status = next(m for m in minimal.routekaart.mijlpalen if m.id == "nulmeting").fpos["status"]
    assert (found[0].line, found[0].col) == (status.line, status.col)
    assert "Q2 2024" in found[0].message and "`loopt`" in found[0].message
    assert "`gereed`" in found[0].hint
    done = dataclasses.replace(minimal, routekaart=dataclasses.replace(
        minimal.routekaart, mijlpalen=tuple(dataclasses.replace(m, status="gereed")
                                          for m in minimal.routekaart.mijlpalen)))
    assert "W101" not in [c for c, _ in _codes(done, date(2030, 1, 1))]


def test_a_long_exploration_or_pilot(minimal: Datavisie) -> None:
    """`proef-intern` explores since 2024-05: twelve months by default, configurable."""
    at = date(2025, 4, 30)
    assert ("W102", "content/projecten/proef-intern.yml") not in _codes(minimal, at)
    assert ("W102", "content/projecten/proef-intern.yml") in _codes(minimal, date(2025, 5, 1))
    assert ("W102", "content/projecten/proef-intern.yml") in \
        _codes(minimal, at, Limits(verkenning=6))
    assert ("W102", "content/projecten/proef-intern.yml") not in \
        _codes(minimal, date(2025, 5, 1), Limits(verkenning=24))
    pilot = dataclasses.replace(minimal, projecten=tuple(
        dataclasses.replace(p, status="pilot", eind=_when("2025-09"))
        if p.id == "proef-intern" else p for p in minimal.projecten))
    assert ("W102", "content/projecten/proef-intern.yml") not in _codes(pilot, date(2025, 9, 30))
    late = [i for i in freshness(pilot, date(2025, 10, 1)) if i.code == "W102"]
    assert len(late) == 1 and "zou in september 2025 klaar zijn" in late[0].message


def test_an_old_measurement_against_the_models_interval(minimal: Datavisie) -> None:
    """The only measurement is of 2024-03-15; 24 months unless the model says `herhaling`."""
    assert not [c for c, _ in _codes(minimal, date(2026, 3, 14)) if c == "W103"]
    assert ("W103", "content/metingen/2024-03.yml") in _codes(minimal, date(2026, 3, 15))
    assert minimal.metingmodel is not None
    yearly = dataclasses.replace(minimal, metingmodel=dataclasses.replace(minimal.metingmodel,
                                                                         herhaling=12))
    assert ("W103", "content/metingen/2024-03.yml") in _codes(yearly, date(2025, 3, 15))
    assert ("W103", "content/metingen/2024-03.yml") in _codes(
        minimal, date(2024, 9, 15), Limits(meting=6))


def test_an_old_concept(minimal: Datavisie) -> None:
    """Version 1.1 is a concept since 2024-06-01: three months by default."""
    assert ("W104", "content/versies.yml") not in _codes(minimal, date(2024, 8, 31))
    assert ("W104", "content/versies.yml") in _codes(minimal, date(2024, 9, 1))
    adopted = dataclasses.replace(minimal, versies=minimal.versies[:1])
    assert ("W104", "content/versies.yml") not in _codes(adopted, date(2030, 1, 1))


def test_months_after_keeps_to_the_calendar() -> None:
    assert months_after(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert months_after(date(2024, 11, 15), 3) == date(2025, 2, 15)
    assert months_after(date(2024, 5, 1), 12) == date(2025, 5, 1)


def test_the_reference_day(minimal: Datavisie, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert reference_day(minimal, peildatum=date(2030, 1, 1)) == date(2030, 1, 1)
    assert reference_day(minimal) == minimal.stand
    undated = dataclasses.replace(minimal, stand=None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert reference_day(undated, tmp_path) == date(2026, 1, 1)
    assert reference_day(undated) is None and freshness(undated, None) == []


def test_settings_read_options_environment_and_flag() -> None:
    assert Settings.of() == Settings()
    assert Settings.of({"pilot": 6}).limits == Limits(pilot=6)
    assert Settings.of(None, env={"DATAVISIE_PEILDATUM": "2026-05-01"}).peildatum == \
        date(2026, 5, 1)
    assert Settings.of(None, "2027-01-02", env={"DATAVISIE_PEILDATUM": "2026-05-01"}) \
        .peildatum == date(2027, 1, 2)
    assert Settings.of(None, date(2027, 1, 2), env={}).peildatum == date(2027, 1, 2)
    for bad, words in (({"piloot": 6}, "kent `piloot` niet"), ({"pilot": 0}, "aantal maanden"),
                       ({"pilot": True}, "aantal maanden"), ([6], "moet een groep zijn")):
        with pytest.raises(ValueError, match=words):
            Settings.of(bad, env={})
    with pytest.raises(ValueError, match="geen datum"):
        Settings.of(None, "1-5-2026", env={})


# --- datavisie check ------------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_judges_on_the_peildatum(capsys: pytest.CaptureFixture[str],
                                       valid_content: Factory,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATAVISIE_PEILDATUM", raising=False)
    root = valid_content()
    code, out, err = run(capsys, "--root", str(root), "check")
    assert (code, out) == (0, "") and "in orde:" in err
    code, out, err = run(capsys, "--root", str(root), "check", "--peildatum", "2025-06-01")
    assert code == 0
    assert {line.split(": ", 1)[1].split()[0] for line in out.strip().split("\n")} == \
        {"W101", "W104"}  # the exploring project is internal: judged for the internal site
    out = run(capsys, "--root", str(root), "check", "--peildatum", "2025-06-01",
              "--doelgroep", "intern")[1]
    assert "content/projecten/proef-intern.yml:4:9: W102 waarschuwing:" in out
    assert re.search(r"^content/routekaart\.yml:\d+:\d+: W101 waarschuwing: mijlpaal "
                     r"`nulmeting` .* \(zet `status` op", out, re.M)
    assert run(capsys, "--root", str(root), "check", "--peildatum", "2025-06-01",
               "--strict")[0] == 1
    code, out, _ = run(capsys, "--root", str(root), "check", "--peildatum", "2025-06-01",
                       "--format", "github")
    assert code == 0 and out.count("::warning ") == 2 and "title=W101" in out
    code, out, _ = run(capsys, "--root", str(root), "check", "--peildatum", "2025-06-01",
                       "--format", "gitlab")
    assert {item["severity"] for item in json.loads(out)} == {"minor"}
    monkeypatch.setenv("DATAVISIE_PEILDATUM", "2025-06-01")
    assert run(capsys, "--root", str(root), "check", "--strict")[0] == 1


def test_a_bad_peildatum_is_a_message_not_a_traceback(capsys: pytest.CaptureFixture[str],
                                                      valid_content: Factory) -> None:
    code, _, err = run(capsys, "--root", str(valid_content()), "check", "--peildatum",
                       "1 mei 2026")
    assert code == 1 and "geen datum" in err and "Traceback" not in err


# --- the site ---------------------------------------------------------------------------------

def _bouw(root: Path, out: Path, *args: str) -> tuple[int, str]:
    import os
    import subprocess

    from sitekit import BIN

    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    result = subprocess.run([str(BIN / "datavisie"), "bouw", "--uit", str(out), *args],
                            cwd=root, capture_output=True, text=True, env=env, timeout=900)
    return result.returncode, result.stderr


@pytest.mark.slow
def test_the_internal_site_lists_what_to_maintain(tmp_path: Path) -> None:
    root = write_veenhoven(tmp_path / "p")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - datavisie:\n", "  - datavisie:\n      posters: false\n      sociale_kaarten: false\n"
        "      actualiteit:\n        concept: 1\n"), encoding="utf-8")
    code, err = _bouw(root, tmp_path / "intern", "--doelgroep", "intern", "--peildatum",
                      "2026-04-01")
    assert code == 0, err
    page = (tmp_path / "intern" / "meedoen" / "onderhoud" / "index.html").read_text(
        encoding="utf-8")
    assert "1 april 2026" in page
    assert "W104" in page and "versie 0.1 is sinds 1 februari 2026 een concept" in page
    assert "W101" not in page  # the open milestones (dataplatform, Q2 2026, ...) lie ahead
    assert "W001" in page and "W102" in page and "Verouderd (" in page
    code, err = _bouw(root, tmp_path / "publiek")
    assert code == 0, err
    assert not (tmp_path / "publiek" / "meedoen" / "onderhoud").exists()
    assert "Onderhoud" not in (tmp_path / "publiek" / "meedoen" / "index.html").read_text(
        encoding="utf-8")
    code, err = _bouw(root, tmp_path / "streng", "--strict", "--peildatum", "2026-04-01")
    assert code == 1 and "W104 waarschuwing:" in err
    assert not (tmp_path / "streng").exists()


def test_limits_from_mkdocs_yml_are_checked_and_used(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    root = write_veenhoven(tmp_path / "p")
    config = root / "mkdocs.yml"
    plain = config.read_text(encoding="utf-8")
    config.write_text(plain.replace("  - datavisie:\n", "  - datavisie:\n      actualiteit:\n"
                                    "        piloot: 6\n"), encoding="utf-8")
    code, _, err = run(capsys, "--root", str(root), "check")
    assert code == 1 and "`actualiteit` kent `piloot` niet" in err and "Traceback" not in err
    config.write_text(plain.replace("  - datavisie:\n", "  - datavisie:\n      actualiteit:\n"
                                    "        pilot: 6\n      peildatum: 2026-02-01\n"),
                      encoding="utf-8")
    out = run(capsys, "--root", str(root), "check")[1]
    pilots = {line.split(":")[0] for line in out.splitlines() if "W102" in line
              and "`pilot`" in line}
    assert pilots  # pilots since 2025-02 are over six months old on 1 February 2026
