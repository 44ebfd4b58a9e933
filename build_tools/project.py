"""A project's facts, in one place: its root, `mkdocs.yml` (read here and nowhere else in our
code; MkDocs reads it once more for its own build), the `datavisie` plugin's options, and the
folders derived from them (content, house style, posters, cache, the published output).

The plugin, `datavisie check`, `bouw`, `posters` and `markdown` all take their folders from a
`Project`, so they agree on them: the poster cache of `datavisie posters` is the build's, under
the plugin's `cache:` option.

`mkdocs.yml` is read without importing MkDocs (`check` stays fast): `!ENV` resolves as MkDocs
resolves it (pyyaml-env-tag), other tags (`!!python/name:`, `!relative`) read as empty, and
`INHERIT` is followed (the inheriting file wins). This module imports nothing of ours: every
step may ask it (content/grammar.py reads the Markdown extensions from its settings)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "datavisie"
CACHE_DIR = ".cache/datavisie"  # relative to mkdocs.yml; the plugin's `cache:` option
THEME_DIR = "theme"  # the plugin's `huisstijl:` option
POSTERS_DIR = "posters"  # the project's own poster definitions, when the folder exists
PUBLISHED_DIR = "site"  # MkDocs' default `site_dir`
CONTENT_DIR = "docs"  # MkDocs' default `docs_dir` (our projects name `content`)


def read_settings_text(text: str, *, env: bool = True) -> object:
    """mkdocs.yml text as plain data (see the module's docstring); None when it is not YAML.
    Without `env`, `!ENV` reads as empty too (the change summary compares the file itself)."""
    import yaml

    class _Tolerant(yaml.SafeLoader):
        pass

    if env:
        from yaml_env_tag import construct_env_tag  # MkDocs' own reading of `!ENV`

        _Tolerant.add_constructor("!ENV", construct_env_tag)
    _Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    _Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        return yaml.load(text, Loader=_Tolerant)  # noqa: S506
    except yaml.YAMLError:
        return None


def read_settings(root: Path) -> dict[str, object]:
    """`root/mkdocs.yml` as plain data, `INHERIT` followed; {} without one."""
    config: dict[str, object] = {}
    path, seen = root / CONFIG_FILE, set()
    while path.is_file() and path not in seen:
        seen.add(path)
        try:
            data = read_settings_text(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            break
        if not isinstance(data, dict):
            break
        config = {**data, **config}  # the inheriting file wins
        parent = data.get("INHERIT")
        if not isinstance(parent, str):
            break
        path = (path.parent / parent).resolve()
    return config


def plugin_options(settings: Mapping[str, object]) -> dict[str, object]:
    """The `datavisie` plugin's options in the settings ({} when it has none)."""
    plugins = settings.get("plugins")
    if isinstance(plugins, Mapping):  # MkDocs also takes plugins as a mapping
        found = plugins.get(PLUGIN)
        return dict(found) if isinstance(found, Mapping) else {}
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, Mapping) and PLUGIN in entry:
            found = entry[PLUGIN]
            return dict(found) if isinstance(found, Mapping) else {}
    return {}


@dataclass(frozen=True)
class Project:
    root: Path  # the folder of mkdocs.yml (or of content/)
    settings: Mapping[str, object] = field(default_factory=dict)  # mkdocs.yml, plain data
    options: Mapping[str, object] = field(default_factory=dict)  # the plugin's options

    @classmethod
    def load(cls, root: Path, *, options: Mapping[str, Any] | None = None) -> Project:
        """The project at `root`. `options`: the plugin's options as MkDocs checked them (the
        plugin passes its own); by default as mkdocs.yml writes them."""
        settings = read_settings(root)
        return cls(root, settings, dict(options) if options is not None
                   else plugin_options(settings))

    @property
    def has_config(self) -> bool:
        return (self.root / CONFIG_FILE).is_file()

    def _option(self, name: str, default: str) -> str:
        value = self.options.get(name)
        return value if isinstance(value, str) and value else default

    def _setting(self, name: str, default: str) -> str:
        value = self.settings.get(name)
        return value if isinstance(value, str) and value else default

    @property
    def content(self) -> str:
        """The content folder relative to the root (mkdocs.yml's `docs_dir`)."""
        return self._setting("docs_dir", CONTENT_DIR) if self.has_config else "content"

    @property
    def theme(self) -> str:
        """The house-style folder relative to the root (the plugin's `huisstijl:`)."""
        return self._option("huisstijl", THEME_DIR)

    @property
    def theme_dir(self) -> Path:
        return self.root / self.theme

    @property
    def posters_dir(self) -> Path | None:
        """The project's own poster definitions; None without the folder."""
        own = self.root / POSTERS_DIR
        return own if own.is_dir() else None

    @property
    def cache_dir(self) -> Path:
        """What builds keep between runs (the plugin's `cache:`); see build/cache.py."""
        return self.root / self._option("cache", CACHE_DIR)

    @property
    def published_dir(self) -> Path:
        """The output folder mkdocs.yml names: what gets published (`-d` or `--uit` change
        where a build writes, not this)."""
        return (self.root / self._setting("site_dir", PUBLISHED_DIR)).resolve()

    @property
    def posters(self) -> bool:
        """Whether the site renders and links the posters (the plugin's `posters:`)."""
        return self.options.get("posters", True) is not False

    @property
    def social_cards(self) -> bool:
        return self.options.get("sociale_kaarten", True) is not False


def find_root(start: Path) -> Path:
    """The project root: the nearest folder upwards holding content/ or mkdocs.yml."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / "content").is_dir() or (folder / "mkdocs.yml").is_file():
            return folder
    return here
