"""How a field of the model is declared: Markdown fields (which the audience filter and the
sanitiser visit), where a value came from (`pos`, `fpos`), and the plain leaf values; and
`markdown_texts`, the one walk over every Markdown text of a model that the content checks
(markup.py, headings.py) share."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterator
from dataclasses import field
from datetime import date
from typing import Any

from build_tools.errors import Pos

LEAF_TYPES = (str, int, float, date, type(None))
"""The plain values a model holds besides its dataclasses and tuples (bool is an int): what a
walk over the model need not look into."""

_NOWHERE = Pos("", 0, 0)


def md() -> Any:
    """Marks a Markdown field (the audience filter and sanitiser visit these)."""
    return field(metadata={"markdown": True})


def md_opt() -> Any:
    return field(default=None, metadata={"markdown": True})


def located() -> Any:
    return field(default=_NOWHERE, compare=False, repr=False)


def field_positions() -> Any:
    return field(default_factory=dict, compare=False, repr=False)


_UNPLACED = Pos("", 1, 1)  # a part of the model that does not say where it came from
# Fields that hold where a value came from, or the grammar: never Markdown, never walked.
_NOT_WALKED = frozenset({"pos", "fpos", "intern", "grammar"})


@dataclasses.dataclass(frozen=True)
class MarkdownText:
    """One Markdown text of the model: a file's body or a Markdown field of a YAML entry."""

    text: str
    name: str  # the field's name ("body" for a Markdown file's body)
    file: str  # the content file it belongs to (a project's fields all show on its page)
    pos: Pos  # where it starts: a body's first line, a field's value

    @property
    def body(self) -> bool:
        """A Markdown body: its line numbers are the file's."""
        return self.name == "body"

    def at(self, line: int) -> Pos:
        """Where line `line` (0-based) of the text is: the file's line for a body; the
        field's value for a field (its lines are not the file's)."""
        return Pos(self.file, self.pos.line + line, 1) if self.body else self.pos


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, bool, bool], ...] | None:
    """(field, is Markdown, walk into it) for each field of a model class; None: not a
    dataclass. Worked out once per class, not once per value (41,000 values at N=1,000)."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple((f.name, bool(f.metadata.get("markdown")), f.name not in _NOT_WALKED)
                 for f in dataclasses.fields(cls))


def markdown_texts(value: Any, file: str = "") -> Iterator[MarkdownText]:
    """Every Markdown text in `value` (a model, part of one, or a tuple of parts), in the
    model's order, each with its file and position."""
    if isinstance(value, LEAF_TYPES):
        return
    if isinstance(value, tuple):
        for item in value:
            yield from markdown_texts(item, file)
        return
    plan = _plan(value.__class__)
    if plan is None:
        return
    where: Pos = getattr(value, "pos", _UNPLACED)
    file = getattr(value, "path", None) or where.path or file
    for name, markdown, walk in plan:
        current = getattr(value, name)
        if markdown and isinstance(current, str):
            start = (Pos(file, getattr(value, "body_line", 1), 1) if name == "body"
                     else getattr(value, "fpos", {}).get(name, where))
            yield MarkdownText(current, name, file, start)
        elif walk:
            yield from markdown_texts(current, file)
