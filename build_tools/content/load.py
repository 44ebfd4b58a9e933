"""content/ -> model: read every file with positions, check it against its schema, build the
typed model, then run the cross-file rules. All issues of a run are collected and raised
together as one ContentError."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.audience import VISIBILITY_KEY
from build_tools.content import contract as S
from build_tools.content.addresses import FIELD as OLD_ADDRESSES
from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar, project_grammar
from build_tools.content.model import (
    Algorithm,
    Aspect,
    Contact,
    CouncilQuestions,
    DataSource,
    Datavisie,
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
    newest_date,
)
from build_tools.content.types import ID_RE, MISSING, Ctx, Type
from build_tools.content.yamlio import (
    MarkdownDoc,
    Node,
    not_a_file,
    parse_markdown,
    parse_yaml,
    read_text,
)
from build_tools.errors import ContentError, Issue, Pos, raise_for_errors

# file kinds: (folder, suffix) -> schema key
SINGLE_FILES = {
    "organisatie.yml": "organisatie.yml",
    "visie.md": "visie.md",
    "routekaart.yml": "routekaart.yml",
    "versies.yml": "versies.yml",
    "begrippen.yml": "begrippen.yml",
    "metingen/model.yml": "metingen/model.yml",
}
COLLECTIONS = {
    "themas": (".md", "themas/<id>.md"),
    "projecten": (".yml", "projecten/<id>.yml"),
    "paginas": (".md", "paginas/<id>.md"),
    "metingen": (".yml", "metingen/<datum>.yml"),
}
REQUIRED = ("organisatie.yml", "visie.md", "routekaart.yml", "versies.yml")
IGNORED_NAMES = {".gitkeep"}
# An id names files of the site: `<id>/index.html`, `thema-<id>-klein.png`, and the hidden
# temporary name each is written under first (`.thema-<id>-klein.png.<8 random>.tmp`, 30
# bytes more than the id). 100 leaves room under the 255 bytes a file name may have on
# every common file system (tests/test_hostile_inputs.py builds a site with ids this long).
MAX_ID_LENGTH = 100


@dataclass(frozen=True)
class SourceFile:
    """One content file, read into a checked plain value (or MISSING) with its location."""

    rel: str  # relative to the project root, e.g. content/themas/ethiek.md
    kind: str
    stem: str
    data: Any
    doc: MarkdownDoc | None = None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def discover(content: Path, root: Path) -> tuple[list[tuple[Path, str, str]], list[Issue]]:
    """Find content files, refusing what could read outside `content/` or is not ours."""
    issues: list[Issue] = []
    found: list[tuple[Path, str, str]] = []
    if not content.is_dir():
        return [], [Issue(_rel(content, root), 1, 1, "DV020", "de map content/ ontbreekt",
                          "maak de map aan met ten minste organisatie.yml en visie.md")]
    real_content = content.resolve()
    for dirpath, dirnames, filenames in os.walk(content, followlinks=False):
        here = Path(dirpath)
        dirnames.sort()
        for d in list(dirnames):
            if (here / d).is_symlink():
                issues.append(Issue(_rel(here / d, root), 1, 1, "DV021",
                                    "koppeling (symlink) naar een andere map is niet toegestaan",
                                    "zet het bestand zelf in content/"))
                dirnames.remove(d)
        for name in sorted(filenames):
            path = here / name
            rel = _rel(path, root)
            if name in IGNORED_NAMES:
                continue
            mode = path.lstat().st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):  # never opened: a pipe hangs
                issues.append(not_a_file(rel, mode))
                continue
            if path.is_symlink():
                try:
                    inside = path.resolve().is_relative_to(real_content)
                except (OSError, RuntimeError):  # a symlink loop
                    inside = False
                if not inside:
                    issues.append(Issue(rel, 1, 1, "DV021",
                                        "koppeling (symlink) wijst buiten content/",
                                        "kopieer de inhoud naar een gewoon bestand in content/"))
                    continue
            inner = path.relative_to(content).as_posix()
            kind = _kind_of(inner)
            if kind is None:
                issues.append(Issue(rel, 1, 1, "DV022", "onbekend bestand in content/",
                                    "alleen de bestanden uit het inhoudsmodel horen hier "
                                    "(zie docs); haal het weg of verplaats het buiten content/"))
                continue
            stem = Path(name).stem
            if kind in {k for _, k in COLLECTIONS.values()} and not ID_RE.match(stem):
                issues.append(Issue(rel, 1, 1, "DV023", f"bestandsnaam {name!r} is geen geldig id",
                                    "gebruik kleine letters a-z, cijfers en koppeltekens, "
                                    "bijvoorbeeld `mijn-project.yml`"))
                continue
            if len(stem) > MAX_ID_LENGTH:
                issues.append(Issue(rel, 1, 1, "DV015",
                                    f"bestandsnaam is te lang: het id is {len(stem)} tekens",
                                    f"gebruik hoogstens {MAX_ID_LENGTH} tekens; het id wordt "
                                    "deel van namen van bestanden van de site (zoals "
                                    "thema-<id>-klein.png), en een bestandsnaam mag hoogstens "
                                    "255 bytes zijn"))
                continue
            found.append((path, rel, kind))
    present = {k for _, _, k in found}
    for required in REQUIRED:
        if required not in present:
            issues.append(Issue(f"{_rel(content, root)}/{required}", 1, 1, "DV024",
                                f"verplicht bestand {required} ontbreekt",
                                "maak het aan; zie het inhoudsmodel"))
    return found, issues


def _kind_of(inner: str) -> str | None:
    if inner in SINGLE_FILES:
        return SINGLE_FILES[inner]
    folder, _, name = inner.partition("/")
    if folder in COLLECTIONS and name and "/" not in name:
        suffix, kind = COLLECTIONS[folder]
        if name.endswith(suffix) and name != "model.yml":
            return kind
    return None


def read_file(path: Path, rel: str, kind: str) -> tuple[SourceFile | None, list[Issue]]:
    text, issues = read_text(path, rel)
    if text is None:
        return None, issues
    return parse_file(text, rel, kind)


def parse_file(text: str, rel: str, kind: str) -> tuple[SourceFile | None, list[Issue]]:
    """Text of one content file -> a checked SourceFile (pure: no disk access)."""
    schema: Type = S.FILE_SCHEMAS[kind]
    stem = Path(rel).stem
    ctx = Ctx()
    doc: MarkdownDoc | None = None
    if rel.endswith(".md"):
        doc, issues = parse_markdown(text, rel)
        if doc is None or issues:
            return None, issues
        node = doc.meta or Node({}, Pos(rel, 1, 1))
        if doc.meta is None:
            ctx.error(Pos(rel, 1, 1), "DV025", "voorwerk (front matter) ontbreekt",
                      "begin het bestand met `---`, de velden (zoals `titel: ...`) en weer `---`")
    else:
        node_or_none, issues = parse_yaml(text, rel)
        if issues:
            return None, issues
        if node_or_none is None:
            return None, [Issue(rel, 1, 1, "DV026", "bestand is leeg", "vul de velden in")]
        node = node_or_none
    data = schema.check(node, ctx, Path(rel).name)
    return SourceFile(rel, kind, stem, data, doc), ctx.issues


# --- building the model from checked data -----------------------------------------------

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


def assemble(files: list[SourceFile], *, unreadable: dict[str, set[str]] | None = None,
             grammar: Grammar = DEFAULT_GRAMMAR) -> tuple[Datavisie | None, list[Issue]]:
    """Checked files -> one Datavisie, plus the cross-file issues (validate.py).

    A file that failed its own checks is left out of the cross-file rules, but its id still
    counts as known, so one broken file does not cause a cascade of reference errors. The
    model is returned only when every file built."""
    from build_tools.content.validate import validate

    built: dict[str, list[Any]] = {}
    failed: dict[str, set[str]] = {k: set(v) for k, v in (unreadable or {}).items()}
    for f in sorted(files, key=lambda f: f.rel):
        value = BUILDERS[f.kind](f)
        if value is MISSING:
            failed.setdefault(f.kind.split("/")[0], set()).add(f.stem)
        else:
            built.setdefault(f.kind, []).append(value)

    def one(kind: str) -> Any:
        return built[kind][0] if built.get(kind) else None

    themas = tuple(sorted(built.get("themas/<id>.md", []), key=lambda t: (t.volgorde, t.id)))
    metingen = tuple(sorted(built.get("metingen/<datum>.yml", []), key=lambda m: (m.datum, m.id)))
    paginas = tuple(sorted(built.get("paginas/<id>.md", []),
                           key=lambda p: (p.volgorde if p.volgorde is not None else 999, p.id)))
    versies = one("versies.yml") or ()
    model = Datavisie(
        organisatie=one("organisatie.yml"),
        visie=one("visie.md"),
        themas=themas,
        routekaart=one("routekaart.yml"),
        projecten=tuple(built.get("projecten/<id>.yml", [])),
        versies=versies,
        paginas=paginas,
        begrippen=one("begrippen.yml") or (),
        metingmodel=one("metingen/model.yml"),
        metingen=metingen,
        sources=tuple(sorted(f.rel for f in files)),
        stand=newest_date(versies, metingen),
        grammar=grammar,
    )
    issues = validate(model, also_known=failed)
    if failed or any(v is None for v in (model.organisatie, model.visie, model.routekaart)):
        return None, issues
    return model, issues


def load(root: Path, *, content_dir: str = "content", grammar: Grammar | None = None) -> Datavisie:
    """Read, check and assemble the content of the project at `root`. Its Markdown is read
    with `grammar`, by default the extensions of the project's mkdocs.yml.

    Raises ContentError with every issue found (file, line, column, code, hint) when any of
    them is an error; warnings alone do not stop it (`load_checked` returns them)."""
    return load_checked(root, content_dir=content_dir, grammar=grammar)[0]


def load_checked(root: Path, *, content_dir: str = "content", grammar: Grammar | None = None,
                 ) -> tuple[Datavisie, tuple[Issue, ...]]:
    """`load`, with the warnings the content gave (sorted; empty when there are none)."""
    model, issues = read_content(root, content_dir=content_dir, grammar=grammar)
    warnings = raise_for_errors(issues)
    if model is None:
        raise ContentError(issues)
    return model, tuple(warnings)


def read_content(root: Path, *, content_dir: str = "content", grammar: Grammar | None = None,
                 ) -> tuple[Datavisie | None, list[Issue]]:
    """Every issue of the content (errors and warnings), and the model whenever every file
    reads and builds (a value over its length still builds), even when rules across files
    fail: the change summary compares such a model. Everything else uses `load` or
    `load_checked`, which refuse any error."""
    content = root / content_dir
    found, issues = discover(content, root)
    files: list[SourceFile] = []
    unreadable: dict[str, set[str]] = {}
    for path, rel, kind in found:
        f, file_issues = read_file(path, rel, kind)
        issues.extend(file_issues)
        if f is not None:
            files.append(f)
        else:  # unreadable, but its id still counts as known (no cascade of reference errors)
            unreadable.setdefault(kind.split("/")[0], set()).add(path.stem)
    model, cross = assemble(files, unreadable=unreadable,
                            grammar=grammar if grammar is not None else project_grammar(root))
    issues.extend(cross)
    return model, issues
