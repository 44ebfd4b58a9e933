"""The shared vocabulary of poster layout: the house fonts as `Face`s, version lines for paper,
and fitting a region's text with issues for what cannot fit. Pure; templates draw the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from build_tools.content.model import Datavisie, Version
from build_tools.content.types import When
from build_tools.errors import Issue, Pos
from build_tools.housestyle.tokens import Style
from build_tools.views.posters.paper import Box, PosterDef, Region
from build_tools.views.posters.textfit import Face as Face
from build_tools.views.posters.textfit import (
    Flow,
    Para,
    Source,
    clean,
    fit,
    load_face,
    overflow,
    shorten,
)

ORGAAN = {"mt": "het managementteam", "college": "het college", "gemeenteraad": "de gemeenteraad"}
STATUS = {"concept": "concept", "vastgesteld-mt": "vastgesteld door het managementteam",
          "vastgesteld-college": "vastgesteld door het college",
          "vastgesteld-raad": "vastgesteld door de gemeenteraad", "ingetrokken": "ingetrokken"}


@dataclass(frozen=True)
class Fonts:
    """The faces posters use, from the house style (the same files the site serves)."""

    text: Face
    strong: Face
    bold: Face
    italic: Face
    heading: Face

    @classmethod
    def of(cls, style: Style) -> Fonts:
        """The house faces, each with the theme's fallback fonts for what it lacks."""
        t, h = style.fonts.text, style.fonts.heading
        reserve = [load_face(p) for p in style.fonts.reserve]

        def face(path: Path) -> Face:
            return load_face(path).with_reserve(reserve)

        return cls(face(t.face(400).path), face(t.face(600).path), face(t.face(700).path),
                   face(t.face(400, italic=True).path),
                   face(h.face(style.fonts.heading_weight).path))

    def for_region(self, region: Region) -> Face:
        return self.heading if region.font == "koppen" else self.text


@dataclass(frozen=True)
class Edition:
    """What a poster says about its version: the lines to print and whether it is a concept."""

    concept: bool
    badge: str  # short: "Versie 1.1 · concept"
    lines: tuple[str, ...]  # footer sentences


def _date(when: When) -> str:
    return when.label()


def edition(model: Datavisie) -> Edition:
    """Version and status for paper (latest entry of versies.yml; latest adopted version)."""
    latest: Version | None = model.versies[-1] if model.versies else None
    adopted = model.latest_adopted
    concept = latest is None or latest.status == "concept" or adopted is None
    if latest is None:
        return Edition(True, "Concept", ("Concept: er is nog geen vastgestelde versie.",))
    badge = f"Versie {latest.versie} · {STATUS[latest.status]}"
    lines = []
    if latest.status == "concept":
        lines.append(f"Versie {latest.versie} is een concept en nog niet vastgesteld.")
    else:
        lines.append(f"Versie {latest.versie}, {STATUS[latest.status]} op {_date(latest.datum)}"
                     + _decision(latest) + ".")
    if adopted is not None and adopted is not latest:
        lines.append(f"Geldend is versie {adopted.versie}, {STATUS[adopted.status]} op "
                     f"{_date(adopted.datum)}{_decision(adopted)}.")
    elif adopted is None:
        lines.append("Er is nog geen vastgestelde versie.")
    if len(badge) > 60:
        badge = f"Versie {latest.versie}"
    return Edition(concept, badge, tuple(lines))


def _decision(v: Version) -> str:
    return f" (besluit {v.besluit.kenmerk})" if v.besluit else ""


def stand_text(model: Datavisie) -> str:
    d = model.stand
    if d is None:
        return ""
    return f"Stand per {When(d, d, 'dag', d.isoformat()).label()}"


def site_host(model: Datavisie) -> str:
    url = model.organisatie.site_url
    return url.split("://", 1)[-1].rstrip("/")


@dataclass(frozen=True)
class Masthead:
    """What every poster and card shows of the model besides its own content. A social card
    sees nothing else of the model, so this and the card's texts are all a card is made of
    (and what its cache key holds)."""

    edition: Edition
    org: str
    host: str
    stand: str


def masthead(model: Datavisie) -> Masthead:
    return Masthead(edition(model), model.organisatie.naam, site_host(model), stand_text(model))


@dataclass(frozen=True)
class TextLine:
    """One line of text as the template draws it."""

    x: float
    y: float
    size: float
    family: str
    fill: str
    text: str
    anchor: str = "start"
    role: str = ""
    # the text cut where a fallback font takes over: (piece, its family or None)
    runs: tuple[tuple[str, str | None], ...] = ()


