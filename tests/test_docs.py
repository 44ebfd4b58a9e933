"""The maintainers' docs name the tests and files that keep their promises (the threat model
says, for every promise, which test keeps it): each name must still exist, or a promise
silently loses its test when one is renamed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from places import REPO

DOCS = sorted((REPO / "docs").glob("*.md")) + [REPO / "README.md"]
# a test function as the docs write it: `test_x`, `test_x(...)`, `test_x[...]`, `path::test_x`
_TEST_NAME = re.compile(r"(?:`|::)(test_[a-z0-9_]+)(?=[`(\[])")
# a file of the repository's code or tests, written from the root
_REPO_PATH = re.compile(r"`((?:tests|build_tools)/[A-Za-z0-9_/.-]+\.(?:py|txt|json|js|css|html))`")


def _defined_tests() -> set[str]:
    return {name for path in (REPO / "tests").rglob("*.py")
            for name in re.findall(r"^\s*def (test_[a-z0-9_]+)",
                                   path.read_text(encoding="utf-8"), re.M)}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_test_a_doc_names_exists(doc: Path) -> None:
    named = set(_TEST_NAME.findall(doc.read_text(encoding="utf-8")))
    assert not named - _defined_tests(), f"{doc.name} noemt tests die niet (meer) bestaan"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_file_a_doc_names_exists(doc: Path) -> None:
    named = set(_REPO_PATH.findall(doc.read_text(encoding="utf-8")))
    missing = sorted(p for p in named if not (REPO / p).exists())
    assert not missing, f"{doc.name} noemt bestanden die niet (meer) bestaan: {missing}"


def test_the_threat_model_names_its_tests() -> None:
    """The check above has something to check: the threat model names a hundred tests."""
    text = (REPO / "docs/threat-model.md").read_text(encoding="utf-8")
    assert len(set(_TEST_NAME.findall(text))) > 100
