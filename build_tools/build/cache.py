"""Content hashes that key what a build keeps in the cache folder between builds (our own
code, the libraries that draw, a folder of inputs, a file), the keys of the poster and raster
caches, and `Kept`, the small JSON map the keyed results are listed in. A key holds everything
the cached result was made of and is derived from it, never bumped by hand, so a hit is the
same result the work would give. What is kept, and on what, is listed in
docs/caches.md. Only `mkdocs serve` reads any of it (build/sitebuild.py)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from build_tools.build.publish import write_atomic

PACKAGE = Path(__file__).resolve().parents[1]  # build_tools/

# What is kept, under the project's cache folder (project.py: the plugin's `cache:`), each
# keyed below; docs/caches.md is the table.
POSTERS = "posters"  # rendered posters (raster_key files) and the JSON maps FIT and RENDERED
SOCIAL = "social"  # social cards (raster_key files) and the JSON map CARDS
FONTS = "fonts"  # WOFF2 conversions of fonts the theme does not ship (woff2_key files)
CHECKS = "checks"  # the JSON maps LEAK_VERDICTS and LINK_VERDICTS
FIT = "passend"  # poster_key("check_fit", ...) -> "past": these inputs fitted
RENDERED = "posters"  # poster_key("render_all", ...) -> per poster and format its raster_key
CARDS = "kaarten"  # card_key(...) -> the card's raster_key
LEAK_VERDICTS = "lekscan"  # leak_verdict_key(...) -> content hashes of files found clean
LINK_VERDICTS = "linkcontrole"  # link_verdict_key(...) -> [] when the folder was clean


def digest(*parts: str | bytes) -> str:
    """sha256 over the parts, each with its length (so no two part lists collide)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@lru_cache(maxsize=1)
def package_digest() -> str:
    """Every file of build_tools (modules, and the static CSS and JavaScript the site
    ships): a result depends on more modules than the one that makes it, and a key that
    missed one would serve a stale result."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file()
                   and "__pycache__" not in p.parts and p.suffix != ".pyc")
    return digest(*(f"{p.relative_to(PACKAGE).as_posix()}\n".encode() + p.read_bytes()
                    for p in files))


@lru_cache(maxsize=1)
def renderer_digest() -> str:
    """The libraries whose code decides a raster's or PDF's bytes: CairoSVG, cairocffi and
    Pillow (from their package metadata) and libcairo itself (its own version string, read
    through ctypes: importing cairocffi in the build process, where only the workers draw,
    would cost a third of a second per build)."""
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for name in ("cairosvg", "cairocffi", "pillow"):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} -")
    return digest(*parts, f"libcairo {_libcairo_version()}")


def _libcairo_version() -> str:
    import ctypes
    import ctypes.util

    for name in ("libcairo.so.2", ctypes.util.find_library("cairo") or "", "libcairo-2.dll"):
        if not name:
            continue
        try:
            found = ctypes.CDLL(name).cairo_version_string
        except (OSError, AttributeError):
            continue
        found.restype = ctypes.c_char_p
        return str(found().decode("ascii", "replace"))
    return "-"  # no libcairo: nothing is drawn either


def raster_key(svg: bytes, fmt: str, dpi: int, epoch: int, meta: object,
               fonts: list[bytes]) -> str:
    """A rendered PNG or PDF (views/posters/raster.py): our code, the renderer, the output's
    format, resolution, PDF date and metadata, the SVG and the fonts' bytes (their hashes)."""
    return digest("raster", package_digest(), renderer_digest(), fmt, str(dpi), str(epoch),
                  repr(meta), svg, *fonts)


def poster_context_key(style: object, folder: Path, fonts: str, epoch: int, *,
                       renderer: bool = True) -> str:
    """Everything a poster or card is made of but the model: code, the poster folder
    (definitions and templates), house style, fonts, PDF date, and the renderer
    (`renderer=False` for what only lays out, which the renderer plays no part in)."""
    return digest("poster", package_digest(), renderer_digest() if renderer else "layout",
                  tree_digest(folder), fonts, repr(style), str(epoch))


def poster_key(context: str, model_digest: str, *what: str) -> str:
    """What `check_fit` or `render_all` did with the posters of a model: the poster context,
    the whole model's digest, and the call's own options (`what`)."""
    return digest(*what, context, model_digest)


def card_key(context: str, title: str, subtitle: str, section: str) -> str:
    """A social card: the poster context with the masthead, and the card's texts."""
    return digest("kaart", context, title, subtitle, section)


def woff2_key(data: bytes) -> str:
    """A font converted to WOFF2: its bytes and the fontTools that converts it."""
    import fontTools

    return digest("woff2", data, str(fontTools.version))


def leak_verdict_key(needles: Iterable[str], literal: Iterable[str], structure: str) -> str:
    """The leak scan's verdicts: our code and every rule of the scan (gate/leaks.py)."""
    return digest(package_digest(), "needles", *needles, "literal", *literal,
                  "structure", structure)


def link_verdict_key(base_path: str, entries: Iterable[str]) -> str:
    """The link check's verdict on a folder: our code, the site's base path, every file's
    name and every page's content hash (`entries`)."""
    return digest(package_digest(), base_path, *entries)


def tree_digest(folder: Path) -> str:
    """Every entry under `folder`: names, file bytes, symbolic links as links (not followed).
    A missing folder has a digest too."""
    if not folder.is_dir():
        return digest("missing", str(folder))
    parts: list[bytes] = []
    for base, dirs, names in os.walk(folder):
        dirs.sort()
        here = Path(base)
        for name in sorted([*names, *(d for d in dirs if (here / d).is_symlink())]):
            path = here / name
            rel = path.relative_to(folder).as_posix().encode()
            if path.is_symlink():
                parts.append(b"L" + rel + b"\0" + os.readlink(path).encode())
            elif path.is_file():
                parts.append(b"F" + rel + b"\0" + path.read_bytes())
            else:
                parts.append(b"O" + rel)
    return digest(*parts)


def file_sha256(path: Path) -> bytes:
    """A file's sha256, once per process and file version (a font is asked for by every
    poster, card and page)."""
    stat = path.stat()
    return _file_sha256(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _file_sha256(path: str, mtime_ns: int, size: int) -> bytes:
    del mtime_ns, size  # part of the memo key only
    return hashlib.sha256(Path(path).read_bytes()).digest()


class Digests:
    """A memo of digests of large immutable values (a model's text is 12 MB at 5,000
    projects), held by the build that asks for them more than once (build/sitebuild.py) and
    gone with it. Keyed on identity: the memo holds each value, so an id is never reused while
    it is here, and the values are frozen, so a value's digest cannot change."""

    def __init__(self) -> None:
        self.made: list[tuple[object, str]] = []

    def of(self, value: object) -> str:
        for kept, found in self.made:
            if kept is value:
                return found
        found = digest(repr(value))
        self.made.append((value, found))
        return found


class Kept:
    """A small JSON map kept in a cache folder: input key -> what was made of it. Saved with
    only the entries this build used, so it never grows beyond one build's worth. Without a
    cache folder nothing is kept."""

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
        # a cache that cannot be written (a read-only checkout) only costs time
        with contextlib.suppress(OSError):
            write_atomic(self.file, json.dumps(self.used, sort_keys=True).encode("utf-8"))
