"""Versions on the website, built for real: a git repository in tmp_path with three adopted
versions (the first in an older content shape, with a theme file that is renamed later) and a
concept, built with `mkdocs build --strict` and read back: the text in force, the archive
sub-sites, the compare pages with the right insertions and deletions, the concept banner, the
data for Material's version selector, and the feed. Then the same site without history (no
repository, no tags, a shallow clone): one clear message, and a site that says it is a concept.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from gitkit import Git
from places import MINIMAL, NOORDKUST, REPO

from build_tools.build.inputs import read_site_inputs
from build_tools.content.load import load
from build_tools.history.textdiff import Block, Segment
from build_tools.history.texts import current_text
from build_tools.views.website import SiteContext, build_site
from build_tools.views.website.compare import body_html, segments_html
from build_tools.views.website.selector import selector_assets, selector_extra

MKDOCS = Path(sys.executable).parent / "mkdocs"
ATOM = "{http://www.w3.org/2005/Atom}"
INTERNAL = "De begroting voor 2026 is nog niet rond"  # an `!!! intern` block in visie.md
git = Git(when="2025-06-01T12:00:00Z")
HISTORY_NOTE = "Let op:"

slow = pytest.mark.slow


# --- the project and its history -------------------------------------------------------------

MKDOCS_YML = f"""site_name: Datavisie Noordkust
docs_dir: content
use_directory_urls: true
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      lang: nl
  - datavisie:
      posters: false
      sociale_kaarten: false
      cache: {REPO / ".cache" / "datavisie"}
markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - attr_list
  - tables
"""

VERSIONS = """# Versies van de visie, oudste eerst.
- versie: "1.0"
  datum: 2024-01-15
  status: vastgesteld-mt
  besluit:
    orgaan: mt
    kenmerk: MT-2024-01
  samenvatting: De eerste versie, vastgesteld door het managementteam.
- versie: "1.1"
  datum: 2024-06-01
  status: vastgesteld-college
  besluit:
    orgaan: college
    kenmerk: BW-2024-22
    url: https://raad.noordkust.example.org/BW-2024-22
  samenvatting: Het college voegde het thema samenwerking toe.
- versie: "2.0"
  datum: 2025-03-20
  status: vastgesteld-raad
  besluit:
    orgaan: gemeenteraad
    kenmerk: NK-2025-011
  samenvatting: De raad stelde de visie vast, met zes thema's.
- versie: "2.1"
  datum: 2025-09-01
  status: concept
  samenvatting: Een concept met een scherpere ambitie voor privacy.
"""

V10_VISION = """---
titel: Data in Noordkust
kernboodschap: Noordkust gebruikt data voor leefbare dorpen.
ondertitel: een veld dat later verdween
---

## Waarom

Noordkust heeft twaalf dorpen. Data helpen ons kiezen waar we geld en mensen inzetten.

## Hoe

