"""The calendar download updates in a calendar that imported it: a milestone's UID stays, its
SEQUENCE and LAST-MODIFIED change when (and only when) its public fields change, and DTSTAMP is
the time of the commit built. All from git, never from the clock; read back with `icalendar`."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
import yaml
from gitkit import Git
from places import MINIMAL

from build_tools.audience import for_audience
from build_tools.content.load import load
from build_tools.history.revisions import milestone_revisions
from build_tools.views.downloads import export_files

ROADMAP = "content/routekaart.yml"


def _git(repo: Path, *args: str, when: str) -> str:
    return Git(when=when)(repo, *args)


def _commit(repo: Path, when: str) -> None:
    Git(when=when).commit(repo, "wijziging")


def _events(repo: Path) -> dict[str, icalendar.Event]:
    model = for_audience(load(repo))
    ics = export_files(model, milestone_revisions(repo, ROADMAP))["data/routekaart.ics"]
    return {str(e["UID"]).split("@")[0]: e for e in
            icalendar.Calendar.from_ical(ics).walk("VEVENT") if isinstance(e, icalendar.Event)}


def _edit(repo: Path, change: dict[str, object], index: int = 0) -> None:
    path = repo / ROADMAP
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["mijlpalen"][index].update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    repo = shutil.copytree(MINIMAL, tmp_path / "gemeente")
    _git(repo, "init", "-q", "-b", "main", when="2025-01-10T09:00:00Z")
    _commit(repo, "2025-01-10T09:00:00Z")
    return repo


def test_an_edited_milestone_gets_a_higher_sequence_and_a_new_last_modified(
        repo: Path) -> None:
    before = _events(repo)
    first, other = list(yaml.safe_load((repo / ROADMAP).read_text())["mijlpalen"])[:2]
    assert before[first["id"]].decoded("SEQUENCE") == 0
    assert before[first["id"]].decoded("DTSTAMP") == datetime(2025, 1, 10, 9, tzinfo=UTC)

    _edit(repo, {"status": "vertraagd"})
    _commit(repo, "2025-03-05T14:30:00Z")
    after = _events(repo)
    edited, untouched = after[first["id"]], after[other["id"]]
    assert str(edited["UID"]) == str(before[first["id"]]["UID"])  # the same event
    assert edited.decoded("SEQUENCE") == 1
    assert edited.decoded("LAST-MODIFIED") == datetime(2025, 3, 5, 14, 30, tzinfo=UTC)
    assert edited.decoded("DTSTAMP") == datetime(2025, 3, 5, 14, 30, tzinfo=UTC)
    assert untouched.decoded("SEQUENCE") == 0
    assert untouched.decoded("LAST-MODIFIED") == datetime(2025, 1, 10, 9, tzinfo=UTC)

    # an internal note is not a change a calendar sees
    _edit(repo, {"intern": {"notitie": "alleen voor het team"}})
    _commit(repo, "2025-04-01T08:00:00Z")
    assert _events(repo)[first["id"]].decoded("SEQUENCE") == 1

    # an uncommitted change counts once more, dated like the build (SOURCE_DATE_EPOCH)
    _edit(repo, {"titel": "Nieuwe naam"})
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime(2025, 5, 1, tzinfo=UTC).timestamp()))
    try:
        working = _events(repo)[first["id"]]
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert working.decoded("SEQUENCE") == 2
    assert working.decoded("LAST-MODIFIED") == datetime(2025, 5, 1, tzinfo=UTC)


def test_the_same_commit_makes_the_same_calendar(repo: Path) -> None:
    model = for_audience(load(repo))
    one = export_files(model, milestone_revisions(repo, ROADMAP))["data/routekaart.ics"]
    two = export_files(model, milestone_revisions(repo, ROADMAP))["data/routekaart.ics"]
    assert one == two


def test_outside_git_there_is_no_sequence_and_the_content_dates_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    loose = shutil.copytree(MINIMAL, tmp_path / "los")
    revisions = milestone_revisions(loose, ROADMAP)
    assert revisions.milestones == () and revisions.made is None
    model = for_audience(load(loose))
    events = icalendar.Calendar.from_ical(
        export_files(model, revisions)["data/routekaart.ics"]).walk("VEVENT")
    assert events and all("SEQUENCE" not in e for e in events)
