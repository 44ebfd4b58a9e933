"""House style: the real themes load; broken ones are refused with every issue at once,
at the right line, in Dutch; CSS and web fonts come out the same on every run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from places import FIXTURES, NOORDKUST, REPO

from build_tools.errors import Issue, StyleError
from build_tools.housestyle.colour import (
    contrast_ratio,
    format_ratio,
    mix,
    parse_colour,
    text_on,
)
from build_tools.housestyle.css import CSS_PATH, css, font_assets, font_path, load_style
from build_tools.housestyle.fonts import shipped_woff2, woff2_bytes

ROOT = REPO
THEME = ROOT / "theme"
NOORDKUST_THEME = NOORDKUST / "theme"


@pytest.fixture
def theme(tmp_path: Path) -> Path:
    """A copy of the real theme/ in a fresh project root (tmp_path), ready to be broken."""
    shutil.copytree(THEME, tmp_path / "theme")
    return tmp_path / "theme"


def edit(theme: Path, old: str, new: str) -> int:
    """Replace `old` (once, must exist) in huisstijl.yml; return the 1-based line of `new`."""
    path = theme / "huisstijl.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found exactly once"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def issues(theme: Path) -> list[Issue]:
    with pytest.raises(StyleError) as caught:
        load_style(theme, theme.parent)
    return caught.value.issues


def codes(found: list[Issue]) -> list[str]:
    return sorted(i.code for i in found)


# --- the real themes -------------------------------------------------------------------------


def test_den_helder_theme_loads() -> None:
    style = load_style(THEME, ROOT)
    assert style.name == "Gemeente Den Helder"
    assert style.light.brand == "#00508c"
    assert style.fonts.text.family == "Open Sans"
    assert {(f.weight, f.italic) for f in style.fonts.text.faces} == {
        (400, False), (400, True), (600, False), (700, False)}
    assert style.fonts.heading_weight == 600
    assert style.fonts.code is None
    assert set(style.milestone_status) == {"gepland", "loopt", "gereed", "vertraagd", "vervallen"}
    assert set(style.project_status) == {"verkenning", "pilot", "in-gebruik", "buiten-gebruik"}
    assert set(style.themes) == {"ethiek", "transparantie", "veiligheid-en-privacy",
                                 "datavaardigheid"}
    assert set(style.series) == {"nulmeting", "meting", "ambitie"}
    assert "Den Helder" in style.logo.svg and style.mark.svg.startswith("<svg")
    assert style.spacing["m"] == 16 and style.radius == 6


def test_den_helder_fonts_come_with_their_licence() -> None:
    fonts = THEME / "fonts"
    assert "Apache License" in (fonts / "LICENSE-Apache-2.0.txt").read_text()
    assert "Apache" in (fonts / "OpenSans-COPYRIGHT.txt").read_text()
    assert "Open Font License" in (NOORDKUST_THEME / "fonts" / "Inter-COPYRIGHT.txt").read_text()


def test_noordkust_theme_loads_with_its_own_style_and_defaults() -> None:
    style = load_style(NOORDKUST_THEME, ROOT)
    assert style.name == "Gemeente Noordkust"
    assert style.fonts.text.family == "Inter"
    assert style.light.link == style.light.brand  # `link` left out: follows `merk`
    assert style.light.on_brand == text_on(style.light.brand)
    assert style.fonts.code is None
    order = ["ethiek", "transparantie", "datavaardigheid"]
    assert style.theme_colour("ethiek", order) == "#9b4f7a"
    assert style.theme_colour("datavaardigheid", order) == style.theme_fallback[0]
    assert style.light.brand != load_style(THEME, ROOT).light.brand


def test_spare_colours_go_in_order_to_themes_without_their_own_and_cycle() -> None:
    style = load_style(THEME, ROOT)
    n = len(style.theme_fallback)
    new = [f"nieuw-{i}" for i in range(n + 2)]
    order = ["ethiek", new[0], "transparantie", *new[1:]]
    assert style.theme_colour("ethiek", order) == "#a0488f"
    assert style.theme_colour(new[0], order) == style.theme_fallback[0]
    assert style.theme_colour(new[1], order) == style.theme_fallback[1]
    assert style.theme_colour(new[n], order) == style.theme_fallback[0]
    colours = [style.theme_colour(t, order) for t in new[:n]]
    assert len(set(colours)) == n


# --- broken themes ---------------------------------------------------------------------------


def test_low_contrast_text_names_pair_ratio_and_line(theme: Path) -> None:
    line = edit(theme, 'tekst: "#1a2733"', 'tekst: "#777777"')
    found = [i for i in issues(theme) if "achtergrond (#ffffff)" in i.message]
    assert [i.format() for i in found] == [
        f"theme/huisstijl.yml:{line}:10: DS010 contrast tussen tekst (#777777) en achtergrond "
        "(#ffffff) is 4.48:1; nodig is 4.5:1 (maak de kleur van tekst donkerder)"
    ]


def test_low_contrast_in_dark_mode_is_reported_as_such(theme: Path) -> None:
    line = edit(theme, 'tekst: "#e6edf3"', 'tekst: "#3a4550"')
    found = [i for i in issues(theme) if "achtergrond" in i.message]
    assert found and all(i.line == line and i.code == "DS010" for i in found)
    assert "in de donkere weergave" in found[0].message
    assert found[0].hint == "maak de kleur van tekst lichter"


def test_status_colour_needs_graphic_contrast_in_both_modes(theme: Path) -> None:
    line = edit(theme, 'gereed: "#2e7d32"', 'gereed: "#9ccc65"')
    found = issues(theme)
    assert [(i.code, i.line) for i in found] == [("DS010", line)]
    assert "status gereed (#9ccc65)" in found[0].message
    assert "nodig is 3:1" in found[0].message


def test_missing_font_file_names_file_and_fix(theme: Path) -> None:
    line = edit(theme, "vet: fonts/OpenSans-Bold.ttf", "vet: fonts/OpenSans-Zwaar.ttf")
    [issue] = issues(theme)
    assert (issue.code, issue.line) == ("DS006", line)
    assert "theme/fonts/OpenSans-Zwaar.ttf bestaat niet" in issue.message
    assert "theme/" in issue.hint


def test_font_with_other_weight_than_its_key_is_refused(theme: Path) -> None:
    line = edit(theme, "vet: fonts/OpenSans-Bold.ttf", "vet: fonts/OpenSans-Regular.ttf")
    [issue] = issues(theme)
    assert (issue.code, issue.line) == ("DS008", line)
    assert "gewicht 400, niet `vet`" in issue.message


def test_unknown_token_suggests_the_closest_known_key(theme: Path) -> None:
    line = edit(theme, '  accent: "#b34700"', '  acent: "#b34700"')
    [issue] = issues(theme)  # no second "accent is missing" issue
    assert (issue.code, issue.line, issue.col) == ("DS001", line, 3)
    assert issue.message == "onbekende sleutel `acent` in `kleuren`"
    assert issue.hint == "bedoel je `accent`?"


def test_missing_required_token(theme: Path) -> None:
    edit(theme, '  vlak: "#eef3f8"\n', "")
    [issue] = issues(theme)
    assert issue.code == "DS002" and "`kleuren` mist de sleutel `vlak`" in issue.message


@pytest.mark.parametrize(("value", "expect"), [
    ('"blauw"', "`blauw` is geen kleur"),
    ('"#00508"', "`#00508` is geen kleur"),
    ("#00508c", "kleur ontbreekt"),  # unquoted: YAML reads a comment
])
def test_bad_colour_syntax(theme: Path, value: str, expect: str) -> None:
    line = edit(theme, 'merk: "#00508c"', f"merk: {value}")
    found = [i for i in issues(theme) if i.code == "DS003"]
    assert [i.line for i in found] == [line]
    assert found[0].message == f"{expect} bij `kleuren.merk`"
    assert "aanhalingstekens" in found[0].hint


@pytest.mark.parametrize("path", ["../huisstijl.yml", "/etc/hostname", "fonts/../../x.svg",
                                  "C:/logo.svg", "fonts\\logo.svg"])
def test_path_escaping_the_theme_folder_is_refused(theme: Path, path: str) -> None:
    line = edit(theme, "volledig: logo.svg", f"volledig: '{path}'")
    [issue] = issues(theme)
    assert (issue.code, issue.line) == ("DS005", line)
    assert "buiten de map theme/" in issue.message


def test_symlink_pointing_outside_the_theme_folder_is_refused(theme: Path) -> None:
    outside = theme.parent / "elders.svg"
    shutil.copy(theme / "logo.svg", outside)
    (theme / "link.svg").symlink_to(outside)
    edit(theme, "volledig: logo.svg", "volledig: link.svg")
    assert codes(issues(theme)) == ["DS005"]


@pytest.mark.parametrize(("svg", "expect"), [
    ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg" '
     'viewBox="0 0 1 1"><text>&a;&a;</text></svg>', "DOCTYPE"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">' + "<g>" * 100 + "</g>" * 100
     + "</svg>", "te diep"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', "viewBox"),
    ("<html/>", "geen SVG"),
    ("<svg", "geen geldige SVG"),
])
def test_unsafe_or_unusable_logo_is_refused(theme: Path, svg: str, expect: str) -> None:
    (theme / "logo.svg").write_text(svg, encoding="utf-8")
    [issue] = issues(theme)
    assert issue.code == "DS009" and expect in issue.message


def test_a_logo_is_read_through_the_allow_list(theme: Path) -> None:
    # what a logo may not do is left out, not refused: tests/test_logo.py has the corpus
    (theme / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 1 1" onload="x()"><script>x</script><image '
        'xlink:href="https://example.org/x.png"/><rect width="1" height="1"/></svg>',
        encoding="utf-8")
    style = load_style(theme, theme.parent)
    assert "script" not in style.logo.svg and "example.org" not in style.logo.svg
    assert "onload" not in style.logo.svg and '<rect height="1" width="1">' in style.logo.svg


def test_bad_heading_weight_and_spacing(theme: Path) -> None:
    edit(theme, "gewicht: halfvet", "gewicht: extravet")
    edit(theme, "hoek: 6", "hoek: 6px")
    assert codes(issues(theme)) == ["DS011", "DS013"]


def test_all_issues_are_reported_at_once(theme: Path) -> None:
    edit(theme, 'tekst: "#1a2733"', 'tekst: "#999999"')
    edit(theme, "vet: fonts/OpenSans-Bold.ttf", "vet: fonts/Weg.ttf")
    edit(theme, '  accent: "#b34700"', '  acent: "#b34700"')
    edit(theme, 'merk: "#00508c"', 'merk: "zeeblauw"')
    edit(theme, "beeldmerk: beeldmerk.svg", "beeldmerk: ../beeldmerk.svg")
    edit(theme, "hoek: 6", "hoek: rond")
    assert {"DS001", "DS003", "DS005", "DS006", "DS010", "DS011"} <= set(codes(issues(theme)))


def test_empty_and_unparsable_files(theme: Path) -> None:
    (theme / "huisstijl.yml").write_text("# leeg\n", encoding="utf-8")
    assert codes(issues(theme)) == ["DS012"]
    (theme / "huisstijl.yml").write_text("kleuren: [\n", encoding="utf-8")
    assert codes(issues(theme)) == ["DV005"]


# --- CSS and web fonts -----------------------------------------------------------------------


def test_css_carries_the_tokens_and_fetches_nothing() -> None:
    style = load_style(THEME, ROOT)
    text = css(style)
    assert not re.search(r"https?:", text)
    for colour in ("#00508c", "#b34700", "#101b26", "#8cc8ff", "#2e7d32", "#a0488f", "#c4600f"):
        assert colour in text
    for variable in ("--md-primary-fg-color:", "--md-accent-fg-color:", "--md-default-bg-color:",
                     "--md-typeset-a-color:", "--md-text-font:", "--dv-status-vertraagd:",
                     "--dv-thema-veiligheid-en-privacy:", "--dv-series-ambitie:",
                     "--dv-space-xl: 48px", "--dv-radius: 6px"):
        assert variable in text
    assert '[data-md-color-scheme="default"]' in text and '[data-md-color-scheme="slate"]' in text
    assert "--md-code-font" not in text  # no code font bundled: the reader's monospace


def test_css_is_deterministic_and_points_at_the_font_assets() -> None:
    style = load_style(THEME, ROOT)
    assert css(style) == css(load_style(THEME, ROOT))
    urls = re.findall(r'url\("([^"]+)"\)', css(style))
    here = CSS_PATH.rsplit("/", 1)[0]
    resolved = {str(Path(here, u)).replace("stylesheets/../", "") for u in urls}
    assert resolved == {font_path(f) for f in style.fonts.faces()}
    assert all(u.startswith("../fonts/") and u.endswith(".woff2") for u in urls)


def test_css_for_another_municipality_differs_only_by_its_tokens() -> None:
    text = css(load_style(NOORDKUST_THEME, ROOT))
    assert '"Inter"' in text and "#0b6e4f" in text and "#00508c" not in text


def test_woff2_conversion_is_byte_identical() -> None:
    data = (NOORDKUST_THEME / "fonts" / "Inter-SemiBold.otf").read_bytes()
    first, second = woff2_bytes(data), woff2_bytes(data)
    assert first == second and first.startswith(b"wOF2") and len(first) < len(data)


def test_the_example_theme_ships_a_current_woff2_for_every_face(tmp_path: Path) -> None:
    """The site uses the WOFF2 next to each TTF (named after the TTF's hash): it must exist,
    and hold the same glyphs and character map as its source."""
    import io

    from fontTools.ttLib import TTFont

    style = load_style(THEME, ROOT)
    assets = font_assets(style, cache_dir=tmp_path)
    assert not list(tmp_path.iterdir())  # nothing converted, nothing cached
    for face in style.fonts.faces():
        shipped = shipped_woff2(face.path)
        assert shipped.is_file(), f"run `datavisie lettertypen`: {shipped.name} is missing"
        assert assets[font_path(face)] == shipped.read_bytes()
        with TTFont(io.BytesIO(shipped.read_bytes())) as web, TTFont(face.path) as source:
            assert web.flavor == "woff2"
            assert web.getGlyphOrder() == source.getGlyphOrder()
            assert web.getBestCmap() == source.getBestCmap()
    stale = sorted(p.name for p in THEME.glob("fonts/*.woff2")
                   if p not in {shipped_woff2(f.path) for f in style.fonts.faces()})
    assert stale == [], "WOFF2 of a font that is no longer in the theme"


@pytest.mark.slow
def test_fonts_without_a_shipped_woff2_are_converted_once_and_cached(tmp_path: Path) -> None:
    style = load_style(NOORDKUST_THEME, ROOT)
    first = font_assets(style, cache_dir=tmp_path)
    assert sorted(first) == sorted(font_path(f) for f in style.fonts.faces())
    assert len(list(tmp_path.glob("*.woff2"))) == len(style.fonts.faces())
    assert font_assets(style, cache_dir=tmp_path) == first


@pytest.mark.slow
def test_datavisie_lettertypen_writes_and_replaces_the_shipped_woff2(tmp_path: Path) -> None:
    import subprocess
    import sys

    project = tmp_path / "project"
    shutil.copytree(NOORDKUST_THEME, project / "theme")
    (project / "content").mkdir()
    run = [sys.executable, "-m", "build_tools.cli.main", "--root", str(project), "lettertypen"]
    first = subprocess.run(run, capture_output=True, text=True, check=True)
    fonts = project / "theme/fonts"
    made = sorted(p.name for p in fonts.glob("*.woff2"))
    assert len(made) == 2 and "geschreven" in first.stderr
    again = subprocess.run(run, capture_output=True, text=True, check=True)
    assert "niets veranderd" in again.stderr
    # a new version of a font: its old WOFF2 goes, a new one comes
    from fontTools.ttLib import TTFont

    semibold = fonts / "Inter-SemiBold.otf"
    with TTFont(semibold) as font:
        font["head"].fontRevision += 1
        font.save(semibold)
    third = subprocess.run(run, capture_output=True, text=True, check=True)
    assert "verwijderd" in third.stderr
    now = sorted(p.name for p in fonts.glob("*.woff2"))
    assert len(now) == 2 and now != made
    assert shipped_woff2(semibold).name in now


# --- colour maths ----------------------------------------------------------------------------


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000", "#fff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.005)
    assert contrast_ratio("#fff", "#fff") == pytest.approx(1.0)


def test_failing_ratio_is_never_rounded_up_to_a_pass() -> None:
    assert format_ratio(4.4979, 4.5) == "4.49"
    assert format_ratio(4.478, 4.5) == "4.48"


def test_parse_colour() -> None:
    assert parse_colour("#ABC") == "#aabbcc"
    assert parse_colour(" #00508C ") == "#00508c"
    assert parse_colour("rgb(0,0,0)") is None and parse_colour("#abcd") is None


_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@given(_colours, _colours)
def test_contrast_ratio_is_symmetric_and_bounded(a: str, b: str) -> None:
    ratio = contrast_ratio(a, b)
    assert ratio == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= ratio <= 21.0 + 1e-9


@given(_colours)
def test_text_on_always_passes_aa(colour: str) -> None:
    assert contrast_ratio(text_on(colour), colour) >= 4.5


@given(_colours, _colours)
def test_mix_ends_are_the_colours(a: str, b: str) -> None:
    assert mix(a, b, 1.0) == a and mix(a, b, 0.0) == b


# --- reading a font's family, weight and style (fonts.inspect_font) -----------------------

_OURS = sorted({*REPO.joinpath("theme", "fonts").glob("*.ttf"),
                *FIXTURES.rglob("*.otf")})
_SYSTEM = sorted(Path("/usr/share/fonts").rglob("*.ttf"))[:40]  # whatever the machine has


@pytest.mark.parametrize("path", _OURS + _SYSTEM, ids=[p.name for p in _OURS + _SYSTEM])
def test_fonts_are_read_as_fonttools_reads_them(path: Path) -> None:
    from build_tools.housestyle import fonts

    if path in _OURS:  # the fast path, for the plain fonts themes ship
        assert fonts._read_sfnt(path.read_bytes()) is not None
    try:
        expected = fonts._inspect_with_fonttools(path)
    except ValueError:  # a system font fontTools cannot read either: nothing to compare
        pytest.skip(f"fontTools leest {path.name} niet")
    assert fonts.inspect_font(path) == expected


def test_what_the_fast_path_does_not_know_goes_to_fonttools(tmp_path: Path) -> None:
    from build_tools.housestyle import fonts

    source = sorted(REPO.joinpath("theme", "fonts")
                    .glob("*.ttf"))[0]
    woff2 = tmp_path / "letter.woff2"
    woff2.write_bytes(woff2_bytes(source.read_bytes()))
    assert fonts._read_sfnt(woff2.read_bytes()) is None
    assert fonts.inspect_font(woff2).family == fonts.inspect_font(source).family
    broken = tmp_path / "kapot.ttf"
    broken.write_bytes(source.read_bytes()[:2000])  # the tables point beyond the end
    assert fonts._read_sfnt(broken.read_bytes()) is None
    with pytest.raises(ValueError):
        fonts.inspect_font(broken)
    with pytest.raises(ValueError):
        fonts.inspect_font(tmp_path / "weg.ttf")
