"""content/ -> model: read every file with positions, check it against its schema, build the
typed model, then run the cross-file rules. All issues of a run are collected and raised
together as one ContentError."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from build_tools.content import contract as S
from build_tools.content.builders import BUILDERS, SourceFile
from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar, project_grammar
from build_tools.content.model import Datavisie, newest_date
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
# every common file system (tests/sites/test_hostile_inputs.py builds a site with ids this long).
MAX_ID_LENGTH = 100


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
