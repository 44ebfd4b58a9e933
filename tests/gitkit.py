"""`git` in the tests' own repositories: one identity, no user or system configuration, and
commits dated by the test (`Git(when=...)`), never by the clock unless a test asks for it
(`Git(when=None)`). Used by the tests that build real git histories (tests/cli/,
tests/sites/, tests/unit/history/, ...)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.nl",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.nl",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
WHEN = "2024-06-01T12:00:00Z"


@dataclass(frozen=True)
class Git:
    """git with the test identity; commits dated `when` (an ISO time; None: now)."""

    when: str | None = WHEN

    @property
    def variables(self) -> dict[str, str]:
        """The GIT_* variables alone (identity, no configuration, the date)."""
        if self.when is None:
            return dict(IDENTITY)
        return {**IDENTITY, "GIT_AUTHOR_DATE": self.when, "GIT_COMMITTER_DATE": self.when}

    def env(self) -> dict[str, str]:
        """This process's environment with the GIT_* variables: for git and our commands."""
        return {**os.environ, **self.variables}

    def __call__(self, repo: Path, *args: str) -> str:
        """`git -C repo ARGS`; its output, stripped. Fails the test when git fails."""
        return subprocess.run(["git", "-C", str(repo), *args], env=self.env(), check=True,
                              capture_output=True, text=True).stdout.strip()

    def commit(self, repo: Path, message: str, tag: str | None = None) -> str:
        """Commit everything in the work tree (and tag it, lightweight); the new commit id."""
        self(repo, "add", "-A")
        self(repo, "commit", "-q", "-m", message)
        if tag:
            self(repo, "tag", tag)
        return self(repo, "rev-parse", "HEAD")


git = Git()
commit = git.commit
