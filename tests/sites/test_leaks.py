"""The public build leaks nothing: a unique marker in every internal place the content contract
allows, a public build with posters and social cards, and not one marker in any output file
(HTML, search index, sitemap, downloads, SVG, PDF text, PNG metadata, anything copied). The
internal build shows them. Plus one test per known trap, and the leak gate itself."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from places import Factory
from sitekit import (
    Html,
    bouw,
    earlier_output,
    make_project,
    output_files,
    read_markdown,
    read_yaml,
    readable,
    write_markdown,
    write_yaml,
)

slow = pytest.mark.slow
MARKER = re.compile(r"LEKMARKER\d{2}")


@dataclass
class Markers:
    """Unique markers, each with where it was planted and whether the internal site shows it.
    One token without hyphens, so line breaking on a poster can never split it."""

    planted: dict[str, tuple[str, bool]] = field(default_factory=dict)

    def new(self, where: str, *, shown_internally: bool = False) -> str:
        marker = f"LEKMARKER{len(self.planted) + 1:02d}"
        self.planted[marker] = (where, shown_internally)
        return marker

    def sentence(self, where: str, *, shown_internally: bool = False) -> str:
        """A marker inside an ordinary sentence (long enough to be a leak-scan fragment)."""
        m = self.new(where, shown_internally=shown_internally)
        return f"Vertrouwelijke notitie {m} voor collega's van het programmateam."


def intern_tree(markers: Markers, where: str) -> dict[str, object]:
    """An `intern:` subtree with the marker at several depths and in keys and lists."""
    return {"notitie": markers.sentence(f"{where} intern.notitie"),
            "lijst": [markers.sentence(f"{where} intern.lijst")],
            "dieper": {"contactpersoon": markers.sentence(f"{where} intern.dieper")}}


def block(markers: Markers, where: str, kind: str = "!!!") -> str:
    m = markers.sentence(f"{where} {kind} intern", shown_internally=True)
    return f'\n\n{kind} intern "Voor collega\'s"\n    {m}\n\n    Tweede alinea {m}.\n\n'


def plant(content: Path) -> Markers:
    """Put a marker in every internal place the content contract allows."""
    mk = Markers()

    org = read_yaml(content / "organisatie.yml")
    org["intern"] = intern_tree(mk, "organisatie.yml")
    org["contact"]["intern"] = intern_tree(mk, "organisatie.yml contact")
    write_yaml(content / "organisatie.yml", org)

    meta, body = read_markdown(content / "visie.md")
    meta["intern"] = intern_tree(mk, "visie.md front matter")
    body = body + block(mk, "visie.md") + block(mk, "visie.md", "???") + \
        "Slot van de visie.\n" + block(mk, "visie.md genest", "???+")
    write_markdown(content / "visie.md", meta, body)

    meta, body = read_markdown(content / "themas/ethiek.md")
    meta["intern"] = intern_tree(mk, "thema front matter")
    meta["principes"][0]["intern"] = intern_tree(mk, "thema principe")
    write_markdown(content / "themas/ethiek.md", meta,
                   block(mk, "thema body") + body + block(mk, "thema body", "???"))

    meta["titel"] = f"Geheim thema {mk.new('intern thema titel', shown_internally=True)}"
    meta["volgorde"] = 99
    meta["zichtbaarheid"] = "intern"
    meta["ambitie"] = f"Ambitie {mk.new('intern thema ambitie', shown_internally=True)} voor later."
    meta["principes"] = [{"titel": f"P {mk.new('intern thema principe')}",
                          "toelichting": mk.sentence("intern thema principe toelichting")}]
    meta.pop("intern")
    write_markdown(content / "themas/geheim-thema.md", meta,
                   "## Geheim\n\n" + mk.sentence("intern thema body", shown_internally=True)
                   + "\n")

    road = read_yaml(content / "routekaart.yml")
    road["intern"] = intern_tree(mk, "routekaart.yml")
    first = road["mijlpalen"][0]
    first["intern"] = intern_tree(mk, "mijlpaal")
    first["toelichting"] = (first.get("toelichting") or "Toelichting.") + \
        block(mk, "mijlpaal toelichting")
    write_yaml(content / "routekaart.yml", road)

    path = content / "projecten/voorspelmodel-wietkwekerijen.yml"
    project = read_yaml(path)
    project["intern"] = intern_tree(mk, "project")
    project["gegevens"][0]["intern"] = intern_tree(mk, "project gegevens")
    project["algoritme"]["intern"] = intern_tree(mk, "project algoritme")
    project["doel"] += block(mk, "project doel")
    project["algoritme"]["risicobeheer"] += block(mk, "algoritme risicobeheer", "???")
    write_yaml(path, project)

    project.pop("intern")
    project["zichtbaarheid"] = "intern"
    project["naam"] = f"Geheim project {mk.new('intern project naam', shown_internally=True)}"
    project["samenvatting"] = mk.sentence("intern project samenvatting", shown_internally=True)
    project["doel"] = mk.sentence("intern project doel", shown_internally=True)
    project["eigenaar"] = f"Team {mk.new('intern project eigenaar', shown_internally=True)}"
    project["algoritme"]["technische_werking"] = mk.sentence("intern project algoritme")
    write_yaml(content / "projecten/geheim-project.yml", project)

    model = read_yaml(content / "metingen/model.yml")
    model["intern"] = intern_tree(mk, "metingen/model.yml")
    write_yaml(content / "metingen/model.yml", model)
    measurement = read_yaml(content / "metingen/2024-03.yml")
    measurement["intern"] = intern_tree(mk, "meting")
    measurement["scores"][0]["intern"] = intern_tree(mk, "meting score")
    write_yaml(content / "metingen/2024-03.yml", measurement)
    measurement.pop("intern")
    measurement["scores"][0].pop("intern")
    measurement["datum"] = "2025-03-14"
    measurement["soort"] = "hermeting"
    measurement["zichtbaarheid"] = "intern"
    measurement["methode"] = f"Tussenmeting {mk.new('intern meting methode')}"
    for score in measurement["scores"]:
        score["toelichting"] = mk.sentence("intern meting toelichting")
    write_yaml(content / "metingen/2025-03.yml", measurement)

    versions = read_yaml(content / "versies.yml")
    versions[-1]["intern"] = intern_tree(mk, "versie")
    versions[-1]["samenvatting"] += block(mk, "versie samenvatting")
    write_yaml(content / "versies.yml", versions)

    terms = read_yaml(content / "begrippen.yml")
    terms[0]["intern"] = intern_tree(mk, "begrip")
    write_yaml(content / "begrippen.yml", terms)

    meta, body = read_markdown(content / "paginas/over.md")
    meta["intern"] = intern_tree(mk, "pagina front matter")
    write_markdown(content / "paginas/over.md", meta,
                   body + block(mk, "pagina") + block(mk, "pagina", "???")
                   + "Lees ook de [afspraken voor redacteuren](werkafspraken.md) en "
                     "[de afspraken](werkafspraken.md#wie-mag-wat-aanpassen).\n\n"
                   + "Zie [het geheime project](../projecten/geheim-project.yml) en het "
                     "[geheime thema][geheim].\n\n[geheim]: ../themas/geheim-thema.md\n")

    meta, body = read_markdown(content / "paginas/werkafspraken.md")
    meta["titel"] = f"Werkafspraken {mk.new('intern pagina titel', shown_internally=True)}"
    write_markdown(content / "paginas/werkafspraken.md", meta,
                   body + "\n" + mk.sentence("intern pagina body", shown_internally=True) + "\n")
    return mk


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Markers]:
    project = make_project(tmp_path_factory.mktemp("lek") / "project",
                           cache=tmp_path_factory.getbasetemp() / "datavisie-cache")
    return project, plant(project / "content")


@pytest.fixture(scope="module")
def public_site(planted: tuple[Path, Markers]) -> Path:
    project, _ = planted
    out = project.parent / "publiek"
    result = bouw(project, out, "--doelgroep", "publiek")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def internal_site(planted: tuple[Path, Markers]) -> Path:
    project, _ = planted
    out = project.parent / "intern"
    result = bouw(project, out, "--doelgroep", "intern")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _markers_in(site: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in output_files(site):
        for m in MARKER.findall(readable(path)):
            found.setdefault(m, set()).add(path.relative_to(site).as_posix())
    return found


@slow
def test_public_build_contains_no_internal_marker_in_any_file(public_site: Path) -> None:
    kinds = {p.suffix for p in output_files(public_site)}
    assert {".html", ".json", ".csv", ".ics", ".xml", ".gz", ".svg", ".png", ".pdf"} <= kinds
    assert (public_site / "posters/visie.pdf").is_file()
    assert (public_site / "assets/social/index.png").is_file()
    assert _markers_in(public_site) == {}


@slow
def test_public_build_has_no_trace_of_internal_files(public_site: Path) -> None:
    names = [p.relative_to(public_site).as_posix() for p in output_files(public_site)]
    for hidden in ("geheim-thema", "geheim-project", "2025-03", "werkafspraken"):
        assert not [n for n in names if hidden in n], hidden
    for path in output_files(public_site):
        if path.suffix in (".html", ".json", ".xml", ".csv", ".ics", ".svg", ".js"):
            text = path.read_text(encoding="utf-8")
            for hidden in ("geheim-thema", "geheim-project", "werkafspraken", "2025-03-14"):
                assert hidden not in text, (path, hidden)


@slow
def test_pdf_text_extraction_sees_poster_text(internal_site: Path) -> None:
    """The PDF check above is only worth something if extraction reads the posters' text."""
    pdf = readable(internal_site / "posters/thema-geheim-thema.pdf")
    assert "Geheim thema" in pdf and "LEKMARKER" in pdf


