"""A version's text comes from a tag or a full commit on the main branch, in a real git
repository (build_tools/history/refs.py): never a branch, `HEAD@{1}`, `main~1`, an abbreviated id
or anything git could read as an option. The refusal is a content error at the `tag:` line."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from gitkit import Git
from hypothesis import given
from hypothesis import strategies as st
from places import MINIMAL
from sitekit import BIN, bouw, make_project

from build_tools.history.refs import FULL_ID, ref_problem

git = Git(when="2025-06-01T12:00:00Z")
TAG_LINE = 8  # of `tag:` in the versies.yml written below
HANG_LIMIT = 120


VERSIONS = """\
- versie: "1.0"
  datum: 2023-10-26
  status: vastgesteld-raad
  besluit:
    orgaan: gemeenteraad
    kenmerk: RB-2023-1
  samenvatting: De raad stelde de visie vast.
  tag: {tag}
- versie: "1.1"
  datum: 2024-06-01
  status: concept
  samenvatting: Concept voor een herziening.
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal content in a repository on `main`: the adopted text, tagged `visie-1.0`,
    a later commit on main, and a commit on a side branch that was never merged."""
    root = make_project(tmp_path_factory.mktemp("refs") / "project", posters=False,
                        cards=False)
    shutil.rmtree(root / "content")
    shutil.copytree(MINIMAL / "content", root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Tekst van versie 1.0")
    git(root, "tag", "-a", "visie-1.0", "-m", "Versie 1.0")
    git(root, "checkout", "-q", "-b", "zijtak")
    with (root / "content" / "visie.md").open("a", encoding="utf-8") as fh:
        fh.write("\nEen zin die nooit werd vastgesteld.\n")
    git(root, "commit", "-q", "-am", "Niet vastgesteld")
    git(root, "checkout", "-q", "main")
    with (root / "content" / "visie.md").open("a", encoding="utf-8") as fh:
        fh.write("\nDe werktekst gaat verder.\n")
    git(root, "commit", "-q", "-am", "Werktekst")
    return root


def _with_tag(repo: Path, tmp_path: Path, tag: str) -> Path:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-local", str(repo), str(clone)], check=True,
                   env=git.env())
    git(clone, "fetch", "-q", "origin", "zijtak:zijtak")
    (clone / "content" / "versies.yml").write_text(VERSIONS.format(tag=tag), encoding="utf-8")
    return clone


def _run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "datavisie"), "--root", str(project), *args],
                          capture_output=True, text=True, timeout=HANG_LIMIT, cwd=project,
                          env=git.env())


def _commit(repo: Path, rev: str) -> str:
    return git(repo, "rev-parse", rev)


# what may not name the text, and the check that says so (DV221: the text alone; DV222: git)
REFUSED = [
    ("refs/heads/zijtak", "DV221"), ("refs/tags/visie-1.0", "DV221"), ("'HEAD@{1}'", "DV221"),
    ("main~1", "DV221"), ("main^", "DV221"), ("'main:content/visie.md'", "DV221"),
    ("HEAD", "DV221"), ("'--output=/tmp/geschreven'", "DV221"), ("-x", "DV221"),
    ("'visie 1.0'", "DV221"), ("visie-1.0.lock", "DV221"), ("../visie-1.0", "DV221"),
    ("main", "DV222"), ("zijtak", "DV222"),
]


@pytest.mark.parametrize("tag,code", REFUSED, ids=[r[0] for r in REFUSED])
def test_a_tag_that_is_no_tag_is_refused_at_its_line(repo: Path, tmp_path: Path, tag: str,
                                                     code: str) -> None:
    project = _with_tag(repo, tmp_path, tag)
    # `versies` reads the history (as every build does); `check` the text alone
    result = _run(project, "versies")
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert f"content/versies.yml:{TAG_LINE}:8: {code}" in output, output
    if code == "DV221":
        assert f"content/versies.yml:{TAG_LINE}:8: DV221" in _run(project, "check").stdout
    assert not Path("/tmp/geschreven").exists()


def test_an_abbreviated_commit_id_is_refused(repo: Path, tmp_path: Path) -> None:
    full = _commit(repo, "visie-1.0^{commit}")
    for short in (full[:7], full[:12], full[:39]):
        project = _with_tag(repo, tmp_path / short, short)
        result = _run(project, "versies")
        output = result.stdout + result.stderr
        # with a letter it looks abbreviated (DV221); all digits, git finds no tag (DV222)
        assert f"content/versies.yml:{TAG_LINE}:8: DV22" in output, output


def test_a_full_commit_off_the_main_branch_is_refused(repo: Path, tmp_path: Path) -> None:
    side = _commit(repo, "zijtak")
    project = _with_tag(repo, tmp_path, side)
    result = _run(project, "versies")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"content/versies.yml:{TAG_LINE}:8: DV222" in output and "hoofdtak main" in output


@pytest.mark.parametrize("which", ["tag", "commit", "commit, detached without main"])
def test_a_tag_or_a_full_commit_on_main_names_the_text(repo: Path, tmp_path: Path,
                                                       which: str) -> None:
    adopted = _commit(repo, "visie-1.0^{commit}")
    tag = "visie-1.0" if which == "tag" else adopted
    project = _with_tag(repo, tmp_path, tag)
    if which == "commit, detached without main":  # as CI checks out a pull request
        git(project, "checkout", "-q", "--detach", "HEAD")
        git(project, "branch", "-q", "-D", "main")
    result = _run(project, "versies")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1.0" in result.stdout and "tekst in git" in result.stdout


def test_a_missing_tag_is_a_note_not_an_error(repo: Path, tmp_path: Path) -> None:
    # a clone without tags (fetched later) still builds, as a concept: no content error
    project = _with_tag(repo, tmp_path, "visie-9.9")
    result = _run(project, "versies")
    assert result.returncode == 0 and "tekst niet gevonden" in result.stdout, result.stderr


@pytest.mark.slow
def test_the_build_refuses_a_branch_and_builds_a_full_commit(repo: Path,
                                                             tmp_path: Path) -> None:
    branch = bouw(_with_tag(repo, tmp_path / "tak", "zijtak"), tmp_path / "site-tak",
                  env=git.variables, timeout=HANG_LIMIT * 3)
    assert branch.returncode == 1 and "Traceback" not in branch.stderr, branch.stderr
    assert f"content/versies.yml:{TAG_LINE}:8: DV222" in branch.stdout + branch.stderr
    adopted = _commit(repo, "visie-1.0^{commit}")
    commit = bouw(_with_tag(repo, tmp_path / "commit", adopted), tmp_path / "site",
                  env=git.variables, timeout=HANG_LIMIT * 3)
    assert commit.returncode == 0, commit.stderr[-3000:]
    assert (tmp_path / "site" / "1.0" / "index.html").is_file()


# --- the rule on the text, for any text -------------------------------------------------------

@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_no_accepted_name_can_be_read_by_git_as_anything_but_a_name(ref: str) -> None:
    if ref_problem(ref) is not None:
        return
    assert FULL_ID.fullmatch(ref) or (
        not ref.startswith(("-", "refs/", "/")) and not ref.endswith(("/", ".", ".lock"))
        and not any(s in ref for s in ("..", "@{", "~", "^", ":", " ", "\\", "//", "*", "?", "["))
        and ref != "HEAD" and ref.isascii() and ref.isprintable())