def lines_of(flow: Flow, box: Box, fills: Mapping[str, str], *, align: str = "start",
             valign: str = "top") -> tuple[TextLine, ...]:
    """Place a fitted flow in `box`: absolute baselines, one TextLine per line."""
    dy = box.y + {"top": 0.0, "middle": (box.h - flow.height) / 2,
                  "bottom": box.h - flow.height}[valign]
    out = []
    for placed in flow.placed:
        x = {"start": box.x + placed.x, "middle": box.x + box.w / 2,
             "end": box.right}[align]
        for text, y in zip(placed.lines, placed.baselines, strict=True):
            face = placed.para.face
            out.append(TextLine(x, y + dy, placed.size, face.family,
                                fills.get(placed.para.role, fills.get("tekst", "#000000")),
                                text, align, placed.para.role, face.runs(text)))
    return tuple(out)


@dataclass
class Fitter:
    """Fits regions for one poster and keeps every issue (nothing overflows, nothing is cut)."""

    defn: PosterDef
    label: str  # Dutch name of the poster, e.g. "de poster Thema Ethiek (thema-ethiek)"
    fonts: Fonts
    issues: list[Issue] = field(default_factory=list)

    def region(self, name: str) -> Region:
        return self.defn.regions[name]

    def fit(self, name: str, paras: Sequence[Para], *, box: Box | None = None,
            largest: float | None = None) -> Flow | None:
        """The flow at the largest size that fits the region (or `box`), else an issue."""
        region = self.region(name)
        box = box or region.box
        big = self.defn.pt(largest if largest is not None else region.largest)
        small = self.defn.pt(min(region.smallest, largest or region.smallest))
        step = self.defn.pt(region.step)
        if region.max_lines is not None:
            paras = [replace(p, max_lines=p.max_lines or region.max_lines) for p in paras]
        self.check_glyphs(paras)
        flow = fit(paras, box.w, box.h, largest=big, smallest=small, step=step)
        if flow is None:
            # Content within the contract's limits always prints: cut short, with a warning
            flow = shorten(paras, box.w, box.h, smallest=small)
            self.too_long(name, paras, box, small, shortened=flow is not None)
        return flow

    def too_long(self, name: str, paras: Sequence[Para], box: Box, smallest: float, *,
                 shortened: bool) -> None:
        over = overflow(paras, box.w, box.h, smallest=smallest)
        source = over.source
        pos = source.pos if source else Pos(self.defn.path, self.region(name).pos.line, 1)
        what = source.label if source else f"de tekst in vak `{name}`"
        n = over.too_long
        smallest_pt = smallest if self.defn.unit == "px" else smallest / self.defn.pt(1)
        unit = "px" if self.defn.unit == "px" else "pt"
        chars = f"{n} teken{'s' if n != 1 else ''}"
        fewer = " of gebruik minder onderdelen" if n >= over.text_length else ""
        if shortened:
            self.issues.append(Issue.at(
                pos, "W002",
                f"{what} past niet helemaal op {self.label}, ook niet in de kleinste letter "
                f"({smallest_pt:g} {unit}); de poster toont de tekst ingekort, met …: "
                f"{chars} te lang",
                f"maak de tekst {chars} korter{fewer}, dan staat hij er helemaal op"))
            return
        self.issues.append(Issue.at(  # not even one word fits: the poster leaves it out
            pos, "W002",
            f"{what} past niet op {self.label}, ook niet ingekort in de kleinste letter "
            f"({smallest_pt:g} {unit}); de poster laat de tekst weg: {chars} te lang",
            f"maak de tekst {chars} korter{fewer}, of maak het vak groter"))

    def check_glyphs(self, paras: Sequence[Para]) -> None:
        """A warning (W401) at the content's line for every character that neither the house
        font nor a fallback font (theme/fonts/reserve/) has: it would print as an empty box."""
        for para in paras:
            missing = para.face.missing(clean(para.text))
            if missing and para.source is not None:
                shown = " ".join(f"'{ch}' (U+{ord(ch):04X})" for ch in missing[:5])
                self.issues.append(Issue.at(
                    para.source.pos, "W401",
                    f"{para.source.label} bevat tekens die geen letter van de huisstijl kan "
                    f"drukken: {shown}; op {self.label} verschijnen ze als leeg vakje",
                    "vervang ze door gewone letters, of zet een letter die ze heeft in "
                    "theme/fonts/reserve/"))


def source(obj: object, fieldname: str, label: str) -> Source:
    """Where `obj.<fieldname>` was written (falls back to the object's own position)."""
    fpos = getattr(obj, "fpos", {}) or {}
    pos = fpos.get(fieldname) or getattr(obj, "pos", None) or Pos("", 0, 0)
    return Source(pos, label)
