"""Atomic output: a build writes into a staging folder beside the real output and replaces it
only when everything succeeded, so a failed build never costs the last good site. Single
files (posters, cache entries, the theme's WOFF2) go through `write_atomic`.

Folders a build works in (the staging folder, the old output while it is swapped out, the
rasteriser's font folder) are locked (`flock`) by the process that made them for as long as
it uses them. A build killed before it could remove them leaves them unlocked; the next build
that works beside them removes them (`clean_stale`): only folders with our names, owned by
this user, that no running process holds.

Everything published is readable by all whatever the umask: files 0644, folders 0755.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no locks, so nothing is cleaned either
    fcntl = None  # type: ignore[assignment]

FILE_MODE = 0o644
FOLDER_MODE = 0o755
_HELD: dict[Path, int] = {}  # folder -> open descriptor holding its lock


def staging_dir(target: Path) -> Path:
    """A fresh, empty, locked folder on the same file system as `target` (so the swap is a
    rename). Staging and old folders that killed builds left beside `target` go first."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target.parent, _prefixes(target))
    return locked_dir(target.parent, f".{target.name}.bouw-")


def _prefixes(target: Path) -> tuple[str, ...]:
    return (f".{target.name}.bouw-", f".{target.name}.oud-")


def promote(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with renames only; the old output is removed afterwards.
    The staging folder gets the published modes first."""
    target = target.resolve()
    publish_modes(staging)
    old: Path | None = None
    if target.exists():
        old = locked_dir(target.parent, f".{target.name}.oud-")
        os.rename(target, old / "site")
    try:
        os.rename(staging, target)
    except OSError:
        if old is not None:
            os.rename(old / "site", target)
            remove(old)
        raise
    _release(staging)
    if old is not None:
        remove(old)


def discard(staging: Path) -> None:
    remove(staging)


def publish_modes(folder: Path) -> None:
    """Files 0644 and folders 0755 under `folder` (and itself), whatever the umask made
    them: a web server reads the output as another user. Symbolic links are left alone
    (the leak scan refuses them)."""
    os.chmod(folder, FOLDER_MODE)
    for base, dirs, files in os.walk(folder):
        for name in dirs:
            path = os.path.join(base, name)
            if not os.path.islink(path):
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = os.path.join(base, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


# --- locked working folders ---------------------------------------------------------------


def locked_dir(parent: Path, prefix: str) -> Path:
    """A new folder `parent/<prefix>…`, locked by this process until `remove` or `_release`.
    A folder another build's `clean_stale` took between its making and its locking is never
    used: a new one is made."""
    for _ in range(100):
        path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        if fcntl is None:
            return path
        fd = _lock(path)
        if fd is not None:
            _HELD[path] = fd
            return path
    raise OSError(f"kon geen werkmap maken in {parent}")  # pragma: no cover


def remove(folder: Path) -> None:
    """Delete a folder made by `locked_dir` and let go of its lock."""
    shutil.rmtree(folder, ignore_errors=True)
    _release(folder)


def _release(folder: Path) -> None:
    fd = _HELD.pop(folder, None)
    if fd is not None:
        os.close(fd)


def _lock(folder: Path) -> int | None:
    """An open descriptor holding the exclusive lock of `folder`; None when another process
    holds it, or `folder` is gone or was replaced while it was being locked."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        now, held = os.stat(folder, follow_symlinks=False), os.fstat(fd)
        if (now.st_dev, now.st_ino) != (held.st_dev, held.st_ino):
            raise OSError("replaced")
    except OSError:
        os.close(fd)
        return None
    return fd


def clean_stale(parent: Path, prefixes: tuple[str, ...]) -> list[Path]:
    """Remove the folders in `parent` whose names start with one of `prefixes` that no
    running process holds (left by a killed build); returns what was removed. Folders of
    other users and folders in use are left alone."""
    if fcntl is None:  # pragma: no cover
        return []
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return []
    removed = []
    uid = os.getuid()
    for entry in entries:
        if not entry.name.startswith(prefixes) or entry in _HELD:
            continue
        try:
            info = os.stat(entry, follow_symlinks=False)
        except OSError:
            continue
        if info.st_uid != uid or not os.path.isdir(entry) or os.path.islink(entry):
            continue
        fd = _lock(entry)
        if fd is None:
            continue  # a running build's
        try:
            shutil.rmtree(entry, ignore_errors=True)
        finally:
            os.close(fd)
        removed.append(entry)
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            os.fchmod(handle.fileno(), FILE_MODE)  # mkstemp makes 0600; read by all
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
