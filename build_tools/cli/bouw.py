"""`datavisie bouw`: the site build as a publishing step (build/site.py runs MkDocs and turns
the way it ended into the exit code)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from build_tools.audience import AUDIENCES
from build_tools.build.site import INTERNAL_DEFAULT_DIR
from build_tools.project import find_root


def cmd_bouw(args: argparse.Namespace) -> int:
    from build_tools.build.site import build

    # Without --strict or --niet-strikt: MkDocs' own warnings fail the build (as always),
    # content warnings are reported and publish. --strict: both fail. --niet-strikt: neither.
    return build(find_root(Path(args.root)), audience=args.doelgroep, out=args.uit,
                 strict=args.strict is not False, warnings_fail=bool(args.strict),
                 peildatum=args.peildatum, preview=args.voorbeeld)


def register(sub: Any) -> None:
    p = sub.add_parser("bouw", help="bouw de site (zoals mkdocs build) en controleer of er "
                                    "niets interns in staat")
    p.add_argument("--doelgroep", choices=AUDIENCES, default=None,
                   help="voor wie de site is (standaard: wat mkdocs.yml zegt, meestal publiek)")
    p.add_argument("--uit", default=None,
                   help=f"map voor de site (standaard: site_dir uit mkdocs.yml; voor de interne "
                        f"site {INTERNAL_DEFAULT_DIR}/)")
    p.add_argument("--peildatum", metavar="JJJJ-MM-DD",
                   help="de dag waarop je kijkt wat verouderd is (standaard: de stand van de "
                        "inhoud)")
    p.add_argument("--voorbeeld", action="store_true",
                   help="een voorbeeld dat ook werkt als map op je eigen computer (file://), "
                        "met zoeken; zonder versiekeuze")
    strict = p.add_mutually_exclusive_group()
    strict.add_argument("--strict", dest="strict", action="store_true", default=None,
                        help="ook waarschuwingen over de inhoud (W-codes) laten de bouw "
                             "mislukken (standaard: alleen fouten, en meldingen van MkDocs)")
    strict.add_argument("--niet-strikt", dest="strict", action="store_false",
                        help="geen enkele waarschuwing laat de bouw mislukken")
    p.set_defaults(func=cmd_bouw)
