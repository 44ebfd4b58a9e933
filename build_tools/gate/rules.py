"""The gate between a finished build and publishing it: what the leak scan looks for besides
internal text (absolute build paths, committers' e-mail addresses), and the one call that runs
the leak scan and the link check on an output folder. The plugin calls `check_output` on the
staging folder; only a clean folder replaces site/ (publish.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from build_tools.content.model import Datavisie
from build_tools.gate.leaks import Finding, scan
from build_tools.gate.links import BrokenLink, check_site
from build_tools.gate.outputs import OutputFolder
from build_tools.gate.structure import StructureRules, structure_rules
from build_tools.history.git import open_repo

# a shorter path (`/`, `/srv`) also occurs in ordinary text and URLs: no use as evidence
MIN_PATH_LENGTH = 8


def commit_emails(root: Path) -> set[str]:
    """E-mail addresses of the authors and committers in the history of `root` (none
    outside git). They are personal data: the public site never shows them."""
    repo = open_repo(root)
    if repo is None:
        return set()
    out = repo.run("log", "--all", "--format=%ae%n%ce") or ""
    return {line.strip() for line in out.splitlines() if "@" in line}


def forbidden_strings(*, paths: Iterable[Path | str], emails: Iterable[str],
                      public_emails: Iterable[str] = ()) -> list[str]:
    """Literal texts that must not occur in public output: absolute paths of the build (as
    written, and resolved) and e-mail addresses, except those the organisation publishes."""
    public = {e.strip().casefold() for e in public_emails}
    out: set[str] = set()
    for p in paths:
        for form in {str(p), str(Path(p).resolve())}:
            form = form.rstrip("/")
            if len(form) >= MIN_PATH_LENGTH and form.count("/") >= 2:
                out.add(form)
    for e in emails:
        if e.strip().casefold() not in public:
            out |= {e.strip(), e.strip().casefold()}
    return sorted(s for s in out if s)


@dataclass(frozen=True)
class LeakRules:
    """What the leak scan of one public build looks for."""

    fragments: tuple[str, ...]  # distinctive internal texts
    forbidden: tuple[str, ...]  # build paths and committers' e-mail addresses
    transient: tuple[str, ...] = ()  # paths new in every build (the staging folder)
    structure: StructureRules | None = None  # what no public output holds (structure.py)


def leak_rules(full: Datavisie, root: Path, *, paths: Iterable[Path] = (),
               transient: Iterable[Path] = (), also_public: Iterable[str] = (),
               site_url: str = "", internal_files: Iterable[str] = ()) -> LeakRules:
    """The rules for a public build of the project at `root`: internal texts from `full`, the
    unfiltered model with its adopted texts from git (their internal blocks must not turn
    up either), and the paths and addresses that must not. `transient`: paths that exist for
    this build only (the staging folder). The public model they are compared with is made
    here, from `full`, never taken from the build: the scan does not trust the filter it is
    there to check. `full` must be a fresh read of the repository, never a kept one: the
    gate takes nothing from the cache folder. `site_url`: the site's address (absolute
    addresses under it are the site's own); `internal_files`: site paths only the internal
    build makes beyond what the model says (the posters of internal themes)."""
    from build_tools.audience import internal_fragments

    forbidden = forbidden_strings(paths=[root, *paths, *temp_paths()],
                                  emails=commit_emails(root),
                                  public_emails=[full.organisatie.contact.email])
    fresh = forbidden_strings(paths=transient, emails=())
    return LeakRules(tuple(internal_fragments(full, also_public=also_public)), tuple(forbidden),
                     tuple(s for s in fresh if s not in forbidden),
                     structure_rules(full, site_url=site_url, files=internal_files))


@dataclass(frozen=True)
class OutputReport:
    leaks: tuple[Finding, ...]
    broken_links: tuple[BrokenLink, ...]


def check_output(site_dir: Path, *, rules: LeakRules | None, base_path: str = "/",
                 trusted_dirs: Sequence[Path] = (),
                 cache_dir: Path | None = None) -> OutputReport:
    """Leak scan (with `rules`: public builds) and link check of one output folder.

    `trusted_dirs`: the installed theme's folders (see `leaks.scan`). `cache_dir`: where both
    checks keep what they found clean, so a rebuild re-checks only what changed; None for a
    publishing build, which trusts no kept verdict."""
    folder = OutputFolder(site_dir)
    leaks = () if rules is None else tuple(
        scan(folder, fragments=rules.fragments, forbidden_strings=rules.forbidden,
             transient=rules.transient, structure=rules.structure, trusted_dirs=trusted_dirs,
             cache_dir=cache_dir))
    return OutputReport(leaks, tuple(check_site(folder, base_path=base_path,
                                                cache_dir=cache_dir)))


def temp_paths() -> list[str]:
    """Where our build keeps temporary files (the rasteriser's fontconfig folder)."""
    import tempfile

    return [str(Path(tempfile.gettempdir()) / "datavisie-fonts-")]


# Markdown extensions and plugins that read files or run templates inside pages: content
# could pull in any file of the project (or of the machine) with them.
FILE_READING_EXTENSIONS = {
    "pymdownx.snippets": "haalt met `--8<--` bestanden in een pagina",
    "pymdownx.b64": "leest afbeeldingen van schijf in de pagina",
    "markdown_include.include": "haalt met `{!bestand!}` bestanden in een pagina",
    "markdown_include": "haalt met `{!bestand!}` bestanden in een pagina",
    "mdx_include": "haalt met `{! bestand !}` bestanden in een pagina",
}
FILE_READING_PLUGINS = {
    "include-markdown": "haalt met `{% include %}` bestanden in een pagina",
    "macros": "voert sjablonen in de inhoud uit (en kan bestanden lezen)",
    "mkdocs-simple-hooks": "voert code uit tijdens de bouw",
}


def refused_extensions(extensions: Iterable[object], plugins: Iterable[str]) -> list[str]:
    """Why each configured extension or plugin that could read files is refused (Dutch)."""
    names = [e if isinstance(e, str) else type(e).__module__ for e in extensions]
    out = [f"Markdown-uitbreiding `{n}` is niet toegestaan: {FILE_READING_EXTENSIONS[n]}; "
           "haal haar weg uit `markdown_extensions`" for n in names
           if n in FILE_READING_EXTENSIONS]
    out += [f"plugin `{n}` is niet toegestaan: {FILE_READING_PLUGINS[n]}; haal hem weg uit "
            "`plugins`" for n in plugins if n.split("/")[-1] in FILE_READING_PLUGINS]
    return out


def source_day(root: Path) -> date | None:
    """The day a reproducible build stamps where the content has no date: SOURCE_DATE_EPOCH,
    else the committer date of HEAD, else None (MkDocs then uses the build day)."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    repo = open_repo(root)
    text = repo.commit_date("HEAD") if repo is not None else None
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
