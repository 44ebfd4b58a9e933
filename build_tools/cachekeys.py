"""Content hashes that key what a build keeps in `.cache/datavisie/` between builds: our own
code, a folder of inputs. A key holds everything the cached result was made of, so a hit
is the same result the work would give (README, "Speed and scale")."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # build_tools/


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
    """Every module of build_tools: a result depends on more modules than the one that
    makes it, and a key that missed one would serve a stale result."""
    files = sorted(PACKAGE.rglob("*.py"))
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
