"""Shared pieces of the charts: labels, fonts, escaping, number formatting, status marks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

MILESTONE_LABELS = {"gepland": "Gepland", "loopt": "Loopt", "gereed": "Gereed",
                    "vertraagd": "Vertraagd", "vervallen": "Vervallen"}
ALL_LANE = "*"
SERIES_LABELS = {"nulmeting": "Nulmeting", "meting": "Laatste meting", "ambitie": "Ambitie"}

Measure = Callable[[str, float], float]
Runs = Callable[[str], tuple[tuple[str, str | None], ...]]


def approx(text: str, size: float) -> float:
    return len(text) * 0.56 * size


@dataclass(frozen=True)
class ChartFont:
    """How chart text is set. Families None: inherit the page's font (the website).

    The posters give one family per font file and its exact width function; without
    `strong` the strong text uses the regular family with font-weight 600."""

    regular: str | None = None
    strong: str | None = None
    measure: Measure = approx
    measure_strong: Measure = approx
    # Posters: the text cut where a fallback font takes over (textfit.Face.runs); the site
    # leaves such characters to the browser.
    runs: Runs | None = None

    def markup(self, text: str) -> str:
        """`text` escaped, with a <tspan> of the fallback family around each character the
        poster's house font lacks (an emoji, a symbol)."""
        if self.runs is None:
            return esc(text)
        return "".join(f'<tspan font-family="{esc(fam)}">{esc(piece)}</tspan>' if fam
                       else esc(piece) for piece, fam in self.runs(text))

    def attrs(self, *, strong: bool = False) -> str:
        if strong:
            if self.strong:
                return f' font-family="{esc(self.strong)}"'
            fam = f' font-family="{esc(self.regular)}"' if self.regular else ""
            return fam + ' font-weight="600"'
        return f' font-family="{esc(self.regular)}"' if self.regular else ""


_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    """Escaped for XML text and attributes, without the characters XML 1.0 forbids."""
    return escape(_NOT_XML_RE.sub("", text), quote=True)


def num(value: float) -> str:
    """Short, stable number text for coordinates."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def svg_open(kind: str, prefix: str, width: float, height: float, x: float, y: float,
              lang: bool) -> str:
    place = f' x="{num(x)}" y="{num(y)}"' if (x or y) else ""
    language = ' lang="nl"' if lang else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="dv-chart dv-{kind}" id="{esc(prefix)}"'
            f' viewBox="0 0 {num(width)} {num(height)}" width="{num(width)}" height="{num(height)}"'
            f'{place} role="img" aria-labelledby="{esc(prefix)}-title {esc(prefix)}-desc"'
            f"{language}>")


def wrap_words(text: str, width: float, size: float, measure: Measure,
               max_lines: int) -> list[str]:
    """Greedy wrap; the last allowed line keeps all remaining words (never cut)."""
    lines: list[str] = []
    words, cur = text.split(), ""
    for word in words:
        trial = f"{cur} {word}".strip()
        if cur and measure(trial, size) > width and len(lines) < max_lines - 1:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


# --- status marks -------------------------------------------------------------------------


def status_mark(status: str, cx: float, cy: float, r: float, colour: str,
                background: str = "#ffffff") -> str:
    """A milestone status as a shape that reads without colour (also used in legends)."""
    c, bg, w = esc(colour), esc(background), num(max(r * 0.28, 0.1))
    x, y, rr = num(cx), num(cy), num(r)
    cls = f'class="dv-mark dv-mark-{esc(status)}"'
    if status == "gereed":
        tick = (f"M{num(cx - r * .45)} {num(cy + r * .02)}L{num(cx - r * .1)} {num(cy + r * .36)}"
                f"L{num(cx + r * .48)} {num(cy - r * .32)}")
        return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{rr}" fill="{c}"/>'
                f'<path d="{tick}" fill="none" stroke="{bg}" stroke-width="{w}"'
                f' stroke-linecap="round" stroke-linejoin="round"/></g>')
    if status == "loopt":
        half = (f"M{x} {num(cy - r)}A{rr} {rr} 0 0 1 {x} {num(cy + r)}Z")
        return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{num(r * .86)}" fill="{bg}" stroke="{c}"'
                f' stroke-width="{num(r * .28)}"/><path d="{half}" fill="{c}"/></g>')
    if status == "vertraagd":
        pts = (f"{x},{num(cy - r * 1.1)} {num(cx + r * 1.05)},{num(cy + r * .8)} "
               f"{num(cx - r * 1.05)},{num(cy + r * .8)}")
        bang = (f"M{x} {num(cy - r * .45)}V{num(cy + r * .2)}M{x} {num(cy + r * .48)}"
                f"V{num(cy + r * .5)}")
        return (f'<g {cls}><polygon points="{pts}" fill="{c}" stroke="{c}" stroke-width="{w}"'
                f' stroke-linejoin="round"/><path d="{bang}" stroke="{bg}" stroke-width="{w}"'
                f' stroke-linecap="round"/></g>')
    if status == "vervallen":
        d = r * .5
        cross = (f"M{num(cx - d)} {num(cy - d)}L{num(cx + d)} {num(cy + d)}"
                 f"M{num(cx + d)} {num(cy - d)}L{num(cx - d)} {num(cy + d)}")
        return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{num(r * .86)}" fill="{bg}" stroke="{c}"'
                f' stroke-width="{num(r * .2)}"/><path d="{cross}" stroke="{c}"'
                f' stroke-width="{w}" stroke-linecap="round"/></g>')
    return (f'<g {cls}><circle cx="{x}" cy="{y}" r="{num(r * .86)}" fill="{bg}" stroke="{c}"'
            f' stroke-width="{num(r * .28)}"/></g>')


