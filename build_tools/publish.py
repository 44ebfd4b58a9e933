"""Atomic output: a build writes into a staging folder beside the real output and replaces it
only when everything succeeded, so a failed build never costs the last good site. Single
files (posters, cache entries, the theme's WOFF2) go through `write_atomic`."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """A fresh, empty folder on the same file system as `target` (so the swap is a rename)."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.bouw-", dir=target.parent))


def promote(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with renames only; the old output is removed afterwards."""
    target = target.resolve()
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.oud-", dir=target.parent))
        os.rename(target, old / "site")
    try:
        os.rename(staging, target)
    except OSError:
        if old is not None:
            os.rename(old / "site", target)
            shutil.rmtree(old, ignore_errors=True)
        raise
    os.chmod(target, 0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), 0o644)  # mkstemp makes 0600; published files are read by all
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
