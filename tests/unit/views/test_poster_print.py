"""Posters for paper and for everyone: every glyph prints (fallback fonts, else a warning at the
content's line), the PDFs say what they are (title, subject, author, language; read back with
pypdf), and the print-ready PDF has 3 mm bleed, crop marks and its TrimBox and BleedBox."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from places import MINIMAL, REPO
from pypdf import PdfReader

from build_tools.content.model import Datavisie
from build_tools.housestyle.tokens import Style
from build_tools.views import posters
from build_tools.views.posters.printing import BLEED_MM, MARGIN_MM, print_svg

PT = 72 / 25.4
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def printed(model: Datavisie, style: Style,
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, posters.PosterFile]:
    """The posters of a title with an emoji and a symbol, as PDF, print PDF and PNG."""
    visie = dataclasses.replace(model.visie, titel="Data voor iedereen 🐟 ★")
    changed = dataclasses.replace(model, visie=visie)
    out = tmp_path_factory.mktemp("druk")
    files = posters.render_all(changed, style, out_dir=out, dpi=30, thumbnails=False,
                               formats=("svg", "png", "pdf", "drukwerk"))
    return {f.name: f for f in files}


def test_print_sheet_has_bleed_and_crop_marks_in_the_svg() -> None:
    poster = ('<svg xmlns="http://www.w3.org/2000/svg" width="420mm" height="297mm" '
              'viewBox="0 0 420 297"><rect width="420" height="297" fill="#fff"/>'
              '<rect y="280" width="420" height="17" fill="#00508c"/>'
              '<rect x="10" y="10" width="50" height="50" fill="#f00"/></svg>')
    root = ET.fromstring(print_svg(poster, slug="Routekaart · A3"))
    m = MARGIN_MM
    assert root.get("viewBox") == f"{-m:g} {-m:g} {420 + 2 * m:g} {297 + 2 * m:g}"
    assert root.get("width") == f"{420 + 2 * m:g}mm"
    rects = root.findall(f"{SVG}rect")
    assert [(r.get("x"), r.get("y"), r.get("width"), r.get("height")) for r in rects] == [
        ("-3", "-3", "426", "303"),  # background: bleeds on all four sides
        ("-3", "280", "426", "20"),  # footer band: left, right and bottom
        ("10", "10", "50", "50"),  # inside the page: untouched
    ]
    marks = root.findall(f"{SVG}g/{SVG}line")
    assert len(marks) == 8
    for line in marks:  # every mark outside the bleed, on a trim line
        x1, y1, x2, y2 = (float(line.get(k) or 0) for k in ("x1", "y1", "x2", "y2"))
        on_trim = (x1 == x2 and x1 in (0, 420)) or (y1 == y2 and y1 in (0, 297))
        assert on_trim
        outside = all(v <= -BLEED_MM or v >= edge + BLEED_MM
                      for v, edge in ((y1, 297), (y2, 297))) if x1 == x2 else \
            all(v <= -BLEED_MM or v >= edge + BLEED_MM for v, edge in ((x1, 420), (x2, 420)))
        assert outside
    assert "Routekaart · A3" in "".join(root.itertext())


@pytest.mark.slow
def test_print_pdf_has_trim_and_bleed_boxes(printed: dict[str, posters.PosterFile],
                                            style: Style) -> None:
    for name, f in printed.items():
        reader = PdfReader(f.paths["drukwerk"])
        assert f.paths["drukwerk"].name == f"{name}-drukwerk.pdf"
        page = reader.pages[0]
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        w_mm = (float(trim.right) - float(trim.left)) / PT
        plain = PdfReader(f.paths["pdf"]).pages[0].mediabox
        assert w_mm == pytest.approx(float(plain.width) / PT, abs=0.05)  # trim = the poster
        for side in ("left", "bottom"):
            assert float(getattr(trim, side)) - float(getattr(bleed, side)) == \
                pytest.approx(BLEED_MM * PT, abs=0.01)
            assert float(getattr(trim, side)) - float(getattr(media, side)) == \
                pytest.approx(MARGIN_MM * PT, abs=0.01)
        for side in ("right", "top"):
            assert float(getattr(bleed, side)) - float(getattr(trim, side)) == \
                pytest.approx(BLEED_MM * PT, abs=0.01)


@pytest.mark.slow
def test_print_pdf_colour_runs_into_the_bleed(printed: dict[str, posters.PosterFile],
                                              tmp_path: Path) -> None:
    """The visie poster's top band is brand blue: in the print PDF it reaches 3 mm past the
    trim, and the margin outside the bleed stays white (only crop marks there)."""
    pdf = printed["visie"].paths["drukwerk"]
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-singlefile", str(pdf),
                    str(tmp_path / "vel")], check=True)
    with Image.open(tmp_path / "vel.png") as im:
        rgb = im.convert("RGB")
        px = 72 / 25.4
        mid = rgb.width // 2
        inside_bleed: Any = rgb.getpixel((mid, round((MARGIN_MM - BLEED_MM / 2) * px)))
        outside = rgb.getpixel((mid, round((MARGIN_MM - BLEED_MM - 3) * px)))
    assert inside_bleed != (255, 255, 255) and inside_bleed[2] > inside_bleed[0]  # the band
    assert outside == (255, 255, 255)


@pytest.mark.slow
def test_pdfs_carry_title_subject_author_and_language(printed: dict[str, posters.PosterFile],
                                                      model: Datavisie) -> None:
    for name, f in printed.items():
        for fmt in ("pdf", "drukwerk"):
            reader = PdfReader(f.paths[fmt])
            meta = reader.metadata
            assert meta is not None
            assert meta.title and f.title in meta.title, (name, meta.title)
            assert meta.author == model.organisatie.naam
            assert meta.subject == f.alt_text
            root: Any = reader.trailer["/Root"]
            assert root["/Lang"] == "nl-NL"
            assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


@pytest.mark.slow
def test_emoji_and_symbol_are_drawn_not_boxes(printed: dict[str, posters.PosterFile]) -> None:
    """In the PDF the title's ★ comes from the fallback font (embedded) and the 🐟 is the
    colour emoji's picture (cairo draws a colour glyph as an image)."""
    reader = PdfReader(printed["visie"].paths["pdf"])
    resources: Any = reader.pages[0]["/Resources"]
    fonts = {str(f.get_object()["/BaseFont"]) for f in resources["/Font"].values()}
    assert any("Symbols2" in n for n in fonts), fonts
    images = [x.get_object() for x in resources.get("/XObject", {}).values()
              if x.get_object().get("/Subtype") == "/Image"]
    assert images, "de emoji is niet getekend"
    svg = printed["visie"].paths["svg"].read_text(encoding="utf-8")
    assert "🐟</tspan>" in svg and "★</tspan>" in svg


