"""Edge: read what the site is made from (content, its adopted versions from git, and the house
style) for one audience, with the issues of content and style reported together as one
ContentError. Missing history is not an error: it comes back as notes to log."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.audience import for_audience
from build_tools.build.cache import digest, package_digest, tree_digest
from build_tools.build.publish import write_atomic
from build_tools.content.grammar import Grammar, project_grammar
from build_tools.content.load import load_checked
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue, sort_issues
from build_tools.history.git import resolve_many
from build_tools.history.refs import git_spelling
from build_tools.history.renames import attach_moves
from build_tools.history.texts import HistoryNote, attach, history_issues
from build_tools.housestyle.css import load_style_checked
from build_tools.housestyle.tokens import Style
from build_tools.views.website.page import Site


@dataclass(frozen=True)
class SiteInputs:
    model: Datavisie  # filtered for the audience, with `geschiedenis` read from git
    style: Style
    notes: tuple[HistoryNote, ...]  # what history is missing and how to fix it
    full: Datavisie  # the same model before the audience filter (the leak scan's source)
    key: str = ""  # of everything this read was made of, when it is kept (else "")
    kept: bool = False  # returned from the cache folder, not read from the repository now
    warnings: tuple[Issue, ...] = ()  # of content and style: reported, never a reason to stop
    in_git: bool = False  # renames were read from a repository (its HEAD is in the key)


def read_site_inputs(root: Path, *, content: str = "content", theme: str = "theme",
                     audience: str = "publiek", history: bool = True,
                     cache_dir: Path | None = None,
                     grammar: Grammar | None = None) -> SiteInputs:
    """The filtered model and the checked style; ContentError lists every issue of both.
    With `history`, the adopted texts of every version are read from git first, so the
    audience filter cleans them too.

    With `cache_dir`, a clean read is kept there and returned again while nothing it was made
    of changed: our code, every file under the content and theme folders, and the commit each
    adopted version's tag names and HEAD (whose history says which files moved), asked of git
    in one go. Reads with issues or history notes are never kept.

    `grammar`: the site's Markdown extensions (the plugin passes MkDocs' loaded config), by
    default those of the project's mkdocs.yml; the filter reads internal blocks with it."""
    grammar = grammar if grammar is not None else project_grammar(root)
    if cache_dir is None:
        return _read(root, content=content, theme=theme, audience=audience, history=history,
                     grammar=grammar)
    key = digest("site-inputs", package_digest(), str(root.resolve()), content, theme,
                 audience, str(history), tree_digest(root / content), tree_digest(root / theme),
                 repr(grammar))
    store = cache_dir / f"invoer-{audience}.pickle"
    kept = _load_kept(store, key, root)
    if kept is not None:
        inputs, commits = kept
        return _keyed(dataclasses.replace(inputs, kept=True), key, commits)
    inputs = _read(root, content=content, theme=theme, audience=audience, history=history,
                   grammar=grammar)
    if not inputs.notes:
        refs = sorted({r for v in inputs.full.versies if v.status != "concept"
                       if (r := git_spelling(v))} | ({"HEAD"} if inputs.in_git else set())) \
            if history else []
        found = resolve_many(root, refs) if refs else {}
        if found is not None and all(found.values()):
            _keep(store, (key, found, inputs))
            return _keyed(inputs, key, found)
    return inputs


def _keyed(inputs: SiteInputs, key: str, commits: dict[str, str | None]) -> SiteInputs:
    """The read with the key of all it was made of: files, code and the adopted commits."""
    return dataclasses.replace(inputs, key=digest(key, repr(sorted(commits.items()))))


