"""Shared charts (timeline, radar): complete, accessible, escaped, prefixed SVG from the model."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from places import NOORDKUST, REPO

from build_tools.audience import for_audience
from build_tools.content.load import load
from build_tools.content.model import Datavisie
from build_tools.housestyle.css import load_style
from build_tools.housestyle.tokens import Style
from build_tools.views import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_timeline_is_complete_accessible_svg(model: Datavisie, style: Style) -> None:
    root = parse(charts.timeline_svg(model, style, width=900, height=400))
    shown = texts(root)
    for theme in model.themas:
        assert theme.titel in shown
    for phase in model.routekaart.fasen:
        assert phase.titel in shown
    for label in charts.MILESTONE_LABELS.values():  # the legend names every status
        assert any(t.startswith(label) for t in shown)
    ids = {g.get("data-id") for g in root.iter(f"{SVG}g") if g.get("data-id")}
    assert ids == {m.id for m in model.routekaart.mijlpalen}
    tips = [t.text for g in root.iter(f"{SVG}g") if g.get("data-id")
            for t in g.findall(f"{SVG}title")]
    assert all(t and ("gereed" in t or "loopt" in t or "gepland" in t) for t in tips)


def test_status_is_not_told_by_colour_alone(model: Datavisie, style: Style) -> None:
    marks = {s: charts.status_mark(s, 10, 10, 5, "#000000") for s in charts.MILESTONE_LABELS}
    shapes = {s: ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{m}</svg>')
              for s, m in marks.items()}
    signatures = {s: tuple(sorted(c.tag for c in root.iter()))
                  + tuple(sorted(c.get("fill", "") for c in root.iter()))
                  for s, root in shapes.items()}
    assert len(set(signatures.values())) == len(signatures)  # same colour, five shapes


def test_ids_are_prefixed_so_charts_share_a_page(model: Datavisie, style: Style) -> None:
    a = parse(charts.timeline_svg(model, style, width=600, height=300, id_prefix="a"))
    b = parse(charts.radar_svg(model, style, size=300, id_prefix="b"))
    ids_a = {e.get("id", "") for e in a.iter() if e.get("id")}
    ids_b = {e.get("id", "") for e in b.iter() if e.get("id")}
    assert all(i.startswith("a") for i in ids_a) and all(i.startswith("b") for i in ids_b)
    assert not ids_a & ids_b


def test_content_is_escaped(model: Datavisie, style: Style) -> None:
    evil = '<script>alert("x")</script> & <image href="https://evil.example/x.png"/>'
    theme = dataclasses.replace(model.themas[0], titel=evil)
    road = model.routekaart
    ms = dataclasses.replace(road.mijlpalen[0], titel=evil)
    road = dataclasses.replace(road, mijlpalen=(ms, *road.mijlpalen[1:]))
    bad = dataclasses.replace(model, themas=(theme, *model.themas[1:]), routekaart=road)
    svg = charts.timeline_svg(bad, style, width=900, height=400)
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}image"))
    assert any("<script>" in t for t in texts(root))  # shown as text, not as markup
    assert not [e for e in root.iter() for a in e.attrib if a.endswith("href")]


def test_timeline_limits_to_themes_and_stays_deterministic(model: Datavisie,
                                                          style: Style) -> None:
    one = model.themas[0].id
    svg = charts.timeline_svg(model, style, width=600, height=200, lanes="geen", themes=(one,))
    assert svg == charts.timeline_svg(model, style, width=600, height=200, lanes="geen",
                                      themes=(one,))
    ids = {g.get("data-id") for g in parse(svg).iter(f"{SVG}g") if g.get("data-id")}
    assert ids == {m.id for m in model.routekaart.mijlpalen if one in m.themas}


def test_dimension_is_mean_of_its_aspects(model: Datavisie) -> None:
    scores = charts.dimension_scores(model)
    mm = model.metingmodel
    assert mm is not None and len(scores) == len(mm.dimensies)
    base = model.baseline
    assert base is not None
    for dim, score in zip(mm.dimensies, scores, strict=True):
        values = [s.huidig for a in dim.aspecten if (s := base.score(a.id))]
        assert score.nulmeting == pytest.approx(sum(values) / len(values))


def test_radar_with_three_or_more_dimensions(style: Style) -> None:
    den_helder = for_audience(load(REPO), "publiek") if (REPO / "content").is_dir() else None
    if den_helder is None or den_helder.metingmodel is None:
        pytest.skip("example content without a maturity model")
    root = parse(charts.radar_svg(den_helder, style, size=500))
    series = [p for p in root.iter(f"{SVG}polygon") if "dv-c-series" in (p.get("class") or "")]
    assert len(series) == 3  # baseline, latest, ambition
    assert {s.get("stroke-dasharray") is None for s in series} == {True, False}  # line styles
    shown = texts(root)
    for dim in den_helder.metingmodel.dimensies:
        assert any(dim.titel.split()[0] in t for t in shown)
    desc = root.find(f"{SVG}desc")
    assert desc is not None and desc.text and "ambitie" in desc.text


def test_radar_with_few_dimensions_and_without_measurements(model: Datavisie,
                                                             style: Style) -> None:
    root = parse(charts.radar_svg(model, style, size=300))  # two dimensions: scales
    assert any(t == model.metingmodel.dimensies[0].titel for t in texts(root))  # type: ignore[union-attr]
    empty = dataclasses.replace(model, metingen=())
    assert not charts.has_radar(empty)
    assert "Nog geen meting" in texts(parse(charts.radar_svg(empty, style, size=300)))


def test_other_house_style_and_six_themes() -> None:
    nk = for_audience(load(NOORDKUST), "publiek")
    style = load_style(NOORDKUST / "theme", NOORDKUST)
    svg = charts.timeline_svg(nk, style, width=1000, height=500)
    root = parse(svg)
    order = [t.id for t in nk.themas]
    for theme in nk.themas:
        assert style.theme_colour(theme.id, order) in svg
    assert "Alle thema's" in texts(root) or len(nk.themas) < 3


def test_timeline_height_keeps_every_name(model: Datavisie, style: Style) -> None:
    height = charts.timeline_height(model, style, width=700, font_size=14)
    named = parse(charts.timeline_svg(model, style, width=700, height=height, font_size=14))
    shown = " ".join(texts(named))
    assert all(m.titel.split()[0] in shown for m in model.routekaart.mijlpalen)
    cramped = parse(charts.timeline_svg(model, style, width=700, height=height * 0.3,
                                        font_size=14))
    assert len(texts(cramped)) < len(texts(named))  # names left out rather than overlapping


def test_a_roadmap_over_thousands_of_years_draws_a_bounded_axis(model: Datavisie,
                                                               style: Style) -> None:
    # dates from 0001 to 9998 are valid: the axis groups years instead of drawing 9,998
    from build_tools.content.types import parse_when

    road = model.routekaart
    start, end = parse_when("0001-Q1"), parse_when("9998-Q4")
    assert start is not None and end is not None
    first = dataclasses.replace(road.fasen[0], start=start)
    last = dataclasses.replace(road.fasen[-1], eind=end)
    wide = dataclasses.replace(road, fasen=(first, *road.fasen[1:-1], last))
    root = parse(charts.timeline_svg(dataclasses.replace(model, routekaart=wide), style,
                                     width=900, height=400))
    years = [t for t in texts(root) if t.isdigit()]
    assert years[0] == "1" and len(years) <= charts.timeline.MAX_YEAR_COLUMNS + 1
    assert [charts.timeline.year_step(n) for n in (1, 60, 61, 120, 9998)] == [1, 1, 2, 2, 200]
# --- the radar's scale numbers never sit on a line ------------------------------------------


def _segments(root: ET.Element) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Every straight line the radar draws: rings and series (polygons) and spokes."""
    out = []
    for el in root.iter():
        cls = el.get("class") or ""
        if el.tag == f"{SVG}polygon" and ("dv-c-grid" in cls or "dv-c-series" in cls):
            pts = [tuple(map(float, p.split(","))) for p in (el.get("points") or "").split()]
            out += [(pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts))]
        elif el.tag == f"{SVG}line" and "dv-c-grid" in cls:
            out.append(((float(el.get("x1", 0)), float(el.get("y1", 0))),
                        (float(el.get("x2", 0)), float(el.get("y2", 0)))))
    return out  # type: ignore[return-value]


