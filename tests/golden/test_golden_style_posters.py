"""Golden cases for the house style (DS codes) and the poster definitions and templates (DP
codes): each case in tests/golden/cases/huisstijl/ or
tests/golden/cases/posters/ mutates a copy of the
example project (content/, theme/, posters/, mkdocs.yml) and lists every issue that
`datavisie check` must report for it (errors, and warnings where a case expects one), as
`path:line:CODE` with optional parts of the hint
and message. The format is that of tests/golden/cases/bad/ (see test_bad_inputs.py); `exact:
false` allows further issues besides the expected ones.

Regenerating is not needed: cases are written and reviewed by hand, like code. To see what
a case reports now:
`PYTHONPATH=tests .venv/bin/python tests/golden/test_golden_style_posters.py CASE.yml`.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from mutations import mutate
from places import GOLDEN
from sitekit import make_project

from build_tools.cli.main import main

CASES = GOLDEN
CASE_FILES = sorted([*(CASES / "huisstijl").glob("*.yml"), *(CASES / "posters").glob("*.yml")])


def check(root: Path) -> tuple[int, list[dict[str, Any]]]:
    """`datavisie check --format json` in this process: exit code and the issues."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--root", str(root), "check", "--format", "json"])
    text = out.getvalue().strip()
    return code, (json.loads(text) if text else [])


def run_case(case_file: Path, dest: Path) -> tuple[int, list[dict[str, Any]]]:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = make_project(dest)
    for mutation in case.get("mutations", []):
        mutate(root, mutation)
    return check(root)


def where(issue: dict[str, Any]) -> str:
    return f"{issue['path']}:{issue['line']}:{issue['code']}"


def test_every_style_and_poster_code_has_a_golden_case() -> None:
    from build_tools.codes import CODES

    covered = set()
    for case_file in CASE_FILES:
        case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        covered |= {e["at"].rsplit(":", 1)[1] for e in case.get("expect", [])}
    wanted = {c for c in CODES if c.startswith(("DS", "DP"))}
    assert not wanted - covered, f"codes without a golden case: {sorted(wanted - covered)}"


@pytest.mark.parametrize("case_file", CASE_FILES,
                         ids=[f"{f.parent.name}/{f.stem}" for f in CASE_FILES])
def test_case(case_file: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    assert case.get("about"), "every case says what it shows"
    code, issues = run_case(case_file, tmp_path / "project")
    report = "\n".join(f"{where(i)} {i['message']} ({i['hint']})" for i in issues)
    expected = case["expect"]
    errors = [e for e in expected if not e["at"].rsplit(":", 1)[1].startswith("W")]
    assert code == (1 if errors else 0), f"exit {code}; expected:\n{expected}\ngot:\n{report}"
    for issue in issues:
        assert issue["hint"].strip(), f"issue without a hint: {issue}"
    for exp in expected:
        found = [i for i in issues if where(i) == exp["at"]]
        assert found, f"missing {exp['at']}; got:\n{report}"
        if "hint" in exp:
            assert any(exp["hint"] in i["hint"] for i in found), report
        if "message" in exp:
            assert any(exp["message"] in i["message"] for i in found), report
    if case.get("exact", True):
        assert sorted({where(i) for i in issues}) == sorted({e["at"] for e in expected}), report


if __name__ == "__main__":  # show what a case reports now
    import tempfile

    for arg in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            rc, found = run_case(Path(arg), Path(tmp) / "project")
            print(f"== {arg}: exit {rc}")
            for i in found:
                print(f"  {where(i)} {i['message']} ({i['hint']})")
