"""The leak scan: the last gate before a public site is published. It reads every output file
and refuses the build when internal text, a content source file, an absolute build path or a
committer's e-mail address turns up anywhere. Runs on every public build, not only in tests.

PNG and PDF files are rendered from SVG files that are scanned themselves; the scan reads
text formats only (see README, "Threat model")."""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".js", ".css", ".txt", ".csv", ".ics", ".svg",
                 ".atom", ".rss", ".webmanifest", ".map"}
BINARY_SUFFIXES = {".png", ".pdf", ".woff2", ".woff", ".ttf", ".otf", ".ico", ".jpg", ".jpeg",
                   ".gif", ".webp", ".gz"}
FORBIDDEN_SUFFIXES = {".md", ".yml", ".yaml", ".env", ".bak", ".orig", ".swp", ".py", ".cfg",
                      ".ini", ".toml", ".sh", ".tmp", ".log"}
_TAGS = re.compile(r"<[^>]*>")
_MARKUP = str.maketrans({ch: " " for ch in "*_`[]()>#|~"})  # runs collapse in normalise


@dataclass(frozen=True)
class Finding:
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def normalise(text: str) -> str:
    """Text as a reader sees it: no tags or Markdown markup, entities decoded, one-spaced."""
    text = html.unescape(_TAGS.sub(" ", text))
    return " ".join(text.translate(_MARKUP).split()).casefold()


def _inner_word(needle: str) -> str | None:
    """A word that `needle` holds with a space on both sides, so any text containing the
    needle has it as a whole word (texts and needles are normalised: single spaces)."""
    inner = needle.split(" ")[1:-1]
    return max(inner, key=len) if inner else None


def _json_strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def readable_text(path: Path) -> str:
    raw = path.read_bytes().decode("utf-8", "replace")
    if path.suffix == ".json":
        with contextlib.suppress(ValueError):
            raw += "\n" + "\n".join(_json_strings(json.loads(raw)))
    return raw


def scan(site_dir: Path, *, fragments: Iterable[str], forbidden_strings: Iterable[str] = ()
         ) -> list[Finding]:
    """Everything in `site_dir` that must not be published."""
    needles = sorted({n for n in (normalise(f) for f in fragments) if len(n) >= 12})
    # Each needle is searched only in files that hold its inner word: an exact filter (see
    # _inner_word) that keeps the scan linear instead of needles x files of substring search.
    keyed = [(needle, _inner_word(needle)) for needle in needles]
    literal = sorted({s for s in forbidden_strings if s})
    findings: list[Finding] = []
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(site_dir).as_posix()
        if path.is_symlink():
            findings.append(Finding(rel, "koppeling (symlink) in de uitvoer"))
            continue
        suffix = path.suffix.lower()
        if suffix in FORBIDDEN_SUFFIXES or path.name.startswith("."):
            findings.append(Finding(rel, "bronbestand of verborgen bestand in de uitvoer"))
            continue
        if suffix in BINARY_SUFFIXES or suffix not in TEXT_SUFFIXES:
            continue
        raw = readable_text(path)
        text = normalise(raw)
        words = set(text.split(" "))
        for needle, word in keyed:
            if (word is None or word in words) and needle in text:
                findings.append(Finding(rel, f"interne tekst: “{needle[:60]}…”"))
        for s in literal:
            if s in raw:
                findings.append(Finding(rel, f"verboden tekst: {s!r}"))
    return findings
