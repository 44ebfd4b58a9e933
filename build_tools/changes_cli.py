"""`datavisie wijzigingen BASIS [DOEL]`: the content at two git revisions (or the working tree),
loaded as models, compared (changes.py) and printed (changes_format.py). The git edge."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .errors import ContentError, Issue, UserError

if TYPE_CHECKING:  # the comparison is imported when a comparison runs, not for `--help`
    from .model import Datavisie

WORKTREE_LABEL = "de werkmap"


def load_revision(root: Path, rev: str | None, *, audience: str = "publiek",
                  content_dir: str = "content") -> Datavisie:
    """The model at `rev` (a commit, tag or branch), or in the working tree when rev is None,
    for `audience`. Raises UserError for an unknown revision, ContentError for bad content."""
    from .audience import for_audience
    from .gitio import open_repo
    from .grammar import project_grammar
    from .load import load

    if rev is None:
        return for_audience(load(root, content_dir=content_dir), audience)
    repo = open_repo(root)
    if repo is None:
        raise UserError("dit is geen git-repository: vergelijken met een eerdere versie kan niet")
    commit = repo.resolve(rev)
    if commit is None:
        hint = "haal hem op met `git fetch`" if "/" in rev else "controleer de naam"
        raise UserError(f"versie {rev!r} niet gevonden in git; {hint}")
    listing = repo.run("ls-tree", "-r", "-z", "--full-tree", f"{commit}:{repo.prefix}{content_dir}")
    if listing is None:
        raise UserError(f"in {rev} staat geen map {content_dir}/")
    with tempfile.TemporaryDirectory(prefix="datavisie-wijzigingen-") as tmp:
        base = Path(tmp)
        for entry in filter(None, listing.split("\0")):
            meta, _, name = entry.partition("\t")
            mode, kind = meta.split()[:2]
            rel = PurePosixPath(name)
            # only regular files; git never stores `..`, but refuse it anyway
            if kind != "blob" or mode not in ("100644", "100755") or ".." in rel.parts:
                continue
            data = repo.read(commit, f"{content_dir}/{name}")
            if data is None:
                continue
            target = base / content_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        try:
            # read as the site reads it: with the project's Markdown extensions
            model = load(base, content_dir=content_dir, grammar=project_grammar(root))
        except ContentError as exc:
            raise ContentError(_at_revision(i, rev) for i in exc.issues) from None
    return for_audience(model, audience)


def _at_revision(issue: Issue, rev: str) -> Issue:
    return dataclasses.replace(issue, message=f"{issue.message} (in {rev})")


# --- CLI ---------------------------------------------------------------------------------

def cmd_wijzigingen(args: Any) -> int:
    import sys

    from .changes import compare_models
    from .changes_format import format_changes

    root = _root(args)
    old = load_revision(root, args.basis, audience=args.doelgroep)
    new = load_revision(root, args.doel, audience=args.doelgroep)
    changes = compare_models(old, new)
    sys.stdout.write(format_changes(changes, fmt=args.format, basis=args.basis,
                                    doel=args.doel or WORKTREE_LABEL, doelgroep=args.doelgroep))
    return 0


def _root(args: Any) -> Path:
    from .cli import find_root

    return find_root(Path(args.root))


def register(sub: Any) -> None:
    p = sub.add_parser(
        "wijzigingen", help="wat een wijziging doet met de visie, in gewone taal",
        description="Vergelijk de inhoud bij twee versies in git (standaard: met de werkmap) "
                    "en beschrijf in gewone taal wat er verandert.")
    p.add_argument("basis", metavar="BASIS", help="de oude versie: tag, tak of commit "
                   "(bijvoorbeeld origin/main)")
    p.add_argument("doel", metavar="DOEL", nargs="?", default=None,
                   help="de nieuwe versie (standaard: de werkmap)")
    p.add_argument("--format", choices=("markdown", "text"), default="text",
                   help="markdown voor een reactie bij een pull request, text voor de terminal")
    p.add_argument("--doelgroep", choices=("publiek", "intern"), default="publiek",
                   help="vergelijk wat deze doelgroep ziet (standaard: publiek)")
    p.set_defaults(func=cmd_wijzigingen)
