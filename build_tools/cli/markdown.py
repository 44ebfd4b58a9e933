"""`datavisie markdown --uit MAP`: the site as plain Markdown files and an mkdocs.yml, for
another site builder (views/website/folder.py writes them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from build_tools.audience import AUDIENCES, PUBLIC
from build_tools.project import find_root


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

    project = Project.load(find_root(Path(args.root)))
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


def register(sub: Any) -> None:
    p = sub.add_parser("markdown", help="schrijf de site als gewone Markdown-bestanden "
                       "(voor een andere site-bouwer)")
    p.add_argument("--uit", required=True, help="map waarin de bestanden komen")
    p.add_argument("--doelgroep", choices=AUDIENCES, default=PUBLIC,
                   help="voor wie de site is (standaard: publiek)")
    p.set_defaults(func=cmd_markdown)
