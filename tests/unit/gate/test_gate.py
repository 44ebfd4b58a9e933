"""The gate sees structure, not only known texts: an element of class `intern`, an internal
page's address or an internal theme's id in any public output stops the build (exit 2), found
by where they stand (a class, a link, a custom property), never by a word in prose. And a
publishing build trusts nothing kept between builds: not the leak scan's verdicts, not a
cached poster.

Unit tests read hand-made folders; the slow tests plant the mutations straight into a real
build's staging folder (after every page and file is written, before the gate runs) and run
the build to its exit code."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from places import Factory
from sitekit import REPO, earlier_output, make_project, pdf_text

from build_tools.content.load import load
from build_tools.errors import EXIT_LEAK, EXIT_OK
from build_tools.gate import leaks
from build_tools.gate import rules as gate
from build_tools.gate.leaks import LeakScanner, scan
from build_tools.gate.outputs import OutputFolder
from build_tools.gate.structure import StructureRules, StructureScanner, structure_rules

slow = pytest.mark.slow
SITE_URL = "https://datavisie.example.nl/"
RULES = StructureRules(frozenset({"werkafspraken", "themas/ai", "1.0/themas/ai",
                                  "assets/social/werkafspraken.png", "posters/thema-ai.pdf"}),
                       frozenset({"ai"}), SITE_URL)


def _found(rel: str, text: str, rules: StructureRules = RULES) -> list[str]:
    return StructureScanner(rules).text_findings(rel, text)


# --- what counts: structure -----------------------------------------------------------------

@pytest.mark.parametrize("rel,text", [
    ("over/index.html", '<div class="admonition intern"><p>x</p></div>'),
    ("over/index.html", "<details class='intern'><summary>x</summary></details>"),
    ("over/index.html", '<section title="a > b" class="Intern">'),
    ("posters/visie.svg", '<svg><g class="kop intern"><text>x</text></g></svg>'),
    ("search/search_index.json", json.dumps({"docs": [{"location": "over/", "title": "Over",
                                                       "text": '<div class="intern">x</div>'}]})),
    ("versies/feed.xml", '<feed><summary type="html">&lt;div class="intern"&gt;x&lt;/div&gt;'
                         "</summary></feed>"),
    ("data/projecten.csv", 'id,doel\np,"<div class=""intern"">x</div>"\n'),
])
def test_an_element_of_class_intern_is_found_in_every_format(rel: str, text: str) -> None:
    assert any("klasse “intern”" in f for f in _found(rel, text)), _found(rel, text)


@pytest.mark.parametrize("rel,text", [
    ("over/index.html", '<a href="../werkafspraken/">werk</a>'),
    ("over/index.html", '<a href="../werkafspraken/#kop">werk</a>'),
    ("index.html", '<a href="werkafspraken/index.html">werk</a>'),
    ("a/b/index.html", '<a href="/werkafspraken/">werk</a>'),
    ("a/b/index.html", '<a href="https://datavisie.example.nl/werkafspraken/">werk</a>'),
    ("a/b/index.html", '<img src="../../assets/social/werkafspraken.png">'),
    ("a/b/index.html", '<meta property="og:image" '
                       'content="https://datavisie.example.nl/assets/social/werkafspraken.png">'),
    ("posters/index.html", '<a href="thema-ai.pdf">PDF</a>'),
    ("1.0/index.html", '<a href="themas/ai/">AI</a>'),
    ("sitemap.xml", "<urlset><url><loc>https://datavisie.example.nl/werkafspraken/</loc></url>"
                    "</urlset>"),
    ("search/search_index.json", json.dumps({"docs": [{"location": "werkafspraken/"}]})),
    ("search/search_index.json", json.dumps({"docs": [{"location": "werkafspraken.html"}]})),
    ("1.0/search/search_index.json", json.dumps({"docs": [{"location": "themas/ai/"}]})),
    ("assets/stylesheets/x.css", '.a { background: url("../../werkafspraken/index.html"); }'),
    ("data/routekaart.ics", "URL:https://datavisie.example.nl/werkafsp\r\n raken/\r\n"),
    ("robots.txt", "Sitemap: https://datavisie.example.nl/werkafspraken/"),
    ("versies/index.html", "<p>Zie https://datavisie.example.nl/themas/ai/ voor meer.</p>"),
])
def test_an_internal_page_address_is_found_wherever_a_link_can_stand(rel: str, text: str) -> None:
    assert any("adres van een interne pagina" in f for f in _found(rel, text)), _found(rel, text)


@pytest.mark.parametrize("rel,text", [
    ("assets/stylesheets/huisstijl.css", ":root {\n  --dv-thema-ai: #6a5acd;\n}"),
    ("assets/stylesheets/huisstijl.css", ".x { color: var(--dv-on-thema-ai); }"),
    ("assets/stylesheets/inhoud.css", ".dv-thema--ai { --dv-kleur: #fff; }"),
    ("assets/stylesheets/inhoud.css", '.f:has(input[name="dv-filter-projecten-themas"]'
                                      '[value="ai"]:checked) x { display: none; }'),
    ("projecten/index.html", '<span class="dv-chip dv-thema--ai">AI</span>'),
    ("projecten/index.html", '<tr data-themas="ethiek ai">'),
    ("projecten/index.html", '<input type="radio" name="dv-filter-projecten-themas" value="ai">'),
    ("projecten/index.html", '<label for="dv-filter-projecten-themas-ai">AI</label>'),
    ("projecten/index.html", '<p style="color: var(--dv-thema-ai)">x</p>'),
    ("projecten/index.html", "<style>.dv-thema--ai { color: red }</style>"),
    ("data/projecten.json", json.dumps({"projecten": [{"id": "p", "themas": ["ethiek", "ai"]}]})),
    ("data/projecten.csv", "id,themas\np,ethiek;ai\n"),
])
def test_an_internal_theme_id_is_found_where_our_views_put_theme_ids(rel: str, text: str) -> None:
    assert any("intern thema" in f for f in _found(rel, text)), _found(rel, text)


@pytest.mark.parametrize("rel,text", [
    # the words themselves, in prose: never a finding
    ("over/index.html", "<p>De AI-verordening en ai in het algemeen; intern overleg; "
                        "werkafspraken/ en themas/ai in een zin.</p>"),
    ("over/index.html", "<pre><code>&lt;div class=&quot;intern&quot;&gt;</code></pre>"),
    ("over/index.html", "<p>--dv-thema-ai staat hier als tekst, niet als eigenschap.</p>"),
    ("over/index.html", '<p title="class=intern" data-x="themas/ai">x</p>'),
    ("over/index.html", '<img alt="Poster thema-ai" src="../posters/visie.png">'),
    ("over/index.html", '<h2 id="ai">AI</h2><a href="#ai">AI</a>'),
    ("versies/feed.xml", "<feed><summary type=\"html\">&lt;code&gt;&amp;lt;div class=&amp;quot;"
                         "intern&amp;quot;&amp;gt;&lt;/code&gt;</summary></feed>"),
    # similar addresses and names that are public
    ("index.html", '<a href="projecten/werkafspraken/">p</a><a href="themas/ai-beleid/">t</a>'),
    ("index.html", '<a href="https://elders.example.org/werkafspraken/">elders</a>'),
    ("0.9/index.html", '<a href="themas/ai/">AI, toen openbaar</a>'),
    ("assets/stylesheets/huisstijl.css", ":root { --dv-thema-aivorm: #fff; --dv-ai: 1; }"),
    ("projecten/index.html", '<span class="dv-thema--ai-beleid ai">x</span>'
                             '<tr data-themas="ethiek ai-beleid" data-x="ai">'),
    ("data/projecten.json", json.dumps({"projecten": [{"id": "ai", "naam": "ai",
                                                       "themas": ["ethiek"]}]})),
    ("search/search_index.json", json.dumps({"docs": [{"location": "over/#werkafspraken",
                                                       "text": "werkafspraken/ ai intern"}]})),
])
def test_words_in_prose_and_public_lookalikes_are_not_findings(rel: str, text: str) -> None:
    assert _found(rel, text) == []


def test_a_file_at_an_internal_address_is_found() -> None:
    scanner = StructureScanner(RULES)
    assert scanner.file_findings("werkafspraken/index.html")
    assert scanner.file_findings("posters/thema-ai.pdf")
    assert not scanner.file_findings("projecten/werkafspraken/index.html")
    assert not scanner.file_findings("themas/ai-beleid/index.html")
    assert not scanner.file_findings("werkafsprakenindex.html")
    assert scanner.file_findings("werkafspraken.html")


ids = st.from_regex(r"[a-z][a-z0-9]{0,3}(-[a-z0-9]{1,4})?", fullmatch=True)
words = st.lists(st.from_regex(r"[A-Za-z0-9/.,:;()-]{1,12}", fullmatch=True), max_size=12)
FORMS = [
    ("assets/stylesheets/a.css", ":root {{ --dv-thema-{id}: #000; }}"),
    ("p/index.html", '<span class="dv-chip dv-thema--{id}">x</span>'),
    ("p/index.html", '<tr data-themas="{id}">'),
    ("p/index.html", '<a href="../themas/{id}/">x</a>'),
    ("data/p.json", '{{"themas": ["{id}"]}}'),
]


@settings(max_examples=150, deadline=None)
@given(theme=ids, before=words, after=words, form=st.sampled_from(FORMS))
def test_any_short_id_is_found_in_structure_and_never_in_prose(
        theme: str, before: list[str], after: list[str], form: tuple[str, str]) -> None:
    rules = StructureRules(frozenset({f"themas/{theme}"}), frozenset({theme}), SITE_URL)
    prose = " ".join([*before, theme, f"themas/{theme}", f"thema-{theme}", *after])
    assert _found("p/index.html", f"<p>{prose}</p>", rules) == []
    rel, template = form
    assert _found(rel, template.format(id=theme), rules)


# --- where the rules come from --------------------------------------------------------------

def test_the_rules_name_what_the_audience_filter_removes(valid_content: Factory) -> None:
    rules = structure_rules(load(valid_content()), site_url=SITE_URL,
                            files=["posters/thema-geheim.pdf"])
    assert rules.theme_ids == {"geheim"}
    assert {"themas/geheim", "concept/themas/geheim", "projecten/proef-intern", "werkafspraken",
            "data/algoritmeregister/proef-intern.json", "assets/social/themas/geheim.png",
            "assets/social/werkafspraken.png", "posters/thema-geheim.pdf"} <= rules.addresses
    assert not {a for a in rules.addresses if "ethiek" in a or a.endswith("/over")}


def test_the_verdict_key_holds_the_structure_rules() -> None:
    other = StructureRules(RULES.addresses | {"nog-een"}, RULES.theme_ids, SITE_URL)
    assert LeakScanner([], structure=RULES).key != LeakScanner([], structure=other).key


def test_kept_verdicts_are_skipped_only_when_a_cache_folder_is_given(tmp_path: Path) -> None:
    """What a publishing build relies on: `scan` without a cache folder reads every file,
    whatever verdict file lies around."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<div class="intern">x</div>', encoding="utf-8")
    cache = tmp_path / "cache"
    key = LeakScanner([], structure=RULES).key
    cache.mkdir()
    (cache / "lekscan.json").write_text(
        json.dumps({key: [OutputFolder(site).digest("index.html")]}), encoding="utf-8")
    assert scan(site, fragments=[], structure=RULES, cache_dir=cache) == []  # tampered: fooled
    assert [f.path for f in scan(site, fragments=[], structure=RULES)] == ["index.html"]


