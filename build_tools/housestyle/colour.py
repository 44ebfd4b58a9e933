"""Colour maths for the house style: parsing `#rrggbb`, WCAG 2.x contrast, mixing.

Pure functions on normalised colour strings (`#rrggbb`, lower case); `style.py` uses them to
check the declared colour pairs and to derive the shades Material for MkDocs asks for.
"""

from __future__ import annotations

import colorsys
import math
import re

_HEX_RE = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

BLACK = "#000000"
WHITE = "#ffffff"


def parse_colour(text: str) -> str | None:
    """`#abc` or `#aabbcc` (any case) -> `#aabbcc`; anything else -> None."""
    match = _HEX_RE.match(text.strip())
    if not match:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return "#" + digits


def _rgb(colour: str) -> tuple[int, int, int]:
    normal = parse_colour(colour)
    if normal is None:
        raise ValueError(f"not a colour: {colour!r}")
    return int(normal[1:3], 16), int(normal[3:5], 16), int(normal[5:7], 16)


def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (r, g, b))


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance, 0.0 (black) to 1.0 (white)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1.0 to 21.0 (order does not matter)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def format_ratio(ratio: float, needed: float) -> str:
    """`4.48` for messages; never rounds a failing ratio up to the value that would pass."""
    text = f"{ratio:.2f}"
    if float(text) >= needed > ratio:
        text = f"{math.floor(ratio * 100) / 100:.2f}"
    return text


def text_on(colour: str) -> str:
    """Black or white, whichever contrasts more with `colour` (always at least 4.58:1)."""
    return BLACK if contrast_ratio(colour, BLACK) >= contrast_ratio(colour, WHITE) else WHITE


def mix(colour: str, other: str, amount: float) -> str:
    """`amount` of `colour` over `other` (1.0 = only `colour`), in sRGB like CSS opacity."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(*(amount * x + (1 - amount) * y for x, y in zip(a, b, strict=True)))


def hue(colour: str) -> int:
    """Hue in whole degrees (0..359), for Material's `--md-hue` in dark mode."""
    r, g, b = (v / 255 for v in _rgb(colour))
    h, _, _ = colorsys.rgb_to_hls(r, g, b)
    return round(h * 360) % 360


def is_darker(colour: str, than: str) -> bool:
    return relative_luminance(colour) < relative_luminance(than)
