"""A limit on the headings of one content file (DV016). Material's search plugin needs time
quadratic in the headings of a page (20,000 headings took 19 s, 60,000 did not end in 120 s),
so a file with tens of thousands is refused before the build starts, not after minutes.

The headings are counted on the parsed Markdown (Python-Markdown's own block parser with the
site's own grammar: the extensions of its mkdocs.yml), so a heading inside a list, a quote or
an admonition counts and a `#` in a code block or a link does not. Parsing is only needed
near the limit: a count of the lines that can only be headings decides the hostile case, a
count of every `#` the ordinary one. Pure: model -> list of Issues.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from build_tools.content.fields import MarkdownText, markdown_texts
from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar, loadable
from build_tools.errors import Issue

# Generous: the example's page with the most headings has 7, a long policy text a hundred, the
# large valid text the tests build (500 kB) a thousand; 1,900 more headings on a page of the
# example add 0.3 s to its build (20,000 took 19 s: the cost grows with the square).
MAX_HEADINGS = 2_000
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_SETEXT = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.M)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)


def heading_issues(model: Any) -> list[Issue]:
    """DV016 for each content file whose Markdown texts hold more than MAX_HEADINGS headings
    together (a file is one page: a project's fields all show on its page)."""
    files: dict[str, list[MarkdownText]] = {}
    for text in markdown_texts(model):
        files.setdefault(text.file, []).append(text)
    issues = []
    for path, texts in sorted(files.items()):
        if sum(t.text.count("#") + len(_SETEXT.findall(t.text)) for t in texts) <= MAX_HEADINGS:
            continue  # the common case: not even the upper bound reaches the limit
        issue = _over_limit(path, texts, model.grammar)
        if issue is not None:
            issues.append(issue)
    return issues


def _over_limit(path: str, texts: list[MarkdownText], grammar: Grammar) -> Issue | None:
    total = 0
    for t in texts:
        sure = _sure_lines(t.text)
        count = len(sure) if total + len(sure) > MAX_HEADINGS else count_headings(t.text, grammar)
        if total + count > MAX_HEADINGS:
            first_over = MAX_HEADINGS - total  # 0-based index of the heading over the limit
            line = t.pos.line
            if t.body and first_over < len(sure):
                line = t.pos.line + sure[first_over]
            return Issue(path, line, t.pos.col if line == t.pos.line else 1, "DV016",
                         f"meer dan {MAX_HEADINGS} koppen in dit bestand",
                         f"houd het bij hoogstens {MAX_HEADINGS} koppen per pagina, want de "
                         "zoekfunctie van de site doet er anders minuten over; verdeel de "
                         "tekst over meer pagina's of maak van koppen gewone vette tekst")
        total += count
    return None


def _sure_lines(text: str) -> list[int]:
    """0-based numbers of lines outside fenced code that start with `#`: headings in
    Python-Markdown whatever surrounds them, also `#x` (fences count as code, to be safe)."""
    if not _FENCE.search(text):
        return [n for n, line in enumerate(text.split("\n")) if line.startswith("#")]
    out, fence = [], ""
    for n, line in enumerate(text.split("\n")):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = ""
        elif opener:
            fence = opener.group(1)
        elif line.startswith("#"):
            out.append(n)
    return out


def count_headings(text: str, grammar: Grammar = DEFAULT_GRAMMAR) -> int:
    """The headings Python-Markdown makes of `text` (block parsing only: inline patterns and
    serialising, most of the work of a conversion, cannot add or remove a heading)."""
    md = _markdown(grammar).reset()
    lines = text.split("\n")
    for pre in md.preprocessors:
        lines = pre.run(lines)
    root = md.parser.parseDocument(lines).getroot()
    return sum(1 for el in root.iter() if el.tag in _HEADING_TAGS)


@functools.cache
def _markdown(grammar: Grammar) -> Any:
    import markdown  # only for a file near the limit

    loaded, configs = loadable(grammar)
    return markdown.Markdown(extensions=list(loaded), extension_configs=configs)
