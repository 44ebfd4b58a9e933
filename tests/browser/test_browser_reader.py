"""The built site as a reader uses it, in Chromium: pages render, everything important is
reachable by clicking, filters work with and without JavaScript, search finds Dutch words,
versions switch, posters download, nothing breaks on a phone. Screenshots for people to look
at go to tests/artifacts/screenshots/."""

from __future__ import annotations

import contextlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from .lib import DESKTOP, PHONE, Server, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

THEMES = ("themas/ethiek/", "themas/transparantie/", "themas/veiligheid-en-privacy/",
          "themas/datavaardigheid/")
KEY_PAGES = ("", "visie/", "themas/ethiek/", "routekaart/", "projecten/",
             "projecten/voorspelmodel-wietkwekerijen/", "ontwikkeling/", "posters/", "versies/",
             "begrippen/", "toegankelijkheid/", "meedoen/")
_VISIBLE = "el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)"


# Marks the links of a list that lead to a page (data-dv-doel="0", "1", ...), so a locator
# finds them again by the mark: an index into the list breaks when the page's scripts add
# links meanwhile (Material inserts the version selector's links once versions.json arrives).
_MARK = """(els, url) => { let n = 0;
  for (const a of els) {
    a.removeAttribute('data-dv-doel');
    if (a.origin + a.pathname === url) a.setAttribute('data-dv-doel', String(n++));
  }
  return n; }"""


def click_link_to(page: Any, target: str, *, within: str = "body") -> None:
    """Click the first visible `<a>` inside `within` that leads to `target` (site-relative),
    and wait until the browser is there."""
    url = page.base + target
    # Web fonts swapping in move the links; click only once the layout has settled.
    page.evaluate("document.fonts.ready")
    found = page.locator(f"{within} a[href]").evaluate_all(_MARK, url)
    for i in range(found):
        link = page.locator(f'{within} a[data-dv-doel="{i}"]')
        if link.is_visible():
            link.click()
            page.wait_for_url(url, timeout=30_000)
            return
    raise AssertionError(f"geen zichtbare link naar {target!r} in {within!r} op {page.url}")


def heading(page: Any) -> str:
    return page.locator("article h1").first.inner_text().strip()


def visible_rows(page: Any, box: str) -> int:
    return page.locator(f"{box} tbody tr[data-status]").evaluate_all(
        f"rows => rows.filter({_VISIBLE}).length")


# --- rendering and navigation ----------------------------------------------------------------


def test_home_renders(open_page: Any) -> None:
    page = open_page("")
    assert "Datavisie" in page.title()
    assert page.locator("h1").first.is_visible()
    assert page.locator(".dv-tegel").count() == len(THEMES)
    assert page.locator("footer").get_by_role("link", name="Privacy").is_visible()


@pytest.mark.parametrize("target", [*THEMES, "routekaart/", "projecten/", "ontwikkeling/"])
def test_reachable_by_clicking_from_home(open_page: Any, target: str) -> None:
    page = open_page("")
    click_link_to(page, target)
    assert heading(page)


@pytest.mark.parametrize("target", ["routekaart/", "projecten/", "ontwikkeling/"])
def test_reachable_through_the_navigation_tabs(open_page: Any, target: str) -> None:
    page = open_page("")
    click_link_to(page, target, within=".md-tabs")
    assert heading(page)


@pytest.mark.parametrize("target", THEMES)
def test_themes_reachable_through_the_side_navigation(open_page: Any, target: str) -> None:
    page = open_page("")
    click_link_to(page, "visie/", within=".md-tabs")
    click_link_to(page, target, within=".md-sidebar--primary")
    assert heading(page)


@pytest.mark.parametrize("target", ["routekaart/", "projecten/", "themas/ethiek/"])
def test_reachable_on_a_phone_through_the_menu(open_page: Any, target: str) -> None:
    page = open_page("", width=PHONE)
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator(".md-sidebar--primary")
    drawer.wait_for(state="visible")
    if target.startswith("themas/"):  # inside the "Visie" section: unfold it first
        drawer.locator(".md-nav__container:has(a[href='visie/']) label").click()
    click_link_to(page, target, within=".md-sidebar--primary")
    assert heading(page)


def test_project_pages_reachable_from_the_register(open_page: Any, site_dir: Path) -> None:
    page = open_page("projecten/")
    projects = [p for p in html_pages(site_dir) if p.startswith("projecten/") and p.count("/") == 2]
    assert len(projects) > 1  # every one is reached by the crawler; click the first and last
    for target in (projects[0], projects[-1]):
        click_link_to(page, target, within="table")
        assert heading(page)
        page.go_back()


# --- filters ---------------------------------------------------------------------------------


def _first_choice(page: Any, box: str) -> tuple[str, str, str]:
    """(label id, data attribute, value) of the first real option of the first filter group."""
    radio = page.locator(f"{box} fieldset").first.locator("input[type=radio]:not([value=''])")
    name, value, ident = radio.first.evaluate("i => [i.name, i.value, i.id]")
    target = page.locator(f"{box} form").first.get_attribute("data-dv-filter")
    return ident, name.removeprefix(f"dv-filter-{target}-"), value


