"""Warnings: an Issue whose code starts with W. Severity comes from the code alone; warnings are
reported in every output format and exit 0, unless the run is strict (`datavisie check
--strict`, `datavisie bouw --strict`, `mkdocs build --strict`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import bouw, earlier_output, make_project, mkdocs

import build_tools.content.validate
from build_tools.cli.main import main
from build_tools.content.model import Datavisie
from build_tools.errors import (
    ContentError,
    Issue,
    code_quality,
    count_label,
    format_issues,
    raise_for_errors,
)

Factory = Callable[..., Path]
WARNING_LINE = re.compile(r"^[^:\n]+:\d+:\d+: W\d{3} waarschuwing: .+ \(.+\)$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def out_of_use_without_end(root: Path) -> Path:
    path = root / "content" / "projecten" / "afval.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("eind: 2024-06\n") == 1
    path.write_text(text.replace("eind: 2024-06\n", ""), encoding="utf-8")
    return root


# --- the issue itself ----------------------------------------------------------------------

@pytest.mark.parametrize("code, warning", [
    ("DV203", False), ("DS010", False), ("DP011", False),
    ("W001", True), ("W101", True), ("W201", True), ("W399", True), ("W450", True),
])
def test_severity_comes_from_the_code_alone(code: str, warning: bool) -> None:
    issue = Issue("content/x.yml", 2, 3, code, "bericht", "hint")
    assert issue.is_warning is warning
    assert issue.severity == ("warning" if warning else "error")


def test_a_warning_reads_as_one_in_every_format() -> None:
    warning = Issue("content/projecten/a.yml", 4, 1, "W001", "geen `eind`", "vul het in")
    error = Issue("content/projecten/a.yml", 2, 7, "DV108", "onbekende status", "kies er een")
    assert warning.format() == ("content/projecten/a.yml:4:1: W001 waarschuwing: geen `eind` "
                                "(vul het in)")
    assert error.format() == "content/projecten/a.yml:2:7: DV108 onbekende status (kies er een)"
    assert warning.format_github().startswith(
        "::warning file=content/projecten/a.yml,line=4,col=1,title=W001::")
    assert error.format_github().startswith("::error ")
    report = code_quality([error, warning])
    assert [r["severity"] for r in report] == ["major", "minor"]
    data = json.loads(format_issues([warning, error], "json"))
    assert [d["severity"] for d in data] == ["error", "warning"]  # sorted by line
    assert json.loads(format_issues([warning], "gitlab"))[0]["check_name"] == "W001"


def test_errors_raise_with_the_warnings_warnings_alone_do_not() -> None:
    warning = Issue("a.yml", 1, 1, "W001", "w", "h")
    error = Issue("a.yml", 2, 1, "DV102", "e", "h")
    assert raise_for_errors([warning]) == [warning]
    assert raise_for_errors([]) == []
    with pytest.raises(ContentError) as caught:
        raise_for_errors([warning, error])
    assert caught.value.errors == [error] and caught.value.warnings == [warning]
    assert caught.value.summary().startswith("1 fout en 1 waarschuwing in de inhoud:")
    assert count_label([warning, warning.__class__("b.yml", 1, 1, "W101", "w", "h")]) == \
        "2 waarschuwingen"
    assert count_label([]) == "0 fouten"


# --- datavisie check -----------------------------------------------------------------------

def test_check_with_only_warnings_passes_and_says_so(capsys: pytest.CaptureFixture[str],
                                                     valid_content: Factory) -> None:
    root = out_of_use_without_end(valid_content())
    code, out, err = run(capsys, "--root", str(root), "check")
    assert code == 0
    lines = out.strip().split("\n")
    assert lines == ["content/projecten/afval.yml:4:9: W001 waarschuwing: project is buiten "
                     "gebruik maar heeft geen `eind` (vul `eind` in met de maand waarin het "
                     "stopte, zodat lezers zien tot wanneer het gebruikt is)"]
    assert all(WARNING_LINE.match(line) for line in lines)
    assert "in orde, met 1 waarschuwing" in err


def test_strict_check_fails_on_a_warning(capsys: pytest.CaptureFixture[str],
                                         valid_content: Factory) -> None:
    root = out_of_use_without_end(valid_content())
    code, out, err = run(capsys, "--root", str(root), "check", "--strict")
    assert code == 1 and "W001 waarschuwing:" in out
    assert "1 waarschuwing gevonden. Met --strict tellen waarschuwingen als fout." in err
    assert run(capsys, "--root", str(valid_content()), "check", "--strict")[0] == 0


@pytest.mark.parametrize("fmt, expected", [
    ("github", "::warning file=content/projecten/afval.yml,line=4,col=9,title=W001::"),
    ("gitlab", '"severity": "minor"'),
    ("json", '"severity": "warning"'),
])
def test_check_reports_warnings_in_every_format(capsys: pytest.CaptureFixture[str],
                                                valid_content: Factory, fmt: str,
                                                expected: str) -> None:
    root = out_of_use_without_end(valid_content())
    code, out, _ = run(capsys, "--root", str(root), "check", "--format", fmt)
    assert code == 0 and expected in out
    if fmt != "github":
        assert len(json.loads(out)) == 1
    assert run(capsys, "--root", str(root), "check", "--format", fmt, "--strict")[0] == 1


def test_errors_and_warnings_come_together(capsys: pytest.CaptureFixture[str],
                                           valid_content: Factory) -> None:
    root = out_of_use_without_end(valid_content())
    visie = root / "content" / "visie.md"
    visie.write_text(visie.read_text(encoding="utf-8").replace("titel:", "tietel:", 1),
                     encoding="utf-8")
    code, out, err = run(capsys, "--root", str(root), "check")
    assert code == 1
    assert "W001 waarschuwing:" in out and "DV117" in out
    assert "fout" in err and "1 waarschuwing" in err


def test_a_warning_from_any_module_just_works(capsys: pytest.CaptureFixture[str],
                                              valid_content: Factory,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Codes of other ranges (register, staff flow, readers) need nothing but their W."""
    real = build_tools.content.validate.validate

    def more(model: Datavisie, **kwargs: object) -> list[Issue]:
        return [*real(model, **kwargs),  # type: ignore[arg-type]
                Issue("content/organisatie.yml", 1, 1, "W299", "iets voor het register", "h"),
                Issue("content/visie.md", 2, 1, "W499", "iets voor lezers", "h")]

    monkeypatch.setattr(build_tools.content.validate, "validate", more)
    code, out, _ = run(capsys, "--root", str(valid_content()), "check", "--format", "github")
    assert code == 0
    assert out.count("::warning ") == 2 and "title=W299" in out and "title=W499" in out


