"""What `datavisie wijzigingen` found: the changes and the project's problems after the change.
Plain data, made by cli/wijzigingen.py (the git edge) and printed by format.py."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.errors import Issue
from build_tools.staff.changes.compare import Change


@dataclass(frozen=True)
class Problem:
    """An issue of the project after the change; `elders` when its file is not changed."""

    issue: Issue
    elders: bool
    before: bool = False  # the same issue is there before the change too


@dataclass(frozen=True)
class Report:
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...] = ()
    compared: bool = True  # False: one side's content has errors, so no content comparison
    base_broken: bool = False  # the base itself does not load
