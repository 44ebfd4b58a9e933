"""`datavisie wijzigingen`: a real git repository in tmp_path, realistic changes as separate
commits, and a summary that names each change correctly and nothing else."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from gitkit import commit, git
from places import MINIMAL, REPO

from build_tools.cli.main import main
from build_tools.cli.wijzigingen import load_revision
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, UserError
from build_tools.history.texts import Segment
from build_tools.staff.changes.compare import Change, compare_models
from build_tools.staff.changes.details import FieldChange, TextChange, sentence_diff, sentences
from build_tools.staff.changes.format import MARKER, format_changes, md_escape

MINIMAL_CONTENT = MINIMAL / "content"
SOURCE = MINIMAL_CONTENT if MINIMAL_CONTENT.is_dir() else REPO / "content"

THEME_BODY = (
    "Data kunnen veel goeds doen, maar ook schade. We wegen dat daarom altijd af.\n"
    "Eerst vragen we: helpt het inwoners?\n\n"
    "## Wat we doen\n\n"
    "- We toetsen elk nieuw project.\n"
    "- We leggen uit hoe een algoritme werkt.\n"
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A repository with a base commit and four commits, one realistic change each."""
    repo = tmp_path_factory.mktemp("wijzigingen")
    shutil.copytree(SOURCE, repo / "content")
    theme = repo / "content" / "themas" / "ethiek.md"
    head, _, _ = theme.read_text(encoding="utf-8").rpartition("---")
    theme.write_text(head + "---\n\n" + THEME_BODY, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    refs = {"basis": commit(repo, "Basis")}

    (repo / "content" / "projecten" / "fietsparkeren.yml").write_text(
        "naam: Slimme fietsenstallingen\n"
        "samenvatting: Sensoren tellen vrije plekken in de stallingen bij het station.\n"
        "themas: [transparantie]\n"
        "status: pilot\n"
        "start: 2024-05\n"
        "eigenaar: Team Mobiliteit\n"
        "doel: Minder zoeken naar een plek, en beter plannen waar stallingen nodig zijn.\n"
        "gegevens:\n"
        "  - bron: Tellingen van sensoren\n"
        "    persoonsgegevens: false\n"
        "dpia: niet-nodig\n", encoding="utf-8")
    refs["project"] = commit(repo, "Project toegevoegd")

    edit(repo / "content" / "routekaart.yml", "wanneer: 2024-Q2", "wanneer: 2024-Q3")
    refs["mijlpaal"] = commit(repo, "Nulmeting verschoven")

    edit(theme, "We wegen dat daarom altijd af.", "We wegen dat daarom altijd zorgvuldig af.")
    refs["thema"] = commit(repo, "Zin aangepast")

    edit(repo / "content" / "metingen" / "2024-03.yml",
         "{aspect: dienstverlening, huidig: 1, ambitie: 3}",
         "{aspect: dienstverlening, huidig: 2, ambitie: 3}")
    refs["score"] = commit(repo, "Score gecorrigeerd")
    return repo, refs


def changes_between(repo: Path, old: str | None, new: str | None,
                    audience: str = "publiek") -> list[Change]:
    return compare_models(load_revision(repo, old, audience=audience),
                          load_revision(repo, new, audience=audience))


# --- one change per commit, nothing else ------------------------------------------------

def test_adding_a_project_is_named_with_its_theme(history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    [change] = changes_between(repo, refs["basis"], refs["project"])
    assert (change.kind, change.subject) == ("project.added", "fietsparkeren")
    assert change.sentence == ("Project ‘Slimme fietsenstallingen’ toegevoegd onder thema "
                               "Transparantie (status: pilot).")


def test_moving_a_milestone_names_both_quarters(history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    [change] = changes_between(repo, refs["project"], refs["mijlpaal"])
    assert (change.kind, change.subject) == ("milestone.moved", "nulmeting")
    assert change.sentence == "Mijlpaal ‘Nulmeting uitgevoerd’ verplaatst van Q2 2024 naar Q3 2024."


def test_editing_a_sentence_shows_only_that_sentence_word_by_word(
        history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    [change] = changes_between(repo, refs["mijlpaal"], refs["thema"])
    assert (change.kind, change.subject) == ("theme.text", "ethiek")
    assert change.sentence == "Tekst van thema ‘Ethiek’: 1 zin gewijzigd."
    [detail] = change.details
    assert isinstance(detail, TextChange)
    assert detail.zinnen == ((Segment("=", "We wegen dat daarom altijd "),
                              Segment("+", "zorgvuldig "), Segment("=", "af.")),)


def test_changing_a_score_names_the_aspect_and_both_values(
        history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    [change] = changes_between(repo, refs["thema"], refs["score"])
    assert (change.kind, change.subject) == ("score.changed", "2024-03/dienstverlening")
    assert change.sentence == ("Nulmeting van 15 maart 2024: score voor ‘Dienstverlening’ "
                               "van 1 naar 2.")
    assert change.details == (FieldChange("huidig", "1", "2"),)


def test_the_whole_branch_names_the_four_changes_and_nothing_else(
        history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    found = changes_between(repo, refs["basis"], refs["score"])
    assert [(c.kind, c.subject) for c in found] == [
        ("theme.text", "ethiek"),
        ("milestone.moved", "nulmeting"),
        ("project.added", "fietsparkeren"),
        ("score.changed", "2024-03/dienstverlening"),
    ]


def test_no_change_says_so(history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    assert changes_between(repo, refs["score"], None) == []
    text = format_changes([], fmt="text", basis="main", doel="de werkmap")
    assert "Geen wijzigingen" in text
    markdown = format_changes([], fmt="markdown", basis="main", doel="de werkmap")
    assert markdown.startswith(MARKER) and "Geen wijzigingen" in markdown


# --- formats ------------------------------------------------------------------------------

def test_markdown_for_a_pull_request(history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    out = format_changes(changes_between(repo, refs["basis"], refs["score"]), fmt="markdown",
                         basis="origin/main", doel="de werkmap")
    assert out.startswith(MARKER + "\n## Wat deze wijziging doet")
    assert "**4 wijzigingen.**" in out
    for heading in ("### Thema's", "### Routekaart", "### Projecten", "### Metingen"):
        assert heading in out
    assert "> We wegen dat daarom altijd <ins>zorgvuldig </ins>af." in out
    assert "- Mijlpaal ‘Nulmeting uitgevoerd’ verplaatst van Q2 2024 naar Q3 2024." in out
    assert "  - huidig: 1 → 2" in out


def test_text_for_a_terminal_uses_word_diff_marks(history: tuple[Path, dict[str, str]]) -> None:
    repo, refs = history
    out = format_changes(changes_between(repo, refs["mijlpaal"], refs["thema"]), fmt="text",
                         basis="a", doel="b")
    assert "We wegen dat daarom altijd {+zorgvuldig +}af." in out
    assert "<ins>" not in out


def test_markdown_escapes_content() -> None:
    assert md_escape("<script>x</script> *vet* @team #12 [a](b)") == (
        "&lt;script&gt;x&lt;/script&gt; \\*vet\\* &#64;team \\#12 \\[a\\](b)")
    change = Change("project.added", "x", "Project ‘<b>@iedereen</b>’ toegevoegd.")
    out = format_changes([change], fmt="markdown", basis="a", doel="b")
    assert "<b>" not in out and "@iedereen" not in out


# --- the command --------------------------------------------------------------------------

def test_cli_compares_with_the_working_tree(history: tuple[Path, dict[str, str]],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    repo, refs = history
    assert main(["--root", str(repo), "wijzigingen", refs["basis"], "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(MARKER) and "**4 wijzigingen.**" in out


def test_cli_between_two_revisions_in_text(history: tuple[Path, dict[str, str]],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo, refs = history
    assert main(["--root", str(repo), "wijzigingen", refs["project"], refs["mijlpaal"]]) == 0
    out = capsys.readouterr().out
    assert "1 wijziging." in out and "verplaatst van Q2 2024 naar Q3 2024" in out


def test_unknown_revision_is_refused(history: tuple[Path, dict[str, str]],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    repo, _ = history
    with pytest.raises(UserError, match="niet gevonden"):
        load_revision(repo, "origin/bestaat-niet")
    assert main(["--root", str(repo), "wijzigingen", "origin/bestaat-niet"]) == 1
    assert "git fetch" in capsys.readouterr().err


def test_content_error_at_a_revision_is_a_content_error(tmp_path: Path) -> None:
    repo = tmp_path / "kapot"
    shutil.copytree(SOURCE, repo / "content")
    git(repo, "init", "-q", "-b", "main")
    edit(repo / "content" / "routekaart.yml", "status: loopt", "status: bezig")
    bad = commit(repo, "Fout")
    with pytest.raises(ContentError) as exc:
        load_revision(repo, bad)
    [issue] = exc.value.issues
    assert issue.code == "DV108" and issue.path == "content/routekaart.yml"
    assert issue.message.endswith(f"(in {bad})")
    # the summary is still made, and says the base itself is broken
    assert main(["--root", str(repo), "wijzigingen", bad]) == 0


def test_internal_changes_stay_out_of_the_public_summary(tmp_path: Path) -> None:
    repo = tmp_path / "intern"
    shutil.copytree(SOURCE, repo / "content")
    git(repo, "init", "-q", "-b", "main")
    base = commit(repo, "Basis")
    edit(repo / "content" / "routekaart.yml", "notitie: Geheime mijlpaalnotitie",
         "notitie: Nog geheimer")
    assert changes_between(repo, base, None) == []
    [change] = changes_between(repo, base, None, audience="intern")
    assert change.kind == "milestone.changed"
    assert "Nog geheimer" not in format_changes([change], fmt="text", basis="a", doel="b")


# --- the pure comparison on a loaded model --------------------------------------------------

@pytest.fixture(scope="module")
def base_model(history: tuple[Path, dict[str, str]]) -> Datavisie:
    repo, refs = history
    return load_revision(repo, refs["basis"])


def test_project_fields_show_old_and_new(base_model: Datavisie) -> None:
    old = base_model.projecten[0]
    status = "pilot" if old.status != "pilot" else "in-gebruik"
    new = dataclasses.replace(old, status=status, eigenaar="Team Nieuw")
    [change] = compare_models(base_model, dataclasses.replace(
        base_model, projecten=(new, *base_model.projecten[1:])))
    assert change.kind == "project.changed"
    assert change.sentence == f"Project ‘{old.naam}’ gewijzigd: status, eigenaar."
    assert FieldChange("status", old.status, status) in change.details


def test_principles_and_versions(base_model: Datavisie) -> None:
    from build_tools.content.model import Decision, Principle

    theme = base_model.themas[0]
    themed = dataclasses.replace(theme, principes=(*theme.principes, Principle("Uitlegbaar")))
    concept = base_model.versies[-1]
    adopted = dataclasses.replace(concept, status="vastgesteld-college",
                                  besluit=Decision("college", "B-2024-9"))
    new = dataclasses.replace(base_model, themas=(themed, *base_model.themas[1:]),
                              versies=(*base_model.versies[:-1], adopted))
    kinds = {c.kind: c.sentence for c in compare_models(base_model, new)}
    assert kinds["principle.added"] == (f"Principe ‘Uitlegbaar’ toegevoegd aan thema "
                                        f"‘{theme.titel}’.")
    assert kinds["version.adopted"].startswith(
        f"Versie {concept.versie} vastgesteld door het college")
    assert list(kinds) == ["version.adopted", "principle.added"]


def test_sentences_ignore_wrapping_and_emphasis() -> None:
    assert sentences("Een zin die\ndoorloopt. **Vet** en [link](https://x.nl).\n\n- Item") == [
        "Een zin die doorloopt.", "Vet en link (https://x.nl).", "Item"]
    assert sentence_diff("Een zin.\nTwee.", "Een  zin. Twee.") == ((), (0, 0, 0))
    found, counts = sentence_diff("Een. Twee. Drie.", "Een. Twee is anders. Drie. Vier.")
    assert counts == (1, 1, 0)
    assert found[1] == (Segment("+", "Vier."),)


def test_project_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(SOURCE, repo / "datavisie" / "content")
    git(repo, "init", "-q", "-b", "main")
    base = commit(repo, "Basis")
    edit(repo / "datavisie" / "content" / "routekaart.yml", "status: loopt", "status: gereed")
    [change] = changes_between(repo / "datavisie", base, None)
    assert change.sentence == "Mijlpaal ‘Nulmeting uitgevoerd’: status van ‘loopt’ naar ‘gereed’."


def test_a_new_adopted_version_shows_its_summary(base_model: Datavisie) -> None:
    from build_tools.content.model import Decision, Version
    from build_tools.content.types import parse_when

    when = parse_when("2024-09-12")
    assert when is not None
    new_version = Version("2.0", when, "vastgesteld-raad", "De raad stelde versie 2.0 vast.",
                          besluit=Decision("gemeenteraad", "RB-2024-88"))
    [change] = compare_models(base_model, dataclasses.replace(
        base_model, versies=(*base_model.versies, new_version)))
    assert change.kind == "version.adopted"
    assert change.sentence == ("Versie 2.0 vastgesteld door de gemeenteraad op 12 september 2024 "
                               "(besluit RB-2024-88).")
    [detail] = change.details
    assert isinstance(detail, TextChange) and detail.alineas_toegevoegd == 1
