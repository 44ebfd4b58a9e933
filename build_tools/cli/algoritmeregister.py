"""`datavisie algoritmeregister [--uit DIR]`: every public algorithm as an entry for the national
Algoritmeregister, one file per algorithm (`<id>.json`) and all of them in one list
(`alle_algoritmes.json`), ready to upload unchanged (docs/algoritmeregister.md says how).

The order of the gates is the point: the audience filter first (internal projects and parts
never become entries), then the register's own rules (an entry the register would refuse is a
content error at its file and line, exit 1), then the leak scan over the bytes about to be
written (exit 2). Only when all pass is the folder written, at once: into a staging folder
beside it that then replaces it, so a refused run leaves no partial or stale file behind."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.audience import PUBLIC, for_audience
from build_tools.errors import ContentError, LeakError, UserError
from build_tools.project import find_root

DEFAULT_FOLDER = "algoritmeregister"


def _refuse_foreign(out: Path) -> None:
    """The folder is replaced as a whole: refuse one that holds anything we would not write."""
    if not out.exists():
        return
    if not out.is_dir():
        raise UserError(f"{out} is geen map; kies met --uit een map voor de bestanden")
    foreign = sorted(p.name for p in out.iterdir() if not (p.is_file() and p.suffix == ".json"))
    if foreign:
        raise UserError(f"{out} bevat andere bestanden dan de export ({', '.join(foreign[:5])}); "
                        "kies met --uit een lege of nieuwe map")


def _write(out: Path, files: dict[str, bytes]) -> None:
    from build_tools.build.publish import discard, promote, staging_dir

    staging = staging_dir(out)
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
            (staging / name).chmod(0o644)
        promote(staging, out)
    except BaseException:
        discard(staging)
        raise


def cmd_algoritmeregister(args: argparse.Namespace) -> int:
    from build_tools.content.load import load
    from build_tools.gate.leaks import LeakScanner
    from build_tools.gate.rules import leak_rules
    from build_tools.views.algoritmeregister.checks import register_errors
    from build_tools.views.algoritmeregister.entry import ALL_FILE, FOLDER, entries, register_files
    from build_tools.views.algoritmeregister.standard import standard

    root = find_root(Path(args.root))
    full = load(root)
    found = entries(for_audience(full, PUBLIC))
    issues = register_errors(found)
    if issues:
        raise ContentError(issues)
    files = {rel.removeprefix(FOLDER + "/"): data
             for rel, data in register_files(found).items()}
    rules = leak_rules(full, root)
    scanner = LeakScanner(rules.fragments, rules.forbidden)
    leaks = [str(f) for name, data in files.items() for f in scanner.text_findings(name, data)]
    if leaks:
        raise LeakError(leaks)
    out = Path(args.uit) if args.uit else root / DEFAULT_FOLDER
    _refuse_foreign(out)
    _write(out, files)
    std = standard()
    for e in found:
        where = (f"in het register als {e.project.algoritme.lars}"  # type: ignore[union-attr]
                 if e.record.get("lars") else "nog niet in het register")
        print(f"{e.project.id + '.json':<48} {where}", file=sys.stderr)
    print(f"{len(found)} algoritme{'s' if len(found) != 1 else ''} en {ALL_FILE} geschreven "
          f"naar {out}, gecontroleerd tegen publicatiestandaard {std.version} van het "
          "Algoritmeregister.", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("algoritmeregister",
                       help="schrijf de openbare algoritmes voor het landelijke "
                            "Algoritmeregister (gecontroleerd tegen publicatiestandaard 1.0)")
    p.add_argument("--uit", help=f"map voor de bestanden (standaard: {DEFAULT_FOLDER}/ in het "
                                 "project); de map wordt in zijn geheel vervangen")
    p.set_defaults(func=cmd_algoritmeregister)
