"""Checked plain data -> model objects: one builder per content file kind (`BUILDERS`), each
turning a `SourceFile` (a file read and checked against its schema) into its part of the
model, or MISSING when a value it needs failed its check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from build_tools.audience import VISIBILITY_KEY
from build_tools.content.addresses import FIELD as OLD_ADDRESSES
from build_tools.content.model import (
    Algorithm,
    Aspect,
    Contact,
    CouncilQuestions,
    DataSource,
    Decision,
    Dimension,
    ImpactTest,
    LegalLink,
    Level,
    MaturityModel,
    Measurement,
    Milestone,
    Organisation,
    Page,
    Phase,
    Principle,
    Project,
    Roadmap,
    Score,
    Term,
    Theme,
    Version,
    Vision,
)
from build_tools.content.types import MISSING
from build_tools.content.yamlio import (
    MarkdownDoc,
)
from build_tools.errors import Pos


@dataclass(frozen=True)
class SourceFile:
    """One content file, read into a checked plain value (or MISSING) with its location."""

    rel: str  # relative to the project root, e.g. content/themas/ethiek.md
    kind: str
    stem: str
    data: Any
    doc: MarkdownDoc | None = None


def _pos(d: dict[str, Any]) -> Pos:
    return d.get("_pos", Pos("", 0, 0))  # type: ignore[no-any-return]


def _fields(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if not k.startswith("_")}


def _make(cls: Callable[..., Any], d: Any, **extra: Any) -> Any:
    """Build a model object, or MISSING when a required value failed its check."""
    if d is MISSING or d is None:
        return d
    values = _fields(d)
    if any(v is MISSING for v in values.values()):
        return MISSING
    names = cls.__dataclass_fields__  # type: ignore[attr-defined]
    located = {"pos": _pos(d), "fpos": d["_fpos"]}
    return cls(**values, **extra, **{k: v for k, v in located.items() if k in names})


def _principle(d: Any) -> Any:
    return _make(Principle, d)


def _all(items: Any, build: Callable[[Any], Any]) -> Any:
    if items is MISSING:
        return MISSING
    built = tuple(build(i) for i in items or ())
    return MISSING if any(b is MISSING for b in built) else built


def build_organisation(f: SourceFile) -> Any:
    d = f.data
    if d is MISSING:
        return MISSING
    contact = _make(Contact, d["contact"])
    return _make(Organisation, {**d, "contact": contact,
                                "repo_branch": d.get("repo_branch") or "main"})


def build_vision(f: SourceFile) -> Any:
    assert f.doc is not None
    return _make(Vision, f.data, body=f.doc.body, body_line=f.doc.body_line, path=f.rel)


def _old_addresses(d: dict[str, Any]) -> dict[str, Any]:
    value = d.get(OLD_ADDRESSES)
    return {OLD_ADDRESSES: value if value is MISSING else tuple(value or ())}


def build_theme(f: SourceFile) -> Any:
    assert f.doc is not None
    d = f.data
    if d is MISSING:
        return MISSING
    principes = _all(d["principes"], _principle)
    return _make(Theme, {**d, "principes": principes, **_old_addresses(d),
                         VISIBILITY_KEY: d.get(VISIBILITY_KEY) or "publiek"},
                 id=f.stem, body=f.doc.body, body_line=f.doc.body_line, path=f.rel)


def build_roadmap(f: SourceFile) -> Any:
    d = f.data
    if d is MISSING:
        return MISSING
    fasen = _all(d["fasen"], lambda x: _make(Phase, x))
    mijlpalen = _all(d["mijlpalen"], lambda x: _make(Milestone, x))
    return _make(Roadmap, {**d, "fasen": fasen, "mijlpalen": mijlpalen}, path=f.rel)


def _algorithm(d: Any) -> Any:
    if d is None or d is MISSING:
        return d
    return _make(Algorithm, {
        **d,
        "beleidsterrein": d["beleidsterrein"] or (),
        "wettelijke_basis_links": _all(d["wettelijke_basis_links"],
                                       lambda x: _make(LegalLink, x)),
        "impacttoetsen": _all(d["impacttoetsen"], lambda x: _make(ImpactTest, x)),
    })


def build_project(f: SourceFile) -> Any:
    d = f.data
    if d is MISSING:
        return MISSING
    rv = d["raadsvragen"]
    raadsvragen = CouncilQuestions() if rv is None else _make(
        CouncilQuestions, {k: v if v is MISSING or k.startswith("_") else (v or ())
                           for k, v in rv.items()}
        if rv is not MISSING else MISSING)
    return _make(Project, {
        **d,
        "mijlpalen": d["mijlpalen"] or (),
        "gegevens": _all(d["gegevens"], lambda x: _make(DataSource, x)),
        "algoritme": _algorithm(d["algoritme"]),
        "raadsvragen": raadsvragen,
        **_old_addresses(d),
        VISIBILITY_KEY: d.get(VISIBILITY_KEY) or "publiek",
    }, id=f.stem, path=f.rel)


def build_maturity_model(f: SourceFile) -> Any:
    d = f.data
    if d is MISSING:
        return MISSING

    def plain(cls: Callable[..., Any], x: Any, **kw: Any) -> Any:
        if x is MISSING or any(v is MISSING for v in _fields(x).values()):
            return MISSING
        values = {k: v for k, v in _fields(x).items() if k in cls.__dataclass_fields__}  # type: ignore[attr-defined]
        return cls(**{**values, **kw}, pos=_pos(x))

    def dimension(x: Any) -> Any:
        if x is MISSING:
            return MISSING
        aspecten = _all(x["aspecten"], lambda a: plain(Aspect, a))
        return plain(Dimension, {**x, "aspecten": aspecten})

    return _make(MaturityModel, {
        **d,
        "niveaus": _all(d["niveaus"], lambda x: plain(Level, x)),
        "dimensies": _all(d["dimensies"], dimension),
    }, path=f.rel)


def build_measurement(f: SourceFile) -> Any:
    d = f.data
    if d is MISSING:
        return MISSING
    return _make(Measurement, {**d, "scores": _all(d["scores"], lambda x: _make(Score, x)),
                               VISIBILITY_KEY: d.get(VISIBILITY_KEY) or "publiek"},
                 id=f.stem, path=f.rel)


def build_versions(f: SourceFile) -> Any:
    def version(x: Any) -> Any:
        if x is MISSING:
            return MISSING
        besluit = x["besluit"]
        if besluit not in (None, MISSING):
            besluit = (MISSING if any(v is MISSING for v in _fields(besluit).values())
                       else Decision(**{k: v for k, v in _fields(besluit).items()},
                                     pos=_pos(besluit)))
        return _make(Version, {**x, "besluit": besluit})

    return _all(f.data, version)


def build_terms(f: SourceFile) -> Any:
    return _all(f.data, lambda x: _make(Term, x))


def build_page(f: SourceFile) -> Any:
    assert f.doc is not None
    d = f.data
    if d is MISSING:
        return MISSING
    return _make(Page, {**d, **_old_addresses(d),
                        VISIBILITY_KEY: d.get(VISIBILITY_KEY) or "publiek"},
                 id=f.stem, body=f.doc.body, body_line=f.doc.body_line, path=f.rel)


BUILDERS: dict[str, Callable[[SourceFile], Any]] = {
    "organisatie.yml": build_organisation,
    "visie.md": build_vision,
    "themas/<id>.md": build_theme,
    "routekaart.yml": build_roadmap,
    "projecten/<id>.yml": build_project,
    "metingen/model.yml": build_maturity_model,
    "metingen/<datum>.yml": build_measurement,
    "versies.yml": build_versions,
    "begrippen.yml": build_terms,
    "paginas/<id>.md": build_page,
}
