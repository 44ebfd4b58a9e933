"""A corpus of internal blocks (`!!! intern`, `??? intern`, ...) inside every block container
of Python-Markdown and the pymdownx extensions a site can enable, nested up to three deep.

Each placement is Markdown with one secret sentence inside an internal block and public
sentences around it and inside every container, so a test can check both halves of the
promise: the secret never reaches public output, and the public text around it stays.

Not a test module: imported by test_intern_nesting.py.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from sitekit import read_markdown, read_yaml, write_markdown

Lines = list[str]
SECRET = re.compile(r"GEHEIM\d{3}")
PUBLIC = re.compile(r"OPENBAAR\d{3}[a-z]?")

# The ways an author can write an internal block: admonition or details, any case, with or
# without a title, as the only class or one of several, with or without the space.
FORMS = ('!!! intern', '!!! Intern "Voor collega\'s"', '??? intern', '???+ intern "Notitie"',
         '!!! note intern', '!!!intern', '??? INTERN', '???+ Intern')


def indent(lines: Sequence[str], width: int) -> Lines:
    return [" " * width + line if line.strip() else "" for line in lines]


def on_marker(marker: str, lines: Sequence[str], width: int) -> Lines:
    """`lines` as the content of a container whose first line starts with `marker` (a list
    bullet, a definition, a footnote label): the rest indented by `width`."""
    return [marker + lines[0], *indent(lines[1:], width)]


Wrap = Callable[[Lines, str], Lines]


def _ul_first(inner: Lines, label: str) -> Lines:
    return ["- Openbaar punt " + label + "a.", *on_marker("- ", inner, 4),
            "- Openbaar punt " + label + "b."]


def _ul_first_wide(inner: Lines, label: str) -> Lines:  # the body lined up under the text
    return [*on_marker("* ", inner, 2), "* Openbaar punt " + label + "a."]


def _ul_after(inner: Lines, label: str) -> Lines:
    return ["- Openbaar punt " + label + "a.", "", *indent(inner, 4), "",
            "- Openbaar punt " + label + "b."]


def _ol_first(inner: Lines, label: str) -> Lines:
    return ["1. Openbaar punt " + label + "a.", *on_marker("2. ", inner, 4),
            "3. Openbaar punt " + label + "b."]


def _ol_after(inner: Lines, label: str) -> Lines:
    return ["1. Openbaar punt " + label + "a.", "", *indent(inner, 4)]


def _quote(inner: Lines, label: str) -> Lines:
    lines = ["Openbaar citaat " + label + "a.", "", *inner, "", "Openbaar citaat " + label + "b."]
    return ["> " + line if line.strip() else ">" for line in lines]


def _quote_first(inner: Lines, label: str) -> Lines:
    return ["> " + line if line.strip() else ">" for line in inner]


def _deflist(inner: Lines, label: str) -> Lines:
    return ["Begrip " + label + "a", *on_marker(":   ", inner, 4), "",
            "Begrip " + label + "b", ":   Openbare uitleg " + label + "b."]


def _deflist_after(inner: Lines, label: str) -> Lines:
    return ["Begrip " + label + "a", ":   Openbare uitleg " + label + "a.", "",
            *indent(inner, 4)]


def _footnote(inner: Lines, label: str) -> Lines:
    name = "n" + label.lower()
    return ["Openbare zin met een noot " + label + "a[^" + name + "].", "",
            "[^" + name + "]: Openbare noot " + label + "b.", "", *indent(inner, 4)]


def _footnote_first(inner: Lines, label: str) -> Lines:
    name = "m" + label.lower()
    return ["Openbare zin met een noot " + label + "a[^" + name + "].", "",
            *on_marker("[^" + name + "]: ", inner, 4), "", "    Openbare noot " + label + "b."]


def _admonition(inner: Lines, label: str) -> Lines:
    return ['!!! note "Openbaar kader ' + label + 'a"',
            *indent(["Openbare tekst " + label + "b.", "", *inner], 4)]


def _details(inner: Lines, label: str) -> Lines:
    return ['??? tip "Openbaar uitklapblok ' + label + 'a"',
            *indent([*inner, "", "Openbare tekst " + label + "b."], 4)]


def _details_open(inner: Lines, label: str) -> Lines:
    return ['???+ warning "Openbaar uitklapblok ' + label + 'a"', *indent(inner, 4)]


def _tab(inner: Lines, label: str) -> Lines:
    return ['=== "Openbare tab ' + label + 'a"', "", *indent(["Openbare tekst " + label + "b.", "",
                                                              *inner], 4),
            "", '=== "Tweede tab ' + label + 'c"', "", "    Openbare tekst " + label + "c."]


CONTAINERS: dict[str, Wrap] = {
    "lijst-op-de-regel": _ul_first, "lijst-breed": _ul_first_wide, "lijst": _ul_after,
    "genummerd-op-de-regel": _ol_first, "genummerd": _ol_after,
    "citaat": _quote, "citaat-direct": _quote_first,
    "definitie-op-de-regel": _deflist, "definitie": _deflist_after,
    "voetnoot": _footnote, "voetnoot-op-de-regel": _footnote_first,
    "kader": _admonition, "uitklapblok": _details, "uitklapblok-open": _details_open,
    "tab": _tab,
}
NEEDS_TABBED = frozenset({"tab"})
FOOTNOTES = frozenset({"voetnoot", "voetnoot-op-de-regel"})


def renderable(chain: Sequence[str]) -> bool:
    """Whether Python-Markdown can render the chain on a page with others like it: two
    footnotes defined inside other footnotes on one page make its footnote step fail
    (`OrderedDict mutated during iteration`; the filter refuses that text, DV127)."""
    return sum(name in FOOTNOTES for name in chain) <= 1


def internal(form: str, secret: str, width: int = 4) -> Lines:
    return [form, *indent(["Vertrouwelijke notitie " + secret + " alleen voor het programmateam.",
                           "", "Tweede alinea met " + secret + " voor collega's."], width)]


@dataclass(frozen=True)
class Placement:
    """One internal block in a chain of containers (outermost first)."""

    number: int
    chain: tuple[str, ...]
    form: str
    width: int = 4  # how far the block's text is indented past its marker

    @property
    def secret(self) -> str:
        return f"GEHEIM{self.number:03d}"

    @property
    def public(self) -> str:
        return f"OPENBAAR{self.number:03d}"

    def lines(self) -> Lines:
        inner = internal(self.form, self.secret, self.width)
        for depth, name in reversed(list(enumerate(self.chain))):
            inner = CONTAINERS[name](inner, f"{self.public}{'xyz'[depth]}")
        return ["Openbaar voor " + self.public + ".", "", *inner, "",
                "Openbaar na " + self.public + "."]

    def markdown(self) -> str:
        return "\n".join(self.lines()) + "\n"

    def marker_line(self) -> int:
        """0-based line of the block's marker in `markdown()`."""
        return next(i for i, line in enumerate(self.lines()) if self.form in line)

    def secret_lines(self) -> set[int]:
        return {i for i, line in enumerate(self.lines()) if self.secret in line}