We beginnen klein met een proef bij het onderhoud van de duinen.
"""

V11_VISION = V10_VISION.replace("twaalf dorpen.", "twaalf dorpen aan zee.").replace(
    "We beginnen klein met een proef bij het onderhoud van de duinen.",
    "Dorpsraden beslissen mee over welke gegevens we verzamelen en waarom.")

V10_THEMES = {
    "ethiek": "---\ntitel: Ethiek\nvolgorde: 1\nambitie: Een mens neemt het besluit.\n---\n\n"
              "Bij ethiek gaat het om eerlijke besluiten over inwoners.\n",
    "privacy": "---\ntitel: Privacy\nvolgorde: 2\nambitie: We verzamelen weinig gegevens.\n---\n\n"
               "We vragen alleen wat we echt nodig hebben.\n",
    "vaardigheid": "---\ntitel: Vaardigheid\nvolgorde: 3\nambitie: Medewerkers leren met data "
                   "werken.\nprincipes: [Leren door te doen]\n---\n\n"
                   "Medewerkers volgen cursussen over data en krijgen een vast spreekuur voor "
                   "hun vragen over gegevens en analyses.\n",
}


def copy_noordkust(dest: Path) -> Path:
    shutil.copytree(NOORDKUST / "content", dest / "content")
    shutil.copytree(NOORDKUST / "theme", dest / "theme")
    (dest / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return dest


def write_vision(root: Path, vision: str, themes: dict[str, str]) -> None:
    themas = root / "content" / "themas"
    shutil.rmtree(themas)
    themas.mkdir()
    (root / "content" / "visie.md").write_text(vision, encoding="utf-8")
    for tid, text in themes.items():
        (themas / f"{tid}.md").write_text(text, encoding="utf-8")


def adopt(repo: Path, versie: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"Tekst van versie {versie}")
    git(repo, "tag", "-a", f"visie-{versie}", "-m", f"Versie {versie}")


def make_history(repo: Path) -> Path:
    """Three adopted versions and a concept, oldest first, in a fresh repository."""
    copy_noordkust(repo)
    final_vision = (repo / "content" / "visie.md").read_text(encoding="utf-8")
    final_themes = {p.stem: p.read_text(encoding="utf-8")
                    for p in sorted((repo / "content" / "themas").glob("*.md"))}
    git(repo, "init", "-q", "-b", "main")

    write_vision(repo, V10_VISION, V10_THEMES)  # older shape: no principes, an unknown key
    adopt(repo, "1.0")

    v11 = dict(V10_THEMES)
    v11["ethiek"] = v11["ethiek"].replace("---\n\n", "principes:\n  - titel: De mens beslist\n"
                                          "---\n\n", 1)
    v11["vaardigheden"] = v11.pop("vaardigheid").replace("Vaardigheid", "Vaardigheden")
    v11["samenwerking"] = ("---\ntitel: Samenwerking\nvolgorde: 4\nambitie: Dorpsraden denken "
                           "mee.\n---\n\nWe nodigen dorpsraden uit voor elk nieuw project.\n")
    write_vision(repo, V11_VISION, v11)
    adopt(repo, "1.1")

    v20 = dict(final_themes)
    v20["privacy"] = v20["privacy"].replace("zo weinig mogelijk gegevens", "weinig gegevens")
    v20["ethiek"] = v20["ethiek"].replace("  - titel: De mens beslist\n",
                                          "  - titel: De mens beslist\n"
                                          "  - titel: Geen profilering\n")
    write_vision(repo, final_vision, v20)
    adopt(repo, "2.0")

    write_vision(repo, final_vision, final_themes)  # the concept: the fixture as it is
    (repo / "content" / "versies.yml").write_text(VERSIONS, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Werktekst")
    return repo


def build(project: Path, out: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    args = [str(MKDOCS), "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run([*args, "--strict"] if strict else args, cwd=project,
                            capture_output=True, text=True, env=git.env())
    assert result.returncode == 0, result.stderr[-3000:]
    return result


# --- reading the output ----------------------------------------------------------------------

class Page(HTMLParser):
    """Visible text, links, and the text inside <ins> and <del> of one page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.raw = text
        self.parts: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.ins: list[str] = []
        self.dels: list[str] = []
        self._mark: list[str] = []
        self._skip = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("link", "a"):
            self.links.append({"tag": tag, **dict(attrs)})
        if tag in ("ins", "del"):
            self._mark.append(tag)
            (self.ins if tag == "ins" else self.dels).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("ins", "del") and self._mark:
            self._mark.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._mark:
            target = self.ins if self._mark[-1] == "ins" else self.dels
            target[-1] += data

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())

    def marked(self, kind: str) -> list[str]:
        """Inserted or deleted words, without the screen-reader label."""
        label = "ingevoegd:" if kind == "ins" else "verwijderd:"
        return [" ".join(t.replace(label, "", 1).split())
                for t in (self.ins if kind == "ins" else self.dels)]


def read(site: Path, url: str) -> Page:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url
    return Page(path.read_text(encoding="utf-8"))


def section(page: Page, anchor: str) -> Page:
    match = re.search(rf'<section[^>]*aria-labelledby="{re.escape(anchor)}".*?</section>',
                      page.raw, re.S)
    assert match, f"no section {anchor}"
    return Page(match.group(0))


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    repo = make_history(tmp_path_factory.mktemp("geschiedenis") / "noordkust")
    out = repo.parent / "site"
    result = build(repo, out)
    return repo, out, result.stderr


