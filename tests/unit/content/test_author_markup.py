"""Authors cannot reach the theme's machinery: an id starting with `__` (Material finds its
configuration, drawer, search and palette by such ids), a class of the theme, an attribute
Markdown does not make, or an image from another host is a content error at its file and
line (DV130-DV133, build_tools/content/markup_tree.py), found on the tree Python-Markdown builds, so
no nesting hides it; the sanitiser drops the same from the published HTML as a second line."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from places import REPO
from sitekit import Html, bouw, make_project, read_markdown, write_markdown

from build_tools.content import markup_tree
from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar, renderer
from build_tools.content.load import load
from build_tools.errors import ContentError, Pos
from build_tools.views.website.markdown_ext import ContentExtension
from build_tools.views.website.sanitize import sanitize_html

slow = pytest.mark.slow

# (lines added to a page, index of the line the issue must name, code)
ATTACKS = {
    "config-id": (["Een alinea.", "{: #__config }"], 1, "DV130"),
    "config-id-key": (["Een alinea.", '{: id="__config" }'], 1, "DV130"),
    "search-heading": (["## \\_\\_search"], 0, "DV130"),
    "fullwidth-heading": (["## \uff3f\uff3fdrawer"], 0, "DV130"),
    "palette-id": (["[link](#x){: #__palette_0 }"], 0, "DV130"),
    "scheme-relative": (["![a](//evil.example/p.png)"], 0, "DV133"),
    "other-host": (["![a](https://other.host/x.png)"], 0, "DV133"),
    "backslash-host": (["![a](/\\evil.example/x.png)"], 0, "DV133"),
    "data-image": (["![a](data:image/png;base64,iVBORw0KGgo=)"], 0, "DV133"),
    "attr-src": (['![a](plaatje.png){: src="https://evil.example/y.png" }'], 0, "DV133"),
    "reference": (["Tekst ![a][r].", "", "[r]: //evil.example/q.png"], 2, "DV133"),  # the address
    "onclick": (["Een alinea.", '{: onclick="alert(1)" }'], 1, "DV132"),
    "style": (["Een alinea.", '{: style="position:fixed" }'], 1, "DV132"),
    "data-md": (["Een alinea.", '{: data-md-component="dialog" }'], 1, "DV132"),
    "src-on-paragraph": (["Een alinea.", '{: src="//evil.example/x" }'], 1, "DV132"),
    "md-class": (["Een alinea.", "{: .md-dialog }"], 1, "DV131"),
    "our-class": (["Een alinea.", "{: .dv-filterbaar }"], 1, "DV131"),
    "intern-class": (["Een alinea.", "{: .intern }"], 1, "DV131"),
    "admonition-type": (['!!! md-banner "Let op"', "    Tekst."], 0, "DV131"),
    "details-type": (["??? note mermaid", "    Tekst."], 0, "DV131"),
    "nested": (["- een lijst", "    > een citaat", "    >", "    > !!! note",
                "    >     ![a](//evil.example/p.png)"], 4, "DV133"),
}

ALLOWED = [
    "Tekst met een ![plaatje](plaatje.png) van de site en een ![ander](/assets/x.png).",
    "Een alinea.\n{: #eigen-anker title=\"Uitleg\" }",
    "[Doe mee](https://example.nl){: .md-button .md-button--primary }",
    "!!! tip \"Tip\"\n    Tekst.\n\n??? intern\n    Notitie.\n\n!!! voorbeeld\n    Tekst.",
    "Tekst[^1].\n\n[^1]: Een voetnoot.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |",
    "## € en _meer_\n\n## Gewone kop\n\n```python\nx = '#__config'\n```\n\n`{: #__config }`",
    "Term\n:   Uitleg met een ![plaatje](a/b.png){: width=\"40\" alt=\"x\" }",
]


def _issues(text: str) -> list[str]:
    return [i.format() for i in markup_tree.tree_issues(text, "de tekst",
                                                        lambda n: Pos("t.md", n + 1, 1))]


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_author_markup_that_reaches_the_theme_is_refused_at_its_line(name: str) -> None:
    lines, at, code = ATTACKS[name]
    text = "\n".join(["Inleiding.", "", *lines, "", "Slot."])
    found = _issues(text)
    assert found and all(f" {code} " in f for f in found), found
    assert found[0].startswith(f"t.md:{at + 3}:1: {code} "), found


@pytest.mark.parametrize("text", ALLOWED)
def test_ordinary_markdown_passes(text: str) -> None:
    assert _issues(text) == []


def test_the_attack_from_the_report_is_a_content_error_in_the_page_file(
        valid_content: Callable[..., Path]) -> None:
    root = valid_content()
    page = root / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + "\nNog een alinea.\n{: #__config }\n\n"
                   "![a](//evil.example/p.png)\n")
    lines = page.read_text(encoding="utf-8").split("\n")
    with pytest.raises(ContentError) as exc:
        load(root)
    found = [i.format() for i in sorted(exc.value.issues, key=lambda i: i.line)]
    assert found[0].startswith(f"content/paginas/over.md:{lines.index('{: #__config }') + 1}:1:"
                               " DV130 "), found
    assert found[1].startswith(
        f"content/paginas/over.md:{lines.index('![a](//evil.example/p.png)') + 1}:1: DV133 ")


def test_a_markdown_field_in_yaml_is_checked_at_its_field(
        valid_content: Callable[..., Path]) -> None:
    root = valid_content()
    target = root / "content/projecten/meldingen.yml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("  Sneller zien waar onderhoud nodig is.\n",
                                   "  Sneller zien.\n  ![x](https://tracker.example/p.gif)\n"),
                      encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load(root)
    [issue] = exc.value.issues
    assert issue.code == "DV133" and issue.path == "content/projecten/meldingen.yml"
    assert "`doel`" in issue.message


def test_the_sanitiser_drops_the_same_as_a_second_line() -> None:
    html = ('<p id="__config" class="md-dialog">x</p><h2 id="__search">k</h2>'
            '<div class="admonition note md-banner"><p class="admonition-title">t</p></div>'
            '<p><a class="headerlink md-button" href="#k">¶</a>'
            '<img alt="a" src="//e.example/p.png">'
            '<img alt="b" src="/\\e.example/p.png"><img alt="c" src="https://e.example/p.png">'
            '<img alt="d" src="plaatje.png"><span class="dv-status">s</span></p>')
    doc = Html(sanitize_html(html))
    attrs = [a for _, a in doc.tags]
    assert not [a for a in attrs if a.get("id", "").startswith("__")]
    classes = {c for a in attrs for c in a.get("class", "").split()}
    assert classes == {"admonition", "note", "admonition-title", "headerlink", "md-button"}
    assert [a.get("src") for t, a in doc.tags if t == "img"] == [None, None, None, "plaatje.png"]


@slow
def test_the_build_refuses_and_publishes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", posters=False, cards=False)
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body + "\nTekst.\n{: #__config }\n\n![a](//evil.example/p.png)\n")
    result = bouw(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "content/paginas/over.md:" in result.stderr
    assert "DV130" in result.stderr and "DV133" in result.stderr
    assert not (tmp_path / "site").exists()


TABBED = 'Tekst.\n\n=== "Kaart"\n\n    ![kaart](https://evil.example/kaart.png)\n'


def test_the_check_reads_with_the_sites_own_grammar() -> None:
    """The check parses with the extensions of the site's mkdocs.yml (grammar.py), as the
    renderer does: an image in a tab is an image on a site with pymdownx.tabbed, and code
    on a site without it. No second list of extensions can fall behind mkdocs.yml."""
    tabbed = Grammar.from_config(["attr_list", "pymdownx.tabbed"])
    # the tab's own ids, classes and form attributes are the extension's, not the author's
    assert [(f.code, f.value) for f in markup_tree.findings(TABBED, tabbed)] == [
        ("DV133", "https://evil.example/kaart.png")]
    assert markup_tree.findings(TABBED, DEFAULT_GRAMMAR) == []
    located = markup_tree.tree_issues(TABBED, "de tekst", lambda n: Pos("t.md", n + 1, 1),
                                      tabbed)
    assert [i.format()[:len("t.md:5:1: DV133")] for i in located] == ["t.md:5:1: DV133"]
    # what the author sets inside a tab is the author's
    marked = TABBED + '\n    Tekst.\n    {: #__config .md-nav onclick="x" }\n'
    assert sorted(f.code for f in markup_tree.findings(marked, tabbed)) == [
        "DV130", "DV131", "DV132", "DV133"]
    # the renderer of each grammar agrees: an <img> with the tab, none without
    assert "<img" in renderer(tabbed).reset().convert(TABBED)
    assert "<img" not in renderer(DEFAULT_GRAMMAR).reset().convert(TABBED)


@slow
def test_a_project_grammar_reaches_the_check(tmp_path: Path) -> None:
    """A municipality that adds an extension to its mkdocs.yml gets its texts checked with
    it: the image from another host inside a tab is refused at its line."""
    project = make_project(tmp_path / "p", posters=False, cards=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "markdown_extensions:\n" in text
    config.write_text(text.replace("markdown_extensions:\n",
                                   "markdown_extensions:\n  - pymdownx.tabbed\n", 1),
                      encoding="utf-8")
    page = project / "content/paginas/over.md"
    meta, body = read_markdown(page)
    write_markdown(page, meta, body.rstrip("\n") + "\n\n" + TABBED)
    with pytest.raises(ContentError) as caught:
        load(project)
    assert [(i.path, i.code) for i in caught.value.issues] == [
        ("content/paginas/over.md", "DV133")]


# --- generated: the attacks in nested containers, against the site's own renderer -----------

def _site_markdown() -> markdown.Markdown:
    """Content Markdown as the site renders it: mkdocs.yml's extensions, MkDocs' own, ours."""
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"))
    return markdown.Markdown(extensions=[*config.markdown_extensions, ContentExtension()],
                             extension_configs=config.mdx_configs)


SITE = _site_markdown()


def _list(lines: list[str]) -> list[str]:
    return ["- " + lines[0], *("    " + ln if ln else "" for ln in lines[1:])]


def _ordered(lines: list[str]) -> list[str]:
    return ["1. " + lines[0], *("    " + ln if ln else "" for ln in lines[1:])]


def _quote(lines: list[str]) -> list[str]:
    return ["> " + ln if ln else ">" for ln in lines]


def _admonition(lines: list[str]) -> list[str]:
    return ['!!! note "Blok"', *("    " + ln if ln else "" for ln in lines)]


def _details(lines: list[str]) -> list[str]:
    return ["??? intern", *("    " + ln if ln else "" for ln in lines)]


def _definition(lines: list[str]) -> list[str]:
    return ["Term", ":   " + lines[0], *("    " + ln if ln else "" for ln in lines[1:])]


def _footnote(lines: list[str]) -> list[str]:
    return ["Tekst[^n].", "", "[^n]: " + lines[0], *("    " + ln if ln else "" for ln in lines[1:])]


CONTAINERS = {"lijst": _list, "genummerd": _ordered, "citaat": _quote, "blok": _admonition,
              "uitklap": _details, "definitie": _definition, "voetnoot": _footnote}
# name -> (lines, index of the key line, code, a string the rendered attack carries)
PLACEMENTS = {name: ATTACKS[name] for name in (
    "config-id", "search-heading", "scheme-relative", "other-host", "backslash-host",
    "attr-src", "onclick", "md-class", "admonition-type", "data-md")}


def _made(html: str, code: str) -> bool:
    """Whether the rendered HTML carries the attack (in a tag, not as text in a code block)."""
    for tag, attrs in Html(html).tags:
        if code == "DV130" and attrs.get("id", "").startswith("__"):
            return True
        if code == "DV133" and tag == "img" and attrs.get("src", "").startswith(
                ("//", "https:", "/\\", "data:")):
            return True
        if code == "DV132" and {"onclick", "data-md-component"} & set(attrs):
            return True
        if code == "DV131" and {"md-dialog", "md-banner"} & set(attrs.get("class", "").split()):
            return True
    return False


@st.composite
def placements(draw: st.DrawFn) -> tuple[str, int, str]:
    name = draw(st.sampled_from(sorted(PLACEMENTS)))
    lines, key, code = PLACEMENTS[name]
    lines = list(lines)
    for container in draw(st.lists(st.sampled_from(sorted(CONTAINERS)), max_size=3)):
        wrapped = CONTAINERS[container](lines)
        key += len(wrapped) - len(lines)  # lines the container put in front
        lines = wrapped
    before = draw(st.sampled_from([[], ["Inleiding."], ["Inleiding.", ""], ["# Kop", ""]]))
    text = "\n".join([*before, *lines, "", "Slot."])
    return text, key + len(before), code


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(placement=placements())
def test_nested_attacks_are_refused_wherever_the_renderer_would_make_them(
        placement: tuple[str, int, str]) -> None:
    """Every attack in up to three nested containers: when the site's own renderer would
    make it, the check refuses it at the attack's line; the sanitiser never lets it out."""
    text, key, code = placement
    SITE.reset()
    html = SITE.convert(text)
    found = _issues(text)
    if _made(html, code):
        assert f"t.md:{key + 1}:1: {code} " in "\n".join(found), (text, found)
    assert not _made(sanitize_html(html), code), text
    assert all(re.search(r" DV13[0-3] ", f) for f in found)
