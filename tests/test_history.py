"""History of the vision: word- and paragraph-level redlines, per-section comparisons, which
text is in force, reading old (older-shaped) texts from git, the warning when history is
missing, and `datavisie versie vaststellen` / `datavisie versies` in a real repository."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from build_tools.cli.main import main
from build_tools.content.load import load
from build_tools.content.model import ThemeText, VisionText
from build_tools.history.texts import (
    CURRENT,
    Segment,
    attach,
    compare,
    comparisons,
    current_text,
    redline,
    renames,
    status,
    word_diff,
)
from build_tools.views.website.editions import (
    CONCEPT_SLUG,
    GELDEND,
    VERVALLEN,
    editions,
    slug_for,
)
from build_tools.views.website.readable import readable

TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "fixtures" / "minimal"


def ops(segments: tuple[Segment, ...]) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in segments]


# --- word_diff, redline (pure) ---------------------------------------------------------------

def test_word_diff_marks_whole_words_deletions_first() -> None:
    assert ops(word_diff("We meten elk jaar.", "We meten elke twee jaar.")) == [
        ("=", "We meten "), ("-", "elk"), ("+", "elke twee"), ("=", " jaar.")]


def test_word_diff_keeps_a_lone_space_inside_neighbouring_changes() -> None:
    # "rode auto" -> "blauwe fiets": one change, not two changes around a kept space
    assert ops(word_diff("De rode auto rijdt.", "De blauwe fiets rijdt.")) == [
        ("=", "De "), ("-", "rode auto"), ("+", "blauwe fiets"), ("=", " rijdt.")]


def test_word_diff_of_equal_and_empty_texts() -> None:
    assert ops(word_diff("Gelijk.", "Gelijk.")) == [("=", "Gelijk.")]
    assert ops(word_diff("", "Nieuw.")) == [("+", "Nieuw.")]
    assert ops(word_diff("Weg.", "")) == [("-", "Weg.")]


def test_word_diff_reconstructs_both_texts() -> None:
    old = "Data helpen ons om slim te kiezen, met beperkt geld."
    new = "Data helpen ons om slimmer te kiezen, ook met weinig geld en mensen."
    segs = word_diff(old, new)
    assert "".join(s.text for s in segs if s.op != "+") == old
    assert "".join(s.text for s in segs if s.op != "-") == new


def test_redline_aligns_paragraphs_and_diffs_inside_changed_ones() -> None:
    old = "Eerste alinea.\n\nTweede alinea over data.\n\nDerde."
    new = "Eerste alinea.\n\nEen nieuwe alinea.\n\nTweede alinea over open data.\n\nDerde."
    blocks = redline(old, new)
    assert [b.op for b in blocks] == ["=", "+", "~", "="]
    assert ops(blocks[2].segments) == [("=", "Tweede alinea over "), ("+", "open "),
                                       ("=", "data.")]


def test_redline_does_not_pair_unrelated_paragraphs() -> None:
    blocks = redline("Over het weer vandaag.", "Iets heel anders over begrotingen.")
    assert [b.op for b in blocks] == ["-", "+"]


def test_redline_ignores_reflowed_lines() -> None:
    assert [b.op for b in redline("Een zin\nover twee regels.", "Een zin over twee regels.")] == [
        "="]


# --- compare (pure) --------------------------------------------------------------------------

def theme(tid: str, **kw: object) -> ThemeText:
    base = {"titel": tid.capitalize(), "ambitie": f"Ambitie van {tid}.",
            "body": f"De tekst over {tid}, met genoeg woorden om te herkennen."}
    base.update(kw)
    return ThemeText(tid, **base)  # type: ignore[arg-type]


def vision(versie: str, *themes: ThemeText, kern: str = "Kern.",
           body: str = "Tekst.") -> VisionText:
    return VisionText(versie, "Titel", kern, body, tuple(themes))


def test_compare_per_section_with_principles_added_removed_and_explained() -> None:
    old = vision("1.0", theme("ethiek", principes=("Mens centraal", "Eerlijk"),
                              toelichtingen=("Een mens beslist.", "")),
                 theme("oud", ambitie="Iets dat vervalt.", body="Oude woorden, weg nu."))
    new = vision("2.0", theme("ethiek", principes=("Mens centraal", "Uitlegbaar"),
                              toelichtingen=("Een mens beslist altijd.", "")),
                 theme("nieuw", body="Iets totaal anders dat hier voor het eerst staat."),
                 kern="Nieuwe kern.")
    cmp = compare(old, new)
    by_key = {s.key: s for s in cmp.sections}
    assert [s.key for s in cmp.sections] == ["kernvisie", "ethiek", "nieuw", "oud"]
    assert by_key["kernvisie"].status == "gewijzigd"
    assert ops(by_key["kernvisie"].kernboodschap) == [("-", "Kern"), ("+", "Nieuwe kern"),
                                                      ("=", ".")]
    ethiek = by_key["ethiek"]
    assert ethiek.status == "gewijzigd"
    assert ethiek.principes_bij == ("Uitlegbaar",) and ethiek.principes_af == ("Eerlijk",)
    assert [(p, ops(d)) for p, d in ethiek.toelichtingen] == [
        ("Mens centraal", [("=", "Een mens beslist"), ("+", " altijd"), ("=", ".")])]
    assert by_key["nieuw"].status == "nieuw" and by_key["oud"].status == "vervallen"
    assert cmp.counts() == {"gewijzigd": 0, "toegevoegd": 1, "verwijderd": 1}


def test_unchanged_theme_is_equal_and_a_title_change_is_a_change() -> None:
    same = compare(vision("1", theme("a")), vision("2", theme("a")))
    assert not same.changed
    renamed_title = compare(vision("1", theme("a")), vision("2", theme("a", titel="Andere titel")))
    section = renamed_title.section("a")
    assert section is not None and section.status == "gewijzigd"
    assert ("+", "Andere titel") in ops(section.titel_diff)


def test_a_renamed_theme_file_is_one_section() -> None:
    body = ("Medewerkers leren met data werken. We bieden cursussen aan en een vast "
            "spreekuur voor vragen over data.")
    old = vision("1", theme("vaardigheid", titel="Vaardigheid", body=body))
    new = vision("2", theme("vaardigheden", titel="Vaardigheden", body=body + " Elk jaar."))
    assert renames(old, new) == {"vaardigheden": "vaardigheid"}
    [kern, section] = compare(old, new).sections
    assert section.key == "vaardigheden" and section.vorige_id == "vaardigheid"
    assert section.status == "gewijzigd"
    assert [b.op for b in section.body] == ["~"]


def test_unrelated_added_and_removed_themes_are_not_a_rename() -> None:
    old = vision("1", theme("privacy", body="Over persoonsgegevens en beveiliging van systemen."))
    new = vision("2", theme("ethiek", body="Over waarden, eerlijkheid en de mens centraal."))
    assert renames(old, new) == {}
    assert [s.status for s in compare(old, new).sections[1:]] == ["nieuw", "vervallen"]


# --- status and editions (pure) ---------------------------------------------------------------

@pytest.fixture(scope="module")
def minimal_model():  # type: ignore[no-untyped-def]
    return load(MINIMAL)


def test_nothing_adopted_means_concept(minimal_model) -> None:  # type: ignore[no-untyped-def]
    st = status(minimal_model)  # 1.0 is adopted, but no text was read from git
    assert st.adopted is None and st.concept and st.missing is not None
    assert st.missing.versie == "1.0"


def test_latest_adopted_text_is_in_force_and_changes_make_a_concept(minimal_model) -> None:  # type: ignore[no-untyped-def]
    adopted = dataclasses.replace(current_text(minimal_model), versie="1.0", commit="abc")
    model = dataclasses.replace(minimal_model, geschiedenis=(adopted,))
    st = status(model)
    assert st.adopted is not None and st.adopted.versie == "1.0" and not st.concept
    changed = dataclasses.replace(model, visie=dataclasses.replace(
        model.visie, kernboodschap=model.visie.kernboodschap + " Met een extra zin."))
    assert status(changed).concept
    [(old, new, cmp)] = comparisons(changed)
    assert (old, new) == ("1.0", CURRENT) and cmp.changed


def test_an_older_text_is_never_shown_as_in_force(minimal_model) -> None:  # type: ignore[no-untyped-def]
    older = dataclasses.replace(current_text(minimal_model), versie="0.9")
    versies = (dataclasses.replace(minimal_model.versies[0], versie="0.9"),
               *minimal_model.versies)
    model = dataclasses.replace(minimal_model, versies=versies, geschiedenis=(older,))
    st = status(model)  # 0.9 was read, 1.0 (the latest adopted) was not
    assert st.adopted is None and st.missing is not None and st.missing.versie == "1.0"
    ed = editions(model)
    assert ed.in_force is None and ed.whole_site_concept
    assert [(e.slug, e.kind) for e in ed.editions] == [("0.9", VERVALLEN)]


def test_editions_name_the_concept_after_its_pending_entry(minimal_model) -> None:  # type: ignore[no-untyped-def]
    adopted = dataclasses.replace(current_text(minimal_model), versie="1.0")
    model = dataclasses.replace(
        minimal_model, geschiedenis=(adopted,),
        visie=dataclasses.replace(minimal_model.visie, body="Een andere tekst."))
    ed = editions(model)
    assert [(e.slug, e.kind) for e in ed.editions] == [("1.0", GELDEND), ("1.1", "concept")]
    assert [p.slug for p in ed.pairs] == ["1.0-1.1"]
    without_entry = dataclasses.replace(model, versies=model.versies[:1])
    assert editions(without_entry).concept.slug == CONCEPT_SLUG  # type: ignore[union-attr]


@pytest.mark.parametrize(("versie", "slug"), [("1.0", "1.0"), ("2024-1", "2024-1"),
                                              ("Najaar 2024", "versie-najaar-2024"),
                                              ("1.0 / def", "1.0-def")])
def test_version_folders(versie: str, slug: str) -> None:
    assert slug_for(versie) == slug


def test_readable_text_drops_markdown_syntax() -> None:
    r = readable("## Kop\n\nZie **het** [register](projecten/a.yml) en `code`.\n\n"
                 "- een\n- twee\n  verder\n\n!!! note \"Let op\"\n    Binnen.")
    assert r.text == "Kop\n\nZie het register en code.\n\n• een\n• twee verder\n\nLet op\n\nBinnen."
    assert r.headings == {"Kop"}


# --- reading from git (edge) ---------------------------------------------------------------------

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.nl",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.nl",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_DATE": "2024-06-01T12:00:00Z", "GIT_COMMITTER_DATE": "2024-06-01T12:00:00Z"}


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], env={**os.environ, **GIT_ENV},
                          check=True, capture_output=True, text=True)
    return proc.stdout.strip()


def init_repo(repo: Path) -> None:
    git(repo, "init", "-q", "-b", "main")
    # `datavisie versie vaststellen` commits without our test environment (gitio drops GIT_*)
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.nl")
    git(repo, "config", "commit.gpgsign", "false")
    git(repo, "config", "tag.gpgsign", "false")


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


OLD_VISION = """---
titel: Datavisie (eerste versie)
kernboodschap: We beginnen met data.
ondertitel: een veld dat later verdween
---

