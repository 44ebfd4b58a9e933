"""The audience filter: the public model holds nothing internal, anywhere; the internal one
holds everything."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from build_tools.audience import for_audience, is_internal_markdown, strip_internal_blocks
from build_tools.content import blockfilter
from build_tools.content.load import load
from build_tools.content.model import Datavisie, Milestone, Project

Factory = Callable[..., Path]

# Every internal text in tests/fixtures/minimal, and words that only internal parts carry.
SECRETS = ("Geheim", "interne toelichting", "Ook deze alinea", "ingeklapt intern",
           "Interne kanttekening", "Werkafspraken", "proef-intern",
           "Interne proef", "Intern thema", "Alleen intern", "Interne tekst")


def objects(value: Any) -> Iterator[Any]:
    """Every model object inside a value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for f in dataclasses.fields(value):
            yield from objects(getattr(value, f.name))
    elif isinstance(value, tuple):
        for v in value:
            yield from objects(v)


def everything(value: Any) -> str:
    """All data of a model as text, positions included (they are not repr'd)."""
    parts = [repr(value)]
    for obj in objects(value):
        parts += [repr(getattr(obj, "pos", "")), repr(dict(getattr(obj, "fpos", {})))]
    return "\n".join(parts)


# --- the public model -----------------------------------------------------------------------

def test_public_model_holds_no_internal_text(minimal: Datavisie) -> None:
    public = everything(for_audience(minimal, "publiek"))
    internal = everything(minimal)
    for secret in SECRETS:
        assert secret in internal, secret  # the fixture really has it ...
        assert secret not in public, secret  # ... and the public model does not


def test_intern_subtrees_are_gone_everywhere(minimal: Datavisie) -> None:
    assert any(getattr(o, "intern", None) for o in objects(minimal))
    assert all(getattr(o, "intern", None) is None for o in objects(for_audience(minimal)))


def test_internal_files_are_gone(minimal: Datavisie) -> None:
    public = for_audience(minimal)
    assert [t.id for t in public.themas] == ["ethiek", "transparantie"]
    assert [p.id for p in public.projecten] == ["afval", "meldingen"]
    assert [p.id for p in public.paginas] == ["over", "privacy"]
    assert all(getattr(o, "zichtbaarheid", "publiek") == "publiek" for o in objects(public))


def test_references_to_internal_themes_are_dropped(minimal: Datavisie) -> None:
    public = for_audience(minimal)
    nulmeting = public.routekaart.milestone("nulmeting")
    assert nulmeting is not None and nulmeting.themas == ("transparantie",)
    items: list[Milestone | Project] = [*public.routekaart.mijlpalen, *public.projecten]
    for item in items:
        assert set(item.themas) <= {t.id for t in public.themas}


def test_sources_hold_no_internal_file_names(minimal: Datavisie) -> None:
    public = for_audience(minimal)
    assert "content/paginas/werkafspraken.md" in minimal.sources
    assert not [s for s in public.sources
                if "werkafspraken" in s or "geheim" in s or "proef-intern" in s]
    assert "content/paginas/over.md" in public.sources


def test_stand_ignores_internal_measurements(valid_content: Factory) -> None:
    root = valid_content()
    text = (root / "content/metingen/2024-03.yml").read_text(encoding="utf-8")
    (root / "content/metingen/2025-01.yml").write_text(
        text.replace("2024-03-15", "2025-01-20").replace("soort: nulmeting", "soort: hermeting")
        + "zichtbaarheid: intern\n", encoding="utf-8")
    minimal = load(root)
    assert minimal.stand == date(2025, 1, 20)
    public = for_audience(minimal)
    assert [m.id for m in public.metingen] == ["2024-03"] and public.stand == date(2024, 6, 1)


def test_visie_body_keeps_the_text_around_internal_blocks(minimal: Datavisie) -> None:
    body = for_audience(minimal).visie.body
    assert "## Waarom" in body
    assert "Deze zin staat na het interne blok en is openbaar." in body
    assert body.rstrip().endswith("Laatste openbare regel.")
    assert "!!!" not in body and "???" not in body
    assert "\n\nDeze zin staat na" in body  # still its own paragraph


def test_links_to_internal_pages_become_text(minimal: Datavisie) -> None:
    public = for_audience(minimal)
    assert "Lees ook onze werkafspraken." in public.visie.body
    over = public.page("over")
    assert over is not None
    assert over.body.strip() == ("Deze site toont onze datavisie. Zie de werkafspraken en "
                                 "[privacy](privacy.md).")


def test_internal_audience_keeps_everything(minimal: Datavisie) -> None:
    internal = for_audience(minimal, "intern")
    assert internal.doelgroep == "intern"
    assert dataclasses.replace(internal, doelgroep="publiek") == minimal
    assert "!!! intern" in internal.visie.body


