"""Posters: definitions, text that fits, self-contained SVG, PNG/PDF through CairoSVG, cache,
safety (nothing fetched), CONCEPT mark, social cards, and a pixel comparison.

The reference image is regenerated with one command (review the new PNG like code):

    DATAVISIE_UPDATE_REFERENCE=1 .venv/bin/python -m pytest tests/test_posters.py -k reference
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageStat
from places import FIXTURES, MINIMAL, NOORDKUST, REPO
from sitekit import bouw, make_project

from build_tools.audience import for_audience
from build_tools.content.load import load
from build_tools.content.model import Datavisie, Version
from build_tools.content.types import parse_when
from build_tools.errors import EXIT_CONTENT, ContentError
from build_tools.housestyle.css import load_style
from build_tools.housestyle.tokens import Style
from build_tools.views import posters
from build_tools.views.posters import assets, kinds, layout, raster, render, scene, textfit

POSTERS = REPO / "posters"
REFERENCE = FIXTURES / "posters" / "thema-ethiek-40dpi.png"
SVG = "{http://www.w3.org/2000/svg}"


def defs() -> list[layout.PosterDef]:
    found, issues = layout.read_definitions(POSTERS, REPO)
    assert issues == []
    return found


def parse_svg(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    # xml:lang, which every SVG reader knows (browsers give it precedence over lang); a plain
    # `lang` is SVG 2 only and makes the file invalid SVG 1.1 for the Nu Html Checker
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert root.get("lang") is None
    assert (root.findtext(f"{SVG}title") or "").strip()
    assert (root.findtext(f"{SVG}desc") or "").strip()
    return root


def svg_text(root: ET.Element) -> str:
    return " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


# --- definitions --------------------------------------------------------------------------


def test_definitions_in_posters_folder_are_valid() -> None:
    by_name = {d.name: d for d in defs()}
    assert {d.kind for d in by_name.values()} == {"visie", "routekaart", "thema", "kaart"}
    assert by_name["visie"].size == (594, 841)  # A1 portrait
    assert by_name["routekaart"].size == (420, 297)  # A3 landscape
    assert by_name["thema"].size == (210, 297)
    assert by_name["kaart"].size == (1200, 630) and by_name["kaart"].unit == "px"


BAD_DEFINITIONS = [
    ("sjabloon: visie.svg.j2", "sjabloon: ../../etc/passwd", "DP004"),
    ("sjabloon: visie.svg.j2", "sjabloon: https://evil.example/visie.svg.j2", "DP004"),
    ("titel: De datavisie op één poster", "titel: X\nlogo: https://evil.example/logo.svg", "DV117"),
    ("  voet: {", "  achtergrond: {vak: [0, 0, 10, 10]}\n  voet: {", "DP006"),
    ("  voet: {vak: [40, 798, 514, 34]",
     "  voet: {bron: file:///etc/passwd, vak: [40, 798, 514, 34]", "DV117"),
    ("  voet: {vak: [40, 798, 514, 34]", "  voet: {vak: [40, 798, 514, 340]", "DP007"),
    ("grootte: [20, 12]}", "grootte: [12, 20]}", "DP008"),
    ("  radar:", "  radar_weg:", "DP006"),
]


@pytest.mark.parametrize(("old", "new", "code"), BAD_DEFINITIONS)
def test_bad_definition_is_an_issue_and_renders_nothing(tmp_path: Path, model: Datavisie,
                                                         style: Style, old: str, new: str,
                                                         code: str) -> None:
    folder = tmp_path / "posters"
    shutil.copytree(POSTERS, folder)
    target = folder / "visie.yml"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, issues = layout.read_definitions(folder, tmp_path)
    assert code in {i.code for i in issues}
    assert all(i.path == "posters/visie.yml" and i.line >= 1 for i in issues)
    with pytest.raises(ContentError):
        posters.render_svgs(model, style, posters_dir=folder)


def test_missing_region_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "posters"
    shutil.copytree(POSTERS, folder)
    target = folder / "visie.yml"
    lines = [ln for ln in target.read_text(encoding="utf-8").splitlines()
             if not ln.startswith("  cijfers:")]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, issues = layout.read_definitions(folder, tmp_path)
    assert [i.code for i in issues] == ["DP009"] and "cijfers" in issues[0].message


BAD_TEMPLATES = [
    # file, old, new, expected issue (path:line:col: code) and a word of its message
    ("thema.svg.j2", "{{ band|n }}", "{{ band|n }", "posters/thema.svg.j2:6:1: DP011",
     "fout in postersjabloon"),
    ("thema.svg.j2", "{{ band|n }}", "{{ bandje|n }}", "posters/thema.svg.j2:6:1: DP011",
     "bandje"),
    ("thema.svg.j2", "{{ band|n }}", "{{ theme_colour|n }}", "posters/thema.svg.j2:6:1: DP011",
     "ValueError"),
    ("_basis.svg.j2", "</svg>", '{% include "weg.svg.j2" %}</svg>', "posters/_basis.svg.j2:",
     "weg.svg.j2"),
    ("thema.yml", "sjabloon: thema.svg.j2", "sjabloon: thema2.svg.j2", "posters/thema.yml:",
     "thema2.svg.j2"),
]


@pytest.mark.parametrize(("name", "old", "new", "where", "word"), BAD_TEMPLATES,
                         ids=["syntax", "undefined", "filter", "include", "missing"])
def test_failing_template_is_an_issue_at_its_line(tmp_path: Path, model: Datavisie,
                                                  style: Style, name: str, old: str, new: str,
                                                  where: str, word: str) -> None:
    """Templates are the organisation's own files: a mistake in one is reported like a
    content error (file and line, all at once, no traceback), once per template."""
    folder = tmp_path / "posters"
    shutil.copytree(POSTERS, folder)
    target = folder / name
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    issues = posters.check_fit(model, style, posters_dir=folder)
    assert len(issues) == 1, [i.format() for i in issues]  # four themes, one template: once
    assert issues[0].format().startswith(where) and word in issues[0].message
    assert issues[0].code in ("DP011", "DP012")
    with pytest.raises(ContentError):
        posters.render_svgs(model, style, posters_dir=folder)


@pytest.mark.slow
def test_failing_template_stops_the_build_with_a_content_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    target = project / "posters" / "visie.svg.j2"
    target.write_text(target.read_text(encoding="utf-8").replace("{{", "{{ niet_bekend +", 1),
                      encoding="utf-8")
    result = bouw(project, tmp_path / "site")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "posters/visie.svg.j2:" in result.stderr and "DP011" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site").exists()


# --- text measurement and fitting ---------------------------------------------------------


def face(style: Style) -> textfit.Face:
    return textfit.load_face(style.fonts.text.face(400).path)


def test_width_is_the_sum_of_real_advances(style: Style) -> None:
    from fontTools.ttLib import TTFont

    f = face(style)
    with TTFont(f.path) as font:
        cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
        expected = sum(hmtx[cmap[ord(ch)]][0] for ch in "Eerlijk & één") / upm * 20
    assert f.width("Eerlijk & één", 20) == pytest.approx(expected)
    assert f.width("WWW", 10) > f.width("iii", 10)


def test_text_shrinks_step_wise_then_breaks_words_only_at_the_smallest(style: Style) -> None:
    f = face(style)
    text = "Gegevensbeschermingseffectbeoordeling voor iedereen"
    para = [textfit.Para(text, f)]
    flow = textfit.fit(para, 200, 100, largest=30, smallest=10, step=1)
    assert flow is not None and flow.size < 30
    assert all("-" not in ln for p in flow.placed for ln in p.lines)
    narrow = textfit.fit(para, 60, 200, largest=12, smallest=10, step=1)
    assert narrow is not None and narrow.size == 10
    assert any(ln.endswith("-") for p in narrow.placed for ln in p.lines)


def test_balanced_titles_keep_their_line_count(style: Style) -> None:
    f = face(style)
    plain = textfit.layout([textfit.Para("Datagedreven werken in Den Helder", f)], 400, 30)
    even = textfit.layout([textfit.Para("Datagedreven werken in Den Helder", f, balance=True)],
                          400, 30)
    assert plain is not None and even is not None
    a, b = plain.placed[0].lines, even.placed[0].lines
    assert len(a) == len(b) == 2
    widths = [f.width(ln, 30) for ln in b]
    assert max(widths) <= max(f.width(ln, 30) for ln in a)


DUTCH = ["één", "ĳsje", "café", "coördinatie", "geïnteresseerd", "zeeën", "&", "<", ">", '"',
         "'", "&amp;", "<b>", "]]>", "😀", "🇳🇱", "data", "algoritme", "gemeente", "Den",
         "Helder", "privacy", "gegevensbeschermingseffectbeoordeling", "x" * 60, "\u00ad",
         "\u200b", "a\u0301", "\t", "\x07"]
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=300),
    st.lists(st.sampled_from(DUTCH), min_size=1, max_size=120).map(" ".join),
)


@settings(max_examples=60, deadline=None)
@given(text=TEXT, width=st.floats(20, 400), height=st.floats(5, 200))
def test_fit_either_fits_its_box_or_says_how_much_is_too_long(style: Style, text: str,
                                                              width: float,
                                                              height: float) -> None:
    f = face(style)
    para = [textfit.Para(text, f, source=textfit.Source(parse_pos(), "tekst"))]
    flow = textfit.fit(para, width, height, largest=14, smallest=6, step=1)
    if flow is not None:
        assert flow.height <= height + 1e-6
        for placed in flow.placed:
            for line in placed.lines:
                assert f.width(line, placed.size) <= width + 1e-6
        return
    over = textfit.overflow(para, width, height, smallest=6)
    assert over.too_long > 0
    cleaned = textfit.clean(text)
    if over.too_long < len(cleaned):
        cut = [textfit.Para(cleaned[: len(cleaned) - over.too_long], f)]
        assert textfit.fit(cut, width, height, largest=6, smallest=6, step=1) is not None


def parse_pos() -> Any:
    from build_tools.errors import Pos

    return Pos("content/x.md", 3, 1)


# --- every text region, on every poster ---------------------------------------------------


def _with_texts(model: Datavisie, t: dict[str, str]) -> Datavisie:
    theme = model.themas[0]
    pr = dataclasses.replace(theme.principes[0], titel=t["principe"], toelichting=t["toelichting"])
    theme = dataclasses.replace(theme, titel=t["thema"], ambitie=t["ambitie"],
                                principes=(pr, *theme.principes[1:]))
    visie = dataclasses.replace(model.visie, titel=t["titel"], kernboodschap=t["kern"])
    return dataclasses.replace(model, visie=visie, themas=(theme, *model.themas[1:]))


FIELDS = {"titel": ("content/visie.md", "titel"), "kern": ("content/visie.md", "kernboodschap"),
          "thema": ("themas", "titel"), "ambitie": ("themas", "ambitie"),
          "principe": ("themas", "titel"), "toelichting": ("themas", "toelichting")}


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.fixed_dictionaries({k: TEXT.filter(lambda s: textfit.clean(s) != "")
                                   for k in FIELDS}))
def test_every_text_region_fits_or_is_reported(model: Datavisie, style: Style,
                                                      data: dict[str, str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "embed_fonts",
                        lambda svg, faces: svg.replace(assets.FONTS_MARK, ""))
    changed = _with_texts(model, data)
    sources = {"content/visie.md", model.themas[0].path}
    for job in kinds.jobs_for(changed, defs()):
        fonts = scene.Fonts.of(style)
        fitter = scene.Fitter(job.defn, kinds.poster_label(job), fonts)
        ctx = kinds.REGISTRY[job.defn.kind].build(changed, style, job, fitter, None)
        for name, lines in ctx["texts"].items():
            box = job.defn.regions[name].box
            for ln in lines:
                f = textfit.load_face(next(p for p in (fonts.text, fonts.strong, fonts.bold,
                                                       fonts.italic, fonts.heading)
                                           if p.family == ln.family).path)
                assert box.x - 1e-6 <= ln.x and ln.x + f.width(ln.text, ln.size) <= box.right + 1e-3
                assert box.y - 1e-6 <= ln.y <= box.bottom + 1e-6
        for issue in fitter.issues:
            assert issue.code in ("W002", "W401")
            assert issue.path in sources and issue.line > 1
            assert job.name in issue.message
        svg, _ = render.compose(changed, style, job, posters_dir=POSTERS)
        parse_svg(svg)  # well-formed whatever the text


def test_check_fit_names_field_poster_and_how_many_characters(model: Datavisie,
                                                               style: Style) -> None:
    theme = model.themas[0]
    long = ("We gebruiken data alleen als het inwoners echt helpt. " * 40).strip()
    bad = dataclasses.replace(model, themas=(dataclasses.replace(theme, ambitie=long),
                                             *model.themas[1:]))
    issues = [i for i in posters.check_fit(bad, style) if i.code == "W002"]  # printed cut short
    assert issues and all(i.is_warning for i in issues)
    pos = theme.fpos["ambitie"]
    assert {(i.path, i.line) for i in issues} == {(pos.path, pos.line)}
    assert any(f"thema-{theme.id}" in i.message for i in issues)
    counts = [int(i.message.rsplit(": ", 1)[1].split()[0]) for i in issues]
    shorter = dataclasses.replace(theme, ambitie=long[: len(long) - max(counts)])
    fixed = dataclasses.replace(model, themas=(shorter, *model.themas[1:]))
    assert not [i for i in posters.check_fit(fixed, style) if i.code == "W002"]


def test_an_emoji_prints_with_the_fallback_font(model: Datavisie, style: Style) -> None:
    """The house font has no 🐟 or ★: the theme's fallback fonts draw them, so there is no
    issue, and the SVG draws them in a tspan of the fallback family (embedded as a subset)."""
    visie = dataclasses.replace(model.visie, titel="Data voor iedereen 🐟 ★")
    changed = dataclasses.replace(model, visie=visie)
    assert posters.check_fit(changed, style) == []
    svg = posters.render_svgs(changed, style)["visie"]
    assert "DV NotoColorEmoji" in svg and "🐟</tspan>" in svg
    assert "DV NotoSansSymbols2 Regular" in svg and "★</tspan>" in svg
    assert svg.count("@font-face") >= 3  # house font, emoji and symbols, each a subset


def test_a_character_no_font_has_is_a_warning_at_its_line(model: Datavisie,
                                                          style: Style) -> None:
    """U+10900 (Phoenician) is in no font of the theme: a warning (W401), not an error, at
    the line of the title, naming the character; the build goes on."""
    visie = dataclasses.replace(model.visie, titel="Data voor iedereen \U00010900")
    issues = posters.check_fit(dataclasses.replace(model, visie=visie), style)
    found = [i for i in issues if i.code == "W401"]
    assert found and all("U+10900" in i.message for i in found)
    pos = model.visie.fpos["titel"]
    assert {(i.path, i.line) for i in found} == {(pos.path, pos.line)}
    assert not [i for i in issues if not i.code.startswith("W")]


# --- SVG ----------------------------------------------------------------------------------


def test_svgs_are_self_contained_accessible_and_deterministic(model: Datavisie,
                                                              style: Style) -> None:
    svgs = posters.render_svgs(model, style)
    assert set(svgs) == {p.name for p in posters.poster_list(model)}
    for name, svg in svgs.items():
        root = parse_svg(svg)
        assert root.get("role") == "img"
        for el in root.iter():  # nothing to fetch: no links, no images, no foreign content
            for attr, value in el.attrib.items():
                if attr.endswith("href"):
                    assert value.startswith(("#", "data:image/png", "data:image/jpeg")), name
            assert el.tag not in (f"{SVG}script", f"{SVG}foreignObject")
        assert "url(http" not in svg and "url(file" not in svg
        style_text = "".join(s.text or "" for s in root.iter(f"{SVG}style"))
        assert "@font-face" in style_text and "data:font/woff2;base64," in style_text
        assert model.organisatie.site_url.split("://")[1].rstrip("/") in svg_text(root)
    assert model.visie.titel.split()[0] in svg_text(ET.fromstring(svgs["visie"]))
    assert svgs == posters.render_svgs(model, style)


def test_every_poster_carries_version_and_concept_mark(model: Datavisie, style: Style) -> None:
    assert model.versies[-1].status == "concept"
    for svg in posters.render_svgs(model, style).values():
        text = svg_text(ET.fromstring(svg))
        assert "CONCEPT" in text and "Versie 1.1" in text
    adopted = Version("1.1", parse_when("2024-06-01"), "vastgesteld-raad",  # type: ignore[arg-type]
                      "Vastgesteld.", model.versies[0].besluit)
    final = dataclasses.replace(model, versies=(model.versies[0], adopted))
    for svg in posters.render_svgs(final, style).values():
        text = svg_text(ET.fromstring(svg))
        assert "CONCEPT" not in text and "vastgesteld door de gemeenteraad" in text


def test_poster_list_is_cheap_and_has_text_alternatives(model: Datavisie,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "compose", lambda *a, **k: pytest.fail("rendered"))
    infos = posters.poster_list(model)
    names = [p.name for p in infos]
    assert names[0] == "routekaart" and "visie" in names
    assert {f"thema-{t.id}" for t in model.themas} <= set(names)
    for info in infos:
        assert len(info.alt) > 40 and info.title
    ethiek = next(p for p in infos if p.name == "thema-ethiek")
    assert "Ethiek" in ethiek.alt and ethiek.theme == "ethiek"


def test_logo_is_inlined_without_anything_that_fetches() -> None:
    evil = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
            ' viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script>'
            '<style>@import url(https://evil.example/a.css); .a{fill:url(https://x/y)}</style>'
            '<image href="file:///etc/passwd" width="5" height="5"/>'
            '<image xlink:href="https://evil.example/x.png" width="5" height="5"/>'
            '<use href="https://evil.example/s.svg#a"/><use href="#r"/>'
            '<foreignObject><p>x</p></foreignObject>'
            '<rect id="r" width="4" height="4" fill="url(#g)" onclick="x()"/></svg>')
    out = assets.inline_svg(evil, prefix="p", x=1, y=2, width=30, height=10)
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{out}</svg>')
    for el in root.iter():
        assert not any(a.startswith("on") for a in el.attrib)
        for attr, value in el.attrib.items():
            if attr.endswith("href"):
                assert value == "#p-r"
    assert "script" not in out and "foreignObject" not in out and "evil" not in out
    assert "passwd" not in out and "@import" not in out
    assert 'id="p-r"' in out


def test_qr_code_is_one_path_of_modules() -> None:
    path, size = assets.qr_path("https://datavisie.example.nl/")
    assert size >= 21 and path.startswith("M") and "z" in path


def test_fontconfig_knows_only_the_theme_fonts(style: Style, tmp_path: Path) -> None:
    paths = [f.path.resolve() for f in style.fonts.faces()]
    conf = raster.fonts_conf(paths, tmp_path / "cache")
    ET.fromstring(conf.split("\n", 2)[2])  # well-formed after the prolog and doctype
    assert "<include" not in conf and "/usr/share/fonts" not in conf
    for p in paths:
        assert f"<string>{textfit.face_family(p)}</string>" in conf


# --- PNG, PDF, cache ----------------------------------------------------------------------


@pytest.mark.slow
def test_render_all_writes_svg_png_pdf_thumbnails_and_uses_the_cache(
        model: Datavisie, style: Style, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out, cache = tmp_path / "site" / "posters", tmp_path / "cache"
    files = posters.render_all(model, style, out_dir=out, dpi=30, cache_dir=cache,
                               formats=("svg", "png", "pdf"))
    by_name = {f.name: f for f in files}
    sizes = {d.name: d.size for d in defs()}
    for f in files:
        kind = "thema" if f.name.startswith("thema-") else f.name
        w_mm, h_mm = sizes[kind]
        with Image.open(f.paths["png"]) as im:
            assert im.size == (round(w_mm / 25.4 * 30), round(h_mm / 25.4 * 30))
        with Image.open(f.thumbnail) as im:  # type: ignore[arg-type]
            assert im.width == raster.THUMB_WIDTH
        pdf = f.paths["pdf"].read_bytes()
        assert pdf.startswith(b"%PDF")
        page: Any = PdfReader(io.BytesIO(pdf)).pages[0]
        assert float(page.mediabox.width) == pytest.approx(w_mm / 25.4 * 72, abs=0.5)
        fonts = [font.get_object() for font in page["/Resources"]["/Font"].values()]
        names = set()
        for font in fonts:
            desc = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()[
                "/FontDescriptor"]
            assert {"/FontFile2", "/FontFile3"} & set(desc.get_object())
            names.add(str(font["/BaseFont"]))
        assert all("OpenSans" in n for n in names), names  # the bundled font, not a system one
        assert "Ethiek" in page.extract_text() or f.name != "thema-ethiek"
        assert f.fresh == ("png", "pdf", "thumb")
        assert (out / f"{f.name}.svg").read_text(encoding="utf-8").startswith("<svg")
    assert by_name["visie"].paths["svg"].stat().st_mode & 0o044  # readable by the web server
    again = posters.render_all(model, style, out_dir=out, dpi=30, cache_dir=cache,
                               formats=("svg", "png", "pdf"))
    assert [f.fresh for f in again] == [()] * len(again)  # nothing rendered the second time
    assert [f.paths for f in again] == [f.paths for f in files]


@pytest.mark.slow
def test_pixels_match_the_reference(model: Datavisie, style: Style, tmp_path: Path) -> None:
    """A theme A4 at 40 dpi against tests/fixtures/posters/ (see the module docstring)."""
    files = posters.render_all(model, style, out_dir=tmp_path, formats=("png",), dpi=40,
                               thumbnails=False)
    png = next(f for f in files if f.name == "thema-ethiek").paths["png"]
    if os.environ.get("DATAVISIE_UPDATE_REFERENCE"):
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, REFERENCE)
        pytest.skip(f"reference written: {REFERENCE.relative_to(REPO)}")
    with Image.open(png) as new, Image.open(REFERENCE) as ref:
        assert new.size == ref.size
        diff = ImageChops.difference(new.convert("RGB"), ref.convert("RGB")).convert("L")
        mean = ImageStat.Stat(diff).mean[0]
        changed = sum(diff.histogram()[64:]) / (diff.width * diff.height)
    assert mean < 1.5 and changed < 0.01, f"mean {mean:.2f}, changed {changed:.2%}"


def test_rasteriser_fetches_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import cairosvg.url

    asked: list[str] = []
    real = cairosvg.url.fetch

    def spy(url: str, resource_type: str) -> bytes:
        asked.append(url)
        fetched: bytes = real(url, resource_type)
        return fetched

    monkeypatch.setattr(cairosvg.url, "fetch", spy)
    outside = ('<image href="file:///etc/passwd" width="20" height="20"/>'
               '<image href="https://evil.example/x.png" x="20" width="20" height="20"/>'
               '<use href="https://evil.example/s.svg#a"/>'
               '<rect width="10" height="10" fill="url(https://evil.example/p.svg#p)"/>')
    base = ('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30">'
            '<rect width="60" height="30" fill="#ffffff"/>{}</svg>')
    with_refs = raster.convert(raster.Task(base.format(outside).encode(), "png", 96))
    without = raster.convert(raster.Task(base.format("").encode(), "png", 96))
    assert not [u for u in asked if not u.startswith("data:")]
    with Image.open(io.BytesIO(with_refs)) as a, Image.open(io.BytesIO(without)) as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


@pytest.mark.slow
def test_social_card_is_1200_by_630(model: Datavisie, style: Style, tmp_path: Path) -> None:
    png = posters.social_card_png(model, style, title="Ethiek " * 40, subtitle="x " * 400,
                                  section="Thema")
    with Image.open(io.BytesIO(png)) as im:
        assert im.size == (1200, 630)
    paths = posters.social_cards(
        model, style, [posters.SocialCard("themas/ethiek", "Ethiek", "Ambitie", "Thema"),
                       posters.SocialCard("index", model.visie.titel)], out_dir=tmp_path)
    assert paths == [tmp_path / "index.png", tmp_path / "themas" / "ethiek.png"]
    svg = posters.social_card_svg(model, style, title="<b>&</b>", subtitle='"quoted"')
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in svg
    parse_svg(svg)


@pytest.mark.slow
def test_other_municipality_renders_in_its_own_fonts(tmp_path: Path) -> None:
    from pypdf import PdfReader

    nk = for_audience(load(NOORDKUST), "publiek")
    style = load_style(NOORDKUST / "theme", NOORDKUST)
    assert posters.check_fit(nk, style) == []
    files = posters.render_all(nk, style, out_dir=tmp_path, formats=("svg", "pdf"), dpi=20,
                               thumbnails=False)
    assert {f.name for f in files} >= {f"thema-{t.id}" for t in nk.themas}
    visie = next(f for f in files if f.name == "visie")
    page: Any = PdfReader(visie.paths["pdf"]).pages[0]
    names = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    assert all("Inter" in n for n in names), names


@pytest.mark.slow
def test_cli_renders_posters(tmp_path: Path) -> None:
    from build_tools.cli.main import main

    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(REPO / "theme", root / "theme")
    out = tmp_path / "uit"
    assert main(["--root", str(root), "posters", "--formaat", "svg,png", "--dpi", "20",
                 "--uit", str(out)]) == 0
    assert (out / "visie.svg").is_file() and (out / "visie.png").is_file()
    assert not (out / "visie.pdf").exists()
    # kept where the build keeps its posters (project.py), not in a folder of its own
    assert list((root / ".cache/datavisie/posters").glob("*.png"))
    assert not (root / ".cache/posters").exists()
    # a wrong argument is the author's to fix (1), never the leak code (2)
    assert main(["--root", str(root), "posters", "--formaat", "gif"]) == EXIT_CONTENT
    assert main(["--root", str(root), "posters", "--dpi", "5"]) == EXIT_CONTENT


@pytest.mark.slow
def test_cli_posters_keep_their_cache_under_the_plugins_cache_option(tmp_path: Path) -> None:
    from build_tools.cli.main import main

    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(REPO / "theme", root / "theme")
    (root / "mkdocs.yml").write_text(
        "site_name: Datavisie\ndocs_dir: content\nmarkdown_extensions: [toc, admonition, "
        "pymdownx.details, attr_list, def_list, footnotes, tables, sane_lists]\nplugins:\n"
        "  - datavisie:\n      cache: .elders\n", encoding="utf-8")
    out = tmp_path / "uit"
    assert main(["--root", str(root), "posters", "--formaat", "svg,png", "--dpi", "20",
                 "--uit", str(out)]) == 0
    assert list((root / ".elders/posters").glob("*.png"))
    assert not (root / ".cache").exists()


@pytest.mark.slow
def test_rendered_text_is_as_wide_as_measured(style: Style) -> None:
    """PNG glyphs are set unhinted in the bundled font: ink ends where the layout said."""
    fonts = [f.path.resolve() for f in style.fonts.faces()]
    face_ = textfit.load_face(style.fonts.text.face(600).path)
    text = "We gebruiken data alleen als het inwoners echt helpt en als het eerlijk is."
    for size in (9.0, 20.0, 33.0):
        width = face_.width(text, size)
        w = int(width + 40)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="80"'
               f' text-rendering="geometricPrecision"><rect width="{w}" height="80" fill="#fff"/>'
               f'<text x="10" y="50" font-size="{size}" font-family="{face_.family}">{text}</text>'
               f'</svg>')
        png, _ = raster.shared_rasteriser(fonts).submit(
            raster.Task(svg.encode(), "png", 96)).result()
        with Image.open(io.BytesIO(png)) as im:
            ink = Image.eval(im.convert("L"), lambda v: 255 - v).getbbox()
        assert ink is not None
        assert ink[2] <= 10 + width + 1.5, (size, ink, 10 + width)
        assert ink[2] >= 10 + width - size * 0.3  # and really this font, not a narrower one


# --- a build with the same inputs lays nothing out (memo.py) ------------------------------


def _with_core(model: Datavisie, text: str) -> Datavisie:
    return dataclasses.replace(model, visie=dataclasses.replace(model.visie, kernboodschap=text))


def _no_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("laid out again although nothing changed")

    monkeypatch.setattr(posters, "compose", refuse)


def test_check_fit_remembers_inputs_that_fitted_and_only_those(
        model: Datavisie, style: Style, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    assert posters.check_fit(model, style, cache_dir=cache) == []
    with monkeypatch.context() as m:
        _no_layout(m)
        assert posters.check_fit(model, style, cache_dir=cache) == []
    too_long = _with_core(model, "Veel te lang. " * 200)
    issues = posters.check_fit(too_long, style, cache_dir=cache)
    assert [i for i in issues if i.code == "W002"]
    assert posters.check_fit(too_long, style, cache_dir=cache) == issues  # never remembered


@pytest.mark.slow
def test_render_all_with_unchanged_inputs_copies_and_with_changed_inputs_renders(
        model: Datavisie, style: Style, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = posters.render_all(model, style, out_dir=tmp_path / "a", dpi=20, cache_dir=cache)
    with monkeypatch.context() as m:
        _no_layout(m)
        again = posters.render_all(model, style, out_dir=tmp_path / "b", dpi=20,
                                   cache_dir=cache)
    assert [(f.name, f.title, f.alt_text, f.fresh) for f in again] \
        == [(f.name, f.title, f.alt_text, ()) for f in first]
    for a, b in zip(first, again, strict=True):
        for fmt in ("svg", "png", "pdf", "drukwerk"):
            assert a.paths[fmt].read_bytes() == b.paths[fmt].read_bytes()
    # another core message: the visie poster changes, and is not served from the memo
    changed = _with_core(model, "Een andere kernboodschap voor de meting.")
    third = posters.render_all(changed, style, out_dir=tmp_path / "c", dpi=20, cache_dir=cache)
    visie = next(f for f in third if f.name == "visie")
    assert "andere kernboodschap" in visie.paths["svg"].read_text(encoding="utf-8")
    assert visie.fresh == ("png", "pdf", "drukwerk", "thumb")
    # a poster the memo points at has gone from the cache: rendered again, not failed
    for path in cache.glob("*.pdf"):
        path.unlink()
    fourth = posters.render_all(changed, style, out_dir=tmp_path / "d", dpi=20, cache_dir=cache)
    assert all("pdf" in f.fresh for f in fourth)


@pytest.mark.slow
def test_social_cards_are_keyed_on_their_texts_and_the_masthead(
        model: Datavisie, style: Style, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cards = [posters.SocialCard("themas/ethiek", "Ethiek", "Ambitie", "Thema")]
    [first] = posters.social_cards(model, style, cards, out_dir=tmp_path / "a", cache_dir=cache)
    with monkeypatch.context() as m:
        m.setattr("build_tools.views.posters.cards._card_svg",
                  lambda *a, **k: pytest.fail("laid out again"))
        [again] = posters.social_cards(model, style, cards, out_dir=tmp_path / "b",
                                       cache_dir=cache)
        # a project changed: cards do not show projects, so nothing is laid out
        fewer = dataclasses.replace(model, projecten=model.projecten[1:])
        posters.social_cards(fewer, style, cards, out_dir=tmp_path / "c", cache_dir=cache)
    assert first.read_bytes() == again.read_bytes()
    # the site's address is on every card: laid out and drawn again
    moved = dataclasses.replace(model, organisatie=dataclasses.replace(
        model.organisatie, site_url="https://elders.example.nl/"))
    [other] = posters.social_cards(moved, style, cards, out_dir=tmp_path / "d", cache_dir=cache)
    assert other.read_bytes() != first.read_bytes()
    # another title: another card
    [titled] = posters.social_cards(
        model, style, [dataclasses.replace(cards[0], title="Transparantie")],
        out_dir=tmp_path / "e", cache_dir=cache)
    assert titled.read_bytes() != first.read_bytes()
