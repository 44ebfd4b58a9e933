"""The output folder is never the project: `datavisie bouw --uit X`, `datavisie markdown --uit X`
and `site_dir` in mkdocs.yml refuse the project itself, any folder above it, its own folders
and a non-empty folder that is not an earlier output of ours, with a Dutch message, exit 1
and nothing written. Staging and font folders a killed build left are removed by the next
build (never a running build's); what is published is readable by all whatever the umask."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitekit import BIN, REPO, bouw, earlier_output, make_project, mkdocs

from build_tools.build import publish
from build_tools.build.outputdir import is_earlier_output, refusal
from build_tools.cli.main import main
from build_tools.errors import EXIT_CONTENT, EXIT_OK

slow = pytest.mark.slow


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every entry under `root` with its size and modification time (what a write changes)."""
    out = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        out[path.relative_to(root).as_posix()] = (info.st_size, info.st_mtime_ns)
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", posters=False, cards=False)
    (project / "build_tools").mkdir()
    (project / "build_tools/__init__.py").write_text("", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    return project


REFUSED = {  # --uit as typed in the project folder -> words of the message
    ".": "projectmap",
    "..": "projectmap",
    "content": "ligt in content/",
    "content/site": "ligt in content/",
    "theme": "ligt in theme/",
    "theme/overrides/site": "ligt in theme/",
    "posters": "ligt in posters/",
    "build_tools": "ligt in build_tools/",
    ".git": "ligt in .git/",
    ".git/site": "ligt in .git/",
    "vreemd": "niet leeg",
    "mkdocs.yml": "bestand",
}


@pytest.mark.parametrize("command", ["bouw", "markdown"])
@pytest.mark.parametrize("target", sorted(REFUSED))
def test_an_output_folder_that_is_the_project_or_not_ours_is_refused(
        project: Path, target: str, command: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (project / "vreemd").mkdir()
    (project / "vreemd/notities.txt").write_text("van iemand anders", encoding="utf-8")
    before = _tree(project.parent)
    monkeypatch.chdir(project)
    code = main(["--root", str(project), command, "--uit", target])
    err = capsys.readouterr().err
    assert code == EXIT_CONTENT
    assert f"--uit {target} " in err and REFUSED[target] in err and "Er is niets geschreven" in err
    assert "Traceback" not in err
    assert _tree(project.parent) == before


@slow
@pytest.mark.parametrize("command", [["bouw", "--niet-strikt"], ["markdown"]])
@pytest.mark.parametrize("target", [".", ".."])
def test_uit_dot_on_a_clone_of_this_repository_leaves_the_checkout_and_git(
        tmp_path: Path, command: list[str], target: str) -> None:
    clone = tmp_path / "kloon"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout
    before = _tree(tmp_path)
    result = subprocess.run([str(BIN / "datavisie"), *command[:1], "--uit", target,
                             *command[1:]], cwd=clone, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PATH": f"{BIN}:/usr/bin:/bin"})
    assert result.returncode == EXIT_CONTENT, result.stderr
    assert "projectmap" in result.stderr and "Traceback" not in result.stderr
    assert _tree(tmp_path) == before
    status = subprocess.run(["git", "-C", str(clone), "status", "--porcelain"],
                            capture_output=True, text=True, check=True)
    assert status.stdout == ""
    assert subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout == head


@slow
@pytest.mark.parametrize("site_dir,words", [(".", "projectmap"), ("content", "content/"),
                                            ("theme", "theme/"), (".git", ".git/")])
def test_site_dir_in_mkdocs_yml_is_refused_the_same_way(project: Path, site_dir: str,
                                                        words: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_dir: site", f"site_dir: {site_dir}"), encoding="utf-8")
    before = _tree(project.parent)
    result = subprocess.run([str(BIN / "datavisie"), "--root", str(project), "bouw",
                             "--niet-strikt"], capture_output=True, text=True, timeout=300,
                            cwd=project)
    assert result.returncode == EXIT_CONTENT, result.stderr
    assert f"site_dir in mkdocs.yml ({site_dir})" in result.stderr and words in result.stderr
    assert _tree(project.parent) == before
    # plain MkDocs: refused as well (MkDocs itself refuses `.` and `content`, in English)
    plain = mkdocs(project, "build")
    assert plain.returncode != 0 and "Traceback" not in plain.stderr
    if site_dir not in (".", "content"):
        assert "De uitvoermap" in plain.stderr and words in plain.stderr
    assert _tree(project.parent) == before


def test_new_empty_and_earlier_output_folders_are_allowed(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    assert refusal(root / "site", root) is None  # new
    (root / "leeg").mkdir()
    assert refusal(root / "leeg", root) is None
    earlier_output(tmp_path / "oud", {"index.html": ""})
    assert is_earlier_output(tmp_path / "oud") and refusal(tmp_path / "oud", root) is None
    for name in ("mkdocs.yml", "docs/index.md", "docs/assets/javascripts/datavisie.js"):
        (tmp_path / "md" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "md" / name).write_text("", encoding="utf-8")
    assert is_earlier_output(tmp_path / "md")
    # one file of ours is not yet an output: a folder someone copied our script into
    (tmp_path / "bijna/assets/javascripts").mkdir(parents=True)
    (tmp_path / "bijna/assets/javascripts/datavisie.js").write_text("", encoding="utf-8")
    assert "niet leeg" in (refusal(tmp_path / "bijna", root) or "")
    # a link to the project is the project
    (tmp_path / "koppeling").symlink_to(root)
    assert "projectmap" in (refusal(tmp_path / "koppeling", root) or "")
    assert "content/" in (refusal(root / "content", root, also=[root / "content"]) or "")
    assert "inhoud/" in (refusal(root / "inhoud/x", root, also=[root / "inhoud"]) or "")


@slow
def test_a_real_site_and_markdown_folder_are_recognised_as_ours(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", posters=False, cards=False)
    site = tmp_path / "site"
    assert bouw(project, site).returncode == EXIT_OK
    assert is_earlier_output(site)
    assert bouw(project, site).returncode == EXIT_OK  # and replaced by the next build
    md = tmp_path / "md"
    for _ in range(2):
        result = subprocess.run([str(BIN / "datavisie"), "--root", str(project), "markdown",
                                 "--uit", str(md)], capture_output=True, text=True, timeout=300)
        assert result.returncode == EXIT_OK, result.stderr
        assert is_earlier_output(md)
    assert not list(tmp_path.glob(".md.*")) and not list(tmp_path.glob(".site.*"))


# --- modes ----------------------------------------------------------------------------------


def _modes(folder: Path) -> set[tuple[str, str]]:
    out = {("map", oct(folder.stat().st_mode & 0o777))}
    for path in folder.rglob("*"):
        kind = "map" if path.is_dir() else "bestand"
        out.add((kind, oct(path.stat().st_mode & 0o777)))
    return out


@slow
@pytest.mark.parametrize("umask", [0o077, 0o000])
def test_published_files_are_0644_and_folders_0755_whatever_the_umask(tmp_path: Path,
                                                                      umask: int) -> None:
    project = make_project(tmp_path / "project", posters=False, cards=True)
    site, md = tmp_path / "site", tmp_path / "md"
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
           "HOME": os.environ.get("HOME", "/tmp")}
    for args in (["bouw", "--niet-strikt", "--uit", str(site)], ["markdown", "--uit", str(md)]):
        result = subprocess.run([str(BIN / "datavisie"), "--root", str(project), *args],
                                capture_output=True, text=True, timeout=600, env=env,
                                preexec_fn=lambda: os.umask(umask))  # noqa: PLW1509
        assert result.returncode == EXIT_OK, result.stderr
    for folder in (site, md):
        assert _modes(folder) == {("map", "0o755"), ("bestand", "0o644")}


# --- what killed builds leave ---------------------------------------------------------------

HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDONLY)
fcntl.flock(fd, fcntl.LOCK_EX)
print("vast", flush=True)
time.sleep(600)
"""


def _holder(folder: Path) -> subprocess.Popen[str]:
    """A process that holds `folder` the way a running build holds its staging folder."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "vast"
    return proc


def test_stale_working_folders_go_and_held_ones_stay(tmp_path: Path) -> None:
    site = tmp_path / "site"
    left = [tmp_path / ".site.bouw-dood1", tmp_path / ".site.oud-dood2"]
    for folder in left:
        (folder / "site").mkdir(parents=True)
        (folder / "site/index.html").write_text("x", encoding="utf-8")
    running = tmp_path / ".site.bouw-loopt"
    running.mkdir()
    others = [tmp_path / ".andere.bouw-x", tmp_path / "site.bouw-x", tmp_path / ".site.bewaar"]
    for folder in others:
        folder.mkdir()
    (tmp_path / ".site.bouw-bestand").write_text("geen map", encoding="utf-8")
    holder = _holder(running)
    try:
        staging = publish.staging_dir(site)
        assert staging.name.startswith(".site.bouw-") and staging.is_dir()
        assert not any(f.exists() for f in left)
        assert running.is_dir() and all(f.is_dir() for f in others)
        assert (tmp_path / ".site.bouw-bestand").is_file()
        # a second build beside it leaves this one's staging folder alone
        second = publish.staging_dir(site)
        assert staging.is_dir() and second.is_dir()
        publish.discard(second)
        publish.promote(staging, site)
        assert site.is_dir() and not staging.exists()
    finally:
        holder.kill()
        holder.wait()
    publish.discard(publish.staging_dir(site))
    assert not running.exists()  # its process is gone: stale now


def test_a_folder_taken_between_its_making_and_its_locking_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another build's clean-up may lock and remove a just-made folder before its maker
    locks it; the maker then makes a new one."""
    made: list[Path] = []
    real = publish.tempfile.mkdtemp

    def mkdtemp(**kwargs: str) -> str:
        path = real(**kwargs)
        made.append(Path(path))
        if len(made) == 1:
            assert publish.clean_stale(tmp_path, (".x.bouw-",)) == [Path(path)]
        return str(path)

    monkeypatch.setattr(publish.tempfile, "mkdtemp", mkdtemp)
    folder = publish.locked_dir(tmp_path, ".x.bouw-")
    assert len(made) == 2 and folder == made[1] and folder.is_dir() and not made[0].exists()
    publish.remove(folder)


def test_stale_font_folders_go_when_a_rasteriser_starts(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from build_tools.views.posters.raster import FONTS_PREFIX, Rasteriser

    monkeypatch.setattr(publish.tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / f"{FONTS_PREFIX}dood"
    (dead / "cache").mkdir(parents=True)
    alive = tmp_path / f"{FONTS_PREFIX}loopt"
    alive.mkdir()
    holder = _holder(alive)
    try:
        fonts = sorted((REPO / "theme/fonts").glob("*.ttf"))[:1]
        rasteriser = Rasteriser(fonts, workers=1)
        assert not dead.exists() and alive.is_dir()
        mine = [p for p in tmp_path.iterdir() if p not in (alive,)]
        assert len(mine) == 1 and (mine[0] / "fonts.conf").is_file()
        rasteriser.close()
        assert not mine[0].exists()
    finally:
        holder.kill()
        holder.wait()


@slow
def test_the_build_after_a_killed_build_removes_what_it_left(tmp_path: Path) -> None:
    """Kill `datavisie bouw` while it renders posters: its staging folder and its font folder
    stay behind. The next build removes both and publishes."""
    project = make_project(tmp_path / "project", posters=True, cards=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    site = tmp_path / "site"
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp),
           "HOME": os.environ.get("HOME", "/tmp")}
    proc = subprocess.Popen([str(BIN / "datavisie"), "--root", str(project), "bouw",
                             "--niet-strikt", "--uit", str(site)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        for _ in range(6000):  # until both exist (or the build ended: then the test says so)
            staging = list(tmp_path.glob(".site.bouw-*"))
            fonts = list(temp.glob("datavisie-fonts-*"))
            if (staging and fonts) or proc.poll() is not None:
                break
            time.sleep(0.02)
        assert staging and fonts, "the build ended before it could be killed"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the build and its rasterising workers
        proc.wait()
    assert all(p.exists() for p in (*staging, *fonts))
    result = bouw(project, site, env={"TMPDIR": str(temp)})
    assert result.returncode == EXIT_OK, result.stderr
    assert not any(p.exists() for p in (*staging, *fonts))
    assert not list(tmp_path.glob(".site.*")) and not list(temp.glob("datavisie-fonts-*"))
    assert (site / "posters/visie.pdf").is_file()
