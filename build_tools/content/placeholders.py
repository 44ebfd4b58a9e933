"""Placeholders a new project starts with (`datavisie nieuw gemeente`), as warnings (W006) that
say what to fill in. A text field or a line of Markdown that starts with `INVULLEN:` is one (the
rest of it says what belongs there), and so is a web or e-mail address in the reserved
`.invalid` domain (RFC 2606), which can never be a real address. Pure: model -> Issues."""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any
from urllib.parse import urlsplit

from build_tools.content.model import LEAF_TYPES
from build_tools.errors import Issue, Pos

MARK = "INVULLEN:"
_LINE = re.compile(r"^\s*(?:[-*+]\s+|#+\s+|\d+[.)]\s+)?" + re.escape(MARK) + r"\s*(.*)$")
_SKIP = frozenset({"pos", "fpos", "intern", "geschiedenis", "sources"})


def _placeholder(text: str) -> str | None:
    """What to fill in, when `text` is a placeholder; else None."""
    if text.startswith(MARK):
        return text[len(MARK):].strip() or "vul dit in"
    if "@" in text and " " not in text:
        domain = text.rsplit("@", 1)[1].lower()
        return "het echte e-mailadres" if domain.endswith(".invalid") else None
    if text.startswith(("http://", "https://")):
        host = (urlsplit(text).hostname or "").lower()
        return "het echte webadres" if host.endswith(".invalid") else None
    return None


@functools.cache
def _fields(cls: type) -> tuple[str, ...] | None:
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in _SKIP)


def _walk(value: Any, out: list[Issue], where: Pos, name: str) -> None:
    if isinstance(value, str):
        if name == "body":  # a Markdown body: one warning per placeholder line
            return
        what = _placeholder(value)
        if what is not None:
            out.append(Issue.at(where, "W006", f"`{name}` is nog niet ingevuld",
                                f"schrijf hier {what}" if not what.startswith("het ")
                                else f"vul {what} in"))
        return
    if isinstance(value, LEAF_TYPES):
        return
    if isinstance(value, tuple):
        for item in value:
            _walk(item, out, where, name)
        return
    names = _fields(value.__class__)
    if names is None:
        return
    here: Pos = getattr(value, "pos", where)
    fpos = getattr(value, "fpos", {}) or {}
    for field in names:
        current = getattr(value, field)
        if field == "body" and isinstance(current, str):
            start = getattr(value, "body_line", 1)
            path = getattr(value, "path", here.path)
            for n, line in enumerate(current.split("\n")):
                match = _LINE.match(line)
                if match:
                    what = match.group(1).strip().rstrip(".") or "de tekst"
                    out.append(Issue(path, start + n, 1, "W006", "de tekst is nog niet "
                                     "ingevuld", f"schrijf hier {what}"))
            continue
        _walk(current, out, fpos.get(field, here), field)


def placeholder_issues(model: Any) -> list[Issue]:
    """A W006 warning for every placeholder left in the content."""
    out: list[Issue] = []
    _walk(model, out, Pos("", 1, 1), "")
    return out
