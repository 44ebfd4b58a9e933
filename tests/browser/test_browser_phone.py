"""Phones: the header's parts never overlap from 320 to 430 px, the roadmap is readable without
zooming (its smallest text at least 12 CSS pixels, else the vertical timeline is used), and
Material's controls still work after the page is mended for the validator (drawer, search,
table of contents, light/dark toggle)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .lib import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONES = (320, 360, 390, 430)
# Pages whose header differs: the version in force, an older version (the longest title), the
# concept, and a page with Material's own table of contents.
HEADER_PAGES = ("", "0.9/", "1.1/", "routekaart/", "meedoen/")

# The header's parts as a reader sees them: the visible box of each (text boxes, not their
# flex containers, so an ellipsis counts as the end of the title).
HEADER_BOXES = """() => {
  const parts = {
    menu: '.md-header__button[for="__drawer"]',
    titel: '.md-header__topic:first-child > .md-ellipsis',
    versie: '.md-version__current',
    kleuren: '[data-md-component="palette"] label:not([hidden])',
    zoeken: '.md-header__button[for="__search"]',
  };
  const out = {};
  for (const [name, selector] of Object.entries(parts)) {
    const el = document.querySelector(selector);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).display === 'none') continue;
    out[name] = [r.left, r.right, r.top, r.bottom];
  }
  return out;
}"""


@pytest.mark.parametrize("width", PHONES)
def test_header_parts_never_overlap(open_page: Any, width: int) -> None:
    page = open_page(None, width=width)
    problems = []
    for url in HEADER_PAGES:
        page.goto(page.base + url)
        page.wait_for_selector(".md-version__current")  # drawn after versions.json loads
        boxes = page.evaluate(HEADER_BOXES)
        assert {"menu", "titel", "versie", "kleuren", "zoeken"} <= set(boxes), (url, boxes)
        for name, (left, right, _, _) in boxes.items():
            if left < 0 or right > width:
                problems.append(f"/{url} {width}px: {name} valt buiten het scherm")
        names = sorted(boxes, key=lambda n: boxes[n][0])
        for a, b in zip(names, names[1:], strict=False):
            if boxes[a][1] > boxes[b][0] + 0.5:
                problems.append(f"/{url} {width}px: {a} ({boxes[a][1]:.0f}) loopt onder "
                                f"{b} ({boxes[b][0]:.0f})")
        title = page.locator(".md-header__topic:first-child > .md-ellipsis")
        assert title.evaluate("el => el.scrollWidth > 0")
    assert not problems, "\n".join(problems)


def test_version_button_names_the_whole_version_on_a_phone(open_page: Any) -> None:
    """The button shows the number only on a phone; its name and the list keep the status."""
    page = open_page("", width=PHONE)
    button = page.locator(".md-version__current")
    button.wait_for()
    assert button.inner_text().strip() == "1.0"
    assert "vastgesteld door de gemeenteraad" in (button.get_attribute("aria-label") or "")
    desktop = open_page("", width=DESKTOP).locator(".md-version__current")
    desktop.wait_for()
    assert "vastgesteld door de gemeenteraad" in desktop.inner_text()


# The smallest text of the roadmap's picture as it shows on screen: HTML text at its computed
# size, SVG text at its size times the chart's scale on screen.
SMALLEST_TEXT = """() => {
  let smallest = Infinity, what = '';
  const shown = el => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  for (const el of document.querySelectorAll('.dv-tijdlijn-keuze *')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !shown(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const ctm = el.getScreenCTM();
      size = size * Math.hypot(ctm.a, ctm.b);
    }
    if (size < smallest) { smallest = size; what = el.textContent.trim().slice(0, 40); }
  }
  return [smallest, what];
}"""


@pytest.mark.parametrize("width", [320, PHONE, 768])
def test_roadmap_text_is_readable_without_zooming(open_page: Any, width: int,
                                                  screenshots: Path) -> None:
    page = open_page("routekaart/", width=width)
    smallest, what = page.evaluate(SMALLEST_TEXT)
    assert smallest >= 12, f"kleinste tekst van de routekaart {smallest:.1f}px: {what!r}"
    assert page.locator("figure.dv-tijdlijn").is_visible()  # the phone layout is used
    assert not page.locator("figure.dv-figuur--tijdlijn").is_visible()
    page.locator("figure.dv-tijdlijn").screenshot(path=str(screenshots / f"tijdlijn-{width}.png"))


def test_roadmap_chart_on_a_wide_screen(open_page: Any) -> None:
    page = open_page("routekaart/", width=1600)
    assert page.locator("figure.dv-figuur--tijdlijn").is_visible()
    assert not page.locator("figure.dv-tijdlijn").is_visible()
    smallest, what = page.evaluate(SMALLEST_TEXT)
    assert smallest >= 11, f"kleinste tekst van de grafiek {smallest:.1f}px: {what!r}"


def test_phone_timeline_reads_as_lists_and_leads_to_the_table(open_page: Any) -> None:
    page = open_page("routekaart/", width=PHONE)
    timeline = page.locator("figure.dv-tijdlijn")
    phases = timeline.locator("li.dv-tijdlijn__fase")
    table_rows = page.locator("table.dv-tabel--mijlpalen tbody tr[id]")
    assert phases.count() >= 2
    links = timeline.locator("a.dv-tijdlijn__naam")
    assert links.count() == table_rows.count()  # every milestone, once
    assert timeline.locator("li.dv-tijdlijn__nu").count() == 1  # today, in its phase
    first = links.first
    first.focus()
    assert first.evaluate("el => el.matches(':focus-visible') || el === document.activeElement")
    page.keyboard.press("Enter")
    target = first.get_attribute("href") or ""
    assert page.evaluate("() => location.hash") == target
    assert page.locator(f"tr{target}").is_visible()


# --- Material's controls still work ----------------------------------------------------------


def test_drawer_search_and_palette_work_on_a_phone(open_page: Any) -> None:
    page = open_page("", width=PHONE)
    drawer = page.locator("#__drawer")
    assert not drawer.is_checked()
    page.locator('.md-header__button[for="__drawer"]').click()
    assert drawer.is_checked()
    page.locator(".md-sidebar--primary").get_by_role("link", name="Routekaart").first.click()
    page.wait_for_url("**/routekaart/")
    assert not page.locator("#__drawer").is_checked()

    page.locator('.md-header__button[for="__search"]').click()
    # real key presses, as Material listens for them
    page.locator(".md-search__input").press_sequentially("algoritme", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()

    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    page.locator('[data-md-component="palette"] label:not([hidden])').click()
    other = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert {scheme, other} == {"default", "slate"}


def test_table_of_contents_follows_and_jumps(open_page: Any) -> None:
    page = open_page("meedoen/", width=DESKTOP)
    toc = page.locator(".md-sidebar--secondary .md-nav__link")
    assert toc.count() >= 2
    last = toc.last
    href = last.get_attribute("href") or ""
    last.click()
    assert page.evaluate("() => location.hash") == href
    page.wait_for_function("() => document.querySelector("
                           "'.md-sidebar--secondary .md-nav__link--active') !== null")
