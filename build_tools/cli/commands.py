"""Subcommands of `datavisie` beyond `check`. Each registers itself on the argparse subparsers;
the work happens in the domain modules (history, changes, scaffold, posters, site)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Register = Callable[[Any], None]


def _root(args: argparse.Namespace) -> Path:
    from build_tools.cli.main import find_root

    return find_root(Path(args.root))


# --- versions ----------------------------------------------------------------------------

def cmd_versies(args: argparse.Namespace) -> int:
    from build_tools.content.load import load
    from build_tools.history.texts import attach, status

    root = _root(args)
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

    root = _root(args)
    message = adopt(root, versie=args.versie, orgaan=args.orgaan, datum=args.datum,
                    kenmerk=args.kenmerk, url=args.url, samenvatting=args.samenvatting)
    print(message)
    return 0


def register_versions(sub: Any) -> None:
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


REGISTER: list[Register] = [register_versions]


def register_staff(sub: Any) -> None:
    """wijzigingen, nieuw, schema: the staff workflow (cli/wijzigingen.py, cli/nieuw.py,
    staff/editor_schemas.py)."""
    from build_tools.cli import nieuw
    from build_tools.cli import wijzigingen as changes_cli
    from build_tools.staff import editor_schemas as jsonschema_export

    for module in (changes_cli, nieuw, jsonschema_export):
        module.register(sub)


REGISTER.append(register_staff)


def cmd_markdown(args: argparse.Namespace) -> int:
    from html import escape

    from build_tools.build import cache, outputdir, publish
    from build_tools.build.inputs import read_site_inputs
    from build_tools.errors import UserError
    from build_tools.history.revisions import milestone_revisions
    from build_tools.project import Project
    from build_tools.views.downloads import export_files
    from build_tools.views.website import SiteContext, build_site
    from build_tools.views.website.context import TEMPLATES, site_name
    from build_tools.views.website.figures import site_figures
    from build_tools.views.website.folder import mkdocs_config, write_folder

    project = Project.load(_root(args))
    root = project.root
    out = Path(args.uit).resolve()
    refused = outputdir.refusal(out, root)
    if refused:
        raise UserError(f"--uit {args.uit} {refused}. Er is niets geschreven.")
    inputs = read_site_inputs(project, audience=args.doelgroep)
    for note in inputs.notes:
        print(f"waarschuwing: {note}", file=sys.stderr)
    model, style = inputs.model, inputs.style
    revisions = milestone_revisions(root, model.routekaart.path)
    ctx = SiteContext(model=model, style=style, figures=site_figures(),
                      font_cache=project.cache_dir / cache.FONTS,
                      published=revisions.made.date() if revisions.made else None)
    site = build_site(ctx)
    # content, escaped: Material prints site_name unescaped
    config = mkdocs_config(site, site_name=escape(site_name(model)),
                           site_url=model.organisatie.site_url, custom_dir=str(TEMPLATES))
    # written beside the folder and swapped in whole, as a site build does (publish.py)
    staging = publish.staging_dir(out)
    try:
        written = write_folder(site, staging, files=export_files(model, revisions),
                               config=config)
        publish.promote(staging, out)
    except BaseException:
        publish.discard(staging)
        raise
    print(f"{len(site.pages)} pagina's en {len(written) - len(site.pages) - 1} andere bestanden "
          f"geschreven naar {out}. Bouw met: mkdocs build -f {out / 'mkdocs.yml'}",
          file=sys.stderr)
    return 0


def register_markdown(sub: Any) -> None:
    from build_tools.audience import AUDIENCES, PUBLIC

    p = sub.add_parser("markdown", help="schrijf de site als gewone Markdown-bestanden "
                       "(voor een andere site-bouwer)")
    p.add_argument("--uit", required=True, help="map waarin de bestanden komen")
    p.add_argument("--doelgroep", choices=AUDIENCES, default=PUBLIC,
                   help="voor wie de site is (standaard: publiek)")
    p.set_defaults(func=cmd_markdown)


REGISTER.append(register_markdown)


def cmd_lettertypen(args: argparse.Namespace) -> int:
    from build_tools.content.yamlio import os_reason
    from build_tools.errors import UserError
    from build_tools.housestyle.css import load_style
    from build_tools.housestyle.fonts import write_shipped_woff2

    root = _root(args)
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


def register_fonts(sub: Any) -> None:
    p = sub.add_parser("lettertypen", help="maak de WOFF2-bestanden voor de website naast de "
                       "letters in theme/fonts/ (na het vervangen van een letter)")
    p.set_defaults(func=cmd_lettertypen)


REGISTER.append(register_fonts)


def cmd_posters(args: argparse.Namespace) -> int:
    from build_tools.cli.posters import cmd_posters as run

    return run(args)


def register_posters(sub: Any) -> None:
    p = sub.add_parser("posters", help="maak de posters (SVG, PNG, PDF) zonder de site te bouwen")
    p.add_argument("--formaat", default="svg,png,pdf",
                   help="welke formaten, met komma's (standaard: svg,png,pdf)")
    p.add_argument("--dpi", type=int, default=150,
                   help="beeldpunten per inch voor PNG (standaard 150; 300 voor drukwerk)")
    p.add_argument("--uit", help="map voor de posters (standaard: site/posters)")
    p.add_argument("--geen-cache", action="store_true",
                   help="maak alles opnieuw, ook wat niet veranderd is")
    p.add_argument("--drukwerk", action="store_true",
                   help="ook een PDF voor de drukker: 3 mm afloop en snijtekens "
                        "(<poster>-drukwerk.pdf)")
    p.set_defaults(func=cmd_posters)


REGISTER.append(register_posters)


def register_algorithm_register(sub: Any) -> None:
    from build_tools.cli import algoritmeregister as command

    command.register(sub)


REGISTER.append(register_algorithm_register)


def register_build(sub: Any) -> None:
    from build_tools.build.site import register

    register(sub)


REGISTER.append(register_build)


def register_publiccode(sub: Any) -> None:
    p = sub.add_parser("publiccode", help="schrijf publiccode.yml uit content/organisatie.yml")
    p.add_argument("--controleer", action="store_true",
                   help="schrijf niets; meld (exit 1) als publiccode.yml niet meer klopt")
    p.set_defaults(func=lambda args: _run("publiccode", "cmd_publiccode", args))


def _run(module: str, name: str, args: argparse.Namespace) -> int:
    """A command whose module is imported only when it runs."""
    import importlib

    found: int = getattr(importlib.import_module(f"build_tools.{module}"), name)(args)
    return found


REGISTER.append(register_publiccode)