De eerste tekst van de visie.
"""

OLD_THEME = """---
titel: Ethiek
volgorde: 1
ambitie: Eerlijk met data.
---

Over ethiek, zonder principes: die kwamen later.
"""

STRING_PRINCIPLES = """---
titel: Transparantie
volgorde: 2
ambitie: Open over data.
principes: [Open tenzij, Uitleggen]
---

Over openheid.
"""


@pytest.fixture
def old_repo(tmp_path: Path) -> Path:
    """The minimal project whose first commit (tag visie-1.0) holds older-shaped files."""
    repo = tmp_path / "project"
    shutil.copytree(MINIMAL, repo)
    current = {p: p.read_bytes() for p in (repo / "content").rglob("*.md")}
    (repo / "content" / "visie.md").write_text(OLD_VISION, encoding="utf-8")
    for path in (repo / "content" / "themas").glob("*.md"):
        path.unlink()
    (repo / "content" / "themas" / "ethiek.md").write_text(OLD_THEME, encoding="utf-8")
    (repo / "content" / "themas" / "open.md").write_text(STRING_PRINCIPLES, encoding="utf-8")
    init_repo(repo)
    commit_all(repo, "Versie 1.0")
    git(repo, "tag", "-a", "visie-1.0", "-m", "Versie 1.0")
    for path in (repo / "content" / "themas").glob("*.md"):
        path.unlink()
    for path, data in current.items():
        path.write_bytes(data)
    commit_all(repo, "Werktekst")
    return repo


def test_old_shaped_text_is_read_from_its_tag(old_repo: Path) -> None:
    model, notes = attach(load(old_repo), old_repo)
    assert notes == []
    [text] = model.geschiedenis
    assert (text.versie, text.titel, text.kernboodschap) == (
        "1.0", "Datavisie (eerste versie)", "We beginnen met data.")
    assert [(t.id, t.principes) for t in text.themas] == [
        ("ethiek", ()), ("open", ("Open tenzij", "Uitleggen"))]
    st = status(model)
    assert st.adopted is not None and st.adopted.versie == "1.0" and st.concept


def _one_note(notes: list) -> str:  # type: ignore[type-arg]
    assert len(notes) == 1
    return str(notes[0])


def test_not_a_git_repository_gives_one_note(tmp_path: Path) -> None:
    project = shutil.copytree(MINIMAL, tmp_path / "los")
    model, notes = attach(load(project), project)
    assert "geen git-repository" in _one_note(notes) and model.geschiedenis == ()


def test_missing_tag_gives_one_note_with_the_fix(tmp_path: Path) -> None:
    project = shutil.copytree(MINIMAL, tmp_path / "zonder-tags")
    init_repo(project)
    commit_all(project, "Alles")
    _, notes = attach(load(project), project)
    text = _one_note(notes)
    assert "visie-1.0" in text and "git fetch --tags" in text and "--unshallow" not in text


def test_shallow_clone_says_to_unshallow(old_repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "ondiep"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{old_repo}", str(clone)],
                   check=True, env={**os.environ, **GIT_ENV}, capture_output=True)
    _, notes = attach(load(clone), clone)
    assert "git fetch --tags --unshallow" in _one_note(notes)


# --- datavisie versie vaststellen / datavisie versies ------------------------------------------

@pytest.fixture
def clean_repo(tmp_path: Path) -> Path:
    repo = shutil.copytree(MINIMAL, tmp_path / "vaststellen")
    versies = repo / "content" / "versies.yml"
    versies.write_text("# Versies van de visie, oudste eerst. Dit commentaar blijft staan.\n"
                       + versies.read_text(encoding="utf-8"), encoding="utf-8")
    init_repo(repo)
    commit_all(repo, "Start")
    git(repo, "tag", "-a", "visie-1.0", "-m", "Versie 1.0")
    return repo


ADOPT = ["versie", "vaststellen", "1.1", "--orgaan", "college", "--datum", "2024-07-01",
         "--kenmerk", "B&W-2024-7", "--samenvatting", "Het college stelde versie 1.1 vast."]


def test_adopting_commits_the_entry_and_makes_an_annotated_tag(
        clean_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(clean_repo), *ADOPT]) == 0
    assert "visie-1.1" in capsys.readouterr().out
    assert git(clean_repo, "cat-file", "-t", "visie-1.1") == "tag"  # annotated
    assert git(clean_repo, "rev-parse", "visie-1.1^{commit}") == git(clean_repo, "rev-parse",
                                                                      "HEAD")
    assert git(clean_repo, "status", "--porcelain") == ""
    text = (clean_repo / "content" / "versies.yml").read_text(encoding="utf-8")
    assert text.startswith("# Versies van de visie, oudste eerst. Dit commentaar blijft staan.\n")
    assert 'versie: "1.1"' in text and "status: vastgesteld-college" in text
    assert text.count('versie: "1.1"') == 1  # the concept entry was replaced, not duplicated
    model = load(clean_repo)
    assert [(v.versie, v.status) for v in model.versies] == [
        ("1.0", "vastgesteld-raad"), ("1.1", "vastgesteld-college")]

    assert main(["--root", str(clean_repo), "versies"]) == 0
    out = capsys.readouterr().out
    assert "1.0" in out and "1.1" in out and "vastgesteld-college" in out
    assert out.count("tekst in git") == 2


def test_adopting_refuses_a_dirty_work_tree(clean_repo: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    (clean_repo / "content" / "visie.md").write_text(
        (clean_repo / "content" / "visie.md").read_text(encoding="utf-8") + "\nNog een zin.\n",
        encoding="utf-8")
    assert main(["--root", str(clean_repo), *ADOPT]) == 1
    assert "niet-vastgelegde wijzigingen" in capsys.readouterr().err
    assert git(clean_repo, "tag", "-l", "visie-1.1") == ""


def test_adopting_refuses_invalid_content(clean_repo: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    visie = clean_repo / "content" / "visie.md"
    visie.write_text(visie.read_text(encoding="utf-8").replace("titel:", "tittel:", 1),
                     encoding="utf-8")
    commit_all(clean_repo, "Tikfout")
    assert main(["--root", str(clean_repo), *ADOPT]) == 1
    assert "tittel" in capsys.readouterr().out
    assert git(clean_repo, "tag", "-l", "visie-1.1") == ""


def test_adopting_refuses_an_existing_version(clean_repo: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--root", str(clean_repo), "versie", "vaststellen", "1.0", "--orgaan", "gemeenteraad",
            "--datum", "2024-07-01", "--kenmerk", "X"]
    assert main(argv) == 1
    assert "bestaat al" in capsys.readouterr().err
    git(clean_repo, "tag", "-d", "visie-1.0")  # the register alone also refuses
    assert main(argv) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_read_many_reads_several_files_of_a_commit_in_one_go(tmp_path: Path) -> None:
    from build_tools.history.git import open_repo

    git = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.nl",
           "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "map").mkdir()
    (tmp_path / "map/a.md").write_bytes(b"regel 1\nregel 2\n")
    (tmp_path / "map/leeg.md").write_bytes(b"")
    (tmp_path / "map/b.bin").write_bytes(bytes(range(256)) * 3)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True)
    repo = open_repo(tmp_path / "map")
    assert repo is not None
    commit = repo.resolve("HEAD")
    assert commit is not None
    got = repo.read_many(commit, ["a.md", "weg.md", "leeg.md", "../map", "b.bin"])
    assert got == [b"regel 1\nregel 2\n", None, b"", None, bytes(range(256)) * 3]
    assert got[0] == repo.read(commit, "a.md") and repo.read_many(commit, []) == []


# --- the kept read (website/inputs.py): same inputs, same result; anything changed, read again


def _read(project: Path, cache: Path) -> Any:
    from build_tools.build.inputs import read_site_inputs

    if not (project / "theme").is_dir():
        shutil.copytree(TESTS.parent / "theme", project / "theme")
    return read_site_inputs(project, cache_dir=cache)


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.build import inputs

    monkeypatch.setattr(inputs, "load_checked", lambda *a, **k: pytest.fail("read again"))


def test_a_kept_read_is_used_only_while_nothing_it_was_made_of_changed(
        old_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.build import inputs

    cache = tmp_path / "cache"
    first = _read(old_repo, cache)
    with monkeypatch.context() as m:
        _no_reading(m)
        again = _read(old_repo, cache)
    assert again.kept and not first.kept  # a publishing build can tell and read afresh
    again = dataclasses.replace(again, kept=False)
    assert again == first and repr(again) == repr(first)
    # a content file changed: read again, and the change is there
    visie = old_repo / "content/visie.md"
    visie.write_text(visie.read_text(encoding="utf-8").replace(
        "kernboodschap:", "kernboodschap: Nieuw.", 1), encoding="utf-8")
    changed = _read(old_repo, cache)
    assert isinstance(changed, inputs.SiteInputs) and "Nieuw." in changed.model.visie.kernboodschap
    # a house-style file changed: read again
    style = old_repo / "theme/huisstijl.yml"
    style.write_text(style.read_text(encoding="utf-8") + "\n# opmerking\n", encoding="utf-8")
    with monkeypatch.context() as m:
        _no_reading(m)
        with pytest.raises(pytest.fail.Exception):
            _read(old_repo, cache)


def test_a_moved_tag_makes_the_history_be_read_again(old_repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _read(old_repo, cache)
    assert [t.titel for t in first.model.geschiedenis] == ["Datavisie (eerste versie)"]
    # the adopted text is corrected and the tag moved to the correcting commit
    visie = old_repo / "content/visie.md"
    current = visie.read_bytes()
    visie.write_text(OLD_VISION.replace("Datavisie (eerste versie)", "Datavisie (versie 1)"),
                     encoding="utf-8")
    commit_all(old_repo, "Correctie")
    git(old_repo, "tag", "-f", "-a", "visie-1.0", "-m", "Versie 1.0, gecorrigeerd")
    visie.write_bytes(current)  # the working text as before: only the tag moved
    commit_all(old_repo, "Werktekst terug")
    moved = _read(old_repo, cache)
    assert [t.titel for t in moved.model.geschiedenis] == ["Datavisie (versie 1)"]


def test_reads_with_notes_or_issues_are_never_kept(tmp_path: Path) -> None:
    from build_tools.errors import ContentError

    project = shutil.copytree(MINIMAL, tmp_path / "los")  # not in git: a note
    cache = tmp_path / "cache"
    assert _read(project, cache).notes
    assert not list(cache.glob("*.pickle"))
    (project / "content/organisatie.yml").write_text("naam: [\n", encoding="utf-8")
    with pytest.raises(ContentError):
        _read(project, cache)
    assert not list(cache.glob("*.pickle"))


def test_a_kept_read_cannot_run_code(old_repo: Path, tmp_path: Path) -> None:
    import pickle

    from build_tools.build.cache import digest, package_digest, tree_digest

    cache = tmp_path / "cache"
    first = _read(old_repo, cache)
    [store] = cache.glob("*.pickle")
    marker = tmp_path / "uitgevoerd"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    key = digest("site-inputs", package_digest(), str(old_repo.resolve()), "content", "theme",
                 "publiek", "True", tree_digest(old_repo / "content"),
                 tree_digest(old_repo / "theme"))
    store.write_bytes(pickle.dumps((key, {}, Evil())))
    again = _read(old_repo, cache)
    assert not marker.exists()
    assert again == first  # refused, so read afresh


# --- the kept site (website/inputs.py, kept_site): the pages of a kept read -----------------


def test_a_kept_site_is_used_only_for_the_same_read_and_the_same_rest(
        old_repo: Path, tmp_path: Path) -> None:
    import pickle

    from build_tools.build.inputs import kept_site
    from build_tools.views.website import Asset, Site

    cache = tmp_path / "cache"
    inputs = _read(old_repo, cache)
    assert inputs.key
    made: list[Site] = []

    def build() -> Site:
        made.append(Site(pages=(), assets=(Asset("a.txt", f"{len(made)}".encode()),), nav=()))
        return made[-1]

    first = kept_site(inputs, cache, build, "directory_urls=True")
    assert kept_site(_read(old_repo, cache), cache, build, "directory_urls=True") == first
    assert len(made) == 1
    kept_site(inputs, cache, build, "directory_urls=False")  # something else the pages use
    assert len(made) == 2
    visie = old_repo / "content/visie.md"  # the content changed: a new read, a new key
    visie.write_text(visie.read_text(encoding="utf-8").replace(
        "kernboodschap:", "kernboodschap: Nieuw.", 1), encoding="utf-8")
    changed = _read(old_repo, cache)
    assert changed.key != inputs.key
    kept_site(changed, cache, build, "directory_urls=False")
    assert len(made) == 3
    kept_site(dataclasses.replace(changed, key=""), cache, build)  # a read that was not kept
    assert len(made) == 4
    marker = tmp_path / "uitgevoerd"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    [store] = cache.glob("site-*.pickle")
    store.write_bytes(pickle.dumps(("sleutel", Evil())))
    kept_site(changed, cache, build, "directory_urls=False")
    assert not marker.exists() and len(made) == 5  # refused, so built afresh


# `mkdocs serve`'s build, run once in its own process: the only build that reads the cache
# (a publishing build trusts nothing kept: docs/threat-model.md)
SERVE_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
build(config)
config.plugins.on_shutdown()
"""


