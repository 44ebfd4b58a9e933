"""What a poster SVG carries inside itself: font subsets as data: URIs, the inlined logo, and
the QR code as one path. Pure functions from bytes/text to SVG text; nothing is fetched.
"""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html import escape
from pathlib import Path

from ..cachekeys import file_sha256

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
FONTS_MARK = "<!--dv:fonts-->"
_DROP = {"script", "foreignObject", "a", "metadata", "title", "desc", "iframe", "audio", "video"}
_URL_RE = re.compile(r"url\(\s*['\"]?(?!#)[^)]*\)", re.I)
_IMPORT_RE = re.compile(r"@import[^;]*;?", re.I)
_RASTER_DATA_RE = re.compile(r"^data:image/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$")


# --- fonts --------------------------------------------------------------------------------


def used_text(svg: str) -> dict[str, str]:
    """Family (first in font-family) -> every character drawn with it, from the SVG itself."""
    root = ET.fromstring(svg)
    chars: dict[str, set[str]] = {}
    inherited: dict[ET.Element, str] = {}

    def walk(el: ET.Element, family: str) -> None:
        fam = el.get("font-family")
        if fam:
            family = fam.split(",")[0].strip().strip("'\"")
        inherited[el] = family
        if _local(el.tag) in ("text", "tspan") and el.text:
            chars.setdefault(family, set()).update(el.text)
        for child in el:
            walk(child, family)
            if _local(el.tag) in ("text", "tspan") and child.tail:
                chars.setdefault(family, set()).update(child.tail)

    walk(root, "")
    return {fam: "".join(sorted(cs)) for fam, cs in sorted(chars.items()) if fam}


@lru_cache(maxsize=64)
def _subset_woff2(data_hash: str, path: str, chars: str) -> bytes:
    del data_hash  # part of the cache key only: a changed file is a new entry
    from fontTools import subset  # a sixth of a second to import; warm builds never subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    with TTFont(path, recalcTimestamp=False) as font:
        sub = subset.Subsetter(options)
        sub.populate(text=chars + " ")
        sub.subset(font)
        out = io.BytesIO()
        font.flavor = "woff2"
        font.save(out)
    return out.getvalue()


def font_face_css(faces: Mapping[str, Path], used: Mapping[str, str]) -> str:
    """@font-face rules for the families the SVG uses, each a WOFF2 subset as a data: URI."""
    rules = []
    for family, chars in sorted(used.items()):
        path = faces.get(family)
        if path is None or not chars.strip():
            continue
        digest = file_sha256(path).hex()
        data = base64.b64encode(_subset_woff2(digest, str(path), chars)).decode("ascii")
        rules.append(f'@font-face{{font-family:"{family}";'
                     f'src:url(data:font/woff2;base64,{data}) format("woff2")}}')
    return "".join(rules)


def embed_fonts(svg: str, faces: Mapping[str, Path]) -> str:
    """Replace the fonts mark in `svg` by a <style> with the subsets of the faces it uses."""
    css = font_face_css(faces, used_text(svg.replace(FONTS_MARK, "")))
    return svg.replace(FONTS_MARK, f"<style>{css}</style>" if css else "", 1)


# --- logo ---------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def inline_svg(svg_text: str, *, prefix: str, x: float, y: float, width: float,
               height: float, align: str = "xMinYMid") -> str:
    """A logo as a nested <svg> placed in the box; ids prefixed, nothing that could fetch.

    Scripts, foreign content, images, links, <use>, stylesheets and url() references to
    anything but the logo's own ids are dropped, whatever the theme's file contains."""
    root = ET.fromstring(svg_text)
    view_box = root.get("viewBox") or f"0 0 {root.get('width', '100')} {root.get('height', '100')}"
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    parts = [f'<svg x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}"'
             f' viewBox="{escape(view_box)}" preserveAspectRatio="{align} meet"'
             f' aria-hidden="true">']
    for child in root:
        parts.append(_clean_element(child, prefix, ids))
    parts.append("</svg>")
    return "".join(parts)


def _clean_attr(name: str, value: str, prefix: str, ids: set[str | None]) -> str | None:
    if name.startswith("on") or name in ("role", "aria-labelledby", "aria-describedby"):
        return None
    if name in ("href", f"{{{XLINK_NS}}}href"):
        if value.startswith("#") and value[1:] in ids:
            return f"#{prefix}-{value[1:]}"
        return value if _RASTER_DATA_RE.match(value) else None
    if name == "id":
        return f"{prefix}-{value}"
    if "url(" in value:
        value = _URL_RE.sub("none", value)
        value = re.sub(r"url\(\s*#([^)\s]+)\s*\)",
                       lambda m: f"url(#{prefix}-{m.group(1)})" if m.group(1) in ids else "none",
                       value)
    return value


def _clean_element(el: ET.Element, prefix: str, ids: set[str | None]) -> str:
    tag = _local(el.tag)
    if tag in _DROP or not str(el.tag).startswith(f"{{{SVG_NS}}}"):
        return ""
    attrs = []
    for name, value in sorted(el.attrib.items()):
        if name.startswith("{") and not name.startswith(f"{{{XLINK_NS}}}"):
            continue
        cleaned = _clean_attr(name, value, prefix, ids)
        if cleaned is not None:
            local = "href" if name.endswith("}href") else _local(name)
            attrs.append(f' {local}="{escape(cleaned)}"')
    text = el.text or ""
    if tag == "style":
        text = _URL_RE.sub("none", _IMPORT_RE.sub("", text))
    inner = escape(text, quote=False)
    for child in el:
        inner += _clean_element(child, prefix, ids) + escape(child.tail or "", quote=False)
    return f"<{tag}{''.join(attrs)}>{inner}</{tag}>"


def aspect(svg_text: str) -> float:
    """Width / height of an SVG from its viewBox (1.0 if unreadable)."""
    try:
        box = ET.fromstring(svg_text).get("viewBox", "").strip()
        parts = [float(v) for v in re.split(r"[\s,]+", box)]
        return parts[2] / parts[3] if len(parts) == 4 and parts[3] else 1.0
    except (ET.ParseError, ValueError):
        return 1.0


# --- QR -----------------------------------------------------------------------------------


@lru_cache(maxsize=16)  # the same site address on every poster, twice per build
def qr_path(url: str) -> tuple[str, int]:
    """A QR code for `url` as one path (unit = one module, no quiet zone) and its size."""
    import segno  # only when a poster is drawn: a build that finds its posters cached skips it

    code = segno.make(url, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=0)]
    parts = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return "".join(parts), len(rows)


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def face_files(paths: Iterable[Path]) -> dict[str, Path]:
    """SVG family name -> font file, for every bundled face."""
    from .textfit import face_family

    return {face_family(p): p for p in paths}
