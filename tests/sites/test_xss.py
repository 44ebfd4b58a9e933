"""Content cannot attack readers: every payload of tests/fixtures/xss.txt in every text field of
every content file and in the Markdown bodies, a real build per payload, and every HTML page,
the search index, the posters' SVG and the downloads read back and checked for anything that
could run: scripts other than Material's and ours, event handlers, script URLs, frames,
forms, base/refresh, CSS expressions. Policy per field: docs/threat-model.md."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from places import FIXTURES, REPO, Factory
from sitekit import Html, make_project, read_markdown, read_yaml, write_markdown, write_yaml

from build_tools.content.contract import FILE_SCHEMAS
from build_tools.content.types import ListOf, Record, Text, Type

CASES = FIXTURES / "xss.txt"
PAYLOADS = [line for line in CASES.read_text(encoding="utf-8").split("\n")
            if line and not line.startswith("#")]
slow = pytest.mark.slow

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster",
                  "background", "srcset", "codebase", "cite", "ping", "lowsrc", "dynsrc",
                  "values", "to", "from", "by"}
ACTIVE_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "math",
               "portal", "xmp", "plaintext", "noembed", "isindex", "template"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
BAD_CSS = re.compile(r"expression\s*\(|javascript:|vbscript:|@import|behavior\s*:|"
                     r"-moz-binding|url\s*\(\s*['\"]?\s*(?!data:font/|#)[a-z]+:", re.I)
_SCOPE = re.compile(r'new URL\("[^"]*",location\)')


def test_corpus_is_large_and_varied() -> None:
    assert len(PAYLOADS) >= 25
    joined = "\n".join(PAYLOADS).lower()
    for needle in ("<script", "onerror", "onload", "javascript:", "data:", "vbscript:", "<iframe",
                   "<object", "<embed", "expression(", "<base", "http-equiv", "formaction",
                   "<math", "<svg", "{{", "{%", "\u200b", "\u202e", "&#106;", '"', "'"):
        assert needle in joined, needle


# --- putting payloads into content ---------------------------------------------------------

def markdown_contexts(payload: str) -> str:
    """One payload in the Markdown contexts a renderer treats differently."""
    return (f"{payload}\n\n## {payload}\n\n- {payload}\n- [{payload}](#)\n\n"
            f"| kop | {payload} |\n|---|---|\n| {payload} | x |\n\n"
            f'!!! note "{payload}"\n    {payload}\n\n> {payload}\n\n'
            f"Term\n:   {payload}\n\nTekst[^1].\n\n[^1]: {payload}\n")


def fill(value: Any, schema: Type, text: Callable[[Text, str, Any], Any], where: str) -> Any:
    """`value` with every Text field replaced by `text(field type, field path, old value)`."""
    if isinstance(schema, Record) and isinstance(value, dict):
        return {k: fill(v, schema.fields[k].type, text, f"{where}.{k}")
                if k in schema.fields else v for k, v in value.items()}
    if isinstance(schema, ListOf) and isinstance(value, list):
        return [fill(v, schema.item, text, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(schema, Text) and isinstance(value, str):
        return text(schema, where, value)
    return value


def payload_text(payload: str, counter: dict[str, int]) -> Callable[[Text, str, Any], Any]:
    def text(t: Text, where: str, old: Any) -> Any:
        counter[where] = counter.get(where, 0) + 1
        n = len(counter)
        if where.endswith(".tag"):  # names a git object, never text: every payload is
            return old  # refused there (test_a_payload_is_never_a_versions_tag)
        if where.endswith(".versie"):  # unique and ordered
            return f"{n}{payload}"[: t.max or 20]
        if where.endswith(".term"):  # unique
            return f"{payload} {n}"[-(t.max or 60):]
        if t.markdown:
            if "<!--" in payload:  # refused in Markdown (DV120); tested in test_leaks.py
                return old
            full = markdown_contexts(payload)
            return full if t.max is None or len(full) <= t.max else payload[: t.max]
        if t.single_line or t.max is None or len(payload) * 2 + 1 > t.max:
            return payload[: t.max] if t.max else payload
        return f"{payload}\n{payload}"
    return text


def plant_payload(content: Path, payload: str) -> None:
    counter: dict[str, int] = {}
    text = payload_text(payload, counter)
    for path in sorted(content.rglob("*")):
        rel = path.relative_to(content).as_posix()
        kind = _kind(rel)
        if kind is None:
            continue
        schema = FILE_SCHEMAS[kind]
        if path.suffix == ".md":
            meta, body = read_markdown(path)
            meta = fill(meta, schema, text, rel)
            extra = "" if "<!--" in payload else "\n" + markdown_contexts(payload)
            write_markdown(path, meta, body + extra)
        else:
            write_yaml(path, fill(read_yaml(path), schema, text, rel))


def _kind(rel: str) -> str | None:
    from build_tools.content.load import _kind_of

    return _kind_of(rel)


# --- reading output ------------------------------------------------------------------------

def _norm_url(value: str) -> str:
    """A URL as a browser reads its scheme (WHATWG URL): leading and trailing C0 controls
    and spaces stripped, tabs and line breaks removed anywhere, case ignored."""
    return re.sub(r"[\t\n\r]", "", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n"
                                              "\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15"
                                              "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
                                              )).lower()


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What Material and our plugin emit on a clean build: the allowed scripts."""
    site = _build(make_project(tmp_path_factory.mktemp("xss-basis") / "p", posters=False,
                               cards=False))
    srcs, bodies = set(), set()
    for path in sorted(site.rglob("*.html")):
        doc = Html(path.read_text(encoding="utf-8"))
        page = path.relative_to(site).as_posix()
        for attrs, body in doc.scripts:
            if attrs.get("src"):
                srcs.add(_site_path(page, attrs["src"]))
            elif attrs.get("type") != "application/json":
                bodies.add(_SCOPE.sub("", body.strip()))
    assert srcs  # inline bodies: none since the CSP work; any that appear must be known
    return {"srcs": srcs, "bodies": bodies}


