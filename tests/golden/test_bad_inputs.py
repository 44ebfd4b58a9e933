"""The corpus of bad inputs: each case in tests/golden/cases/bad/ mutates a copy of the minimal
valid content and lists the issues it must produce (file, line, code, part of the hint).

Case format (YAML):

    about: what the case shows
    mutations:                        # applied in order, paths relative to the project root
      - file: content/projecten/afval.yml
        replace: {old: "status: pilot", new: "stauts: pilot"}   # `old` must occur exactly once
      - file: content/paginas/nieuw.md
        content: "..."                # write the whole file (optional `encoding: latin-1`)
      - file: content/begrippen.yml
        delete: true
      - file: content/projecten/link.yml
        symlink: buiten.yml           # a symlink to this path (relative to the project root)
      - file: content/organisatie.yml
        append: "# opvulling\n"       # appended `times` times (default 1)
        times: 100000
    expect:                           # all reported, nothing else (unless exact: false)
      - at: content/projecten/afval.yml:5:DV117
        hint: bedoelde je `status`?   # optional substring of the hint
        message: ...                  # optional substring of the message
    model:                            # cases without `expect` must load; checks on the model
      - expr: model.project("afval").eigenaar
        equals: nee

Regenerating is not needed: cases are written and reviewed by hand, like code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from mutations import mutate
from places import GOLDEN

from build_tools.content.load import load_checked
from build_tools.errors import ContentError, Issue

CASES = GOLDEN / "bad"
CASE_FILES = sorted(CASES.glob("*.yml"))


def run_case(case: dict[str, Any], root: Path) -> tuple[Any, list[Issue]]:
    """Load the mutated content; only a ContentError may come out. Warnings come back with
    the model (the content loads); errors with no model."""
    for mutation in case.get("mutations", []):
        mutate(root, mutation)
    try:
        model, warnings = load_checked(root)
        return model, list(warnings)
    except ContentError as exc:
        assert exc.errors, "a ContentError always holds an error"
        return None, exc.issues


def _where(issue: Issue) -> str:
    return f"{issue.path}:{issue.line}:{issue.code}"


def test_corpus_is_big_enough() -> None:
    bad = [f for f in CASE_FILES if yaml.safe_load(f.read_text(encoding="utf-8")).get("expect")]
    assert len(bad) >= 45


@pytest.mark.parametrize("case_file", CASE_FILES, ids=[f.stem for f in CASE_FILES])
def test_case(case_file: Path, valid_content: Any) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    assert case.get("about"), "every case says what it shows"
    root = valid_content()
    model, issues = run_case(case, root)
    report = "\n".join(i.format() for i in issues)
    expected = case.get("expect") or []
    if not expected:
        assert not issues, f"expected valid content, got:\n{report}"
        for check in case.get("model", []):
            value = eval(check["expr"], {"model": model})  # noqa: S307 - reviewed test data
            assert value == check["equals"], f"{check['expr']} = {value!r}"
        return
    for issue in issues:
        assert issue.hint.strip(), f"issue without a hint: {issue.format()}"
        assert issue.message.strip()
    if all(w["at"].rsplit(":", 1)[1].startswith("W") for w in expected):
        assert model is not None, f"only warnings expected, but the content was refused:\n{report}"
    for want in expected:
        matches = [i for i in issues if _where(i) == want["at"]]
        assert matches, f"missing {want['at']}; reported:\n{report}"
        if "hint" in want:
            assert any(want["hint"] in i.hint for i in matches), \
                f"{want['at']}: no hint containing {want['hint']!r}; reported:\n{report}"
        if "message" in want:
            assert any(want["message"] in i.message for i in matches), \
                f"{want['at']}: no message containing {want['message']!r}; reported:\n{report}"
    if case.get("exact", True):
        unexpected = sorted({_where(i) for i in issues} - {w["at"] for w in expected})
        assert not unexpected, f"unexpected issues {unexpected}; reported:\n{report}"
