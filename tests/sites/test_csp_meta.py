"""The Content-Security-Policy ships in every page as `<meta http-equiv>` too, for hosts that
cannot send headers (GitHub Pages, GitLab Pages): one definition (build_tools/views/website/csp.py)
for the header and the meta, the meta first in <head> (it governs only what follows it), and
without the directives a meta element cannot carry. In Chromium:
tests/browser/test_browser_csp.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from places import REPO
from sitekit import Html, make_project

from build_tools.views.website import csp

slow = pytest.mark.slow


def test_one_definition_for_header_and_meta() -> None:
    header = dict(d.split(" ", 1) for d in csp.header().split("; "))
    meta = dict(d.split(" ", 1) for d in csp.meta().split("; "))
    assert header["script-src"] == "'self'" and header["frame-ancestors"] == "'none'"
    assert {k: v for k, v in header.items() if k not in csp.NOT_IN_META} == meta
    assert not set(meta) & csp.NOT_IN_META


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from build_tools.build import site as sitebuild

    project = make_project(tmp_path_factory.mktemp("csp") / "p", posters=False, cards=False)
    out = project.parent / "site"
    assert sitebuild.build(project, out=str(out), strict=False) == 0
    return out


@slow
def test_every_page_carries_the_policy_first_in_its_head(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        doc = Html(text)
        metas = [a for t, a in doc.tags if t == "meta"
                 and a.get("http-equiv", "").lower() == "content-security-policy"]
        assert [m["content"] for m in metas] == [csp.meta()], path
        head = text[text.index("<head>"):text.index("</head>")]
        first = Html(head).tags[1]  # after <head> itself
        assert first[0] == "meta" and first[1].get("http-equiv") == "Content-Security-Policy", \
            path
        assert text.index('<meta charset="utf-8">') < 1024, path  # still in the first 1024


@slow
def test_mkdocs_serve_pages_carry_no_meta_policy() -> None:
    """`mkdocs serve` adds an inline live-reload script: its pages go without the meta."""
    from mkdocs.config import load_config

    from build_tools.mkdocs_plugin import DatavisiePlugin

    repo = REPO
    config = load_config(str(repo / "mkdocs.yml"))
    plugin = config.plugins["datavisie"]
    assert isinstance(plugin, DatavisiePlugin)
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    assert config.extra["datavisie"]["csp"] == ""


def test_the_hosting_docs_show_the_policy_as_defined() -> None:
    docs = (REPO / "docs/content-security-policy.md").read_text(
        encoding="utf-8")
    for policy in (csp.header(), csp.meta(), csp.poster_header()):
        assert policy in docs, policy