def _site_path(page: str, url: str) -> str:
    return urlsplit(urljoin("https://site.invalid/" + page, url)).path.lstrip("/")


def _build(project: Path) -> Path:
    """An in-process build; the link check is off (hostile links are broken on purpose; the
    link check has its own tests), the leak scan stays on."""
    from build_tools.build import site as sitebuild
    from build_tools.gate import rules as gate

    original = gate.check_site
    gate.check_site = lambda *a, **k: []
    try:
        out = project.parent / "site"
        code = sitebuild.build(project, out=str(out), strict=False)
    finally:
        gate.check_site = original
    assert code == 0, f"build of {project} ended with {code}"
    return out


def html_findings(html: str, page: str, allowed: dict[str, Any]) -> list[str]:
    """Everything on a page that could run script or send the reader elsewhere unasked."""
    doc = Html(html)
    found = []
    for attrs, body in doc.scripts:
        if attrs.get("src"):
            if _site_path(page, attrs["src"]) not in allowed["srcs"]:
                found.append(f"script src {attrs['src']!r}")
        elif attrs.get("type") == "application/json" and attrs.get("id") == "__config":
            json.loads(body)
        elif _SCOPE.sub("", body.strip()) not in allowed["bodies"]:
            found.append(f"inline script {body[:60]!r}")
    for tag, attrs in doc.tags:
        if tag in ACTIVE_TAGS:
            found.append(f"<{tag}>")
        if tag == "form" and ("action" in attrs or not _our_form(attrs)):
            found.append("<form>")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            found.append("<meta refresh>")
        if tag == "link" and attrs.get("rel", "").lower() in ("stylesheet", "import", "preload") \
                and urlsplit(attrs.get("href", "")).scheme:
            found.append(f"external {attrs['rel']} {attrs['href']!r}")
        for name, value in attrs.items():
            url = _norm_url(value)
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            elif name == "style" and BAD_CSS.search(value):
                found.append(f"<{tag} style={value[:40]!r}>")
            elif name in URL_ATTRIBUTES and url.startswith(BAD_SCHEMES) \
                    and not _material_share(attrs):
                found.append(f"<{tag} {name}={value[:50]!r}>")
    found += [f"<style> {s[:40]!r}" for s in doc.styles if BAD_CSS.search(s)]
    return found


def _our_form(attrs: dict[str, str]) -> bool:
    """Material's search and colour-scheme forms and our CSS-only filters (none submits)."""
    classes = attrs.get("class", "").split()
    return "md-search__form" in classes or "dv-filter" in classes or \
        attrs.get("data-md-component") == "palette"


def _material_share(attrs: dict[str, str]) -> bool:
    """Material's own search-share button (`href="javascript:void(0)"`, a no-op)."""
    return attrs.get("data-md-component") == "search-share" and \
        _norm_url(attrs.get("href", "")) == "javascript:void(0)"


