"""`datavisie wijzigingen BASIS [DOEL]`: the project at two git revisions (or the working tree),
compared as content models (changes.py), house style, posters, site configuration and other
files (changes_files.py), with every issue of the project after the change; printed by
changes_format.py. The git edge."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from build_tools.errors import ContentError, Issue, UserError
from build_tools.project import find_root
from build_tools.staff.changes.report import Problem, Report

if TYPE_CHECKING:  # the comparison is imported when a comparison runs, not for `--help`
    from build_tools.content.model import Datavisie
    from build_tools.history.git import Repo
    from build_tools.staff.changes.compare import Change
    from build_tools.staff.changes.files import ChangedFile

WORKTREE_LABEL = "de werkmap"
PARTS = ("content", "theme", "posters", "mkdocs.yml")  # what the site is made of


def _repo(root: Path) -> Repo:
    from build_tools.history.git import open_repo

    repo = open_repo(root)
    if repo is None:
        raise UserError("dit is geen git-repository: vergelijken met een eerdere versie kan niet")
    return repo


def _commit(repo: Repo, rev: str) -> str:
    commit = repo.resolve(rev)
    if commit is None:
        hint = "haal hem op met `git fetch`" if "/" in rev else "controleer de naam"
        raise UserError(f"versie {rev!r} niet gevonden in git; {hint}")
    return commit


def materialise(repo: Repo, commit: str, dest: Path, parts: tuple[str, ...] = PARTS) -> None:
    """Write the project's `parts` as they are at `commit` into `dest` (regular files only)."""
    listing = repo.run("ls-tree", "-r", "-z", "--full-tree", f"{commit}:{repo.prefix}") or ""
    wanted: list[str] = []
    for entry in filter(None, listing.split("\0")):
        meta, _, name = entry.partition("\t")
        mode, kind = meta.split()[:2]
        rel = PurePosixPath(name)
        # only regular files; git never stores `..`, but refuse it anyway
        if kind != "blob" or mode not in ("100644", "100755") or ".." in rel.parts:
            continue
        if rel.parts[0] in parts:
            wanted.append(name)
    for name, data in zip(wanted, repo.read_many(commit, wanted), strict=True):
        if data is None:
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


@contextmanager
def revision_folder(root: Path, rev: str | None) -> Iterator[Path]:
    """The project as it is at `rev`, as a folder; the working tree itself for None."""
    if rev is None:
        yield root
        return
    repo = _repo(root)
    commit = _commit(repo, rev)
    with tempfile.TemporaryDirectory(prefix="datavisie-wijzigingen-") as tmp:
        materialise(repo, commit, Path(tmp))
        yield Path(tmp)


def load_revision(root: Path, rev: str | None, *, audience: str = "publiek",
                  content_dir: str = "content") -> Datavisie:
    """The model at `rev` (a commit, tag or branch), or in the working tree when rev is None,
    for `audience`. Raises UserError for an unknown revision, ContentError for bad content."""
    from build_tools.audience import for_audience
    from build_tools.content.grammar import project_grammar
    from build_tools.content.load import load

    with revision_folder(root, rev) as folder:
        if rev is not None and not (folder / content_dir).is_dir():
            raise UserError(f"in {rev} staat geen map {content_dir}/")
        try:
            # read as the site reads it: with the project's Markdown extensions
            model = load(folder, content_dir=content_dir, grammar=project_grammar(root))
        except ContentError as exc:
            if rev is None:
                raise
            raise ContentError(_at_revision(i, rev) for i in exc.issues) from None
    return for_audience(model, audience)


def _at_revision(issue: Issue, rev: str) -> Issue:
    return dataclasses.replace(issue, message=f"{issue.message} (in {rev})")


def changed_files(root: Path, base: str, target: str | None) -> list[ChangedFile]:
    """The files the change touches, relative to the project folder, renames as renames (git's
    own detection); with no target, the working tree against `base`, new files included."""
    from build_tools.staff.changes.files import ChangedFile

    repo = _repo(root)
    args = ["diff", "--name-status", "-z", "-M", "--relative", _commit(repo, base)]
    if target is not None:
        args.append(_commit(repo, target))
    out = repo.run(*args) or ""
    tokens = out.split("\0")
    files: list[ChangedFile] = []
    i = 0
    while i < len(tokens) and tokens[i]:
        status = tokens[i]
        if status[0] in "RC":
            files.append(ChangedFile("R" if status[0] == "R" else "A", tokens[i + 2],
                                     tokens[i + 1] if status[0] == "R" else None))
            i += 3
        else:
            files.append(ChangedFile(status[0] if status[0] in "ADM" else "M", tokens[i + 1]))
            i += 2
    if target is None:
        untracked = repo.run("ls-files", "-z", "--others", "--exclude-standard") or ""
        files += [ChangedFile("A", name) for name in untracked.split("\0") if name]
    return sorted(files, key=lambda f: f.path)


