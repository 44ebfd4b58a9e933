"""Value types and record schemas: YAML Nodes -> checked values or located issues, and the
JSON Schemas the same declarations produce for editors."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from build_tools.content import contract as S
from build_tools.content.types import (
    MISSING,
    Bool,
    Ctx,
    Email,
    Enum,
    F,
    Free,
    Id,
    Int,
    ListOf,
    Moment,
    Record,
    Ref,
    Text,
    Type,
    Url,
    When,
    parse_when,
)
from build_tools.content.yamlio import Node, parse_yaml


def node(text: str) -> Node:
    """The Node of `v` in `v: <text>` (or in `text` itself when it starts with `v:`)."""
    n, issues = parse_yaml(text if text.startswith("v:") else f"v: {text}\n", "t.yml")
    assert not issues and n is not None
    found: Node = n.value["v"]
    return found


def check(t: Type, text: str) -> tuple[Any, list[tuple[str, int, int]]]:
    ctx = Ctx()
    value = t.check(node(text), ctx, "v")
    return value, [(i.code, i.line, i.col) for i in ctx.issues]


def hints(t: Type, text: str) -> list[str]:
    ctx = Ctx()
    t.check(node(text), ctx, "v")
    return [i.hint for i in ctx.issues]


# --- Text -----------------------------------------------------------------------------------

def test_text_strips_and_keeps_nee() -> None:
    assert check(Text(), "  nee ") == ("nee", [])
    assert check(Text(), "1.10") == ("1.10", [])


def test_text_empty() -> None:
    assert check(Text(), '""') == (MISSING, [("DV102", 1, 4)])


def test_text_too_long_says_by_how_much() -> None:
    ctx = Ctx()
    value = Text(max=10).check(node("twaalf tekens"), ctx, "v")
    assert value == "twaalf tekens"  # kept: the length is reported, the value still usable
    (issue,) = ctx.issues
    assert issue.code == "DV103" and "13 tekens; de grens is 10" in issue.message
    assert issue.hint == "maak de tekst 3 tekens korter"
    assert hints(Text(max=12), "twaalf tekens") == ["maak de tekst 1 teken korter"]


def test_text_single_line() -> None:
    assert check(Text(single_line=True), '"a\\nb"')[1] == [("DV104", 1, 4)]


def test_markdown_text_keeps_inner_whitespace() -> None:
    value, issues = check(Text(markdown=True), "v: |\n  eerste\n\n      code\n")
    assert (value, issues) == ("eerste\n\n    code", [])


def test_text_refuses_list_and_mapping() -> None:
    assert check(Text(), "[a]") == (MISSING, [("DV101", 1, 4)])
    assert check(Text(), "{a: b}") == (MISSING, [("DV101", 1, 4)])


# --- Int, Bool, Enum ------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [("1", 1), ("0", 0), ("-3", -3), ("007", 7)])
def test_int(raw: str, expected: int) -> None:
    assert check(Int(), raw) == (expected, [])


@pytest.mark.parametrize("raw", ["1.5", '"1"', "een", "0x1", "1e3", "[1]"])
def test_int_refuses(raw: str) -> None:
    value, issues = check(Int(), raw)
    assert value is MISSING and issues[0][0] in {"DV105", "DV101"}


def test_int_range() -> None:
    assert check(Int(min=1, max=5), "6") == (MISSING, [("DV106", 1, 4)])
    assert hints(Int(min=1, max=5), "0") == ["kies een getal van 1 tot en met 5"]


@pytest.mark.parametrize("raw", ["9" * 5_000, "-" + "9" * 5_000, "1" + "0" * 18,
                                 "0" * 5_000 + "1" * 19])
def test_an_int_of_thousands_of_digits_is_out_of_range_not_a_crash(raw: str) -> None:
    # int() refuses strings of more than 4,300 digits with a ValueError
    ctx = Ctx()
    assert Int(min=1, max=99).check(node(raw), ctx, "volgorde") is MISSING
    [issue] = ctx.issues
    assert (issue.code, issue.line, issue.col) == ("DV106", 1, 4)
    assert f"({len(raw)} cijfers)" in issue.message and len(issue.message) < 100


def test_an_int_with_many_leading_zeros_is_read() -> None:
    assert check(Int(min=1, max=99), "0" * 5_000 + "42") == (42, [])


@pytest.mark.parametrize("raw", ["٣", "３", "²"])
def test_an_int_is_written_in_ascii_digits(raw: str) -> None:
    assert check(Int(), raw)[1] == [("DV105", 1, 4)]


@pytest.mark.parametrize(("raw", "expected"),
                         [("true", True), ("false", False), ("ja", True), ("nee", False)])
def test_bool_accepts_only_four_words(raw: str, expected: bool) -> None:
    assert check(Bool(), raw) == (expected, [])


@pytest.mark.parametrize("raw", ["yes", "no", "on", "off", "True", "Ja", "1", "0"])
def test_bool_refuses_the_rest(raw: str) -> None:
    value, issues = check(Bool(), raw)
    assert value is MISSING and issues == [("DV107", 1, 4)]


def test_enum_suggests_the_closest_value() -> None:
    t = Enum(values=S.PROJECT_STATUS)
    assert check(t, "pilot") == ("pilot", [])
    assert check(t, "in gebruik")[1] == [("DV108", 1, 4)]
    assert hints(t, "in gebruik")[0].startswith("bedoelde je `in-gebruik`? kies uit: verkenning")
    assert "bedoelde" not in hints(t, "xyz")[0]


# --- moments --------------------------------------------------------------------------------

def test_parse_when_kinds() -> None:
    assert parse_when("2024-03-15") == When(date(2024, 3, 15), date(2024, 3, 15), "dag", "")
    month = parse_when("2024-02")
    assert month is not None and (month.start, month.end, month.kind) == (
        date(2024, 2, 1), date(2024, 2, 29), "maand")
    quarter = parse_when("2024-Q4")
    assert quarter is not None and (quarter.start, quarter.end) == (date(2024, 10, 1),
                                                                    date(2024, 12, 31))


@pytest.mark.parametrize("raw", ["2024-13", "2024-00", "2024-Q5", "2024-Q0", "24-03-2024",
                                 "maart 2024", "2024-02-30", "2024/03/01", "2024-3", "2024-q1",
                                 "20240301", "2024-03-01T10:00"])
def test_parse_when_refuses(raw: str) -> None:
    assert parse_when(raw) is None


def test_moment_kinds_are_enforced() -> None:
    assert check(Moment(kinds=("dag",)), "2024-03")[1] == [("DV109", 1, 4)]
    assert check(Moment(kinds=("dag", "maand")), "2024-Q1")[1] == [("DV109", 1, 4)]
    value, issues = check(Moment(kinds=("kwartaal", "maand", "dag")), "2024-Q1")
    assert not issues and value.kind == "kwartaal"


@pytest.mark.parametrize("raw", ["9999-12-31", "9999-01", "9999-Q1"])
def test_a_date_in_the_year_9999_is_refused(raw: str) -> None:
    # the site computes a year past a date (security.txt's expiry, the roadmap's axis)
    ctx = Ctx()
    assert S.WHEN.check(node(raw), ctx, "wanneer") is MISSING
    [issue] = ctx.issues
    assert (issue.code, issue.line, issue.col) == ("DV109", 1, 4)
    assert "te ver weg" in issue.message and "9998" in issue.hint


def test_the_first_and_the_last_usable_year_are_accepted() -> None:
    assert check(S.WHEN, "9998-12-31") == (parse_when("9998-12-31"), [])
    assert check(S.WHEN, "0001-01-01") == (parse_when("0001-01-01"), [])


def test_moment_hint_shows_the_forms() -> None:
    assert hints(S.WHEN, "maart 2024") == [
        "schrijf een datum (2024-03-01) of een maand (2024-03) of een kwartaal (2024-Q1)"]


def test_when_labels_in_dutch() -> None:
    labels = [parse_when(t).label() for t in ("2024-03-05", "2024-03", "2024-Q3")]  # type: ignore[union-attr]
    assert labels == ["5 maart 2024", "maart 2024", "Q3 2024"]
    assert str(parse_when("2024-Q3")) == "2024-Q3"


def test_when_orders_by_start_then_end() -> None:
    a, b, c = (parse_when(t) for t in ("2024-Q1", "2024-01", "2024-01-15"))
    assert sorted([c, a, b]) == [b, a, c]  # type: ignore[type-var]


# --- Url, Email, Id, Ref --------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["https://example.nl/", "http://example.nl/a?b=c#d"])
def test_url_ok(raw: str) -> None:
    assert check(Url(), raw) == (raw, [])


@pytest.mark.parametrize("raw", ["example.nl", "javascript:alert(1)", "ftp://x.nl",
                                 '"https://x.nl/<script>"', "mailto:a@b.nl"])
def test_url_refused(raw: str) -> None:
    assert check(Url(), raw)[1] == [("DV110", 1, 4)]


def test_email() -> None:
    assert check(Email(), "a@example.nl") == ("a@example.nl", [])
    assert check(Email(), "a.example.nl")[1] == [("DV111", 1, 4)]


@pytest.mark.parametrize("raw", ["Ethiek", "a_b", "a--b", "-a", "a-", "a b", "é"])
def test_id_refused(raw: str) -> None:
    assert check(Id(), f'"{raw}"')[1] == [("DV112", 1, 4)]


def test_ref_is_an_id() -> None:
    assert check(Ref(kind="themas"), "ethiek") == ("ethiek", [])
    assert Ref(kind="themas").label == "een id uit themas"


# --- ListOf ---------------------------------------------------------------------------------

def test_list_scalar_suggests_list_form() -> None:
    assert check(ListOf(item=Id()), "ethiek") == (MISSING, [("DV113", 1, 4)])
    assert hints(ListOf(item=Id()), "ethiek")[0].startswith("schrijf `v: [ethiek]`")


def test_list_bounds_and_uniqueness() -> None:
    t = ListOf(item=Id(), min=1, max=2, unique=True)
    assert check(t, "[]")[1] == [("DV114", 1, 4)]
    assert check(t, "[a, b, c]")[1] == [("DV114", 1, 11)]
    value, issues = check(t, "[a, a]")
    assert value == ("a",) and issues == [("DV115", 1, 8)]


def test_list_empty_value_is_empty_tuple() -> None:
    assert check(ListOf(item=Id()), "") == ((), [])


def test_list_items_report_their_own_position() -> None:
    value, issues = check(ListOf(item=Int()), "v:\n  - 1\n  - x\n  - 3\n")
    assert value is MISSING and issues == [("DV105", 3, 5)]


# --- Record ---------------------------------------------------------------------------------

R = Record(fields={"naam": F(Text(max=20), True, "Naam."), "status": F(Enum(values=("a", "b"))),
                   "lijst": F(ListOf(item=Id())), "vrij": F(Free())}, title="test")


def record(text: str) -> tuple[Any, list[tuple[str, int, int]], list[str]]:
    n, issues = parse_yaml(text, "t.yml")
    assert n is not None and not issues
    ctx = Ctx()
    value = R.check(n, ctx, "t.yml")
    return value, [(i.code, i.line, i.col) for i in ctx.issues], [i.hint for i in ctx.issues]


def test_record_values_and_positions() -> None:
    value, issues, _ = record("naam: x\nlijst:\n  - a\n  - b\nvrij: {x: [1]}\n")
    assert not issues
    assert value["naam"] == "x" and value["status"] is None and value["lijst"] == ("a", "b")
    assert value["vrij"] == {"x": ["1"]}
    assert value["_pos"].line == 1
    assert value["_fpos"]["naam"].line == 1
    assert value["_fpos"]["lijst:b"].line == 4  # the line of one list item


def test_record_unknown_key_with_suggestion() -> None:
    _, issues, hints_ = record("naam: x\nstauts: a\n")
    assert issues == [("DV117", 2, 1)] and hints_ == ["bedoelde je `status`?"]


def test_record_unknown_key_lists_known_fields() -> None:
    _, issues, hints_ = record("naam: x\nkleur: a\n")
    assert issues == [("DV117", 2, 1)] and hints_ == ["bekende velden: naam, status, lijst, vrij"]


def test_record_missing_and_empty_required() -> None:
    assert record("status: a\n")[1] == [("DV118", 1, 1)]
    assert record("naam:\n")[1] == [("DV102", 1, 6)]


def test_record_optional_empty_takes_default() -> None:
    value, issues, _ = record("naam: x\nstatus:\n")
    assert not issues and value["status"] is None


def test_record_refuses_scalar_and_list() -> None:
    ctx = Ctx()
    assert R.check(node("[a]"), ctx, "v") is MISSING and ctx.issues[0].code == "DV116"


def test_record_collects_all_issues() -> None:
    _, issues, _ = record("naam: " + "x" * 25 + "\nstatus: c\nlijst: [A]\nzz: 1\n")
    assert sorted(c for c, _, _ in issues) == ["DV103", "DV108", "DV112", "DV117"]


# --- JSON Schema ----------------------------------------------------------------------------

def test_json_schema_shapes() -> None:
    """The editor's schema for each type, read the way an editor reads YAML 1.2."""
    jsonschema = pytest.importorskip("jsonschema")

    def accepts(t: Any, value: Any) -> bool:
        return jsonschema.Draft7Validator(t.json_schema()).is_valid(value)

    text = Text(max=5)
    assert [accepts(text, v) for v in ("abcde", "  abcde\n", 2024, True, "abcdef", "  ", "")] \
        == [True, True, True, True, False, False, False]  # stripped, as the check counts
    assert not accepts(Text(max=9, single_line=True), "a\nb")
    assert Int(min=1, max=9).json_schema() == {"type": "integer", "minimum": 1, "maximum": 9}
    assert [accepts(Bool(), v) for v in (True, "ja", "true", "yes", 1)] == [True, True, True,
                                                                          False, False]
    assert Enum(values=("a", "b")).json_schema() == {"enum": ["a", "b"]}
    day = Moment(kinds=("dag",))
    assert [accepts(day, v) for v in ("2024-02-29", "2023-02-29", "2024-04-31", "0000-01-01",
                                      "2024-12-31")] == [True, False, False, False, True]
    month = Moment(kinds=("maand",))
    assert [accepts(month, v) for v in ("2024-12", "2024-13", "2024-00")] == [True, False, False]
    assert len(S.WHEN.json_schema()["anyOf"]) == 3
    assert [accepts(Id(), v) for v in ("mijn-id", 2024, "Mijn_Id", -1)] == [True, True, False,
                                                                          False]
    assert ListOf(item=Id(), min=1, max=3, unique=True).json_schema() == {
        "type": "array", "items": Id().json_schema(), "minItems": 1, "maxItems": 3,
        "uniqueItems": True}
    assert Free().json_schema() == {}


def test_record_json_schema() -> None:
    s = R.json_schema()
    assert s["type"] == "object" and s["additionalProperties"] is False
    assert s["required"] == ["naam"] and s["title"] == "test"
    assert s["properties"]["naam"]["description"] == "Naam."
    assert {"type": "null"} in s["properties"]["status"]["anyOf"]  # optional: may be empty


@pytest.mark.parametrize("kind", sorted(S.FILE_SCHEMAS))
def test_every_file_schema_is_a_json_schema(kind: str) -> None:
    s = S.FILE_SCHEMAS[kind].json_schema()
    json.dumps(s)  # plain data

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if x.get("type") == "object":
                assert x["additionalProperties"] is False
                assert set(x.get("required", [])) <= set(x["properties"])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(s)
    assert s["type"] in {"object", "array"}


def test_every_field_is_documented_in_dutch() -> None:
    def walk(t: Type, where: str) -> None:
        if isinstance(t, Record):
            for key, spec in t.fields.items():
                assert spec.doc, f"{where}.{key} has no doc"
                walk(spec.type, f"{where}.{key}")
        elif isinstance(t, ListOf):
            walk(t.item, where)

    for kind, schema in S.FILE_SCHEMAS.items():
        walk(schema, kind)
