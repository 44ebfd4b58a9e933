"""The contract is a floor: a municipality that writes content from shared/CONTENT-MODEL.md
alone (tests/foreign.py: other themes, many projects, a concept only, projects out of use
without an end month, optional fields left out) passes `datavisie check` and builds, with
warnings for what is merely advised, and nothing of the example's municipality anywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from foreign import NAME, SHORT, long_trials, out_of_use, write_veenhoven
from sitekit import BIN, make_project, output_files, readable

from build_tools.cli.main import main

EXAMPLE = ("Den Helder", "Helder", "datavisie.example.nl", "gemeente-den-helder")


def check(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), "check", *args])
    return code, capsys.readouterr().out


def test_foreign_content_passes_with_the_expected_warnings(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    root = write_veenhoven(tmp_path / "veenhoven")
    code, out = check(capsys, root, "--format", "json")
    assert code == 0, out
    found = json.loads(out)
    assert {f["severity"] for f in found} == {"warning"}
    assert sorted(f["path"] for f in found if f["code"] == "W001") == \
        [f"content/projecten/{p}.yml" for p in out_of_use()]
    assert all(f["line"] == 4 for f in found if f["code"] in ("W001", "W102"))  # `status:`
    assert sorted(f["path"] for f in found if f["code"] == "W102") == \
        [f"content/projecten/{p}.yml" for p in long_trials()]
    # seven themes on one poster: one ambition is printed cut short
    assert {(f["code"], f["path"]) for f in found if f["code"] not in ("W001", "W102")} == {
        ("W002", "content/themas/informatiebeveiliging.md")}
    assert check(capsys, root, "--strict")[0] == 1
    assert check(capsys, root, "--doelgroep", "intern")[0] == 0


def _bouw(project: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`datavisie bouw` as a municipality runs it: no flags beyond the output folder."""
    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
           "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run([str(BIN / "datavisie"), "bouw", "--uit", str(out), *args],
                          cwd=project, capture_output=True, text=True, env=env, timeout=900)


def _traces(site: Path) -> list[str]:
    return [f"{path.relative_to(site)}: {word}" for path in output_files(site)
            for text in [readable(path).lower()] for word in EXAMPLE if word.lower() in text]


@pytest.mark.slow
def test_foreign_municipality_builds_with_nothing_of_the_example(tmp_path: Path) -> None:
    root = write_veenhoven(tmp_path / "veenhoven")
    site = tmp_path / "site"
    result = _bouw(root, site)
    assert result.returncode == 0, result.stderr
    assert "W001 waarschuwing:" in result.stderr and "waarschuwingen" in result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert SHORT in home and NAME in home
    for pid in out_of_use():
        assert (site / "projecten" / pid / "index.html").is_file()
    assert (site / "posters" / "visie.pdf").is_file()
    assert (site / "posters" / "thema-informatiebeveiliging.pdf").is_file()
    assert _traces(site) == []

    internal = tmp_path / "site-intern"
    result = _bouw(root, internal, "--doelgroep", "intern")
    assert result.returncode == 0, result.stderr
    assert _traces(internal) == []


@pytest.mark.slow
def test_the_repositorys_configuration_builds_another_municipality(tmp_path: Path) -> None:
    """As a newcomer does it: this repository's mkdocs.yml and posters, with another
    municipality's content/ and theme/ in place of the example's. The site's name, pages,
    posters, social cards, downloads and security.txt carry nothing of the example."""
    project = make_project(tmp_path / "repo")
    for part in ("content", "theme"):
        shutil.rmtree(project / part)
    other = write_veenhoven(tmp_path / "veenhoven")
    for part in ("content", "theme"):
        shutil.copytree(other / part, project / part)
    site = tmp_path / "site"
    result = _bouw(project, site)
    assert result.returncode == 0, result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Slim werken met gegevens in Veenhoven - Datavisie Veenhoven</title>" in home
    assert "Contact: mailto:data@veenhoven.example.org" in \
        (site / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert list((site / "assets" / "social").glob("*.png"))
    assert _traces(site) == []
