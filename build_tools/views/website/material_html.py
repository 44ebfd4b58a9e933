"""Mends the few places where Material for MkDocs writes HTML that the Nu Html Checker (the
W3C validator) rejects, on every rendered page. Pure: page HTML in, page HTML out; the plugin
calls it after Material's templates ran (on_post_page, and on_post_template for 404.html).

What Material 9.x writes, and what becomes of it:

- `autocomplete="off"` on the drawer and search checkboxes (base.html): the attribute is not
  allowed on a checkbox. It only stopped Firefox reopening the drawer or search from its form
  memory; datavisie-material.js closes both toggles before Material's bundle reads them.
- `<label class="md-nav__title" for="__toc">` (toc.html) on a page without the `__toc`
  checkbox (it exists only where the page's table of contents sits in the navigation): the
  label keeps its text and loses the `for` that points at nothing.
- `tabindex=""` on section labels (nav-item.html with navigation.sections): the empty value is
  not a number, and browsers treat it as absent; it is removed.

Only tags are touched, never text: in rendered HTML a `<` in text is always `&lt;`, so the
tag patterns below cannot match inside content. When Material changes its markup the patterns
simply stop matching and the validator test (tests/browser/test_browser_validity.py) says so.
"""

from __future__ import annotations

import re

_CHECKBOX_RE = re.compile(r"<input\b[^<>]*\btype=\"checkbox\"[^<>]*>")
_AUTOCOMPLETE_RE = re.compile(r"\s+autocomplete=\"[^\"]*\"")
_LABEL_RE = re.compile(r"<label\b[^<>]*>")
_EMPTY_TABINDEX_RE = re.compile(r"\s+tabindex=\"\"")
_TOC_TITLE_RE = re.compile(r"(<label\b[^<>]*?)\s+for=\"__toc\"([^<>]*>)")
_TOC_CONTROL_RE = re.compile(r"<input\b[^<>]*\bid=\"__toc\"")


def _checkbox(match: re.Match[str]) -> str:
    return _AUTOCOMPLETE_RE.sub("", match.group(0))


def _label(match: re.Match[str]) -> str:
    return _EMPTY_TABINDEX_RE.sub("", match.group(0))


def mend_page(html: str) -> str:
    """`html` with Material's invalid attributes removed (see the module docstring)."""
    html = _CHECKBOX_RE.sub(_checkbox, html)
    html = _LABEL_RE.sub(_label, html)
    if not _TOC_CONTROL_RE.search(html):
        html = _TOC_TITLE_RE.sub(r"\1\2", html)
    return html
