"""The pass that mends Material's invalid attributes (build_tools/views/website/material_html.py):
it removes exactly them, on the tags Material writes, and never touches text."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from build_tools.views.website.material_html import mend_page

DRAWER = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
          'autocomplete="off">')
SEARCH_BOX = ('<input type="text" class="md-search__input" name="query" autocomplete="off" '
              'required>')
SECTION = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
FOCUSABLE = '<label class="md-nav__link" for="__nav_3" id="__nav_3_label" tabindex="0">'
TOC_TITLE = '<label class="md-nav__title" for="__toc">'
TOC_CONTROL = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


class _Text(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def test_each_invalid_attribute_goes_and_nothing_else() -> None:
    page = "".join([DRAWER, SEARCH_BOX, SECTION, "</label>", FOCUSABLE, "</label>",
                    TOC_TITLE, "Inhoud</label>"])
    mended = mend_page(page)
    assert 'type="checkbox" id="__drawer">' in mended and "autocomplete" not in \
        mended.split("md-search__input")[0]
    assert SEARCH_BOX in mended  # autocomplete is valid on a text field
    assert 'id="__nav_2_label">' in mended and 'tabindex="0"' in mended
    assert '<label class="md-nav__title">Inhoud' in mended  # no control: no `for`


def test_the_toc_label_keeps_its_for_when_the_control_exists() -> None:
    page = TOC_CONTROL + TOC_TITLE + "Inhoud</label>"
    assert mend_page(page) == page


PIECES = st.sampled_from([DRAWER, SEARCH_BOX, SECTION, FOCUSABLE, TOC_TITLE, TOC_CONTROL,
                          "</label>", "<p>", "</p>"])
# Text as Markdown would leave it: quotes as they are, < > & escaped.
TEXTS = st.text(alphabet=st.sampled_from(list('ab <>&"=tabindexautocomplete_fo') + ["\n"]),
                max_size=40).map(lambda t: escape(t, quote=False))


@given(st.lists(st.one_of(PIECES, TEXTS), max_size=30))
def test_text_never_changes_and_the_pass_is_idempotent(parts: list[str]) -> None:
    page = "".join(parts)
    mended = mend_page(page)
    assert "".join(_Text(mended).parts) == "".join(_Text(page).parts)
    assert mend_page(mended) == mended
    for tag, attrs in _Text(mended).tags:
        assert attrs.get("tabindex", "x") != ""
        assert not (tag == "input" and attrs.get("type") == "checkbox" and "autocomplete" in attrs)
