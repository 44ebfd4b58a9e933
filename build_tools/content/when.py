"""Moments as precise as the author wrote them (`When`: a day, a month or a quarter), read
from text, and the Dutch month names the site prints them with."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")

LAST_YEAR = 9998  # the site computes a year past any date (security.txt, the roadmap's axis)
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")


@dataclass(frozen=True, order=True)
class When:
    """A moment as precise as the author wrote it: a day, a month or a quarter."""

    start: date
    end: date
    kind: str = field(compare=False)  # dag | maand | kwartaal
    text: str = field(compare=False)

    def label(self) -> str:
        """Dutch reading form: `15 maart 2024`, `maart 2024`, `1e kwartaal 2024`."""
        if self.kind == "dag":
            return f"{self.start.day} {MONTHS_NL[self.start.month - 1]} {self.start.year}"
        if self.kind == "maand":
            return f"{MONTHS_NL[self.start.month - 1]} {self.start.year}"
        return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"

    def __str__(self) -> str:
        return self.text


def parse_when(text: str, kinds: tuple[str, ...] = ("dag", "maand", "kwartaal")) -> When | None:
    if "dag" in kinds and (m := _DATE_RE.match(text)):
        y, mo, d = (int(g) for g in m.groups())
        try:
            day = date(y, mo, d)
        except ValueError:
            return None
        return When(day, day, "dag", text)
    if "maand" in kinds and (m := _MONTH_RE.match(text)):
        y, mo = int(m.group(1)), int(m.group(2))
        if not (1 <= mo <= 12 and y >= 1):  # year 0 exists in no calendar Python knows
            return None
        return When(date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "maand", text)
    if "kwartaal" in kinds and (m := _QUARTER_RE.match(text)):
        y, q = int(m.group(1)), int(m.group(2))
        if y < 1:
            return None
        last = q * 3
        return When(date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1]),
                    "kwartaal", text)
    return None
