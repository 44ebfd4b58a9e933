"""`datavisie posters`: render every poster without building the site (a thin edge)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from build_tools.errors import UserError, raise_for_errors
from build_tools.project import find_root


def cmd_posters(args: argparse.Namespace) -> int:
    """The posters of the project, with the build's folders (project.py): its poster
    definitions, its cache under the plugin's `cache:`, and by default its published site's
    `posters/`. A wrong argument is the author's to fix (exit 1), never the leak code."""
    from build_tools.build.cache import POSTERS, Digests
    from build_tools.build.inputs import read_inputs
    from build_tools.project import Project
    from build_tools.views.posters import FORMATS, check_fit, render_all

    formats = tuple(f.strip() for f in args.formaat.split(",") if f.strip())
    if getattr(args, "drukwerk", False) and "drukwerk" not in formats:
        formats += ("drukwerk",)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UserError(f"onbekend formaat: {', '.join(unknown) or '(leeg)'}; kies uit "
                        f"{', '.join(FORMATS)}")
    if not 10 <= args.dpi <= 600:
        raise UserError("--dpi moet tussen 10 en 600 liggen")
    project = Project.load(find_root(Path(args.root)))
    model, style = read_inputs(project)
    posters_dir = project.posters_dir
    cache = None if args.geen_cache else project.cache_dir / POSTERS
    digests = Digests()  # the model's digest, once for both keys
    for warning in raise_for_errors(check_fit(model, style, posters_dir=posters_dir,
                                              cache_dir=cache, digests=digests)):
        print(warning.format(), file=sys.stderr)
    out = Path(args.uit) if args.uit else project.published_dir / "posters"
    start = time.perf_counter()
    files = render_all(model, style, out_dir=out, formats=formats, dpi=args.dpi,
                       cache_dir=cache, posters_dir=posters_dir, digests=digests)
    for f in files:
        made = ", ".join(f"{fmt} {sec:.1f}s" for fmt, sec in f.seconds.items() if fmt != "svg")
        print(f"{f.name:<32} {made or 'uit de cache'}", file=sys.stderr)
    print(f"{len(files)} posters in {out} ({time.perf_counter() - start:.1f}s)", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
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
