"""Content files that moved: renames in the published history (the main line of git), so the
site keeps a page at every address it ever had. `attach_moves` is the edge (one `git log`);
`chain` is pure.

Only the main line counts (`--first-parent`): each commit there is a state that was published.
A file that was internal (`zichtbaarheid: intern`) before it moved had no public address, so
its old name is not used."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from build_tools.content.model import Datavisie, Move
from build_tools.history.git import Repo, open_repo

_INTERNAL = re.compile(r"^zichtbaarheid:\s*[\"']?intern\b", re.M)


def chain(renames: Iterable[tuple[str, str]]) -> tuple[Move, ...]:
    """Renames oldest first -> every old name with the name it has now (a -> b, b -> c gives
    a -> c and b -> c). A name that came back (a -> b -> a) is no move."""
    now: dict[str, str] = {}
    for old, new in renames:
        for name, target in list(now.items()):
            if target == old:
                now[name] = new
        now[old] = new
    return tuple(Move(old, new) for old, new in sorted(now.items()) if old != new)


def history_renames(repo: Repo, content_dir: str = "content") -> list[tuple[str, str]]:
    """(old, new) content-relative paths of every rename on the main line, oldest first."""
    folder = f"{repo.prefix}{content_dir}/"
    out = repo.run("log", "--first-parent", "--diff-merges=first-parent", "-M",
                   "--diff-filter=R", "--name-status", "-z", "--format=%x01%H", "HEAD",
                   "--", folder)
    if not out:
        return []
    found: list[tuple[str, str, str]] = []  # commit, old, new (repo paths), newest first
    for record in out.split("\x01")[1:]:
        commit, _, rest = record.partition("\0")
        tokens = rest.lstrip("\n").split("\0")
        for i in range(0, len(tokens) - 2, 3):
            status, old, new = tokens[i:i + 3]
            if status.startswith("R") and old.startswith(folder) and new.startswith(folder):
                found.append((commit, old, new))
    found.reverse()
    if not found:
        return []
    # the old file as it was just before it moved: was it public?
    before = repo.read_objects([f"{c}^:{old}" for c, old, _ in found])
    return [(old[len(folder):], new[len(folder):])
            for (_, old, new), data in zip(found, before, strict=True)
            if data is not None and not _INTERNAL.search(data.decode("utf-8", "replace"))]


def attach_moves(model: Datavisie, root: Path, *,
                 content_dir: str = "content") -> tuple[Datavisie, bool]:
    """The model with `verhuisd` read from git, and whether there was a repository to read."""
    repo = open_repo(root)
    if repo is None:
        return model, False
    moves = chain(history_renames(repo, content_dir))
    return dataclasses.replace(model, verhuisd=moves), True
