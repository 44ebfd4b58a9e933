"""Keys for what posters and social cards are made of, so that a build whose inputs did not
change lays nothing out again.

The raster cache (raster.py) is keyed by the SVG: to find a cached PNG, the SVG must be laid
out first, which for 1,000 social cards is seconds of every build. Here the key is the inputs
instead: our code, the poster definitions and templates, the house style, the fonts, the date
stamped in PDFs, and what of the model the output shows (the whole model for a poster, the
`Masthead` and the card's texts for a card). A `Kept` map (cachekeys.py) holds, per such
key, the raster cache's key for the result, so a code change that leaves the SVG as it was
still finds its PNG in the raster cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from build_tools.build.cache import digest, file_sha256, poster_context_key
from build_tools.housestyle.tokens import Style


def fonts_digest(fonts: Sequence[Path]) -> str:
    return digest(*(file_sha256(p) for p in sorted(fonts)))


def context_key(style: Style, folder: Path, fonts: Sequence[Path], epoch: int, *,
                renderer: bool = True) -> str:
    """Everything but the model (build/cache.py, poster_context_key)."""
    return poster_context_key(style, folder, fonts_digest(fonts), epoch, renderer=renderer)
