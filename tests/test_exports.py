"""Open data downloads: register (JSON, CSV), roadmap (JSON, iCalendar), Algoritmeregister."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_tools import labels
from build_tools.algoritmeregister.entry import build_entry
from build_tools.algoritmeregister.html import allowed_tags
from build_tools.audience import for_audience, internal_fragments
from build_tools.exports import export_files
from build_tools.load import load
from build_tools.schemas import MILESTONE_STATUS, PROJECT_STATUS

REPO = Path(__file__).resolve().parent.parent
ROOTS = {"denhelder": REPO, "noordkust": REPO / "tests" / "fixtures" / "noordkust"}


@pytest.fixture(scope="module", params=sorted(ROOTS))
def project(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    raw = load(ROOTS[request.param])
    return raw, for_audience(raw)


def test_exports_are_deterministic_and_hold_nothing_internal(project) -> None:  # type: ignore[no-untyped-def]
    raw, model = project
    files = export_files(model)
    assert files == export_files(model)
    fragments = internal_fragments(raw)
    assert fragments
    for path, data in files.items():
        text = " ".join(data.decode("utf-8").split())
        for fragment in fragments:
            assert fragment not in text, (path, fragment)


def test_projects_json_has_every_public_project_in_id_order(project) -> None:  # type: ignore[no-untyped-def]
    _, model = project
    data = export_files(model)["data/projecten.json"]
    assert data.endswith(b"\n") and b"\r" not in data
    doc = json.loads(data)
    ids = [p["id"] for p in doc["projecten"]]
    assert ids == sorted(p.id for p in model.projecten)
    first = doc["projecten"][0]
    assert list(first) == sorted(first)  # sorted keys
    assert first["url"].startswith(model.organisatie.site_url)
    assert first["status_label"] == labels.PROJECT_STATUS[first["status"]]


def test_projects_csv_is_one_row_per_project(project) -> None:  # type: ignore[no-untyped-def]
    _, model = project
    data = export_files(model)["data/projecten.csv"].decode("utf-8")
    assert data.count("\r\n") == len(model.projecten) + 1
    rows = list(csv.DictReader(io.StringIO(data)))
    assert [r["id"] for r in rows] == sorted(p.id for p in model.projecten)
    for row in rows:
        p = model.project(row["id"])
        assert row["algoritme"] == ("ja" if p.algoritme else "nee")
        assert row["persoonsgegevens"] == ("ja" if p.persoonsgegevens else "nee")
        assert set(row["themas"].split(";")) == set(p.themas)


def test_roadmap_json_lists_phases_and_milestones(project) -> None:  # type: ignore[no-untyped-def]
    _, model = project
    doc = json.loads(export_files(model)["data/routekaart.json"])
    assert [f["id"] for f in doc["fasen"]] == [f.id for f in model.routekaart.fasen]
    assert {m["id"] for m in doc["mijlpalen"]} == {m.id for m in model.routekaart.mijlpalen}
    starts = [m["wanneer"]["van"] for m in doc["mijlpalen"]]
    assert starts == sorted(starts)


def _unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_roadmap_ics_is_valid_icalendar(project) -> None:  # type: ignore[no-untyped-def]
    _, model = project
    raw = export_files(model)["data/routekaart.ics"]
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    lines = _unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    events = text.count("BEGIN:VEVENT")
    assert events == len(model.routekaart.mijlpalen)
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == events
    stamp = model.stand.strftime("%Y%m%d")
    assert all(line == f"DTSTAMP:{stamp}T000000Z" for line in lines if line.startswith("DTSTAMP"))
    host = urlsplit(model.organisatie.site_url).hostname
    for m in model.routekaart.mijlpalen:
        i = lines.index(f"UID:{m.id}@{host}")
        block = lines[i:i + 12]
        assert f"DTSTART;VALUE=DATE:{m.wanneer.start:%Y%m%d}" in block
        assert f"DTEND;VALUE=DATE:{m.wanneer.end + timedelta(days=1):%Y%m%d}" in block
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert all(re.search(r"(?<!\\)[,;]", s[len("SUMMARY:"):]) is None for s in summaries)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.add(tag)


REQUIRED = ("name", "organization", "description_short", "status", "publication_category",
            "contact_email", "lang", "standard_version", "website", "source_id")


def test_algorithms_use_the_register_standard(project) -> None:  # type: ignore[no-untyped-def]
    _, model = project
    files = export_files(model)
    with_algorithm = [p for p in model.projecten if p.algoritme]
    assert with_algorithm
    assert {k for k in files if k.startswith("data/algoritmeregister/")} == \
        {f"data/algoritmeregister/{p.id}.json" for p in with_algorithm} | \
        {"data/algoritmeregister/alle_algoritmes.json"}
    combined = json.loads(files["data/algoritmeregister/alle_algoritmes.json"])
    assert [r["source_id"] for r in combined] == sorted(p.id for p in with_algorithm)
    for p in with_algorithm:
        record = json.loads(files[f"data/algoritmeregister/{p.id}.json"])
        assert record == build_entry(model, p).record
        assert record in combined
        for key in REQUIRED:
            assert record.get(key), (p.id, key)
        assert record["status"] in ("In ontwikkeling", "In gebruik", "Buiten gebruik")
        assert record["status"] == labels.REGISTER_STATUS[p.status]
        assert record["publication_category"] in (
            "Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes")
        assert len(record["name"]) <= 100 and len(record["description_short"]) <= 350
        if "begin_date" in record:
            assert re.fullmatch(r"\d{4}-\d{2}", record["begin_date"])
        assert record["lang"] == "nld" and record["standard_version"] == "1.0"
        for key, value in record.items():
            if isinstance(value, str) and "<" in value:
                parser = _Tags()
                parser.feed(value)
                assert parser.tags <= allowed_tags(), (p.id, key, parser.tags)


def test_every_status_has_a_label() -> None:
    assert set(labels.MILESTONE_STATUS) == set(MILESTONE_STATUS)
    assert set(labels.PROJECT_STATUS) == set(PROJECT_STATUS)
    assert set(labels.REGISTER_STATUS) == set(PROJECT_STATUS)
