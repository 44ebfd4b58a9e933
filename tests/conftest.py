"""Shared fixtures: a small, complete, valid content set copied into tmp_path.

`tests/fixtures/minimal/` is independent of the example content in `content/`, so editing
the example never breaks these tests. It holds one of everything, including internal parts
(an `intern:` subtree, a `zichtbaarheid: intern` theme, project and page, `!!! intern` blocks).

Where the inputs are: tests/places.py; golden-case mutations: tests/mutations.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from places import copy_minimal


@pytest.fixture
def valid_content(tmp_path: Path) -> Callable[..., Path]:
    """Factory: `valid_content()` -> a fresh copy of the minimal project root in tmp_path.
    `valid_content("naam")` makes several independent copies in one test."""
    counter = iter(range(1_000_000))

    def make(name: str | None = None) -> Path:
        return copy_minimal(tmp_path / (name or f"project-{next(counter)}"))

    return make