def svg_findings(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # well-formed: escaping held
    found = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("script", "foreignObject", "iframe", "embed", "object", "handler",
                   "animate", "set", "animateTransform", "a"):
            found.append(f"<{tag}> in SVG")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1]
            url = _norm_url(value)
            if local.startswith("on"):
                found.append(f"{local}= in SVG")
            if local == "href" and not (url.startswith("#") or url.startswith("data:image/")):
                found.append(f"href={value[:40]!r} in SVG")
        if tag == "style" and el.text and re.search(r"javascript:|expression\(|@import",
                                                    el.text, re.I):
            found.append("<style> in SVG")
    return found


def site_findings(site: Path, allowed: dict[str, Any]) -> list[str]:
    found = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        found += [f"{page}: {f}" for f in html_findings(path.read_text(encoding="utf-8"), page,
                                                        allowed)]
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:  # Material renders titles and text as HTML
        for part in (doc.get("title", ""), doc.get("text", "")):
            found += [f"search {doc['location']}: {f}"
                      for f in html_findings(part, "index.html", allowed)]
    for path in sorted(site.rglob("*.svg")):
        found += [f"{path.relative_to(site)}: {f}" for f in svg_findings(
            path.read_text(encoding="utf-8"))]
    return found


# --- the tests -----------------------------------------------------------------------------


