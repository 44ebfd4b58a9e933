"""`datavisie schema [--uit MAP] [--editor]`: JSON Schemas for editors, and the editor mapping
that points at them (staff/editor_schemas.py makes both)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from build_tools.project import find_root


def cmd_schema(args: argparse.Namespace) -> int:
    from build_tools.staff.editor_schemas import (
        FILE_TYPES,
        SCHEMA_DIR,
        vscode_extensions,
        vscode_settings,
        write,
    )
    from build_tools.staff.editor_site_schemas import SITE_FILE_TYPES

    root = find_root(Path(args.root))
    out = Path(args.uit) if args.uit else root / SCHEMA_DIR
    written = write(out)
    n = len(FILE_TYPES) + len(SITE_FILE_TYPES)
    print(f"{n} JSON-schema's in {out} ({len(written)} bijgewerkt).")
    if args.editor:
        for name, make in (("settings.json", vscode_settings),
                           ("extensions.json", vscode_extensions)):
            path = root / ".vscode" / name
            current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(make(current), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
            print(f"Editorkoppeling bijgewerkt: {path}")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("schema", help="schrijf JSON-schema's voor editors (aanvullen, fouten)",
                       description="Schrijf een JSON-schema per soort inhoudsbestand, gemaakt "
                                   "uit het inhoudsmodel.")
    p.add_argument("--uit", metavar="MAP", help="map voor de schema's (standaard: schemas/)")
    p.add_argument("--editor", action="store_true",
                   help="werk ook .vscode/settings.json bij (yaml.schemas)")
    p.set_defaults(func=cmd_schema)
