"""Accessibility of every built page: axe-core (WCAG 2.0 and 2.1, levels A and AA) at 320 and
390 px (phones) and 1280 px (desktop), each in the light and the dark scheme; and the keyboard:
every control on the home page and the register is reached with Tab and visibly focused."""

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




def _report(found: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for url, violations in found.items():
        for v in violations:
            lines.append(f"/{url}: {v['id']} ({v['impact']}): {v['help']}")
            lines += [f"    {n}" for n in v["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("width, scheme", [(w, s) for w in (320, PHONE, DESKTOP)
                                           for s in ("light", "dark")],
                         ids=[f"{w}-{s}" for w in (320, PHONE, DESKTOP)
                              for s in ("licht", "donker")])
def test_axe_finds_no_violations_on_any_page(open_page: Any, site_dir: Path, axe_source: str,
                                            width: int, scheme: str) -> None:
    # axe-core goes into every page before the page's own scripts, as an init script.
    page = open_page(None, width=width, color_scheme=scheme, init_script=axe_source)
    found = {}
    for url in html_pages(site_dir):
        page.goto(page.base + url)
        violations = page.evaluate(RUN_AXE, WCAG_TAGS)
        if violations:
            found[url] = violations
    assert not found, "axe-core vond WCAG-overtredingen:\n" + _report(found)


# --- keyboard --------------------------------------------------------------------------------

# Controls a keyboard user must reach: what is visible and meant to be operated. Each gets a
# key (data-dv-tab) so the focus walk can recognise it; a radio group is one stop (Tab goes to
# the chosen option, the arrow keys move within the group).
INTERACTIVE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]')]
  .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden], [inert]'))
  .map((el, i) => {
    const key = el.type === 'radio' ? 'radio:' + el.name : 'el:' + i;
    el.setAttribute('data-dv-tab', key);
    return el;
  })
  .filter(el => {
    const target = el.matches('input[type=checkbox], input[type=radio]')
      ? (el.labels && el.labels[0]) : el;
    if (!target) return false;
    const r = target.getBoundingClientRect(), s = getComputedStyle(target);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
  })
  .map(el => [el.getAttribute('data-dv-tab'), el.outerHTML.slice(0, 100)])"""

# The focused element and whether a focus indicator shows: its own outline or box-shadow, or
# that of its label (visually hidden radio buttons and toggles) or of its tile (home page).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shows = (node) => {
    if (!node) return false;
    const s = getComputedStyle(node);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return outline || (s.boxShadow && s.boxShadow !== 'none');
  };
  // Material's palette toggle shows the label after the radio button, not the radio's own.
  const next = el.nextElementSibling;
  const label = (next && next.tagName === 'LABEL' && el.type === 'radio') ? next
    : (el.labels && el.labels[0]);
  return {tab: el.getAttribute('data-dv-tab'), html: el.outerHTML.slice(0, 100),
          visible: el.matches(':focus-visible') &&
                   (shows(el) || shows(label) || shows(el.closest('.dv-tegel')))};
}"""


@pytest.mark.parametrize("url", ["", "projecten/"])
def test_keyboard_reaches_every_control_with_visible_focus(open_page: Any, url: str) -> None:
    page = open_page(url)
    page.wait_for_selector(".md-version__current")  # drawn by Material after versions.json
    wanted = page.evaluate(INTERACTIVE)
    reached: set[str] = set()
    invisible: list[str] = []
    first = None
    for _ in range(len(wanted) * 2 + 20):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if focused["html"] == first:
            break  # once round the page
        first = first or focused["html"]
        if focused["tab"] is not None:
            reached.add(focused["tab"])
        if not focused["visible"]:
            invisible.append(focused["html"])
    missed = sorted({html for key, html in wanted if key not in reached})
    assert not missed, "niet bereikbaar met Tab:\n" + "\n".join(missed)
    assert not invisible, "focus niet zichtbaar:\n" + "\n".join(invisible)
