"""Shared fixtures: the minimal project, its models, and the example's house style.

`tests/fixtures/minimal/` is independent of the example content in `content/`, so editing
the example never breaks these tests. It holds one of everything, including internal parts
(an `intern:` subtree, a `zichtbaarheid: intern` theme, project and page, `!!! intern` blocks).

Where the inputs are: tests/places.py; git in test repositories: tests/gitkit.py; golden-case
mutations: tests/mutations.py; whole-site builds: tests/sitekit.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from places import MINIMAL, REPO, Factory, copy_minimal

from build_tools.audience import for_audience
from build_tools.content.load import load
from build_tools.content.model import Datavisie
from build_tools.housestyle.css import load_style
from build_tools.housestyle.tokens import Style


@pytest.fixture
def valid_content(tmp_path: Path) -> Factory:
    """Factory: `valid_content()` -> a fresh copy of the minimal project root in tmp_path.
    `valid_content("naam")` makes several independent copies in one test."""
    counter = iter(range(1_000_000))

    def make(name: str | None = None) -> Path:
        return copy_minimal(tmp_path / (name or f"project-{next(counter)}"))

    return make


@pytest.fixture
def minimal(valid_content: Factory) -> Datavisie:
    """The full model (internal parts included) of a fresh copy of the minimal project."""
    return load(valid_content())


@pytest.fixture(scope="session")
def model() -> Datavisie:
    """The public model of the minimal project (frozen: shared by every test)."""
    return for_audience(load(MINIMAL), "publiek")


@pytest.fixture(scope="session")
def style() -> Style:
    """The example's house style (theme/), read as the build reads it."""
    return load_style(REPO / "theme", REPO)
