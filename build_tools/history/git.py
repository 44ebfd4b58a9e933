"""The git edge: the few read-only questions the build asks a repository. Nothing here
knows about versions or content; history.py and changes.py build on it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Repo:
    """A folder inside a git work tree. `prefix` is the folder's path from the repo top."""

    root: Path
    prefix: str

    def run(self, *args: str, check: bool = False) -> str | None:
        """stdout of a git command, or None when it fails (and check is False)."""
        try:
            proc = subprocess.run(
                ["git", "-C", str(self.root), *args],
                capture_output=True, check=False, timeout=60,
                env=_clean_env(),
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        if proc.returncode != 0:
            if check:
                raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip())
            return None
        return proc.stdout.decode("utf-8", "replace")

    def resolve(self, ref: str) -> str | None:
        """The commit a tag, branch or commit id names, or None."""
        if not ref or ref.startswith("-"):
            return None
        out = self.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
        return out.strip() if out else None

    def is_ancestor(self, commit: str, tip: str) -> bool:
        """Whether `commit` is in the history of `tip` (or is `tip`)."""
        return self.run("merge-base", "--is-ancestor", commit, tip) is not None

    def read(self, commit: str, path: str) -> bytes | None:
        """A file's bytes at a commit; `path` is relative to this folder."""
        try:
            proc = subprocess.run(
                ["git", "-C", str(self.root), "cat-file", "blob", f"{commit}:{self.prefix}{path}"],
                capture_output=True, check=False, timeout=60, env=_clean_env(),
            )
        except (OSError, subprocess.TimeoutExpired):
            return None
        return proc.stdout if proc.returncode == 0 else None

    def read_many(self, commit: str, paths: list[str]) -> list[bytes | None]:
        """Several files' bytes at a commit through one `git cat-file --batch` (a git process
        per file costs more than reading it); None for a path that is not a file there."""
        if any("\n" in p for p in paths):
            return [self.read(commit, p) for p in paths]
        return self.read_objects([f"{commit}:{self.prefix}{p}" for p in paths])

    def read_versions(self, path: str, commits: list[str]) -> list[bytes | None]:
        """One file's bytes at each of several commits, through one `git cat-file --batch`."""
        if not commits:
            return []
        if "\n" in path:
            return [self.read(c, path) for c in commits]
        return self.read_objects([f"{c}:{self.prefix}{path}" for c in commits])

    def read_objects(self, names: list[str]) -> list[bytes | None]:
        """The bytes of blobs named the way git names them (`<commit>:<path>`, `<commit>^:...`),
        in one `git cat-file --batch`; None for a name that is no blob."""
        if not names:
            return []
        if any("\n" in n for n in names):
            return [None] * len(names)
        request = "".join(f"{n}\n" for n in names).encode("utf-8")
        try:
            proc = subprocess.run(
                ["git", "-C", str(self.root), "cat-file", "--batch"], input=request,
                capture_output=True, check=False, timeout=60, env=_clean_env(),
            )
        except (OSError, subprocess.TimeoutExpired):
            return [None] * len(names)
        if proc.returncode != 0:
            return [None] * len(names)
        out, at = proc.stdout, 0
        found: list[bytes | None] = []
        for _ in names:
            end = out.find(b"\n", at)
            if end < 0:
                found.append(None)
                continue
            header = out[at:end].split()
            at = end + 1
            if len(header) == 3 and header[2].isdigit():  # <sha> <type> <size>, then content
                size = int(header[2])
                found.append(out[at:at + size] if header[1] == b"blob" else None)
                at += size + 1
            else:  # "<name> missing" (or ambiguous): no content follows
                found.append(None)
        return found

    def list_files(self, commit: str, folder: str) -> list[str]:
        """Files directly under `folder` (relative to this folder) at a commit, sorted."""
        out = self.run("ls-tree", "--name-only", f"{commit}:{self.prefix}{folder}")
        if out is None:
            return []
        return sorted(f"{folder.rstrip('/')}/{name}" for name in out.splitlines() if name)

    def is_shallow(self) -> bool:
        return (self.run("rev-parse", "--is-shallow-repository") or "").strip() == "true"

    def is_clean(self) -> bool:
        out = self.run("status", "--porcelain", "--untracked-files=normal")
        return out is not None and not out.strip()

    def commit_date(self, commit: str) -> str | None:
        """Committer date (ISO, UTC-normalised by git's %cI in its own zone) of a commit."""
        out = self.run("show", "-s", "--format=%cs", commit)
        return out.strip() if out else None


def resolve_many(folder: Path, refs: list[str]) -> dict[str, str | None] | None:
    """The commit each tag, branch or commit id names (None: names none), in one git process;
    None when `folder` is not in a git work tree or a name cannot be asked this way."""
    if any(not r or r.startswith("-") or any(ch.isspace() for ch in r) for r in refs):
        return None
    request = "".join(f"{r}^{{commit}}\n" for r in refs).encode("utf-8")
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), "cat-file", "--batch-check"], input=request,
            capture_output=True, check=False, timeout=30, env=_clean_env(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    if proc.returncode != 0 or len(lines) != len(refs):
        return None
    found: dict[str, str | None] = {}
    for ref, line in zip(refs, lines, strict=True):
        parts = line.split()
        found[ref] = parts[0] if len(parts) == 3 and parts[1] == "commit" else None
    return found


def open_repo(folder: Path) -> Repo | None:
    """The repository holding `folder`, or None when it is not inside a git work tree."""
    try:
        proc = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--show-prefix"],
            capture_output=True, check=False, timeout=30, env=_clean_env(),
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    return Repo(folder, proc.stdout.decode().strip())


def _clean_env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["LC_ALL"] = "C"
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env