# --- with history ------------------------------------------------------------------------------

@slow
def test_the_adopted_text_is_the_vision_and_the_concept_is_announced(
        history_site: tuple[Path, Path, str]) -> None:
    _, site, log = history_site
    assert HISTORY_NOTE not in log
    privacy = read(site, "themas/privacy/")
    assert "We verzamelen weinig gegevens over inwoners." in privacy.text  # 2.0, not the concept
    assert "zo weinig mogelijk" not in privacy.text
    assert "Versie 2.0 , vastgesteld door de gemeenteraad op 20 maart 2025" in privacy.text
    assert "Er ligt een concept voor versie 2.1 (1 september 2025)" in privacy.text
    assert "In het concept verandert dit thema." in privacy.text
    hrefs = {a.get("href") for a in privacy.links}
    assert "../../versies/vergelijk/2.0-2.1/#wijziging-privacy" in hrefs
    assert "../../2.1/" in hrefs
    ethiek = read(site, "themas/ethiek/")
    assert "Geen profilering" in ethiek.text  # a principle of 2.0 that the concept drops
    vision = read(site, "visie/")
    assert "Versie 2.0" in vision.text and "In het concept verandert de kernvisie niet." in \
        vision.text
    transparantie = read(site, "themas/transparantie/")
    assert "In het concept verandert dit thema niet." in transparantie.text


@slow
def test_every_version_has_its_own_pages_marked_with_its_status(
        history_site: tuple[Path, Path, str]) -> None:
    _, site, _ = history_site
    v10 = read(site, "1.0/")
    assert "Deze versie geldt niet meer" in v10.text and "Versie 2.0 geldt nu." in v10.text
    assert "Noordkust heeft twaalf dorpen." in v10.text
    assert "vastgesteld door het managementteam op 15 januari 2024" in v10.text
    assert "ondertitel" not in v10.text  # the old key is ignored, not shown
    assert [p.name for p in sorted((site / "1.0" / "themas").iterdir())] == [
        "ethiek", "privacy", "vaardigheid"]
    assert "Leren door te doen" in read(site, "1.0/themas/vaardigheid/").text
    v11 = read(site, "1.1/")
    assert "Deze versie geldt niet meer" in v11.text
    assert any(a.get("href") == "https://raad.noordkust.example.org/BW-2024-22"
               for a in v11.links)
    assert "Geldende versie: 2.0" in read(site, "2.0/").text
    concept = read(site, "2.1/themas/privacy/")
    assert "Concept" in concept.text and "zo weinig mogelijk gegevens" in concept.text
    for folder in ("1.0", "1.1", "2.0", "2.1"):
        page = read(site, f"{folder}/")
        assert '"dv_versie"' not in page.raw  # meta is consumed by the theme, not shown
        assert '<script id="__config"' in page.raw
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           page.raw, re.S)
        assert config and json.loads(config.group(1))["base"] == f"../{folder}/"


@slow
def test_compare_pages_show_the_right_insertions_and_deletions(
        history_site: tuple[Path, Path, str]) -> None:
    _, site, _ = history_site
    first = read(site, "versies/vergelijk/1.0-1.1/")
    kern = section(first, "wijziging-kernvisie")
    assert "aan zee" in kern.marked("ins")
    assert "We beginnen klein met een proef bij het onderhoud van de duinen." in kern.marked("del")
    assert ("Dorpsraden beslissen mee over welke gegevens we verzamelen en waarom."
            in kern.marked("ins"))
    renamed = section(first, "wijziging-vaardigheden")
    assert "heette in versie 1.0 ‘Vaardigheid’ (bestand vaardigheid.md)" in renamed.text
    assert "Vaardigheden" in renamed.marked("ins") and "Vaardigheid" in renamed.marked("del")
    assert "nieuw" in section(first, "wijziging-samenwerking").text
    assert "De mens beslist" in section(first, "wijziging-ethiek").marked("ins")
    assert "wijziging-vaardigheid" not in first.raw  # not also shown as removed

    concept = read(site, "versies/vergelijk/2.0-2.1/")
    privacy = section(concept, "wijziging-privacy")
    assert privacy.marked("ins") == ["zo", "mogelijk"] and privacy.marked("del") == []
    assert "Geen profilering" in section(concept, "wijziging-ethiek").marked("del")
    assert "Geen wijzigingen." in section(concept, "wijziging-kernvisie").text
    # accessible: a legend, and a spoken label on every change
    assert "Zo lees je de wijzigingen" in concept.text
    assert concept.raw.count('<span class="dv-sr">ingevoegd: </span>') == \
        concept.raw.count("<ins ")
    assert concept.raw.count('<span class="dv-sr">verwijderd: </span>') == \
        concept.raw.count("<del ")
    assert INTERNAL not in concept.raw
    assert (site / "versies" / "vergelijk" / "1.1-2.0" / "index.html").is_file()


