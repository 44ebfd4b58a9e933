"""Valid markup: the Nu Html Checker (vnu.jar from the npm registry, on the system's Java) finds
no errors in any built HTML page or any SVG of the site (posters, logos).

Errors we cannot fix in our own templates are listed in ALLOWED with the reason; keep that
list short and every pattern narrow (whole message, one element).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow]

# (file-name pattern, message pattern, reason). Matched against vnu's message text.
ALLOWED: tuple[tuple[str, str, str], ...] = (
    (r"\.html$",
     r"^Attribute “autocomplete” is only allowed when the input type is .*\.$",
     "Material's base.html puts autocomplete=off on its hidden drawer and search checkboxes "
     "(to stop Firefox restoring their state); harmless, and only changeable by copying "
     "base.html."),
    (r"\.html$",
     r"^The value of the “for” attribute of the “label” element must be the ID of a "
     r"non-hidden form control\.$",
     "Material's toc.html always writes <label for=__toc>; the __toc checkbox exists only on "
     "pages that show their table of contents in the navigation."),
    (r"\.html$",
     r"^Bad value “” for attribute “tabindex” on element “label”: The empty string is not a "
     r"valid integer\.$",
     "Material's nav-item.html writes tabindex=\"\" on section labels with "
     "navigation.sections; browsers ignore the empty value."),
    (r"/posters/[^/]+\.svg$",
     r"^Attribute “lang” not allowed on element “svg” at this point\.$",
     "The posters carry both xml:lang (SVG 1.1) and lang (SVG 2, read by browsers and screen "
     "readers); vnu checks SVG against the SVG 1.1 schema, which only knows xml:lang."),
)


def run_vnu(vnu: list[str], target: Path, *, kind: str) -> list[dict[str, Any]]:
    """vnu's messages of type "error" (and "non-document-error") for every `kind` file."""
    skip = {"html": "--skip-non-html", "svg": "--skip-non-svg"}[kind]
    run = subprocess.run([*vnu, "--format", "json", "--exit-zero-always", "--errors-only",
                          skip, str(target)],
                         capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stderr or run.stdout)  # vnu writes its report to stderr
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def _allowed(message: dict[str, Any]) -> bool:
    url, text = message.get("url", ""), message.get("message", "")
    return any(re.search(f, url) and re.search(m, text) for f, m, _ in ALLOWED)


def _report(messages: list[dict[str, Any]], root: Path) -> str:
    lines = []
    for m in messages:
        where = m.get("url", "").replace(f"file:{root}/", "")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m['message']}")
        if m.get("extract"):
            lines.append("    " + m["extract"].strip().replace("\n", " ")[:160])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def html_errors(vnu: list[str], site_dir: Path) -> list[dict[str, Any]]:
    return run_vnu(vnu, site_dir, kind="html")


@pytest.fixture(scope="module")
def svg_errors(vnu: list[str], site_dir: Path) -> list[dict[str, Any]]:
    return run_vnu(vnu, site_dir, kind="svg")


def test_every_page_is_valid_html(html_errors: list[dict[str, Any]], site_dir: Path) -> None:
    checked = {m["url"] for m in html_errors}
    errors = [m for m in html_errors if not _allowed(m)]
    assert not errors, "de Nu Html Checker vond fouten:\n" + _report(errors, site_dir)
    assert all(u.endswith(".html") for u in checked)


def test_every_svg_is_valid(svg_errors: list[dict[str, Any]], site_dir: Path) -> None:
    assert list((site_dir / "posters").glob("*.svg")), "geen posters gebouwd"
    errors = [m for m in svg_errors if not _allowed(m)]
    assert not errors, "de Nu Html Checker vond fouten in SVG:\n" + _report(errors, site_dir)


def test_the_allow_list_is_still_needed(html_errors: list[dict[str, Any]],
                                        svg_errors: list[dict[str, Any]]) -> None:
    """An entry that no longer matches anything (Material fixed it) must go."""
    messages = html_errors + svg_errors
    unused = [reason for f, m, reason in ALLOWED
              if not any(re.search(f, x.get("url", "")) and re.search(m, x.get("message", ""))
                         for x in messages)]
    assert not unused, "niet meer nodig in ALLOWED:\n" + "\n".join(unused)


def test_the_checker_catches_an_error(vnu: list[str], tmp_path: Path) -> None:
    """The harness itself works: a broken page is reported."""
    (tmp_path / "kapot.html").write_text(
        "<!doctype html><html lang=nl><title>x</title><p><div></p>", encoding="utf-8")
    assert run_vnu(vnu, tmp_path, kind="html")