def _serve_build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run([sys.executable, "-c", SERVE_BUILD, str(project / "mkdocs.yml"),
                           str(out)], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=600)


@pytest.mark.slow
def test_a_warm_build_is_the_cold_build_and_an_edit_is_never_stale(
        old_repo: Path, tmp_path: Path) -> None:
    from sitekit import bouw

    for part in ("mkdocs.yml", "theme", "posters"):
        source = TESTS.parent / part
        if source.is_dir():
            shutil.copytree(source, old_repo / part, ignore=shutil.ignore_patterns(".cache"))
        else:
            shutil.copy2(source, old_repo / part)

    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    # a publishing build neither reads nor writes the kept read and site
    cache = old_repo / ".cache/datavisie"
    published = bouw(old_repo, tmp_path / "gepubliceerd")
    assert published.returncode == 0, published.stderr[-3000:]
    assert not list(cache.glob("inputs/*.pickle"))

    # the preview's build keeps them, and a warm preview is the cold one, byte for byte
    cold = _serve_build(old_repo, tmp_path / "koud")
    assert cold.returncode == 0, cold.stderr[-3000:]
    [store] = cache.glob("inputs/site-*.pickle")
    kept = store.stat().st_mtime_ns
    warm = _serve_build(old_repo, tmp_path / "warm")
    assert warm.returncode == 0, warm.stderr[-3000:]
    assert store.stat().st_mtime_ns == kept  # the kept site was used, not made again
    a, b = tree(tmp_path / "koud"), tree(tmp_path / "warm")
    assert a.keys() == b.keys() and [n for n in a if a[n] != b[n]] == []

    # an edit is never stale: not in the preview, not in what is published
    project = old_repo / "content/projecten/afval.yml"
    project.write_text(project.read_text(encoding="utf-8").replace(
        "naam: Slimme afvalinzameling", "naam: Zojuist hernoemd", 1), encoding="utf-8")
    edited = _serve_build(old_repo, tmp_path / "bewerkt")
    assert edited.returncode == 0, edited.stderr[-3000:]
    register = (tmp_path / "bewerkt/projecten/index.html").read_text(encoding="utf-8")
    assert "Zojuist hernoemd" in register and "Slimme afvalinzameling" not in register
    assert store.stat().st_mtime_ns != kept
    again = bouw(old_repo, tmp_path / "gepubliceerd")
    assert again.returncode == 0, again.stderr[-3000:]
    register = (tmp_path / "gepubliceerd/projecten/index.html").read_text(encoding="utf-8")
    assert "Zojuist hernoemd" in register and "Slimme afvalinzameling" not in register
