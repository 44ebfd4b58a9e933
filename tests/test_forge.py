"""Forge automation: the workflow files are valid YAML of the right shape, and every
`datavisie` and `mkdocs` command they run exists and works on the example content."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_tools.changes_format import MARKER
from build_tools.cli import main

REPO = Path(__file__).resolve().parent.parent
PR = REPO / ".github" / "workflows" / "pr.yml"
PUBLISH = REPO / ".github" / "workflows" / "publish.yml"
GITLAB = REPO / ".gitlab-ci.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
NOTE_SCRIPT = REPO / ".gitlab" / "wijzigingen-notitie.py"


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    return on if isinstance(on, dict) else {name: None for name in on}


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def uses(workflow: dict[str, Any], action: str) -> dict[str, Any]:
    found = [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]
    assert found, f"{action} not used"
    return found[0]


def shell_lines() -> list[str]:
    """Every shell line the forges run (GitHub `run:`, GitLab `script:`, pre-commit entries)."""
    lines: list[str] = []
    for wf in (load(PR), load(PUBLISH)):
        lines += [ln for s in steps(wf) if "run" in s for ln in s["run"].splitlines()]
    for job in load(GITLAB).values():
        if isinstance(job, dict):
            for key in ("before_script", "script"):
                lines += [str(x) for x in job.get(key, [])]
    lines += [h["entry"] for r in load(PRE_COMMIT)["repos"] for h in r["hooks"]]
    return lines


def invocations(program: str) -> list[list[str]]:
    """`program ...` commands in the shell lines, up to a redirect, pipe or `;`/`||`/`&&`."""
    out = []
    for line in shell_lines():
        for match in re.finditer(rf"(?:^|[\s;(!]){program}\s+([^|;&>\n]*)", line):
            out.append(shlex.split(match.group(1)))
    assert out, f"no {program} command found"
    return out


# --- shape --------------------------------------------------------------------------------

def test_pull_request_workflow_shape() -> None:
    wf = load(PR)
    assert "pull_request" in triggers(wf)
    assert wf["permissions"]["pull-requests"] == "write"
    for job in wf["jobs"].values():
        assert job["runs-on"] and job["steps"]
    for step in steps(wf):
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert re.search(r"@v\d+$", step["uses"]), step["uses"]
    assert uses(wf, "actions/checkout")["with"]["fetch-depth"] == 0
    assert uses(wf, "actions/setup-python")["with"]["python-version"] == "3.11"
    assert uses(wf, "actions/upload-artifact")["with"]["path"]
    script = uses(wf, "actions/github-script")["with"]["script"]
    assert MARKER in script and "updateComment" in script and "createComment" in script
    runs = "\n".join(s.get("run", "") for s in steps(wf))
    assert "datavisie check --format github" in runs
    assert re.search(r'datavisie wijzigingen "\$BASIS" --format markdown', runs)
    assert MARKER in runs  # the fallback text keeps the marker, so the comment is updated


def test_publish_workflow_shape() -> None:
    wf = load(PUBLISH)
    assert triggers(wf)["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    checkout = uses(wf, "actions/checkout")["with"]
    assert checkout["fetch-depth"] == 0 and checkout["fetch-tags"] is True
    assert uses(wf, "actions/upload-pages-artifact")["with"]["path"] == "site/"
    deploy = wf["jobs"]["publiceren"]
    assert deploy["needs"] == "bouwen" and deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])


def test_gitlab_pipeline_shape() -> None:
    ci = load(GITLAB)
    jobs = {k: v for k, v in ci.items() if isinstance(v, dict) and "script" in v}
    assert set(ci["stages"]) >= {j["stage"] for j in jobs.values()}
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert jobs["controleren"]["artifacts"]["reports"]["codequality"] == \
        "gl-code-quality-report.json"
    assert "--format gitlab" in " ".join(jobs["controleren"]["script"])
    assert jobs["voorbeeld"]["environment"]["url"].endswith("/artifacts/public/index.html")
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]
    assert jobs["pages"]["rules"][0]["if"] == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    mr_rule = ci[".merge_request"]["rules"][0]["if"]
    for name in ("controleren", "wijzigingen", "voorbeeld"):
        assert jobs[name]["extends"] == ".merge_request"
    assert "merge_request_event" in mr_rule


def test_pre_commit_runs_the_check() -> None:
    [repo] = load(PRE_COMMIT)["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local" and hook["entry"] == "datavisie check"
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert re.match(hook["files"], "content/projecten/x.yml")


def test_codeowners_and_templates() -> None:
    owners = {}
    for line in (REPO / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, *teams = line.split()
            assert teams and all(t.startswith("@") for t in teams), line
            owners[path] = teams
    assert owners["/content/"] == ["@gemeente/programmateam"]
    # templates are code (they run in a sandbox, but a reviewer of code reads them); the
    # house style's data is communications'. The last matching line counts, as on the forges.
    rules = list(owners.items())

    def owner(path: str) -> list[str]:
        found: list[str] = []
        for pattern, teams in rules:
            if pattern == "*" or (pattern.endswith("/") and path.startswith(pattern[1:])) \
                    or pattern[1:] == path:
                found = teams
        return found

    for path in ("posters/thema.svg.j2", "posters/thema.yml", "theme/overrides/main.html",
                 "theme/overrides/partials/javascripts/base.html", "build_tools/plugin.py",
                 "mkdocs.yml"):
        assert owner(path) == ["@gemeente/beheer"], path
    for path in ("theme/huisstijl.yml", "theme/logo.svg", "theme/beeldmerk.svg",
                 "theme/fonts/OpenSans-Regular.ttf"):
        assert owner(path) == ["@gemeente/communicatie"], path
    for template in (REPO / ".github" / "pull_request_template.md",
                     REPO / ".gitlab" / "merge_request_templates" / "Default.md"):
        assert "## Wat verander je?" in template.read_text(encoding="utf-8")


# --- the commands they run ---------------------------------------------------------------

@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example content in a fresh git repository (a forge's checkout, in miniature)."""
    root = tmp_path_factory.mktemp("forge")
    shutil.copytree(REPO / "content", root / "content")
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.nl",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.nl",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", "-C", str(root), *args], env=env, check=True)
    return root


