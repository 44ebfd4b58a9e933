"""`datavisie check`: exit codes, the three output formats, no traceback on content errors."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from mutations import mutate
from places import GOLDEN, REPO

from build_tools.cli import main as cli
from build_tools.cli.main import main
from build_tools.project import Project

CASES = sorted((GOLDEN / "bad").glob("*.yml"))
Factory = Callable[..., Path]

TEXT_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
                       r"(?:(?P<code>D[VS]\d{3})|(?P<warning>W\d{3}) waarschuwing:) "
                       r"(?P<message>.+?)(?: \((?P<hint>.+)\))?$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def broken(root: Path) -> Path:
    """Three issues in two files."""
    afval = root / "content" / "projecten" / "afval.yml"
    afval.write_text(afval.read_text(encoding="utf-8")
                     .replace("status: buiten-gebruik", "stauts: buiten-gebruik"), encoding="utf-8")
    versies = root / "content" / "versies.yml"
    versies.write_text(versies.read_text(encoding="utf-8")
                       .replace("datum: 2024-06-01", "datum: 2022-06-01"), encoding="utf-8")
    return root


def test_clean_content_exits_zero(capsys: pytest.CaptureFixture[str],
                                  valid_content: Factory) -> None:
    code, out, err = run(capsys, "--root", str(valid_content()), "check")
    assert code == 0 and out == ""
    assert "Inhoud in orde: 2 thema's, 3 mijlpalen, 2 projecten" in err
    assert "doelgroep: publiek" in err


def test_example_content_passes(capsys: pytest.CaptureFixture[str]) -> None:
    if not (REPO / "content" / "versies.yml").exists():  # pragma: no cover - being written
        pytest.skip("example content incomplete")
    code, _, err = run(capsys, "--root", str(REPO), "check")
    assert code == 0, err


def test_internal_audience(capsys: pytest.CaptureFixture[str], valid_content: Factory) -> None:
    code, _, err = run(capsys, "--root", str(valid_content()), "check", "--doelgroep", "intern")
    assert code == 0
    assert "3 thema's" in err and "3 projecten" in err and "doelgroep: intern" in err


def test_root_is_found_from_a_subfolder(capsys: pytest.CaptureFixture[str],
                                        valid_content: Factory) -> None:
    root = valid_content()
    code, _, _ = run(capsys, "--root", str(root / "content" / "projecten"), "check")
    assert code == 0


def test_errors_as_text_lines(capsys: pytest.CaptureFixture[str], valid_content: Factory) -> None:
    code, out, err = run(capsys, "--root", str(broken(valid_content())), "check")
    assert code == 1
    lines = out.strip().split("\n")
    parsed = [TEXT_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["path"], m["line"], m["code"]) for m in parsed if m] == [
        ("content/projecten/afval.yml", "1", "DV118"),
        ("content/projecten/afval.yml", "4", "DV117"),
        ("content/versies.yml", "9", "DV214"),
    ]
    assert lines[1] == ("content/projecten/afval.yml:4:1: DV117 onbekend veld `stauts` "
                        "(bedoelde je `status`?)")
    assert "3 fouten gevonden" in err and "Traceback" not in out + err


def test_errors_as_json(capsys: pytest.CaptureFixture[str], valid_content: Factory) -> None:
    root = broken(valid_content())
    code, out, _ = run(capsys, "--root", str(root), "check", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 3
    for item in data:
        assert list(item) == ["path", "line", "col", "code", "message", "hint", "severity"]
        assert item["severity"] == "error"
        assert isinstance(item["line"], int) and isinstance(item["col"], int)
        assert item["hint"]
    assert data[1] == {"path": "content/projecten/afval.yml", "line": 4, "col": 1,
                       "code": "DV117", "message": "onbekend veld `stauts`",
                       "hint": "bedoelde je `status`?", "severity": "error"}
    again = run(capsys, "--root", str(root), "check", "--format", "json")[1]
    assert again == out  # stable, byte for byte


def test_clean_json_is_an_empty_list(capsys: pytest.CaptureFixture[str],
                                     valid_content: Factory) -> None:
    code, out, _ = run(capsys, "--root", str(valid_content()), "check", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_errors_as_github_annotations(capsys: pytest.CaptureFixture[str],
                                      valid_content: Factory) -> None:
    code, out, _ = run(capsys, "--root", str(broken(valid_content())), "check",
                       "--format", "github")
    assert code == 1
    lines = out.strip().split("\n")
    assert len(lines) == 3
    assert all(re.match(r"^::error file=[^,]+,line=\d+,col=\d+,title=D[VS]\d{3}::.+", line)
               for line in lines), lines
    assert lines[1] == ("::error file=content/projecten/afval.yml,line=4,col=1,title=DV117::"
                        "onbekend veld `stauts` (bedoelde je `status`?)")


def test_github_escapes_newlines_and_percent() -> None:
    from build_tools.errors import Issue

    line = Issue("a,b:c.yml", 1, 2, "DV005", "50% fout\nregel twee", "hint").format_github()
    assert line == ("::error file=a%2Cb%3Ac.yml,line=1,col=2,title=DV005::"
                    "50%25 fout%0Aregel twee (hint)")


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_no_traceback_for_any_bad_input(case_file: Path, capsys: pytest.CaptureFixture[str],
                                        valid_content: Factory) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = valid_content()
    for mutation in case.get("mutations", []):
        mutate(root, mutation)
    code, out, err = run(capsys, "--root", str(root), "check")
    assert "Traceback" not in out + err and "Interne fout" not in err
    expected = [w["at"].rsplit(":", 1)[1] for w in case.get("expect") or []]
    assert code == (1 if any(not c.startswith("W") for c in expected) else 0)
    if expected:
        assert all(TEXT_LINE.match(line) for line in out.strip().split("\n")), out
    if expected and not code:  # warnings only: --strict makes them fail
        assert run(capsys, "--root", str(root), "check", "--strict")[0] == 1


def test_programming_error_shows_traceback_and_exit_3(capsys: pytest.CaptureFixture[str],
                                                      valid_content: Factory,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import build_tools.content.load

    def boom(root: Path) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(build_tools.content.load, "read_content", boom)
    code, _, err = run(capsys, "--root", str(valid_content()), "check")
    assert code == 3 and "Traceback" in err and "Interne fout" in err


def test_main_can_run_twice(capsys: pytest.CaptureFixture[str], valid_content: Factory) -> None:
    root = str(valid_content())
    assert run(capsys, "--root", root, "check")[0] == 0
    assert run(capsys, "--root", root, "check")[0] == 0
    assert list(_subparsers(cli.build_parser())) == list(_subparsers(cli.build_parser()))


HELP_ORDER = ["check", "versies", "versie", "wijzigingen", "nieuw", "schema", "markdown",
              "lettertypen", "posters", "algoritmeregister", "bouw", "publiccode"]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _handlers(parser: argparse.ArgumentParser) -> dict[str, object]:
    """Every runnable command path (`versie vaststellen`, `nieuw gemeente`) and its handler."""
    found: dict[str, object] = {}
    for name, p in _subparsers(parser).items():
        if any(isinstance(a, argparse._SubParsersAction) for a in p._actions):
            found |= {f"{name} {k}": v for k, v in _handlers(p).items()}
        else:
            found[name] = p.get_default("func")
    return found


def test_the_command_table_lists_every_command_once_in_help_order() -> None:
    assert list(_subparsers(cli.build_parser())) == HELP_ORDER


def test_every_command_is_handled_by_its_module_in_the_cli_package() -> None:
    """One module per command under build_tools/cli/; the domain modules hold no handlers."""
    handlers = _handlers(cli.build_parser())
    assert "versie vaststellen" in handlers and "nieuw gemeente" in handlers
    wrong = {name: f"{getattr(f, '__module__', '?')}.{getattr(f, '__name__', '?')}"
             for name, f in handlers.items()
             if not getattr(f, "__module__", "").startswith("build_tools.cli.")
             or not getattr(f, "__name__", "").startswith("cmd_")}
    assert not wrong, wrong


def test_publiccode_check_runs_on_this_repository(capsys: pytest.CaptureFixture[str]) -> None:
    """`datavisie publiccode --controleer` on the project's own publiccode.yml."""
    code, _, err = run(capsys, "--root", str(REPO), "publiccode",
                       "--controleer")
    assert (code, err.strip()) == (0, "publiccode.yml hoort bij content/organisatie.yml.")


