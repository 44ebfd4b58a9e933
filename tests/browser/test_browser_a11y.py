"""Accessibility of every built page: axe-core (WCAG 2.0 and 2.1, levels A and AA) at phone
and desktop width, in the light and the dark scheme; and the keyboard: every control on the
home page and the register is reached with Tab and visibly focused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .lib import DESKTOP, PHONE, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " +
                                  (n.failureSummary || "").split("\\n").slice(1).join(" "))}));
}"""


def axe_violations(page: Any, axe_source: str) -> list[dict[str, Any]]:
    page.add_script_tag(content=axe_source)
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def _report(found: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for url, violations in found.items():
        for v in violations:
            lines.append(f"/{url}: {v['id']} ({v['impact']}): {v['help']}")
            lines += [f"    {n}" for n in v["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("width, scheme", [(PHONE, "light"), (DESKTOP, "light"),
                                           (DESKTOP, "dark")],
                         ids=["telefoon", "desktop", "desktop-donker"])
def test_axe_finds_no_violations_on_any_page(open_page: Any, site_dir: Path, axe_source: str,
                                            width: int, scheme: str) -> None:
    page = open_page(None, width=width, color_scheme=scheme)
    found = {}
    for url in html_pages(site_dir):
        page.goto(page.base + url)
        violations = axe_violations(page, axe_source)
        if violations:
            found[url] = violations
    assert not found, "axe-core vond WCAG-overtredingen:\n" + _report(found)


# --- keyboard --------------------------------------------------------------------------------

# Controls a keyboard user must reach: what is visible and meant to be operated.
INTERACTIVE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden], [inert]'))
  .filter(el => {
    const target = el.matches('input.md-toggle, .dv-filter__optie input')
      ? (el.labels && el.labels[0]) : el;
    if (!target) return false;
    const r = target.getBoundingClientRect(), s = getComputedStyle(target);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
  })
  .map(el => el.outerHTML.slice(0, 120))"""

# The focused element and whether a focus indicator shows: its own outline or box-shadow, or
# for a visually hidden radio button the outline of its label (our filters).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shows = (node) => {
    if (!node) return false;
    const s = getComputedStyle(node);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return outline || (s.boxShadow && s.boxShadow !== 'none');
  };
  const label = el.labels && el.labels[0];
  return {html: el.outerHTML.slice(0, 120),
          visible: shows(el) || shows(label) || shows(el.closest('.dv-tegel')),
          focusVisible: el.matches(':focus-visible')};
}"""


@pytest.mark.parametrize("url", ["", "projecten/"])
def test_keyboard_reaches_every_control_with_visible_focus(open_page: Any, url: str) -> None:
    page = open_page(url)
    wanted = page.evaluate(INTERACTIVE)
    reached: list[str] = []
    invisible: list[str] = []
    for _ in range(len(wanted) * 2 + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if focused["html"] in reached:
            if focused["html"] == reached[0]:
                break  # round the page once
            continue
        reached.append(focused["html"])
        if not (focused["focusVisible"] and focused["visible"]):
            invisible.append(focused["html"])
    missed = [w for w in wanted if w not in reached]
    assert not missed, "niet bereikbaar met Tab:\n" + "\n".join(missed)
    assert not invisible, "focus niet zichtbaar:\n" + "\n".join(invisible)