# forge variables -> what they hold in the miniature checkout
FORGE_VARIABLES = {"$BASIS": "HEAD", "$CI_MERGE_REQUEST_DIFF_BASE_SHA": "HEAD"}


def test_every_datavisie_command_works_on_the_example(
        example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seen = set()
    for args in invocations("datavisie"):
        args = [FORGE_VARIABLES.get(a, a) for a in args]
        assert not any(a.startswith("$") for a in args), f"unknown variable in {args}"
        capsys.readouterr()
        assert main(["--root", str(example), *args]) == 0, args
        out = capsys.readouterr().out
        if "--format" in args:
            fmt = args[args.index("--format") + 1]
            if fmt == "gitlab":
                assert json.loads(out) == []
            elif fmt == "markdown":
                assert out.startswith(MARKER) and "Geen wijzigingen" in out
            elif fmt == "github":
                assert out == ""
        seen.add(args[0])
    assert seen == {"check", "wijzigingen"}


def test_every_mkdocs_command_is_valid() -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    help_text = subprocess.run([str(mkdocs), "build", "--help"], capture_output=True, text=True,
                               check=True).stdout
    for args in invocations("mkdocs"):
        assert args[0] == "build"
        for flag in (a for a in args[1:] if a.startswith("-")):
            assert re.search(rf"(^|[\s,]){re.escape(flag)}\b", help_text), flag


@pytest.mark.slow
def test_preview_build_runs_as_written(tmp_path: Path) -> None:
    """The pull-request preview step, run as written, builds a browsable site."""
    if not (REPO / "mkdocs.yml").is_file():
        pytest.skip("no mkdocs.yml yet")
    for name in ("mkdocs.yml", "content", "theme", "posters"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name)
        elif src.is_file():
            shutil.copy(src, tmp_path / name)
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.nl",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.nl",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], env=env, check=True)
    [step] = [s for s in steps(load(PR)) if s.get("id") == "bouwen"]
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", step["run"]], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "voorbeeld" / "index.html").is_file()
    assert (tmp_path / "voorbeeld" / "routekaart.html").is_file()  # no directory URLs


def test_note_script_without_token_does_nothing(tmp_path: Path) -> None:
    summary = tmp_path / "wijzigingen.md"
    summary.write_text(MARKER + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DATAVISIE_GITLAB_TOKEN"}
    proc = subprocess.run([sys.executable, str(NOTE_SCRIPT), str(summary)], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "DATAVISIE_GITLAB_TOKEN" in proc.stdout


def test_gitlab_code_quality_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report GitLab reads: Code Climate fields, a fingerprint that survives moved lines."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    roadmap = tmp_path / "content" / "routekaart.yml"
    text = roadmap.read_text(encoding="utf-8")
    roadmap.write_text(text.replace("status: gereed", "status: klaar", 1), encoding="utf-8")
    assert main(["--root", str(tmp_path), "check", "--format", "gitlab"]) == 1
    [issue] = json.loads(capsys.readouterr().out)
    assert issue["check_name"] == "DV108" and issue["severity"] == "major"
    assert issue["description"].startswith("DV108 `status` kan niet 'klaar' zijn")
    assert issue["location"]["path"] == "content/routekaart.yml"
    line = issue["location"]["lines"]["begin"]
    assert "status: klaar" in roadmap.read_text(encoding="utf-8").split("\n")[line - 1]
    roadmap.write_text("# een regel erbij\n" + roadmap.read_text(encoding="utf-8"),
                       encoding="utf-8")
    assert main(["--root", str(tmp_path), "check", "--format", "gitlab"]) == 1
    [moved] = json.loads(capsys.readouterr().out)
    assert moved["location"]["lines"]["begin"] == line + 1
    assert moved["fingerprint"] == issue["fingerprint"]