# --- whole builds ---------------------------------------------------------------------------

INTERNAL_THEME = """---
zichtbaarheid: intern
titel: Kunstmatige intelligentie
volgorde: 5
icoon: robot
ambitie: Een interne verkenning van taalmodellen in de eigen organisatie.
principes:
  - titel: Eerst verkennen
    toelichting: We verkennen eerst wat het kan en wat het kost.
---

## Verkenning

Een notitie die alleen het programmateam leest.
"""


def _project(tmp_path: Path, *, clone: bool = False, posters: bool = False) -> Path:
    """The example with an internal theme `ai` that has its own house-style colour. `clone`:
    in a clone of this repository, so the adopted versions are read from git too."""
    project = tmp_path / "project"
    if clone:
        subprocess.run(["git", "clone", "-q", str(REPO), str(project)], check=True)
        make_project(tmp_path / "kopie", posters=posters, cards=False)
        shutil.copy2(tmp_path / "kopie/mkdocs.yml", project / "mkdocs.yml")
    else:
        make_project(project, posters=posters, cards=False)
    (project / "content/themas/ai.md").write_text(INTERNAL_THEME, encoding="utf-8")
    style = project / "theme/huisstijl.yml"
    text = style.read_text(encoding="utf-8")
    anchor = '  datavaardigheid: "#3b8040"\n'
    assert anchor in text
    style.write_text(text.replace(anchor, anchor + '  ai: "#6a5acd"\n'), encoding="utf-8")
    return project


