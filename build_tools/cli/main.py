"""The `datavisie` command: what MkDocs has no verb for (check, posters, versions, changes,
scaffolding). Every subcommand is a thin edge over the same core the MkDocs plugin uses.

Exit codes tell who must act: 0 done; 1 content errors (the author fixes them); 2 internal
content found in public output (publishing stops); 3 internal error (a maintainer fixes it).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from build_tools.audience import AUDIENCES, PUBLIC
from build_tools.errors import (
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_LEAK,
    EXIT_OK,
    ContentError,
    LeakError,
    UserError,
    count_label,
    errors_in,
    format_issues,
)
from build_tools.project import find_root

__all__ = ["find_root", "main"]

Command = Callable[[argparse.Namespace], int]

def cmd_check(args: argparse.Namespace) -> int:
    """Everything a build would refuse, short of rendering and reading git (projectcheck.py).
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="datavisie",
        description="Controleer en publiceer de datavisie: inhoud, posters, versies en "
                    "wijzigingen.",
    )
    parser.add_argument("--root", default=".", help="map van het project (standaard: hier)")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    sub.required = True

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

    for register in _EXTENSIONS:
        register(sub)
    return parser


# Other modules add their subcommands here (posters, versions, changes, scaffolding).
_EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []  # type: ignore[type-arg]


def _load_extensions() -> None:
    import importlib

    for name in ("build_tools.cli.commands",):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        # main() may run more than once in one process (tests, tools): register once
        _EXTENSIONS.extend(r for r in module.REGISTER if r not in _EXTENSIONS)


def main(argv: Sequence[str] | None = None) -> int:
    _load_extensions()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except ContentError as exc:
        print(format_issues(exc.issues), file=sys.stdout)
        return EXIT_CONTENT
    except UserError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    except LeakError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_LEAK
    except KeyboardInterrupt:
        return 130
    except Exception:  # a programming error: show the traceback, for a maintainer
        traceback.print_exc()
        print("\nInterne fout in datavisie (geen fout in de inhoud). Meld dit bij de beheerders.",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
