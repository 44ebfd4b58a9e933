"""The benchmark must keep running: a quick pass (N = 10, one run) prints its table. Timings
are never asserted; only that every measurement ran and was reported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from places import BENCHMARKS

BENCH = BENCHMARKS


@pytest.mark.slow
def test_quick_benchmark_prints_the_table(tmp_path: Path) -> None:
    figures = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(BENCH / "bench.py"), "--quick",
                           "--json", str(figures)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    for row in ("datavisie check", "plain MkDocs build", "cold build, site + posters",
                "warm build, nothing changed", "serve rebuild, one project file changed",
                "serve rebuild, one theme text changed", "peak memory", "layout + SVG",
                "Load average", "Targets:"):
        assert row in out, f"missing {row!r} in:\n{out}"
    assert "x)" in out  # ratios against plain MkDocs
    assert "N=10" in out
    assert figures.is_file()


def test_generator_writes_a_valid_content_set(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from generator import Sizes, generate
    finally:
        sys.path.remove(str(BENCH))
    from build_tools.content.load import load

    root = generate(tmp_path / "p", Sizes(projects=7, milestones=5, themes=9, versions=3))
    model = load(root)
    assert len(model.projecten) == 7
    assert len(model.routekaart.mijlpalen) == 5
    assert len(model.themas) == 9
    tags = subprocess.run(["git", "-C", str(root), "tag"], capture_output=True, text=True,
                          check=True).stdout.split()
    assert tags == ["visie-1.0", "visie-1.1", "visie-1.2"]
    assert [v.versie for v in model.versies] == ["1.0", "1.1", "1.2", "1.3"]


def test_every_timed_name_exists() -> None:
    """The benchmark times functions by module and name; a rename must fail here, not leave
    a figure silently unmeasured."""
    import importlib

    sys.path.insert(0, str(BENCH))
    try:
        import bench
    finally:
        sys.path.remove(str(BENCH))
    missing = [f"{module}.{name}" for module, names in bench.TIMED.items()
               for name in names if not hasattr(importlib.import_module(module), name)]
    assert not missing
