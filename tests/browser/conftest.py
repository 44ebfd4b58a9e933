"""The built example site, served on localhost, and a real Chromium to read it with.

The site is built once per test run (the real example in content/, posters included) into a
temporary folder and served by http.server on a free port. Every browser page refuses requests
to any other host and collects console errors; a test fails when either happens. Tools come
from tests/setup-test-env.sh: Debian's /usr/bin/chromium, and axe-core and vnu-jar in
.cache/node/. Without them the tests skip, except in CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .lib import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    CSP,
    DESKTOP,
    REPO,
    SCREENSHOTS,
    VNU_JAR,
    Server,
    Watch,
    guard,
    require,
    serve,
)

# --- the site ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built once with `mkdocs build --strict` (posters and all)."""
    out = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                          "-f", str(REPO / "mkdocs.yml"), "-d", str(out)],
                         cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"mkdocs build mislukte:\n{run.stdout}\n{run.stderr}"
    return out


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[Server]:
    yield from serve(site_dir, {})


@pytest.fixture(scope="session")
def csp_server(site_dir: Path) -> Iterator[Server]:
    yield from serve(site_dir, {"Content-Security-Policy": CSP})


# --- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require("Chromium (/usr/bin/chromium)", CHROMIUM.exists())
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require("Playwright voor Python (pip install -e '.[test]')", False)
        raise
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


OpenPage = Callable[..., Any]


@pytest.fixture
def open_page(browser: Any, server: Server) -> Iterator[OpenPage]:
    """`open_page(url="", width=1280, javascript=True, base=server, ...)` -> a Playwright page
    at that site-relative URL (None: no navigation yet). At the end of the test, any console
    error, script error or request to another host fails it. `page.watch` holds what was
    seen."""
    contexts: list[tuple[Any, Watch]] = []

    def make(url: str = "", *, width: int = DESKTOP, javascript: bool = True,
             base: Server | None = None, color_scheme: str = "light",
             allow_console: Callable[[str], bool] | None = None,
             init_script: str | None = None) -> Any:
        watch = Watch()
        context = browser.new_context(viewport={"width": width, "height": 900},
                                      java_script_enabled=javascript,
                                      color_scheme=color_scheme, locale="nl-NL",
                                      service_workers="block", accept_downloads=True)
        context.route("**/*", lambda route: guard(route, watch))
        if init_script:
            context.add_init_script(script=init_script)
        page = context.new_page()

        def on_console(msg: Any) -> None:
            watch.console.append(f"{msg.type}: {msg.text}")
            if msg.type == "error" and not (allow_console and allow_console(msg.text)):
                watch.console_errors.append(msg.text)

        page.on("console", on_console)
        page.on("pageerror", lambda exc: watch.page_errors.append(str(exc)))
        page.watch = watch
        page.base = (base or server).url
        contexts.append((context, watch))
        if url is not None:
            page.goto(page.base + url)
        return page

    yield make
    problems = [p for _, watch in contexts for p in watch.problems()]
    for context, _ in contexts:
        context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def axe_source() -> str:
    require("axe-core (.cache/node)", AXE_JS.exists())
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu() -> list[str]:
    """The command that starts the Nu Html Checker."""
    java = shutil.which("java")
    require("Java", java is not None)
    require("vnu-jar (.cache/node)", VNU_JAR.exists())
    return [str(java), "-jar", str(VNU_JAR)]
