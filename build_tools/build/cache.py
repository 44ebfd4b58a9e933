"""Content hashes that key what a build keeps in `.cache/datavisie/` between builds (our own
code, a folder of inputs, a file), and `Kept`, the small JSON map the keyed results are
listed in. A key holds everything the cached result was made of, so a hit is the same result
the work would give (README, "What a build keeps between builds")."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from build_tools.build.publish import write_atomic

PACKAGE = Path(__file__).resolve().parents[1]  # build_tools/


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