@slow
def test_internal_build_shows_internal_files_and_blocks(internal_site: Path,
                                                        planted: tuple[Path, Markers]) -> None:
    _, markers = planted
    found = _markers_in(internal_site)
    expected = {m for m, (_, shown) in markers.planted.items() if shown}
    missing = {m: markers.planted[m][0] for m in expected - found.keys()}
    assert missing == {}
    # `intern:` subtrees are data for staff tools; no view shows them, on either site
    subtrees = {m for m, (where, _) in markers.planted.items() if " intern." in where}
    assert subtrees and not subtrees & found.keys()


# --- the known traps, one test each --------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example without posters and social cards (fast builds)."""
    return make_project(tmp_path / "project", posters=False, cards=False)


def _build_ok(project: Path, *args: str) -> Path:
    out = project.parent / "site"
    result = bouw(project, out, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _all_text(site: Path) -> str:
    return "\n".join(readable(p) for p in output_files(site))


@slow
def test_front_matter_that_does_not_parse_is_refused_not_published(project: Path) -> None:
    page = project / "content/paginas/over.md"
    secret = "geheime-voorwerk-tekst-LEKMARKER90"
    page.write_text(f"---\ntitel: Over\nnotitie: [{secret}\n---\n\nTekst.\n", encoding="utf-8")
    result = bouw(project, project.parent / "site")
    assert result.returncode == 1, result.stderr
    assert "content/paginas/over.md:" in result.stderr and "DV005" in result.stderr
    assert not (project.parent / "site").exists()
    # a file whose front matter never closes is refused too (MkDocs would show it as text)
    page.write_text(f"---\ntitel: Over\nnotitie: {secret}\n\nTekst.\n", encoding="utf-8")
    result = bouw(project, project.parent / "site")
    assert result.returncode == 1 and "DV011" in result.stdout + result.stderr


@slow
def test_html_comments_in_markdown_never_reach_the_page(project: Path) -> None:
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + "\n<!-- LEKMARKER91 notitie voor de redactie -->\n\n"
                   "Tekst met <!-- LEKMARKER92 --> commentaar erin.\n")
    result = bouw(project, project.parent / "site")
    assert result.returncode == 1, result.stderr
    assert "content/paginas/over.md" in result.stderr and "DV120" in result.stderr
    assert "LEKMARKER" not in result.stderr  # the error points at the line, no need to repeat it
    assert not (project.parent / "site").exists()


