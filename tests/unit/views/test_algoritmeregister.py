"""The national Algoritmeregister: every entry we export, of the example and of generated edge
cases, is validated against a validator built from the register's own configuration of
publication standard 1.0 (MinBZK/Algoritmeregister backend/app/schemas/config/v1_0.json at
commit 559218f55d46e2fa89a3f97a36d1cb1414494409; see tests/register_v1_0.py), measuring text
as the register does (lxml, HTML stripped). A limit only the register imposes is a warning
(W2xx) in `datavisie check` at the content's file and line, and `datavisie algoritmeregister`
refuses the same entry (DV23x, exit 1) without writing anything."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import register_v1_0 as register
import yaml
from places import MINIMAL, NOORDKUST, REPO, copy_minimal

from build_tools.audience import for_audience, internal_fragments
from build_tools.cli import main as cli
from build_tools.content import labels
from build_tools.content.contract import (
    DPIA_STATUS,
    POLICY_AREA,
    PROJECT_STATUS,
    PUBLICATION_CATEGORY,
)
from build_tools.content.load import load
from build_tools.views.algoritmeregister.entry import (
    DPIA,
    FIELDS,
    FRIA,
    IAMA,
    build_entry,
    entries,
    impact_test_title,
)
from build_tools.views.algoritmeregister.standard import register_length, standard, violations
from build_tools.views.website import SiteContext
from build_tools.views.website.algorithms import algorithms_page
from build_tools.views.website.register import project_page

ROOTS = {"denhelder": REPO, "noordkust": NOORDKUST,
         "minimal": MINIMAL}


# --- helpers -------------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    """`datavisie ...` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue(), err.getvalue()


def check_issues(root: Path) -> list[dict[str, Any]]:
    code, out, _ = run("--root", str(root), "check", "--format", "json")
    found: list[dict[str, Any]] = json.loads(out)
    if any(not i["code"].startswith("W") for i in found):
        assert code == 1
    else:  # warnings alone exit 0 where the warning machinery is in (1 before it)
        assert code in ((0, 1) if found else (0,))
    return found


def export(root: Path, out: Path) -> tuple[int, str]:
    code, stdout, stderr = run("--root", str(root), "algoritmeregister", "--uit", str(out))
    return code, stdout + stderr


def public(root: Path) -> Any:
    return for_audience(load(root))


def record_of(root: Path, project_id: str) -> dict[str, Any]:
    model = public(root)
    p = model.project(project_id)
    assert p is not None and p.algoritme is not None
    return dict(build_entry(model, p).record)


def write_project(root: Path, project_id: str, data: dict[str, Any]) -> Path:
    path = root / "content" / "projecten" / f"{project_id}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")
    return path


