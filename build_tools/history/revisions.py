"""When each roadmap milestone last changed, from git: what the calendar download needs so that a
calendar that imported it sees an edited milestone as an update (RFC 5545 SEQUENCE,
LAST-MODIFIED, DTSTAMP). An edge like history.py: reads git, returns plain data; exports.py
turns it into calendar lines. Deterministic: commit times and the content, never the clock.

A milestone's revision counts the commits of the roadmap file in which its public fields (all
but `intern`) differ from the commit before; a working text that differs from the last commit
is one more revision, dated like the build (SOURCE_DATE_EPOCH, else the time of HEAD).
Outside git, or in a shallow clone's missing history, there is less to count: SEQUENCE starts
lower, and it still only goes up from there.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from build_tools.history.git import open_repo


@dataclass(frozen=True)
class Revision:
    sequence: int  # 0 for a milestone as first written, +1 for every change since
    modified: datetime  # UTC: the commit (or build) time of the last change


@dataclass(frozen=True)
class Revisions:
    """Per milestone id its revision, and the time this calendar is made (the build's)."""

    milestones: tuple[tuple[str, Revision], ...] = ()
    made: datetime | None = None

    def of(self, milestone_id: str) -> Revision | None:
        return dict(self.milestones).get(milestone_id)


def build_time(root: Path) -> datetime | None:
    """SOURCE_DATE_EPOCH, else the committer time of HEAD, else None (no clock)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    repo = open_repo(root)
    out = repo.run("show", "-s", "--format=%ct", "HEAD") if repo is not None else None
    return datetime.fromtimestamp(int(out.strip()), UTC) if out and out.strip().isdigit() \
        else None


def _fingerprints(data: bytes | None) -> dict[str, str] | None:
    """Milestone id -> its public fields as canonical JSON; None for a file that does not
    read (an old commit may hold anything)."""
    if data is None:
        return None
    try:
        doc: Any = yaml.safe_load(data.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return None
    items = doc.get("mijlpalen") if isinstance(doc, dict) else None
    if not isinstance(items, list):
        return None
    out = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            public = {k: v for k, v in item.items() if k != "intern"}
            out[item["id"]] = json.dumps(public, sort_keys=True, default=str, ensure_ascii=False)
    return out


def milestone_revisions(root: Path, roadmap: str) -> Revisions:
    """The revision of every milestone in the roadmap file `roadmap` (relative to `root`)."""
    made = build_time(root)
    current = _fingerprints((root / roadmap).read_bytes()) if (root / roadmap).is_file() \
        else None
    if current is None or made is None:  # nothing to date the working text with: no git
        return Revisions((), made)
    repo = open_repo(root)
    history: list[tuple[int, bytes | None]] = []
    if repo is not None:
        log = repo.run("log", "--reverse", "--format=%H %ct", "--", roadmap) or ""
        commits = [line.split() for line in log.splitlines() if len(line.split()) == 2]
        blobs = repo.read_versions(roadmap, [c for c, _ in commits])
        history = [(int(t), blob) for (_, t), blob in zip(commits, blobs, strict=True)]
    seen: dict[str, str] = {}
    sequence: dict[str, int] = {}
    changed: dict[str, int] = {}
    fallback = int(made.timestamp())
    for when, prints in [*((t, _fingerprints(b)) for t, b in history), (fallback, current)]:
        for mid, fp in (prints or {}).items():
            if mid not in seen:
                sequence[mid], changed[mid] = 0, when
            elif seen[mid] != fp:
                sequence[mid], changed[mid] = sequence[mid] + 1, when
            seen[mid] = fp
    return Revisions(tuple(sorted((mid, Revision(sequence[mid], datetime.fromtimestamp(
        changed[mid], UTC))) for mid in current)), made)
