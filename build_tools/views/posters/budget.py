"""What one poster template may spend while it renders: steps (loop turns and calls), the size
of any value it makes, all it makes together, its output and its CPU time. The sandbox
(`sandbox.py`) asks before every operation that could make a value larger than its inputs,
so a template fails with a clear error at its line instead of exhausting memory or time.

Sizes are "weights": characters of a string, items of a container (each reference counted
again, since joining or printing copies it again), the count a number stands for where it is
used as a width or a repeat count. Pure, apart from the CPU clock of the backstop.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import islice
from typing import Any

from jinja2.exceptions import TemplateRuntimeError
from jinja2.runtime import Undefined
from jinja2.utils import Namespace

MAX_STEPS = 250_000  # loop turns, calls, filters; the example's posters take under 1,300
MAX_VALUE = 16_000_000  # weight of one value (about 16 MB of text)
MAX_SPENT = 256_000_000  # weight of everything made and read by one render together
MAX_OUTPUT = 32_000_000  # characters of one rendered poster (fonts are embedded afterwards)
MAX_INT_BITS = 1 << 16  # a number larger than 2**65536 has no place on a poster
MAX_RANGE = 100_000  # items of one range()
MAX_SECONDS = 30.0  # CPU time of one render: the backstop for work no count sees


class LimitExceeded(TemplateRuntimeError):
    """A template went past a limit. `kind` is "werk" (steps, time, nesting) or "grootte"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def weight(value: Any, limit: int = MAX_VALUE) -> int:
    """How large `value` becomes when printed, joined or copied; counting stops past `limit`."""
    total = 0
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            total += len(v)
        elif isinstance(v, bool) or v is None or isinstance(v, float | Undefined):
            total += 1
        elif isinstance(v, int):
            total += v.bit_length() // 3 + 1
        elif isinstance(v, range):
            total += len(v) + 1
        elif isinstance(v, list | tuple | set | frozenset):
            total += len(v) + 1
            stack.extend(v)
        elif isinstance(v, Mapping):
            total += len(v) + 1
            for key, item in v.items():
                stack.append(key)
                stack.append(item)
        elif isinstance(v, Namespace):
            stack.append(v._Namespace__attrs)  # type: ignore[attr-defined]
        elif isinstance(v, bytes | bytearray):
            total += len(v)
        else:  # one of the poster's own objects: as large as it prints
            total += len(repr(v))
        if total > limit:
            return total
    return total


def count(value: Any) -> int:
    """The weight of an argument as an operation may use it: a number as a width or a
    repeat count (`center(n)`, `to_bytes(n)`, `slice(n)`), anything else by its weight."""
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value)
    return weight(value)


def product(values: Any) -> int:
    """The conservative bound for an operation we know nothing better about."""
    bound = 1
    for v in values:
        bound *= count(v) + 1
        if bound > MAX_VALUE:
            return bound
    return bound


@dataclass
class Budget:
    steps: int = 0
    spent: int = 0
    deadline: float = 0.0

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise LimitExceeded("werk", f"meer dan {MAX_STEPS:,} stappen (herhalingen en "
                                        "aanroepen)".replace(",", "."))
        if self.steps & 0xFF == 0 and time.thread_time() > self.deadline:
            raise LimitExceeded("werk", f"meer dan {MAX_SECONDS:g} seconden rekentijd")

    def spend(self, amount: int) -> None:
        self.spent += amount
        if self.spent > MAX_SPENT:
            raise LimitExceeded("grootte", "maakt bij elkaar meer dan "
                                           f"{MAX_SPENT // 1_000_000} miljoen tekens of items")
        if time.thread_time() > self.deadline:
            raise LimitExceeded("werk", f"meer dan {MAX_SECONDS:g} seconden rekentijd")

    def allow(self, bound: int, what: str) -> None:
        """Before an operation: its result could be `bound` large."""
        if bound > MAX_VALUE:
            raise LimitExceeded("grootte", f"{what} zou een waarde van meer dan "
                                           f"{MAX_VALUE // 1_000_000} miljoen tekens maken")
        self.step()

    def made(self, value: Any) -> Any:
        """After an operation: count what it made (its shallow size: its parts were counted
        when they were made)."""
        size = len(value) if isinstance(value, str | list | tuple | dict | set) else 1
        if size > MAX_VALUE:
            raise LimitExceeded("grootte", f"een waarde van meer dan "
                                           f"{MAX_VALUE // 1_000_000} miljoen tekens of items")
        self.spend(size)
        return value


_CURRENT: ContextVar[Budget | None] = ContextVar("poster_template_budget", default=None)


def current() -> Budget:
    budget = _CURRENT.get()
    if budget is None:  # template code runs only inside `limited()`
        raise LimitExceeded("werk", "sjablooncode buiten een bewaakte opmaak")
    return budget


@contextmanager
def limited() -> Iterator[Budget]:
    """A fresh budget for one render (per thread and task, so parallel renders each count
    their own)."""
    budget = Budget(deadline=time.thread_time() + MAX_SECONDS)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


# --- what an operation can make, from its inputs -------------------------------------------

