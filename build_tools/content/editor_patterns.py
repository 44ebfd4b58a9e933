"""The check's rules for single values, written as JSON Schema for editors. An editor reads
YAML 1.2 (`naam: 2024` is a number there, `versie: 1.10` the number 1.1), the check reads every
scalar as the text it is; these schemas accept what the check accepts, as far as JSON can
tell (tests/unit/staff/test_editor_agreement.py runs both over the bad-input corpus). Regular
expressions are ECMA-262, the dialect editors use, and mean the same in Python."""

from __future__ import annotations

from typing import Any

# The check strips surrounding whitespace from plain text (newlines only from Markdown) and
# then counts what is left. A JSON Schema `maxLength` counts the raw string, with the newline
# a YAML block scalar adds, so the length is a pattern: first non-space, at most `max - 2`
# anything, last non-space.
_EDGE = {False: (r"\s*", r"\S"), True: (r"\n*", r"[^\n]")}


def text_pattern(max_length: int | None, *, markdown: bool, single_line: bool) -> str:
    space, solid = _EDGE[markdown]
    middle = r"[^\n]" if single_line else r"[\s\S]"
    if max_length is None:
        inner = f"({middle}*{solid})?"
    elif max_length == 1:
        inner = ""
    else:
        inner = f"({middle}{{0,{max_length - 2}}}{solid})?"
    return f"^{space}{solid}{inner}{space}$"


def text_schema(max_length: int | None, *, markdown: bool, single_line: bool) -> dict[str, Any]:
    """Text the check accepts; a number or `true` written without quotes is text too."""
    return {"anyOf": [
        {"type": "string",
         "pattern": text_pattern(max_length, markdown=markdown, single_line=single_line)},
        {"type": ["number", "boolean"]},
    ]}


_YEAR = r"(?!0000)[0-9]{4}"
_MONTH = r"(0[1-9]|1[0-2])"
_DAY_OF_MONTH = (r"((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
                 r"|02-(0[1-9]|1[0-9]|2[0-8]))")
_LEAP_YEAR = r"([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"

MOMENT_PATTERNS = {
    "dag": rf"^\s*({_YEAR}-{_DAY_OF_MONTH}|(?!0000){_LEAP_YEAR}-02-29)\s*$",
    "maand": rf"^\s*{_YEAR}-{_MONTH}\s*$",
    "kwartaal": rf"^\s*{_YEAR}-Q[1-4]\s*$",
}

URL_PATTERN = r"^\s*[hH][tT][tT][pP][sS]?://[^\s/$.?#][^\s<>\"']*\s*$"
EMAIL_PATTERN = r"^\s*[^@\s<>\"']+@[^@\s<>\"']+\.[a-zA-Z]{2,}\s*$"


def id_schema(pattern: str) -> dict[str, Any]:
    """An id: `2024` and `true` are ids, and a number and a boolean to an editor."""
    return {"anyOf": [{"type": "string", "pattern": pattern},
                      {"type": "integer", "minimum": 0}, {"type": "boolean"}]}


BOOLEAN = {"enum": [True, False, "true", "false", "ja", "nee"]}

# `dpia` may not stay `onbekend` when a source holds personal data (DV207)
PERSONAL_DATA_NEEDS_DPIA = {
    "if": {"required": ["gegevens"], "properties": {"gegevens": {
        "type": "array",
        "contains": {"required": ["persoonsgegevens"],
                     "properties": {"persoonsgegevens": {"enum": [True, "true", "ja"]}}}}}},
    "then": {"properties": {"dpia": {"not": {"const": "onbekend"}}}},
}
