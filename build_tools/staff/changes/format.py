"""Changes (changes.py) as text people read: Markdown for a pull-request comment, plain text
for a terminal. Pure; everything taken from content is escaped for the Markdown target."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from build_tools.errors import Issue
from build_tools.history.texts import Segment
from build_tools.staff.changes.compare import SECTIONS, Change
from build_tools.staff.changes.details import FieldChange, TextChange
from build_tools.staff.changes.report import Report

MARKER = "<!-- datavisie-wijzigingen -->"
MAX_SENTENCES = 20  # per text: a new chapter should not flood a pull-request comment
MAX_PROBLEMS = 50  # errors listed; a comment has room for about 65,000 characters

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


def _who(doelgroep: str) -> str:
    return "het publiek" if doelgroep == "publiek" else "collega's"


def _nothing(doelgroep: str) -> str:
    return f"Geen wijzigingen die {_who(doelgroep)} ziet." if doelgroep == "publiek" else \
        f"Geen wijzigingen die {_who(doelgroep)} zien."


def _seen(doelgroep: str) -> str:
    """`wat het publiek ziet` / `wat collega's zien`."""
    return f"wat {_who(doelgroep)} {'ziet' if doelgroep == 'publiek' else 'zien'}"


def _where(issue: Issue) -> str:
    return f"{issue.path} regel {issue.line}"


def _problem_lines(report: Report, *, markdown: bool) -> list[str]:
    if not report.problems:
        return []
    n = len(report.problems)
    caused = sum(p.elders and not p.before for p in report.problems)
    before = sum(p.before for p in report.problems)
    head = (f"De controle vindt {n} fout{'en' if n != 1 else ''} in het project zoals het "
            "na deze wijziging is.")
    if caused:
        head += (f" {caused} daarvan {'staat' if caused == 1 else 'staan'} in een bestand dat "
                 "deze wijziging niet aanraakt: de wijziging veroorzaakt ze daar (bijvoorbeeld "
                 "een verwijzing naar iets dat verdwijnt). Bij de gewijzigde regels zie je ze "
                 "dus niet.")
    if before:
        head += (f" {before} {'was' if before == 1 else 'waren'} er al vóór deze wijziging.")
    lines = [head, ""]
    for p in report.problems[:MAX_PROBLEMS]:
        i = p.issue
        text = f"{i.code} {i.message}" + (f" ({i.hint})" if i.hint else "")
        mark = ("was er al" if p.before else "buiten je wijziging" if p.elders else "")
        if markdown:
            lines.append(f"- `{_code_span(_where(i))}`{f' **({mark})**' if mark else ''}: "
                         f"{md_escape(text)}")
        else:
            lines.append(f"  - {_where(i)}{f' ({mark})' if mark else ''}: {text}")
    if n > MAX_PROBLEMS:
        more = f"... en nog {n - MAX_PROBLEMS}: `datavisie check` noemt ze allemaal."
        lines.append(f"- {more}" if markdown else f"  - {more}")
    return lines


def _code_span(text: str) -> str:
    return text.replace("`", "'")


def _status_lines(report: Report) -> list[str]:
    if report.base_broken:
        return ["De basis heeft zelf fouten in de inhoud, dus wat er in de inhoud verandert is "
                "niet te zeggen."]
    if not report.compared:
        return ["Wat er in de inhoud verandert, staat hier zodra de fouten zijn opgelost."]
    return []


def format_markdown(changes: Sequence[Change] | Report, *, basis: str, doel: str,
                    doelgroep: str = "publiek") -> str:
    report = changes if isinstance(changes, Report) else Report(tuple(changes))
    lines = [MARKER, "## Wat deze wijziging doet", ""]
    lines.append(f"Vergeleken: `{_code_span(basis)}` met {md_escape(doel)} "
                 f"({_seen(doelgroep)}).")
    lines.append("")
    if report.problems:
        lines += ["### Fouten", "", *_problem_lines(report, markdown=True), ""]
    lines += [md_escape(x) for x in _status_lines(report)]
    visible = [c for c in report.changes if c.section != "intern"]
    if report.compared and not visible:
        lines.append(_nothing(doelgroep))
    if not report.changes:
        return "\n".join(lines).rstrip("\n") + "\n"
    if lines[-1]:
        lines.append("")
    if visible:
        lines.append(f"**{_count(len(report.changes))}.**")
    for title, group in _grouped(report.changes):
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


def format_text(changes: Sequence[Change] | Report, *, basis: str, doel: str,
                doelgroep: str = "publiek") -> str:
    report = changes if isinstance(changes, Report) else Report(tuple(changes))
    lines = [f"Wat deze wijziging doet ({basis} -> {doel}, {_seen(doelgroep)}):"]
    if report.problems:
        found = _problem_lines(report, markdown=False)
        lines += ["", "Fouten", "  " + found[0], *found[2:]]
    status = _status_lines(report)
    if status:
        lines += ["", *status]
    visible = [c for c in report.changes if c.section != "intern"]
    if report.compared and not visible:
        lines.append(_nothing(doelgroep))
    if not report.changes:
        return "\n".join(lines) + "\n"
    if visible:
        lines[0] += f" {_count(len(report.changes))}."
    for title, group in _grouped(report.changes):
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


def format_report(report: Report, *, fmt: str, basis: str, doel: str,
                  doelgroep: str = "publiek") -> str:
    if fmt == "markdown":
        return format_markdown(report, basis=basis, doel=doel, doelgroep=doelgroep)
    return format_text(report, basis=basis, doel=doel, doelgroep=doelgroep)


def format_changes(changes: Sequence[Change], *, fmt: str, basis: str, doel: str,
                   doelgroep: str = "publiek") -> str:
    return format_report(Report(tuple(changes)), fmt=fmt, basis=basis, doel=doel,
                         doelgroep=doelgroep)
