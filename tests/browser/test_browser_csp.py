"""The site works under a strict Content-Security-Policy (lib.CSP): nothing inline, nothing
from elsewhere. The local server sends the header; the browser reports every violation as a
`securitypolicyviolation` event, which we collect, and as a console error. Every page also
carries the policy as a `<meta http-equiv>` (build_tools/views/website/csp.py), for hosts that send
no header: served without the header, the site works under the meta alone, and the meta
really stops an inline script."""

from __future__ import annotations

import hashlib
import shutil
import urllib.request
from pathlib import Path
from typing import Any

import material
import pytest

from build_tools.views.website import csp

from .lib import CSP, REPO, Server, html_pages, serve

# Material's inline-script partials that build_tools/views/website/overrides/partials/javascripts/
# replaces with build_tools/views/website/static/datavisie-material.js, and the sha256 of the
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
    assert (REPO / "build_tools/views/website/overrides/partials/javascripts" / name).is_file()
    assert hashlib.sha256(original.read_bytes()).hexdigest() == MATERIAL_SCRIPTS[name], (
        f"Material heeft partials/javascripts/{name} gewijzigd: breng "
        "build_tools/views/website/static/datavisie-material.js in lijn en werk de hash hier bij")


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


# --- the meta element alone (a host that sends no header: GitHub Pages, GitLab Pages) -------

@pytest.mark.slow
def test_pages_served_without_the_header_carry_the_policy(server: Server) -> None:
    with urllib.request.urlopen(server.url, timeout=10) as response:  # noqa: S310
        assert "Content-Security-Policy" not in response.headers
        body = response.read().decode("utf-8")
    assert f'<meta http-equiv="Content-Security-Policy" content="{csp.meta()}"' in \
        body.replace("&#39;", "'")


@pytest.mark.browser
@pytest.mark.slow
def test_no_page_violates_the_meta_policy(open_page: Any, server: Server,
                                          site_dir: Path) -> None:
    page = open_page(None, base=server, init_script=COLLECT, allow_console=_is_csp)
    found = []
    for url in html_pages(site_dir):
        page.goto(page.base + url)
        assert page.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]')"
                             ".content") == csp.meta(), url
        found += [f"/{url}: {v}" for v in page.evaluate("window.__dvCsp")]
    assert not found, "CSP-overtredingen:\n" + "\n".join(sorted(set(found)))


@pytest.mark.browser
@pytest.mark.slow
def test_search_and_version_selector_work_under_the_meta_policy(open_page: Any,
                                                                 server: Server) -> None:
    page = open_page("", base=server, init_script=COLLECT)
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("nulmeting", delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
    page.keyboard.press("Escape")
    selector = page.locator(".md-version")
    selector.wait_for(state="visible", timeout=30_000)
    selector.hover()
    links = page.locator(".md-version__link")
    links.first.wait_for(state="attached", timeout=30_000)
    assert links.count() >= 2
    assert page.evaluate("window.__dvCsp") == []


@pytest.mark.browser
@pytest.mark.slow
def test_the_meta_policy_stops_an_inline_script(open_page: Any, site_dir: Path,
                                                tmp_path: Path) -> None:
    """Proof that the meta is enforced, not decoration: a copy of the home page with an
    inline script after the meta, served without the header; the script does not run and
    the browser reports the violation."""
    root = tmp_path / "site"
    shutil.copytree(site_dir, root)
    home = root / "index.html"
    text = home.read_text(encoding="utf-8")
    home.write_text(text.replace('<meta charset="utf-8">', '<meta charset="utf-8">'
                                 "<script>window.__dvRan = true</script>", 1), encoding="utf-8")
    for plain in serve(root, {}):
        page = open_page(None, base=plain, init_script=COLLECT, allow_console=_is_csp)
        page.goto(plain.url)
        assert page.evaluate("window.__dvRan === undefined")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__dvCsp"))
