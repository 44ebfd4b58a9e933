"""Strict YAML with positions: values, marks, refusals, and hostile inputs (no traceback)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.hostile import HOSTILE

from build_tools.content import yamlio
from build_tools.content.yamlio import (
    MAX_BYTES,
    MAX_DEPTH,
    decode,
    parse_markdown,
    parse_yaml,
    read_markdown,
    read_text,
    read_yaml,
)
from build_tools.errors import Pos


def parse(text: str, **kw: int) -> yamlio.Node:
    node, issues = parse_yaml(text, "t.yml", **kw)
    assert not issues, [i.format() for i in issues]
    assert node is not None
    return node


def codes(text: str) -> list[tuple[int, int, str]]:
    node, issues = parse_yaml(text, "t.yml")
    assert node is None
    return [(i.line, i.col, i.code) for i in issues]


# --- positions ------------------------------------------------------------------------------

def test_every_value_knows_its_line_and_column() -> None:
    node = parse("naam: Ethiek\nprincipes:\n  - titel: Eerlijk\n    toelichting: x\n")
    assert node.pos == Pos("t.yml", 1, 1)
    assert node.keys["principes"] == Pos("t.yml", 2, 1)
    naam = node.get("naam")
    assert naam is not None and naam.pos == Pos("t.yml", 1, 7)
    assert naam.key_pos == Pos("t.yml", 1, 1)
    items = node.value["principes"]
    assert items.is_seq and items.pos.line == 3
    first = items.value[0]
    assert first.is_map and first.pos == Pos("t.yml", 3, 5)
    assert first.value["toelichting"].pos == Pos("t.yml", 4, 18)


def test_flow_collections_have_positions() -> None:
    node = parse("themas: [ethiek, transparantie]\nscore: {aspect: a, huidig: 2}\n")
    assert [i.pos.col for i in node.value["themas"].value] == [10, 18]
    assert node.value["score"].value["huidig"].pos == Pos("t.yml", 2, 28)


def test_line_offset_shifts_lines_not_columns() -> None:
    node = parse("titel: x\n", line_offset=4)
    assert node.value["titel"].pos == Pos("t.yml", 5, 8)


def test_columns_count_characters_not_bytes() -> None:
    node = parse("naam: Geïntegreerd één\nb: 1\n")
    assert node.value["b"].pos == Pos("t.yml", 2, 4)
    node = parse("ë: één\nx: [é, ü]\n")
    assert node.value["x"].value[1].pos.col == 8


def test_to_plain_drops_positions() -> None:
    assert parse("a: [1, {b: c}]\nd:\n").to_plain() == {"a": ["1", {"b": "c"}], "d": None}


# --- scalars stay text ----------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["nee", "no", "off", "on", "yes", "ja", "true", "False",
                                 "1.10", "1.0", "0x10", "2024-03-01", "12:30", "1e3", ".inf"])
def test_plain_scalars_are_never_guessed(raw: str) -> None:
    node = parse(f"v: {raw}\n").value["v"]
    assert node.value == raw and node.plain


def test_quoted_scalars_are_marked_as_quoted() -> None:
    node = parse("a: \"1\"\nb: '2'\nc: 3\nd: |\n  4\ne: >-\n  5\n")
    assert [node.value[k].plain for k in "abcde"] == [False, False, True, False, False]
    assert node.value["d"].value == "4\n" and node.value["e"].value == "5"


def test_nulls_only_when_plain() -> None:
    node = parse("a:\nb: ~\nc: null\nd: \"\"\ne: 'null'\nf: \"~\"\n")
    assert [node.value[k].value for k in "abcdef"] == [None, None, None, "", "null", "~"]


@pytest.mark.parametrize("text,shown", [
    ("v: !!str 1.10\n", "!!str"), ("v: !!python/object x\n", "!!python/object"),
    ("v: !!python/object/apply:os.system [id]\n", "!!python/object/apply:os.system"),
    ("v: !!binary eA==\n", "!!binary"), ("v: ! x\n", "!"), ("v: !foo x\n", "!foo"),
    ("v: !<tag:example.org,2024:x> x\n", "!<tag:example.org,2024:x>"),
])
def test_every_tag_is_refused_with_its_own_code(text: str, shown: str) -> None:
    # standard `!!` tags too: content is text, the schema types it, and a tag is ignored
    # by our reader but obeyed by the next tool that loads the file with another loader
    node, issues = parse_yaml(text, "t.yml")
    assert node is None
    assert [(i.line, i.col, i.code) for i in issues] == [(1, 4, "DV007")]
    assert f"`{shown}`" in issues[0].message or shown.startswith("!<")


def test_a_tag_on_a_collection_or_the_document_is_refused() -> None:
    assert codes("!!map {a: 1}\n") == [(1, 1, "DV007")]
    assert codes("a: !!seq [1]\nb: !!map {c: d}\n") == [(1, 4, "DV007"), (2, 4, "DV007")]


@pytest.mark.parametrize("escape,char", [
    ("\\x07\\x1b", "\x07"), ("\\u0000", "\x00"), ("\\e[31m", "\x1b"), ("\\a", "\x07"),
    ("\\x7f", "\x7f"), ("\\x9b", "\x9b"), ("\\uFFFE", "\ufffe"), ("\\b", "\x08"),
])
def test_control_characters_written_as_escapes_are_refused(escape: str, char: str) -> None:
    node, issues = parse_yaml(f'a: 1\nb: "tekst {escape} meer"\n', "t.yml")
    assert node is None
    assert [(i.line, i.col, i.code) for i in issues] == [(2, 4, "DV013")]
    assert f"U+{ord(char):04X}" in issues[0].message


def test_escaped_control_character_in_a_key_is_refused() -> None:
    assert codes('"a\\x07": 1\n') == [(1, 1, "DV013")]


def test_escapes_of_ordinary_characters_stay_allowed() -> None:
    node = parse('a: "regel\\neen\\ttab \\u00e9 \\x41 \\N \\_ \\L"\n')
    assert node.value["a"].value == "regel\neen\ttab é A \x85 \xa0 \u2028"


def test_a_lone_surrogate_escape_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # libyaml refuses it while parsing (DV005); the pure-Python parser returns it, and then
    # it is an unprintable character like any other (it cannot even be written as UTF-8)
    assert codes('a: "\\ud800"\n')[0][2] in {"DV005", "DV013"}
    monkeypatch.setattr(yamlio, "_EVENT_SOURCE", yaml.SafeLoader)
    assert codes('a: "\\ud800"\n') == [(1, 4, "DV013")]


@pytest.mark.parametrize("body,line,col", [("Tekst\x07 meer\n", 4, 6), ("a\n\nb \x1b[31m\n", 6, 3),
                                           ("\x7f\n", 4, 1)])
def test_control_characters_in_a_markdown_body_are_refused(body: str, line: int,
                                                           col: int) -> None:
    doc, issues = yamlio.parse_markdown(f"---\ntitel: x\n---\n{body}", "t.md")
    assert doc is not None  # for a lenient reader (an old version's text); load() refuses it
    assert [(i.line, i.col, i.code) for i in issues] == [(line, col, "DV013")]
    assert yamlio.parse_markdown("Tekst\x07\n", "t.md")[1][0].code == "DV013"


def test_tab_and_ordinary_text_in_a_markdown_body_stay_allowed() -> None:
    doc, issues = yamlio.parse_markdown("---\ntitel: x\n---\n\tcode\n€ é \u2028\n", "t.md")
    assert not issues and doc is not None


@pytest.mark.parametrize("make", [os.mkfifo, lambda p: socket_file(p)])
def test_a_special_file_is_refused_without_opening_it(tmp_path: Path, make: Any) -> None:
    path = tmp_path / "pijp.yml"
    make(path)
    text, issues = yamlio.read_text(path, "content/pijp.yml")  # a FIFO would block open()
    assert text is None and [(i.path, i.code) for i in issues] == [("content/pijp.yml", "DV014")]


def socket_file(path: Path) -> None:
    import socket

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def test_empty_document_is_none_without_issues() -> None:
    assert parse_yaml("# alleen commentaar\n", "t.yml") == (None, [])
    assert parse_yaml("", "t.yml") == (None, [])


# --- refusals -------------------------------------------------------------------------------

def test_duplicate_keys_are_refused_with_first_line() -> None:
    node, issues = parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "t.yml")
    assert node is None
    assert [(i.line, i.col, i.code) for i in issues] == [(4, 3, "DV009"), (5, 1, "DV009")]
    assert "regel 3" in issues[0].hint and "regel 1" in issues[1].hint


def test_anchor_and_alias_are_refused() -> None:
    assert codes("a: &x 1\nb: *x\n") == [(1, 4, "DV004")]
    assert codes("a: *x\n")[0][2] in {"DV004", "DV005"}  # undefined alias: refused either way


def test_merge_key_is_refused() -> None:
    assert codes("a: 1\n<<: {b: 2}\n") == [(2, 1, "DV004")]


def test_custom_tag_is_refused() -> None:
    assert codes("a: !geheim x\n") == [(1, 4, "DV007")]


def test_custom_tag_on_collection_is_refused() -> None:
    assert codes("a: !lijst [1]\n") == [(1, 4, "DV007")]


def test_complex_key_is_refused() -> None:
    assert codes("? [a, b]\n: c\n") == [(1, 3, "DV008")]


def test_tab_indent_is_refused_at_the_tab() -> None:
    assert codes("a:\n  \tb: 1\n") == [(2, 3, "DV003")]


def test_tab_inside_a_value_is_fine() -> None:
    assert parse("a: b\tc\n").value["a"].value == "b\tc"


def test_second_document_is_refused() -> None:
    assert codes("a: 1\n---\nb: 2\n") == [(2, 1, "DV005")]


def test_syntax_error_points_at_the_problem_in_dutch() -> None:
    node, issues = parse_yaml("a: 1\nb: [x, y\nc: 2\n", "t.yml")
    assert node is None and issues[0].code == "DV005"
    assert "]" in issues[0].message and issues[0].hint
    assert issues[0].line in (3, 4)


def test_control_character_is_located() -> None:
    assert codes("a: 1\nb: é\x07\n") == [(2, 5, "DV005")]


def test_depth_limit() -> None:
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert parse(ok)
    deep = "a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    assert [c for _, _, c in codes(deep)] == ["DV006"]


def test_block_nesting_limit() -> None:
    depth = MAX_DEPTH + 5
    text = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x\n"
    assert [c for _, _, c in codes(text)] == ["DV006"]


def test_long_line_is_refused() -> None:
    assert codes("a: " + "x" * 100_000 + "\n") == [(1, 1, "DV001")]


# --- bytes: size, encoding, BOM, CRLF ----------------------------------------------------

def test_bom_is_dropped() -> None:
    text, issues = decode(b"\xef\xbb\xbfa: 1\n", "t.yml")
    assert (text, issues) == ("a: 1\n", [])


def test_crlf_and_cr_become_lf_and_lines_stay_right() -> None:
    text, _ = decode(b"a: 1\r\nb: 2\rc: 3\r\n", "t.yml")
    assert text == "a: 1\nb: 2\nc: 3\n"
    assert text is not None
    assert parse(text).value["c"].pos.line == 3


def test_non_utf8_is_refused_at_the_byte() -> None:
    text, issues = decode("a: 1\nb: café\n".encode("latin-1"), "t.yml")
    assert text is None and [(i.line, i.col, i.code) for i in issues] == [(2, 7, "DV002")]


def test_binary_is_refused() -> None:
    text, issues = decode(b"a: 1\nb: \x00\x01\x02\n", "t.yml")
    assert text is None and [(i.line, i.col, i.code) for i in issues] == [(2, 4, "DV002")]


def test_random_bytes_never_raise() -> None:
    data = bytes(range(256)) * 4
    text, issues = decode(data, "t.yml")
    assert text is None and issues[0].code == "DV002"


def test_too_big_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "groot.yml"
    big.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    text, issues = read_text(big, "groot.yml")
    assert text is None and issues[0].code == "DV001"
    assert "1.000.003 bytes" in issues[0].message and "1 MB" in issues[0].hint


def test_unreadable_file_is_an_issue(tmp_path: Path) -> None:
    node, issues = read_yaml(tmp_path / "weg.yml", "weg.yml")
    assert node is None and issues[0].code == "DV010"


# --- Markdown front matter ----------------------------------------------------------------

def test_front_matter_and_body_line() -> None:
    doc, issues = parse_markdown("---\ntitel: x\nvolgorde: 2\n---\n\nTekst\n", "t.md")
    assert not issues and doc is not None and doc.meta is not None
    assert doc.meta.value["volgorde"].pos == Pos("t.md", 3, 11)
    assert doc.body == "\nTekst\n" and doc.body_line == 5


def test_front_matter_closed_with_dots() -> None:
    doc, issues = parse_markdown("---\ntitel: x\n...\nTekst\n", "t.md")
    assert not issues and doc is not None and doc.body == "Tekst\n" and doc.body_line == 4


def test_no_front_matter() -> None:
    doc, issues = parse_markdown("# Kop\n", "t.md")
    assert not issues and doc is not None and doc.meta is None and doc.body_line == 1


def test_front_matter_not_closed() -> None:
    doc, issues = parse_markdown("---\ntitel: x\n\nTekst\n", "t.md")
    assert doc is None and [i.code for i in issues] == ["DV011"]


def test_front_matter_invalid_yaml_has_file_line() -> None:
    doc, issues = parse_markdown("---\ntitel: x\nicoon: a: b\n---\n", "t.md")
    assert doc is None and [(i.line, i.code) for i in issues] == [(3, "DV005")]


def test_front_matter_must_be_a_mapping() -> None:
    doc, issues = parse_markdown("---\n- a\n---\n", "t.md")
    assert doc is None and [(i.line, i.code) for i in issues] == [(2, "DV012")]


def test_markdown_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitel: x\r\n---\r\nTekst\r\n")
    doc, issues = read_markdown(path, "t.md")
    assert not issues and doc is not None and doc.meta is not None
    assert doc.meta.value["titel"].value == "x" and doc.body == "Tekst\n"


# --- hostile inputs: refused clearly, never a hang or a traceback -----------------------
# How fast they are refused is a figure of tests/benchmarks/check_bench.py, not asserted here.

def _codes(text: str) -> list[str]:
    _, issues = parse_yaml(text, "t.yml")
    return [i.code for i in issues]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_is_refused(name: str) -> None:
    text, code = HOSTILE[name]
    assert _codes(text) == [code]


def test_nesting_beyond_libyaml_limit_is_too_deep() -> None:
    # our limit, or libyaml's own (1,000 levels, PyYAML >= 6.0.4), which stops the
    # scanner ahead of the events: the author reads the same error either way
    assert _codes("[" * 2_000 + "\n") == ["DV006"]
    assert _codes("a: " + "{b: " * 1_500) == ["DV006"]


def test_libyaml_nesting_limit_reads_as_too_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    class DeepScanner:
        """What PyYAML 6.0.4's libyaml raises at its nesting limit."""

        def __init__(self, text: str) -> None:
            pass

        def get_event(self) -> None:
            mark = yaml.Mark("<unicode string>", 1000, 0, 1000, None, None)  # type: ignore[arg-type]
            raise yaml.scanner.ScannerError("while increasing flow level", None,
                                            "exceeded maximum nesting depth", mark)

        def dispose(self) -> None:
            pass

    monkeypatch.setattr(yamlio, "_EVENT_SOURCE", DeepScanner)
    _, issues = parse_yaml("[" * 2_000, "t.yml")
    assert [(i.code, i.line, i.col) for i in issues] == [("DV006", 1, 1001)]


