"""What an author's Markdown may put on a page, checked on the tree Python-Markdown builds from
it with the site's own grammar (the extensions of its mkdocs.yml, as the renderer loads them),
so no nesting can hide a construct from the check. Only what the author chose is judged:
attributes a `{: }` list sets, a heading's id, an image's address, a block's type; the ids and
classes an extension writes for itself (a tab's) are not the author's.

Ids, classes and attributes from content must not reach the theme's machinery: Material
finds its configuration, drawer, search and palette by ids starting with `__`, and its
scripts and styles act on `md-` classes (DV130, DV131). Attributes beyond the few Markdown
makes (an id, classes, a title, an image's alt text and size) are refused (DV132), and so
are images from anywhere but this site (DV133). The same rules guard the published HTML a
second time in `website/sanitize.py`. Pure: text -> issues.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar, loadable
from build_tools.errors import Issue, Pos

# Besides the site's own grammar (mkdocs.yml's extensions and the ones MkDocs always adds),
# the Markdown export renders abbreviations: its texts are checked with `abbr` too.
EXPORT_EXTENSIONS = ("abbr",)

AUTHOR_CLASSES = frozenset({"md-button", "md-button--primary"})  # Material's, for links
THEME_PREFIXES = ("md-", "dv-", "_", "tabbed", "datavisie")
# Classes Material's scripts and styles (or its extensions') give a meaning of their own.
THEME_CLASSES = frozenset({
    "admonition", "admonition-title", "annotate", "arithmatex", "card", "cards", "critic",
    "emojione", "focus-visible", "footnote", "footnote-backref", "footnote-ref", "glightbox",
    "grid", "headerlink", "highlight", "highlighttable", "js", "keys", "linenos", "mermaid",
    "no-js", "task-list", "task-list-control", "task-list-indicator", "task-list-item", "toc",
    "toclink", "twemoji",
})
# What Markdown itself writes (element, class): not the author's choice.
GENERATED_CLASSES = frozenset({
    ("div", "admonition"), ("p", "admonition-title"), ("div", "footnote"),
    ("a", "footnote-ref"), ("a", "footnote-backref"), ("a", "headerlink"), ("div", "toc"),
})
# Attributes Markdown writes, per element ("*": any element); also the sanitiser's list.
ATTRIBUTES = {
    "*": frozenset({"class", "id", "title"}),
    "a": frozenset({"href"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"colspan", "rowspan", "align"}),
    "th": frozenset({"colspan", "rowspan", "scope", "align"}),
    "details": frozenset({"open"}),
}
_TABLE_STYLE = re.compile(r"text-align: (left|center|right);")  # Markdown's table alignment
_CLASS_WORD = re.compile(r"[a-z0-9][a-z0-9_-]*")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_UNSET = object()
MAX_LOCATED = 10  # occurrences of one text located line by line; more are counted


def reserved_id(value: str) -> bool:
    """An id the theme uses or may use (Material: `__config`, `__drawer`, `__search`,
    `__toc`, `__consent`, `__palette_0`, `__nav_1`, `__tabbed_1_1`, `__code_0`, ...)."""
    return value.startswith("__")


def theme_class(token: str) -> bool:
    """A class that belongs to the theme: its prefix or one of its known names."""
    return token.startswith(THEME_PREFIXES) and token not in AUTHOR_CLASSES \
        or token in THEME_CLASSES


def same_site(src: str) -> bool:
    """An address on this site: no scheme and no host once read as a browser reads it
    (WHATWG URL: C0 controls and spaces around it stripped, tabs and line breaks dropped,
    a backslash taken as a slash, so `/\\evil.example/x.png` is another host)."""
    url = src.strip("".join(map(chr, range(0x21)))).translate({9: None, 10: None, 13: None})
    if "\\" in url or url.startswith("//"):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


@dataclass(frozen=True)
class Finding:
    code: str
    value: str  # what the author wrote (the id, class, attribute or address)
    kind: str = ""  # "blok" for the type of an admonition or details block


# (code, kind) -> message ({value}, {where}: the field or "de tekst") and hint
_TEXTS = {
    ("DV130", ""): ("id `{value}` in {where} is voorbehouden aan de site",
                    "kies een id of kop die niet met `__` begint"),
    ("DV131", ""): ("klasse `{value}` in {where} kan de opmaak of de werking van de site "
                    "veranderen", "haal de klasse weg; alleen `md-button` en "
                    "`md-button--primary` mogen, op een link"),
    ("DV131", "blok"): ("bloksoort `{value}` in {where} hoort bij de opmaak van de site",
                        "kies een gewone soort, zoals `note`, `tip` of `warning`"),
    ("DV132", ""): ("attribuut `{value}` in {where} is niet toegestaan",
                    "met `{: }` zet je alleen een id, een klasse, `title`, en bij een "
                    "afbeelding `alt`, `width` of `height`"),
    ("DV133", ""): ("afbeelding `{value}` in {where} komt niet van deze site",
                    "zet de afbeelding op de site en verwijs met een pad zonder `https://` of "
                    "`//`, of maak er een gewone link van"),
}


def _by_author(el: etree.Element, name: str, written: dict[int, set[str]]) -> bool:
    """Whether the author's text chose attribute `name` of `el`: set with a `{: }` list, a
    heading's id (made from its text), an image's address, the type of an admonition or
    details block. Anything else is the output of Markdown or of an extension of the site's
    grammar (their classes and ids are not the author's; the sanitiser's allow-list decides
    what of it is published)."""
    if name in written.get(id(el), ()):
        return True
    if name == "id":
        return el.tag in _HEADINGS
    if name == "src":
        return el.tag == "img"
    if name == "class":
        return el.tag == "details" or (el.tag == "div" and
                                       (el.get("class") or "").split()[:1] == ["admonition"])
    return False


def _findings(root: etree.Element, written: dict[int, set[str]]) -> list[Finding]:
    out: list[Finding] = []
    for el in root.iter():
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(el.tag, frozenset())
        for name, value in el.attrib.items():
            if not _by_author(el, name, written):
                continue
            if name == "id" and reserved_id(value):
                out.append(Finding("DV130", value))
            elif name == "class":
                out += _class_findings(el, value.split())
            elif name == "src" and el.tag == "img" and not same_site(value):
                out.append(Finding("DV133", value))
            elif name == "style" and el.tag in ("td", "th") and _TABLE_STYLE.fullmatch(value):
                continue
            elif name not in allowed:
                out.append(Finding("DV132", name))
    return out


def _class_findings(el: etree.Element, tokens: list[str]) -> list[Finding]:
    block = el.tag == "details" or (el.tag == "div" and tokens[:1] == ["admonition"])
    out = []
    for token in tokens:
        if (el.tag, token) in GENERATED_CLASSES or (
                el.tag == "code" and token.startswith("language-")):
            continue
        if block:  # the type of an admonition or details block: any word not the theme's
            if theme_class(token) or not _CLASS_WORD.fullmatch(token):
                out.append(Finding("DV131", token, "blok"))
        elif token not in AUTHOR_CLASSES:
            out.append(Finding("DV131", token))
    return out


class _Capture(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self.md.dv_tree = root  # type: ignore[attr-defined]


@functools.cache
def _parser(grammar: Grammar) -> markdown.Markdown:
    """One parser per grammar, reset per text: the site's extensions (grammar.py) and the
    export's. Raw HTML is off, as on the site (it becomes text)."""
    loaded, configs = loadable(grammar)
    extra = [name for name in EXPORT_EXTENSIONS if name not in loaded]
    md = markdown.Markdown(extensions=[*loaded, *extra], extension_configs=configs)
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_Capture(md), "datavisie-capture", -100)
    md.dv_set = []  # type: ignore[attr-defined]
    if "attr_list" in md.treeprocessors:
        _record_attribute_lists(md)
    return md


