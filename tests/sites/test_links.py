"""Every internal link and anchor of a built site resolves; a broken one fails the build and
names the page and the link. The check runs on the output (build_tools/gate/links.py), so it
also covers the HTML we generate, which MkDocs' own link validation never sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import bouw, make_project, read_markdown, write_markdown

from build_tools.gate.links import BrokenLink, check_pages, read_page

slow = pytest.mark.slow

FILES = ["index.html", "a/index.html", "a/b/index.html", "x.css", "data/p.json", "404.html"]
PAGES = {
    "index.html": '<a href="a/">a</a><a href="a/#kop">kop</a><a id="top"></a><a href="#top">t</a>'
                  '<link rel="stylesheet" href="x.css"><a href="https://elders.example/">x</a>'
                  '<a href="mailto:a@example.nl">m</a><a href="data/p.json">d</a>',
    "a/index.html": '<h2 id="kop">Kop</h2><a href="b/">b</a><a href="../">terug</a>'
                    '<a href="/a/b/#diep">abs</a><img src="../x.css">',
    "a/b/index.html": '<p id="diep"></p><a href="../../index.html#top">top</a>'
                      '<script>var s = "<a href=\\"nergens/\\">";</script>',
    "404.html": '<a href="/">home</a><a href="/.">home</a>',
}


def test_a_site_without_broken_links_passes() -> None:
    assert check_pages(FILES, PAGES) == []


@pytest.mark.parametrize("page,html,reason", [
    ("index.html", '<a href="nergens/">x</a>', "bestaat niet"),
    ("index.html", '<a href="a/#geen-kop">x</a>', "anker #geen-kop bestaat niet"),
    ("index.html", '<a href="#geen">x</a>', "anker #geen bestaat niet"),
    ("a/index.html", '<img src="plaatje.png">', "bestaat niet"),
    ("a/index.html", '<link rel="stylesheet" href="../y.css">', "bestaat niet"),
    ("a/index.html", '<script src="../../../buiten.js"></script>', "buiten de site"),
    ("index.html", '<a href="/ander-pad/">x</a>', "bestaat niet"),
])
def test_each_kind_of_broken_link_is_found(page: str, html: str, reason: str) -> None:
    found = check_pages(FILES, {**PAGES, page: PAGES[page] + html})
    assert len(found) == 1 and found[0].page == page and reason in found[0].reason


def test_a_site_under_a_path_checks_absolute_links_under_that_path() -> None:
    pages = {"index.html": '<a href="/datavisie/a/">a</a><a href="/elders/">x</a>',
             "a/index.html": ""}
    found = check_pages(["index.html", "a/index.html"], pages, base_path="/datavisie/")
    assert found == [BrokenLink("index.html", "/elders/", "wijst buiten de site")]


def test_ids_and_names_are_anchors_and_entities_are_decoded() -> None:
    page = read_page('<h2 id="caf&eacute;">x</h2><a name="oud"></a><a href="?a=1&amp;b=2">q</a>')
    assert {"café", "oud"} <= page.ids
    assert ("a", "?a=1&b=2") in page.links


@slow
@pytest.mark.parametrize("link,shown", [
    ("[weg](../themas/bestaat-niet.md)", "themas/bestaat-niet.md"),
    ("[weg](../visie.md#bestaat-niet)", "../visie/#bestaat-niet"),
    ("[weg](#nergens)", "#nergens"),
    ("[weg](../projecten/bestaat-niet.yml)", "bestaat-niet.yml"),
])
def test_a_broken_link_in_content_fails_the_build_naming_page_and_link(
        tmp_path: Path, link: str, shown: str) -> None:
    project = make_project(tmp_path / "project", posters=False, cards=False)
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + f"\nZie {link}.\n")
    result = bouw(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr
    assert "over/index.html: " in result.stderr and shown in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


@slow
def test_the_example_sites_have_no_broken_links(tmp_path: Path) -> None:
    """Both municipalities, with posters and social cards: the full set of generated links."""
    from sitekit import REPO

    from build_tools.gate.links import check_site

    for name, source in (("denhelder", REPO), ("noordkust", REPO / "tests/fixtures/noordkust")):
        project = make_project(tmp_path / name, source=source,
                               cache=tmp_path.parent / "datavisie-link-cache") \
            if name == "denhelder" else source
        out = tmp_path / f"{name}-site"
        result = bouw(project, out)
        assert result.returncode == 0, result.stderr
        assert check_site(out) == []
