"""What a Dutch government site owes its readers beyond the pages: an accessibility statement
and a privacy page behind every footer, /.well-known/security.txt (RFC 9116), robots.txt and a
complete sitemap; and archivability: plain links reach every page, and no page needs
JavaScript for its content."""

from __future__ import annotations

import posixpath
import re
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from .lib import REPO, Server, html_pages

pytestmark = [pytest.mark.slow]

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def organisation() -> dict[str, Any]:
    return yaml.safe_load((REPO / "content" / "organisatie.yml").read_text(encoding="utf-8"))


def fetch(url: str) -> tuple[str, str]:
    """(content type, text) of a local URL, without a browser."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - localhost only
        return response.headers.get_content_type(), response.read().decode("utf-8")


class _Links(HTMLParser):
    """Every <a href> of a page, and those inside <footer>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.footer: list[str] = []
        self._in_footer = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "footer":
            self._in_footer += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)
            if self._in_footer:
                self.footer.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer":
            self._in_footer -= 1


def links_of(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


def sitemap_urls(site_dir: Path) -> dict[str, str]:
    """loc -> lastmod."""
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    return {u.findtext(f"{SITEMAP_NS}loc", ""): u.findtext(f"{SITEMAP_NS}lastmod", "")
            for u in root.iter(f"{SITEMAP_NS}url")}


# --- footer ----------------------------------------------------------------------------------


def test_every_page_links_to_accessibility_and_privacy_in_its_footer(site_dir: Path) -> None:
    missing = []
    pages = [*html_pages(site_dir), "404.html"]
    for url in pages:
        path = site_dir / (url if url.endswith(".html") else url + "index.html")
        page_url = "https://site.test/" + url
        footer = {urljoin(page_url, h) for h in links_of(path.read_text("utf-8")).footer}
        for wanted in ("toegankelijkheid/", "privacy/"):
            if "https://site.test/" + wanted not in footer:
                missing.append(f"/{url}: {wanted}")
    assert not missing, "voettekst zonder link:\n" + "\n".join(missing)
    for page in ("toegankelijkheid", "privacy"):
        assert (site_dir / page / "index.html").is_file()


# --- security.txt, robots.txt, sitemap --------------------------------------------------------


def test_security_txt_follows_rfc_9116(server: Server, site_dir: Path,
                                       organisation: dict[str, Any]) -> None:
    kind, text = fetch(server.url + ".well-known/security.txt")
    assert kind == "text/plain"
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition(": ")
            fields.setdefault(name, []).append(value)
    site = organisation["site_url"].rstrip("/") + "/"
    assert fields["Contact"] == [f"mailto:{organisation['contact']['email']}"]
    assert fields["Preferred-Languages"] == ["nl"]
    assert fields["Canonical"] == [site + ".well-known/security.txt"]
    assert len(fields["Expires"]) == 1  # RFC 9116 2.5.5: exactly once
    expires = datetime.strptime(fields["Expires"][0], "%Y-%m-%dT%H:%M:%SZ")
    # From the commit built, never the clock: a year after its day (SOURCE_DATE_EPOCH, else
    # HEAD's committer time), so content nobody touched for a year never expires the file.
    from build_tools.history.revisions import build_time

    built = build_time(REPO)
    assert built is not None
    assert expires.date() == built.date() + timedelta(days=365)
    assert set(fields) <= {"Contact", "Expires", "Preferred-Languages", "Canonical", "Policy",
                           "Acknowledgments", "Encryption", "Hiring", "CSAF"}


def test_robots_txt_allows_all_and_names_the_sitemap(server: Server,
                                                     organisation: dict[str, Any]) -> None:
    kind, text = fetch(server.url + "robots.txt")
    assert kind == "text/plain"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    assert "Disallow: /" not in lines
    assert f"Sitemap: {organisation['site_url'].rstrip('/')}/sitemap.xml" in lines


def test_sitemap_lists_exactly_the_built_pages(site_dir: Path,
                                               organisation: dict[str, Any]) -> None:
    site = organisation["site_url"].rstrip("/") + "/"
    urls = sitemap_urls(site_dir)
    assert set(urls) == {site + p for p in html_pages(site_dir)}
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in urls.values()), \
        "elke pagina heeft een <lastmod> uit de inhoud"


# --- archivable ------------------------------------------------------------------------------

SKIP_EXTENSIONS = {".json", ".csv", ".ics", ".svg", ".png", ".pdf", ".xml", ".txt", ".gz",
                   ".css", ".js", ".woff2"}


def crawl(start: str) -> set[str]:
    """Pages reached from `start` by following plain <a href> links on the same host, the
    way an archive crawler without JavaScript does. Returns site-relative page URLs."""
    host = urlsplit(start).netloc
    seen: set[str] = set()
    todo = [start]
    while todo:
        url = todo.pop()
        rel = url.removeprefix(start)
        if rel in seen:
            continue
        seen.add(rel)
        kind, html = fetch(url)
        assert kind == "text/html", url
        for href in links_of(html).links:
            target = urljoin(url, href).split("#")[0].split("?")[0]
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != host:
                continue
            if posixpath.splitext(parts.path)[1] in SKIP_EXTENSIONS:
                continue
            if target.removeprefix(start) not in seen:
                todo.append(target)
    return seen


def test_plain_links_reach_exactly_the_pages_in_the_sitemap(server: Server, site_dir: Path,
                                                            organisation: dict[str, Any]) -> None:
    reached = crawl(server.url)
    built = set(html_pages(site_dir))
    site = organisation["site_url"].rstrip("/") + "/"
    in_sitemap = {u.removeprefix(site) for u in sitemap_urls(site_dir)}
    assert reached == built, (f"niet bereikt: {sorted(built - reached)}; "
                              f"bereikt maar niet gebouwd: {sorted(reached - built)}")
    assert in_sitemap == built


# What a reader gets from a page: headings, links, table rows, figures and images.
CONTENT = """() => {
  const article = document.querySelector('article') || document.body;
  const text = (el) => el.textContent.replace('¶', '').replace(/\\s+/g, ' ').trim();
  return {
    headings: [...article.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(text),
    links: [...article.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
    rows: article.querySelectorAll('tr').length,
    figures: article.querySelectorAll('figure, svg[role=img], img').length,
    words: text(article).split(' ').length,
  };
}"""


@pytest.mark.browser
def test_no_page_needs_javascript_for_its_content(open_page: Any, site_dir: Path) -> None:
    with_js = open_page(None)
    without_js = open_page(None, javascript=False)
    different = []
    for url in html_pages(site_dir):
        with_js.goto(with_js.base + url)
        without_js.goto(without_js.base + url)
        a, b = with_js.evaluate(CONTENT), without_js.evaluate(CONTENT)
        for key in ("headings", "links", "rows", "figures"):
            if a[key] != b[key]:
                different.append(f"/{url}: {key} verschilt zonder JavaScript")
        if b["words"] < 0.95 * a["words"]:  # JS adds only small things (a filter count)
            different.append(f"/{url}: {b['words']} woorden zonder JS, {a['words']} met")
    assert not different, "\n".join(different)
