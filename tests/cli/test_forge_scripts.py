"""The scripts that post the change summary, against a fake forge API on localhost: GitHub's
(which handles an untrusted artefact with write access) and GitLab's (which must edit only
its own note, and say loudly when it has no token)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from places import REPO

from build_tools.history.texts import Segment
from build_tools.staff.changes.compare import Change
from build_tools.staff.changes.details import FieldChange, TextChange
from build_tools.staff.changes.format import MARKER, format_changes

GITHUB_SCRIPT = REPO / ".github" / "scripts" / "samenvatting-plaatsen.py"
GITLAB_SCRIPT = REPO / ".gitlab" / "wijzigingen-notitie.py"


def module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    assert spec and spec.loader
    found = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(found)
    return found


class FakeForge:
    """Answers GET/POST/PATCH/PUT from a table; records every write."""

    def __init__(self, routes: dict[tuple[str, str], Any]) -> None:
        self.routes = routes
        self.writes: list[tuple[str, str, Any]] = []
        forge = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"null") if length else None
                path = self.path.split("?")[0]
                if self.command != "GET":
                    forge.writes.append((self.command, path, body))
                key = (self.command, path)
                if key not in forge.routes:
                    self.send_response(404)
                    self.end_headers()
                    return
                answer = forge.routes[key]
                if callable(answer):
                    answer = answer(self.path)
                status, data = answer if isinstance(answer, tuple) else (200, answer)
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_PUT = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeForge:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def pages(items: list[Any]) -> Any:
    """A paginated list: page 1 holds the items, page 2 is empty."""
    def answer(path: str) -> Any:
        page = parse_qs(urlsplit(path).query).get("page", ["1"])[0]
        return items if page == "1" else []

    return answer


# --- GitHub: an untrusted artefact, posted with write access -----------------------------------

@pytest.fixture(scope="module")
def poster() -> ModuleType:
    return module(GITHUB_SCRIPT)


def test_our_own_summary_passes_unchanged(poster: ModuleType) -> None:
    changes = [Change("theme.text", "ethiek", "Tekst van thema ‘Ethiek’: 1 zin gewijzigd.",
                      (TextChange("tekst", ((Segment("=", "We "), Segment("-", "doen"),
                                             Segment("+", "deden"), Segment("=", " het.")),),
                                  gewijzigd=1),)),
               Change("style.changed", "huisstijl", "Huisstijl gewijzigd: hoofdkleur.",
                      (FieldChange("hoofdkleur", "#00508c", "#0a5c9e"),)),
               Change("project.added", "x", "Project ‘<b>@team</b> #12 [a](b)’ toegevoegd.")]
    text = format_changes(changes, fmt="markdown", basis="main", doel="voorstel")
    assert poster.sanitise(text) == text


@pytest.mark.parametrize(("evil", "absent"), [
    ("@iedereen kijk hier", "@iedereen"),
    ("zie #12 en #34", "#12"),
    ("[klik](https://kwaad.example/)", "](https"),
    ("![pixel](https://kwaad.example/p.png)", "](https"),
    ("[ref]: https://kwaad.example/", "\n[ref]:"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ("<details><summary>x</summary></details>", "<details>"),
    ("<a href='https://kwaad.example/'>a</a>", "<a "),
])
def test_an_untrusted_artefact_is_made_inert(poster: ModuleType, evil: str,
                                             absent: str) -> None:
    text = f"{MARKER}\n## Wat deze wijziging doet\n\n{evil}\n<ins>blijft</ins>\n"
    out = poster.sanitise(text)
    assert out is not None and absent not in out
    assert "<ins>blijft</ins>" in out and out.startswith(MARKER + "\n")


def test_no_marker_is_no_summary_and_size_is_capped(poster: ModuleType) -> None:
    assert poster.sanitise("## Gewoon een tekst\n") is None
    huge = poster.sanitise(MARKER + "\n" + "regel\n" * 50_000)
    assert huge is not None and len(huge) < 65_000 and huge.endswith("(ingekort: te lang voor "
                                                                      "een reactie)")


def _post(folder: Path, forge: FakeForge, head: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_TOKEN": "t", "REPOSITORY": "gemeente/datavisie",
           "HEAD_SHA": head, "RUN_URL": "https://github.com/gemeente/datavisie/actions/runs/9",
           "GITHUB_API_URL": forge.url}
    return subprocess.run([sys.executable, str(GITHUB_SCRIPT), str(folder)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def _artefact(tmp_path: Path, number: str, text: str) -> Path:
    folder = tmp_path / "samenvatting"
    folder.mkdir()
    (folder / "nummer").write_text(number, encoding="utf-8")
    (folder / "wijzigingen.md").write_text(text, encoding="utf-8")
    return folder


def test_a_pull_request_from_a_fork_gets_its_comment(tmp_path: Path) -> None:
    folder = _artefact(tmp_path, "7\n", f"{MARKER}\n## Wat deze wijziging doet\n\nEen zin.\n")
    routes: dict[tuple[str, str], Any] = {
        ("GET", "/repos/gemeente/datavisie/pulls/7"): {"head": {"sha": "abc",
                                                                "repo": {"fork": True}}},
        ("GET", "/repos/gemeente/datavisie/issues/7/comments"): pages([
            {"id": 1, "user": {"login": "iemand"}, "body": MARKER + " nagemaakt"},
            {"id": 2, "user": {"login": "github-actions[bot]"}, "body": "iets anders"}]),
        ("POST", "/repos/gemeente/datavisie/issues/7/comments"): {"id": 3},
    }
    with FakeForge(routes) as forge:
        run = _post(folder, forge, "abc")
    assert run.returncode == 0, run.stderr
    [(method, path, body)] = forge.writes  # a new comment: the look-alike is not ours
    assert (method, path) == ("POST", "/repos/gemeente/datavisie/issues/7/comments")
    assert body["body"].startswith(MARKER) and "Een zin." in body["body"]
    assert "actions/runs/9" in body["body"] and "voorbeeld-site-7" in body["body"]


def test_the_own_comment_is_updated(tmp_path: Path) -> None:
    folder = _artefact(tmp_path, "7", f"{MARKER}\nNieuw.\n")
    routes: dict[tuple[str, str], Any] = {
        ("GET", "/repos/gemeente/datavisie/pulls/7"): {"head": {"sha": "abc"}},
        ("GET", "/repos/gemeente/datavisie/issues/7/comments"): pages([
            {"id": 5, "user": {"login": "github-actions[bot]"}, "body": MARKER + "\nOud."}]),
        ("PATCH", "/repos/gemeente/datavisie/issues/comments/5"): {"id": 5},
    }
    with FakeForge(routes) as forge:
        run = _post(folder, forge, "abc")
    assert run.returncode == 0, run.stderr
    assert [(m, p) for m, p, _ in forge.writes] == [
        ("PATCH", "/repos/gemeente/datavisie/issues/comments/5")]


@pytest.mark.parametrize("number", ["8", "8; rm -rf /", "", "-1"])
def test_an_artefact_naming_another_pull_request_posts_nothing(tmp_path: Path,
                                                               number: str) -> None:
    folder = _artefact(tmp_path, number, f"{MARKER}\nIets.\n")
    routes: dict[tuple[str, str], Any] = {
        ("GET", "/repos/gemeente/datavisie/pulls/8"): {"head": {"sha": "van-iemand-anders"}},
        ("POST", "/repos/gemeente/datavisie/issues/8/comments"): {"id": 1},
    }
    with FakeForge(routes) as forge:
        run = _post(folder, forge, "abc")
    assert run.returncode == 1 and forge.writes == []
    assert "niets" in run.stderr


# --- GitLab: only its own note, and loud without a token ---------------------------------------

def _note(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    summary = tmp_path / "wijzigingen.md"
    summary.write_text(MARKER + "\n## Wat deze wijziging doet\n", encoding="utf-8")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CI_", "DATAVISIE_"))}
    return subprocess.run([sys.executable, str(GITLAB_SCRIPT), str(summary)],
                          env={**base, **env}, capture_output=True, text=True, timeout=60,
                          check=False)


@pytest.mark.parametrize(("env", "says"), [
    ({"CI_COMMIT_REF_PROTECTED": "false", "CI_COMMIT_REF_NAME": "voorstel"},
     "'Protect variable' uit"),
    ({"CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_SOURCE_PROJECT_ID": "2"}, "uit een fork"),
])
def test_no_token_is_said_loudly_and_marks_the_job(tmp_path: Path, env: dict[str, str],
                                                    says: str) -> None:
    run = _note(tmp_path, env)
    assert run.returncode == 3  # the job allows exit 3: an orange warning, not silence
    assert "DATAVISIE_GITLAB_TOKEN ontbreekt" in run.stderr and says in run.stderr


def test_a_token_that_does_not_work_is_said_loudly(tmp_path: Path) -> None:
    with FakeForge({("GET", "/api/v4/user"): (401, {"message": "401 Unauthorized"})}) as forge:
        run = _note(tmp_path, {"DATAVISIE_GITLAB_TOKEN": "t", "CI_API_V4_URL": forge.url
                               + "/api/v4", "CI_PROJECT_ID": "1", "CI_MERGE_REQUEST_IID": "4"})
    assert run.returncode == 3 and "werkt niet (401)" in run.stderr


@pytest.fixture
def gitlab_env() -> Iterator[dict[str, str]]:
    yield {"DATAVISIE_GITLAB_TOKEN": "t", "CI_PROJECT_ID": "12", "CI_MERGE_REQUEST_IID": "4"}


def test_the_note_script_edits_only_its_own_note(tmp_path: Path,
                                                 gitlab_env: dict[str, str]) -> None:
    notes = "/api/v4/projects/12/merge_requests/4/notes"
    routes: dict[tuple[str, str], Any] = {
        ("GET", "/api/v4/user"): {"id": 99, "username": "project_12_bot"},
        ("GET", notes): pages([
            {"id": 1, "author": {"id": 5}, "body": MARKER + " door een collega geplakt"},
            {"id": 2, "author": {"id": 99}, "body": "een andere notitie van de bot"},
            {"id": 3, "author": {"id": 99}, "body": MARKER + "\noud"}]),
        ("PUT", f"{notes}/3"): {"id": 3},
    }
    with FakeForge(routes) as forge:
        run = _note(tmp_path, {**gitlab_env, "CI_API_V4_URL": forge.url + "/api/v4"})
    assert run.returncode == 0, run.stderr
    assert [(m, p) for m, p, _ in forge.writes] == [("PUT", f"{notes}/3")]


def test_a_marker_written_by_someone_else_gets_a_new_note(tmp_path: Path,
                                                          gitlab_env: dict[str, str]) -> None:
    notes = "/api/v4/projects/12/merge_requests/4/notes"
    routes: dict[tuple[str, str], Any] = {
        ("GET", "/api/v4/user"): {"id": 99},
        ("GET", notes): pages([{"id": 1, "author": {"id": 5}, "body": MARKER}]),
        ("POST", notes): {"id": 7},
    }
    with FakeForge(routes) as forge:
        run = _note(tmp_path, {**gitlab_env, "CI_API_V4_URL": forge.url + "/api/v4"})
    assert run.returncode == 0, run.stderr
    [(method, path, body)] = forge.writes
    assert (method, path) == ("POST", notes) and body["body"].startswith(MARKER)
