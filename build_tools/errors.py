"""Content issues as data: every reader and validator returns Issues; one ContentError carries
all issues of a run to the edge (CLI or plugin), which prints them without a traceback.

An Issue is an error or a warning, decided by its code alone (`codes.is_warning`): errors stop
a build, warnings are reported and stop it only in a strict run. Readers raise ContentError
only when there is an error (`raise_for_errors`) and hand their warnings on."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from build_tools.codes import is_warning

ERROR = "error"
WARNING = "warning"
SEVERITY_NL = {ERROR: "fout", WARNING: "waarschuwing"}


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

    @property
    def is_warning(self) -> bool:
        return is_warning(self.code)

    @property
    def severity(self) -> str:
        """`error` or `warning` (English, as forges and JSON readers spell it)."""
        return WARNING if self.is_warning else ERROR

    def format(self) -> str:
        """`path:line:col: CODE message (hint)`; a warning says so after its code."""
        label = f"{self.code} {SEVERITY_NL[WARNING]}:" if self.is_warning else self.code
        text = f"{self.path}:{self.line}:{self.col}: {label} {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    def format_github(self) -> str:
        def esc(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def esc_prop(value: str) -> str:
            return esc(value).replace(":", "%3A").replace(",", "%2C")

        body = self.message + (f" ({self.hint})" if self.hint else "")
        return (
            f"::{self.severity} file={esc_prop(self.path)},line={self.line},col={self.col},"
            f"title={esc_prop(self.code)}::{esc(body)}"
        )

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "severity": self.severity}


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Stable order for output: by file, line, column, then code; duplicates dropped."""
    return sorted(set(issues))


def errors_in(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if not i.is_warning]


def warnings_in(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_warning]


def raise_for_errors(issues: Iterable[Issue], error: type[ContentError] | None = None,
                     ) -> list[Issue]:
    """Raise `error` (ContentError) with every issue, warnings included, when any is an error;
    otherwise return the warnings for the caller to hand on."""
    found = list(issues)
    if errors_in(found):
        raise (error or ContentError)(found)
    return sort_issues(found)


def count_label(issues: Iterable[Issue]) -> str:
    """`2 fouten en 1 waarschuwing`, `1 fout`, `3 waarschuwingen` (errors first)."""
    found = list(issues)
    n_err, n_warn = len(errors_in(found)), len(warnings_in(found))
    parts = []
    if n_err or not n_warn:
        parts.append(f"{n_err} fout{'en' if n_err != 1 else ''}")
    if n_warn:
        parts.append(f"{n_warn} waarschuwing{'en' if n_warn != 1 else ''}")
    return " en ".join(parts)


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
            "severity": "minor" if i.is_warning else "major",
            "location": {"path": i.path, "lines": {"begin": i.line}},
        })
    return out


class ContentError(Exception):
    """All content issues of one run. Raised only at the end of a phase, never per issue."""

    def __init__(self, issues: Iterable[Issue]):
        self.issues = sort_issues(issues)
        super().__init__(self.summary())

    @property
    def errors(self) -> list[Issue]:
        return errors_in(self.issues)

    @property
    def warnings(self) -> list[Issue]:
        return warnings_in(self.issues)

    def summary(self) -> str:
        return f"{count_label(self.issues)} in de inhoud:\n" + format_issues(self.issues)


class StyleError(ContentError):
    """Issues in theme/huisstijl.yml or the theme's files (same shape, own exit semantics)."""

    def summary(self) -> str:
        return f"{count_label(self.issues)} in de huisstijl:\n" + format_issues(self.issues)


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