def _read(root: Path, *, content: str, theme: str, audience: str,
          history: bool, grammar: Grammar) -> SiteInputs:
    issues: list[Issue] = []
    model: Datavisie | None = None
    full: Datavisie | None = None
    notes: list[HistoryNote] = []
    style: Style | None = None
    warnings: list[Issue] = []
    in_git = False
    try:
        full, found = load_checked(root, content_dir=content, grammar=grammar)
        warnings += found
        if history:
            full, notes = attach(full, root, content_dir=content)
            issues += history_issues(full)  # the same checks as the working text
            full, in_git = attach_moves(full, root, content_dir=content)
        if not issues:
            model = for_audience(full, audience)
    except ContentError as exc:
        issues += exc.issues
    try:
        style, found = load_style_checked(root / theme, root)
        warnings += found
    except ContentError as exc:
        issues += exc.issues
    if issues or model is None or style is None or full is None:
        raise ContentError(issues + warnings)
    return SiteInputs(model, style, tuple(notes), full, warnings=tuple(sort_issues(warnings)),
                      in_git=in_git)


def _load_kept(store: Path, key: str,
               root: Path) -> tuple[SiteInputs, dict[str, str | None]] | None:
    entry = _kept(store)
    if not (isinstance(entry, tuple) and len(entry) == 3):
        return None
    kept_key, commits, inputs = entry
    if kept_key != key or not isinstance(inputs, SiteInputs) or not isinstance(commits, dict):
        return None
    if commits and resolve_many(root, sorted(commits)) != commits:
        return None  # a tag was moved (or fetched, or deleted): read the history again
    return inputs, commits


def kept_site(inputs: SiteInputs, cache_dir: Path | None, build: Callable[[], Site],
              *also: str) -> Site:
    """The site `build()` makes, kept in `cache_dir` next to the read it was made from and
    returned again while that read and `also` (whatever else the pages depend on: the
    output's URL style, the posters they link) are the same. The pages are a pure function
    of these (the key holds all our code, static files included), so a kept site is the
    site the build would make. Without a kept read (`inputs.key` empty) it is built."""
    if cache_dir is None or not inputs.key:
        return build()
    key = digest("site", inputs.key, *also)
    store = cache_dir / f"site-{inputs.model.doelgroep}.pickle"
    entry = _kept(store)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key \
            and isinstance(entry[1], Site):
        return entry[1]
    site = build()
    _keep(store, (key, site))
    return site


def _kept(store: Path) -> object:
    """What `_keep` wrote to `store`, read back with `_OwnTypesOnly`; None when it is missing,
    unreadable or holds anything but our own types."""
    try:
        with store.open("rb") as handle:
            entry: object = _OwnTypesOnly(handle).load()
            return entry
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError,
            ImportError, IndexError):
        return None


def _keep(store: Path, entry: object) -> None:
    # a cache that cannot be written (a read-only checkout) only costs time
    with contextlib.suppress(OSError):
        write_atomic(store, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))


class _OwnTypesOnly(pickle.Unpickler):
    """Unpickles our model and style and the plain types they hold, nothing else: a cache file
    is data, never a way to run code (Python docs, "Restricting Globals")."""

    SAFE = {("builtins", n) for n in ("frozenset", "set", "tuple", "list", "dict", "str",
                                      "int", "float", "bool", "bytes", "complex")} | {
        ("datetime", "date"), ("datetime", "datetime"), ("pathlib", "PosixPath"),
        ("pathlib", "PurePosixPath"), ("pathlib", "WindowsPath"), ("pathlib", "Path"),
        ("copyreg", "_reconstructor"), ("markupsafe", "Markup")}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.SAFE:
            return super().find_class(module, name)
        if module.split(".")[0] == "build_tools":
            found = super().find_class(module, name)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} hoort niet in de cache")


def read_inputs(root: Path, *, content: str = "content", theme: str = "theme",
                audience: str = "publiek") -> tuple[Datavisie, Style]:
    """The filtered model (without history) and the checked style."""
    inputs = read_site_inputs(root, content=content, theme=theme, audience=audience,
                              history=False)
    return inputs.model, inputs.style


def log_history_notes(notes: tuple[HistoryNote, ...], log: logging.Logger, *,
                      strict: bool) -> None:
    """One line per note. Missing history leaves a working site (a concept), so under
    `--strict` it is logged as INFO with "Let op:" (a warning would fail the build, and a
    shallow CI clone or a municipality without tags must still publish); otherwise as a
    WARNING, which `mkdocs build` and `mkdocs serve` show prominently."""
    for note in notes:
        log.log(logging.INFO if strict else logging.WARNING, "Let op: %s", note)