def test_console_script_end_to_end(valid_content: Factory) -> None:
    """The installed `datavisie` command, as a CI job runs it."""
    root = broken(valid_content())
    exe = Path(sys.executable).with_name("datavisie")
    argv = [str(exe)] if exe.exists() else [sys.executable, "-m", "build_tools.cli.main"]
    result = subprocess.run([*argv, "check", "--format", "json"], cwd=root,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [i["code"] for i in json.loads(result.stdout)] == ["DV118", "DV117", "DV214"]


# --- in a site project: the house style and the posters too ------------------------------

LONG_TITLE = ("Datagedreven werken voor een veilige, gezonde en welvarende gemeente Den Helder "
              * 2)[:119].strip()  # within the schema's 120, too long for the poster's title


def _site_project(tmp_path: Path) -> Path:
    from sitekit import make_project

    return make_project(tmp_path / "p")


def _replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, new, text, count=1, flags=re.M)
    assert changed != text
    path.write_text(changed, encoding="utf-8")


def test_site_project_checks_house_style_and_posters(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    root = _site_project(tmp_path)
    code, _, err = run(capsys, "--root", str(root), "check")
    assert code == 0 and "Inhoud, huisstijl en posters in orde" in err
    _replace(root / "content" / "visie.md", r"^titel: .*$", f"titel: {LONG_TITLE}")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 0  # within the contract: the poster prints it cut short, with a warning
    assert out.startswith("content/visie.md:2:8: W002 waarschuwing: de titel van de visie past "
                          "niet helemaal")
    assert "ingekort" in out and "tekens te lang" in out
    code, out, _ = run(capsys, "--root", str(root), "check", "--format", "github", "--strict")
    assert code == 1 and out.startswith("::warning file=content/visie.md,line=2,col=8")


def test_content_and_house_style_errors_come_together(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    root = _site_project(tmp_path)
    _replace(root / "theme" / "huisstijl.yml", r'^  merk: "#00508c"', '  merk: "blauw"')
    project = sorted((root / "content" / "projecten").glob("*.yml"))[0]
    _replace(project, r"^status: ", "stauts: ")
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 1
    found = {(line.split(":")[0], line.split(" ")[1]) for line in out.strip().split("\n")}
    assert any(p == "theme/huisstijl.yml" and c.startswith("DS") for p, c in found), out
    assert any(p == f"content/projecten/{project.name}" and c.startswith("DV")
               for p, c in found), out
    assert "Traceback" not in out


def test_posters_off_in_mkdocs_yml_are_not_checked(capsys: pytest.CaptureFixture[str],
                                                   tmp_path: Path) -> None:
    from sitekit import make_project

    root = make_project(tmp_path / "p", posters=False)
    _replace(root / "content" / "visie.md", r"^titel: .*$", f"titel: {LONG_TITLE}")
    code, _, err = run(capsys, "--root", str(root), "check")
    assert code == 0, err
    assert "Inhoud en huisstijl in orde" in err


def test_site_options_follow_inherit_and_tolerate_tags(tmp_path: Path) -> None:
    (tmp_path / "basis.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - datavisie:\n      huisstijl: stijl\n      posters: false\n",
        encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: basis.yml\nsite_url: !ENV [URL, 'x']\n",
                                         encoding="utf-8")
    assert Project.load(tmp_path).options == {"huisstijl": "stijl", "posters": False}
    (tmp_path / "mkdocs.yml").write_text("plugins: [datavisie]\n", encoding="utf-8")
    assert Project.load(tmp_path).options == {}
    (tmp_path / "mkdocs.yml").write_text("plugins: [\n", encoding="utf-8")  # broken: MkDocs says
    assert Project.load(tmp_path).options == {}


def test_check_works_where_the_cache_cannot_be_written(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only checkout: the poster check cannot keep its verdict, and says nothing of it."""
    from build_tools.build import cache as cachekeys

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(cachekeys, "write_atomic", refuse)
    root = _site_project(tmp_path)
    code, out, err = run(capsys, "--root", str(root), "check")
    assert code == 0 and out == "" and "Inhoud, huisstijl en posters in orde" in err
    assert not (root / ".cache").exists()


def test_a_project_derives_its_folders_once_from_mkdocs_yml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """project.py: the folders every command uses, from mkdocs.yml and the plugin's options;
    `!ENV` as MkDocs reads it, the defaults without a mkdocs.yml."""
    bare = Project.load(tmp_path)
    assert (bare.content, bare.theme_dir, bare.posters_dir) == ("content", tmp_path / "theme", None)
    assert bare.cache_dir == tmp_path / ".cache/datavisie"
    assert bare.published_dir == (tmp_path / "site").resolve()
    monkeypatch.setenv("UITMAP", "publiek-uit")
    (tmp_path / "posters").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: inhoud\nsite_dir: !ENV [UITMAP, site]\nplugins:\n  - datavisie:\n"
        "      huisstijl: stijl\n      cache: .elders\n      posters: false\n", encoding="utf-8")
    project = Project.load(tmp_path)
    assert project.content == "inhoud" and project.theme_dir == tmp_path / "stijl"
    assert project.cache_dir == tmp_path / ".elders" and project.posters_dir == tmp_path / "posters"
    assert project.published_dir == (tmp_path / "publiek-uit").resolve()
    assert not project.posters and project.social_cards
    checked = Project.load(tmp_path, options={"cache": ".anders"})  # as MkDocs checked them
    assert checked.cache_dir == tmp_path / ".anders" and checked.settings == project.settings


def test_every_command_offers_the_audiences_of_the_audience_filter() -> None:
    from build_tools.audience import AUDIENCES

    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    offered = {name: tuple(action.choices) for name, p in sub.choices.items()  # type: ignore[union-attr]
               for action in p._actions if action.dest == "doelgroep"}
    assert set(offered) >= {"check", "bouw", "markdown", "wijzigingen"}
    assert all(choices == AUDIENCES for choices in offered.values()), offered