# --- the site build ------------------------------------------------------------------------

def _previous(site: Path) -> None:
    """The last good site: a build replaces only a folder it recognises as its own output
    (build_tools/build/outputdir.py), so the stand-in carries our stylesheet and script."""
    earlier_output(site, {"index.html": "vorige site"})


@pytest.mark.slow
def test_warnings_publish_unless_the_build_is_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", posters=False, cards=False)
    path = project / "content" / "projecten" / "voorspelmodel-wietkwekerijen.yml"
    text = path.read_text(encoding="utf-8")
    assert "status: buiten-gebruik" in text
    path.write_text(re.sub(r"(?m)^eind: .*\n", "", text), encoding="utf-8")
    site = tmp_path / "site"
    _previous(site)

    strict = mkdocs(project, "build", "--strict", "-d", str(site))
    assert strict.returncode != 0
    assert "WARNING" in strict.stderr and "W001 waarschuwing:" in strict.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"

    result = bouw(project, site, "--strict")
    assert result.returncode == 1, result.stderr
    assert "W001 waarschuwing:" in result.stderr and "strikt" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"

    plain = mkdocs(project, "build", "-d", str(site))
    assert plain.returncode == 0, plain.stderr
    assert re.search(r"WARNING\s+-\s+content/projecten/voorspelmodel-wietkwekerijen\.yml:\d+:\d+: "
                     r"W001 waarschuwing:", plain.stderr), plain.stderr
    assert (site / "projecten" / "voorspelmodel-wietkwekerijen" / "index.html").is_file()