# Methods and filters whose result is never much larger than their inputs together.
_SUMMING = frozenset({
    # str, dict, list and tuple methods
    "capitalize", "casefold", "count", "encode", "endswith", "find", "index", "isalnum",
    "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
    "isprintable", "isspace", "istitle", "isupper", "lower", "lstrip", "partition",
    "removeprefix", "removesuffix", "rfind", "rindex", "rpartition", "rsplit", "rstrip", "split",
    "splitlines", "startswith", "strip", "swapcase", "title", "upper", "get", "items", "keys",
    "values", "copy",
    # filters
    "abs", "attr", "d", "default", "dictsort", "filesizeformat", "first", "float", "groupby",
    "int", "last", "length", "list", "map", "max", "min", "reject", "rejectattr", "reverse",
    "round", "select", "selectattr", "sort", "striptags", "trim", "truncate", "unique",
    "wordcount", "n", "poster", "safe",
})
ESCAPING_NAMES = frozenset({"e", "escape", "forceescape", "string", "pprint", "urlencode",
                             "xmlattr"})
ESCAPING = 6  # `&quot;` for `"`: the most any escaping filter makes of one character
_PERCENT = re.compile(r"%[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


def format_bound(fmt: Any, args: tuple[Any, ...], *, braces: bool) -> int:
    """`fmt % args` or `fmt.format(*args)`: the text, the values, and the widest field."""
    text = str(fmt) if isinstance(fmt, str) else ""
    widths = [0]
    fields = 0
    try:
        if braces:
            for _, field, spec, _ in string.Formatter().parse(text):
                if field is not None:
                    fields += 1
                    widths += [int(d) for d in _DIGITS.findall(spec or "")]
        else:
            for m in _PERCENT.finditer(text):
                fields += 1
                widths += [int(d) for d in m.groups() if d and d != "*"]
    except ValueError:  # a broken format: the call itself reports it
        pass
    return weight(fmt) + sum(count(a) for a in args) + fields * max(widths)


def bound(name: str, subject: Any, args: tuple[Any, ...], *, is_filter: bool) -> int:
    """How large the result of `subject.name(*args)` (or of filter `name` on `subject`) can
    be. Keyword arguments come last in `args`, so only bounds that take every argument as
    a possible width or separator use them."""
    values = (subject, *args)
    if name in _SUMMING:
        return sum(weight(v) for v in values)
    if name in ESCAPING_NAMES:
        return ESCAPING * sum(weight(v) for v in values)
    widest = max((count(a) for a in args), default=0)
    if name == "replace" and len(args) >= 2:
        s, old, new = weight(subject), weight(args[0]), weight(args[1])
        return s + (s // old + 1 if old else s + 1) * new
    if name == "join":  # str.join(items) or the filter items|join(separator)
        items, sep = (subject, args[0] if args else "") if is_filter else \
            (args[0] if args else (), subject)
        n = len(items) if isinstance(items, list | tuple | str | dict | set | range) else 1
        return weight(items) + n * weight(sep)
    if name in ("center", "ljust", "rjust", "zfill"):
        return weight(subject) + max(widest, 80)
    if name == "format":
        return format_bound(subject, args, braces=False)
    if name == "indent":
        lines = subject.count("\n") + 1 if isinstance(subject, str) else 1
        return weight(subject) + lines * max(widest, 4)
    if name == "wordwrap":
        wrap = max((weight(a) for a in args if isinstance(a, str)), default=1)
        return weight(subject) * (1 + wrap)
    if name == "sum":
        n = len(subject) if isinstance(subject, list | tuple | range) else 1
        return n * sum(weight(v) for v in values)
    return product(values)


def materialised(value: Any) -> Any:
    """A lazy sequence (`map`, `select`, a generator) as a list, so it can be weighed before an
    operation copies every item (`range(9)|map(attribute='x', default=big)|join`)."""
    if isinstance(value, Iterator):
        items = list(islice(value, MAX_VALUE + 1))
        if len(items) > MAX_VALUE:
            raise LimitExceeded("grootte", f"een reeks van meer dan {MAX_VALUE:,} items"
                                .replace(",", "."))
        return items
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def binop_bound(operator: str, left: Any, right: Any) -> int:
    if operator == "**":
        if _is_int(left) and _is_int(right) and right > 0 and abs(left) > 1:
            bits = left.bit_length() * right
            return MAX_VALUE + 1 if bits > MAX_INT_BITS else bits // 3
        return 1
    if operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            bits = left.bit_length() + right.bit_length()
            return MAX_VALUE + 1 if bits > MAX_INT_BITS else bits // 3
        if isinstance(left, int | float) and isinstance(right, int | float):
            return 1
        if _is_int(left) or _is_int(right):  # a text or list repeated
            return weight(right if _is_int(left) else left) * abs(left if _is_int(left) else right)
        return weight(left) + weight(right)
    if operator == "%" and isinstance(left, str):
        values = right if isinstance(right, tuple) else (right,)
        return format_bound(left, values, braces=False)
    return weight(left) + weight(right)


