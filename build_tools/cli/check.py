"""`datavisie check`: everything a build would refuse, short of rendering and reading git
(build/check.py does the work)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tools.audience import AUDIENCES, PUBLIC
from build_tools.errors import EXIT_CONTENT, EXIT_OK, count_label, errors_in, format_issues
from build_tools.project import find_root


def cmd_check(args: argparse.Namespace) -> int:
    """Everything a build would refuse, short of rendering and reading git (build/check.py).
    Warnings are reported with the errors; they fail the check only with `--strict`."""
    from build_tools.build.check import check_project

    root = find_root(Path(args.root))
    checked = check_project(root, args.doelgroep, peildatum=args.peildatum)
    issues = checked.issues
    failing = issues if args.strict else errors_in(issues)
    if args.format == "text":
        if issues:
            print(format_issues(issues), file=sys.stdout)
    elif issues or args.format in ("json", "gitlab"):
        print(format_issues(issues, args.format) if issues else "[]")
    if failing:
        if args.format == "text":
            why = (" Met --strict tellen waarschuwingen als fout." if not errors_in(issues)
                   else " Los de fouten op en probeer het opnieuw.")
            print(f"\n{count_label(issues)} gevonden.{why}", file=sys.stderr)
        return EXIT_CONTENT
    model = checked.model
    assert model is not None
    if args.format == "text":
        warned = f", met {count_label(issues)}" if issues else ""
        print(f"{checked.what} in orde{warned}: {len(model.themas)} thema's, "
              f"{len(model.routekaart.mijlpalen)} mijlpalen, {len(model.projecten)} projecten, "
              f"{len(model.paginas)} pagina's (doelgroep: {args.doelgroep}).", file=sys.stderr)
    return EXIT_OK


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="controleer de inhoud in content/")
    p.add_argument("--doelgroep", choices=AUDIENCES, default=PUBLIC,
                   help="voor wie de site is (standaard: publiek)")
    p.add_argument("--format", choices=("text", "json", "github", "gitlab"), default="text",
                   help="uitvoer: tekst, JSON voor programma's, GitHub-annotaties of een "
                        "GitLab-codekwaliteitsrapport")
    p.add_argument("--strict", action="store_true",
                   help="waarschuwingen tellen als fout (exit 1), bijvoorbeeld in CI")
    p.add_argument("--peildatum", metavar="JJJJ-MM-DD",
                   help="de dag waarop je kijkt wat verouderd is (standaard: de stand van de "
                        "inhoud; in CI bijvoorbeeld de dag van vandaag)")
    p.set_defaults(func=cmd_check)
