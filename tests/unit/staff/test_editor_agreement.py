"""Editors agree with the check: for every content file of the bad-input corpus and of the
valid fixtures, the exported JSON Schema (run on the file as a YAML 1.2 editor reads it)
accepts it exactly when `datavisie check` finds no issue a schema can express.

What a schema cannot express is named by rule, never by case:
- rules across files and values (references, uniqueness, order, dates within a phase):
  every DV2xx code but DV207 (personal data needs a DPIA), which is an if/then in the schema;
- reading the file (DV0xx: the editor's own YAML parser reports those; a file the check does
  not read as content at all, such as a name that is no id, is no file of that type), an
  HTML comment in Markdown (DV120: the check skips code spans and blocks), and the Markdown
  heuristics that keep rendering cheap (DV121 brackets, DV122 nesting);
- spellings the editor's parse erases: `True` and `true`, `1.0` and `1` are the same JSON
  value, so when the check refuses one and accepts the other, no schema can follow it. An
  issue counts as such only when the check, run again with that line respelled the way JSON
  writes the value, accepts the line (`editor_view.respelled`).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from editor_view import read_node, respelled, schema_errors
from mutations import mutate
from places import FIXTURES, GOLDEN, REPO

from build_tools.codes import is_warning
from build_tools.content.load import _kind_of, read_content
from build_tools.errors import Issue

CASES = sorted((GOLDEN / "bad").glob("*.yml"))
CONTENT_SETS = {"minimal": FIXTURES / "minimal", "noordkust": FIXTURES /
            "noordkust", "voorbeeld": REPO}
NOT_EXPRESSIBLE = {"DV120", "DV121", "DV122"}
NOT_READ = {"DV021", "DV022", "DV023"}  # the file is refused as a whole


def expressible(code: str) -> bool:
    if code in NOT_EXPRESSIBLE or code.startswith("DV0"):
        return False
    return not code.startswith("DV2") or code in {"DV207", "DV250"}


def erased(root: Path, rel: str, node: Any, issue: Issue) -> bool:
    """The check refuses this spelling but accepts the one JSON would write (see above)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    other = respelled(text, node, issue.line)
    if other is None:
        return False
    try:
        path.write_text(other, encoding="utf-8")
        _, again = read_content(root)
    finally:
        path.write_text(text, encoding="utf-8")
    return not any(i.path == rel and i.line == issue.line and expressible(i.code)
                   for i in again)


def verdicts(root: Path) -> list[tuple[str, bool, bool, list[str], list[Issue]]]:
    """(file, schema accepts, check accepts, schema errors, check issues) per content file."""
    _, issues = read_content(root)
    out = []
    content = root / "content"
    for path in sorted(p for p in content.rglob("*") if p.is_file() and not p.is_symlink()):
        inner = path.relative_to(content).as_posix()
        kind = _kind_of(inner)
        if kind is None:
            continue
        rel = path.relative_to(root).as_posix()
        if any(i.path == rel and i.code in NOT_READ for i in issues):
            continue
        node, last = read_node(path, rel)
        if node is None:
            continue
        mine = [i for i in issues if i.path == rel and i.line <= last and expressible(i.code)
                and not is_warning(i.code)  # a warning never refuses the file
                and not erased(root, rel, node, i)]
        errors = schema_errors(kind, node)
        out.append((rel, not errors, not mine, errors, mine))
    return out


def disagreements(root: Path) -> list[str]:
    return [f"{rel}: schema {'accepteert' if s else 'weigert'}, check "
            f"{'accepteert' if c else 'weigert'}\n  schema: {errors}\n  check: "
            f"{[i.format() for i in issues]}"
            for rel, s, c, errors, issues in verdicts(root) if s != c]


def copy_project(source: Path, dest: Path) -> Path:
    shutil.copytree(source / "content", dest / "content", symlinks=True)
    return dest


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_schema_and_check_agree_on_the_corpus(case_file: Path, tmp_path: Path) -> None:
    case: dict[str, Any] = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    root = copy_project(CONTENT_SETS["minimal"], tmp_path / "p")
    for mutation in case.get("mutations", []):
        mutate(root, mutation)
    assert not disagreements(root), "\n".join(disagreements(root))


@pytest.mark.parametrize("name", sorted(CONTENT_SETS))
def test_schema_and_check_agree_on_valid_content(name: str, tmp_path: Path) -> None:
    root = copy_project(CONTENT_SETS[name], tmp_path / name)
    found = verdicts(root)
    assert found and all(s and c for _, s, c, _, _ in found), "\n".join(disagreements(root))


# --- generated content: structure and spelling ---------------------------------------------

