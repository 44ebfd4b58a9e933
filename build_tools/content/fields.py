"""How a field of the model is declared: Markdown fields (which the audience filter and the
sanitiser visit), where a value came from (`pos`, `fpos`), and the plain leaf values."""

from __future__ import annotations

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
