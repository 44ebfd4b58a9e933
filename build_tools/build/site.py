"""`datavisie bouw`: the site build as a publishing step. Runs MkDocs in this process (the
same build as `mkdocs build`, with the same plugin) and turns the way it ended into the exit
code that tells who must act: 0 built, 1 content or style errors, 2 leak, 3 internal error."""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from build_tools.audience import PUBLIC
from build_tools.build import outputdir
from build_tools.errors import (
    EXIT_CONTENT,
    EXIT_INTERNAL,
    EXIT_LEAK,
    EXIT_OK,
    UserError,
    count_label,
)
from build_tools.project import CONFIG_FILE, PUBLISHED_DIR, Project

INTERNAL_DEFAULT_DIR = "site-intern"


def _logging() -> logging.Handler:
    """MkDocs' messages on stderr the way `mkdocs build` shows them."""
    handler = logging.StreamHandler(sys.stderr)
    try:
        from mkdocs.__main__ import ColorFormatter

        handler.setFormatter(ColorFormatter())
    except ImportError:  # pragma: no cover - older MkDocs
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return handler


def exit_code(failure: BaseException | None) -> int:
    """The exit code for how a build ended (None: it succeeded)."""
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    from build_tools.build.failures import LeakFound

    if failure is None:
        return EXIT_OK
    if isinstance(failure, LeakFound):
        return EXIT_LEAK
    if isinstance(failure, (PluginError, ConfigurationError, Abort)):
        return EXIT_CONTENT  # content, style, links, strict warnings, mkdocs.yml: a message
    return EXIT_INTERNAL


def build(root: Path, *, audience: str | None = None, out: str | None = None,
          strict: bool | None = None, warnings_fail: bool | None = None,
          peildatum: str | None = None, preview: bool = False) -> int:
    """Build the site of the project at `root`; returns the exit code. `strict` is MkDocs'
    strict mode (None: as mkdocs.yml says); `warnings_fail` whether content warnings fail the
    build (None: as the plugin's `strikt` option says, by default following `strict`);
    `preview` a site that works from file:// (preview.py)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from build_tools.build.preview import ENV_PREVIEW
    from build_tools.build.sitebuild import ENV_AUDIENCE

    project = Project.load(root)
    config_file = root / CONFIG_FILE
    if not project.has_config:
        raise UserError(f"{config_file} ontbreekt: dit is geen datavisie-project")
    _refuse_output(project, out)  # before MkDocs reads or writes anything
    handler = _logging()
    previous = os.environ.get(ENV_AUDIENCE)
    previous_preview = os.environ.get(ENV_PREVIEW)
    if audience:
        os.environ[ENV_AUDIENCE] = audience  # the plugin reads it before mkdocs.yml's value
    if preview:
        os.environ[ENV_PREVIEW] = "1"
    try:
        overrides: dict[str, Any] = {}
        if strict is not None:
            overrides["strict"] = strict
        try:
            config = load_config(str(config_file), **overrides)
        except (ConfigurationError, Abort) as exc:
            print(f"mkdocs.yml: {exc}", file=sys.stderr)
            return EXIT_CONTENT
        plugin = config.plugins.get("datavisie")
        if plugin is not None and warnings_fail is not None:
            plugin.config["strikt"] = warnings_fail
        if plugin is not None and peildatum:
            plugin.config["peildatum"] = peildatum
        effective = audience or os.environ.get(ENV_AUDIENCE) or (
            plugin.config.doelgroep if plugin is not None else PUBLIC)
        public_dir = Path(config.site_dir).resolve()
        if out:
            config.site_dir = str(Path(out).resolve())
        elif effective != PUBLIC:
            config.site_dir = str(root / INTERNAL_DEFAULT_DIR)
        if effective != PUBLIC and Path(config.site_dir).resolve() == public_dir:
            raise UserError(f"de interne site hoort niet in {public_dir.name}/, de map die "
                            "gepubliceerd wordt; kies een andere map met --uit")
        if plugin is not None:
            # the options as MkDocs checked them, on the settings read above
            project = dataclasses.replace(project, options=dict(plugin.config))
            plugin.project = project  # the plugin does not read mkdocs.yml again
        refused = outputdir.refusal(Path(config.site_dir), root,
                                    also=[Path(config.docs_dir), project.theme_dir])
        if refused:
            raise UserError(f"de uitvoermap {config.site_dir} {refused}. Er is niets "
                            "geschreven.")
        config.plugins.on_startup(command="build", dirty=False)
        failure: BaseException | None = None
        try:
            mkdocs_build(config)
        except Exception as exc:  # noqa: BLE001 - every way a build ends gets an exit code
            failure = exc
        finally:
            config.plugins.on_shutdown()
        # MkDocs turns a plugin's error into a bare Abort; the plugin kept the original
        if plugin is not None and getattr(plugin, "failure", None) is not None:
            failure = plugin.failure
        code = exit_code(failure)
        if code == EXIT_INTERNAL and failure is not None:
            traceback.print_exception(failure)
            print("\nInterne fout in datavisie (geen fout in de inhoud). Meld dit bij de "
                  "beheerders.", file=sys.stderr)
        elif code == EXIT_OK:
            warned = getattr(plugin, "warnings", ())
            extra = (f", met {count_label(warned)}: die houden de bouw niet tegen (met --strict "
                     "wel)") if warned else ""
            print(f"Site gebouwd in {config.site_dir} (doelgroep: {effective}){extra}.",
                  file=sys.stderr)
        elif code == EXIT_LEAK:
            print("Niet gepubliceerd: de publieke site bevatte interne inhoud (zie hierboven).",
                  file=sys.stderr)
        return code
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
        for name, was, set_here in ((ENV_AUDIENCE, previous, bool(audience)),
                                    (ENV_PREVIEW, previous_preview, preview)):
            if set_here:
                if was is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = was


def _refuse_output(project: Project, out: str | None) -> None:
    """UserError when the output folder (`--uit`, else mkdocs.yml's `site_dir`) may not be
    written (outputdir.py), checked before MkDocs reads the configuration: MkDocs refuses
    `site_dir: .` itself, but in English and with its own advice."""
    root = project.root
    docs = root / project.content
    if out:
        label, target = f"--uit {out}", Path(out)
    else:
        value = str(project.settings.get("site_dir") or PUBLISHED_DIR)
        label, target = f"site_dir in mkdocs.yml ({value})", root / value
    refused = outputdir.refusal(target, root, also=[docs])
    if refused:
        raise UserError(f"{label} {refused}. Er is niets geschreven.")

