"""Where the tests find their inputs, named once for every test folder (tests/unit/<package>/,
tests/golden/, tests/cli/, tests/sites/, tests/browser/, tests/benchmarks/)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
BUILD_TOOLS = REPO / "build_tools"
FIXTURES = TESTS / "fixtures"
MINIMAL = FIXTURES / "minimal"      # one of everything, internal parts included
NOORDKUST = FIXTURES / "noordkust"  # a second municipality with its own house style
GOLDEN = TESTS / "golden" / "cases"  # bad/, huisstijl/, posters/ (format in test_bad_inputs.py)
BENCHMARKS = TESTS / "benchmarks"
BIN = Path(sys.executable).parent   # the venv's datavisie and mkdocs

# the `valid_content` fixture: `valid_content()` -> a fresh copy of the minimal project
Factory = Callable[..., Path]


def copy_minimal(dest: Path) -> Path:
    """Copy the minimal project (its content/) to `dest` and return `dest`."""
    shutil.copytree(MINIMAL, dest, dirs_exist_ok=True)
    return dest
