"""Helpers for the tests that build whole sites from a copy of the example project and read
every output file back (leaks, XSS, atomic and deterministic builds, links).

Not a test module: imported by test_leaks.py, test_xss.py, test_build_safety.py, ...
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from places import BIN, REPO

PROJECT_PARTS = ("content", "theme", "posters", "mkdocs.yml")


def make_project(dest: Path, *, posters: bool = True, cards: bool = True,
                 cache: Path | None = None, source: Path = REPO) -> Path:
    """Copy the example project (content/, theme/, posters/, mkdocs.yml) to `dest`.
    `cache` is the plugin's cache folder (shared between tests to save rendering time)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns(".cache"))
        elif src.is_file():
            shutil.copy2(src, dest / part)
    options = []
    if not posters:
        options.append("posters: false")
    if not cards:
        options.append("sociale_kaarten: false")
    if cache is not None:
        options.append(f"cache: {cache}")
    if options:
        config = dest / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        old = "  - datavisie:\n      doelgroep: publiek\n"
        assert old in text, "mkdocs.yml changed shape: update tests/sitekit.py"
        new = old + "".join(f"      {o}\n" for o in options)
        config.write_text(text.replace(old, new), encoding="utf-8")
    return dest


def bouw(project: Path, out: Path, *args: str, env: dict[str, str] | None = None,
         timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """`datavisie bouw` on a project, as a separate process (exit code and stderr intact).
    Not strict unless asked: a copy outside git warns that it cannot read adopted versions."""
    if "--strict" not in args:
        args = ("--niet-strikt", *args)
    environ = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
               "HOME": os.environ.get("HOME", "/tmp"), **(env or {})}
    return subprocess.run([str(BIN / "datavisie"), "--root", str(project), "bouw", "--uit",
                           str(out), *args], capture_output=True, text=True, env=environ,
                          timeout=timeout, cwd=project)


def mkdocs(project: Path, *args: str, timeout: int = 600,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
               "HOME": os.environ.get("HOME", "/tmp"), **(env or {})}
    return subprocess.run([str(BIN / "mkdocs"), *args], capture_output=True, text=True,
                          env=environ, timeout=timeout, cwd=project)


def earlier_output(site: Path, files: dict[str, str]) -> None:
    """A folder a build recognises as an earlier output of ours (build_tools/build/outputdir.py):
    `files` plus our stylesheet and script, so a test's stand-in for the last good site is
    replaced by a build, not refused as someone else's folder."""
    site.mkdir(parents=True, exist_ok=True)
    for rel, text in {"assets/javascripts/datavisie.js": "// vorige\n",
                      "assets/stylesheets/datavisie.css": "/* vorige */\n", **files}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")


# --- editing content in a copy -------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_yaml(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")


def read_markdown(path: Path) -> tuple[dict[str, Any], str]:
    text = path.read_text(encoding="utf-8")
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def write_markdown(path: Path, meta: dict[str, Any], body: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


# --- reading output back -------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    return "\n".join(parts)


def png_text(data: bytes) -> str:
    """Every text chunk of a PNG (tEXt, zTXt, iTXt), decoded."""
    out, pos = [], 8
    while pos + 8 <= len(data):
        size = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + size]
        if kind == b"tEXt":
            out.append(body.decode("latin-1"))
        elif kind == b"zTXt":
            key, _, rest = body.partition(b"\0")
            out.append(key.decode("latin-1") + " " + zlib.decompress(rest[1:]).decode("latin-1"))
        elif kind == b"iTXt":
            out.append(body.decode("utf-8", "replace"))
        pos += 12 + size
    return "\n".join(out)


def readable(path: Path) -> str:
    """What a reader (or a tool) could get out of one output file, as text."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_text(data) + "\n" + data.decode("latin-1")
    if suffix == ".png":
        return png_text(data) + "\n" + data.decode("latin-1")
    if suffix == ".gz":
        return gzip.decompress(data).decode("utf-8", "replace")
    return data.decode("utf-8", "replace")


def output_files(site: Path) -> Iterator[Path]:
    return iter(sorted(p for p in site.rglob("*") if p.is_file() or p.is_symlink()))


class Html(HTMLParser):
    """Every start tag with its attributes, every inline script and style, the visible text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.styles: list[str] = []
        self.comments: list[str] = []
        self.text_parts: list[str] = []
        self._in: tuple[str, dict[str, str]] | None = None
        self._buffer: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag in ("script", "style"):
            self._in, self._buffer = (tag, values), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self._in and tag == self._in[0]:
            body = "".join(self._buffer)
            if tag == "script":
                self.scripts.append((self._in[1], body))
            else:
                self.styles.append(body)
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buffer.append(data)
        else:
            self.text_parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag]
