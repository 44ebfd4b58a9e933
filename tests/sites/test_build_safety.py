"""Atomic builds and exit codes: a build writes into a staging folder and replaces the site
only when everything succeeded; whatever fails (content, house style, a poster, a page, a
link, a strict-mode warning) leaves the previous site as it was and says who must act:
1 content (the author), 2 leak (publishing stops), 3 internal error (a maintainer)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from sitekit import REPO, bouw, earlier_output, make_project, mkdocs, read_markdown, write_markdown

from build_tools.errors import EXIT_CONTENT, EXIT_INTERNAL, EXIT_LEAK, EXIT_OK

slow = pytest.mark.slow


def _previous_site(site: Path) -> None:
    earlier_output(site, {"index.html": "vorige site", "oud.txt": "blijft"})


def _untouched(site: Path) -> None:
    assert sorted(p.name for p in site.iterdir()) == ["assets", "index.html", "oud.txt"]
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site"
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.")], \
        "staging folder left behind"


def _append(project: Path, page: str, text: str) -> None:
    path = project / "content" / page
    meta, body = read_markdown(path)
    write_markdown(path, meta, body + "\n" + text + "\n")


def _replace(project: Path, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _replace_all(project: Path, *edits: tuple[str, str, str]) -> None:
    for name, old, new in edits:
        _replace(project, name, old, new)


def _own_template(project: Path, main: str) -> None:
    """A municipality's own template folder (`custom_dir`), over the plugin's templates."""
    folder = project / "theme" / "overrides"
    folder.mkdir(parents=True)
    (folder / "main.html").write_text(main, encoding="utf-8")
    _replace(project, "mkdocs.yml", "  name: material\n",
             "  name: material\n  custom_dir: theme/overrides\n")


# name -> (break the project, expected exit code of `datavisie bouw`, text in the output)
FAILURES: dict[str, tuple[Callable[[Path], None], int, str]] = {
    "content error": (lambda p: _replace(p, "content/routekaart.yml", "status: gereed",
                                         "status: klaar"), EXIT_CONTENT, "DV108"),
    "house-style error": (lambda p: _replace(p, "theme/huisstijl.yml", "kleuren:",
                                             "kleuren:\n  onbekend: \"#ffffff\""),
                          EXIT_CONTENT, "theme/huisstijl.yml"),
    "poster definition error": (lambda p: _replace_all(
        p, ("mkdocs.yml", "      posters: false\n", ""),
        ("posters/visie.yml", "titel:", "titel: Visie\nonzin: 1\n#")), EXIT_CONTENT,
        "posters/visie.yml"),
    "exception in a page template": (lambda p: _own_template(
        p, "{% extends 'base.html' %}{% block extrahead %}"
        "{{ page.meta.bestaat_niet.ook_niet() }}{% endblock %}"), EXIT_INTERNAL, "Traceback"),
    "broken link": (lambda p: _append(p, "paginas/over.md", "[weg](../visie.md#bestaat-niet)"),
                    EXIT_CONTENT, "over/index.html: ../visie/#bestaat-niet"),
    "leak": (lambda p: _append(p, "paginas/over.md", f"Gebouwd in {p}/content."), EXIT_LEAK,
             "verboden tekst"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", posters=False, cards=False)


@slow
@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_build_leaves_the_previous_site_untouched(project: Path, failure: str) -> None:
    change, code, text = FAILURES[failure]
    change(project)
    site = project.parent / "site"
    _previous_site(site)
    result = bouw(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == code, output[-3000:]
    assert text in output, output[-3000:]
    if code != EXIT_INTERNAL:
        assert "Traceback" not in output
    _untouched(site)
    # and the same through plain `mkdocs build -d`: non-zero, nothing replaced
    plain = mkdocs(project, "build", "-d", str(site))
    assert plain.returncode != 0
    _untouched(site)


@slow
def test_a_poster_error_after_the_pages_are_written_keeps_the_site(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Posters are rendered after MkDocs wrote every page; a failure there still publishes
    nothing (content error: 1, a crash in the renderer: 3)."""
    from build_tools.build import site as sitebuild
    from build_tools.errors import ContentError, Issue
    from build_tools.views import posters

    _replace(project, "mkdocs.yml", "      posters: false\n", "")
    site = project.parent / "site"
    _previous_site(site)
    calls = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(kwargs["out_dir"])
        raise ContentError([Issue("posters/visie.yml", 1, 1, "DP011", "fout in sjabloon")])

    monkeypatch.setattr(posters, "render_all", refuse)
    assert sitebuild.build(project, out=str(site), strict=False) == EXIT_CONTENT
    _untouched(site)

    def crash(*args: object, **kwargs: object) -> None:
        calls.append(kwargs["out_dir"])
        raise RuntimeError("cairo stopte")

    monkeypatch.setattr(posters, "render_all", crash)
    assert sitebuild.build(project, out=str(site), strict=False) == EXIT_INTERNAL
    _untouched(site)
    # posters are drawn into the staging folder, never into the published one
    assert len(calls) == 2 and all(".site.bouw-" in str(c) for c in calls)


