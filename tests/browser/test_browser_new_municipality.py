"""A new municipality as `datavisie nieuw gemeente` makes it, built at once: every page passes
axe-core (WCAG 2.1 A and AA) at phone and desktop width in light and dark, and the Nu Html
Checker finds no error, with no allowance."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from build_tools.staff.municipality import create

from .lib import DESKTOP, PHONE, Server, Watch, guard, html_pages, serve
from .test_browser_a11y import RUN_AXE, WCAG_TAGS, _report
from .test_browser_validity import _report as vnu_report
from .test_browser_validity import run_vnu

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("nieuw") / "zeedorp"
    create(root, "Gemeente Zeedorp", colour="#7a1f5c", today=date(2026, 3, 2))
    out = root.parent / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "build_tools.cli.main", "bouw", "--uit", str(out)],
                         cwd=root, env=env, capture_output=True, text=True, check=False,
                         timeout=900)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def new_server(new_site: Path) -> Iterator[Server]:
    yield from serve(new_site, {})


@pytest.mark.parametrize("width, scheme", [(PHONE, "light"), (DESKTOP, "light"),
                                           (DESKTOP, "dark")],
                         ids=["telefoon", "desktop", "desktop-donker"])
def test_axe_finds_nothing_on_a_new_municipality(browser: Any, new_site: Path,
                                                 new_server: Server, axe_source: str,
                                                 width: int, scheme: str) -> None:
    watch = Watch()
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=scheme, locale="nl-NL", service_workers="block")
    context.route("**/*", lambda route: guard(route, watch))
    context.add_init_script(script=axe_source)
    page = context.new_page()
    page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
    found = {}
    try:
        for url in html_pages(new_site):
            page.goto(new_server.url + url)
            violations = page.evaluate(RUN_AXE, WCAG_TAGS)
            if violations:
                found[url] = violations
    finally:
        context.close()
    assert not found, "axe-core vond WCAG-overtredingen:\n" + _report(found)
    assert not watch.problems(), watch.problems()


def test_the_nu_html_checker_finds_nothing_on_a_new_municipality(vnu: list[str],
                                                                new_site: Path) -> None:
    for kind in ("html", "svg"):
        errors = run_vnu(vnu, [new_site], kind=kind)  # no allowances
        assert not errors, f"de Nu Html Checker vond fouten ({kind}):\n" + \
            vnu_report(errors, new_site)
