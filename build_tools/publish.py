"""Atomic output: a build writes into a staging folder beside the real output and replaces it
only when everything succeeded, so a failed build never costs the last good site."""

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
