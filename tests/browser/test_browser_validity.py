"""Valid markup, with no exceptions: the Nu Html Checker (vnu.jar from the npm registry, on the
system's Java) finds no error in any HTML page or any SVG of four sites: the example, its
internal build, the second municipality (tests/fixtures/noordkust, its own house style) and a
new municipality (the minimal content with the example's theme). Material's own invalid
attributes are mended by build_tools/views/website/material_html.py; there is no allow-list.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from places import MINIMAL, NOORDKUST

from build_tools.views.website.material_html import mend_page

from .lib import REPO

pytestmark = [pytest.mark.slow]

SITES = ("denhelder", "intern", "noordkust", "nieuw")
MINIMAL_CONTENT = MINIMAL / "content"


def run_vnu(vnu: list[str], targets: list[Path], *, kind: str) -> list[dict[str, Any]]:
    """vnu's messages of type "error" (and "non-document-error") for every `kind` file."""
    skip = {"html": "--skip-non-html", "svg": "--skip-non-svg"}[kind]
    run = subprocess.run([*vnu, "--format", "json", "--exit-zero-always", "--errors-only",
                          skip, *map(str, targets)],
                         capture_output=True, text=True, check=False, timeout=900)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stderr or run.stdout)  # vnu writes its report to stderr
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def _report(messages: list[dict[str, Any]], root: Path) -> str:
    lines = []
    for m in messages:
        where = m.get("url", "").replace(f"file:{root}/", "")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
        if m.get("extract"):
            lines.append("    " + m["extract"].strip().replace("\n", " ")[:160])
    return "\n".join(lines)


def _mkdocs(config: Path, out: Path, **env: str) -> Path:
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config),
                          "-d", str(out)], cwd=config.parent, capture_output=True, text=True,
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                         check=False, timeout=900)
    assert run.returncode == 0, f"mkdocs build mislukte:\n{run.stdout}\n{run.stderr}"
    return out


def _new_municipality(dest: Path) -> Path:
    """The example's theme, posters and mkdocs.yml with the minimal content of another
    municipality: what a municipality starting from this repository publishes first."""
    for part in ("theme", "posters"):
        shutil.copytree(REPO / part, dest / part)
    shutil.copytree(MINIMAL_CONTENT, dest / "content")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    cache = REPO / ".cache" / "datavisie"
    (dest / "mkdocs.yml").write_text(
        text.replace("      doelgroep: publiek\n", "      doelgroep: publiek\n"
                     f"      cache: {cache}\n      sociale_kaarten: false\n"),
        encoding="utf-8")
    return dest / "mkdocs.yml"


@pytest.fixture(scope="module")
def sites(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("valid")
    return {
        "denhelder": site_dir,
        "intern": _mkdocs(REPO / "mkdocs.yml", base / "intern", DATAVISIE_DOELGROEP="intern"),
        "noordkust": _mkdocs(NOORDKUST / "mkdocs.yml", base / "noordkust"),
        "nieuw": _mkdocs(_new_municipality(base / "nieuw-project"), base / "nieuw"),
    }


def _by_site(messages: list[dict[str, Any]], sites: dict[str, Path]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {name: [] for name in sites}
    for m in messages:
        for name, root in sites.items():
            if m.get("url", "").startswith(f"file:{root}/"):
                out[name].append(m)
                break
        else:
            raise AssertionError(f"melding buiten de sites: {m}")
    return out


@pytest.fixture(scope="module")
def html_errors(vnu: list[str], sites: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    return _by_site(run_vnu(vnu, list(sites.values()), kind="html"), sites)


@pytest.fixture(scope="module")
def svg_errors(vnu: list[str], sites: dict[str, Path]) -> dict[str, list[dict[str, Any]]]:
    return _by_site(run_vnu(vnu, list(sites.values()), kind="svg"), sites)


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_valid_html(name: str, html_errors: dict[str, list[dict[str, Any]]],
                                  sites: dict[str, Path]) -> None:
    root = sites[name]
    assert len(list(root.rglob("*.html"))) > 5, "te weinig pagina's gebouwd"
    errors = html_errors[name]
    assert not errors, "de Nu Html Checker vond fouten:\n" + _report(errors, root)


@pytest.mark.parametrize("name", SITES)
def test_every_svg_is_valid(name: str, svg_errors: dict[str, list[dict[str, Any]]],
                            sites: dict[str, Path]) -> None:
    root = sites[name]
    assert list((root / "posters").glob("*.svg")), "geen posters gebouwd"
    errors = svg_errors[name]
    assert not errors, "de Nu Html Checker vond fouten in SVG:\n" + _report(errors, root)


def test_the_checker_catches_an_error(vnu: list[str], tmp_path: Path) -> None:
    """The harness itself works: a broken page is reported."""
    (tmp_path / "kapot.html").write_text(
        "<!doctype html><html lang=nl><title>x</title><p><div></p>", encoding="utf-8")
    assert run_vnu(vnu, [tmp_path], kind="html")


def test_the_checker_sees_what_material_writes(vnu: list[str], site_dir: Path,
                                               tmp_path: Path) -> None:
    """Without the mending pass Material's page is invalid (so the pass is what makes the
    pages valid, and the checker would notice it going): un-mend one built page."""
    page = (site_dir / "index.html").read_text(encoding="utf-8")
    assert mend_page(page) == page  # the built page went through the pass
    raw = page.replace('id="__drawer"', 'id="__drawer" autocomplete="off"', 1)
    (tmp_path / "index.html").write_text(raw, encoding="utf-8")
    messages = run_vnu(vnu, [tmp_path], kind="html")
    assert any("autocomplete" in m["message"] for m in messages)
