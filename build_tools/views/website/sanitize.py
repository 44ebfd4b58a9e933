"""The one gate between rendered content Markdown and the published page: an allow-list of the
tags and attributes that Markdown and Material produce, nothing else.

Content Markdown is untrusted (anyone can propose a change). Raw HTML is already shown as text
by `markdown_ext`; this is the second line: it drops scripts, event handlers, comments, styles,
frames and `javascript:`/`data:` URLs, images from other hosts, and the ids and classes of the
theme (`markup_tree`: the content check refuses the same with a message at the line).
Our own generated HTML (charts, tables) is inserted after this step (see `page.insert_blocks`).
"""

from __future__ import annotations

import re

import nh3

from build_tools.content import markup_tree

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
    "ul",
})

ATTRIBUTES = markup_tree.ATTRIBUTES  # what Markdown writes; the content check uses the same

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Markdown tables align columns with `style="text-align: ..."`. The site runs under a
# Content-Security-Policy without inline styles, so that becomes the `align` attribute (a
# presentational hint, not a style) and no style attribute survives.
_TABLE_ALIGN = re.compile(
    r'<(t[dh])([^>]*?) style="text-align:\s*(left|center|right);?"', re.I)
ALIGNMENTS = frozenset({"left", "center", "right"})


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "img" and attr == "src" and not markup_tree.same_site(value):
        return None  # only images that are part of this site: no tracking pixels, no hotlinks
    if attr == "align" and value.lower() not in ALIGNMENTS:
        return None
    if attr == "id" and markup_tree.reserved_id(value):
        return None  # Material finds its own machinery by these ids (`__config`, ...)
    if attr == "class":
        kept = [t for t in value.split() if not markup_tree.theme_class(t)
                or (tag, t) in markup_tree.GENERATED_CLASSES]
        return " ".join(kept) or None
    return value


def sanitize_html(html: str) -> str:
    """Rendered content HTML -> the same HTML with only allowed tags, attributes and URLs."""
    html = _TABLE_ALIGN.sub(r'<\1\2 align="\3"', html)
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template",
                            "noscript", "textarea", "select", "svg", "math"},
        attributes={k: set(v) for k, v in ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
    )
