"""The website: pure page generation (fast), and both municipalities built once per test run
with the real `mkdocs build --strict` and read back as HTML (slow)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from places import BIN, NOORDKUST, REPO
from sitekit import Html, earlier_output

from build_tools.audience import for_audience, internal_fragments
from build_tools.content.forge import forge_of
from build_tools.content.load import load
from build_tools.content.model import Datavisie
from build_tools.views.website import SiteContext, build_site, insert_blocks, sanitize_html
from build_tools.views.website.context import milestone_anchor
from build_tools.views.website.links import docs_relative, rebase
from build_tools.views.website.markdown_ext import ContentExtension
from build_tools.views.website.page import Blocks, Linker, SitePage, page_url
from build_tools.views.website.pages import build_pages, navigation

slow = pytest.mark.slow


# --- HTML reading --------------------------------------------------------------------------


class Doc(HTMLParser):
    """Tags with their attributes, and the visible text, of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_parts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag
                and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


def read(site: Path, url_path: str) -> Doc:
    return Doc((site / url_path / "index.html").read_text(encoding="utf-8"))


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- builds (once per test run) ------------------------------------------------------------


def mkdocs(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    # git on the PATH: the build dates security.txt and the calendar from the commit
    return subprocess.run([str(BIN / "mkdocs"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin"})


def build(config: Path, out: Path) -> Path:
    result = mkdocs("build", "--strict", "-f", str(config), "-d", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def denhelder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(REPO / "mkdocs.yml", tmp_path_factory.mktemp("denhelder") / "site")


@pytest.fixture(scope="session")
def noordkust(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(NOORDKUST / "mkdocs.yml", tmp_path_factory.mktemp("noordkust") / "site")


@pytest.fixture(scope="session")
def denhelder_model() -> Datavisie:
    return for_audience(load(REPO))


@pytest.fixture(scope="session")
def noordkust_model() -> Datavisie:
    return for_audience(load(NOORDKUST))


# --- pure units ----------------------------------------------------------------------------


def test_sanitize_keeps_markdown_output_and_drops_active_content() -> None:
    dirty = (
        '<h2 id="doel">Doel<a class="headerlink" href="#doel" title="Link">¶</a></h2>'
        '<p onclick="x()">Tekst <abbr title="uitleg">DPIA</abbr><!-- geheim --></p>'
        "<script>alert(1)</script><iframe src='https://elders.example/'></iframe>"
        '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a>'
        '<img src="https://tracker.example/p.gif"><img src="../beeld.png" alt="x">'
        '<table><tr><td style="text-align: left; background: url(https://x.example/)">c</td>'
        "</tr></table><style>body{}</style><svg><script>1</script></svg>")
    clean = sanitize_html(dirty)
    assert '<h2 id="doel">' in clean and 'class="headerlink"' in clean
    assert '<abbr title="uitleg">DPIA</abbr>' in clean
    for gone in ("onclick", "script", "iframe", "javascript:", "data:", "geheim", "tracker",
                 "url(", "<style", "<svg", "elders"):
        assert gone not in clean, gone
    assert '<img src="../beeld.png" alt="x">' in clean
    assert "style=" not in clean  # the site's CSP allows no inline style (see test_xss.py)
    assert '<td align="right">c</td>' in sanitize_html(
        '<table><tr><td style="text-align: right">c</td></tr></table>')


def render(text: str, **config: object) -> str:
    import markdown

    return markdown.markdown(text, extensions=["tables", ContentExtension(**config)])


def test_raw_html_in_content_is_shown_as_text() -> None:
    html = render('Hallo <b onclick="x">vet</b>\n\n<div>blok</div>\n\n<script>a()</script>')
    assert "<b" not in html and "<div" not in html and "<script" not in html
    assert "&lt;b onclick=" in html and "&lt;div&gt;blok&lt;/div&gt;" in html


def test_glossary_marks_first_use_only_outside_headings_links_and_code() -> None:
    glossary = {"DPIA": "Data Protection Impact Assessment: een onderzoek",
                "Open data": "Gegevens voor iedereen"}
    html = render("# DPIA\n\n[DPIA](x.md) en `DPIA`. De DPIA en de DPIA, open data, dpia.",
                  glossary=glossary)
    assert html.count("<abbr") == 2
    assert '<abbr title="Data Protection Impact Assessment: een onderzoek">DPIA</abbr> en de DPIA' \
        in html
    assert '<abbr title="Gegevens voor iedereen">open data</abbr>' in html
    assert "<h1>DPIA</h1>" in html and "dpia." in html  # acronyms match their exact case


def test_content_links_are_rebased_onto_generated_pages(denhelder_model: Datavisie) -> None:
    from build_tools.views.website.links import page_map

    mapping = page_map(denhelder_model)
    text = ("Zie [ethiek](themas/ethiek.md#waarom), [over](paginas/over.md), "
            "[extern](https://example.nl/a.md), [raar](onbekend.md).\n\n"
            "```\n[code](themas/ethiek.md)\n```\n\n[ref]: projecten/wmo-monitor.yml\n")
    out = rebase(text, source="content/visie.md", content="content", mapping=mapping,
                 relative_to=docs_relative("visie/index.md"))
    assert "[ethiek](../themas/ethiek.md#waarom)" in out
    assert "[over](../over.md)" in out
    assert "(https://example.nl/a.md)" in out and "[raar](onbekend.md)" in out
    assert "[code](themas/ethiek.md)" in out  # code stays as written
    assert "[ref]: ../projecten/wmo-monitor.md" in out


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, {"index.md": "", "visie/index.md": "visie/", "themas/ethiek.md": "themas/ethiek/"}),
    (False, {"index.md": "index.html", "visie/index.md": "visie/index.html",
             "themas/ethiek.md": "themas/ethiek.html"}),
])
def test_page_urls(directory_urls: bool, expected: dict[str, str]) -> None:
    for path, url in expected.items():
        assert page_url(path, directory_urls=directory_urls) == url


def test_linker_makes_relative_links() -> None:
    to = Linker("themas/ethiek.md")
    assert to("projecten/wmo-monitor.md") == "../../projecten/wmo-monitor/"
    assert to("routekaart.md", "mijlpaal-x") == "../../routekaart/#mijlpaal-x"
    assert to("index.md") == "../../"
    assert to("data/projecten.csv") == "../../data/projecten.csv"
    assert Linker("index.md")("visie/index.md") == "visie/"
    assert Linker("index.md")("index.md") == "./"
    flat = Linker("themas/ethiek.md", directory_urls=False)
    assert flat("projecten/wmo-monitor.md") == "../projecten/wmo-monitor.html"


def test_blocks_go_in_after_rendering_and_only_our_own() -> None:
    blocks = Blocks()
    markdown = "Tekst" + blocks.add('<div class="dv-x">ons</div>')
    token = next(iter(blocks.blocks))
    rendered = f"<p>Tekst</p>\n<p>{token}</p>\n<p>dvblok00000000000000000000</p>"
    out = insert_blocks(sanitize_html(rendered), blocks.blocks)
    assert '<div class="dv-x">ons</div>' in out and token not in out
    assert "<p>dvblok00000000000000000000</p>" in out  # unknown placeholder stays text
    page = SitePage(path="x.md", title="X", markdown=markdown, blocks=blocks.blocks)
    assert '<div class="dv-x">ons</div>' in page.plain_document()


def test_navigation_order_and_project_pages_outside_it(denhelder_model: Datavisie) -> None:
    pages = build_pages(SiteContext(model=denhelder_model))
    nav = navigation(pages)
    top = [next(iter(item)) if isinstance(item, dict) else item for item in nav]
    assert top == ["Home", "Visie", "Routekaart", "Projecten", "Algoritmeregister",
                   "Ontwikkeling", "Over", "Begrippen", "Versies", "Meedoen"]
    visie = nav[1]["Visie"]
    assert visie[0] == "visie/index.md"
    assert [next(iter(e.values())) for e in visie[1:]] == \
        [f"themas/{t.id}.md" for t in denhelder_model.themas]
    project_pages = [p for p in pages if p.path.startswith("projecten/") and
                     p.path != "projecten/index.md"]
    assert len(project_pages) == len(denhelder_model.projecten)
    assert not any(p.in_nav for p in project_pages)
    assert "projecten/wmo-monitor.md" not in str(nav)


def test_every_placeholder_is_in_its_page(denhelder_model: Datavisie) -> None:
    site = build_site(SiteContext(model=denhelder_model))
    for page in site.pages:
        for token in page.blocks:
            assert f"\n{token}\n" in page.markdown, (page.path, token)


def test_no_maturity_page_without_measurements(noordkust_model: Datavisie) -> None:
    paths = {p.path for p in build_pages(SiteContext(model=noordkust_model))}
    assert "ontwikkeling.md" not in paths
    assert len([p for p in paths if p.startswith("themas/")]) == 6


def test_site_generation_is_deterministic(denhelder_model: Datavisie) -> None:
    a = build_site(SiteContext(model=denhelder_model))
    b = build_site(SiteContext(model=denhelder_model))
    assert a == b


# --- the built sites -----------------------------------------------------------------------


@slow
def test_every_theme_milestone_and_project_is_on_its_pages(
        denhelder: Path, denhelder_model: Datavisie) -> None:
    home = read(denhelder, "")
    roadmap = read(denhelder, "routekaart")
    register = read(denhelder, "projecten")
    model = denhelder_model
    for theme in model.themas:
        assert theme.titel in home.text
        page = read(denhelder, f"themas/{theme.id}")
        assert page.find("h1") and theme.ambitie in page.text
        for m in model.routekaart.mijlpalen:
            if theme.id in m.themas:
                assert m.titel in page.text
    ids = {a.get("id") for _, a in roadmap.tags}
    for m in model.routekaart.mijlpalen:
        assert milestone_anchor(m.id) in ids and m.titel in roadmap.text
    hrefs = {a["href"] for a in register.find("a") if "href" in a}
    for p in model.projecten:
        assert f"{p.id}/" in hrefs
        page = read(denhelder, f"projecten/{p.id}")
        assert p.naam in page.text and " ".join(p.samenvatting.split()) in page.text


@slow
def test_every_page_is_dutch_and_internal_links_resolve(denhelder: Path) -> None:
    for path in html_pages(denhelder):
        doc = Doc(path.read_text(encoding="utf-8"))
        assert doc.find("html", lang="nl"), path
        base = path.relative_to(denhelder).parent.as_posix() + "/"
        for tag, attr in (("a", "href"), ("img", "src"), ("link", "href"), ("script", "src")):
            for a in doc.find(tag):
                url = a.get(attr, "")
                if not url or urlsplit(url).scheme or url.startswith("#"):
                    continue
                target = urlsplit(urljoin(base, url)).path.lstrip("/")
                file = denhelder / target
                assert file.is_file() or (file / "index.html").is_file(), (path, url)


def _content_hosts(root: Path) -> set[str]:
    """Hosts the content links to, and the national Algoritmeregister, which the page on it
    links to by design (an algorithm's entry there is made from its recorded `lars`)."""
    from build_tools.views.algoritmeregister.entry import REGISTER_SITE

    text = "\n".join(p.read_text(encoding="utf-8") for p in (root / "content").rglob("*")
                     if p.is_file())
    hosts = {urlsplit(u).hostname or "" for u in re.findall(r"https?://[^\s)\"'>]+", text)}
    return hosts | {urlsplit(REGISTER_SITE).hostname or ""}


@slow
@pytest.mark.parametrize("which", ["denhelder", "noordkust"])
def test_nothing_loads_from_another_host(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    root = REPO if which == "denhelder" else NOORDKUST
    allowed_links = _content_hosts(root)  # the organisation's own site, repo and content links
    for path in html_pages(site):
        doc = Doc(path.read_text(encoding="utf-8"))
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src"), ("video", "src"),
                          ("audio", "src"), ("object", "data")):
            for a in doc.find(tag):
                url = a.get(attr, "")
                if tag == "link" and a.get("rel") in ("canonical", "alternate", "prev", "next"):
                    continue  # navigation hints, nothing is fetched from another host
                assert not urlsplit(url).scheme or urlsplit(url).hostname in allowed_links, \
                    (path, tag, url)
        for a in doc.find("a"):
            host = urlsplit(a.get("href", "")).hostname
            assert host is None or host in allowed_links, (path, a.get("href"))
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text, css
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert not re.match(r"(https?:)?//", url), (css, url)
    for js in site.rglob("*.js"):
        text = js.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, js
    assert "fonts.googleapis" not in "".join(p.read_text() for p in html_pages(site))


@slow
@pytest.mark.parametrize("which", ["denhelder", "noordkust"])
def test_no_source_or_internal_content_in_output(which: str,
                                                 request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    root = REPO if which == "denhelder" else NOORDKUST
    names = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert not [n for n in names if n.endswith((".yml", ".yaml", ".md"))]
    assert not [n for n in names if n.startswith(("content/", "paginas/", "metingen/"))]
    model = load(root)
    fragments = internal_fragments(model)
    assert fragments, "the example should hold internal parts to test against"
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".ics", ".xml", ".css", ".js", ".svg"):
            text = " ".join(path.read_text(encoding="utf-8").split())
            for fragment in fragments:
                assert fragment not in text, (path, fragment)
    hidden = [p.id for p in model.paginas if p.zichtbaarheid == "intern"]
    assert hidden and not any((site / h).exists() for h in hidden)


@slow
@pytest.mark.parametrize("which", ["denhelder", "noordkust"])
def test_edit_links_point_at_existing_source_files(which: str,
                                                   request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    root = REPO if which == "denhelder" else NOORDKUST
    org = load(root).organisatie
    edit = forge_of(org).edit("x")  # GitLab for Den Helder, Forgejo for Noordkust
    assert edit is not None and ("/-/edit/" if which == "denhelder" else "/_edit/") in edit
    prefix = edit[:-1]
    seen = 0
    for path in html_pages(site):
        doc = Doc(path.read_text(encoding="utf-8"))
        for a in doc.find("a", rel="edit"):
            assert a["href"].startswith(prefix), a["href"]
            assert (root / a["href"][len(prefix):]).is_file(), a["href"]
            assert "Stel een wijziging voor" in path.read_text(encoding="utf-8")
            seen += 1
    assert seen >= 10
    wmo = read(site, "projecten/kustmonitor" if which == "noordkust" else "projecten/wmo-monitor")
    assert wmo.find("a", rel="edit")[0]["href"].endswith(".yml")


@slow
def test_second_municipality_has_its_own_colours_only(noordkust: Path) -> None:
    def colours(path: Path) -> set[str]:
        return {c.lower() for c in re.findall(r'"(#[0-9a-fA-F]{6})"', path.read_text())}

    own = colours(NOORDKUST / "theme" / "huisstijl.yml")
    foreign = colours(REPO / "theme" / "huisstijl.yml") - own - {"#ffffff", "#000000"}
    css = (noordkust / "assets/stylesheets/huisstijl.css").read_text().lower()
    assert "#0b6e4f" in css and "inter" in css
    ours = [noordkust / "assets/stylesheets/huisstijl.css",
            noordkust / "assets/stylesheets/datavisie-inhoud.css", *html_pages(noordkust)]
    for path in ours:
        text = path.read_text(encoding="utf-8").lower()
        found = [c for c in foreign if c in text]
        assert not found, (path, found)
    assert not list(noordkust.rglob("OpenSans*"))
    assert "Gemeente Noordkust" in read(noordkust, "").text


@slow
def test_sitemap_lists_pages_outside_the_navigation(
        denhelder: Path, denhelder_model: Datavisie) -> None:
    sitemap = (denhelder / "sitemap.xml").read_text(encoding="utf-8")
    site_url = denhelder_model.organisatie.site_url
    for p in denhelder_model.projecten:
        assert f"<loc>{site_url}projecten/{p.id}/</loc>" in sitemap
    assert "<lastmod>" in sitemap


@slow
def test_downloads_are_on_the_site(denhelder: Path, denhelder_model: Datavisie) -> None:
    for name in ("projecten.json", "projecten.csv", "routekaart.json", "routekaart.ics"):
        assert (denhelder / "data" / name).is_file()
    for p in denhelder_model.projecten:
        assert (denhelder / "data/algoritmeregister" / f"{p.id}.json").is_file() == \
            (p.algoritme is not None)


@slow
def test_charts_and_tables_say_the_same(denhelder: Path) -> None:
    roadmap = (denhelder / "routekaart/index.html").read_text(encoding="utf-8")
    maturity = (denhelder / "ontwikkeling/index.html").read_text(encoding="utf-8")
    assert 'class="dv-chart dv-tijdlijn"' in roadmap and "<table" in roadmap
    assert 'class="dv-chart dv-radar"' in maturity and "<table" in maturity
    assert roadmap.count('name="dv-filter-mijlpalen-status"') == 6  # "Alle" + five statuses


@slow
@pytest.mark.parametrize("page", ["index.html", "posters/index.html"])
def test_poster_thumbnails_carry_their_real_size(denhelder: Path, page: str) -> None:
    """A thumbnail without its size moves the page when it arrives (layout shift on a phone;
    a link clicked at that moment is missed). Its width and height are the PNG's own."""
    from PIL import Image

    base = denhelder / page
    images = [a for a in Html(base.read_text(encoding="utf-8")).find("img")
              if a["src"].endswith("-klein.png")]
    assert len(images) >= 6  # visie, routekaart and one per theme
    for attrs in images:
        with Image.open(base.parent / attrs["src"]) as png:
            assert (int(attrs["width"]), int(attrs["height"])) == png.size, attrs["src"]


def _copy_noordkust(dest: Path) -> Path:
    shutil.copytree(NOORDKUST, dest, ignore=shutil.ignore_patterns(".cache"))
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("../../../.cache/datavisie", str(REPO / ".cache" / "datavisie"))
    config.write_text(text, encoding="utf-8")
    return dest


@slow
def test_content_error_stops_the_build_and_keeps_the_last_site(tmp_path: Path) -> None:
    project = _copy_noordkust(tmp_path / "nk")
    theme = project / "content/themas/privacy.md"
    theme.write_text(theme.read_text(encoding="utf-8").replace("ambitie:", "ambitei:"),
                     encoding="utf-8")
    road = project / "content/routekaart.yml"
    road.write_text(road.read_text(encoding="utf-8").replace("status: loopt", "status: bezig"),
                    encoding="utf-8")
    site = tmp_path / "site"
    earlier_output(site, {"index.html": "", "vorige.html": "vorige site"})
    result = mkdocs("build", "-f", str(project / "mkdocs.yml"), "-d", str(site))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "content/themas/privacy.md" in result.stderr
    assert "content/routekaart.yml" in result.stderr
    assert (site / "vorige.html").read_text(encoding="utf-8") == "vorige site"
    assert sorted(p.name for p in site.iterdir()) == ["assets", "index.html", "vorige.html"]


@slow
def test_bad_house_style_stops_the_build_naming_the_file(tmp_path: Path) -> None:
    project = _copy_noordkust(tmp_path / "nk")
    style = project / "theme/huisstijl.yml"
    style.write_text(style.read_text(encoding="utf-8").replace('tekst: "#1f2a24"',
                                                              'tekst: "#d0d0d0"'),
                     encoding="utf-8")
    result = mkdocs("build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "site"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "theme/huisstijl.yml" in result.stderr and "contrast" in result.stderr


@slow
def test_same_content_builds_byte_identical_sites(tmp_path: Path, denhelder: Path) -> None:
    again = build(REPO / "mkdocs.yml", tmp_path / "again")
    first = {p.relative_to(denhelder): p.read_bytes() for p in denhelder.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


@slow
def test_markdown_folder_builds_with_plain_mkdocs(tmp_path: Path) -> None:
    out = tmp_path / "map"
    result = subprocess.run([str(BIN / "datavisie"), "--root", str(NOORDKUST), "markdown",
                             "--uit", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (out / "docs/index.md").is_file() and (out / "docs/data/projecten.json").is_file()
    assert "*[DPIA]:" in (out / "docs/index.md").read_text(encoding="utf-8")
    built = mkdocs("build", "-f", str(out / "mkdocs.yml"), "-d", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    assert "dv-tegel" in (tmp_path / "site/index.html").read_text(encoding="utf-8")


@slow
def test_properdocs_builds_the_example(tmp_path: Path) -> None:
    properdocs = BIN / "properdocs"
    if not properdocs.exists():
        pytest.skip("ProperDocs is not installed (pip install -e '.[test]')")
    result = subprocess.run([str(properdocs), "build", "--strict", "-f", str(REPO / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], cwd=REPO, capture_output=True,
                            text=True, timeout=300, env={"NO_MKDOCS_2_WARNING": "1",
                                                         "PATH": str(BIN)})
    assert result.returncode == 0, result.stderr
    home = Doc((tmp_path / "site/index.html").read_text(encoding="utf-8"))
    assert home.find("html", lang="nl") and "Onze thema's" in home.text
    assert (tmp_path / "site/projecten/wmo-monitor/index.html").is_file()


@slow  # reads both built sites (the test run's real `mkdocs build --strict` of each)
@pytest.mark.parametrize("which", ["denhelder", "noordkust"])
def test_open_data_page_explains_every_download_and_field(request: pytest.FixtureRequest,
                                                          which: str) -> None:
    import json

    from build_tools.views.downloads import CSV_COLUMNS

    site: Path = request.getfixturevalue(which)
    html = (site / "open-data" / "index.html").read_text(encoding="utf-8")
    doc = Doc(html)
    linked = {a["href"] for a in doc.find("a") if a.get("href", "").startswith("../data/")}
    files = {p.relative_to(site).as_posix() for p in (site / "data").glob("*") if p.is_file()}
    assert {f"../{f}" for f in files} <= linked, files
    text = doc.text
    for column in CSV_COLUMNS:
        assert column in text
    for schema_file in (site / "data").glob("*.schema.json"):
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        parts = [schema, *schema.get("$defs", {}).values()]
        for part in parts:
            for name in part["properties"]:
                assert name in text, (schema_file.name, name)
    for page in ("projecten/index.html", "routekaart/index.html"):
        assert 'href="../open-data/"' in (site / page).read_text(encoding="utf-8")
