"""The house-style logo as safe SVG: what the site publishes (`assets/images/logo.svg`, the
favicon) and the posters and social cards draw is rebuilt from an allow-list of SVG elements,
attributes and CSS properties; everything else is left out, whatever the theme's file holds.

An allow-list, not a list of what is dangerous: a script, an event handler, `<set>` or
`<animate>` turning a `href` into `javascript:`, `<foreignObject>`, a link, a reference to
another file or address (`href`, `url()`, `@import`), an entity or DTD, or anything SVG adds
next year is simply not on it. References inside the logo (`#id`) and inline PNG or JPEG images
stay. `clean_logo` says why a file cannot be a logo at all (not SVG, no viewBox, a DTD).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
MAX_DEPTH = 64
MAX_BYTES = 1_000_000
MAX_DRAWN = 20_000  # elements drawn, each reference counted as a copy of its target

ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feDropShadow",
    "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge",
    "feMergeNode", "feMorphology", "feOffset",
})
_NEED_HREF = frozenset({"use", "image", "textPath"})
_LEAVES = frozenset({"title", "desc", "style", "path", "rect", "circle", "ellipse", "line",
                     "polyline", "polygon", "image", "use", "stop", "feBlend", "feColorMatrix",
                     "feComposite", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG",
                     "feFuncR", "feGaussianBlur", "feMergeNode", "feMorphology", "feOffset"})
# What may hold what, where the renderer expects it (CairoSVG fails on an <svg> in a <text>).
_CHILDREN = {
    **dict.fromkeys(_LEAVES, frozenset()),
    **dict.fromkeys(("text", "tspan", "textPath"), frozenset({"tspan", "textPath"})),
    **dict.fromkeys(("linearGradient", "radialGradient"), frozenset({"stop"})),
    "filter": frozenset(n for n in ELEMENTS if n.startswith("fe") and not n.startswith("feFunc")
                        and n != "feMergeNode"),
    "feMerge": frozenset({"feMergeNode"}),
    "feComponentTransfer": frozenset({"feFuncA", "feFuncB", "feFuncG", "feFuncR"}),
}
# ... and everywhere else: shapes, groups, text and the definitions they use
_GRAPHICS = ELEMENTS - {"svg", "stop", "tspan", "textPath"} - {
    n for n in ELEMENTS if n.startswith("fe")}
_TEXT_ELEMENTS = frozenset({"title", "desc", "text", "tspan", "textPath", "style"})
# The logo's own name for assistive technology: kept in the published file, left out where
# the logo is nested in a poster or card (which is labelled as a whole, the logo hidden).
_LABELS = frozenset({"title", "desc", "role", "aria-label", "aria-labelledby",
                     "aria-describedby"})

# Presentation properties: allowed as attributes and in `style` and <style>.
PROPERTIES = frozenset({
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    "stroke-opacity", "opacity", "clip-path", "clip-rule", "mask", "filter", "color", "display",
    "visibility", "overflow", "font-family", "font-size", "font-weight", "font-style",
    "font-variant", "font-stretch", "text-anchor", "dominant-baseline", "alignment-baseline",
    "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode",
    "direction", "unicode-bidi", "stop-color", "stop-opacity", "vector-effect", "paint-order",
    "shape-rendering", "text-rendering", "image-rendering", "color-interpolation",
    "color-interpolation-filters", "marker-start", "marker-mid", "marker-end", "flood-color",
    "flood-opacity", "lighting-color", "mix-blend-mode", "isolation", "transform-origin",
})
ATTRIBUTES = PROPERTIES | frozenset({
    "id", "class", "style", "role", "aria-label", "aria-labelledby", "aria-describedby",
    "aria-hidden", "focusable", "lang", "version", "baseProfile",
    "x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "fx", "fy", "fr", "x1", "y1",
    "x2", "y2", "points", "d", "dx", "dy", "rotate", "textLength", "lengthAdjust", "viewBox",
    "preserveAspectRatio", "transform", "pathLength",
    "gradientUnits", "gradientTransform", "spreadMethod", "offset", "patternUnits",
    "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits",
    "markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits", "startOffset",
    "method", "spacing", "side",
    "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation", "mode", "type",
    "values", "operator", "k1", "k2", "k3", "k4", "radius", "tableValues", "slope",
    "intercept", "amplitude", "exponent", "href",
})
# url(x), url('x') or url("x"); written so that a value of a thousand unclosed `url(` is read
# in linear time (a lazy `.*?` up to a back-reference took 88 s for 50,000 of them)
_URL = re.compile(r"url\(\s*(?:'([^']*)'|\"([^\"]*)\"|([^'\"()\s]*))\s*\)", re.I)
_LOCAL = re.compile(r"^#([A-Za-z_][\w.-]*)$")
_RASTER = re.compile(r"^data:image/(?:png|jpeg);base64,[A-Za-z0-9+/=\s]+$")
# Values of presentation and geometry: numbers, names, colours, lists, `url(#id)`, quoted font
# names; no `:` (so no scheme such as `javascript:`), `;`, `\\`, `@`, braces or markup.
_SAFE_VALUE = re.compile(r"^[\w\s.,#%()'\"+\-/*!]*$")
_TEXT_ATTRIBUTES = frozenset({"aria-label"})  # shown as text, never read as a value

# The shape of a value, where the renderer reads a number, a list, a path, a transform or a
# colour (CairoSVG stops with a ValueError on `opacity="red"`); other values are keywords.
_NUM = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_LEN = _NUM + r"(?:px|pt|pc|mm|cm|in|em|ex|rem|%)?"
_LIST = rf"{_LEN}(?:(?:\s*,\s*|\s+){_LEN})*"
_COLOUR = (r"(?:#[0-9a-fA-F]{3,8}|rgba?\(\s*[\d.%\s,]+\)|hsla?\(\s*[\d.%\s,deg]+\)"
           r"|[a-zA-Z]+)")
_REF = r"url\(\s*(?:#[\w.-]+|'#[\w.-]+'|\"#[\w.-]+\")\s*\)"
_TRANSFORM = (rf"(?:\s*(?:matrix|translate|scale|rotate|skewX|skewY)\s*\(\s*{_LIST}?\s*\)"
              r"\s*,?)*\s*")
_SHAPES = {
    **dict.fromkeys(("x", "y", "width", "height", "rx", "ry", "cx", "cy", "r", "fx", "fy", "fr",
                     "x1", "y1", "x2", "y2", "offset", "stroke-width", "stroke-miterlimit",
                     "stroke-dashoffset", "font-size", "pathLength", "textLength",
                     "markerWidth", "markerHeight", "refX", "refY", "startOffset", "k1", "k2",
                     "k3", "k4", "slope", "intercept", "amplitude", "exponent", "opacity",
                     "fill-opacity", "stroke-opacity", "stop-opacity", "flood-opacity"), _LEN),
    **dict.fromkeys(("letter-spacing", "word-spacing"), rf"normal|{_LEN}"),
    **dict.fromkeys(("points", "viewBox", "values", "tableValues", "stdDeviation", "radius",
                     "dx", "dy", "rotate"), _LIST),
    "stroke-dasharray": rf"none|{_LIST}",
    "d": r"[MmLlHhVvCcSsQqTtAaZz\d\s.,eE+-]*",
    **dict.fromkeys(("transform", "gradientTransform", "patternTransform"), _TRANSFORM),
    **dict.fromkeys(("fill", "stroke"), rf"none|{_COLOUR}|{_REF}(?:\s+(?:none|{_COLOUR}))?"),
    **dict.fromkeys(("stop-color", "flood-color", "lighting-color", "color"), _COLOUR),
    **dict.fromkeys(("clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end"),
                    rf"none|{_REF}"),
    "font-family": r"[\w\s,'\"-]+",
}
_SHAPE = {name: re.compile(pattern) for name, pattern in _SHAPES.items()}
_SELECTOR = re.compile(r"^[\w\s.#,>+~*:()-]+$")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


class LogoError(ValueError):
    """Why a file cannot be a logo (Dutch, for DS009)."""


def clean_logo(svg: str) -> str:
    """The logo rebuilt from the allow-list, as a standalone SVG document."""
    root = _parse(svg)
    ids = _ids(root)
    attrs = _attributes(root, "", ids)
    inner = "".join(_element(child, "", ids) for child in root)
    out = f'<svg xmlns="{SVG_NS}"{attrs}>{inner}</svg>\n'
    _check_references(ET.fromstring(out))
    return out


def clean_children(svg: str, prefix: str) -> tuple[str, str]:
    """The logo's viewBox and its children rebuilt from the allow-list, every id and
    reference prefixed with `prefix-` (to nest the logo in another SVG)."""
    root = _parse(svg)
    view_box = root.get("viewBox") or f"0 0 {root.get('width', '100')} {root.get('height', '100')}"
    ids = _ids(root)
    inner = "".join(_element(child, prefix, ids) for child in root)
    _check_references(ET.fromstring(f'<svg xmlns="{SVG_NS}">{inner}</svg>'))
    return view_box, inner


def _check_references(root: ET.Element) -> None:
    """Refuse references that go round (`<g id="a"><use href="#a"/></g>`, a pattern filled
    with itself: the renderer recurses until it crashes) or that multiply (ten `<use>` of a
    group of ten `<use>` of ...: 100,000 elements took the renderer 93 s). Every reference
    (`href`, `url(#id)` in an attribute, a `style` or a class's rule) counts as a copy of
    what it points to."""
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    by_class: dict[str, set[str]] = {}
    for sheet in root.iter(f"{{{SVG_NS}}}style"):
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet.text or ""):
            targets = {m.group(1) for m in re.finditer(r"url\(#([^)]+)\)", body)}
            for name in re.findall(r"\.([\w-]+)", selector):
                by_class.setdefault(name, set()).update(targets)
    cost: dict[int, int] = {}
    active: set[int] = set()

    def refs(el: ET.Element) -> set[str]:
        found = {m.group(1) for value in el.attrib.values()
                 for m in re.finditer(r"url\(#([^)]+)\)", value)}
        href = el.get("href", "")
        if href.startswith("#"):
            found.add(href[1:])
        for name in el.get("class", "").split():
            found |= by_class.get(name, set())
        return found

    def size(el: ET.Element, depth: int) -> int:
        key = id(el)
        if key in cost:
            return cost[key]
        if key in active:
            raise LogoError(f"niet te tekenen: <{_local_name(str(el.tag))} id=\"{el.get('id')}\"> "
                            "verwijst (via andere delen) naar zichzelf")
        if depth > MAX_DEPTH * 4:
            raise LogoError("niet te tekenen: de verwijzingen gaan te diep in elkaar")
        active.add(key)
        total = 1 + sum(size(child, depth + 1) for child in el)
        total += sum(size(by_id[r], depth + 1) for r in refs(el) if r in by_id)
        active.discard(key)
        cost[key] = total
        if total > MAX_DRAWN:
            raise LogoError(f"niet te tekenen: de verwijzingen maken er meer dan "
                            f"{MAX_DRAWN:,} delen van".replace(",", "."))
        return total

    size(root, 0)


def _parse(svg: str) -> ET.Element:
    if len(svg) > MAX_BYTES:
        raise LogoError(f"te groot ({len(svg):,} tekens; hoogstens 1 MB)".replace(",", "."))
    if re.search(r"<!(?:DOCTYPE|ENTITY)", svg, re.I):
        raise LogoError("niet toegestaan: het bevat een DOCTYPE of ENTITY")
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise LogoError(f"geen geldige SVG ({exc})") from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise LogoError("geen SVG (het hoofdelement is geen <svg> met de SVG-namespace)")
    if "viewBox" not in root.attrib:
        raise LogoError("niet schaalbaar: het <svg>-element heeft geen viewBox")
    stack = [(root, 1)]
    while stack:  # iteratively: a deep file must not reach Python's recursion limit below
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise LogoError(f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
        stack.extend((child, depth + 1) for child in el)
    return root


def _ids(root: ET.Element) -> set[str]:
    return {i for el in root.iter() if (i := el.get("id")) and _LOCAL.match(f"#{i}")}


def _local_name(name: str) -> str | None:
    """`name` without the SVG namespace; None for another namespace (an editor's data)."""
    if not name.startswith("{"):
        return name
    if name.startswith(f"{{{SVG_NS}}}"):
        return name[len(SVG_NS) + 2:]
    if name == XLINK_HREF:
        return "href"
    return None


def _element(el: ET.Element, prefix: str, ids: set[str], parent: str = "svg") -> str:
    tag = _local_name(str(el.tag)) if isinstance(el.tag, str) else None
    if tag not in _CHILDREN.get(parent, _GRAPHICS) or (prefix and tag in _LABELS):
        return ""  # and all inside it: a <foreignObject>'s HTML, an <a>'s shapes
    attrs = _attributes(el, prefix, ids, image=tag == "image")
    if tag in _NEED_HREF and ' href="' not in attrs:
        return ""  # a <use> of nothing makes the renderer draw the whole logo inside itself
    if tag == "style":
        inner = escape(_css(el.text or "", prefix, ids), quote=False)
    else:
        inner = escape(el.text or "", quote=False) if tag in _TEXT_ELEMENTS else ""
        for child in el:
            inner += _element(child, prefix, ids, tag)
            if tag in _TEXT_ELEMENTS:
                inner += escape(child.tail or "", quote=False)
    return f"<{tag}{attrs}>{inner}</{tag}>"


def _attributes(el: ET.Element, prefix: str, ids: set[str], *, image: bool = False) -> str:
    out = {}
    for raw, value in el.attrib.items():
        name = "xml:space" if raw == f"{XML_NS}space" else _local_name(raw)
        if name == "xml:space" and value in ("default", "preserve"):
            out[name] = value
            continue
        if name not in ATTRIBUTES or (prefix and name in _LABELS):
            continue
        cleaned = _value(name, value, prefix, ids, image=image)
        if cleaned is not None:
            out[name] = cleaned
    return "".join(f' {k}="{escape(v)}"' for k, v in sorted(out.items()))


def _value(name: str, value: str, prefix: str, ids: set[str], *, image: bool) -> str | None:
    if name == "href":
        local = _LOCAL.match(value.strip())
        if local and local.group(1) in ids:
            return f"#{_prefixed(local.group(1), prefix)}"
        return value if image and _RASTER.match(value) else None
    if name == "id":
        return _prefixed(value, prefix) if value in ids else None
    if name == "style":
        return _declarations(value, prefix, ids)
    if name in _TEXT_ATTRIBUTES:
        return value
    if name in ("aria-labelledby", "aria-describedby"):
        refs = [_prefixed(r, prefix) for r in value.split() if r in ids]
        return " ".join(refs) or None
    return _property_value(name, value, prefix, ids)


def _prefixed(ident: str, prefix: str) -> str:
    return f"{prefix}-{ident}" if prefix else ident


def _property_value(name: str, value: str, prefix: str, ids: set[str]) -> str | None:
    """A value of the shape its property takes, with `url()` only to an id of the logo
    itself; None when it holds anything else, could reach outside (another file, an address)
    or leave its attribute or rule."""
    value = value.strip()
    shape = _SHAPE.get(name)
    if not _SAFE_VALUE.match(value) or (shape is not None and not shape.fullmatch(value)):
        return None
    out, at = [], 0
    for m in _URL.finditer(value):
        local = _LOCAL.match((m.group(1) or m.group(2) or m.group(3) or "").strip())
        if not local or local.group(1) not in ids:
            return None
        out.append(value[at:m.start()] + f"url(#{_prefixed(local.group(1), prefix)})")
        at = m.end()
    rest = value[at:]
    if re.search(r"url\s*\(|expression\s*\(|image-set|\bimage\s*\(", rest, re.I):
        return None
    return "".join(out) + rest


def _declarations(text: str, prefix: str, ids: set[str]) -> str | None:
    kept = []
    for declaration in _COMMENT.sub("", text).split(";"):
        name, colon, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip()
        if not colon or name not in PROPERTIES:
            continue
        cleaned = _property_value(name, value, prefix, ids)
        if cleaned is not None:
            kept.append(f"{name}:{cleaned}")
    return ";".join(kept) or None


def _css(text: str, prefix: str, ids: set[str]) -> str:
    """A <style> sheet rebuilt from plain rules (`selector { property: value }`) with allowed
    properties; at-rules (`@import`, `@font-face`, `@media`) and anything unparsed are left
    out. Id selectors get the prefix like the ids they select."""
    rules = []
    for chunk in _COMMENT.sub("", text).split("}"):
        selector, brace, body = chunk.partition("{")
        selector = selector.strip()
        if not brace or not selector or "@" in chunk or not _SELECTOR.match(selector):
            continue
        if prefix:
            selector = re.sub(r"#([A-Za-z_][\w-]*)",
                              lambda m: f"#{_prefixed(m.group(1), prefix)}", selector)
        declarations = _declarations(body, prefix, ids)
        if declarations:
            rules.append(f"{selector}{{{declarations}}}")
    return "".join(rules)
