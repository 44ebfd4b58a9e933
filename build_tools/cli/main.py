"""The `datavisie` command: what MkDocs has no verb for (check, posters, versions, changes,
scaffolding). Every subcommand is a thin edge over the same core the MkDocs plugin uses.

Exit codes tell who must act: 0 done; 1 content errors (the author fixes them); 2 internal
content found in public output (publishing stops); 3 internal error (a maintainer fixes it).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence

from build_tools.cli import (
    algoritmeregister,
    bouw,
    check,
    lettertypen,
    markdown,
    nieuw,
    posters,
    publiccode,
    schema,
    versies,
    wijzigingen,
)
from build_tools.errors import (
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_LEAK,
    ContentError,
    LeakError,
    UserError,
    format_issues,
)

__all__ = ["COMMANDS", "build_parser", "main"]

# Every command, in the order `datavisie --help` lists them. Each module holds its `cmd_*`
# functions and a `register(sub)` that adds its subparser (versies adds `versies` and `versie`);
# the work itself is imported when a command runs, so `--help` stays light.
COMMANDS = (check, versies, wijzigingen, nieuw, schema, markdown, lettertypen, posters,
            algoritmeregister, bouw, publiccode)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="datavisie",
        description="Controleer en publiceer de datavisie: inhoud, posters, versies en "
                    "wijzigingen.",
    )
    parser.add_argument("--root", default=".", help="map van het project (standaard: hier)")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    sub.required = True
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