def _edit(rel: str, change: Callable[[str], str]) -> Callable[[Path], None]:
    def plant(site: Path) -> None:
        path = site / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return plant


def _before_body_end(fragment: str) -> Callable[[str], str]:
    return lambda text: text.replace("</body>", fragment + "</body>", 1)


def _search_doc(doc: dict[str, str]) -> Callable[[str], str]:
    def add(text: str) -> str:
        index = json.loads(text)
        index["docs"].append(doc)
        return json.dumps(index)
    return add


def _theme_in_data(text: str) -> str:
    data = json.loads(text)
    data["projecten"][0]["themas"].append("ai")
    return json.dumps(data, ensure_ascii=False)


def _file(rel: str, text: str) -> Callable[[Path], None]:
    def plant(site: Path) -> None:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return plant


MUTATIONS: dict[str, Callable[[Path], None]] = {
    "class intern in a page": _edit("over/index.html", _before_body_end(
        '<div class="admonition intern"><p>Alleen voor ons.</p></div>')),
    "class intern in an SVG": _edit("assets/images/logo.svg", lambda t: t.replace(
        "</svg>", '<g class="intern"><text>x</text></g></svg>')),
    "class intern in the search index": _edit("search/search_index.json", _search_doc(
        {"location": "over/", "title": "Over", "text": '<div class="intern">Alleen</div>'})),
    "link to an internal page": _edit("over/index.html", _before_body_end(
        '<a href="../werkafspraken/">Werkafspraken</a>')),
    "internal page in the sitemap": _edit("sitemap.xml", lambda t: t.replace(
        "</urlset>", "<url><loc>https://datavisie.example.nl/werkafspraken/</loc></url>"
                     "</urlset>")),
    "internal page in the search index": _edit("search/search_index.json", _search_doc(
        {"location": "werkafspraken/", "title": "Werkafspraken", "text": ""})),
    "internal theme id in the CSS": _edit("assets/stylesheets/huisstijl.css",
                                          lambda t: t + ":root { --dv-thema-ai: #6a5acd; }\n"),
    "internal theme id as a class": _edit("index.html", _before_body_end(
        '<span class="dv-chip dv-thema--ai">KI</span>')),
    "internal theme id in open data": _edit("data/projecten.json", _theme_in_data),
    "internal page as a file": _file("werkafspraken/index.html", "<p>Werkafspraken</p>"),
}


