"""Benchmark: read and validate N generated projects (plus the minimal rest of a content set).

Not a timed test: it prints figures. `python tests/benchmarks/check_bench.py [N] [--profile]`.
The issue's bar: 1,000 projects read and validated well under a second. Also times the
parser's refusal of each hostile text in hostile.py (the tests check only what it says).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MINIMAL = HERE.parent / "fixtures" / "minimal"
if str(HERE) not in sys.path:  # hostile.py sits next to this script
    sys.path.insert(0, str(HERE))

PROJECT = """\
naam: Project nummer {i}
samenvatting: >-
  Een gegenereerd project om het lezen en controleren van veel projecten te meten.
  Het gebruikt gegevens uit de basisregistraties.
themas: [{theme}]
mijlpalen: [nulmeting]
status: {status}
start: 2024-{month:02d}
{eind}eigenaar: Team {team}
doel: |
  Het doel van project {i} is een betere dienstverlening.

  - eerste punt
  - tweede punt
gegevens:
  - bron: Basisregistratie Adressen en Gebouwen
    persoonsgegevens: false
  - bron: Klantcontacten
    persoonsgegevens: {personal}
dpia: {dpia}
{algorithm}raadsvragen:
  beeldvorming:
    - Wat levert project {i} op?
intern:
  contactpersoon: Medewerker {i}
"""

ALGORITHM = """\
algoritme:
  publicatiecategorie: impactvol
  soort: statistisch
  menselijke_tussenkomst: Een medewerker beoordeelt elke uitkomst voordat er iets gebeurt.
  risicobeheer: We toetsen het model elk jaar op fouten en ongelijke behandeling.
  impacttoetsen:
    - titel: DPIA
      link: https://www.example.nl/dpia-{i}.pdf
"""


def make_project(i: int) -> str:
    stopped = i % 7 == 0
    return PROJECT.format(
        i=i,
        theme="ethiek" if i % 2 else "transparantie",
        status="buiten-gebruik" if stopped else ("pilot", "in-gebruik", "verkenning")[i % 3],
        month=i % 12 + 1,
        eind="eind: 2025-01\n" if stopped else "",
        team=i % 20,
        personal="true" if i % 3 == 0 else "false",
        dpia="uitgevoerd" if i % 3 == 0 else "niet-nodig",
        algorithm=ALGORITHM.format(i=i) if i % 4 == 0 else "",
    )


def generate(root: Path, n: int) -> Path:
    """A content set at `root`: the minimal fixture plus `n` generated projects."""
    shutil.copytree(MINIMAL / "content", root / "content")
    folder = root / "content" / "projecten"
    for i in range(n):
        (folder / f"project-{i:05d}.yml").write_text(make_project(i), encoding="utf-8")
    return root


def time_load(root: Path, runs: int) -> list[float]:
    from build_tools.content.load import load

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model = load(root)
        times.append(time.perf_counter() - start)
    assert len(model.projecten) >= 1
    return times


def time_hostile(runs: int) -> None:
    from hostile import HOSTILE

    from build_tools.content.yamlio import parse_yaml

    print("hostile YAML, median time to refuse:")
    for name, (text, code) in HOSTILE.items():
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            _, issues = parse_yaml(text, "t.yml")
            times.append(time.perf_counter() - start)
        said = ",".join(i.code for i in issues)
        print(f"  {name:<42} {statistics.median(times) * 1000:8.1f} ms  {said}"
              + ("" if said == code else f"  (expected {code})"))


def apply_hostile(root: Path, path: str, change: Any) -> Path:
    """Write one hostile content file (hostile.HOSTILE_FILES) into the content set at `root`."""
    target = root / "content" / path
    old = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(change(old), encoding="utf-8")
    return target


def time_hostile_files(runs: int) -> None:
    from hostile import HOSTILE_FILES

    from build_tools.content.load import load
    from build_tools.errors import ContentError

    print("hostile content files, median time to refuse (load of the minimal set):")
    for name, (path, change, code) in HOSTILE_FILES.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            shutil.copytree(MINIMAL / "content", root / "content")
            apply_hostile(root, path, change)
            times, said = [], ""
            for _ in range(runs):
                start = time.perf_counter()
                try:
                    load(root)
                except ContentError as exc:
                    said = ",".join(sorted({i.code for i in exc.issues}))
                times.append(time.perf_counter() - start)
        print(f"  {name:<42} {statistics.median(times) * 1000:8.1f} ms  {said}"
              + ("" if said == code else f"  (expected {code})"))


def time_hostile_logos(runs: int) -> None:
    from hostile import HOSTILE_LOGOS

    from build_tools.housestyle.logo import LogoError, clean_logo

    print("hostile logos, median time to clean or refuse:")
    for name, svg in HOSTILE_LOGOS.items():
        times, said = [], "schoon"
        for _ in range(runs):
            start = time.perf_counter()
            try:
                clean_logo(svg)
            except LogoError as exc:
                said = f"DS009 ({str(exc)[:40]})"
            times.append(time.perf_counter() - start)
        print(f"  {name:<42} {statistics.median(times) * 1000:8.1f} ms  {said}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=1000, help="number of projects")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp), args.n)
        times = time_load(root, args.runs)
        median = statistics.median(times)
        print(f"projects: {args.n} (+ {len(list((MINIMAL / 'content' / 'projecten').iterdir()))} "
              f"from the minimal set), runs: {args.runs}")
        print(f"load() median: {median * 1000:.1f} ms total, "
              f"{median * 1e6 / max(args.n, 1):.0f} µs per project "
              f"(min {min(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms)")
        time_hostile(args.runs)
        time_hostile_files(args.runs)
        time_hostile_logos(args.runs)
        if args.profile:
            from build_tools.content.load import load

            profiler = cProfile.Profile()
            profiler.runcall(load, root)
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
