"""`datavisie lettertypen`: the WOFF2 files the website uses, written beside the house style's
fonts in theme/fonts/ (housestyle/fonts.py makes them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tools.project import find_root


def cmd_lettertypen(args: argparse.Namespace) -> int:
    from build_tools.content.yamlio import os_reason
    from build_tools.errors import UserError
    from build_tools.housestyle.css import load_style
    from build_tools.housestyle.fonts import write_shipped_woff2

    root = find_root(Path(args.root))
    style = load_style(root / "theme", root)  # house-style errors: path:line:col, exit 1
    try:
        written, removed = write_shipped_woff2([f.path for f in style.fonts.faces()])
    except OSError as exc:
        raise UserError(f"{exc.filename or 'theme/fonts'}: {os_reason(exc)} (mag de map "
                        "theme/fonts/ beschreven worden?)") from None
    for path in removed:
        print(f"verwijderd: {path.relative_to(root)} (van een eerdere versie van de letter)",
              file=sys.stderr)
    for path in written:
        print(f"geschreven: {path.relative_to(root)}", file=sys.stderr)
    if not written and not removed:
        print("Alle letters hebben hun WOFF2 al; er is niets veranderd.", file=sys.stderr)
    else:
        print("Zet de nieuwe bestanden in git: de website gebruikt ze zonder ze bij elke bouw "
              "opnieuw te maken.", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("lettertypen", help="maak de WOFF2-bestanden voor de website naast de "
                       "letters in theme/fonts/ (na het vervangen van een letter)")
    p.set_defaults(func=cmd_lettertypen)
