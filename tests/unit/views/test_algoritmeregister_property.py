"""Property: any content that `datavisie check` accepts without a W2xx warning exports within the
national Algoritmeregister's limits, judged by a validator made from the register's own
configuration (MinBZK/Algoritmeregister backend/app/schemas/config/v1_0.json, commit
559218f55d46e2fa89a3f97a36d1cb1414494409, publication standard 1.0; tests/register_v1_0.py);
and where `datavisie check` warns, `datavisie algoritmeregister` refuses at the same places and
writes nothing. Hypothesis generates the structure (which fields, how many sources, links,
tests, policy areas, the status) as well as the text (Markdown with lists, links, raw HTML and
entities, up to and past the register's limits)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import register_v1_0 as register
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from places import copy_minimal
from test_algoritmeregister import check_issues, export

from build_tools.content.contract import (
    DPIA_STATUS,
    POLICY_AREA,
    PROJECT_STATUS,
    PUBLICATION_CATEGORY,
)

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzëéïABCDEFGH0123456789", min_size=1,
               max_size=12)
PIECE = st.one_of(
    WORD,
    st.sampled_from(["<b>vet</b>", "<script>x()</script>", "&amp;", "&lt;", "a < b", "R&D",
                     "*nadruk*", "**sterk**", "`code`", "\"aanhalingstekens\"", "l'eau",
                     "https://www.example.nl/kaal"]),
    st.builds(lambda t, p: f"[{t}](https://www.example.nl/{p})", WORD, WORD),
    st.sampled_from(["[verwijzing][r]", "[r]", "<https://www.example.nl/auto>",
                     "<iemand@example.nl>", "tab\tin de tekst", "\t\tinspringing"]),
)
LINE = st.lists(PIECE, min_size=1, max_size=8).map(" ".join)
BLOCK = st.one_of(
    LINE,
    st.lists(LINE, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(LINE, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))),
    LINE.map(lambda t: f"# {t}"),
    LINE.map(lambda t: t + "  \nna een harde regelovergang"),
    st.integers(10, 400).map(lambda n: "[r]: https://www.example.nl/" + "r" * n),  # reference
)


@st.composite
def markdown(draw: st.DrawFn, limit: int) -> str:
    """Markdown of at most `limit` characters; often close to it, where limits bite."""
    blocks = draw(st.lists(BLOCK, min_size=1, max_size=4))
    text = "\n\n".join(blocks).replace("<!--", "< !--")
    target = draw(st.one_of(st.just(0), st.integers(0, limit), st.integers(limit - 60, limit)))
    if len(text) < target:
        filler = " ".join(["tekst"] * ((target - len(text)) // 6 + 1))
        text = (text + "\n\n" + filler)[:target].rstrip()
    return text[:limit].strip() or "tekst"


def line(limit: int) -> st.SearchStrategy[str]:
    return st.integers(1, limit).flatmap(
        lambda n: st.lists(WORD, min_size=1, max_size=40).map(
            lambda ws: (" ".join(ws) * (n // 2 + 1))[:n].strip() or "x"))


def url(max_size: int = 520) -> st.SearchStrategy[str]:
    return st.integers(30, max_size).map(
        lambda n: "https://www.example.nl/" + "p" * (n - len("https://www.example.nl/")))


@st.composite
def project(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    sources = draw(st.lists(st.fixed_dictionaries(
        {"bron": line(150), "persoonsgegevens": st.booleans()},
        optional={"link": url()}), max_size=22))
    personal = any(s["persoonsgegevens"] for s in sources)
    dpia = draw(st.sampled_from([d for d in DPIA_STATUS if not (personal and d == "onbekend")]))
    status = draw(st.sampled_from(PROJECT_STATUS))
    algorithm: dict[str, Any] = {
        "publicatiecategorie": draw(st.sampled_from(PUBLICATION_CATEGORY)),
        "soort": draw(st.sampled_from(["regelgebaseerd", "statistisch", "zelflerend"])),
        "menselijke_tussenkomst": draw(markdown(2500)),
        "risicobeheer": draw(markdown(2500)),
    }
    optional = {
        "beleidsterrein": st.lists(st.sampled_from(POLICY_AREA), min_size=1, max_size=5,
                                   unique=True),
        "in_gebruik_sinds": st.sampled_from(["2023-01", "2024-12", "2025-06-15"]),
        "afwegingen": markdown(2500),
        "wettelijke_basis": markdown(2500),
        "wettelijke_basis_links": st.lists(st.fixed_dictionaries(
            {"titel": line(100), "link": url()}), min_size=1, max_size=3),
        "technische_werking": markdown(5000),
        "leverancier": line(100),
        "broncode": url(),
        "verwerkingsregister": url(),
        "impacttoetsen": st.lists(st.fixed_dictionaries(
            {"titel": st.sampled_from(["DPIA", "IAMA bruggen", "FRIA", "Ethische toets"])},
            optional={"link": url()}), min_size=1, max_size=3),
        "toelichting_impacttoetsen": markdown(2500),
        "lars": st.sampled_from(["12345678", "00000042"]),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            algorithm[key] = draw(strategy)
    data: dict[str, Any] = {
        "naam": draw(line(100)),
        "samenvatting": draw(line(350)),
        "themas": ["transparantie"],
        "status": status,
        "start": "2022-01",
        "eigenaar": "Team Data",
        "doel": draw(markdown(2500)),
        "gegevens": sources,
        "dpia": dpia,
        "algoritme": algorithm,
    }
    if status == "buiten-gebruik":
        data["eind"] = "2025-03"
    # ids have at most 100 characters (DV015): the register's source_id limit is never reached
    project_id = draw(st.integers(1, 100).map(lambda n: ("algoritme-" * 12)[:n].strip("-")
                                              or "a"))
    return project_id, data


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(project())
def test_what_check_accepts_the_register_accepts(case: tuple[str, dict[str, Any]]) -> None:
    project_id, data = case
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_minimal(Path(tmp) / "p")
        path = root / "content" / "projecten" / f"{project_id}.yml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
                        encoding="utf-8")
        found = check_issues(root)
        errors = [i for i in found if not i["code"].startswith("W")]
        assert errors == [], errors  # the generator writes valid content only
        issues = [i for i in found if i["code"].startswith("W2")]  # the register's warnings
        out = Path(tmp) / "uit"
        code, text = export(root, out)
        event("register warns" if issues else "register accepts")
        if not issues:
            assert code == 0, text
            for file in sorted(out.iterdir()):
                records = json.loads(file.read_text(encoding="utf-8"))
                for record in records if isinstance(records, list) else [records]:
                    assert register.errors(record) == [], (file.name, register.errors(record))
        else:
            assert {i["code"] for i in issues} <= {"W201", "W202", "W203"}, issues
            assert code == 1 and not out.exists(), text
            refused = {(i["path"], i["line"]) for i in issues}
            for where in refused:
                assert f"{where[0]}:{where[1]}:" in text
            assert "DV23" in text


MARKDOWNISH = st.lists(st.sampled_from(list("ab cë\t\n#*-_`>1.)&;:!|=~+\\\"'") +
                                        ["&amp;", "&#128512;", "  \n", "\n\n", "    ", "- ",
                                         "1. ", "***", "\n---\n", "```"]),
                       max_size=120).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
def test_the_bound_that_spares_converting_is_never_below_the_register_length(text: str) -> None:
    """`datavisie check` leaves out a text whose bound fits the register's limit: the bound
    must never be below what the register measures (lxml) on the exported HTML."""
    from build_tools.views.algoritmeregister.html import markdown_bound, register_html

    bound = markdown_bound(text)
    assert bound is not None  # no `[` or `<` in this alphabet
    exported = register_html(text) or ""
    assert len(register.strip_html(exported)) <= bound, (text, exported)
