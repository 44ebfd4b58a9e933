"""`datavisie versies` and `datavisie versie vaststellen`: the versions of the vision and their
decisions (history/texts.py), and recording a new decision as a version and git tag
(history/adopt.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tools.project import find_root


def cmd_versies(args: argparse.Namespace) -> int:
    from build_tools.content.load import load
    from build_tools.history.texts import attach, status

    root = find_root(Path(args.root))
    model, notes = attach(load(root), root)
    for note in notes:
        print(f"waarschuwing: {note}", file=sys.stderr)
    found = {t.versie for t in model.geschiedenis}
    st = status(model)
    for v in model.versies:
        besluit = f"{v.besluit.orgaan} {v.besluit.kenmerk}" if v.besluit else "-"
        tekst = "tekst in git" if v.versie in found else (
            "huidige tekst" if v.status == "concept" else "tekst niet gevonden")
        print(f"{v.versie:<8} {v.datum.text:<11} {v.status:<20} {besluit:<28} {tekst}")
    if st.missing is not None:
        print(f"\nDe tekst van versie {st.missing.versie} is niet gevonden: de site toont de "
              "huidige tekst als concept.")
    elif st.adopted is None:
        print("\nEr is nog geen vastgestelde versie: de hele visie is een concept.")
    elif st.concept:
        print(f"\nDe huidige tekst wijkt af van versie {st.adopted.versie}: dat is een concept.")
    return 0


def cmd_vaststellen(args: argparse.Namespace) -> int:
    from build_tools.history.adopt import adopt

    root = find_root(Path(args.root))
    message = adopt(root, versie=args.versie, orgaan=args.orgaan, datum=args.datum,
                    kenmerk=args.kenmerk, url=args.url, samenvatting=args.samenvatting)
    print(message)
    return 0


def register(sub: Any) -> None:
    """Two commands: `versies` (the list) and `versie` (its actions)."""
    p = sub.add_parser("versies", help="toon de versies van de visie en hun besluiten")
    p.set_defaults(func=cmd_versies)

    p = sub.add_parser("versie", help="werk met versies (vaststellen)")
    vsub = p.add_subparsers(dest="versie_command", metavar="ACTIE")
    vsub.required = True
    v = vsub.add_parser("vaststellen", help="leg een besluit vast: nieuwe versie + git-tag")
    v.add_argument("versie", help='versienummer, bijvoorbeeld "1.1"')
    v.add_argument("--orgaan", required=True, choices=("mt", "college", "gemeenteraad"),
                   help="wie besloot")
    v.add_argument("--datum", required=True, help="datum van het besluit (2024-03-01)")
    v.add_argument("--kenmerk", required=True, help="kenmerk van het besluit")
    v.add_argument("--url", help="adres van het openbare besluit")
    v.add_argument("--samenvatting", help="wat er veranderde, voor lezers")
    v.set_defaults(func=cmd_vaststellen)
