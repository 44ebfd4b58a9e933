"""Hostile YAML and Markdown through the whole build (`datavisie bouw`): each ends in a clear
content error (exit 1, file and code named, no traceback) or in a correct
site; never a hang, a crash or a traceback. The parser-level cases are in test_yamlio.py.
Timings are not asserted (the parser's are figures of tests/benchmarks/check_bench.py); a
build that does not end within HANG_LIMIT is killed, so a hang fails instead of stalling CI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import (
    Html,
    bouw,
    make_project,
    read_markdown,
    read_yaml,
    write_markdown,
    write_yaml,
)

from build_tools.markup import bracket_cost, comment_lines, nesting

slow = pytest.mark.slow
HANG_LIMIT = 300  # seconds; the example builds in under ten


def _body(project: Path, text: str, page: str = "paginas/over.md") -> None:
    path = project / "content" / page
    meta, body = read_markdown(path)
    write_markdown(path, meta, body + "\n" + text + "\n")


def _field(project: Path, name: str, key: str, value: str) -> None:
    path = project / "content" / name
    data = read_yaml(path)
    data[key] = value
    write_yaml(path, data)


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        (project / "content" / name).write_bytes(data)
    return apply


LAUGHS = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n".encode()
    for p, c in zip("abcdefgh", "bcdefghi", strict=True))

# (name, change to the project, expected code, file named in the error)
REFUSED: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("expanding aliases", _write("projecten/lach.yml", LAUGHS), "DV004",
     "content/projecten/lach.yml"),
    ("deep nesting", _write("projecten/diep.yml", b"naam: " + b"[\n" * 100_000 + b"x"
                            + b"]\n" * 100_000), "DV006", "content/projecten/diep.yml"),
    ("50 MB file", _write("projecten/groot.yml", b"naam: x\n" + b"# " + b"x" * 50_000_000
                          + b"\n"), "DV001", "content/projecten/groot.yml"),
    ("binary bytes", _write("projecten/binair.yml", bytes(range(256)) * 4), "DV002",
     "content/projecten/binair.yml"),
    ("NUL in Markdown", lambda p: _body(p, "tekst\x00meer"), "DV002", "content/paginas/over.md"),
    ("control character in front matter", _write(
        "paginas/stuur.md", b"---\ntitel: \"Over\x07\"\n---\n\nTekst.\n"), "DV005",
     "content/paginas/stuur.md"),
    ("100,000-character line in YAML", _write(
        "projecten/lang.yml", b"naam: " + b"x" * 100_000 + b"\n"), "DV001",
     "content/projecten/lang.yml"),
    ("100,000-character line in Markdown", lambda p: _body(p, "woord " * 16_667), "DV001",
     "content/paginas/over.md"),
    ("unclosed brackets in Markdown", lambda p: _body(p, "[" * 20_000), "DV121",
     "content/paginas/over.md"),
    ("unclosed images in Markdown", lambda p: _body(p, "![ " * 5_000), "DV121",
     "content/paginas/over.md"),
    ("unclosed brackets in a YAML Markdown field", lambda p: _field(
        p, "projecten/wmo-monitor.yml", "doel", "[" * 2_400), "DV121",
     "content/projecten/wmo-monitor.yml"),
    ("200 nested lists", lambda p: _body(p, "\n".join("    " * i + "- x" for i in range(200))),
     "DV122", "content/paginas/over.md"),
    ("1,000 nested quotes", lambda p: _body(p, "\n".join(">" * i + " x" for i in range(1, 1000))),
     "DV122", "content/paginas/over.md"),
    ("200 nested admonitions", lambda p: _body(p, "\n".join(
        "    " * i + "??? note" for i in range(200)) + "\n" + "    " * 200 + "x"),
     "DV122", "content/paginas/over.md"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", posters=False, cards=False)


@slow
@pytest.mark.parametrize("name,change,code,path", REFUSED, ids=[r[0] for r in REFUSED])
def test_hostile_input_is_refused_clearly(project: Path, name: str,
                                                      change: Callable[[Path], None],
                                                      code: str, path: str) -> None:
    change(project)
    site = project.parent / "site"
    result = bouw(project, site, timeout=HANG_LIMIT)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert "Traceback" not in output
    assert code in output and path in output, output[-2000:]
    assert not site.exists()


def _vision(site: Path) -> str:
    return (site / "visie/index.html").read_text(encoding="utf-8")


@slow
def test_bom_and_crlf_build_the_same_site(project: Path, tmp_path: Path) -> None:
    plain = bouw(project, tmp_path / "lf")
    assert plain.returncode == 0, plain.stderr
    for path in sorted((project / "content").rglob("*")):
        if path.is_file():
            text = path.read_bytes()
            path.write_bytes(b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"))
    crlf = bouw(project, tmp_path / "crlf")
    assert crlf.returncode == 0, crlf.stderr
    for page in ("visie/index.html", "projecten/wmo-monitor/index.html", "routekaart/index.html",
                 "data/projecten.json", "search/search_index.json"):
        assert (tmp_path / "lf" / page).read_bytes() == (tmp_path / "crlf" / page).read_bytes()
    assert "\ufeff" not in _vision(tmp_path / "crlf") and "\r" not in _vision(tmp_path / "crlf")


@slow
def test_a_large_valid_text_builds(project: Path) -> None:
    paragraph = ("Dit is een gewone alinea met een [link](https://example.nl/) en *nadruk*. "
                 * 8).strip()
    _body(project, "\n\n".join(f"## Deel {i}\n\n{paragraph}" for i in range(1_000)))
    assert (project / "content/paginas/over.md").stat().st_size > 500_000
    result = bouw(project, project.parent / "site", timeout=HANG_LIMIT)
    assert result.returncode == 0, result.stderr
    assert "Deel 999" in Html((project.parent / "site/over/index.html").read_text(
        encoding="utf-8")).text


@slow
def test_a_link_that_is_no_address_is_dropped_not_a_crash(project: Path) -> None:
    _body(project, "Zie [de kaart](https://[klik]/) en meer.")
    result = bouw(project, project.parent / "site")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "ongeldig adres" in result.stderr
    assert "Zie de kaart en" in Html((project.parent / "site/over/index.html").read_text(
        encoding="utf-8")).text
    strict = bouw(project, project.parent / "site2", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    # an image's address names a host, broken or not: not this site (DV133, markup_tree.py)
    _body(project, "Zie ![foto](http://[::1/x.png).")
    image = bouw(project, project.parent / "site3")
    assert image.returncode == 1 and "DV133" in image.stderr, image.stderr
    assert "Traceback" not in image.stderr


# --- the rules themselves (fast) ------------------------------------------------------------


@pytest.mark.parametrize("line,depth", [("x", 0), ("- x", 1), ("    - x", 2), ("> > x", 2),
                                        ("1. 2. x", 2), ("\t\tx", 2), ("-x", 0),
                                        ("1.5 kilo", 0), ("        x", 2)])
def test_nesting_counts_containers(line: str, depth: int) -> None:
    assert nesting(line) == depth


def test_bracket_cost_is_low_for_prose_and_high_for_unclosed_brackets() -> None:
    prose = "Zie [de visie](visie.md) en [het register](projecten/) (met uitleg). " * 30
    assert bracket_cost(prose) < 10_000
    assert bracket_cost("[" * 2_000) > 1_000_000
    assert bracket_cost("[a]( " * 1_000) > 1_000_000


def test_comments_in_code_are_not_comments() -> None:
    text = "a `<!-- x -->` b\n```\n<!-- y -->\n```\n<!-- z -->\n~~~~\n<!-- w\n~~~~\n"
    assert comment_lines(text) == [4]
