"""The preview a reviewer downloads with a pull request works when opened from disk: pages,
links and search, in Chromium from `file://`, with nothing fetched from another host."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .lib import REPO

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example, built as the pull-request workflow builds its preview."""
    project = tmp_path_factory.mktemp("voorbeeld")
    for part in ("content", "theme", "posters", "mkdocs.yml"):
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, project / part, ignore=shutil.ignore_patterns(".cache"))
        else:
            shutil.copy2(src, project / part)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      doelgroep: publiek\n",
        "      doelgroep: publiek\n      posters: false\n      sociale_kaarten: false\n"),
        encoding="utf-8")
    out = project / "voorbeeld"
    run = subprocess.run([sys.executable, "-m", "build_tools.cli.main", "--root", str(project),
                          "bouw", "--voorbeeld", "--niet-strikt", "--uit", str(out)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    return out


def test_preview_is_plain_files_with_search_inlined(preview: Path) -> None:
    assert (preview / "routekaart.html").is_file()  # no directory URLs
    assert (preview / "search" / "search_index.js").read_text(encoding="utf-8").startswith(
        "var __index = {")
    index = (preview / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker.js">' in index
    assert '"version": null' in index  # no version selector: it needs a server
    # no meta policy: the search shim writes an inline script into its frame (a published
    # build carries it: tests/test_csp_meta.py)
    assert 'http-equiv="Content-Security-Policy"' not in index


def test_search_works_from_file_url(preview: Path, browser: Any) -> None:
    foreign: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")

    def guard(route: Any) -> None:
        if route.request.url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto((preview / "index.html").as_uri())
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially("nulmeting", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=20000)
    assert results.count() > 0
    link = page.locator(".md-search-result__link").first.get_attribute("href") or ""
    assert link.startswith("file://") and ".html" in link
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state()
    opened = urlsplit(page.url)
    assert opened.scheme == "file" and opened.path.endswith(".html")
    assert (preview / Path(opened.path).relative_to(preview)).is_file()
    assert page.locator("article h1").first.is_visible()
    context.close()
    assert not foreign, foreign
    assert not errors, errors
