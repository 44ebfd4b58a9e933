"""The staff guide: pure pages under meedoen/, a field reference and error list generated from
the schemas and the code registry, and nothing internal from the model."""

from __future__ import annotations

import dataclasses
import re
from xml.etree import ElementTree

import markdown
import pytest

from build_tools.content.contract import FILE_SCHEMAS
from build_tools.content.model import Datavisie
from build_tools.content.types import ListOf, Record
from build_tools.staff.guide import GuidePage, forge_of, guide_pages


@pytest.fixture(scope="module")
def pages(model: Datavisie) -> dict[str, GuidePage]:
    return {p.path: p for p in guide_pages(model)}


def keys(record: Record, prefix: str = "") -> list[str]:
    out = []
    for key, spec in record.fields.items():
        out.append(prefix + key)
        if isinstance(spec.type, Record):
            out += keys(spec.type, prefix + key + ".")
        elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Record):
            out += keys(spec.type.item, prefix + key + "[].")
    return out


def test_pages_and_order(pages: dict[str, GuidePage]) -> None:
    assert list(pages) == ["meedoen/index.md", "meedoen/project-toevoegen.md",
                           "meedoen/velden.md", "meedoen/foutmeldingen.md",
                           "meedoen/beoordelen.md"]
    for page in pages.values():
        assert page.markdown.startswith(f"# {page.title}\n")
        for link in re.findall(r"\]\(([a-z-]+\.md)\)", page.markdown):
            assert f"meedoen/{link}" in pages, link


def test_same_model_same_pages(model: Datavisie) -> None:
    assert guide_pages(model) == guide_pages(model)


def test_field_reference_lists_every_field(pages: dict[str, GuidePage]) -> None:
    text = pages["meedoen/velden.md"].markdown
    for schema in FILE_SCHEMAS.values():
        record = schema.item if isinstance(schema, ListOf) else schema
        assert isinstance(record, Record)
        for key in keys(record):
            assert f"| `{key}` |" in text, key
    assert "| `status` | Stand van het project. | een van: `verkenning`" in text


def test_error_list_comes_from_the_registry(pages: dict[str, GuidePage]) -> None:
    codes = pytest.importorskip("build_tools.codes")
    text = pages["meedoen/foutmeldingen.md"].markdown
    for code, entry in codes.CODES.items():
        was = f" (was {entry.was})" if entry.was else ""
        assert f"| {code}{was} | {entry.title} |" in text.replace("\\|", "|")


def test_error_page_explains_warnings_apart(pages: dict[str, GuidePage]) -> None:
    text = pages["meedoen/foutmeldingen.md"].markdown
    assert "W001 waarschuwing:" in text and "--strict" in text
    assert "## Waarschuwing: aangeraden (W0xx)" in text
    assert "| W001 (was DV219) |" in text


def test_tables_render(pages: dict[str, GuidePage]) -> None:
    for page in pages.values():
        html = markdown.markdown(page.markdown,
                                 extensions=["tables", "sane_lists", "admonition", "toc"])
        root = ElementTree.fromstring(f"<div>{html.replace('&nbsp;', ' ')}</div>")
        for table in root.iter("table"):
            widths = {len(row) for row in table.iter("tr")}
            assert len(widths) == 1, page.path


def test_nothing_internal_and_content_escaped(model: Datavisie) -> None:
    pages = guide_pages(model)
    text = "\n".join(p.markdown for p in pages)
    assert "geheim" not in text  # the internal theme of the fixture
    org = dataclasses.replace(model.organisatie, naam="Gemeente <b>*X*</b>")
    index = guide_pages(dataclasses.replace(model, organisatie=org))[0].markdown
    assert "&lt;b&gt;\\*X\\*&lt;/b&gt;" in index


@pytest.mark.parametrize(("url", "forge", "kind", "edit"), [
    ("https://github.com/gemeente/datavisie", None, "github",
     "https://github.com/gemeente/datavisie/edit/main/content/visie.md"),
    ("https://gitlab.com/gemeente/datavisie", None, "gitlab",
     "https://gitlab.com/gemeente/datavisie/-/edit/main/content/visie.md"),
    ("https://gitlab.com/groep/sub/datavisie", None, "gitlab",
     "https://gitlab.com/groep/sub/datavisie/-/edit/main/content/visie.md"),
    ("https://codeberg.org/gemeente/datavisie", None, "forgejo",
     "https://codeberg.org/gemeente/datavisie/_edit/main/content/visie.md"),
    ("https://git.example.nl/gemeente/datavisie", "gitlab", "gitlab",
     "https://git.example.nl/gemeente/datavisie/-/edit/main/content/visie.md"),
    ("https://git.example.nl/gemeente/datavisie", "gitea", "gitea",
     "https://git.example.nl/gemeente/datavisie/_edit/main/content/visie.md"),
    ("https://git.example.nl/gemeente/datavisie", None, "onbekend", None),
])
def test_forge_links(model: Datavisie, url: str, forge: str | None, kind: str,
                     edit: str | None) -> None:
    org = dataclasses.replace(model.organisatie, repo_url=url, repo_branch="main", forge=forge)
    changed = dataclasses.replace(model, organisatie=org)
    found = forge_of(changed)
    assert found.kind == kind and found.edit("content/visie.md") == edit
    index = guide_pages(changed)[0].markdown
    assert (edit in index) if edit else (url in index)


@pytest.mark.parametrize(("kind", "request_word", "button"), [
    ("github", "pull request", "Create pull request"),
    ("gitlab", "merge request", "Create merge request"),
    ("gitea", "pull request", "Wijzigingen doorvoeren"),
    ("forgejo", "pull request", "Wijzigingen doorvoeren"),
])
def test_guide_speaks_the_forges_words(model: Datavisie, kind: str, request_word: str,
                                       button: str) -> None:
    org = dataclasses.replace(model.organisatie, repo_url="https://git.example.nl/g/d",
                              forge=kind)
    pages = guide_pages(dataclasses.replace(model, organisatie=org))
    text = "\n".join(p.markdown for p in pages)
    other = "merge request" if request_word == "pull request" else "pull request"
    assert request_word in text and other not in text
    assert button in pages[0].markdown
    # errors are found in the summary, also those in files the change did not touch
    for page in (pages[0], pages[3]):
        assert "Wat deze wijziging doet" in page.markdown
        assert "niet aanraakte" in page.markdown
    assert ("Files changed" in text) == (kind == "github")  # only GitHub has that tab
    assert "oude_adressen: [projecten/afval/, over-ons.html]" in pages[0].markdown
    assert "Interne onderdelen" in pages[4].markdown
