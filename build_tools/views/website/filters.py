"""Filters for tables and lists that work without JavaScript.

Each filter is a group of radio buttons; CSS (`filter_css`, generated for the model's themes
and the fixed statuses) hides the rows that do not match the checked value, using `:has()`.
The small local script only adds a count, an empty-result message and remembers the choice in
the address. Without `:has()` support nothing is hidden: every row stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from build_tools.views.website.html import esc


@dataclass(frozen=True)
class FilterGroup:
    """One filter: `key` is the row attribute (`data-<key>`), options are (value, label)."""

    key: str
    legend: str
    options: tuple[tuple[str, str], ...]
    multi: bool = False  # rows may carry several space-separated values (themes)


def filter_form(groups: Sequence[FilterGroup], *, target: str, label: str) -> str:
    """The radio groups for one filterable table; `target` names the rows (`mijlpalen`)."""
    fieldsets = []
    for g in groups:
        name = f"dv-filter-{target}-{g.key}"
        radios = [_radio(name, "", "Alle", checked=True)]
        radios += [_radio(name, value, text) for value, text in g.options]
        fieldsets.append(f'<fieldset class="dv-filter__groep"><legend>{esc(g.legend)}</legend>'
                         f'{"".join(radios)}</fieldset>')
    return (f'<form class="dv-filter" aria-label="{esc(label)}" data-dv-filter="{esc(target)}">'
            f'{"".join(fieldsets)}'
            f'<p class="dv-filter__telling" aria-live="polite" hidden></p></form>')


def _radio(name: str, value: str, text: str, *, checked: bool = False) -> str:
    ident = f"{name}-{value or 'alle'}"
    return (f'<span class="dv-filter__optie"><input type="radio" id="{esc(ident)}" '
            f'name="{esc(name)}" value="{esc(value)}"{" checked" if checked else ""}>'
            f'<label for="{esc(ident)}">{esc(text)}</label></span>')


def row_attrs(values: dict[str, Iterable[str] | str]) -> str:
    """`data-<key>="..."` attributes of one row, matching the filter groups."""
    out = []
    for key, value in values.items():
        text = value if isinstance(value, str) else " ".join(value)
        out.append(f' data-{esc(key)}="{esc(text)}"')
    return "".join(out)


def filter_css(target: str, groups: Sequence[FilterGroup]) -> str:
    """Rules that hide non-matching rows of `target` while an option is checked."""
    rules = []
    for g in groups:
        name = f"dv-filter-{target}-{g.key}"
        op = "~=" if g.multi else "="
        for value, _ in g.options:
            rules.append(
                f'.dv-filterbaar:has(input[name="{name}"][value="{value}"]:checked) '
                f'[data-{g.key}]:not([data-{g.key}{op}"{value}"]) {{ display: none; }}')
    return "\n".join(rules) + "\n"
