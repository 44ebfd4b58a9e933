"""Changes (changes.py) as text people read: Markdown for a pull-request comment, plain text
for a terminal. Pure; everything taken from content is escaped for the Markdown target."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .changes import SECTIONS, Change
from .changes_details import FieldChange, TextChange
from .history import Segment

MARKER = "<!-- datavisie-wijzigingen -->"
MAX_SENTENCES = 20  # per text: a new chapter should not flood a pull-request comment

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


def md_escape(text: str) -> str:
    """Content text made inert in GitHub/GitLab Markdown: no HTML, no emphasis, no links, no
    @mentions or #references (a comment must never ping people or link issues by accident)."""
    out = html.escape(text, quote=False)
    out = _MD_SPECIAL.sub(r"\\\1", out)
    return out.replace("@", "&#64;").replace("\n", " ")


_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def segments_markdown(segments: Sequence[Segment]) -> str:
    parts = []
    for s in segments:
        text = md_escape(s.text)
        if s.op == "-":
            parts.append(f"<del>{text}</del>")
        elif s.op == "+":
            parts.append(f"<ins>{text}</ins>")
        else:
            parts.append(text)
    # a quoted sentence starting with `2024.` or `-` must not become a list or a rule
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1)
                            else f"\\{m.group(3)}", "".join(parts), count=1)


def _shown(d: TextChange) -> tuple[Sequence[Sequence[Segment]], int]:
    """The sentences to quote, and how many more there are."""
    return d.zinnen[:MAX_SENTENCES], max(len(d.zinnen) - MAX_SENTENCES, 0)


def _more(n: int) -> str:
    return f"... en nog {n} {'zin' if n == 1 else 'zinnen'}"


def segments_text(segments: Sequence[Segment]) -> str:
    """git's word-diff notation: [-removed-]{+added+}."""
    marks = {"-": ("[-", "-]"), "+": ("{+", "+}"), "=": ("", "")}
    return "".join(marks[s.op][0] + s.text + marks[s.op][1] for s in segments)


def _grouped(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    groups: dict[str, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.section, []).append(c)
    return [(SECTIONS[s], groups[s]) for s in SECTIONS if s in groups]


def _count(n: int) -> str:
    return "1 wijziging" if n == 1 else f"{n} wijzigingen"


def _nothing(doelgroep: str) -> str:
    who = "het publiek" if doelgroep == "publiek" else "collega's"
    return f"Geen wijzigingen in de inhoud die {who} ziet."


def format_markdown(changes: Sequence[Change], *, basis: str, doel: str,
                    doelgroep: str = "publiek") -> str:
    lines = [MARKER, "## Wat deze wijziging doet", ""]
    lines.append(f"Vergeleken: `{md_escape(basis)}` met {md_escape(doel)} "
                 f"(wat {'het publiek' if doelgroep == 'publiek' else 'collega’s'} ziet).")
    lines.append("")
    if not changes:
        lines.append(_nothing(doelgroep))
        return "\n".join(lines) + "\n"
    lines.append(f"**{_count(len(changes))}.**")
    for title, group in _grouped(changes):
        lines += ["", f"### {title}", ""]
        for c in group:
            lines.append(f"- {md_escape(c.sentence)}")
            for d in c.details:
                lines += _detail_markdown(d, single=len(c.details) == 1)
    return "\n".join(lines) + "\n"


def _detail_markdown(d: FieldChange | TextChange, *, single: bool) -> list[str]:
    if isinstance(d, FieldChange):
        return [f"  - {md_escape(d.veld)}: {md_escape(d.oud)} → {md_escape(d.nieuw)}"]
    out = [] if single and d.veld == "tekst" else [f"  - {md_escape(d.veld)}: {d.summary()}"]
    indent = "  " if single and d.veld == "tekst" else "    "
    shown, more = _shown(d)
    for sentence in shown:
        out += [f"{indent}> {segments_markdown(sentence)}", f"{indent}>"]
    if more:
        out.append(f"{indent}> {_more(more)}")
    elif out and out[-1].endswith(">"):
        out.pop()
    return out


def format_text(changes: Sequence[Change], *, basis: str, doel: str,
                doelgroep: str = "publiek") -> str:
    lines = [f"Wat deze wijziging doet ({basis} -> {doel}, doelgroep {doelgroep}):"]
    if not changes:
        return lines[0] + "\n" + _nothing(doelgroep) + "\n"
    lines[0] += f" {_count(len(changes))}."
    for title, group in _grouped(changes):
        lines += ["", title]
        for c in group:
            lines.append(f"  - {c.sentence}")
            for d in c.details:
                if isinstance(d, FieldChange):
                    lines.append(f"      {d.veld}: {d.oud} -> {d.nieuw}")
                    continue
                if not (len(c.details) == 1 and d.veld == "tekst"):
                    lines.append(f"      {d.veld}: {d.summary()}")
                shown, more = _shown(d)
                lines += [f"      | {segments_text(s)}" for s in shown]
                if more:
                    lines.append(f"      | {_more(more)}")
    return "\n".join(lines) + "\n"


def format_changes(changes: Sequence[Change], *, fmt: str, basis: str, doel: str,
                   doelgroep: str = "publiek") -> str:
    if fmt == "markdown":
        return format_markdown(changes, basis=basis, doel=doel, doelgroep=doelgroep)
    return format_text(changes, basis=basis, doel=doel, doelgroep=doelgroep)
