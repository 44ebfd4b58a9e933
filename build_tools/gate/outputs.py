"""A finished output folder as the checks after a build see it: listed once, each file read on
demand, its content hash remembered. The leak scan and the link check share one listing and
the hashes; the hashes key the verdicts they keep between builds (`Verdicts`), together with
a hash of our code (`cachekeys.package_digest`), so a changed check never trusts an old
verdict."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from build_tools.build.cache import Kept


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class OutputFolder:
    """Every entry under `root`: regular files and symbolic links (never followed), as sorted
    posix paths relative to `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        files: list[str] = []
        links: list[str] = []
        for folder, dirs, names in os.walk(root):
            base = Path(folder)
            for name in dirs:
                if (base / name).is_symlink():
                    links.append((base / name).relative_to(root).as_posix())
            for name in names:
                path = base / name
                rel = path.relative_to(root).as_posix()
                (links if path.is_symlink() else files).append(rel)
        self.files = sorted(files)
        self.links = sorted(links)
        self._digests: dict[str, str] = {}

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> bytes:
        data = (self.root / rel).read_bytes()
        self._digests[rel] = digest(data)
        return data

    def digest(self, rel: str) -> str:
        if rel not in self._digests:
            self.read(rel)
        return self._digests[rel]


class Verdicts:
    """What a check found clean in the last build, under a key of everything else the verdict
    depends on (the rules, our code). A file whose content hash is listed was checked clean
    under exactly these rules, so checking it again would find the same."""

    def __init__(self, cache_dir: Path | None, name: str, key: str) -> None:
        self.kept = Kept(cache_dir, name)
        self.key = key
        known = self.kept.get(key)
        self.known = frozenset(str(d) for d in known) if isinstance(known, list) else frozenset()

    def __contains__(self, item: str) -> bool:
        return item in self.known

    def save(self, clean: Iterable[str]) -> None:
        self.kept.put(self.key, sorted(set(clean)))
        self.kept.save()
