"""Which git object a version's text may come from: a tag, or a full commit id that lies on the
main branch. Not a branch (it moves), not `HEAD@{1}`, `main~1` or an abbreviated id (they name
something else tomorrow), and nothing git could read as an option (`--output=...`).

`ref_problem` is the rule on the text (pure, part of the content check); `resolve_versions`
asks git (the edge) and is the only way history reads a version's commit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from build_tools.content.model import Version
from build_tools.errors import Issue
from build_tools.history.git import Repo

FULL_ID = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1, or SHA-256 repositories
_TAG_CHARS = re.compile(r"[A-Za-z0-9._/+-]+")  # git allows more; none of it is needed
_SHORT_ID = re.compile(r"[0-9a-f]{4,63}")
_TAG_HINT = "schrijf de naam van een tag (zoals `visie-1.0`) of de hele commit-id (40 tekens)"


def ref_problem(ref: str) -> str | None:
    """Why `ref` cannot name the text of a version, or None. Stricter than git's own rules
    (`git check-ref-format`): only names that mean one thing, and only that thing, forever."""
    if FULL_ID.fullmatch(ref):
        return None
    if not ref:
        return "is leeg"
    if ref.startswith("-"):
        return "begint met een streepje (git zou het als optie lezen)"
    if ref.startswith("refs/"):
        return "is een volledige git-verwijzing, geen naam van een tag"
    if not _TAG_CHARS.fullmatch(ref):
        bad = next(ch for ch in ref if not _TAG_CHARS.fullmatch(ch))
        return (f"bevat het teken {bad!r}, dat een tak, een vorige stand of een bewerking "
                "in git kan aanduiden" if bad in "~^:@{}" else f"bevat het teken {bad!r}")
    if _SHORT_ID.fullmatch(ref) and any(c.isdigit() for c in ref) and any(c.isalpha() for c in ref):
        return "lijkt een verkorte commit-id; die kan later een andere commit aanwijzen"
    parts = ref.split("/")
    if any(not p or p.startswith(".") or p.endswith((".", ".lock")) for p in parts) \
            or ".." in ref or ref.endswith("/"):
        return "is geen geldige naam voor een tag"
    if ref == "HEAD" or ref.endswith("_HEAD"):
        return "is de huidige stand, geen vaste tag"
    return None


def ref_issue(v: Version) -> Issue | None:
    """DV221 for a version's `tag:` that cannot name its text (at the `tag:` line)."""
    if v.tag is None:
        return None
    problem = ref_problem(v.tag)
    if problem is None:
        return None
    pos = v.fpos.get("tag", v.pos)
    return Issue.at(pos, "DV221", f"`tag` van versie {v.versie} ({v.tag!r}) {problem}",
                    _TAG_HINT)


def git_spelling(v: Version) -> str | None:
    """The exact object name git is asked for: `refs/tags/<tag>` (never a branch or anything
    else of that name) or the full commit id; None when the name cannot be asked safely
    (an adopted version whose default tag `visie-<versie>` is no valid tag name)."""
    ref = v.git_ref
    if ref_problem(ref) is not None:
        return None
    return ref if FULL_ID.fullmatch(ref) else f"refs/tags/{ref}"


@dataclass(frozen=True)
class Resolved:
    """The commit of each version's text (None: not in this clone), and the versions whose
    `tag:` names something it may not (a branch, a commit off the main branch)."""

    commits: dict[str, str | None]
    issues: list[Issue]


def resolve_versions(repo: Repo, versions: Sequence[Version], *, branch: str) -> Resolved:
    """Ask git for the commit of each version's text. A tag that is missing, or a commit this
    (shallow) clone does not have, is None (history notes say how to fetch it); a name that
    exists but is not a tag, or a commit not reachable from the main branch `branch` or from
    HEAD, is an issue at the version's `tag:` line."""
    commits: dict[str, str | None] = {}
    issues: list[Issue] = []
    tips: list[str] | None = None
    for v in versions:
        spelling = git_spelling(v)
        commit = repo.resolve(spelling) if spelling else None
        commits[v.versie] = commit
        pos = v.fpos.get("tag", v.pos)
        if spelling is None:
            continue
        if commit is None:
            if not FULL_ID.fullmatch(v.git_ref) and repo.resolve(v.git_ref):
                issues.append(Issue.at(pos, "DV222", f"`{v.git_ref}` (versie {v.versie}) is "
                                       "geen tag maar een tak of een commit",
                                       "een tak verschuift; maak een tag met `datavisie versie "
                                       "vaststellen` of schrijf de hele commit-id (40 tekens)"))
            continue
        if FULL_ID.fullmatch(v.git_ref):
            if tips is None:
                tips = _main_tips(repo, branch)
            if not any(repo.is_ancestor(commit, tip) for tip in tips) and not repo.is_shallow():
                commits[v.versie] = None
                issues.append(Issue.at(pos, "DV222", f"commit {v.git_ref[:12]}... (versie "
                                       f"{v.versie}) ligt niet op de hoofdtak {branch}",
                                       "de vastgestelde tekst moet in de geschiedenis van de "
                                       f"hoofdtak staan; kies een commit van {branch} of een tag"))
    return Resolved(commits, issues)


def _main_tips(repo: Repo, branch: str) -> list[str]:
    """The commits whose history counts as the main branch: the branch itself (local, or as
    fetched from the forge in CI) and HEAD (the commit being built)."""
    names = ["HEAD"]
    if ref_problem(branch) is None:
        names += [f"refs/heads/{branch}", f"refs/remotes/origin/{branch}"]
    return [c for c in (repo.resolve(n) for n in names) if c]