def test_check_reports_an_unprintable_character_as_a_warning(tmp_path: Path) -> None:
    """`datavisie check`: a warning with file:line and the character, exit 0."""
    import shutil

    project = tmp_path / "gemeente"
    for part in ("theme", "posters"):
        shutil.copytree(REPO / part, project / part)
    shutil.copytree(MINIMAL / "content", project / "content")
    (project / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    visie = project / "content" / "visie.md"
    text = visie.read_text(encoding="utf-8")
    lines = text.splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith("titel:"))
    lines[n] = "titel: Data voor iedereen \U00010900 🐟"
    visie.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "build_tools.cli.main", "--root", str(project),
                          "check"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"content/visie.md:{n + 1}:" in run.stdout and "W401" in run.stdout
    assert "U+10900" in run.stdout and "U+1F41F" not in run.stdout


def test_chart_text_on_a_poster_uses_the_fallback_font_too(model: Datavisie,
                                                           style: Style) -> None:
    """A milestone named with an emoji: the roadmap chart on the poster draws it with the
    fallback font (the site's chart leaves it to the browser)."""
    road = model.routekaart
    first = dataclasses.replace(road.mijlpalen[0], titel="Start 🚀")
    changed = dataclasses.replace(model, routekaart=dataclasses.replace(
        road, mijlpalen=(first, *road.mijlpalen[1:])))
    svg = posters.render_svgs(changed, style)["routekaart"]
    assert '<tspan font-family="DV NotoColorEmoji">🚀</tspan>' in svg
    from build_tools.views import charts

    site_chart = charts.timeline_svg(changed, style, width=900, height=400)
    assert "Start 🚀" in site_chart and "<tspan" not in site_chart