TRICKY = ["2024", "1.0", "1.10", "007", "-5", "+5", "0x1F", "1e3", ".inf", "true", "True",
          "FALSE", "yes", "no", "on", "ja", "nee", "null", "~", "2024-03", "2024-13", "0000-01",
          "2024-02-29", "2023-02-29", "2024-04-31", "2024-Q4", "2024-Q5", "https://x.example.nl",
          "HTTPS://X.NL/a?b=1", "http://", "ftp://x.nl", "www.example.nl", "a@b.nl", "a@b",
          "pilot", "pilott", "in-gebruik", "uitgevoerd", "onbekend", "niet-nodig",
          "transparantie", "ethiek", "nulmeting", "Mijn_Id", "mijn-id", "x" * 101, "y" * 351,
          "projecten/oud/", "/over-ons.html", "../geheim", "https://x.nl/oud/"]
FIELDS = ["naam", "samenvatting", "themas", "mijlpalen", "status", "start", "eind", "eigenaar",
          "doel", "dpia", "oude_adressen", "stauts", "zichtbaarheid"]


def _scalar(draw: Any) -> str:
    from hypothesis import strategies as st

    kind = draw(st.sampled_from(["tricky", "quoted", "text", "empty"]))
    if kind == "tricky":
        return draw(st.sampled_from(TRICKY))
    if kind == "quoted":
        return json.dumps(draw(st.sampled_from(TRICKY + [" ", "", "a\nb"])), ensure_ascii=False)
    if kind == "text":
        return draw(st.text(alphabet="abc xyz-0123", min_size=1, max_size=12)).strip() or "a"
    return ""


def _value(draw: Any) -> str:
    """A YAML value: a scalar, a flow list, a block list or a small mapping."""
    from hypothesis import strategies as st

    shape = draw(st.sampled_from(["scalar", "scalar", "list", "map"]))
    if shape == "scalar":
        return " " + _scalar(draw)
    items = draw(st.lists(st.sampled_from(TRICKY[:12] + TRICKY[36:44]), max_size=3))
    if shape == "list":
        return " [" + ", ".join(items) + "]"
    return "\n" + "".join(f"  {k}: {v}\n" for k, v in zip(("a", "bron", "titel"), items,
                                                              strict=False)).rstrip("\n")


THEME_FIELDS = ["titel", "volgorde", "icoon", "ambitie", "principes", "zichtbaarheid",
                "oude_adressen", "tietel"]
TRICKY += ["1", "99", "100", "0", "-1", "scale-balance"]


def _file_text(draw: Any, which: str) -> str:
    """A project file, or a theme's front matter, with some fields replaced or left out."""
    from hypothesis import strategies as st

    content = CONTENT_SETS["minimal"] / "content"
    if which == "project":
        base = yaml.safe_load((content / "projecten" / "meldingen.yml").read_text("utf-8"))
        fields = FIELDS
    else:
        text = (content / "themas" / "ethiek.md").read_text(encoding="utf-8")
        base = yaml.safe_load(text.split("---")[1])
        fields = THEME_FIELDS
    lines = {k: " " + json.dumps(v, ensure_ascii=False) for k, v in base.items()
             if k in fields and k != "principes"}
    if which == "project":
        lines["gegevens"] = ("\n  - bron: Adressen\n    persoonsgegevens:"
                             + draw(st.sampled_from([" ja", " nee", " true", " True",
                                                     " \"ja\"", " 1", ""])))
    else:
        lines["principes"] = "\n  - titel:" + draw(st.sampled_from(
            [" De mens centraal", " " + "p" * 41, " 12", " true", ""])) + (
            "\n    toelichting:" + _value(draw) if draw(st.booleans()) else "")
    for key in draw(st.lists(st.sampled_from(fields), min_size=1, max_size=4, unique=True)):
        if draw(st.booleans()) or key not in lines:
            lines[key] = _value(draw)
        else:
            del lines[key]
    body = "".join(f"{k}:{v}\n" for k, v in lines.items())
    return body if which == "project" else f"---\n{body}---\n\nTekst.\n"


@pytest.mark.parametrize(("which", "target"), [("project", "projecten/meldingen.yml"),
                                               ("thema", "themas/ethiek.md")])
def test_schema_and_check_agree_on_generated_files(tmp_path_factory: Any, which: str,
                                                   target: str) -> None:
    """Hypothesis writes projects and themes with every kind of value in every field
    (numbers, dates, booleans in YAML's many spellings, lists where text belongs, unknown
    keys, missing fields); schema and check must agree on each."""
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    base = copy_project(CONTENT_SETS["minimal"], tmp_path_factory.mktemp("gegenereerd"))
    path = base / "content" / target

    @hypothesis.settings(max_examples=200, deadline=None, derandomize=True,
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(st.data())
    def check(data: Any) -> None:
        path.write_text(_file_text(data.draw, which), encoding="utf-8")
        found = [d for d in disagreements(base) if d.startswith(f"content/{target}")]
        assert not found, path.read_text(encoding="utf-8") + "\n" + "\n".join(found)

    check()
