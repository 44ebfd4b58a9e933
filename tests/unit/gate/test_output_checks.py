"""The checks on a finished output folder, on hand-made folders (no site build): the leak scan
finds every internal text in one pass, skips only what it may skip (the installed theme's own
files, files it found clean before under the same rules), and the link check's verdict is kept
only for a folder it checked clean."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.gate import leaks
from build_tools.gate import links as linkcheck
from build_tools.gate.leaks import LeakScanner, normalise, scan
from build_tools.gate.links import check_pages, check_site
from build_tools.gate.outputs import OutputFolder
from build_tools.gate.textsearch import PREFIX, Needles

SECRET = "Het interne budget voor de pilot bedraagt 40.000 euro per jaar"


# --- many needles, one pass ----------------------------------------------------------------

def test_needles_are_found_where_they_occur_and_nowhere_else() -> None:
    long_a = "x" * PREFIX + " einde a"
    long_b = "x" * PREFIX + " einde b"  # same automaton prefix as long_a
    needles = Needles(["alpha beta", "beta gamma", long_a, long_b, ""])
    assert needles.found_in("... alpha beta gamma ...") == {"alpha beta", "beta gamma"}
    assert needles.found_in(f"zie {long_b}!") == {long_b}
    assert needles.found_in("x" * (PREFIX + 20)) == set()
    assert Needles([]).found_in("alles") == set()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abc ", min_size=1, max_size=70), max_size=8),
       st.text("abc ", max_size=300))
def test_needles_find_exactly_what_a_substring_search_finds(needles: list[str],
                                                            text: str) -> None:
    assert Needles(needles).found_in(text) == {n for n in needles if n and n in text}


# --- the leak scan ----------------------------------------------------------------------------

def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


def test_internal_text_is_found_through_markup_entities_and_json_escapes(tmp_path: Path) -> None:
    hidden = SECRET.replace("budget", "<em>budget</em>").replace("euro", "&euro;uro")
    site = _site(tmp_path, {
        "a/index.html": f"<p>{SECRET.replace(' ', '  ')}</p>",
        "b/index.html": f"<p>{SECRET.replace('pilot', '**pilot**')}</p>",
        "c.json": json.dumps({"tekst": SECRET.replace("e", "\u00e9").replace("\u00e9", "e")
                              + "\nmeer"}, ensure_ascii=True),
        "d.json": json.dumps({"docs": [{"text": SECRET.upper()}]}),
        "e.html": "<p>Het interne budget is openbaar en staat in de begroting.</p>",
        "f.html": f"<p>{hidden}</p>",
    })
    found = {f.path for f in scan(site, fragments=[SECRET, SECRET.replace("euro", "€uro")])}
    assert found == {"a/index.html", "b/index.html", "c.json", "d.json", "f.html"}


def test_json_is_read_as_its_decoded_strings(tmp_path: Path) -> None:
    escaped = json.dumps({"t": "Geheime notitie: de wethouder krijgt het rapport"},
                         ensure_ascii=True).replace("e", "\\u0065")
    site = _site(tmp_path, {"data.json": escaped})
    assert [f.path for f in scan(site, fragments=["geheime notitie: de wethouder"])] \
        == ["data.json"]


def test_source_files_hidden_files_and_symlinks_are_refused(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": "ok", "bron.yml": "x", ".env": "x", "map/.x": "x"})
    (site / "koppeling").symlink_to(tmp_path)
    (site / "ook.html").symlink_to(site / "index.html")
    found = {f.path: f.what for f in scan(site, fragments=[])}
    assert set(found) == {"bron.yml", ".env", "map/.x", "koppeling", "ook.html"}
    assert "symlink" in found["koppeling"] and "symlink" in found["ook.html"]


def test_a_file_identical_to_the_installed_theme_is_not_read_for_text(tmp_path: Path) -> None:
    package = _site(tmp_path / "pakket", {"assets/bundle.js": f"var t = '{SECRET}';"})
    site = _site(tmp_path, {"assets/bundle.js": f"var t = '{SECRET}';",
                            "assets/andere.js": f"var t = '{SECRET}';"})
    found = scan(site, fragments=[SECRET], trusted_dirs=[package])
    assert [f.path for f in found] == ["assets/andere.js"]
    (site / "assets/bundle.js").write_text(f"var t = '{SECRET}!';", encoding="utf-8")
    found = scan(site, fragments=[SECRET], trusted_dirs=[package])
    assert {f.path for f in found} == {"assets/andere.js", "assets/bundle.js"}


def test_a_rebuild_reads_only_files_not_found_clean_before(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, {f"p{i}/index.html": f"<p>Pagina {i}</p>" for i in range(5)})
    cache = tmp_path / "cache"
    read: list[str] = []
    original = LeakScanner.text_findings

    def counting(self: LeakScanner, rel: str, data: bytes) -> list[leaks.Finding]:
        read.append(rel)
        return original(self, rel, data)

    monkeypatch.setattr(LeakScanner, "text_findings", counting)
    assert scan(site, fragments=[SECRET], cache_dir=cache) == []
    assert len(read) == 5
    read.clear()
    assert scan(site, fragments=[SECRET], cache_dir=cache) == []
    assert read == []
    # a changed file is read again, and a leak in it is found
    (site / "p3/index.html").write_text(f"<p>{SECRET}</p>", encoding="utf-8")
    assert [f.path for f in scan(site, fragments=[SECRET], cache_dir=cache)] == ["p3/index.html"]
    assert read == ["p3/index.html"]
    # new rules: nothing found clean before counts
    read.clear()
    scan(site, fragments=[SECRET, "een ander intern gegeven van de organisatie"],
         cache_dir=cache)
    assert len(read) == 5


def test_the_staging_path_is_checked_in_every_file_even_when_found_clean_before(
        tmp_path: Path) -> None:
    site = _site(tmp_path, {"a.html": "<p>/srv/bouw/.site.bouw-abc123/a.html</p>",
                            "b.html": "<p>niets</p>"})
    cache = tmp_path / "cache"
    assert scan(site, fragments=[], transient=["/srv/bouw/.site.bouw-xyz789"],
                cache_dir=cache) == []
    found = scan(site, fragments=[], transient=["/srv/bouw/.site.bouw-abc123"],
                 cache_dir=cache)
    assert [(f.path, "verboden tekst" in f.what) for f in found] == [("a.html", True)]


def test_the_kept_verdicts_hold_hashes_not_texts(tmp_path: Path) -> None:
    site = _site(tmp_path, {"a.html": "<p>openbaar</p>"})
    scan(site, fragments=[SECRET], forbidden_strings=["/geheim/pad/van/de/bouw"],
         cache_dir=tmp_path / "cache")
    kept = (tmp_path / "cache/lekscan.json").read_text(encoding="utf-8")
    assert "budget" not in kept and "/geheim" not in kept


def test_normalise_reads_like_a_reader() -> None:
    assert normalise("<p>Een  <b>vet</b>\n*woord* &amp; [link](x)</p>") \
        == "een vet woord & link x"


# --- the link check ---------------------------------------------------------------------------

def test_a_clean_folder_is_not_checked_again_but_a_changed_one_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, {"index.html": '<a href="a/">a</a>', "a/index.html": '<a href="../">'})
    cache = tmp_path / "cache"
    calls: list[int] = []
    original = linkcheck.check_pages

    def counted(*a: Any, **k: Any) -> Any:
        calls.append(1)
        return original(*a, **k)

    monkeypatch.setattr(linkcheck, "check_pages", counted)
    assert check_site(site, cache_dir=cache) == []
    assert check_site(site, cache_dir=cache) == []
    assert len(calls) == 1
    (site / "a/index.html").unlink()  # the link from index.html now leads nowhere
    (site / "b").mkdir()
    (site / "b/index.html").write_text("b", encoding="utf-8")
    assert [b.link for b in check_site(site, cache_dir=cache)] == ["a/"]
    assert [b.link for b in check_site(site, cache_dir=cache)] == ["a/"]  # not kept: broken
    assert len(calls) == 3


@pytest.mark.parametrize("here,link,ok", [
    ("a/b/c/index.html", "../../../x/", True),
    ("a/b/c/index.html", "../../../../x/", False),
    ("a/b/c/index.html", "../%2e%2e/../x/", True),
    ("a/b/c/index.html", "./../../../x/", True),
    ("a/b/c/index.html", "../../b/c/index.html", True),
    ("a/b/c/index.html", "../../c/index.html", False),
    ("x/index.html", "../a/b/c/", True),
    ("x/index.html", "../../a/", False),
])
def test_relative_links_resolve_the_same_from_any_depth(here: str, link: str, ok: bool) -> None:
    files = ["x/index.html", "a/b/c/index.html", "a/index.html"]
    pages = {f: "" for f in files}
    pages[here] = f'<a href="{link}">l</a>'
    assert (check_pages(files, pages) == []) is ok


def test_the_folder_listing_is_shared_and_sorted(tmp_path: Path) -> None:
    site = _site(tmp_path, {"b.html": "b", "a/z.html": "z", "a/a.html": "a"})
    folder = OutputFolder(site)
    assert folder.files == ["a/a.html", "a/z.html", "b.html"]
    assert folder.digest("b.html") == folder.digest("b.html") != folder.digest("a/a.html")
