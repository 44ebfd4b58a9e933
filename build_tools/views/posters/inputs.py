"""What posters and social cards are made from besides the model and the style: the poster
folder's definitions (read and checked once per content of the folder), the fonts the
workers' fontconfig knows, and the date stamped in PDFs."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from build_tools.build.cache import tree_digest
from build_tools.content.model import Datavisie
from build_tools.errors import Issue, raise_for_errors
from build_tools.housestyle.tokens import Style
from build_tools.views.posters.layout import read_definitions
from build_tools.views.posters.paper import PosterDef
from build_tools.views.posters.render import DEFAULT_DIR


def definitions(posters_dir: Path | None) -> tuple[list[PosterDef], list[Issue]]:
    """The poster folder's definitions and their issues. A build asks for them in
    `check_fit`, `poster_list`, `render_all` and `social_cards`: read and checked once per
    content of the folder (its files' bytes, templates included, are the memo key)."""
    folder = posters_dir or DEFAULT_DIR
    defs, issues = _read_definitions(folder, tree_digest(folder))
    return list(defs), list(issues)


@lru_cache(maxsize=8)
def _read_definitions(folder: Path, content: str) -> tuple[tuple[PosterDef, ...],
                                                           tuple[Issue, ...]]:
    del content  # part of the memo key only
    defs, issues = read_definitions(folder, folder.parent)
    return tuple(defs), tuple(issues)


def checked_definitions(posters_dir: Path | None) -> list[PosterDef]:
    defs, issues = definitions(posters_dir)
    raise_for_errors(issues)  # warnings are check_fit's to report
    return defs


def pdf_epoch(model: Datavisie) -> int:
    """The date stamped in PDFs: SOURCE_DATE_EPOCH, else the content's 'stand per' date."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    if model.stand is not None:
        return int(datetime(model.stand.year, model.stand.month, model.stand.day,
                            tzinfo=UTC).timestamp())
    return 0


def font_paths(style: Style) -> list[Path]:
    """The house fonts and the fallback fonts: what the workers' fontconfig knows."""
    return [*(f.path.resolve() for f in style.fonts.faces()),
            *(p.resolve() for p in style.fonts.reserve)]