@slow
def test_html_comments_in_code_are_text_and_allowed(project: Path) -> None:
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + "\nZo schrijf je commentaar: `<!-- zo -->`.\n\n"
                   "```\n<!-- ook zo -->\n```\n")
    site = _build_ok(project)
    doc = Html((site / "over/index.html").read_text(encoding="utf-8"))
    assert "<!-- zo -->" in doc.text and "<!-- ook zo -->" in doc.text
    assert not [c for c in doc.comments if "zo" in c]


@slow
def test_files_outside_the_navigation_are_only_our_own_pages(project: Path) -> None:
    """Nothing from content/ is copied or indexed; pages outside the navigation are our
    own (projects), and they are public ones."""
    site = _build_ok(project)
    names = {p.relative_to(site).as_posix() for p in output_files(site)}
    assert not [n for n in names if n.endswith((".md", ".yml", ".yaml"))]
    assert not [n for n in names if n.startswith(("paginas/", "metingen/", "content/"))]
    import json

    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for loc in locations:
        assert loc == "" or (site / loc / "index.html").is_file() or (site / loc).is_file(), loc
    assert not [loc for loc in locations if "werkafspraken" in loc]


@slow
def test_snippet_and_include_syntax_renders_as_text(project: Path) -> None:
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    include_lines = [
        '--8<-- "content/paginas/werkafspraken.md"',
        '--8<-- "/etc/hostname"',
        ';--8<-- "mkdocs.yml"',
        "{!content/paginas/werkafspraken.md!}",
        "{! ../mkdocs.yml !}",
        '{% include "content/paginas/werkafspraken.md" %}',
        '{% include-markdown "content/paginas/werkafspraken.md" %}',
        "![[werkafspraken]]",
    ]
    write_markdown(page, meta, body + "\n" + "\n\n".join(include_lines) + "\n")
    site = _build_ok(project)
    text = Html((site / "over/index.html").read_text(encoding="utf-8")).text
    for line in include_lines:
        assert line in text, line
    assert "Wie mag wat aanpassen" not in _all_text(site)
    assert "site_name" not in text