def _build(project: Path, site: Path, monkeypatch: pytest.MonkeyPatch,
           plant: Callable[[Path], None] | None) -> int:
    """`datavisie bouw` in this process, with `plant` run on the staging folder after every
    page and file is written and before the gate reads it."""
    from build_tools.build import posters
    from build_tools.build import site as sitebuild

    # the build's own function, also when an earlier call of this test patched it
    original = getattr(posters.render, "__wrapped__", posters.render)

    def render_then_plant(out: Path, *args: Any, **kwargs: Any) -> None:
        original(out, *args, **kwargs)
        if plant is not None:
            plant(out)

    render_then_plant.__wrapped__ = original  # type: ignore[attr-defined]
    monkeypatch.setattr(posters, "render", render_then_plant)
    return sitebuild.build(project, out=str(site), strict=False)


@slow
@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_mutation_planted_in_a_built_site_stops_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mutation: str) -> None:
    project = _project(tmp_path)
    site = tmp_path / "site"
    earlier_output(site, {"index.html": "vorige site"})
    assert _build(project, site, monkeypatch, MUTATIONS[mutation]) == EXIT_LEAK
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert not list(tmp_path.glob(".site.*"))


@slow
def test_the_same_words_in_prose_build_and_no_theme_variable_names_an_internal_theme(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: the words of the mutations as text a reader sees, and an internal theme
    with a house-style colour (its `--dv-thema-ai` once reached the public CSS)."""
    project = _project(tmp_path)
    site = tmp_path / "site"
    prose = ("<p>Over ai, AI en de AI-verordening; intern overleg; werkafspraken/ en "
             "themas/ai/ en --dv-thema-ai en class=&quot;intern&quot; als tekst.</p>")
    assert _build(project, site, monkeypatch,
                  _edit("over/index.html", _before_body_end(prose))) == EXIT_OK
    css = (site / "assets/stylesheets/huisstijl.css").read_text(encoding="utf-8")
    assert "--dv-thema-ethiek:" in css and "thema-ai" not in css
    assert not (site / "themas/ai").exists()


@slow
def test_a_kept_verdict_that_vouches_for_a_leak_is_not_trusted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The verdict file holds the content hashes of files found clean under a key of the
    rules. Written by hand for the exact leaking output, it fools a scan that reads it; the
    publishing build reads none and stops."""
    project = _project(tmp_path)
    site = tmp_path / "site"
    copy = tmp_path / "kopie"
    seen: list[gate.LeakRules] = []
    check_output = gate.check_output

    def spy(site_dir: Path, **kwargs: Any) -> gate.OutputReport:
        seen.append(kwargs["rules"])
        shutil.copytree(site_dir, copy, dirs_exist_ok=True)
        return check_output(site_dir, **kwargs)

    monkeypatch.setattr(gate, "check_output", spy)
    plant = MUTATIONS["class intern in a page"]
    assert _build(project, site, monkeypatch, plant) == EXIT_LEAK
    rules = seen[-1]
    assert rules is not None and rules.structure is not None
    # the attacker's verdict: every file of this very output, under this very key
    key = LeakScanner(rules.fragments, rules.forbidden, rules.transient, rules.structure).key
    folder = OutputFolder(copy)
    checks = project / ".cache/datavisie/checks"
    checks.mkdir(parents=True, exist_ok=True)
    (checks / "lekscan.json").write_text(
        json.dumps({key: sorted(folder.digest(f) for f in folder.files)}), encoding="utf-8")
    assert leaks.scan(copy, fragments=rules.fragments, forbidden_strings=rules.forbidden,
                      structure=rules.structure, cache_dir=checks) == []  # it would fool a reader
    assert _build(project, site, monkeypatch, plant) == EXIT_LEAK
    assert not (site / "over").exists()


@slow
def test_a_replaced_cached_poster_is_not_published(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached PDF replaced in the cache folder: a build that reads the cache (as `mkdocs
    serve` does) would publish it; a publishing build renders the poster itself."""
    from build_tools.build.sitebuild import SiteRun

    project = _project(tmp_path, posters=True)
    site = tmp_path / "site"
    with monkeypatch.context() as m:  # a build that trusts the cache, to fill it
        m.setattr(SiteRun, "cache", property(lambda self: self.project.cache_dir))
        assert _build(project, site, m, None) == EXIT_OK
        cached = sorted((project / ".cache/datavisie/posters").glob("*.pdf"))
        assert cached
        fake = b"%PDF-1.4\n% VERVALSTE POSTER\n"
        for pdf in cached:
            pdf.write_bytes(fake)
        assert _build(project, site, m, None) == EXIT_OK
        assert (site / "posters/visie.pdf").read_bytes() == fake  # the cache is believed
    assert _build(project, site, monkeypatch, None) == EXIT_OK
    published = (site / "posters/visie.pdf").read_bytes()
    assert published != fake and published.startswith(b"%PDF")
    assert "Den Helder" in pdf_text(published)


@slow
def test_serve_reads_the_repository_afresh_and_its_gate_still_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` keeps nothing of the read between builds (no pickle, no kept site): a
    second build reads the repository again, and the gate's rules come from that read, so a
    link to an internal page planted in its output is reported."""
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from build_tools.build import posters
    from build_tools.mkdocs_plugin import DatavisiePlugin

    project = _project(tmp_path, clone=True)
    planted: list[Callable[[Path], None]] = []
    original = getattr(posters.render, "__wrapped__", posters.render)

    def render_then_plant(out: Path, *args: Any, **kwargs: Any) -> None:
        original(out, *args, **kwargs)
        for plant in planted:
            plant(out)

    monkeypatch.setattr(posters, "render", render_then_plant)
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs.plugins.datavisie")
    logger.addHandler(handler)

    def serve_build() -> DatavisiePlugin:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "voorbeeld"))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        plugin = config.plugins["datavisie"]
        assert isinstance(plugin, DatavisiePlugin)
        return plugin

    try:
        first = serve_build().run
        planted.append(MUTATIONS["link to an internal page"])
        warnings.clear()
        second = serve_build().run
    finally:
        logger.removeHandler(handler)
    assert first is not None and second is not None
    assert second.inputs is not first.inputs  # read again, not kept
    assert not list(project.rglob("*.pickle"))
    assert any("adres van een interne pagina: ../werkafspraken/" in w for w in warnings), warnings