def chains(depth: int, *, tabbed: bool = True) -> Iterator[tuple[str, ...]]:
    names = [n for n in CONTAINERS if tabbed or n not in NEEDS_TABBED]
    return itertools.product(names, repeat=depth)


def corpus(*, tabbed: bool = True, start: int = 1) -> list[Placement]:
    """Every container alone; every pair of containers (two deep); a spread of triples
    (three deep) in which every container occurs at every depth; the forms in turn."""
    names = [n for n in CONTAINERS if tabbed or n not in NEEDS_TABBED]
    chosen: list[tuple[str, ...]] = [(n,) for n in names]
    chosen += [(a, b) for a in names for b in names]
    k = len(names)
    chosen += [(names[i], names[(i * 3 + 1) % k], names[(i * 7 + 2) % k]) for i in range(k)]
    chosen += [(names[(i + 5) % k], names[i], names[(i * 2 + 3) % k]) for i in range(k)]
    chosen += [(names[(i * 5 + 4) % k], names[(i + 9) % k], names[i]) for i in range(k)]
    chosen = [c for c in chosen if renderable(c)]
    return [Placement(start + i, chain, FORMS[i % len(FORMS)])
            for i, chain in enumerate(chosen)]


# --- planting a corpus in a copy of the example project ---------------------------------------

