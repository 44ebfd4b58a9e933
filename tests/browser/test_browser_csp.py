"""The site works under a strict Content-Security-Policy (lib.CSP): nothing inline, nothing
from elsewhere. The local server sends the header; the browser reports every violation as a
`securitypolicyviolation` event, which we collect, and as a console error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .lib import CSP, Server, html_pages

pytestmark = [pytest.mark.browser, pytest.mark.slow]

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


def test_the_server_sends_the_policy(csp_server: Server) -> None:
    import urllib.request

    with urllib.request.urlopen(csp_server.url, timeout=10) as response:  # noqa: S310
        assert response.headers["Content-Security-Policy"] == CSP


def test_no_page_violates_the_policy(open_page: Any, csp_server: Server,
                                     site_dir: Path) -> None:
    # Violations are collected below with their place; as console errors they would repeat.
    page = open_page(None, base=csp_server, init_script=COLLECT, allow_console=_is_csp)
    found = []
    for url in html_pages(site_dir):
        page.goto(page.base + url)
        page.wait_for_load_state("networkidle")
        found += [f"/{url}: {v}" for v in page.evaluate("window.__dvCsp")]
    assert not found, "CSP-overtredingen:\n" + "\n".join(sorted(set(found)))


def test_search_works_under_the_policy(open_page: Any, csp_server: Server) -> None:
    page = open_page("", base=csp_server, init_script=COLLECT)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("nulmeting", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    assert page.evaluate("window.__dvCsp") == []