@slow
def test_versions_json_feeds_materials_selector(history_site: tuple[Path, Path, str]) -> None:
    _, site, _ = history_site
    versions = json.loads((site / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in versions] == ["2.0", "2.1", "1.1", "1.0"]
    assert versions[0]["aliases"] == ["latest"]
    assert versions[0]["title"] == "2.0 (vastgesteld door de gemeenteraad)"
    assert versions[1]["title"] == "2.1 (concept)"
    for v in versions:
        assert set(v) == {"version", "title", "aliases"}
        assert (site / v["version"] / "index.html").is_file()
        assert (site / v["version"] / "sitemap.xml").is_file()
        index = json.loads((site / v["version"] / "search" / "search_index.json").read_text())
        assert index["docs"][0]["location"] == ""
        locs = [e.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
                for e in ET.parse(site / v["version"] / "sitemap.xml").getroot()]
        assert locs[0] == f"https://data.noordkust.example.org/{v['version']}/"
    page = read(site, "index.html")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       page.raw, re.S)
    assert config and json.loads(config.group(1))["version"] == {"provider": "mike"}


@slow
def test_atom_feed_of_versions(history_site: tuple[Path, Path, str]) -> None:
    _, site, _ = history_site
    root = ET.parse(site / "versies" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Concept voor versie 2.1", "Versie 2.0: vastgesteld door de gemeenteraad",
        "Versie 1.1: vastgesteld door het college",
        "Versie 1.0: vastgesteld door het managementteam"]
    ids = [e.findtext(f"{ATOM}id", "") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("https://") for i in ids)
    assert root.findtext(f"{ATOM}updated") == "2025-09-01T00:00:00Z"
    assert entries[1].findtext(f"{ATOM}updated") == "2025-03-20T00:00:00Z"
    alternate = entries[1].find(f"{ATOM}link[@rel='alternate']")
    assert alternate is not None and alternate.get("href") == \
        "https://data.noordkust.example.org/2.0/"
    assert "zes thema" in (entries[1].findtext(f"{ATOM}summary") or "")
    head = read(site, "versies/")
    feeds = [link for link in head.links if link.get("type") == "application/atom+xml"]
    assert feeds and feeds[0]["href"] == "feed.xml"
    assert (site / "versies" / "sitemap.xml").is_file()  # Material fetches it next to the feed


@slow
def test_nothing_internal_and_no_commit_address_in_the_history_pages(
        history_site: tuple[Path, Path, str]) -> None:
    _, site, _ = history_site
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert INTERNAL not in text, path
            assert "test@example.nl" not in text, path


def test_site_generation_with_history_is_deterministic(tmp_path: Path) -> None:
    repo = make_history(tmp_path / "noordkust")

    def generate() -> list[tuple[str, bytes]]:
        inputs = read_site_inputs(repo)
        assert inputs.notes == ()
        site = build_site(SiteContext(model=inputs.model, style=inputs.style,
                                      font_cache=REPO / ".cache" / "datavisie" / "fonts"))
        return sorted([(p.path, p.plain_document().encode()) for p in site.pages]
                      + [(a.path, a.content) for a in site.assets])

    assert generate() == generate()


# --- pure parts of the pages ------------------------------------------------------------------

