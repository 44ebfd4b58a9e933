"""Open data downloads: register (JSON, CSV), roadmap (JSON, iCalendar), Algoritmeregister."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from places import NOORDKUST, REPO

from build_tools.audience import for_audience, internal_fragments
from build_tools.content import labels
from build_tools.content.contract import MILESTONE_STATUS, PROJECT_STATUS
from build_tools.content.load import load
from build_tools.content.model import Datavisie
from build_tools.views.algoritmeregister.entry import build_entry
from build_tools.views.algoritmeregister.html import allowed_tags
from build_tools.views.downloads import CSV_COLUMNS, export_files

ROOTS = {"denhelder": REPO, "noordkust": NOORDKUST}


Project = tuple[Datavisie, Datavisie]  # the full model and the public one


@pytest.fixture(scope="module", params=sorted(ROOTS))
def project(request: pytest.FixtureRequest) -> Project:
    raw = load(ROOTS[request.param])
    return raw, for_audience(raw)


def test_exports_are_deterministic_and_hold_nothing_internal(project: Project) -> None:
    raw, model = project
    files = export_files(model)
    assert files == export_files(model)
    fragments = internal_fragments(raw)
    assert fragments
    for path, data in files.items():
        text = " ".join(data.decode("utf-8").split())
        for fragment in fragments:
            assert fragment not in text, (path, fragment)


def test_projects_json_has_every_public_project_in_id_order(project: Project) -> None:
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


@pytest.mark.parametrize("name, encoding, delimiter", [
    ("projecten.csv", "utf-8-sig", ";"),  # for a Dutch spreadsheet
    ("projecten-komma.csv", "utf-8", ","),  # RFC 4180
])
def test_projects_csv_is_one_row_per_project(project: Project, name: str, encoding: str,
                                             delimiter: str) -> None:
    _, model = project
    raw = export_files(model)[f"data/{name}"]
    assert raw.startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    data = raw.decode(encoding)
    assert data.count("\r\n") == len(model.projecten) + 1
    rows = list(csv.DictReader(io.StringIO(data, newline=""), delimiter=delimiter))
    assert set(rows[0]) == set(CSV_COLUMNS)
    assert [r["id"] for r in rows] == sorted(p.id for p in model.projecten)
    for row in rows:
        p = model.project(row["id"])
        assert p is not None
        assert row["algoritme"] == ("ja" if p.algoritme else "nee")
        assert row["persoonsgegevens"] == ("ja" if p.persoonsgegevens else "nee")
        assert set(row["themas"].split(";")) == set(p.themas)
        assert row["naam"] == p.naam  # "ë" and friends intact


def test_roadmap_json_lists_phases_and_milestones(project: Project) -> None:
    _, model = project
    doc = json.loads(export_files(model)["data/routekaart.json"])
    assert [f["id"] for f in doc["fasen"]] == [f.id for f in model.routekaart.fasen]
    assert {m["id"] for m in doc["mijlpalen"]} == {m.id for m in model.routekaart.mijlpalen}
    starts = [m["wanneer"]["van"] for m in doc["mijlpalen"]]
    assert starts == sorted(starts)


def _unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_roadmap_ics_is_valid_icalendar(project: Project) -> None:
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
    assert model.stand is not None
    stamp = model.stand.strftime("%Y%m%d")  # without git: the content's date
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


def test_algorithms_use_the_register_standard(project: Project) -> None:
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


# --- what other programs read: spreadsheets, JSON Schema, calendars --------------------------


def test_the_spreadsheet_csv_reads_as_excel_reads_it(project: Project) -> None:
    """Dutch Excel's list separator is ";" and it takes UTF-8 only with the byte order mark:
    a cell with a separator, a quote or a line break inside stays one cell."""
    _, model = project
    raw = export_files(model)["data/projecten.csv"]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    names = {r[1] for r in rows[1:]}
    assert names == {p.naam for p in model.projecten}


def test_every_json_download_validates_against_its_published_schema(project: Project) -> None:
    from jsonschema import Draft202012Validator, FormatChecker

    _, model = project
    files = export_files(model)
    site = model.organisatie.site_url.rstrip("/") + "/"
    schemas = {}
    for path, data in files.items():
        if path.endswith(".schema.json"):
            schema = json.loads(data)
            Draft202012Validator.check_schema(schema)
            assert schema["$id"] == site + path
            schemas[schema["$id"]] = schema
    # ours; the Algoritmeregister's entries carry exactly the register's fields and are
    # validated against the register's own configuration (test_algoritmeregister.py)
    documents = [p for p in files if p.endswith(".json") and not p.endswith(".schema.json")
                 and not p.startswith("data/algoritmeregister/")]
    assert len(documents) == 2
    for path in documents:
        doc = json.loads(files[path])
        named = doc["$schema"]
        assert named in schemas, (path, named)  # published next to it, under the site's URL
        validator = Draft202012Validator(schemas[named], format_checker=FormatChecker())
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, (path, [f"{list(e.path)}: {e.message}" for e in errors[:5]])


def test_the_schemas_say_which_fields_are_markdown(project: Project) -> None:
    _, model = project
    schema = json.loads(export_files(model)["data/projecten.schema.json"])
    project_fields = schema["$defs"]["project"]["properties"]
    assert project_fields["doel"]["contentMediaType"] == "text/markdown"
    assert all(field.get("description") for field in project_fields.values())


def test_the_calendar_reads_in_icalendar(project: Project) -> None:
    import icalendar

    _, model = project
    calendar = icalendar.Calendar.from_ical(export_files(model)["data/routekaart.ics"])
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(model.routekaart.mijlpalen)
    by_uid = {str(e["UID"]): e for e in events}
    host = urlsplit(model.organisatie.site_url).hostname
    for m in model.routekaart.mijlpalen:
        event = by_uid[f"{m.id}@{host}"]
        assert str(event["SUMMARY"]) == m.titel
        assert event.decoded("DTSTART") == m.wanneer.start
        assert event.decoded("DTEND") == m.wanneer.end + timedelta(days=1)