KEEP_PROJECTS = {"voorspelmodel-wietkwekerijen", "wmo-monitor", "open-data-portaal"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with three projects (every field type, fewer pages: faster builds)."""
    project = make_project(tmp_path_factory.mktemp("xss-sjabloon") / "p", posters=False,
                           cards=False)
    for path in (project / "content/projecten").glob("*.yml"):
        if path.stem not in KEEP_PROJECTS:
            path.unlink()
    return project


def check_payload(template: Path, work: Path, payload: str,
                  allowed: dict[str, Any]) -> list[str]:
    """Build a copy of `template` with `payload` in every field; what could run (runs in a
    worker process)."""
    project = work / "p"
    shutil.copytree(template, project)
    plant_payload(project / "content", payload)
    refused = _refused_markup(project)
    if refused:  # an attribute or image Markdown may not make: refused, nothing published
        from build_tools.build import site as sitebuild

        code = sitebuild.build(project, out=str(work / "site"), strict=False)
        shutil.rmtree(work)
        return [] if code == 1 else [f"{sorted(refused)} refused, yet the build ended {code}"]
    site = _build(project)
    found = site_findings(site, allowed)
    if payload.startswith("<") and not payload.startswith(("<!--", "<javascript:", "<https:")):
        # raw HTML is shown as text: proof that the payload reached the page
        vision = Html((site / "visie/index.html").read_text(encoding="utf-8")).text
        if " ".join(payload.split()) not in vision:
            found.append("payload not shown on the vision page")
    shutil.rmtree(work)
    return found


AUTHOR_MARKUP_CODES = {"DV130", "DV131", "DV132", "DV133"}  # build_tools/content/markup_tree.py


def _refused_markup(project: Path) -> set[str]:
    """The codes when the content check refuses the payload as author markup (an image from
    elsewhere, an `on*` attribute from `{: }`) and for nothing else; else an empty set.
    Warnings refuse nothing (a payload in a one-line field may also be reported as one)."""
    from build_tools.content.load import load
    from build_tools.errors import ContentError

    try:
        load(project)
    except ContentError as exc:
        codes = {i.code for i in exc.issues if not i.is_warning}
        return codes if codes <= AUTHOR_MARKUP_CODES else set()
    return set()


def test_markup_payloads_the_check_refuses() -> None:
    """Which payloads the content check refuses before any build (the others are built and
    their output checked): images with a scheme and event handlers set with `{: }`."""
    from build_tools.content.markup_tree import findings

    refused = {p for p in PAYLOADS
               if findings(markdown_contexts(p)) or findings("Tekst.\n" + markdown_contexts(p))}
    assert refused == {"![plaatje](javascript:alert(1))", '{: onclick="alert(1)" }'}


def test_a_payload_is_never_a_versions_tag(valid_content) -> None:  # type: ignore[no-untyped-def]
    """A version's `tag` names the git object its text comes from and is never shown as text;
    the check refuses every payload there at its `tag:` line, before anything is built (the
    other tests leave `tag` as it was, so their builds can read history)."""
    from build_tools.content.load import load
    from build_tools.errors import ContentError

    root = valid_content()
    path = root / "content/versies.yml"
    versions = read_yaml(path)
    day = versions[0]["datum"]
    planted = [{"versie": f"0.{i + 1}", "datum": day.replace(),  # a copy: YAML gets no anchor
                "status": "vastgesteld-raad",
                "besluit": {"orgaan": "gemeenteraad", "kenmerk": f"RB-{i}"},
                "samenvatting": "Tekst.", "tag": payload}
               for i, payload in enumerate(PAYLOADS)]
    write_yaml(path, planted + versions)
    with pytest.raises(ContentError) as caught:
        load(root)
    at = {(i.path, i.line) for i in caught.value.issues}
    lines = path.read_text(encoding="utf-8").split("\n")
    tag_lines = [n for n, line in enumerate(lines, 1) if line.startswith("  tag:")]
    assert len(tag_lines) == len(PAYLOADS)
    refused = [p for p, n in zip(PAYLOADS, tag_lines, strict=True)
               if ("content/versies.yml", n) in at]
    assert refused == PAYLOADS
    assert "DV221" in {i.code for i in caught.value.issues}


@slow
def test_clean_build_passes_the_checks(baseline: dict[str, Any], template: Path,
                                       tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(template, project)
    assert site_findings(_build(project), baseline) == []


@slow
def test_no_payload_in_any_field_produces_executable_content(
        baseline: dict[str, Any], template: Path, tmp_path: Path) -> None:
    """One build per payload, the payload in every text field and every Markdown body (two
    worker processes: a build is CPU-bound, and each takes a few seconds)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        results = list(pool.map(check_payload, [template] * len(PAYLOADS),
                                [tmp_path / f"p{i}" for i in range(len(PAYLOADS))], PAYLOADS,
                                [baseline] * len(PAYLOADS)))
    failures = {p: found[:5] for p, found in zip(PAYLOADS, results, strict=True) if found}
    assert failures == {}


@slow
def test_posters_and_social_cards_escape_every_payload(tmp_path: Path) -> None:
    from build_tools.audience import for_audience
    from build_tools.content.load import load
    from build_tools.housestyle.css import load_style
    from build_tools.views import posters

    project = make_project(tmp_path / "p", posters=False, cards=False)
    style = load_style(project / "theme", project)
    failures = {}
    for i, payload in enumerate(PAYLOADS[::3]):
        content = tmp_path / f"c{i}"
        shutil.copytree(project / "content", content / "content")
        plant_payload(content / "content", payload)
        if _refused_markup(content):  # refused before any view: no poster is made of it
            continue
        model = for_audience(load(content))
        try:
            svgs = posters.render_svgs(model, style, posters_dir=project / "posters")
        except Exception as exc:  # content too long for a poster: refused, not rendered
            assert "DP1" in str(exc), exc
            svgs = {}
        svgs["kaart"] = posters.social_card_svg(model, style, title=payload, subtitle=payload,
                                                section=payload,
                                                posters_dir=project / "posters")
        for name, svg in svgs.items():
            found = svg_findings(svg)
            if found:
                failures[(payload, name)] = found
    assert failures == {}


@pytest.mark.parametrize("field", ["site_url", "repo_url"])
@pytest.mark.parametrize("value", ["javascript:alert(1)", "data:text/html,<script>x</script>",
                                   'https://x.example/" onmouseover="alert(1)',
                                   "https://x.example/<script>", "//x.example/", "vbscript:x",
                                   " javascript:alert(1)", "jav\tascript:alert(1)"])
def test_addresses_in_content_must_be_web_addresses(valid_content: Factory, field: str,
                                                    value: str) -> None:
    from build_tools.content.load import load
    from build_tools.errors import ContentError

    root = valid_content()
    path = root / "content/organisatie.yml"
    data = read_yaml(path)
    data[field] = value
    write_yaml(path, data)
    with pytest.raises(ContentError) as caught:
        load(root)
    assert "DV110" in {i.code for i in caught.value.issues}


def test_csv_cells_cannot_start_a_formula(valid_content: Factory) -> None:
    from build_tools.audience import for_audience
    from build_tools.content.load import load
    from build_tools.views.downloads import projects_csv

    root = valid_content()
    for i, path in enumerate(sorted((root / "content/projecten").glob("*.yml"))):
        data = read_yaml(path)
        data["naam"] = ["=HYPERLINK(\"https://x.example\")", "+1+cmd|' /C calc'!A0",
                        "-2+3", "@SUM(1)", "\t=1", "\r=1"][i % 6]
        data["eigenaar"] = "=1+1"
        data["samenvatting"] = "@echo"
        write_yaml(path, data)
    rows = list(csv.reader(io.StringIO(projects_csv(for_audience(load(root))).decode())))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_calendar_text_cannot_add_lines(valid_content: Factory) -> None:
    from build_tools.audience import for_audience
    from build_tools.content.load import load
    from build_tools.views.downloads import roadmap_ics

    root = valid_content()
    path = root / "content/routekaart.yml"
    data = read_yaml(path)
    for m in data["mijlpalen"]:
        m["toelichting"] = "Regel\nEND:VEVENT\nBEGIN:VEVENT\nURL:javascript:alert(1)\n"
        m["titel"] = "X;Y,Z\\"
    write_yaml(path, data)
    ics = roadmap_ics(for_audience(load(root))).decode()
    unfolded = re.sub(r"\r\n[ \t]", "", ics)
    lines = unfolded.split("\r\n")
    assert lines[-1] == ""
    assert sum(1 for line in lines if line == "BEGIN:VEVENT") == len(data["mijlpalen"])
    assert not [line for line in lines if line.startswith("URL:javascript")]
    for line in lines[:-1]:
        assert re.match(r"^[A-Z-]+[;:]", line), line


@slow
def test_plain_text_fields_stay_text(template: Path, tmp_path: Path) -> None:
    """A field that the contract calls plain text is never read as Markdown or HTML: its
    asterisks, brackets and tags are shown as typed, wherever the site uses it."""
    project = tmp_path / "p"
    shutil.copytree(template, project)
    typed = "**VET** [LINK](https://x.example/l) <b>B</b>"

    def plain_only(t: Text, where: str, old: Any) -> Any:
        if t.markdown or where.endswith((".versie", ".term", ".tag", "repo_branch")):
            return old
        return typed[: t.max] if t.max else typed

    for path in sorted((project / "content").rglob("*")):
        rel = path.relative_to(project / "content").as_posix()
        kind = _kind(rel)
        if kind is None:
            continue
        if path.suffix == ".md":
            meta, body = read_markdown(path)
            write_markdown(path, fill(meta, FILE_SCHEMAS[kind], plain_only, rel), body)
        else:
            write_yaml(path, fill(read_yaml(path), FILE_SCHEMAS[kind], plain_only, rel))
    site = _build(project)
    shown = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        links = [a.get("href") for a in Html(html).find("a")]
        assert "https://x.example/l" not in links, path
        assert "<strong>VET" not in html and "<b>B</b>" not in html, path
        shown += "**VET**" in Html(html).text
    assert shown > 10


# The policy docs/content-security-policy.md recommends (the browser tests send it).
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
       "form-action 'none'")