def test_changes_are_escaped_labelled_and_mark_words_only() -> None:
    html = segments_html((Segment("=", "Zie <b>dit</b>"), Segment("-", " oud "),
                          Segment("+", " <script>nieuw</script> "), Segment("=", "einde")))
    assert "<script>" not in html and "&lt;script&gt;nieuw&lt;/script&gt;" in html
    assert "Zie &lt;b&gt;dit&lt;/b&gt; " in html
    assert ('<del class="dv-del"><span class="dv-sr">verwijderd: </span>oud</del>  '
            '<ins class="dv-ins"><span class="dv-sr">ingevoegd: </span>') in html


def test_unchanged_paragraphs_around_a_change_stay_and_the_rest_folds() -> None:
    same = [Block("=", (Segment("=", f"Alinea {i}."),)) for i in range(5)]
    change = Block("~", (Segment("=", "Een "), Segment("+", "nieuw"), Segment("=", " woord.")))
    html = body_html((*same, change, same[0]), frozenset({"Alinea 0."}))
    assert html.count("<details") == 1 and "3 ongewijzigde alinea's" in html
    assert html.startswith('<h3 class="dv-rl-alinea dv-rl-alinea--gelijk">Alinea 0.</h3>')
    assert "Alinea 4." in html.split("</details>")[1]  # next to the change: in view


def _with_adopted_text(site_url: str) -> SiteContext:
    model = load(MINIMAL)
    org = dataclasses.replace(model.organisatie, site_url=site_url)
    adopted = dataclasses.replace(current_text(model), versie="1.0")
    return SiteContext(model=dataclasses.replace(model, organisatie=org, geschiedenis=(adopted,)))


def test_selector_only_when_the_site_is_at_the_root_of_its_host() -> None:
    at_root = _with_adopted_text("https://data.example.org/")
    assert selector_extra(at_root) == {"version": {"provider": "mike"}, "scope": "/"}
    assert "versions.json" in {a.path for a in selector_assets(at_root)}
    below = _with_adopted_text("https://example.github.io/datavisie/")
    assert selector_extra(below) == {}
    assert "versions.json" not in {a.path for a in selector_assets(below)}


# --- without history -----------------------------------------------------------------------------

def _assert_whole_site_is_a_concept(site: Path, log: str, fix: str) -> None:
    notes = [line for line in log.splitlines() if HISTORY_NOTE in line]
    assert len(notes) == 1, log
    assert fix in notes[0]
    assert not (site / "versions.json").exists()
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:  # every page says so, at the top
        assert "dv-concept-site" in path.read_text(encoding="utf-8"), path
    vision = read(site, "visie/")
    assert "Concept." in vision.text and "werktekst" in vision.text


@slow
def test_not_a_git_repository_builds_as_a_concept(tmp_path: Path) -> None:
    project = copy_noordkust(tmp_path / "los")
    result = build(project, tmp_path / "site")
    _assert_whole_site_is_a_concept(tmp_path / "site", result.stderr, "git clone")
    assert "INFO" in next(line for line in result.stderr.splitlines() if HISTORY_NOTE in line)


@slow
def test_no_tags_builds_as_a_concept_with_one_warning(tmp_path: Path) -> None:
    project = copy_noordkust(tmp_path / "zonder-tags")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Alles")
    result = build(project, tmp_path / "site", strict=False)  # not strict: a WARNING
    _assert_whole_site_is_a_concept(tmp_path / "site", result.stderr, "git fetch --tags")
    [warning] = [line for line in result.stderr.splitlines() if "WARNING" in line
                 and HISTORY_NOTE in line]
    assert "visie-1.0" in warning


@slow
def test_shallow_clone_builds_as_a_concept_and_says_to_unshallow(
        history_site: tuple[Path, Path, str], tmp_path: Path) -> None:
    repo, _, _ = history_site
    clone = tmp_path / "ondiep"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True, capture_output=True, env=git.env())
    result = build(clone, tmp_path / "site")
    _assert_whole_site_is_a_concept(tmp_path / "site", result.stderr,
                                    "git fetch --tags --unshallow")
    note = next(line for line in result.stderr.splitlines() if HISTORY_NOTE in line)
    assert all(v in note for v in ("1.0", "1.1", "2.0"))