# Markdown fields of the YAML files and their maximum length (build_tools/content/contract.py)
YAML_FIELDS = {"doel": 2500, "menselijke_tussenkomst": 2500, "risicobeheer": 2500,
               "wettelijke_basis": 2500, "technische_werking": 5000, "toelichting": 1000,
               "samenvatting": 1000}


def _literal_dumper() -> type:
    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper


def write_yaml(path: object, data: object) -> None:
    """YAML as an author writes it: multi-line texts as literal blocks (`|`)."""
    from pathlib import Path

    import yaml

    Path(str(path)).write_text(yaml.dump(data, Dumper=_literal_dumper(), allow_unicode=True,
                                         sort_keys=False, width=1000), encoding="utf-8")


def plant(content: object, placements: Sequence[Placement]) -> dict[int, str]:
    """Put every placement into a Markdown field of a content file of the copy at `content`:
    one per YAML field (project `doel` and algorithm fields, milestone `toelichting`, version
    `samenvatting`) as long as they fit, the rest spread over the bodies of visie.md, the
    themes and the public pages. Returns number -> "file field"."""
    root = Path(str(content))
    where: dict[int, str] = {}
    todo = list(placements)

    def take(limit: int) -> Placement | None:
        for i, p in enumerate(todo):
            if len(p.markdown()) <= limit:
                return todo.pop(i)
        return None

    for path in sorted((root / "projecten").glob("*.yml")):
        project = read_yaml(path)
        slots: list[tuple[dict[str, object], str]] = [(project, "doel")]
        if isinstance(project.get("algoritme"), dict):
            slots += [(project["algoritme"], k) for k in
                      ("menselijke_tussenkomst", "risicobeheer", "wettelijke_basis",
                       "technische_werking")]
        for record, key in slots:
            p = take(YAML_FIELDS[key])
            if p is not None:
                record[key] = p.markdown()
                where[p.number] = f"content/projecten/{path.name} {key}"
        write_yaml(path, project)
    road = read_yaml(root / "routekaart.yml")
    for milestone in road["mijlpalen"]:
        p = take(YAML_FIELDS["toelichting"])
        if p is not None:
            milestone["toelichting"] = p.markdown()
            where[p.number] = f"content/routekaart.yml mijlpaal {milestone['id']} toelichting"
    write_yaml(root / "routekaart.yml", road)
    versions = read_yaml(root / "versies.yml")
    for version in versions:
        p = take(YAML_FIELDS["samenvatting"])
        if p is not None:
            version["samenvatting"] = p.markdown()
            where[p.number] = f"content/versies.yml versie {version['versie']} samenvatting"
    write_yaml(root / "versies.yml", versions)
    bodies = [root / "visie.md", *sorted((root / "themas").glob("*.md")),
              *sorted(p for p in (root / "paginas").glob("*.md")
                      if "zichtbaarheid: intern" not in p.read_text(encoding="utf-8"))]
    extra: dict[Path, list[str]] = {b: [] for b in bodies}
    for i, p in enumerate(todo):
        body = bodies[i % len(bodies)]
        extra[body].append(p.markdown())
        where[p.number] = f"content/{body.relative_to(root).as_posix()} body"
    for body, texts in extra.items():
        meta, text = read_markdown(body)
        write_markdown(body, meta, text.rstrip("\n") + "\n\n" + "\n".join(texts))
    return where


# --- an oracle independent of the filter ------------------------------------------------------

def shown(html: str) -> str:
    """The text of rendered HTML without the elements whose class is `intern`: what a tree
    filter would leave. Python-Markdown writes XHTML, so the standard XML parser reads it."""
    doc = ET.fromstring("<div>" + html.replace("&nbsp;", "&#160;") + "</div>")
    for parent in list(doc.iter()):
        for i, child in reversed(list(enumerate(parent))):
            if "intern" in child.get("class", "").lower().split():
                tail = child.tail or ""
                parent.remove(child)
                if i > 0:
                    parent[i - 1].tail = (parent[i - 1].tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
    return " ".join("".join(doc.itertext()).split())


def has_internal_class(html: str) -> bool:
    doc = ET.fromstring("<div>" + html.replace("&nbsp;", "&#160;") + "</div>")
    return any("intern" in el.get("class", "").lower().split() for el in doc.iter())
