"""Addresses never break: a project, theme or page that moved keeps a page at its old address
that sends readers on (a link and a meta refresh), is never in the sitemap or the search
index, and is known to the link check. Old addresses come from git (renames on the main
line), from themes renamed between versions, and from `oude_adressen:`."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from gitkit import Git
from places import Factory
from sitekit import bouw, make_project

from build_tools.content.addresses import key, shown
from build_tools.content.load import load
from build_tools.errors import ContentError
from build_tools.gate.links import check_pages
from build_tools.history.renames import chain

git = Git(when=None)  # commits dated now: renames are read from the order of commits


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- pure parts ---------------------------------------------------------------------------

def test_one_spelling_per_address() -> None:
    for spelled in ("/projecten/oud/", "projecten/oud", "projecten/oud.html",
                    "projecten/oud/index.html", " /projecten/oud "):
        assert key(spelled) == "projecten/oud"
    assert shown("projecten/oud") == "/projecten/oud/"
    assert shown("over-ons.html") == "/over-ons.html"


def test_renames_chain_to_the_name_of_today() -> None:
    moves = chain([("projecten/a.yml", "projecten/b.yml"), ("projecten/b.yml", "projecten/c.yml"),
                   ("paginas/x.md", "paginas/y.md"), ("paginas/y.md", "paginas/x.md")])
    assert {(m.oud, m.nieuw) for m in moves} == {
        ("projecten/a.yml", "projecten/c.yml"), ("projecten/b.yml", "projecten/c.yml"),
        ("paginas/y.md", "paginas/x.md")}


def test_the_link_check_follows_a_redirect() -> None:
    redirect = ('<html><head><meta http-equiv="refresh" content="0; url=../nieuw/"></head>'
                '<body><a href="../nieuw/">nieuw</a></body></html>')
    files = ["projecten/oud/index.html", "projecten/nieuw/index.html"]
    pages = {"projecten/oud/index.html": redirect, "projecten/nieuw/index.html": "<p>x</p>"}
    assert check_pages(files, pages) == []
    only_refresh = redirect.replace('<a href="../nieuw/">nieuw</a>', "").replace(
        "../nieuw/", "../weg/")
    [broken] = check_pages(files[:1], {files[0]: only_refresh})
    assert broken.link == "../weg/" and broken.page == "projecten/oud/index.html"


@pytest.mark.parametrize(("value", "code", "line"), [
    ("[https://datavisie.example.nl/oud/]", "DV250", 2),
    ("[../geheim/]", "DV250", 2),
    ("[routekaart/]", "DV251", 2),  # a page the site makes itself
    ("[projecten/meldingen/]", "DV251", 2),  # a page that exists
    ("[assets/x.html]", "DV251", 2),  # the site's own folder
])
def test_old_addresses_that_cannot_lead_anywhere(valid_content: Factory, value: str, code: str,
                                                 line: int) -> None:
    root = valid_content()
    edit(root / "content" / "projecten" / "afval.yml", "naam: ",
         f"oude_adressen: {value}\nnaam: ")
    with pytest.raises(ContentError) as exc:
        load(root)
    assert [(i.path, i.code) for i in exc.value.issues] == [
        ("content/projecten/afval.yml", code)]


def test_one_old_address_for_two_pages_is_refused(valid_content: Factory) -> None:
    root = valid_content()
    for name in ("afval", "meldingen"):
        edit(root / "content" / "projecten" / f"{name}.yml", "naam: ",
             "oude_adressen: [projecten/oud/]\nnaam: ")
    with pytest.raises(ContentError) as exc:
        load(root)
    [issue] = exc.value.issues
    assert issue.code == "DV252" and "afval.yml" in issue.message + issue.path


# --- a real site ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example in git; one project renamed with `git mv`, one page with old addresses
    written by hand; built with `datavisie bouw`."""
    root = make_project(tmp_path_factory.mktemp("verhuisd") / "project", posters=False,
                        cards=False)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "basis")
    git(root, "mv", "content/projecten/open-data-portaal.yml", "content/projecten/open-data.yml")
    git(root, "commit", "-q", "-m", "nieuwe naam")
    edit(root / "content" / "paginas" / "over.md", "\n---\n",
         "\noude_adressen: [over-ons.html, oud/over/]\n---\n")
    out = root.parent / "site"
    run = bouw(root, out)
    assert run.returncode == 0, run.stderr[-3000:]
    return out


@pytest.mark.slow
@pytest.mark.parametrize(("old", "new"), [
    ("projecten/open-data-portaal/index.html", "../open-data/"),  # renamed in git
    ("over-ons.html", "over/"),  # listed by hand, an address of an older website
    ("oud/over/index.html", "../../over/"),
])
def test_an_old_address_leads_to_the_new_one(site: Path, old: str, new: str) -> None:
    page = (site / old).read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={new}">' in page
    assert f'<a href="{new}">' in page
    assert '<meta name="robots" content="noindex">' in page
    target = (site / old).parent / new / "index.html"
    assert target.resolve().is_file()  # the link check saw it too: the build passed
    assert re.search(r'<link rel="canonical" href="https://[^"]+/(projecten/open-data|over)/">',
                     page)


@pytest.mark.slow
def test_old_addresses_are_not_in_the_sitemap_or_search(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/projecten/open-data/" in sitemap
    for old in ("open-data-portaal", "over-ons", "oud/over"):
        assert old not in sitemap
        assert old not in gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "open-data-portaal" in d["location"]
                or "over-ons" in d["location"]]