def base_project(**algorithm: Any) -> dict[str, Any]:
    return {
        "naam": "Voorspellen van onderhoud aan bruggen",
        "samenvatting": "Een model voorspelt welke brug als eerste onderhoud nodig heeft.",
        "themas": ["transparantie"],
        "status": "in-gebruik",
        "start": "2024-02",
        "eigenaar": "Team Openbare Ruimte",
        "doel": "Bruggen op tijd onderhouden.",
        "gegevens": [{"bron": "Inspecties van bruggen", "persoonsgegevens": False}],
        "dpia": "niet-nodig",
        "algoritme": {"publicatiecategorie": "overig", "soort": "statistisch",
                      "menselijke_tussenkomst": "Een inspecteur beslist.",
                      "risicobeheer": "We vergelijken elk jaar met de inspecties.",
                      **algorithm},
    }


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def words(n: int, word: str = "woord") -> str:
    """Plain text of exactly n characters (words and spaces, no trailing space)."""
    text = " ".join([word] * (n // (len(word) + 1) + 2))[:n]
    return text[:-1] + "x" if text.endswith(" ") else text


def assert_accepted(record: dict[str, Any]) -> None:
    """Both validators accept it, and the exporter measures every text as the register."""
    assert register.errors(record) == [], record
    assert violations(record) == []
    for key, value in record.items():
        if isinstance(value, str):
            assert register_length(value) == len(register.strip_html(value)), key


# --- the configuration ----------------------------------------------------------------------


def test_the_vendored_configuration_is_the_registers_v1_0() -> None:
    data = register.config()
    assert data["repository"] == "MinBZK/Algoritmeregister"
    assert data["commit"] == register.COMMIT and data["standard_version"] == "1.0"
    props = data["properties"]
    assert len(props) == 30
    assert {k for k, v in props.items() if v["required"] is True} == {
        "name", "description_short", "organization", "status", "contact_email",
        "publication_category", "lang"}
    assert props["standard_version"]["permitted_values"] == ["1.0"]
    assert props["status"]["permitted_values"] == ["In ontwikkeling", "In gebruik",
                                                   "Buiten gebruik"]
    assert len(props["category"]["permitted_values"]) == 16
    assert props["category"]["max_items"] == 3
    assert props["methods_and_models"]["max_length"] == 5000
    shown = {k for k, v in props.items() if v.get("show_always")}
    assert {"proportionality", "category", "begin_date", "source_data"} <= shown
    # the schema made from it is a valid JSON Schema, and refuses what the issue names
    assert register.errors({"name": "x"})  # required fields missing
    assert any("standard_version" in e for e in register.errors(
        {**_minimal_entry(), "standard_version": "1.0.0"}))


def _minimal_entry() -> dict[str, Any]:
    return {"name": "Naam", "description_short": "Kort.", "organization": "Gemeente",
            "status": "In gebruik", "contact_email": "a@example.nl",
            "publication_category": "Overige algoritmes", "lang": "nld"}


def test_every_field_of_the_standard_says_where_it_comes_from() -> None:
    assert list(FIELDS) == list(standard().properties)
    for e in entries(public(REPO)):
        assert set(e.record) <= set(e.sources) | {"lars"}


def test_our_enums_map_onto_the_registers_values() -> None:
    std = standard()
    assert set(labels.REGISTER_STATUS) == set(PROJECT_STATUS)
    assert set(labels.REGISTER_STATUS.values()) == set(std.prop("status").permitted_values)
    assert set(labels.REGISTER_CATEGORY) == set(PUBLICATION_CATEGORY)
    assert set(labels.REGISTER_CATEGORY.values()) == \
        set(std.prop("publication_category").permitted_values)
    assert len(POLICY_AREA) == 16 and set(labels.POLICY_AREA) == set(POLICY_AREA)
    assert set(labels.POLICY_AREA.values()) == set(std.prop("category").permitted_values)
    assert labels.POLICY_AREA["overheidsfinancien"] == "Overheidsfinanciën"


# --- every export of the example and the fixtures ------------------------------------------


@pytest.mark.parametrize("which", sorted(ROOTS))
def test_every_export_validates_against_the_registers_v1_0(which: str) -> None:
    found = entries(public(ROOTS[which]))
    assert found
    for e in found:
        assert_accepted(dict(e.record))


def test_the_example_fills_every_field_the_register_always_shows() -> None:
    std = standard()
    shown = [k for k, p in std.properties.items() if p.show_always]
    for e in entries(public(REPO)):
        missing = [k for k in shown if not e.record.get(k)]
        assert not missing, (e.project.id, missing)
        if e.project.status == "buiten-gebruik":
            assert e.record["end_date"] == e.project.eind.text  # type: ignore[union-attr]


def test_the_example_exports_for_upload(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    code, text = export(REPO, out)
    assert code == 0, text
    found = entries(public(REPO))
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{e.project.id}.json" for e in found] + ["alle_algoritmes.json"])
    combined = json.loads((out / "alle_algoritmes.json").read_text(encoding="utf-8"))
    assert [r["source_id"] for r in combined] == [e.project.id for e in found]
    for e in found:
        one = json.loads((out / f"{e.project.id}.json").read_text(encoding="utf-8"))
        assert one == dict(e.record) and one in combined
        assert register.errors(one) == []
    assert "publicatiestandaard 1.0" in text


# --- field by field -------------------------------------------------------------------------


def test_begin_and_end_date_are_the_months_of_use_not_the_project(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    data = base_project(in_gebruik_sinds="2024-09-15")
    data.update(status="buiten-gebruik", eind="2025-03")
    write_project(root, "bruggen", data)
    record = record_of(root, "bruggen")
    assert record["begin_date"] == "2024-09"  # not the project's start (2024-02)
    assert record["end_date"] == "2025-03"
    write_project(root, "bruggen", base_project())
    record = record_of(root, "bruggen")
    assert "begin_date" not in record and "end_date" not in record


@pytest.mark.parametrize("status", PROJECT_STATUS)
@pytest.mark.parametrize("category", PUBLICATION_CATEGORY)
def test_every_status_and_category_is_accepted(tmp_path: Path, status: str,
                                               category: str) -> None:
    root = copy_minimal(tmp_path / "p")
    data = base_project(publicatiecategorie=category)
    data["status"] = status
    if status == "buiten-gebruik":
        data["eind"] = "2025-01"
    write_project(root, "bruggen", data)
    record = record_of(root, "bruggen")
    assert record["status"] == labels.REGISTER_STATUS[status]
    assert record["publication_category"] == labels.REGISTER_CATEGORY[category]
    assert_accepted(record)


def test_every_policy_area_is_accepted(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    for i in range(0, len(POLICY_AREA), 3):
        areas = list(POLICY_AREA[i:i + 3])
        write_project(root, "bruggen", base_project(beleidsterrein=areas))
        record = record_of(root, "bruggen")
        assert record["category"] == [labels.POLICY_AREA[a] for a in areas]
        assert_accepted(record)


@pytest.mark.parametrize("dpia", DPIA_STATUS)
def test_impact_tests_use_the_registers_titles_and_explain_what_was_not_done(
        tmp_path: Path, dpia: str) -> None:
    root = copy_minimal(tmp_path / "p")
    data = base_project(
        impacttoetsen=[{"titel": "IAMA bruggen", "link": "https://www.example.nl/iama.pdf"},
                       {"titel": "Toets op toegankelijkheid"}],
        toelichting_impacttoetsen="Een FRIA is niet nodig: het is geen AI-systeem.")
    data["dpia"] = dpia
    if dpia == "onbekend":
        data["gegevens"] = [{"bron": "Inspecties", "persoonsgegevens": False}]
    write_project(root, "bruggen", data)
    record = record_of(root, "bruggen")
    titles = [t["title"] for t in record["impacttoetsen_grouping"]]
    assert titles[:2] == [IAMA, "Toets op toegankelijkheid"]
    assert record["impacttoetsen_grouping"][0]["link"] == "https://www.example.nl/iama.pdf"
    assert (DPIA in titles) == (dpia == "uitgevoerd")  # the register's DPIA filter finds it
    text = register.strip_html(record["impacttoetsen"])
    assert "Een FRIA is niet nodig" in text
    assert ("Een DPIA was niet nodig: het algoritme gebruikt geen persoonsgegevens."
            in text) == (dpia == "niet-nodig")
    assert ("DPIA is gepland" in text) == (dpia == "gepland")
    assert_accepted(record)


def test_impact_test_titles() -> None:
    assert impact_test_title("DPIA vroegsignalering schulden") == DPIA
    assert impact_test_title("Gegevensbeschermingseffectbeoordeling 2024") == DPIA
    assert impact_test_title("IAMA en besluit tot stoppen (2025)") == IAMA
    assert impact_test_title("fria") == FRIA
    assert impact_test_title("DPIA en IAMA") == "DPIA en IAMA"  # two at once: as written
    assert impact_test_title("Ethische toets") == "Ethische toets"
    assert impact_test_title("IAMADPIA") == "IAMADPIA"


def test_legal_basis_and_sources_go_as_title_and_link(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    data = base_project(wettelijke_basis="De Wegenwet.", wettelijke_basis_links=[
        {"titel": "Wegenwet", "link": "https://wetten.overheid.nl/BWBR0001811"}])
    data["gegevens"] = [
        {"bron": "Inspecties", "persoonsgegevens": False,
         "link": "https://data.example.nl/inspecties"},
        {"bron": "Adressen & <namen>", "persoonsgegevens": True}]
    data["dpia"] = "uitgevoerd"
    write_project(root, "bruggen", data)
    record = record_of(root, "bruggen")
    assert record["lawful_basis_grouping"] == [
        {"title": "Wegenwet", "link": "https://wetten.overheid.nl/BWBR0001811"}]
    assert record["source_data_grouping"] == [
        {"title": "Inspecties", "link": "https://data.example.nl/inspecties"}]
    assert register.strip_html(record["source_data"]) == \
        "Inspecties Adressen & <namen> (persoonsgegevens)"
    assert_accepted(record)


HTML_IN_MARKDOWN = (
    "Tekst met <script>alert(1)</script> en <b>vet</b>, <div onclick=\"x()\">blok</div>.\n\n"
    "- een [link](https://www.example.nl/uitleg) in een lijst\n"
    "- &lt;geen tag&gt; &amp; een <img src=x onerror=alert(1)>\n\n"
    "1. genummerd  \n   met een harde regelovergang\n\n"
    "# Kop\n\n> citaat met `code`\n\n    ingesprongen code\n"
)


def test_html_in_markdown_fields_is_text_and_only_the_registers_tags_remain(
        tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    write_project(root, "bruggen", base_project(
        menselijke_tussenkomst=HTML_IN_MARKDOWN, risicobeheer=HTML_IN_MARKDOWN,
        afwegingen=HTML_IN_MARKDOWN, wettelijke_basis=HTML_IN_MARKDOWN,
        technische_werking=HTML_IN_MARKDOWN, toelichting_impacttoetsen=HTML_IN_MARKDOWN))
    record = record_of(root, "bruggen")
    for key in ("human_intervention", "risks", "proportionality", "lawful_basis",
                "methods_and_models", "impacttoetsen"):
        value = record[key]
        tags = {tag for tag, _ in register.html_elements(value)}
        assert tags <= {"p", "br", "ul", "ol", "li", "div"}, (key, tags)
        assert {"ul", "ol", "br"} <= tags
        text = register.strip_html(value)
        assert "<script>alert(1)</script>" in text and "<b>vet</b>" in text  # shown as text
        assert "link (https://www.example.nl/uitleg)" in text  # the address is kept
        assert "<geen tag> & een" in text
    assert_accepted(record)


# --- each limit at its maximum, and one over ------------------------------------------------


Apply = Callable[[Path, int], tuple[Path, str]]  # (root, knob) -> (file, needle of the line)


def _algorithm(needle: str | None = None, **fields: Any) -> Apply:
    """A case that sets algorithm fields from the knob n."""
    def apply(root: Path, n: int) -> tuple[Path, str]:
        made = {k: (f(n) if callable(f) else f) for k, f in fields.items()}
        path = write_project(root, "bruggen", base_project(**made))
        return path, needle or next(iter(fields)) + ":"
    return apply


def _project(key: str, make: Callable[[int], Any], needle: str | None = None) -> Apply:
    def apply(root: Path, n: int) -> tuple[Path, str]:
        data = base_project()
        data[key] = make(n)
        return write_project(root, "bruggen", data), needle or f"{key}:"
    return apply


def _organisation(key: str, make: Callable[[int], str]) -> Apply:
    def apply(root: Path, n: int) -> tuple[Path, str]:
        path = root / "content" / "organisatie.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if key == "email":
            data["contact"]["email"] = make(n)
        else:
            data[key] = make(n)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                        encoding="utf-8")
        write_project(root, "bruggen", base_project())
        return path, f"{key}:"
    return apply


def _file_name(root: Path, n: int) -> tuple[Path, str]:
    project_id = ("brug-" * n)[:n].strip("-")
    project_id = project_id + "x" * (n - len(project_id))
    return write_project(root, project_id, base_project()), "naam:"


def _url(n: int) -> str:
    head = "https://www.example.nl/"
    return head + "a" * (n - len(head))


def _sources(n: int) -> list[dict[str, Any]]:
    """n characters of source names, in sources of at most 150 characters."""
    out, left = [], n
    while left > 0:
        size = min(150, left)
        out.append({"bron": words(size, "bron"), "persoonsgegevens": False})
        left -= size
    return out


# case -> (register field, its limit, how to fill it, content can exceed it). Where the content
# contract's own limit is lower than the register's (a name, a title, a Markdown text), the
# contract stops one character more with DV103 and the register's limit is reached at most.
LIMIT_CASES: dict[str, tuple[str, int, Apply, bool]] = {
    "name": ("name", 100, _project("naam", words), False),
    "organization": ("organization", 100, _organisation("naam", words), True),
    "description_short": ("description_short", 350, _project("samenvatting", words), False),
    "goal": ("goal", 2500, _project("doel", words), False),
    "proportionality": ("proportionality", 2500, _algorithm(afwegingen=words), False),
    "human_intervention": ("human_intervention", 2500,
                           _algorithm(menselijke_tussenkomst=words), False),
    "risks": ("risks", 2500, _algorithm(risicobeheer=words), False),
    "lawful_basis": ("lawful_basis", 2500, _algorithm(wettelijke_basis=words), False),
    "methods_and_models": ("methods_and_models", 5000, _algorithm(technische_werking=words),
                           True),
    "impacttoetsen": ("impacttoetsen", 2500, _algorithm(toelichting_impacttoetsen=words), True),
    "source_data": ("source_data", 2500, _project("gegevens", _sources, "- bron:"), True),
    "publiccode": ("publiccode", 500, _algorithm(broncode=_url), True),
    "process_index_url": ("process_index_url", 500, _algorithm(verwerkingsregister=_url), True),
    "lawful_basis_grouping.link": ("lawful_basis_grouping", 500, _algorithm(
        "  link: https", wettelijke_basis_links=lambda n: [{"titel": "Wegenwet",
                                                          "link": _url(n)}]), True),
    "lawful_basis_grouping.title": ("lawful_basis_grouping", 100, _algorithm(
        wettelijke_basis_links=lambda n: [{"titel": words(n), "link": _url(40)}]), False),
    "impacttoetsen_grouping.link": ("impacttoetsen_grouping", 500, _algorithm(
        "  link: https", impacttoetsen=lambda n: [{"titel": "DPIA", "link": _url(n)}]), True),
    "source_data_grouping.link": ("source_data_grouping", 500, _project(
        "gegevens", lambda n: [{"bron": "Inspecties", "persoonsgegevens": False,
                                "link": _url(n)}], "link:"), True),
    "url": ("url", 500, _organisation("site_url", _url), True),
    "contact_email": ("contact_email", 500, _organisation(
        "email", lambda n: "a" * (n - len("@example.nl")) + "@example.nl"), True),
    "source_id": ("source_id", 100, _file_name, False),  # ids: at most 100 characters (DV015)
}
# the content contract's own code for one character more, where it stops it itself
CONTRACT_CODE = {"source_id": "DV015", "provider": "W003", "source_data_grouping.title": "W003"}
# limits the project only advises (W003): one character more is our own warning, besides the
# register's
ADVISED = {"organization"}
# the register's limit is above what the content contract allows: its own maximum is tested
OWN_MAXIMUM = {
    "provider": ("provider", 100, _algorithm(leverancier=words)),
    "source_data_grouping.title": ("source_data_grouping", 150, _project(
        "gegevens", lambda n: [{"bron": words(n), "persoonsgegevens": False,
                                "link": _url(40)}])),
}


def _measure(record: dict[str, Any], key: str) -> int:
    value = record.get(key)
    if isinstance(value, list):  # a list of groups: the longest text of its first item
        return max(len(register.strip_html(v)) for v in value[0].values())
    return len(register.strip_html(value or ""))


def _largest(root: Path, key: str) -> int:
    """The field's largest size over every entry (an address grows with the project's id)."""
    return max(_measure(dict(e.record), key) for e in entries(public(root)) if key in e.record)


def _tune(root: Path, apply: Apply, key: str, limit: int) -> tuple[int, Path, str]:
    """The knob at which the register measures exactly `limit` for the field, in the entry
    where it is largest: (knob, file, needle of the field's line)."""
    n = limit
    for _ in range(4):
        path, needle = apply(root, n)
        size = _largest(root, key)
        if size == limit:
            return n, path, needle
        n += limit - size
    raise AssertionError(f"could not reach {limit} for {key} (at {size})")


def _accepted_on_export(root: Path, out: Path) -> None:
    assert check_issues(root) == []
    code, text = export(root, out)
    assert code == 0, text
    for file in out.iterdir():
        if file.name != "alle_algoritmes.json":
            record = json.loads(file.read_text("utf-8"))
            assert register.errors(record) == [], file.name
            assert_accepted(record)


@pytest.mark.parametrize("case", sorted(LIMIT_CASES))
def test_each_limit_at_its_maximum_is_accepted_and_one_more_is_reported(
        tmp_path: Path, case: str) -> None:
    key, limit, apply, can_exceed = LIMIT_CASES[case]
    root = copy_minimal(tmp_path / "p")
    n, path, needle = _tune(root, apply, key, limit)
    _accepted_on_export(root, tmp_path / "uit")

    for old in (root / "content" / "projecten").glob("brug*.yml"):
        old.unlink()  # a project named by its file name must not stay behind
    path, needle = apply(root, n + 1)  # one character more
    issues = check_issues(root)
    if not can_exceed:  # the content contract itself stops it (a text or title too long)
        assert issues and {i["code"] for i in issues} == {CONTRACT_CODE.get(case, "DV103")}, \
            issues
        return
    assert _largest(root, key) == limit + 1
    if case in ADVISED:
        issues = [i for i in issues if i["code"] != "W003"]
    rel = path.relative_to(root).as_posix()
    assert issues and {(i["code"], i["path"]) for i in issues} == {("W201", rel)}, issues
    assert {i["line"] for i in issues} == {line_of(path, needle)}, (issues, path.read_text())
    assert all(f"hoogstens {limit}" in i["message"] and "Algoritmeregister" in i["message"]
               for i in issues)
    out = tmp_path / "uit-2"
    code, text = export(root, out)
    assert code == 1 and not out.exists()
    assert f"{rel}:{issues[0]['line']}:" in text and "DV230" in text


@pytest.mark.parametrize("case", sorted(OWN_MAXIMUM))
def test_where_the_contract_is_stricter_its_maximum_is_accepted(tmp_path: Path,
                                                                 case: str) -> None:
    key, own, apply = OWN_MAXIMUM[case]
    prop = standard().prop(key)
    limit = prop.items["title"].max_length if prop.items else prop.max_length
    assert limit is not None and limit > own
    root = copy_minimal(tmp_path / "p")
    _tune(root, apply, key, own)
    _accepted_on_export(root, tmp_path / "uit")
    apply(root, own + 1)
    assert {i["code"] for i in check_issues(root)} == {CONTRACT_CODE.get(case, "DV103")}


def test_more_than_three_policy_areas_is_a_warning_and_refused_on_export(
        tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    path = write_project(root, "bruggen", base_project(beleidsterrein=list(POLICY_AREA[:4])))
    issues = check_issues(root)  # a list's place is its first item's line
    assert [(i["code"], i["line"]) for i in issues] == [
        ("W202", line_of(path, f"- {POLICY_AREA[0]}"))]
    assert "hoogstens 3" in issues[0]["message"] and "Thema" in issues[0]["message"]
    code, text = export(root, tmp_path / "uit")
    assert code == 1 and "DV231" in text and not (tmp_path / "uit").exists()


def test_an_unknown_policy_area_is_a_content_error(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    write_project(root, "bruggen", base_project(beleidsterrein=["verkeer", "sport"]))
    assert [i["code"] for i in check_issues(root)] == ["DV108"]


# --- the command: audience, leak scan, atomic folder ----------------------------------------


def test_internal_algorithms_and_parts_never_appear(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    secret = base_project(afwegingen="Interne afweging die nooit openbaar mag worden.")
    secret["zichtbaarheid"] = "intern"
    secret["naam"] = "Geheim algoritme voor interne proeven"
    write_project(root, "geheim-algoritme", secret)
    partly = base_project(
        technische_werking="Openbare uitleg.\n\n!!! intern\n    Het wachtwoord staat in de "
                           "kluis van het datateam.\n",
        intern={"notitie": "Interne notitie over de leverancier en het contract."})
    partly["gegevens"] = [{"bron": "Inspecties", "persoonsgegevens": False,
                           "intern": {"opmerking": "Interne opmerking over deze bron."}}]
    write_project(root, "bruggen", partly)
    out = tmp_path / "uit"
    code, text = export(root, out)
    assert code == 0, text
    names = sorted(p.name for p in out.iterdir())
    assert "geheim-algoritme.json" not in names and "bruggen.json" in names
    written = " ".join((out / n).read_text("utf-8") for n in names)
    raw = load(root)
    fragments = internal_fragments(raw)
    assert len(fragments) >= 4
    for fragment in fragments:
        assert fragment.casefold() not in " ".join(written.split()).casefold(), fragment
    assert "Openbare uitleg." in written


def test_the_leak_scan_stops_an_export_when_the_filter_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_minimal(tmp_path / "p")
    secret = base_project(afwegingen="Interne afweging die nooit openbaar mag worden.")
    secret["zichtbaarheid"] = "intern"
    write_project(root, "geheim-algoritme", secret)
    from build_tools.cli import algoritmeregister as command

    monkeypatch.setattr(command, "for_audience", lambda model, audience: model)
    out = tmp_path / "uit"
    code, text = export(root, out)
    assert code == 2 and "interne tekst" in text and not out.exists()


def test_the_folder_is_replaced_whole_and_a_foreign_one_is_refused(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    out = tmp_path / "uit"
    out.mkdir()
    (out / "oud-algoritme.json").write_text("{}", encoding="utf-8")
    code, text = export(root, out)
    assert code == 0, text
    assert sorted(p.name for p in out.iterdir()) == ["alle_algoritmes.json", "meldingen.json"]
    (out / "notities.txt").write_text("van iemand anders", encoding="utf-8")
    code, text = export(root, out)
    assert code == 1 and "notities.txt" in text
    assert (out / "notities.txt").exists()


def test_a_content_error_writes_nothing(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    data = base_project()
    data["status"] = "pilott"
    write_project(root, "bruggen", data)
    code, text = export(root, tmp_path / "uit")
    assert code == 1 and "DV108" in text and not (tmp_path / "uit").exists()


def test_the_register_id_reads_as_text_quoted_or_not(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    path = write_project(root, "bruggen", base_project())
    path.write_text(path.read_text("utf-8") + "  lars: 00012345\n", encoding="utf-8")
    record = record_of(root, "bruggen")
    assert record["lars"] == "00012345"
    assert_accepted(record)


# --- the site ---------------------------------------------------------------------------------


def test_the_register_page_lists_our_algorithms_and_links_those_in_the_national_register(
        ) -> None:
    model = public(REPO)
    page = algorithms_page(SiteContext(model=model))
    assert page is not None and page.path == "algoritmeregister.md"
    html = "".join(page.blocks.values())
    found = [p for p in model.projecten if p.algoritme]
    for p in found:
        assert f'href="projecten/{p.id}/"' in html or f"projecten/{p.id}" in html
        assert f"data/algoritmeregister/{p.id}.json" in html
    listed = [p for p in found if p.algoritme.lars or p.algoritme.registratie]
    assert listed and len(listed) < len(found)
    for p in listed:
        assert (p.algoritme.registratie or p.algoritme.lars) in html
    assert html.count("Nog niet") == len(found) - len(listed)
    assert "alle_algoritmes.json" in html


def test_the_register_page_links_by_register_id(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path / "p")
    write_project(root, "bruggen", base_project(lars="12345678"))
    page = algorithms_page(SiteContext(model=public(root)))
    assert page is not None
    assert "https://algoritmes.overheid.nl/nl/algoritme/12345678" in "".join(
        page.blocks.values())


def test_the_project_page_shows_the_new_fields() -> None:
    model = public(REPO)
    p = model.project("vroegsignalering-schulden")
    page = project_page(SiteContext(model=model), p)
    shown = page.markdown + "".join(page.blocks.values())
    assert "Sociale zekerheid" in shown and "maart 2021" in shown
    assert "### Afwegingen" in shown
    assert "https://wetten.overheid.nl/BWBR0031760" in shown
    assert "Algoritme-ID 10000001" in shown
    assert "Verwerkingsregister" in shown


def test_a_change_summary_names_the_new_fields() -> None:
    import dataclasses

    from build_tools.content.model import LegalLink
    from build_tools.content.types import parse_when
    from build_tools.staff.changes.compare import compare_models

    model = load(ROOTS["minimal"])
    p = model.project("meldingen")
    assert p is not None and p.algoritme is not None
    a = dataclasses.replace(p.algoritme, afwegingen="Zo is het redelijk.",
                            beleidsterrein=("verkeer",), in_gebruik_sinds=parse_when("2024-05"),
                            wettelijke_basis_links=(LegalLink("Wegenwet", "https://w.example.nl/"),))
    sources = (dataclasses.replace(p.gegevens[0], link="https://data.example.nl/m"),
               *p.gegevens[1:])
    new = dataclasses.replace(p, algoritme=a, gegevens=sources)
    [change] = compare_models(model, dataclasses.replace(
        model, projecten=tuple(new if x.id == p.id else x for x in model.projecten)))
    shown = {d.veld: d for d in change.details}
    assert {"gegevens", "algoritme.beleidsterrein", "algoritme.in_gebruik_sinds",
            "algoritme.afwegingen", "algoritme.wettelijke_basis_links"} == set(shown)
    assert "https://data.example.nl/m" in shown["gegevens"].nieuw  # type: ignore[union-attr]
    assert shown["algoritme.in_gebruik_sinds"].nieuw == "mei 2024"  # type: ignore[union-attr]


def test_any_other_refusal_is_reported_at_its_source() -> None:
    """W203/DV232: a value the register does not take (content valid under the contract never
    makes one; the rule guards the exporter itself)."""
    import dataclasses

    from build_tools.views.algoritmeregister.checks import entry_issues

    model = public(ROOTS["minimal"])
    p = model.project("meldingen")
    assert p is not None
    entry = build_entry(model, p)
    broken = dataclasses.replace(entry, record={**entry.record, "status": "Gepauzeerd"})
    [warning] = entry_issues(broken, refuse=False)
    [error] = entry_issues(broken, refuse=True)
    assert (warning.code, error.code) == ("W203", "DV232")
    assert (warning.path, warning.line) == (p.path, p.fpos["status"].line)
    assert "In ontwikkeling, In gebruik, Buiten gebruik" in warning.message


def test_only_public_algorithms_are_held_to_the_register(tmp_path: Path) -> None:
    """An internal project is never exported, so the register's limits do not apply to it; a
    public one is checked for the register whatever audience the check is for."""
    root = copy_minimal(tmp_path / "p")
    secret = base_project(beleidsterrein=list(POLICY_AREA[:4]))
    secret["zichtbaarheid"] = "intern"
    write_project(root, "geheim-algoritme", secret)
    assert check_issues(root) == []
    code, out, _ = run("--root", str(root), "check", "--doelgroep", "intern", "--format", "json")
    assert json.loads(out) == [] and code == 0
    write_project(root, "bruggen", base_project(beleidsterrein=list(POLICY_AREA[:4])))
    code, out, _ = run("--root", str(root), "check", "--doelgroep", "intern", "--format", "json")
    assert [(i["code"], i["path"]) for i in json.loads(out)] == [
        ("W202", "content/projecten/bruggen.yml")]