def test_filter_is_idempotent_and_leaves_the_input_alone(minimal: Datavisie) -> None:
    before = repr(minimal)
    once = for_audience(minimal)
    assert for_audience(once) == once
    assert repr(minimal) == before


def test_unknown_audience_is_a_programming_error(minimal: Datavisie) -> None:
    with pytest.raises(ValueError):
        for_audience(minimal, "iedereen")


# --- Markdown blocks ------------------------------------------------------------------------

@pytest.mark.parametrize("marker", ['!!! intern', '!!! intern "Voor collega\'s"', '!!!intern',
                                    '!!! Intern', '!!! INTERN', '!!! note intern',
                                    '!!! intern inline end', '??? intern', '???+ intern',
                                    '???+ note intern "Titel"'])
def test_internal_block_forms_are_stripped(marker: str) -> None:
    text = f"Voor.\n\n{marker}\n    Geheim een.\n\n    Geheim twee.\n\nNa.\n"
    out = strip_internal_blocks(text)
    assert "Geheim" not in out and "Voor." in out and "Na." in out
    assert is_internal_markdown(text)


@pytest.mark.parametrize("marker", ["!!! note", "!!! internal", "!!! warning \"intern\"",
                                    "!!! interne", "Tekst over !!! intern"])
def test_other_blocks_stay(marker: str) -> None:
    text = f"{marker}\n    Openbaar.\n"
    assert strip_internal_blocks(text) == text
    assert not is_internal_markdown(text)


def test_nested_internal_block_in_a_list() -> None:
    text = ("- punt een\n\n    !!! intern\n        Geheim in de lijst.\n\n"
            "    Nog bij punt een.\n- punt twee\n")
    out = strip_internal_blocks(text)
    assert "Geheim" not in out
    assert "    Nog bij punt een." in out and "- punt twee" in out


def test_tab_indented_body_is_stripped() -> None:
    out = strip_internal_blocks("!!! intern\n\tGeheim met tab.\n\n\tNog geheim.\nNa.\n")
    assert "Geheim" not in out and "geheim" not in out and out.endswith("Na.\n")


def test_block_at_end_of_text_and_without_body() -> None:
    assert strip_internal_blocks("Voor.\n\n!!! intern\n    Geheim.") == "Voor.\n"
    # an empty block: the text under it was not indented, so Markdown shows it. That text is
    # refused (DV126, at the marker), and the text has no public version at all
    reading = blockfilter.read("Voor.\n\n!!! intern\nNa.")
    assert [(p.line, p.code) for p in reading.problems] == [(2, "DV126")]
    assert strip_internal_blocks("Voor.\n\n!!! intern\nNa.") == ""


def test_two_blocks_and_text_between() -> None:
    text = "!!! intern\n    A geheim.\n\nMidden.\n\n??? intern\n    B geheim.\n\nEind.\n"
    assert strip_internal_blocks(text) == "\nMidden.\n\n\nEind.\n"


def test_text_without_blocks_is_returned_as_is() -> None:
    text = "Gewone tekst over interne processen.\n"
    assert strip_internal_blocks(text) == text


# --- links to removed things ----------------------------------------------------------------

def _with_links(minimal: Datavisie, body: str) -> Datavisie:
    return dataclasses.replace(minimal, visie=dataclasses.replace(minimal.visie, body=body))


@pytest.mark.parametrize("link", [
    "[de afspraken](paginas/werkafspraken.md)",
    "[de afspraken](werkafspraken.md)",
    "[de afspraken](../werkafspraken/)",
    "[de afspraken](/werkafspraken/#wie-mag-wat)",
    "[de afspraken](paginas/werkafspraken.md \"Werkafspraken\")",
    "[de afspraken](themas/geheim.md)",
    "[de afspraken](/themas/geheim/)",
    "[de afspraken](projecten/proef-intern.yml)",
    "[de afspraken](../projecten/proef-intern/)",
])
def test_links_to_removed_items_keep_only_their_text(minimal: Datavisie, link: str) -> None:
    public = for_audience(_with_links(minimal, f"Zie {link} voor meer.\n"))
    assert public.visie.body == "Zie de afspraken voor meer.\n"


def test_reference_definitions_to_removed_pages_are_dropped(minimal: Datavisie) -> None:
    body = ("Zie [de afspraken][wa] en [privacy][p].\n\n"
            "[wa]: paginas/werkafspraken.md\n[p]: privacy.md\n")
    public = for_audience(_with_links(minimal, body))
    assert "werkafspraken" not in public.visie.body
    assert "[p]: privacy.md" in public.visie.body


def test_links_to_public_items_stay(minimal: Datavisie) -> None:
    body = "[Ethiek](themas/ethiek.md), [over](../over/), [afval](/projecten/afval/)\n"
    assert for_audience(_with_links(minimal, body)).visie.body == body