def test_deepest_block_nesting_fits_in_a_file() -> None:
    # block nesting needs indentation: 1,400 levels already make a 1 MB file
    assert len(HOSTILE["1,400 nested block lists"][0]) < MAX_BYTES


# --- libyaml and the pure-Python parser agree -------------------------------------------

SAMPLES = [
    "naam: x\nlijst:\n  - a\n  - {b: c, d: [1, 2]}\nleeg:\ntekst: |\n  regel\n",
    "a: 'één'\nb: \"twee\\n\"\nc: >-\n  gevouwen\n  tekst\n",
    "a: 1\na: 2\n", "a: &x 1\n", "a: [1,\n", "a: b: c\n", "a: !x 1\n", "a: 1\n---\nb: 2\n",
    "a:\n" + "  [\n" * 50 + "  ]\n" * 50, "? [a]\n: b\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_pure_python_parser_gives_the_same_result(text: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import yaml

    def result() -> tuple[object, list[tuple[int, int, str]]]:
        node, issues = parse_yaml(text, "t.yml")
        shape = node.to_plain() if node else None
        return shape, [(i.line, i.col, i.code) for i in issues]

    fast = result()
    monkeypatch.setattr(yamlio, "_EVENT_SOURCE", yaml.SafeLoader)
    assert result() == fast


def test_a_file_that_cannot_be_read_says_why_in_dutch(tmp_path: Path) -> None:
    _, missing = read_yaml(tmp_path / "weg.yml", "content/weg.yml")
    (tmp_path / "map.yml").mkdir()
    _, folder = read_yaml(tmp_path / "map.yml", "content/map.yml")
    assert [i.format() for i in missing] == [
        "content/weg.yml:1:1: DV010 bestand kan niet gelezen worden: het bestaat niet "
        "(controleer of het bestand bestaat en leesbaar is)"]
    assert folder[0].code == "DV010" and "het is een map" in folder[0].message
