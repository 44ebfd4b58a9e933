"""A real `mkdocs serve` of a copy of the example on a free localhost port, for the tests of
the preview with content errors (test_serve.py, browser/test_browser_serve.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sitekit import make_project

WAIT = 90.0  # seconds a rebuild may take on a busy machine; the tests poll, they never time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:  # noqa: S310 (localhost)
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def until(what: Callable[[], bool], why: str) -> None:
    """Poll `what` until it holds; fail with `why` after WAIT seconds."""
    end = time.monotonic() + WAIT
    while time.monotonic() < end:
        if what():
            return
        time.sleep(0.3)
    raise AssertionError(why)


@contextmanager
def serving(dest: Path, before: Callable[[Path], None] | None = None
            ) -> Iterator[tuple[str, Path, Path]]:
    """`mkdocs serve` of the example (no posters, no social cards: only pages) in `dest`,
    after `before(project)`; yields (base URL, project folder, log file). The server is
    stopped by its own pid."""
    project = make_project(dest, posters=False, cards=False)
    if before is not None:
        before(project)
    port = free_port()
    log = dest / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        def up() -> bool:
            if proc.poll() is not None:
                raise AssertionError("mkdocs serve stopped:\n" + log.read_text())
            try:
                return fetch(base)[0] in (200, 404)
            except OSError:
                return False

        until(up, "mkdocs serve did not answer:\n" + log.read_text())
        yield base, project, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
