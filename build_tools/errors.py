"""Content issues as data: every reader and validator returns Issues; one ContentError carries
all issues of a run to the edge (CLI or plugin), which prints them without a traceback."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Pos:
    """A place in a content file: path relative to the project root, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Issue:
    """One content problem. `code` is stable (registered in codes.py), the text is Dutch."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""

    @classmethod
    def at(cls, pos: Pos, code: str, message: str, hint: str = "") -> Issue:
        return cls(pos.path, pos.line, pos.col, code, message, hint)

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def format_github(self) -> str:
        def esc(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def esc_prop(value: str) -> str:
            return esc(value).replace(":", "%3A").replace(",", "%2C")

        body = self.message + (f" ({self.hint})" if self.hint else "")
        return (
            f"::error file={esc_prop(self.path)},line={self.line},col={self.col},"
            f"title={esc_prop(self.code)}::{esc(body)}"
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Stable order for output: by file, line, column, then code; duplicates dropped."""
    return sorted(set(issues))


def format_issues(issues: Iterable[Issue], fmt: str = "text") -> str:
    ordered = sort_issues(issues)
    if fmt == "json":
        return json.dumps([i.as_dict() for i in ordered], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(i.format_github() for i in ordered)
    if fmt == "gitlab":
        return json.dumps(code_quality(ordered), ensure_ascii=False, indent=2)
    return "\n".join(i.format() for i in ordered)


def code_quality(issues: list[Issue]) -> list[dict[str, object]]:
    """GitLab's code-quality report (a Code Climate subset). The fingerprint leaves out the line,
    so an issue keeps its identity when lines above it move; repeats get a running number."""
    import hashlib

    seen: dict[tuple[str, str, str], int] = {}
    out: list[dict[str, object]] = []
    for i in issues:
        key = (i.path, i.code, i.message)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest()
        out.append({
            "type": "issue",
            "description": f"{i.code} {i.message}" + (f" ({i.hint})" if i.hint else ""),
            "check_name": i.code,
            "fingerprint": digest,
            "severity": "major",
            "location": {"path": i.path, "lines": {"begin": i.line}},
        })
    return out


class ContentError(Exception):
    """All content issues of one run. Raised only at the end of a phase, never per issue."""

    def __init__(self, issues: Iterable[Issue]):
        self.issues = sort_issues(issues)
        super().__init__(self.summary())

    def summary(self) -> str:
        n = len(self.issues)
        head = f"{n} fout{'en' if n != 1 else ''} in de inhoud:"
        return head + "\n" + format_issues(self.issues)


class StyleError(ContentError):
    """Issues in theme/huisstijl.yml or the theme's files (same shape, own exit semantics)."""

    def summary(self) -> str:
        n = len(self.issues)
        return f"{n} fout{'en' if n != 1 else ''} in de huisstijl:\n" + format_issues(self.issues)


class LeakError(Exception):
    """The public output contains internal content: publishing must stop (exit code 2)."""

    def __init__(self, findings: Iterable[str]):
        self.findings = sorted(findings)
        super().__init__(
            "Interne inhoud gevonden in de publieke uitvoer:\n"
            + "\n".join(f"  {f}" for f in self.findings)
        )


class UserError(Exception):
    """A refused command (dirty work tree, existing version, ...): a Dutch message, exit 1."""


EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_LEAK = 2
EXIT_INTERNAL = 3