@pytest.mark.slow
def test_datavisie_bouw_by_default_reports_warnings_and_publishes(tmp_path: Path) -> None:
    """Without flags `datavisie bouw` keeps MkDocs' strict mode for MkDocs' own warnings, and
    content warnings do not count: they are INFO lines, and the build says how many."""
    import os
    import subprocess

    from sitekit import BIN

    project = make_project(tmp_path / "p", posters=False, cards=False)
    out_of_use = project / "content" / "projecten" / "voorspelmodel-wietkwekerijen.yml"
    out_of_use.write_text(re.sub(r"(?m)^eind: .*\n", "",
                                 out_of_use.read_text(encoding="utf-8")), encoding="utf-8")
    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    result = subprocess.run([str(BIN / "datavisie"), "bouw", "--uit", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    assert re.search(r"INFO\s+-\s+content/projecten/voorspelmodel-wietkwekerijen\.yml:\d+:\d+: "
                     r"W001 waarschuwing:", result.stderr), result.stderr
    assert "met 1 waarschuwing" in result.stderr


# --- every warning, in every format ---------------------------------------------------------

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


SCENARIOS: dict[str, tuple[Callable[[Path], object], tuple[str, ...]]] = {
    "W001": (out_of_use_without_end, ()),
    "W003": (lambda r: _edit(r / "content/themas/ethiek.md", "titel: Ethiek",
                             "titel: " + "Ethiek en verantwoordelijkheid " * 3), ()),
    "W004": (lambda r: _edit(r / "content/themas/ethiek.md", "titel: Ethiek",
                             'titel: "Ethiek\\nen meer"'), ()),
    "W005": (lambda r: _edit(r / "content/themas/ethiek.md", "volgorde: 1", "volgorde: 100"),
             ()),
    "W006": (lambda r: (r / "content/visie.md").write_text(re.sub(
        r"(?m)^kernboodschap: .*$", 'kernboodschap: "INVULLEN: de kern"',
        (r / "content/visie.md").read_text(encoding="utf-8")), encoding="utf-8"), ()),
    "W101": (lambda r: None, ("--peildatum", "2024-07-01")),
    "W102": (lambda r: None, ("--peildatum", "2025-06-01", "--doelgroep", "intern")),
    "W103": (lambda r: None, ("--peildatum", "2026-03-15")),
    "W104": (lambda r: None, ("--peildatum", "2024-09-01")),
}


@pytest.mark.parametrize("code", sorted(SCENARIOS))
def test_each_warning_fires_passes_and_fails_a_strict_check(
        code: str, capsys: pytest.CaptureFixture[str], valid_content: Factory) -> None:
    clean = valid_content()
    assert run(capsys, "--root", str(clean), "check", "--strict", "--doelgroep", "intern")[0] == 0
    root = valid_content()
    mutate, args = SCENARIOS[code]
    mutate(root)
    status, out, _ = run(capsys, "--root", str(root), "check", *args)
    assert status == 0 and re.search(rf"^content/\S+:\d+:\d+: {code} waarschuwing: .+ \(.+\)$",
                                     out, re.M), out
    status, out, _ = run(capsys, "--root", str(root), "check", "--format", "github", *args)
    assert status == 0 and f",title={code}::" in out and "::error" not in out
    status, out, _ = run(capsys, "--root", str(root), "check", "--format", "gitlab", *args)
    assert {i["severity"] for i in json.loads(out) if i["check_name"] == code} == {"minor"}
    status, out, _ = run(capsys, "--root", str(root), "check", "--format", "json", *args)
    assert {i["severity"] for i in json.loads(out) if i["code"] == code} == {"warning"}
    assert run(capsys, "--root", str(root), "check", "--strict", *args)[0] == 1
