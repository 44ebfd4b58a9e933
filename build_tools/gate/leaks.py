"""The leak scan: the last gate before a public site is published. It reads every output file
and refuses the build when internal text, a content source file, an absolute build path or a
committer's e-mail address turns up anywhere, or anything a public build can never contain
whatever its text (an element of class `intern`, an internal page's address, an internal
theme's id: structure.py). Runs on every public build, not only in tests.

PNG and PDF files are rendered from SVG files that are scanned themselves; the scan reads
text formats only (see README, "Threat model")."""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_tools.build.cache import LEAK_VERDICTS, leak_verdict_key
from build_tools.gate.outputs import OutputFolder, Verdicts
from build_tools.gate.structure import StructureRules, StructureScanner
from build_tools.gate.textsearch import Needles

TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".js", ".css", ".txt", ".csv", ".ics", ".svg",
                 ".atom", ".rss", ".webmanifest", ".map"}
BINARY_SUFFIXES = {".png", ".pdf", ".woff2", ".woff", ".ttf", ".otf", ".ico", ".jpg", ".jpeg",
                   ".gif", ".webp", ".gz"}
FORBIDDEN_SUFFIXES = {".md", ".yml", ".yaml", ".env", ".bak", ".orig", ".swp", ".py", ".cfg",
                      ".ini", ".toml", ".sh", ".tmp", ".log"}
MIN_NEEDLE = 12  # shorter normalised texts occur by chance
_TAGS = re.compile(r"<[^>]*>")
_SPACE_AND_MARKUP = re.compile(r"[\s*_`\[\]()>#|~]+")  # Markdown markup reads as a space


@dataclass(frozen=True)
class Finding:
    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def normalise(text: str) -> str:
    """Text as a reader sees it: no tags or Markdown markup, entities decoded, one-spaced."""
    text = html.unescape(_TAGS.sub(" ", text))
    return _SPACE_AND_MARKUP.sub(" ", text).strip().casefold()


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


def _decoded_json(text: str) -> str | None:
    """Every string of a JSON document (keys included), one per line: what a reader of the
    data gets, escapes (`\\u00eb`, `\\n`) decoded. None when `text` is no JSON."""
    try:
        return "\n".join(_json_strings(json.loads(text)))
    except ValueError:
        return None


class LeakScanner:
    """The rules of one public build, ready to check output files against."""

    def __init__(self, fragments: Iterable[str], forbidden: Iterable[str] = (),
                 transient: Iterable[str] = (), structure: StructureRules | None = None) -> None:
        self.needles = Needles(n for n in map(normalise, fragments) if len(n) >= MIN_NEEDLE)
        self.literal = tuple(sorted({s for s in forbidden if s}))
        # strings that differ in every build (the staging folder): checked on every file,
        # never part of the verdict key
        self.transient = tuple(sorted({s for s in transient if s} - set(self.literal)))
        self.structure = StructureScanner(structure) if structure is not None else None
        self.key = leak_verdict_key(self.needles.needles, self.literal,
                                    structure.key if structure else "")

    def file_findings(self, rel: str) -> list[Finding]:
        """What the place of a file alone gives away (an internal page's address)."""
        if self.structure is None:
            return []
        return [Finding(rel, what) for what in self.structure.file_findings(rel)]

    def text_findings(self, rel: str, data: bytes) -> list[Finding]:
        raw = data.decode("utf-8", "replace")
        decoded = _decoded_json(raw) if rel.lower().endswith(".json") else None
        # a JSON file is read as its strings; the raw text still counts for literal strings
        readable = raw if decoded is None else decoded
        found = [Finding(rel, f"interne tekst: “{needle[:60]}…”")
                 for needle in sorted(self.needles.found_in(normalise(readable)))]
        for s in (*self.literal, *self.transient):
            if s in raw or (decoded is not None and s in decoded):
                found.append(Finding(rel, f"verboden tekst: {s!r}"))
        if self.structure is not None:
            found += [Finding(rel, what) for what in self.structure.text_findings(rel, raw)]
        return found

    def transient_findings(self, rel: str, data: bytes) -> list[Finding]:
        return [Finding(rel, f"verboden tekst: {s!r}") for s in self.transient
                if s.encode("utf-8") in data]


def scan(site_dir: Path | OutputFolder, *, fragments: Iterable[str],
         forbidden_strings: Iterable[str] = (), transient: Iterable[str] = (),
         structure: StructureRules | None = None, trusted_dirs: Sequence[Path] = (),
         cache_dir: Path | None = None) -> list[Finding]:
    """Everything in `site_dir` that must not be published.

    `trusted_dirs`: folders of installed theme packages (Material); an output file
    byte-identical to the file at the same place there is the theme's own (its JavaScript
    bundle and source maps are half the bytes of a small site) and is not read for text.
    `structure`: what no public output may hold whatever its text (structure.py).
    `cache_dir`: where the content hashes of files found clean are kept, so that a rebuild
    with the same rules reads only what changed. A publishing build passes none: it trusts
    no verdict it did not reach itself (the cache folder is not part of what is reviewed)."""
    folder = site_dir if isinstance(site_dir, OutputFolder) else OutputFolder(site_dir)
    scanner = LeakScanner(fragments, forbidden_strings, transient, structure)
    verdicts = Verdicts(cache_dir, LEAK_VERDICTS, scanner.key)
    clean: list[str] = []
    findings = [Finding(rel, "koppeling (symlink) in de uitvoer") for rel in folder.links]
    for rel in folder.files:
        suffix = Path(rel).suffix.lower()
        findings += scanner.file_findings(rel)
        if suffix in FORBIDDEN_SUFFIXES or rel.rsplit("/", 1)[-1].startswith("."):
            findings.append(Finding(rel, "bronbestand of verborgen bestand in de uitvoer"))
            continue
        if suffix in BINARY_SUFFIXES or suffix not in TEXT_SUFFIXES:
            continue
        data = folder.read(rel)
        found = scanner.transient_findings(rel, data)
        known = folder.digest(rel)
        if known not in verdicts and not _same_as_trusted(rel, data, trusted_dirs):
            found = scanner.text_findings(rel, data)
        findings += found
        if not found:
            clean.append(known)
    verdicts.save(clean)
    return findings


def _same_as_trusted(rel: str, data: bytes, trusted_dirs: Sequence[Path]) -> bool:
    for folder in trusted_dirs:
        path = folder / rel
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
                return True
    return False
