"""Shared by the browser tests: where the tools are, the local web server, what a page saw."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import places
import pytest

from build_tools.views.website import csp

REPO = places.REPO
NODE_MODULES = REPO / ".cache" / "node" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
PHONE, DESKTOP = 390, 1280
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# Sent with every response by the `csp_server`: the strict policy the site must live with
# (defined once in build_tools/views/website/csp.py; every page also carries it as a meta element).
CSP = csp.header()


def require(what: str, present: bool) -> None:
    """Skip without the tool; in CI a missing tool is a failure, never a silent skip."""
    if present:
        return
    message = f"{what} ontbreekt; `bash tests/setup-test-env.sh` installeert het"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def html_pages(site: Path) -> list[str]:
    """Site-relative URLs of every built HTML page except 404.html, sorted (`themas/ethiek/`)."""
    out = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        out.append(rel.removesuffix("index.html"))
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive and a short cache, as a real host would: several times faster page loads.
    protocol_version = "HTTP/1.1"
    extra_headers: dict[str, str] = {"Cache-Control": "max-age=600"}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@dataclass
class Server:
    root: Path
    url: str  # ends with "/"


def serve(root: Path, headers: dict[str, str]) -> Iterator[Server]:
    handler = type("Handler", (_Handler,), {"extra_headers": {**_Handler.extra_headers,
                                                              **headers}})
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(root, f"http://127.0.0.1:{httpd.server_address[1]}/")
    finally:
        httpd.shutdown()
        httpd.server_close()


@dataclass
class Watch:
    """What went wrong while a page was open: console errors, script errors, other hosts."""

    console_errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # every console message, "type: text"
    page_errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"console: {m}" for m in self.console_errors]
                + [f"script: {m}" for m in self.page_errors]
                + [f"ander domein: {u}" for u in self.foreign])


def guard(route: Any, watch: Watch) -> None:
    """Only localhost may be asked for anything (data: URLs never reach a route); anything
    else is refused and noted, which fails the test."""
    if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
        route.continue_()
    else:
        watch.foreign.append(route.request.url)
        route.abort("blockedbyclient")