def _expected_rows(page: Any, box: str, attribute: str, value: str) -> int:
    return page.locator(f"{box} tbody tr[data-status]").evaluate_all(
        "(rows, [a, v]) => rows.filter(r => (r.getAttribute('data-' + a) || '')"
        ".split(' ').includes(v)).length", [attribute, value])


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["breed", "telefoon"])
@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
@pytest.mark.parametrize("url", ["routekaart/", "projecten/"])
def test_filters_work(open_page: Any, url: str, javascript: bool, width: int) -> None:
    page = open_page(url, javascript=javascript, width=width)  # a phone gets cards (CSS)
    box = ".dv-filterbaar"
    total = page.locator(f"{box} tbody tr[data-status]").count()
    assert total > 1 and visible_rows(page, box) == total
    ident, attribute, value = _first_choice(page, box)
    expected = _expected_rows(page, box, attribute, value)
    assert 0 < expected < total, "kies een filter dat iets, maar niet alles, laat zien"
    page.locator(f"label[for='{ident}']").click()
    assert visible_rows(page, box) == expected
    count = page.locator(f"{box} .dv-filter__telling")
    if javascript:
        assert count.inner_text() == f"{expected} van {total} getoond."
        assert value in page.url  # the choice is kept in the address
    else:
        assert not count.is_visible()
    page.locator(f"{box} fieldset").first.locator("label").first.click()  # "Alle"
    assert visible_rows(page, box) == total


@pytest.mark.parametrize("url", ["routekaart/", "projecten/"])
def test_tables_become_cards_on_a_phone(open_page: Any, url: str) -> None:
    """On a phone each row of the register and the milestones is a card: every value on its
    own line after its column's name, nothing beyond the right edge. A wide screen keeps the
    table with its column headers."""
    page = open_page(url, width=PHONE)
    table = page.locator("table.dv-tabel--stapel")
    wrap = page.locator(".dv-tabel-wrap:has(> table.dv-tabel--stapel)")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")
    assert not table.locator("thead").is_visible()
    cells = table.locator("tbody tr[data-status] td[data-kop]")
    labels = cells.evaluate_all(
        "cells => cells.map(c => [c.getAttribute('data-kop'),"
        " getComputedStyle(c, '::before').content])")
    assert labels and all(before == f'"{name}"' for name, before in labels), labels[:3]
    first = table.locator("tbody tr[data-status]").first
    name = first.locator("th").bounding_box()
    rest = [c.bounding_box() for c in first.locator("td").all()]
    assert name and all(b and b["y"] >= name["y"] + name["height"] - 1 for b in rest)
    assert all(b and b["x"] + b["width"] <= PHONE for b in rest)
    wide = open_page(url, width=DESKTOP)
    assert wide.locator("table.dv-tabel--stapel thead").is_visible()
    assert wide.locator("table.dv-tabel--stapel tbody tr[data-status] td").first.evaluate(
        "c => getComputedStyle(c).display") == "table-cell"


@pytest.mark.parametrize("javascript", [True, False], ids=["met-js", "zonder-js"])
def test_filters_work_with_the_keyboard(open_page: Any, javascript: bool) -> None:
    page = open_page("projecten/", javascript=javascript)
    box = ".dv-filterbaar"
    ident, attribute, value = _first_choice(page, box)
    page.locator(f"{box} fieldset").first.locator("input").first.focus()
    page.keyboard.press("ArrowRight")  # radio group: the arrow keys choose
    assert page.locator(f"#{ident}").is_checked()
    assert visible_rows(page, box) == _expected_rows(page, box, attribute, value)


def test_filter_choice_from_the_address(open_page: Any) -> None:
    page = open_page("projecten/#themas=ethiek")
    box = ".dv-filterbaar"
    assert visible_rows(page, box) == _expected_rows(page, box, "themas", "ethiek")


def test_register_sorts_by_a_column(open_page: Any) -> None:
    page = open_page("projecten/")
    status = page.locator("table.dv-tabel--register thead th").nth(2)
    status.get_by_role("button").click()
    assert status.get_attribute("aria-sort") == "ascending"
    keys = page.locator("table.dv-tabel--register tbody tr td:nth-of-type(2)").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sorteer'))")
    assert keys == sorted(keys, key=float)


# --- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("word, target", [
    ("wietkwekerijen", "projecten/voorspelmodel-wietkwekerijen/"),
    ("nulmeting", "ontwikkeling/"),
])
def test_search_finds_a_dutch_word(open_page: Any, word: str, target: str) -> None:
    page = open_page("")
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(word, delay=20)  # real key presses, as Material listens for them
    found = "(t) => [...document.querySelectorAll('.md-search-result__item > a')]" \
            ".slice(0, 3).some(a => a.origin + a.pathname === t)"
    page.wait_for_function(found, arg=page.base + target, timeout=30_000)
    results = page.locator(".md-search-result__item > a")
    assert results.evaluate_all(_MARK, page.base + target) > 0
    page.locator('.md-search-result__item > a[data-dv-doel="0"]').click()
    page.wait_for_url(f"{page.base}{target}*")
    assert heading(page)


