"""The forge's own addresses and words (build_tools/content/forge.py), and the edit link MkDocs
puts on every page for each forge."""

from __future__ import annotations

import dataclasses

import pytest

from build_tools.content.forge import UNKNOWN, Forge, forge_of, infer
from build_tools.content.load import load


@pytest.mark.parametrize(("url", "kind"), [
    ("https://github.com/gemeente/datavisie", "github"),
    ("https://gitlab.com/groep/sub/datavisie", "gitlab"),
    ("https://gitlab.gemeente.nl/groep/datavisie", "gitlab"),
    ("https://codeberg.org/gemeente/datavisie", "forgejo"),
    ("https://gitea.com/gemeente/datavisie", "gitea"),
    ("https://forgejo.gemeente.nl/gemeente/datavisie", "forgejo"),
    ("https://git.example.nl/gemeente/datavisie", UNKNOWN),
    ("https://notgithub.com.example.nl/x", UNKNOWN),
    (None, UNKNOWN),
])
def test_well_known_hosts_are_recognised(url: str | None, kind: str) -> None:
    assert infer(url) == kind


@pytest.mark.parametrize(("kind", "edit", "new", "tree", "word"), [
    ("github", "R/edit/hoofd%20tak/content/visie.md", "R/new/hoofd%20tak/content/projecten",
     "R/tree/hoofd%20tak/content", "pull request"),
    ("gitlab", "R/-/edit/hoofd%20tak/content/visie.md", "R/-/new/hoofd%20tak/content/projecten",
     "R/-/tree/hoofd%20tak/content", "merge request"),
    ("gitea", "R/_edit/hoofd%20tak/content/visie.md", "R/_new/hoofd%20tak/content/projecten",
     "R/src/branch/hoofd%20tak/content", "pull request"),
    ("forgejo", "R/_edit/hoofd%20tak/content/visie.md", "R/_new/hoofd%20tak/content/projecten",
     "R/src/branch/hoofd%20tak/content", "pull request"),
    (UNKNOWN, None, None, "R", "pull request"),
])
def test_each_forge_its_own_addresses(kind: str, edit: str | None, new: str | None,
                                      tree: str, word: str) -> None:
    forge = Forge(kind, "R", "hoofd tak")  # a branch name is content: it is quoted
    assert forge.edit("content/visie.md") == edit
    assert forge.new("content/projecten") == new
    assert forge.tree("content") == tree
    assert forge.request == word


@pytest.mark.parametrize(("forge", "template"), [
    ("github", "edit/main/{path}"), ("gitlab", "-/edit/main/{path}"),
    ("gitea", "_edit/main/{path}"), (None, None)])
def test_mkdocs_gets_the_forges_edit_link(forge: str | None, template: str | None) -> None:
    """organisatie.yml names the forge; an unknown host gets no edit link rather than a
    wrong one (the minimal fixture's repository is on git.example.nl). The built pages'
    links are checked in test_site.py (GitLab for Den Helder, Forgejo for Noordkust)."""
    from places import MINIMAL

    org = load(MINIMAL).organisatie
    assert forge_of(org).kind == UNKNOWN  # without `forge:`
    assert forge_of(dataclasses.replace(org, forge=forge)).edit_uri_template() == template