def _record_attribute_lists(md: markdown.Markdown) -> None:
    """Note every attribute a `{: }` list sets (in `md.dv_set`: element, names), so the check
    can tell what the author wrote from what an extension made (pymdownx.tabbed writes ids,
    classes and form attributes of its own)."""
    lists = md.treeprocessors["attr_list"]
    assign = lists.assign_attrs  # type: ignore[attr-defined]

    def recording(elem: etree.Element, attrs: str, **options: Any) -> Any:
        before = dict(elem.attrib)
        remainder = assign(elem, attrs, **options)
        names = {k for k, v in elem.attrib.items() if before.get(k, _UNSET) != v}
        if names:  # the element is kept alive with the list: its id stays unique
            md.dv_set.append((elem, names))  # type: ignore[attr-defined]
        return remainder

    lists.assign_attrs = recording  # type: ignore[attr-defined]


def findings(text: str, grammar: Grammar = DEFAULT_GRAMMAR) -> list[Finding]:
    """Everything the author's text puts on the page that it may not, in document order,
    read with the site's grammar (that of a project without mkdocs.yml by default)."""
    md = _parser(grammar)
    md.reset()
    md.dv_set = []  # type: ignore[attr-defined]
    md.convert(text)
    written: dict[int, set[str]] = {}
    for elem, names in md.dv_set:  # type: ignore[attr-defined]
        written.setdefault(id(elem), set()).update(names)
    return _findings(md.dv_tree, written)  # type: ignore[attr-defined]


def may_need_parsing(text: str) -> bool:
    """False when the text cannot make an attribute, class, image or `__` id at all, so
    ordinary prose is not parsed twice: attr_list needs `{`, an image `![`, a block type
    `!!!` or `???`, and an id from a heading two characters that become `_`."""
    if "{" in text or "![" in text or "!!!" in text or "???" in text:
        return True
    return "_" in unicodedata.normalize("NFKD", text)


def tree_issues(text: str, where: str, at: Callable[[int], Pos],
                grammar: Grammar = DEFAULT_GRAMMAR) -> list[Issue]:
    """Issues for `text` (a Markdown body or field), each at the line that brings it in:
    the shortest start of the text whose parse already holds it (a reference definition
    or an attribute list on a later line is that line, as the renderer reads it)."""
    if not may_need_parsing(text):
        return []
    found = findings(text, grammar)
    if not found:
        return []
    lines = text.split("\n")
    by_line = at(0) != at(1)
    out: list[Issue] = []
    seen: dict[tuple[str, str], int] = {}
    for f in found:
        key = (f.code, f.value)
        seen[key] = nth = seen.get(key, 0) + 1
        if nth > MAX_LOCATED:
            continue
        line = _first_line(lines, key, nth, grammar) if by_line else 0
        message, hint = _TEXTS[f.code, f.kind]
        out.append(Issue.at(at(line), f.code, message.format(value=f.value, where=where),
                            hint))
    return out


def _first_line(lines: list[str], key: tuple[str, str], nth: int, grammar: Grammar) -> int:
    """0-based line at which the `nth` occurrence of `key` appears (bisection on prefixes)."""
    def count(n: int) -> int:
        return sum(1 for f in findings("\n".join(lines[:n]), grammar)
                   if (f.code, f.value) == key)

    lo, hi = 1, len(lines)
    while lo < hi:
        mid = (lo + hi) // 2
        if count(mid) >= nth:
            hi = mid
        else:
            lo = mid + 1
    return lo - 1