@slow
def test_a_strict_warning_publishes_nothing(project: Path) -> None:
    """MkDocs aborts a strict build only after post_build, where the swap happens: the
    plugin must not swap when a warning was counted."""
    _append(project, "paginas/over.md", "[ergens](https://[klik]/)")  # a warning, no broken link
    site = project.parent / "site"
    _previous_site(site)
    result = bouw(project, site, "--strict")
    assert result.returncode == EXIT_CONTENT, result.stderr
    assert "strict" in result.stderr.lower()
    _untouched(site)
    plain = mkdocs(project, "build", "--strict", "-d", str(site))
    assert plain.returncode != 0
    _untouched(site)


@slow
def test_mkdocs_build_and_datavisie_bouw_replace_the_site_when_all_is_well(
        project: Path) -> None:
    site = project.parent / "site"
    _previous_site(site)
    result = mkdocs(project, "build", "-d", str(site))
    assert result.returncode == 0, result.stderr
    assert (site / "visie/index.html").is_file() and not (site / "oud.txt").exists()
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.")]
    assert oct(site.stat().st_mode & 0o777) == "0o755"
    (site / "oud.txt").write_text("weg", encoding="utf-8")
    result = bouw(project, site)
    assert result.returncode == EXIT_OK, result.stderr
    assert (site / "visie/index.html").is_file() and not (site / "oud.txt").exists()
    # the default output folder of mkdocs.yml, relative to the project
    result = mkdocs(project, "build")
    assert result.returncode == 0 and (project / "site/visie/index.html").is_file()


@slow
def test_the_internal_site_never_goes_into_the_public_folder(project: Path) -> None:
    import subprocess

    from sitekit import BIN

    result = subprocess.run([str(BIN / "datavisie"), "--root", str(project), "bouw",
                             "--doelgroep", "intern", "--niet-strikt"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == EXIT_OK, result.stderr
    assert (project / "site-intern/visie/index.html").is_file()
    assert not (project / "site").exists()
    refused = subprocess.run([str(BIN / "datavisie"), "--root", str(project), "bouw",
                              "--doelgroep", "intern", "--uit", str(project / "site")],
                             capture_output=True, text=True, timeout=600)
    assert refused.returncode == EXIT_CONTENT and "--uit" in refused.stderr
    assert not (project / "site").exists()
    # plain MkDocs with the audience from the environment: the same guard, in the plugin
    intern = {"DATAVISIE_DOELGROEP": "intern"}
    refused = mkdocs(project, "build", env=intern)
    assert refused.returncode != 0 and "site-intern" in refused.stderr, refused.stderr
    assert not (project / "site").exists()
    elsewhere = mkdocs(project, "build", "-d", "intern-uit", env=intern)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (project / "intern-uit/visie/index.html").is_file()


def test_make_site_uses_the_checked_build() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe and "$(BIN)/datavisie bouw" in recipe.group(1)


@pytest.mark.parametrize("failure,code", [
    (None, EXIT_OK), ("content", EXIT_CONTENT), ("leak", EXIT_LEAK), ("links", EXIT_CONTENT),
    ("abort", EXIT_CONTENT), ("config", EXIT_CONTENT), ("bug", EXIT_INTERNAL),
    ("plugin", EXIT_CONTENT)])
def test_exit_codes_say_who_must_act(failure: str | None, code: int) -> None:
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from build_tools.build.site import exit_code
    from build_tools.mkdocs_plugin import BrokenLinks, ContentProblem, LeakFound

    errors = {None: None, "content": ContentProblem("x"), "leak": LeakFound(["a: b"]),
              "links": BrokenLinks(["a: b"]), "abort": Abort("strict"),
              "config": ConfigurationError("x"), "bug": KeyError("x"),
              "plugin": PluginError("x")}
    assert exit_code(errors[failure]) == code


def test_serve_builds_without_staging(tmp_path: Path) -> None:
    from build_tools.build import release

    config = SimpleNamespace(site_dir=str(tmp_path / "serve"))
    staged = release.stage(config, serving=True, dirty=True)  # type: ignore[arg-type]
    assert config.site_dir == str(tmp_path / "serve") and staged.folder is None


def test_dirty_build_starts_from_the_last_site(tmp_path: Path) -> None:
    from build_tools.build import release, sitebuild
    from build_tools.mkdocs_plugin import DatavisiePlugin
    from build_tools.project import Project

    site = tmp_path / "site"
    _previous_site(site)
    plugin = DatavisiePlugin()
    plugin.on_startup(command="build", dirty=True)
    config = SimpleNamespace(site_dir=str(site))
    plugin.run = sitebuild.SiteRun(Project(tmp_path), serving=False)
    plugin.run.staged = release.stage(config, serving=False, dirty=True)  # type: ignore[arg-type]
    staging = Path(config.site_dir)
    assert plugin.staging == staging
    assert staging != site and (staging / "oud.txt").read_text(encoding="utf-8") == "blijft"
    plugin.on_build_error(error=RuntimeError("x"))
    assert not staging.exists()
    _untouched(site)
