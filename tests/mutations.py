"""The mutations of a golden case (tests/golden/cases/, format in
tests/golden/test_bad_inputs.py), applied to a copy of a project."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def mutate(root: Path, mutation: dict[str, Any]) -> None:
    """Apply one mutation of a golden case to the project at `root`."""
    target = root / mutation["file"]
    if mutation.get("delete"):
        target.unlink()
    elif "symlink" in mutation:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(root / mutation["symlink"], target)
    elif "replace" in mutation:
        old, new = mutation["replace"]["old"], mutation["replace"]["new"]
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{mutation['file']}: {old!r} occurs {text.count(old)} times"
        target.write_text(text.replace(old, new), encoding="utf-8")
    elif "content" in mutation:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(mutation["content"].encode(mutation.get("encoding", "utf-8")))
    elif "append" in mutation:
        with target.open("a", encoding="utf-8") as fh:
            fh.write(mutation["append"] * int(mutation.get("times", 1)))
    else:  # pragma: no cover - a broken case file
        raise AssertionError(f"unknown mutation {mutation!r}")