# --- versions --------------------------------------------------------------------------------


def _version_setup(site_dir: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    start = home.index('<script id="__config" type="application/json">')
    config = json.loads(home[home.index(">", start) + 1:home.index("</script>", start)])
    versions_file = site_dir / "versions.json"
    versions = json.loads(versions_file.read_text()) if versions_file.exists() else []
    return config, versions


def test_version_selector_switches_versions(open_page: Any, site_dir: Path) -> None:
    config, versions = _version_setup(site_dir)
    if (config.get("version") or {}).get("provider") != "mike" or len(versions) < 2:
        pytest.xfail("versiekiezer ontbreekt nog: mkdocs.yml extra.version.provider: mike en "
                     "een versions.json met minstens twee versies in de gebouwde site")
    page = open_page("")
    selector = page.locator(".md-version")
    selector.wait_for(state="visible", timeout=30_000)
    current = page.locator(".md-version__current").inner_text().strip()
    selector.hover()
    links = page.locator(".md-version__link")
    titles = [t.strip() for t in links.all_inner_texts()]
    assert sorted(titles) == sorted(v["title"] for v in versions)
    other = next(i for i, t in enumerate(titles) if t != current)
    href = links.nth(other).evaluate("a => a.href")
    links.nth(other).click()
    # Material looks the page up in that version's sitemap, then goes there.
    page.wait_for_url(lambda url: url.startswith(href), timeout=30_000)
    assert page.locator("h1").first.is_visible()
    page.locator(".md-version__current").wait_for(state="visible")
    assert page.locator(".md-version__current").inner_text().strip() == titles[other]


# --- posters -------------------------------------------------------------------------------


MEDIA = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def _magic_ok(kind: str, body: bytes) -> bool:
    if kind == "png":
        return body.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "pdf":
        return body.startswith(b"%PDF-")
    return ET.fromstring(body).tag == "{http://www.w3.org/2000/svg}svg"


def test_poster_downloads(open_page: Any) -> None:
    page = open_page("posters/")
    hrefs = page.locator("article a[href]").evaluate_all("els => els.map(a => a.href)")
    downloads = sorted({h for h in hrefs if h.rsplit(".", 1)[-1] in MEDIA})
    assert downloads and {h.rsplit(".", 1)[-1] for h in downloads} == set(MEDIA)
    for url in downloads:
        kind = url.rsplit(".", 1)[-1]
        response = page.request.get(url)
        assert response.status == 200, url
        assert response.headers["content-type"].split(";")[0] == MEDIA[kind], url
        assert _magic_ok(kind, response.body()), url


def test_poster_thumbnails_load(open_page: Any) -> None:
    page = open_page("posters/")
    images = page.locator("article img")
    assert images.count() > 0
    # Thumbnails load lazily: bring each into view, as a reader scrolling does,
    # then give the browser time to fetch and decode it.
    for index in range(images.count()):
        images.nth(index).scroll_into_view_if_needed()
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the assertion below names the image
        page.wait_for_function(
            "() => [...document.querySelectorAll('article img')]"
            ".every(i => i.complete && i.naturalWidth > 0)", timeout=30_000)
    sizes = images.evaluate_all("els => els.map(i => [i.src, i.complete, i.naturalWidth])")
    assert all(done and width > 0 for _, done, width in sizes), sizes


# --- every page: no errors, nothing too wide on a phone, screenshots ----------------------


def test_every_page_opens_without_errors_and_fits_a_phone(open_page: Any,
                                                          site_dir: Path) -> None:
    page = open_page(None, width=PHONE)
    too_wide = []
    for url in html_pages(site_dir):
        response = page.goto(page.base + url)
        assert response is not None and response.status == 200, url
        assert page.locator("h1").count() >= 1, url
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE:
            too_wide.append(f"/{url}: {width}px")
    assert not too_wide, "horizontaal scrollen op een telefoon:\n" + "\n".join(too_wide)
    # open_page's teardown fails the test on any console error or foreign request


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_screenshots_of_key_pages(open_page: Any, screenshots: Path, width: int,
                                  server: Server) -> None:
    page = open_page(None, width=width)
    for url in KEY_PAGES:
        page.goto(server.url + url)
        page.evaluate("document.fonts.ready")
        # Lazy images load only near the viewport; a full-page picture needs them all now.
        page.evaluate("document.querySelectorAll('img[loading=lazy]')"
                      ".forEach(i => { i.loading = 'eager'; })")
        page.wait_for_function("() => [...document.images].every(i => i.complete)")
        name = (url.strip("/").replace("/", "-") or "home") + f"-{width}.png"
        page.screenshot(path=str(screenshots / name), full_page=True)
        assert (screenshots / name).stat().st_size > 0