@pytest.mark.parametrize("extension", ["pymdownx.snippets", "markdown_include.include",
                                       "pymdownx.b64"])
@slow
def test_file_reading_markdown_extensions_are_refused(project: Path, extension: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - admonition\n", f"  - admonition\n  - {extension}\n"),
                      encoding="utf-8")
    result = bouw(project, project.parent / "site")
    assert result.returncode == 1 and extension in result.stderr
    assert "Traceback" not in result.stderr
    # refused by us, or (not installed) by MkDocs before anything is read
    assert "niet toegestaan" in result.stderr or "Failed to load extension" in result.stderr
    assert not (project.parent / "site").exists()


@slow
def test_links_from_public_pages_to_internal_pages_are_removed(project: Path) -> None:
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + "\nLees de [afspraken](werkafspraken.md), "
                   "[de regels](../werkafspraken/#wie-mag-wat-aanpassen) en "
                   "[nog eens][w].\n\n[w]: paginas/werkafspraken.md\n")
    theme = project / "content/themas/ethiek.md"
    meta, body = read_markdown(theme)
    write_markdown(theme, meta, body + "\nZie de [afspraken](../paginas/werkafspraken.md).\n")
    site = _build_ok(project)
    for path in output_files(site):
        if path.suffix in (".html", ".json", ".xml"):
            assert "werkafspraken" not in path.read_text(encoding="utf-8"), path
    assert "Lees de afspraken, de regels en" in Html(
        (site / "over/index.html").read_text(encoding="utf-8")).text


@pytest.mark.parametrize("name", ["export.csv", "visie.md.bak", ".env", "paginas/oud.md~",
                                  "notities.txt", "themas/.ethiek.md.swp"])
