"""`mkdocs serve` with a content error shows the error in the browser instead of hanging: a
real server on a free port, real HTTP requests, and the page coming back once it is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from servekit import edit, fetch, serving, until

from build_tools.build.serve_errors import error_page
from build_tools.errors import Issue

pytestmark = pytest.mark.slow

PROJECT = "content/projecten/open-data-portaal.yml"


def test_the_preview_lists_the_errors_and_recovers(tmp_path: Path) -> None:
    project_file = None
    with serving(tmp_path / "serve") as (base, project, log):
        project_file = project / PROJECT
        # a mistake while the preview runs: every address shows the errors, at once
        edit(project_file, "status: in-gebruik", "status: in-gebruikk")
        until(lambda: "DV108" in fetch(base)[1], "the error page did not appear")
        status, page = fetch(base)
        assert status == 200 and '<html lang="nl">' in page
        assert f"{PROJECT}</span>, regel 8, kolom 9" in page
        assert "`status` kan niet &#x27;in-gebruikk&#x27; zijn" in page
        assert "bedoelde je `in-gebruik`?" in page
        assert "livereload" in page  # MkDocs' live reload is in the page: fixed, it reloads
        status, elsewhere = fetch(base + "projecten/open-data-portaal/")
        assert status == 404 and "DV108" in elsewhere  # every address shows the errors
        assert 'http-equiv="refresh"' in elsewhere  # and looks again by itself
        # fixed: the site comes back
        edit(project_file, "status: in-gebruikk", "status: in-gebruik")
        until(lambda: fetch(base + "projecten/open-data-portaal/")[0] == 200,
              "the site did not come back after the fix:\n" + log.read_text())
        assert "DV108" not in fetch(base)[1]
        # a house-style error is shown the same way
        edit(project / "theme" / "huisstijl.yml", 'merk: "#00508c"', 'merk: "#00508"')
        until(lambda: "DS003" in fetch(base)[1], "the house-style error did not appear")
        assert "theme/huisstijl.yml</span>, regel" in fetch(base)[1]
    assert "Serving on" in log.read_text()


def test_a_preview_started_with_an_error_shows_it_and_starts_the_site_when_fixed(
        tmp_path: Path) -> None:
    """MkDocs stops `serve` when the first build fails; the preview stays up instead."""
    def broken(project: Path) -> None:
        edit(project / PROJECT, "status: in-gebruik", "status: in-gebruikk")

    with serving(tmp_path / "serve", before=broken) as (base, project, log):
        status, page = fetch(base)
        assert status == 200 and "DV108" in page and "regel 8, kolom 9" in page
        edit(project / PROJECT, "status: in-gebruikk", "status: in-gebruik")
        until(lambda: "DV108" not in fetch(base)[1],
              "the site did not come back after the fix:\n" + log.read_text())
        assert fetch(base + "routekaart/")[0] == 200


def test_the_error_page_escapes_what_content_wrote() -> None:
    page = error_page([Issue("content/x.yml", 3, 1, "DV108", "`status` kan niet "
                             "'<script>alert(1)</script>' zijn", "kies <b>iets</b>")])
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>iets" not in page
    assert "1 fout in de inhoud" in page
