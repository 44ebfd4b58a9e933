"""The site works under a strict Content-Security-Policy (lib.CSP): nothing inline, nothing
from elsewhere. The local server sends the header; the browser reports every violation as a
`securitypolicyviolation` event, which we collect, and as a console error."""

from __future__ import annotations

import hashlib
import urllib.request
from pathlib import Path
from typing import Any

import material
import pytest

from .lib import CSP, REPO, Server, html_pages

# Material's inline-script partials that build_tools/website/overrides/partials/javascripts/
# replaces with build_tools/website/static/datavisie-material.js, and the sha256 of the
# originals we copied.
MATERIAL_SCRIPTS = {
    "base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "content.html": "3722e156f0f6339de39fbbfc178b6e401d1a4fb890f189ac5b80c2504bda7dcf",
    "palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
    "outdated.html": "13165dec361fce13130f73f747aab982f7e1979608c061e5953b10286abc7447",
}

COLLECT = """
window.__dvCsp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__dvCsp.push(`${e.effectiveDirective} blokkeert ${e.blockedURI || 'inline'}` +
                      ` (${(e.sourceFile || '').split('/').slice(3).join('/')}:${e.lineNumber})` +
                      (e.sample ? `: ${e.sample.slice(0, 60)}` : ''));
});
"""


def _is_csp(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.mark.parametrize("name", sorted(MATERIAL_SCRIPTS))
def test_our_copy_of_materials_inline_scripts_is_current(name: str) -> None:
    original = Path(material.__file__).parent / "templates/partials/javascripts" / name
    assert (REPO / "build_tools/website/overrides/partials/javascripts" / name).is_file()
    assert hashlib.sha256(original.read_bytes()).hexdigest() == MATERIAL_SCRIPTS[name], (
        f"Material heeft partials/javascripts/{name} gewijzigd: breng "
        "build_tools/website/static/datavisie-material.js in lijn en werk de hash hier bij")


@pytest.mark.slow
def test_the_server_sends_the_policy(csp_server: Server) -> None:
    with urllib.request.urlopen(csp_server.url, timeout=10) as response:  # noqa: S310
        assert response.headers["Content-Security-Policy"] == CSP


@pytest.mark.browser
@pytest.mark.slow
def test_no_page_violates_the_policy(open_page: Any, csp_server: Server,
                                     site_dir: Path) -> None:
    # Violations are collected below with their place; as console errors they would repeat.
    page = open_page(None, base=csp_server, init_script=COLLECT, allow_console=_is_csp)
    found = []
    for url in html_pages(site_dir):
        page.goto(page.base + url)
        found += [f"/{url}: {v}" for v in page.evaluate("window.__dvCsp")]
    assert not found, "CSP-overtredingen:\n" + "\n".join(sorted(set(found)))


@pytest.mark.browser
@pytest.mark.slow
def test_search_works_under_the_policy(open_page: Any, csp_server: Server) -> None:
    page = open_page("", base=csp_server, init_script=COLLECT)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("nulmeting", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
    assert page.evaluate("window.__dvCsp") == []
