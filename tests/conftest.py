"""Shared fixtures: a small, complete, valid content set copied into tmp_path.

`tests/fixtures/minimal/` is independent of the example content in `content/`, so editing
the example never breaks these tests. It holds one of everything, including internal parts
(an `intern:` subtree, a `zichtbaarheid: intern` theme, project and page, `!!! intern` blocks).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
MINIMAL = TESTS / "fixtures" / "minimal"


def copy_minimal(dest: Path) -> Path:
    """Copy the minimal project (its content/) to `dest` and return `dest`."""
    shutil.copytree(MINIMAL, dest, dirs_exist_ok=True)
    return dest


@pytest.fixture
def valid_content(tmp_path: Path) -> Callable[..., Path]:
    """Factory: `valid_content()` -> a fresh copy of the minimal project root in tmp_path.
    `valid_content("naam")` makes several independent copies in one test."""
    counter = iter(range(1_000_000))

    def make(name: str | None = None) -> Path:
        return copy_minimal(tmp_path / (name or f"project-{next(counter)}"))

    return make


def mutate(root: Path, mutation: dict[str, Any]) -> None:
    """Apply one mutation of a bad-input case (tests/cases/bad/, format in test_bad_inputs)."""
    target = root / mutation["file"]
    if mutation.get("delete"):
        target.unlink()
    elif "symlink" in mutation:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(root / mutation["symlink"], target)
    elif "replace" in mutation:
        old, new = mutation["replace"]["old"], mutation["replace"]["new"]
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{mutation['file']}: {old!r} occurs {text.count(old)} times"
        target.write_text(text.replace(old, new), encoding="utf-8")
    elif "content" in mutation:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(mutation["content"].encode(mutation.get("encoding", "utf-8")))
    elif "append" in mutation:
        with target.open("a", encoding="utf-8") as fh:
            fh.write(mutation["append"] * int(mutation.get("times", 1)))
    else:  # pragma: no cover - a broken case file
        raise AssertionError(f"unknown mutation {mutation!r}")
