"""The `datavisie` command: what MkDocs has no verb for (check, posters, versions, changes,
scaffolding). Every subcommand is a thin edge over the same core the MkDocs plugin uses.

Exit codes tell who must act: 0 done; 1 content errors (the author fixes them); 2 internal
content found in public output (publishing stops); 3 internal error (a maintainer fixes it).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import (
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_LEAK,
    EXIT_OK,
    ContentError,
    LeakError,
    UserError,
    format_issues,
    sort_issues,
)

Command = Callable[[argparse.Namespace], int]


def find_root(start: Path) -> Path:
    """The project root: the nearest folder upwards holding content/ or mkdocs.yml."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() or (folder / "mkdocs.yml").is_file():
            return folder
    return here


def cmd_check(args: argparse.Namespace) -> int:
    """Everything a build would refuse, short of rendering and reading git: the content, and
    in a site project (mkdocs.yml or a house-style folder) the house style, the poster
    definitions and templates, and whether the content fits on the posters."""
    from .audience import for_audience
    from .load import load

    root = find_root(Path(args.root))
    issues = []
    try:
        model = for_audience(load(root), args.doelgroep)
    except ContentError as exc:
        issues += exc.issues
        model = None
    options = site_options(root)
    theme = root / str(options.get("huisstijl") or "theme")
    style = None
    if (root / "mkdocs.yml").is_file() or theme.is_dir():
        from .style import load_style

        try:
            style = load_style(theme, root)
        except ContentError as exc:
            issues += exc.issues
    checked = "Inhoud"
    if model is not None and style is not None:
        checked = "Inhoud en huisstijl"
        if options.get("posters", True) is not False:
            from .cachekeys import CACHE_DIR
            from .posters import check_fit

            own = root / "posters"
            cache = root / str(options.get("cache") or CACHE_DIR) / "posters"  # as the plugin's
            issues += check_fit(model, style, posters_dir=own if own.is_dir() else None,
                                cache_dir=cache)
            checked = "Inhoud, huisstijl en posters"
    warnings = [i for i in issues if i.code.startswith("W")]  # severity from the code
    if warnings and not [i for i in issues if not i.code.startswith("W")]:
        if args.format == "text":
            print(format_issues(warnings), file=sys.stdout)
        issues = []
    if issues:
        issues = sort_issues(issues)
        if args.format == "text":
            print(format_issues(issues), file=sys.stdout)
            n = len(issues)
            print(f"\n{n} fout{'en' if n != 1 else ''} gevonden. Los ze op en probeer het opnieuw.",
                  file=sys.stderr)
        else:
            print(format_issues(issues, args.format))
        return EXIT_CONTENT
    assert model is not None
    if args.format in ("json", "gitlab"):
        print("[]")
    elif args.format == "text":
        print(f"{checked} in orde: {len(model.themas)} thema's, "
              f"{len(model.routekaart.mijlpalen)} mijlpalen, {len(model.projecten)} projecten, "
              f"{len(model.paginas)} pagina's (doelgroep: {args.doelgroep}).", file=sys.stderr)
    return EXIT_OK


def site_options(root: Path) -> dict[str, object]:
    """The `datavisie` plugin's options in `root/mkdocs.yml` ({} without one), read without
    importing MkDocs: unknown tags (`!ENV`, `!!python/name:`) read as empty, `INHERIT` is
    followed. Only for the options a check needs (huisstijl, posters, cache)."""
    import yaml

    class _Tolerant(yaml.SafeLoader):
        pass

    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    _Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
    config: dict[str, object] = {}
    path, seen = root / "mkdocs.yml", set()
    while path.is_file() and path not in seen:
        seen.add(path)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Tolerant)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            break
        if not isinstance(data, dict):
            break
        config = {**data, **config}  # the inheriting file wins
        parent = data.get("INHERIT")
        if not isinstance(parent, str):
            break
        path = (path.parent / parent).resolve()
    plugins = config.get("plugins")
    entries = plugins if isinstance(plugins, list) else []
    for entry in entries:
        if isinstance(entry, dict) and "datavisie" in entry:
            found = entry["datavisie"]
            return dict(found) if isinstance(found, dict) else {}
    return {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="datavisie",
        description="Controleer en publiceer de datavisie: inhoud, posters, versies en "
                    "wijzigingen.",
    )
    parser.add_argument("--root", default=".", help="map van het project (standaard: hier)")
    sub = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    sub.required = True

    p = sub.add_parser("check", help="controleer de inhoud in content/")
    p.add_argument("--doelgroep", choices=("publiek", "intern"), default="publiek",
                   help="voor wie de site is (standaard: publiek)")
    p.add_argument("--format", choices=("text", "json", "github", "gitlab"), default="text",
                   help="uitvoer: tekst, JSON voor programma's, GitHub-annotaties of een "
                        "GitLab-codekwaliteitsrapport")
    p.set_defaults(func=cmd_check)

    for register in _EXTENSIONS:
        register(sub)
    return parser


# Other modules add their subcommands here (posters, versions, changes, scaffolding).
_EXTENSIONS: list[Callable[[argparse._SubParsersAction], None]] = []  # type: ignore[type-arg]


def _load_extensions() -> None:
    import importlib

    for name in ("build_tools.commands",):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        # main() may run more than once in one process (tests, tools): register once
        _EXTENSIONS.extend(r for r in module.REGISTER if r not in _EXTENSIONS)


def main(argv: Sequence[str] | None = None) -> int:
    _load_extensions()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except ContentError as exc:
        print(format_issues(exc.issues), file=sys.stdout)
        return EXIT_CONTENT
    except UserError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return EXIT_CONTENT
    except LeakError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_LEAK
    except KeyboardInterrupt:
        return 130
    except Exception:  # a programming error: show the traceback, for a maintainer
        traceback.print_exc()
        print("\nInterne fout in datavisie (geen fout in de inhoud). Meld dit bij de beheerders.",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
