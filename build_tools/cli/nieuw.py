"""`datavisie nieuw ...`: a new content file or roadmap entry (staff/scaffold.py), or a whole
new project for a municipality (staff/municipality/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from build_tools.project import find_root
from build_tools.staff.scaffold import create


def cmd_nieuw(args: Any) -> int:
    root = find_root(Path(args.root))
    created = create(root, args.soort, args.naam, id=args.id, fase=getattr(args, "fase", None),
                     themas=tuple(getattr(args, "thema", None) or ()))
    print(created.message)
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
    from build_tools.staff.municipality import register as register_municipality

    register_municipality(kinds)