@slow
def test_pages_need_nothing_the_content_security_policy_forbids(template: Path,
                                                                tmp_path: Path) -> None:
    """Static half of the CSP check (the browser tests load every page under it): no inline
    script or style, no handler attributes, no script URLs, nothing from another host."""
    notes = (REPO / "docs" / "content-security-policy.md").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {CSP}" in notes
    project = tmp_path / "p"
    shutil.copytree(template, project)
    site = _build(project)
    for path in sorted(site.rglob("*.html")):
        doc = Html(path.read_text(encoding="utf-8"))
        page = path.relative_to(site).as_posix()
        for attrs, body in doc.scripts:
            if attrs.get("src"):
                assert not urlsplit(attrs["src"]).netloc, (page, attrs["src"])
            else:  # data blocks are not run (and need no 'unsafe-inline')
                assert attrs.get("type") == "application/json", (page, body[:60])
        assert doc.styles == [], page
        for tag, attrs in doc.tags:
            assert "style" not in attrs, (page, tag, attrs)
            assert not [a for a in attrs if a.startswith("on")], (page, tag, attrs)
            for name in ("src", "href"):
                url = _norm_url(attrs.get(name, ""))
                assert not url.startswith(("javascript:", "vbscript:")), (page, tag, url)
                if tag in ("img", "script", "link", "source") and \
                        attrs.get("rel") not in ("canonical", "alternate"):
                    assert not urlsplit(url).netloc, (page, tag, url)
    for css in sorted(site.rglob("*.css")):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            assert url.startswith("data:") or not urlsplit(url).scheme, (css, url)