def test_stray_files_in_content_are_refused(valid_content: Factory, name: str) -> None:
    from build_tools.content.load import load
    from build_tools.errors import ContentError

    root = valid_content()
    stray = root / "content" / name
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_text("GEHEIM=LEKMARKER93\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(root)
    assert [(i.code, i.path) for i in caught.value.issues] == [("DV022", f"content/{name}")]


@slow
def test_stray_files_are_never_copied_even_past_the_loader(project: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: were the loader to let a stray file through, the plugin still
    publishes only generated files, and the leak scan refuses source files."""
    from build_tools.gate import leaks

    stray = project / "content/geheim.env"
    stray.write_text("WACHTWOORD=LEKMARKER94\n", encoding="utf-8")
    site = project.parent / "site"
    (site / "sub").mkdir(parents=True)
    (site / "sub/geheim.env").write_text("x", encoding="utf-8")
    (site / "kopie.yml").write_text("x", encoding="utf-8")
    assert {f.path for f in leaks.scan(site, fragments=[])} == {"kopie.yml", "sub/geheim.env"}
    shutil.rmtree(site)
    stray.unlink()
    built = _build_ok(project)
    assert not [p for p in output_files(built) if p.suffix in (".env", ".bak", ".csv")
                and not p.as_posix().endswith(("data/projecten.csv",
                                               "data/projecten-komma.csv"))]


@slow
def test_no_commit_email_or_build_path_in_the_public_site(tmp_path: Path) -> None:
    import subprocess

    project = make_project(tmp_path / "project", posters=False, cards=False)
    git = ["git", "-C", str(project), "-c", "user.name=Jan Medewerker",
           "-c", "user.email=jan.medewerker@gemeente.example", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "inhoud"], check=True)
    site = _build_ok(project)
    text = _all_text(site)
    assert "jan.medewerker@gemeente.example" not in text
    assert str(project) not in text and str(tmp_path) not in text
    assert "datagedreven@example.nl" in text  # the public contact address is fine

    # the gate: an author's address in content fails the public build with exit code 2
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + "\nMail jan.medewerker@gemeente.example.\n")
    result = bouw(project, site)
    assert result.returncode == 2, result.stderr
    assert "jan.medewerker@gemeente.example" in result.stderr and "over/index.html" in result.stderr
    assert "jan.medewerker" not in (site / "over/index.html").read_text(encoding="utf-8")


@slow
def test_leak_scan_stops_publishing_when_a_view_leaks(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Were the audience filter broken, the scan on the output still blocks publishing."""
    from build_tools.build import inputs
    from build_tools.build import site as sitebuild

    project = make_project(tmp_path / "project", posters=False, cards=False)
    mk = plant(project / "content")
    monkeypatch.setattr(inputs, "for_audience", lambda model, audience: model)
    site = tmp_path / "site"
    earlier_output(site, {"index.html": "vorige site"})
    code = sitebuild.build(project, audience="publiek", out=str(site))
    assert code == 2
    assert sorted(p.name for p in site.iterdir()) == ["assets", "index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert not list(tmp_path.glob(".site.*"))
    assert mk.planted


def test_forbidden_strings_spare_the_public_address_and_short_paths(tmp_path: Path) -> None:
    from build_tools.gate.rules import forbidden_strings

    found = forbidden_strings(paths=[tmp_path, "/", "/srv"],
                              emails=["Jan@Gemeente.example", "info@gemeente.example"],
                              public_emails=["INFO@gemeente.example"])
    assert str(tmp_path) in found and "/" not in found and "/srv" not in found
    assert {"Jan@Gemeente.example", "jan@gemeente.example"} <= set(found)
    assert not [f for f in found if f.casefold() == "info@gemeente.example"]


def test_commit_emails_come_from_the_history(tmp_path: Path) -> None:
    import subprocess

    from build_tools.gate.rules import commit_emails

    assert commit_emails(tmp_path) == set()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "a").write_text("a", encoding="utf-8")
    subprocess.run(["git", "-C", str(tmp_path), "add", "a"], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "-c", "user.name=A", "-c", "user.email=a@x.example",
                    "-c", "commit.gpgsign=false", "commit", "-qm", "a"], check=True)
    assert commit_emails(tmp_path) == {"a@x.example"}
