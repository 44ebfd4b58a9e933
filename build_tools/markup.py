"""Rules for Markdown text in content that could surprise its author on the site: an HTML
comment (`<!-- ... -->`) looks hidden in the editor, but raw HTML in content is published as
text, so the note would be there for every reader. Pure: model -> list of Issues (DV120)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .errors import Issue, Pos

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
COMMENT = "<!--"


def comment_lines(text: str) -> list[int]:
    """0-based numbers of the lines with an HTML comment outside code (fenced blocks and
    code spans, where `<!--` is shown as the text it is)."""
    found, fence = [], ""
    for n, line in enumerate(text.split("\n")):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
            continue
        if opener:
            fence = opener.group(1)
            continue
        if COMMENT in _CODE_SPAN.sub("", line):
            found.append(n)
    return found


def _issue(pos: Pos, field: str) -> Issue:
    return Issue.at(pos, "DV120", f"HTML-commentaar (`<!-- -->`) in `{field}` is niet verborgen: "
                    "het komt als tekst op de site",
                    "haal het weg; een notitie voor collega's zet je in een blok `!!! intern`")


def _walk(value: Any, out: list[Issue]) -> None:
    if isinstance(value, tuple):
        for item in value:
            _walk(item, out)
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if f.metadata.get("markdown") and isinstance(current, str):
            lines = comment_lines(current)
            if not lines:
                continue
            if f.name == "body":
                path = getattr(value, "path", value.pos.path)
                start = getattr(value, "body_line", 1)
                out += [_issue(Pos(path, start + n, 1), "tekst") for n in lines]
            else:
                out.append(_issue(getattr(value, "fpos", {}).get(f.name, value.pos), f.name))
        elif f.name not in ("pos", "fpos", "intern"):
            _walk(current, out)


def markup_issues(model: Any) -> list[Issue]:
    """DV120 for every HTML comment in a Markdown field or body of the model."""
    out: list[Issue] = []
    _walk(model, out)
    return out
