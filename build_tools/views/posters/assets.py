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

from build_tools.build.cache import file_sha256
from build_tools.housestyle.logo import clean_children

SVG_NS = "http://www.w3.org/2000/svg"
FONTS_MARK = "<!--dv:fonts-->"


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
    """A logo as a nested <svg> placed in the box, rebuilt from the allow-list of logo.py
    (nothing that runs or fetches), with its ids prefixed."""
    view_box, inner = clean_children(svg_text, prefix)
    return (f'<svg x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}"'
            f' viewBox="{escape(view_box)}" preserveAspectRatio="{align} meet"'
            f' aria-hidden="true">{inner}</svg>')


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
    from build_tools.views.posters.textfit import face_family

    return {face_family(p): p for p in paths}
