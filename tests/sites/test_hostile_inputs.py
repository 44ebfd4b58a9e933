"""Hostile YAML and Markdown through the whole build (`datavisie bouw`): each ends in a clear
content error (exit 1, file and code named, no traceback) or in a correct
site; never a hang, a crash or a traceback. The parser-level cases are in test_yamlio.py.
Timings are not asserted (the parser's are figures of tests/benchmarks/check_bench.py); a
build that does not end within HANG_LIMIT is killed, so a hang fails instead of stalling CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from benchmarks.check_bench import apply_hostile
from benchmarks.hostile import HOSTILE_FILES
from places import MINIMAL
from sitekit import (
    BIN,
    Html,
    bouw,
    make_project,
    read_markdown,
    read_yaml,
    write_markdown,
    write_yaml,
)

from build_tools.content.load import MAX_ID_LENGTH, load
from build_tools.content.markup import bracket_cost, comment_lines, nesting
from build_tools.content.validate import SITE_ROOT_NAMES
from build_tools.errors import ContentError

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


# --- content that once crashed or stalled the build (the issue "Hostile input stays cheap") --
# Each hostile file of tests/benchmarks/hostile.py, written into the minimal content set:
# `load()` (what `datavisie check` runs) names its code at its file; `datavisie bouw` of the
# example's site with that content exits 1 with the code, the file and the line, no traceback.


def _hostile_project(tmp_path: Path, name: str) -> tuple[Path, str]:
    """The example's theme, posters and mkdocs.yml around the minimal content, with the
    hostile file `name`; returns the project and the file's path as the error names it."""
    project = make_project(tmp_path / "project", posters=False, cards=False)
    shutil.rmtree(project / "content")
    shutil.copytree(MINIMAL / "content", project / "content")
    path, change, _ = HOSTILE_FILES[name]
    apply_hostile(project, path, change)
    return project, f"content/{path}"


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_content_file_is_refused_by_the_check(tmp_path: Path, name: str) -> None:
    project, path = _hostile_project(tmp_path, name)
    code = HOSTILE_FILES[name][2]
    with pytest.raises(ContentError) as caught:
        load(project)
    assert [(i.path, i.code) for i in caught.value.issues] == [(path, code)]


# (file name, code, file:line:col) for the builds below: the line is where the author looks
LINES = {
    "a 5,000-digit volgorde": "content/themas/ethiek.md:3:11: DV106",
    "datum 9999-12-31": "content/versies.yml:9:10: DV109",
    "a version named 404.html": "content/versies.yml:8:11: DV220",
    "a version's tag that is an option": "content/versies.yml:7:8: DV221",
    "an escaped control character in a title": "content/themas/ethiek.md:2:8: DV013",
    "a !!python/object tag in front matter": "content/themas/ethiek.md:2:8: DV007",
    "an id of 250 characters": f"content/projecten/{'a' * 250}.yml:1:1: DV015",
    "30,000 headings": "content/paginas/koppen.md:4005:1: DV016",
}


@slow
@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_content_file_fails_the_build_at_its_line(tmp_path: Path, name: str) -> None:
    project, path = _hostile_project(tmp_path, name)
    site = tmp_path / "site"
    result = bouw(project, site, timeout=HANG_LIMIT)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-2000:]
    assert "Traceback" not in output and not site.exists()
    assert f"{path}:" in output and HOSTILE_FILES[name][2] in output, output[-2000:]
    if name in LINES:
        assert LINES[name] in output, output[-2000:]


def _fifo(folder: str, name: str) -> Callable[[Path], None]:
    def apply(project: Path) -> None:
        os.mkfifo(project / folder / name)
    return apply


FIFOS = [("content/projecten", "pijp.yml"), ("content", "notities.txt"),
         ("theme", "pijp.svg"), ("theme/fonts", "pijp.ttf"),
         ("posters", "thema.svg.j2.fifo"), ("posters", "pijp.yml")]


@pytest.mark.parametrize("folder,name", FIFOS)
def test_a_named_pipe_is_refused_by_the_check_not_waited_for(tmp_path: Path, folder: str,
                                                             name: str) -> None:
    project = make_project(tmp_path / "project")  # posters on: `check` reads posters/ too
    _fifo(folder, name)(project)
    result = subprocess.run([str(BIN / "datavisie"), "--root", str(project), "check"],
                            capture_output=True, text=True, timeout=HANG_LIMIT, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output[-2000:]
    assert f"{folder}/{name}:1:1: DV014" in output, output[-2000:]


@slow
@pytest.mark.parametrize("folder,name", [FIFOS[0], FIFOS[2]])
def test_a_named_pipe_fails_the_build_not_waited_for(tmp_path: Path, folder: str,
                                                     name: str) -> None:
    project = make_project(tmp_path / "project", posters=False, cards=False)
    _fifo(folder, name)(project)
    result = bouw(project, tmp_path / "site", timeout=HANG_LIMIT)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output[-2000:]
    assert f"{folder}/{name}:1:1: DV014" in output, output[-2000:]


@slow
def test_ids_as_long_as_allowed_build_with_posters_and_social_cards(tmp_path: Path) -> None:
    # MAX_ID_LENGTH is safe for every file name an id becomes (pages, posters with their
    # `-klein.png` thumbnails, social cards) and for the hidden name each is written under
    project = make_project(tmp_path / "project")
    content = project / "content"
    long = "a" * (MAX_ID_LENGTH - 2)
    for folder, old in (("themas", "ethiek.md"), ("projecten", "wmo-monitor.yml"),
                        ("paginas", "over.md"), ("metingen", "2026-03.yml")):
        (content / folder / old).rename(content / folder / f"{folder[0]}-{long}{Path(old).suffix}")
    for path in content.rglob("*.yml"):  # references to the renamed theme
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\bethiek\b(?!-)", f"t-{long}", text), encoding="utf-8")
    result = bouw(project, tmp_path / "site", timeout=HANG_LIMIT)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    names = [p.name for p in (tmp_path / "site").rglob("*")]
    assert f"thema-t-{long}-klein.png" in names and f"p-{long}.png" in names
    assert max(len(n.encode()) for n in names) <= 255


@slow
def test_the_top_of_a_built_site_is_what_the_version_check_knows(tmp_path: Path) -> None:
    # validate.SITE_ROOT_NAMES is what a version's folder may not take: every name at the top
    # of a real build is in it, or a page of content/ (or a version folder: none here)
    project = make_project(tmp_path / "project", cards=False)
    result = bouw(project, tmp_path / "site", timeout=HANG_LIMIT)
    assert result.returncode == 0, result.stderr[-3000:]
    pages = {p.stem for p in (project / "content" / "paginas").glob("*.md")}
    top = {p.name for p in (tmp_path / "site").iterdir()}
    assert top - pages <= SITE_ROOT_NAMES, sorted(top - pages - SITE_ROOT_NAMES)
    assert {"404.html", "sitemap.xml", "search", "assets"} <= top
