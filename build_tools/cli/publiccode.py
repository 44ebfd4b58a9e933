"""`datavisie publiccode [--controleer]`: publiccode.yml from content/organisatie.yml
(views/publiccode.py makes the text)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tools.project import find_root


def cmd_publiccode(args: argparse.Namespace) -> int:
    from build_tools.content.load import load
    from build_tools.views.publiccode import FILE, publiccode_yml

    root = find_root(Path(args.root))
    text = publiccode_yml(load(root).organisatie)
    target = root / FILE
    if args.controleer:
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            print(f"{FILE} hoort niet bij content/organisatie.yml: draai `datavisie "
                  "publiccode` en zet het resultaat in git.", file=sys.stderr)
            return 1
        print(f"{FILE} hoort bij content/organisatie.yml.", file=sys.stderr)
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"{FILE} geschreven uit content/organisatie.yml.", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("publiccode", help="schrijf publiccode.yml uit content/organisatie.yml")
    p.add_argument("--controleer", action="store_true",
                   help="schrijf niets; meld (exit 1) als publiccode.yml niet meer klopt")
    p.set_defaults(func=cmd_publiccode)
