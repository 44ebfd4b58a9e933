"""`datavisie nieuw ...`: a new content file or roadmap entry (staff/scaffold.py), or a whole
new project for a municipality (staff/municipality/)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tools.project import find_root


def cmd_nieuw(args: argparse.Namespace) -> int:
    from build_tools.staff.scaffold import create

    root = find_root(Path(args.root))
    created = create(root, args.soort, args.naam, id=args.id, fase=getattr(args, "fase", None),
                     themas=tuple(getattr(args, "thema", None) or ()))
    print(created.message)
    return 0


def cmd_gemeente(args: argparse.Namespace) -> int:
    from build_tools.staff.municipality import create
    from build_tools.staff.municipality.files import PLACEHOLDER_PACKAGE

    dest = Path(args.uit)
    written = create(dest, args.naam, colour=args.kleur,
                     logo=Path(args.logo) if args.logo else None, site=args.site,
                     repo=args.repo, package=args.pakket)
    print(f"{len(written)} bestanden geschreven in {dest}.", file=sys.stderr)
    if not args.pakket:
        print(f"Vervang {PLACEHOLDER_PACKAGE} in README.md en de CI-bestanden door het adres "
              "van de datavisie-software (of gebruik --pakket).", file=sys.stderr)
    print(f"Volgende stap: cd {dest} && datavisie check (zegt wat er nog in te vullen is).",
          file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("nieuw", help="maak een nieuw project, thema, pagina of mijlpaal aan, "
                       "of een heel nieuw project voor een gemeente",
                       description="Maak een nieuw inhoudsbestand met alle velden en uitleg.")
    kinds = p.add_subparsers(dest="soort", metavar="SOORT")
    kinds.required = True
    helps = {
        "project": ("een nieuw project in content/projecten/", "naam van het project"),
        "mijlpaal": ("een nieuwe mijlpaal in content/routekaart.yml", "titel van de mijlpaal"),
        "thema": ("een nieuw thema in content/themas/", "titel van het thema"),
        "pagina": ("een nieuwe pagina in content/paginas/", "titel van de pagina"),
    }
    for name, (help_text, arg_help) in helps.items():
        k = kinds.add_parser(name, help=help_text)
        k.add_argument("naam", metavar="NAAM", help=arg_help + ' (tussen aanhalingstekens)')
        k.add_argument("--id", help="eigen id in plaats van het id dat uit de naam volgt")
        if name == "mijlpaal":
            k.add_argument("--fase", help="id van de fase (zie content/routekaart.yml)")
            k.add_argument("--thema", action="append",
                           help="id van een thema; herhaal voor meer thema's")
        k.set_defaults(func=cmd_nieuw)

    k = kinds.add_parser("gemeente", help="een compleet nieuw project voor een gemeente",
                         description="Maak een nieuw project: inhoud met plaatshouders, "
                                     "huisstijl, posters, mkdocs.yml, CI en een README.")
    k.add_argument("naam", metavar="NAAM", help='naam van de gemeente, bijvoorbeeld '
                                                '"Gemeente Zeedorp"')
    k.add_argument("--uit", required=True, metavar="MAP", help="nieuwe (lege) map")
    k.add_argument("--kleur", metavar="#RRGGBB", help="hoofdkleur van de huisstijl")
    k.add_argument("--logo", metavar="SVG", help="logo (SVG) met naam, voor de posters")
    k.add_argument("--site", metavar="URL", help="adres waarop de site komt")
    k.add_argument("--repo", metavar="URL", help="adres van de repository van dit project")
    k.add_argument("--pakket", metavar="URL",
                   help="git-adres van de datavisie-software, voor pip in README en CI")
    k.set_defaults(func=cmd_gemeente)
