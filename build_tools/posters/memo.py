"""Keys for what posters and social cards are made of, so that a build whose inputs did not
change lays nothing out again.

The raster cache (raster.py) is keyed by the SVG: to find a cached PNG, the SVG must be laid
out first, which for 1,000 social cards is seconds of every build. Here the key is the inputs
instead: our code, the poster definitions and templates, the house style, the fonts, the date
stamped in PDFs, and what of the model the output shows (the whole model for a poster, the
`Masthead` and the card's texts for a card). A `Manifest` maps such a key to the raster
cache's key for the result, so a code change that leaves the SVG as it was still finds its
PNG in the raster cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..cachekeys import digest, package_digest, tree_digest
from ..tokens import Style
from .raster import RENDER_REVISION, _cairosvg_version, _file_digest


def folder_digest(folder: Path) -> str:
    """The poster definitions and templates (every file of the folder)."""
    return tree_digest(folder)


def fonts_digest(fonts: Sequence[Path]) -> str:
    parts = []
    for p in sorted(fonts):
        stat = p.stat()
        parts.append(_file_digest(str(p), stat.st_mtime_ns, stat.st_size))
    return digest(*parts)


def context_key(style: Style, folder: Path, fonts: Sequence[Path], epoch: int) -> str:
    """Everything but the model: code, definitions, house style, fonts, PDF date, renderer."""
    return digest(f"datavisie-poster-{RENDER_REVISION}", _cairosvg_version(), package_digest(),
                  folder_digest(folder), fonts_digest(fonts), repr(style), str(epoch))


class Manifest:
    """A small JSON map kept in the cache folder: input key -> what was made of it. Saved with
    only the entries this build used, so it never grows beyond one build's worth."""

    def __init__(self, cache_dir: Path | None, name: str) -> None:
        self.file = cache_dir / f"{name}.json" if cache_dir is not None else None
        self.stored: dict[str, object] = {}
        self.used: dict[str, object] = {}
        if self.file is not None and self.file.is_file():
            try:
                stored = json.loads(self.file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                stored = None
            if isinstance(stored, dict):
                self.stored = stored

    def get(self, key: str) -> object | None:
        value = self.stored.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: object) -> None:
        self.used[key] = value

    def save(self) -> None:
        if self.file is None or self.used == self.stored:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.used, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.file)
