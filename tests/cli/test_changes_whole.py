"""`datavisie wijzigingen` on the whole project: a real git repository holding the example
(content, house style, posters, mkdocs.yml and some code), one branch per kind of change, and
a summary that says what a reviewer needs to know and nothing that is not public."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from gitkit import git
from places import REPO

from build_tools.cli.main import main
from build_tools.cli.wijzigingen import summarise
from build_tools.staff.changes.format import format_report

SECRET = "De CDO-rol is voorlopig voor 0,4 fte"  # an internal note in content/routekaart.yml

def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("heel")
    for part in ("content", "theme", "posters", "mkdocs.yml"):
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, root / part, ignore=shutil.ignore_patterns(".cache"))
        else:
            shutil.copy2(src, root / part)
    shutil.copy2(REPO / ".gitignore", root / ".gitignore")  # caches stay out of git
    (root / "build_tools").mkdir()
    (root / "build_tools" / "tool.py").write_text("X = 1\n", encoding="utf-8")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "pr.yml").write_text("name: x\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "basis")
    return root


def branch(repo: Path, name: str, change: Callable[[Path], object]) -> str:
    """Make `change(repo)` on a new branch from main and commit it; back to main after."""
    git(repo, "checkout", "-q", "-b", name, "main")
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", name)
    git(repo, "checkout", "-q", "main")
    return name


def summary(repo: Path, target: str, fmt: str = "markdown", audience: str = "publiek") -> str:
    report = summarise(repo, "main", target, audience=audience)
    return format_report(report, fmt=fmt, basis="main", doel=target, doelgroep=audience)


def section(text: str, title: str) -> str:
    """One `### title` section of a Markdown summary."""
    match = re.search(rf"^### {re.escape(title)}\n(.*?)(?=^### |\Z)", text, re.M | re.S)
    assert match, f"no section {title!r} in:\n{text}"
    return match.group(1)


def test_house_style_names_the_colour_and_logo_with_old_and_new_value(repo: Path) -> None:
    def change(r: Path) -> None:
        edit(r / "theme" / "huisstijl.yml", 'merk: "#00508c"', 'merk: "#0a5c9e"')
        logo = r / "theme" / "logo.svg"
        logo.write_text(logo.read_text(encoding="utf-8") + "\n<!-- nieuwe versie -->\n",
                        encoding="utf-8")

    out = summary(repo, branch(repo, "stijl", change))
    style = section(out, "Huisstijl")
    assert "hoofdkleur (lichte weergave): \\#00508c → \\#0a5c9e" in style
    assert "logo (volledig): logo.svg → logo.svg (nieuw bestand)" in style
    assert "verandert de site en de posters" in style
    assert "Geen wijzigingen" not in out and "### Intern" not in out
    assert "**2 wijzigingen.**" not in out  # one change with two details
    assert "**1 wijziging.**" in out


def test_poster_template_and_definition_name_the_posters(repo: Path) -> None:
    def change(r: Path) -> None:
        edit(r / "posters" / "routekaart.yml", "papier: A3", "papier: A2")
        with (r / "posters" / "_basis.svg.j2").open("a", encoding="utf-8") as fh:
            fh.write("{# kleine aanpassing #}\n")

    out = summary(repo, branch(repo, "poster", change))
    posters = section(out, "Posters")
    assert "De poster ‘Routekaart’ verandert: papier en sjabloon \\_basis.svg.j2 (gedeeld met " \
           "andere posters)." in posters
    assert "  - papier: A3 → A2" in posters
    assert "De poster ‘De datavisie op één poster’ verandert: sjabloon \\_basis.svg.j2" in posters
    assert "De posters per thema veranderen" in posters
    assert "De deelafbeeldingen (voor sociale media) veranderen" in posters
    assert "kleine aanpassing" not in out  # a template's text is never quoted
    assert "### Intern" not in out


def test_internal_only_names_the_files_and_never_their_text(repo: Path) -> None:
    def change(r: Path) -> None:
        edit(r / "content" / "routekaart.yml", SECRET, "Geheime nieuwe afspraak over de CDO")
        (r / "build_tools" / "tool.py").write_text("X = 2  # geheime code\n", encoding="utf-8")
        (r / ".github" / "workflows" / "pr.yml").write_text("name: y\n", encoding="utf-8")

    name = branch(repo, "intern", change)
    out = summary(repo, name)
    assert "Geen wijzigingen die het publiek ziet." in out
    internal = section(out, "Intern")
    assert ("3 interne onderdelen gewijzigd (niet te zien op de site): .github/workflows/pr.yml, "
            "build\\_tools/tool.py en content/routekaart.yml (alleen interne gegevens of "
            "opmaak).") in internal
    for text in ("Geheime nieuwe afspraak", SECRET, "geheime code", "name: y"):
        assert text not in out
    inside = summary(repo, name, audience="intern")
    assert "wat collega's zien" in inside and "ziet" not in inside.split("\n")[3]
    assert "Mijlpaal ‘" in section(inside, "Routekaart")  # colleagues see the note changed
    assert "Geheime nieuwe afspraak" not in inside  # an internal note is named, not quoted


def test_a_renamed_project_is_one_move_with_both_addresses(repo: Path) -> None:
    def change(r: Path) -> None:
        git(r, "mv", "content/projecten/open-data-portaal.yml", "content/projecten/open-data.yml")

    out = summary(repo, branch(repo, "hernoemd", change))
    projects = section(out, "Projecten")
    assert projects.strip() == (
        "- Project ‘Open data portaal’ heeft een nieuw adres: van "
        "‘/projecten/open-data-portaal/’ naar ‘/projecten/open-data/’. Het oude adres stuurt "
        "door naar het nieuwe.")
    assert "verwijderd" not in out and "toegevoegd" not in out
    assert "### Intern" not in out


def test_a_rename_git_has_not_seen_asks_for_the_old_address(repo: Path) -> None:
    """In a working tree, a file moved without `git mv` is found by its text; the summary
    says how to keep its old address working."""
    git(repo, "checkout", "-q", "-b", "werkmap", "main")
    try:
        src = repo / "content" / "projecten" / "open-data-portaal.yml"
        src.rename(src.with_name("opendata.yml"))
        gone = repo / "content" / "projecten" / "woningbouwmonitor.yml"
        data = gone.read_text(encoding="utf-8")
        gone.unlink()
        report = summarise(repo, "main", None)
        out = format_report(report, fmt="text", basis="main", doel="de werkmap")
        assert ("van ‘/projecten/open-data-portaal/’ naar ‘/projecten/opendata/’. Zet "
                "`oude_adressen: [/projecten/open-data-portaal/]` in het bestand, dan blijft "
                "het oude adres werken.") in out
        assert "Het adres ‘/projecten/woningbouwmonitor/’ werkt dan niet meer." in out
    finally:
        src.with_name("opendata.yml").rename(src)
        gone.write_text(data, encoding="utf-8")
        git(repo, "checkout", "-q", "main")


def test_a_deleted_paragraph_is_one_deletion(repo: Path) -> None:
    paragraph = ("De wet zegt veel over wat wel en niet mag met gegevens. Maar niet alles. "
                 "Er zijn\n")

    def change(r: Path) -> None:
        theme = r / "content" / "themas" / "ethiek.md"
        text = theme.read_text(encoding="utf-8")
        start = text.index("De wet zegt veel")
        end = text.index("\n\n", start) + 2
        theme.write_text(text[:start] + text[end:], encoding="utf-8")

    assert paragraph.split(".")[0] in (REPO / "content" / "themas" / "ethiek.md").read_text(
        encoding="utf-8")
    out = summary(repo, branch(repo, "alinea", change))
    themes = section(out, "Thema's")
    assert "- Tekst van thema ‘Ethiek’: 1 alinea verwijderd." in themes
    assert themes.count("<del>") == 1 and "zinnen" not in themes and "zin " not in themes


def test_renaming_one_aspect_names_that_aspect_only(repo: Path) -> None:
    def change(r: Path) -> None:
        edit(r / "content" / "metingen" / "model.yml", "titel: Innovatie in dienstverlening}",
             "titel: Vernieuwing van de dienstverlening}")

    out = summary(repo, branch(repo, "aspect", change))
    assert section(out, "Metingen").strip() == (
        "- Aspect ‘Innovatie in dienstverlening’ heet nu ‘Vernieuwing van de dienstverlening’.")
    assert "Efficiëntere bedrijfsvoering" not in out  # no other aspect, no whole model
    assert "**1 wijziging.**" in out


def test_errors_in_files_the_change_did_not_touch_are_pointed_out(repo: Path) -> None:
    def change(r: Path) -> None:
        roadmap = r / "content" / "routekaart.yml"
        text = roadmap.read_text(encoding="utf-8")
        start = text.index("  - id: open-data-portaal-live")
        end = text.index("  - id: ", start + 10)
        roadmap.write_text(text[:start] + text[end:], encoding="utf-8")
        edit(r / "content" / "projecten" / "open-data-portaal.yml", "naam: Open data portaal",
             "naam: Het open data portaal")  # one of the five files is touched

    name = branch(repo, "breekt", change)
    out = summary(repo, name)
    errors = section(out, "Fouten")
    assert errors.startswith("\nDe controle vindt 5 fouten")
    assert "4 daarvan staan in een bestand dat deze wijziging niet aanraakt" in errors
    marked = re.findall(r"^- `(content/projecten/[a-z-]+\.yml) regel 7` \*\*\(buiten je "
                        r"wijziging\)\*\*: DV203 onbekende mijlpaal", errors, re.M)
    assert len(marked) == 4
    assert "- `content/projecten/open-data-portaal.yml regel 7`: DV203" in errors  # touched
    assert "Mijlpaal ‘Open data portaal online’ verwijderd." in section(out, "Routekaart")
    # the errors come first: the author must act on them
    assert out.index("### Fouten") < out.index("### Routekaart")
    # the command prints the same summary and still ends with 0 (`check` is the gate)
    assert main(["--root", str(repo), "wijzigingen", "main", name, "--format", "markdown"]) == 0


def test_site_configuration_names_the_setting(repo: Path) -> None:
    def change(r: Path) -> None:
        edit(r / "mkdocs.yml", "site_name: Datavisie\n", "site_name: Datavisie DH\n")
        page = r / "theme" / "overrides" / "main.html"  # a municipality's own template
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text('{% extends "base.html" %}\n', encoding="utf-8")

    out = summary(repo, branch(repo, "site", change))
    site = section(out, "Site")
    assert "site\\_name: Datavisie → Datavisie DH" in site
    assert "Sjabloon van de website gewijzigd (de opmaak van de pagina's): main.html." in site