def summarise(root: Path, basis: str, doel: str | None, *, audience: str = "publiek",
              content_dir: str = "content") -> Report:
    """Everything a reviewer should know about the change from `basis` to `doel`."""
    from build_tools.build.check import check_project
    from build_tools.project import Project
    from build_tools.staff.changes.compare import compare_models
    from build_tools.staff.changes.files import (
        Sides,
        config_changes,
        internal_changes,
        poster_changes,
        style_changes,
    )

    files = changed_files(root, basis, doel)
    with revision_folder(root, basis) as old_dir, revision_folder(root, doel) as new_dir:
        cache = Project.load(root).cache_dir
        checked = check_project(new_dir, audience, cache_root=cache)
        base = check_project(old_dir, audience, cache_root=cache)
        old, new = base.readable, checked.readable
        base_broken = old is None
        changes: list[Change] = []
        if old is not None and new is not None:
            changes = compare_models(old, new, moved=_content_moves(files, content_dir))
        theme = Project.load(new_dir).theme
        sides = Sides(old_dir, new_dir)
        style, claimed_style = style_changes(sides, files, theme)
        posters, claimed_posters = poster_changes(sides, files)
        config, claimed_config = config_changes(sides, files, theme)
    claimed = claimed_style | claimed_posters | claimed_config
    spoken = {f"{content_dir}/{f}" for c in changes for f in c.files()}
    content_files = {p for f in files for p in f.paths if p.startswith(f"{content_dir}/")}
    compared = old is not None and new is not None
    if compared:
        claimed |= spoken
        quiet = content_files - spoken
    else:  # without a comparison, content files are named with the errors, not as internal
        claimed |= content_files
        quiet = set()
    changes += style + posters + config + internal_changes(files, claimed, quiet)
    touched = {p for f in files for p in f.paths}
    known = {(i.path, i.code, i.message) for i in base.issues}
    problems = tuple(Problem(i, i.path not in touched, (i.path, i.code, i.message) in known)
                     for i in checked.issues)
    return Report(tuple(changes), problems, compared, base_broken)


def _content_moves(files: list[ChangedFile], content_dir: str) -> dict[str, str]:
    """Old -> new address keys of content files git saw renamed."""
    from build_tools.content.addresses import content_address

    out = {}
    prefix = f"{content_dir}/"
    for f in files:
        if f.old and f.old.startswith(prefix) and f.path.startswith(prefix):
            old = content_address(f.old[len(prefix):])
            new = content_address(f.path[len(prefix):])
            if old and new:
                out[old] = new
    return out


# --- CLI ---------------------------------------------------------------------------------

def cmd_wijzigingen(args: Any) -> int:
    import sys

    from build_tools.staff.changes.format import format_report

    root = _root(args)
    report = summarise(root, args.basis, args.doel, audience=args.doelgroep)
    sys.stdout.write(format_report(report, fmt=args.format,
                                   basis=args.basis_naam or args.basis,
                                   doel=args.doel_naam or args.doel or WORKTREE_LABEL,
                                   doelgroep=args.doelgroep))
    return 0


def _root(args: Any) -> Path:
    return find_root(Path(args.root))


def register(sub: Any) -> None:
    from build_tools.audience import AUDIENCES, PUBLIC

    p = sub.add_parser(
        "wijzigingen", help="wat een wijziging doet met de visie, in gewone taal",
        description="Vergelijk het project bij twee versies in git (standaard: met de werkmap) "
                    "en beschrijf in gewone taal wat er verandert: inhoud, huisstijl, posters, "
                    "instellingen en andere bestanden, met alle fouten na de wijziging. "
                    "Eindigt met 0 zodra de samenvatting er is, ook als ze fouten noemt; "
                    "`datavisie check` is de controle.")
    p.add_argument("basis", metavar="BASIS", help="de oude versie: tag, tak of commit "
                   "(bijvoorbeeld origin/main)")
    p.add_argument("doel", metavar="DOEL", nargs="?", default=None,
                   help="de nieuwe versie (standaard: de werkmap)")
    p.add_argument("--format", choices=("markdown", "text"), default="text",
                   help="markdown voor een reactie bij een pull request, text voor de terminal")
    p.add_argument("--doelgroep", choices=AUDIENCES, default=PUBLIC,
                   help="vergelijk wat deze doelgroep ziet (standaard: publiek)")
    p.add_argument("--basis-naam", metavar="NAAM", default=None,
                   help="hoe de samenvatting de oude versie noemt (standaard: BASIS), "
                        "bijvoorbeeld main")
    p.add_argument("--doel-naam", metavar="NAAM", default=None,
                   help="hoe de samenvatting de nieuwe versie noemt (standaard: DOEL), "
                        "bijvoorbeeld \"dit voorstel\"")
    p.set_defaults(func=cmd_wijzigingen)
