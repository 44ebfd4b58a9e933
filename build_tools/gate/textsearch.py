"""Many needles in one haystack, in one pass: which of a set of texts occur in a text.

The leak scan looks for every internal text in every output file, and the audience filter for
every internal text in all public text. Searching each needle on its own is needles x text:
at 5,000 projects that is thousands of searches through tens of megabytes. An Aho-Corasick
automaton (pyahocorasick, in C) finds them all in one pass over the text instead.

Only each needle's first `PREFIX` characters go into the automaton (a small automaton however
long the texts); a hit is confirmed by comparing the whole needle at that place.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

PREFIX = 48


class Needles:
    """A fixed set of texts to look for; build once, search many texts."""

    def __init__(self, needles: Iterable[str]) -> None:
        self.needles = tuple(sorted({n for n in needles if n}))
        by_prefix: dict[str, list[str]] = {}
        for needle in self.needles:
            by_prefix.setdefault(needle[:PREFIX], []).append(needle)
        self._automaton: ahocorasick.Automaton | None = None
        if by_prefix:
            automaton = ahocorasick.Automaton()
            for prefix, group in by_prefix.items():
                automaton.add_word(prefix, (len(prefix), tuple(group)))
            automaton.make_automaton()
            self._automaton = automaton

    def __len__(self) -> int:
        return len(self.needles)

    def found_in(self, text: str) -> set[str]:
        """The needles that occur in `text`."""
        found: set[str] = set()
        if self._automaton is None:
            return found
        for end, (length, group) in self._automaton.iter(text):
            start = end - length + 1
            found.update(n for n in group if n not in found and text.startswith(n, start))
        return found
