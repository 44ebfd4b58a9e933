"""A content file as text: read without following what is not a plain file, with the checks
every content file shares (size, UTF-8, byte order mark, line ends), and why a file could not
be read, in Dutch."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from build_tools.errors import Issue

MAX_BYTES = 1_000_000


def _too_big(rel: str, size: int) -> Issue:
    return Issue(rel, 1, 1, "DV001", f"bestand is te groot ({size:,} bytes)".replace(",", "."),
                 f"een inhoudsbestand mag hoogstens {MAX_BYTES // 1_000_000} MB zijn; "
                 "splits het op")


def decode(data: bytes, rel: str) -> tuple[str | None, list[Issue]]:
    """Bytes -> text with the checks every content file shares (size, UTF-8, BOM, CRLF)."""
    if len(data) > MAX_BYTES:
        return None, [_too_big(rel, len(data))]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Issue(rel, line, col, "DV002", "bestand is geen geldige UTF-8-tekst",
                  "sla het bestand op als UTF-8 (zonder vreemde tekens)")
        ]
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        return None, [Issue(rel, line, col, "DV002", "bestand bevat binaire gegevens",
                            "een inhoudsbestand is gewone tekst")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def not_a_file(rel: str, mode: int) -> Issue:
    """A named pipe, socket or device where a file should be: reading one would wait forever
    (a pipe) or read without end (a device), so it is never opened."""
    kind = ("een named pipe (FIFO)" if stat.S_ISFIFO(mode) else "een socket"
            if stat.S_ISSOCK(mode) else "een apparaat" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "geen gewoon bestand")
    return Issue(rel, 1, 1, "DV014", f"dit is {kind}, geen gewoon bestand",
                 "haal het weg; hier horen alleen gewone bestanden en mappen")


def special_files(folder: Path, root: Path) -> list[Issue]:
    """DV014 for every named pipe, socket or device under `folder` (links not followed): the
    build reads these folders (templates, fonts, static files) with tools that would block on
    a pipe, so they are refused before anything is read."""
    issues = []
    for base, _, names in os.walk(folder):
        for name in sorted(names):
            path = Path(base, name)
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue
            if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
                try:
                    rel = path.relative_to(root).as_posix()
                except ValueError:
                    rel = path.as_posix()
                issues.append(not_a_file(rel, mode))
    return issues


def read_text(path: Path, rel: str) -> tuple[str | None, list[Issue]]:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            return None, [not_a_file(rel, info.st_mode)]
        if info.st_size > MAX_BYTES:
            return None, [_too_big(rel, info.st_size)]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Issue(rel, 1, 1, "DV010",
                            f"bestand kan niet gelezen worden: {os_reason(exc)}",
                            "controleer of het bestand bestaat en leesbaar is")]
    return decode(data, rel)


_OS_REASONS = {
    errno.ENOENT: "het bestaat niet",
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen leesrechten",
    errno.EISDIR: "het is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ELOOP: "een snelkoppeling (symbolische link) verwijst naar zichzelf",
}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read, in Dutch; the system's own words for anything rarer."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
