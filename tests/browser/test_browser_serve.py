"""In Chromium: `mkdocs serve` with a content error shows the error page, and the page turns
into the site by itself once the file is fixed (MkDocs' live reload), with no click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from servekit import WAIT, edit, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROJECT = "content/projecten/open-data-portaal.yml"


def test_the_browser_shows_the_error_and_reloads_when_fixed(tmp_path: Path,
                                                            browser: Any) -> None:
    def broken(project: Path) -> None:
        edit(project / PROJECT, "status: in-gebruik", "status: in-gebruikk")

    with serving(tmp_path / "serve", before=broken) as (base, project, _):
        context = browser.new_context(locale="nl-NL")
        page = context.new_page()
        page.goto(base)
        heading = page.locator("h1").first
        assert "De site kan niet gebouwd worden: 1 fout" in heading.inner_text()
        assert "in-gebruikk" in page.locator("li").first.inner_text()
        edit(project / PROJECT, "status: in-gebruikk", "status: in-gebruik")
        page.wait_for_function("!document.title.includes('fout in de inhoud')",
                               timeout=WAIT * 1000)
        page.locator("header").first.wait_for(state="visible", timeout=WAIT * 1000)
        assert "fout" not in page.title()
        context.close()