def _scale_numbers(root: ET.Element) -> list[tuple[str, float, float, float, bool]]:
    """(text, x, baseline, font size, has a backdrop) of each scale number."""
    out, previous = [], None
    for el in root:
        if el.tag == f"{SVG}text" and (el.text or "").isdigit():
            backdrop = previous is not None and "dv-c-backdrop" in (previous.get("class") or "")
            out.append((el.text or "", float(el.get("x", 0)), float(el.get("y", 0)),
                        float(el.get("font-size", 0)), backdrop))
        previous = el
    return out


def _touches(seg: tuple[tuple[float, float], tuple[float, float]],
             box: tuple[float, float, float, float]) -> bool:
    """Sampled, independent of the chart's own geometry: a point of the line in the box."""
    (x0, y0), (x1, y1) = seg
    left, top, right, bottom = box
    steps = 400
    return any(left <= x0 + (x1 - x0) * k / steps <= right
               and top <= y0 + (y1 - y0) * k / steps <= bottom for k in range(steps + 1))


def _assert_scale_clear(svg: str) -> None:
    root = parse(svg)
    numbers = _scale_numbers(root)
    assert len(numbers) >= 2
    lines = _segments(root)
    for text, x, baseline, size, backdrop in numbers:
        w = len(text) * 0.56 * size  # ChartFont's default measure
        box = (x - w / 2, baseline - 0.72 * size, x + w / 2, baseline)
        crossing = [seg for seg in lines if _touches(seg, box)]
        assert not crossing or backdrop, f"schaalgetal {text} staat op een lijn: {crossing[0]}"


def test_radar_scale_numbers_do_not_sit_on_lines(style: Style) -> None:
    den_helder = for_audience(load(REPO), "publiek")
    svg = charts.radar_svg(den_helder, style, size=560, font_size=15)
    _assert_scale_clear(svg)
    assert "dv-c-backdrop" not in svg  # the example's data leaves a gap free


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_radar_scale_numbers_never_sit_on_lines_whatever_the_scores(style: Style,
                                                                    data: st.DataObject) -> None:
    """Any scores (and ambitions): every scale number is clear of every line, or, when the
    data crosses every free place, stands on a backdrop."""
    den_helder = for_audience(load(REPO), "publiek")
    mm = den_helder.metingmodel
    assert mm is not None
    lo, hi = mm.lowest, mm.highest
    measurements = []
    for m in den_helder.metingen:
        scores = tuple(dataclasses.replace(
            s, huidig=data.draw(st.integers(lo, hi)),
            ambitie=data.draw(st.one_of(st.none(), st.integers(lo, hi))))
            for s in m.scores)
        measurements.append(dataclasses.replace(m, scores=scores))
    changed = dataclasses.replace(den_helder, metingen=tuple(measurements))
    _assert_scale_clear(charts.radar_svg(changed, style, size=data.draw(st.sampled_from(
        [300, 560, 800])), font_size=data.draw(st.sampled_from([None, 12.0, 15.0]))))
