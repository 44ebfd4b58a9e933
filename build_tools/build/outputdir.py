"""Which folder a build may write its output into. A build replaces its output folder as a
whole (publish.promote), so a wrong folder would cost whatever it held: `--uit .` would
replace the whole checkout, `.git` included. Refused, before anything is written:

- the project root and every folder above it;
- the project's own folders (`content/`, `theme/`, `posters/`, `build_tools/`, `.git/`, and
  the content and house-style folders mkdocs.yml names) and anything inside them;
- an existing file, and a folder that is not empty and is not an earlier output of ours.

An earlier output is recognised by what only our builds write, so no marker file is needed
(nothing extra is published, and outputs of earlier versions are recognised too): a site
holds `index.html` and our own stylesheet and script under `assets/`; a Markdown folder
(`datavisie markdown`) holds `mkdocs.yml` and the same under `docs/`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PROJECT_FOLDERS = ("content", "theme", "posters", "build_tools", ".git")
# written by every site build (website/assets.py: STATIC)
SITE_SIGNATURE = ("index.html", "assets/javascripts/datavisie.js",
                  "assets/stylesheets/datavisie.css")
MARKDOWN_SIGNATURE = ("mkdocs.yml", "docs/index.md", "docs/assets/javascripts/datavisie.js")


def is_earlier_output(folder: Path) -> bool:
    """Whether `folder` holds a site or a Markdown folder one of our builds wrote."""
    return any(all((folder / p).is_file() and not (folder / p).is_symlink() for p in sig)
               for sig in (SITE_SIGNATURE, MARKDOWN_SIGNATURE))


def refusal(target: Path, root: Path, *, also: Iterable[Path] = ()) -> str | None:
    """Why `target` may not be the output folder of the project at `root` (Dutch, to follow
    the name of the setting), or None when it may. `also`: more folders of the project
    (the content and house-style folders mkdocs.yml names)."""
    out = Path(os.path.abspath(target)).resolve()
    root = root.resolve()
    if out == root or root.is_relative_to(out):
        return ("is de projectmap of een map daarboven: de bouw vervangt de hele uitvoermap en "
                "zou het project wissen. Kies een eigen map, bijvoorbeeld `site`")
    for folder in sorted({(root / f).resolve() for f in PROJECT_FOLDERS}
                         | {Path(os.path.abspath(f)).resolve() for f in also}):
        if folder != root and (out == folder or out.is_relative_to(folder)):
            name = folder.relative_to(root).as_posix() if folder.is_relative_to(root) \
                else str(folder)
            return (f"ligt in {name}/, een map van het project die de bouw zou vervangen. "
                    "Kies een map buiten content/, theme/, posters/, build_tools/ en .git/, "
                    "bijvoorbeeld `site`")
    if out.exists() and not out.is_dir():
        return "is een bestand, geen map. Kies een nieuwe of lege map"
    if out.is_dir():
        try:
            empty = next(out.iterdir(), None) is None
        except OSError as exc:
            return f"kan niet gelezen worden ({exc.strerror})"
        if not empty and not is_earlier_output(out):
            return ("is niet leeg en bevat geen eerdere uitvoer van datavisie: de bouw zou "
                    "alles erin vervangen. Kies een nieuwe of lege map, of maak deze map eerst "
                    "zelf leeg")
    return None
