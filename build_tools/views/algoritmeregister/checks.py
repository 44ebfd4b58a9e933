"""What the national Algoritmeregister would refuse, as Issues at the content's file and line.

The content contract is a floor: content valid under it always passes `datavisie check` and
builds. A limit only the register imposes (a text that is longer than the register takes once
it is exported, more than three policy areas) is therefore a warning in `datavisie check`
(W201-W203) and never stops a site build; `datavisie algoritmeregister`, which writes the
entries for upload, refuses the same entry with a content error (DV230-DV232), so nothing the
register would reject is ever written. Pure: model -> Issues.
"""

from __future__ import annotations

from build_tools.content.model import Datavisie
from build_tools.errors import Issue
from build_tools.views.algoritmeregister.entry import Entry, entries
from build_tools.views.algoritmeregister.standard import Violation, violations

# kind of violation -> (warning in `datavisie check`, error in `datavisie algoritmeregister`)
_CODES = {
    "lengte": ("W201", "DV230"),
    "aantal": ("W202", "DV231"),
}
_OTHER = ("W203", "DV232")


def _hint(v: Violation) -> str:
    if v.size is None or v.limit is None:
        return "pas de waarde aan zoals de melding zegt"
    over = v.size - v.limit
    if v.kind == "aantal":
        return f"haal er {over} weg"
    return f"maak de tekst {over} teken{'s' if over != 1 else ''} korter"


def _issue(entry: Entry, v: Violation, *, refuse: bool) -> Issue:
    src = entry.source(v.where)
    code = _CODES.get(v.kind, _OTHER)[1 if refuse else 0]
    origin = f"`{src.field}`" + (f", {src.note}" if src.note else "")
    return Issue.at(src.pos, code, f"{v.message}; het komt uit {origin}", _hint(v))


def entry_issues(entry: Entry, *, refuse: bool) -> list[Issue]:
    return [_issue(entry, v, refuse=refuse) for v in violations(entry.record)]


def register_warnings(public: Datavisie) -> list[Issue]:
    """Warnings for `datavisie check`: every field of a public algorithm that the register
    would refuse, at the content it comes from. `public` is the model for the public site."""
    return [i for e in entries(public, lean=True) for i in entry_issues(e, refuse=False)]


def register_errors(found: list[Entry]) -> list[Issue]:
    """The same findings as content errors, for the command that writes the entries."""
    return [i for e in found for i in entry_issues(e, refuse=True)]
