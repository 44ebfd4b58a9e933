"""The site's Markdown grammar: the Python-Markdown extensions (with their options) that MkDocs
renders content with, as `mkdocs.yml` configures them, and a parse of a text into the element
tree they make.

What the site renders as a block is what this parse finds, because it is the same parser with
the same extensions: the audience filter (blockfilter.py) recognises internal blocks with it
instead of with a second, hand-written reading of the syntax that could drift from the real one.
"""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
from markdown.util import HTML_PLACEHOLDER_RE

from build_tools.project import CONFIG_FILE, read_settings

# MkDocs puts these before the configured extensions of every site (config_options.py)
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
# the plugin adds our content extension to every site (plugin.py): raw HTML shown as text
CONTENT_EXTENSION = "build_tools.views.website.markdown_ext"
# the example's mkdocs.yml: the grammar of a project without one
DEFAULT_EXTENSIONS = ("toc", "admonition", "pymdownx.details", "attr_list", "def_list",
                      "footnotes", "tables", "sane_lists")
# extensions that read files (refused by gate.py): never loaded here either
_NEVER = frozenset({"pymdownx.snippets", "pymdownx.b64", "markdown_include.include",
                    "markdown_include", "mdx_include", CONTENT_EXTENSION})
# extensions whose blocks the audience filter knows how to find markers of (blockfilter.py);
# any other extension may make blocks of its own, so every text mentioning "intern" is parsed
KNOWN_EXTENSIONS = frozenset({
    *MKDOCS_BUILTINS, *DEFAULT_EXTENSIONS, "abbr", "md_in_html", "meta", "nl2br", "smarty",
    "wikilinks", "codehilite", "legacy_attrs", "legacy_em", "extra", "pymdownx.tabbed",
    "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.emoji",
    "pymdownx.keys", "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "pymdownx.critic",
    "pymdownx.smartsymbols", "pymdownx.betterem", "pymdownx.magiclink", "pymdownx.tasklist",
    "pymdownx.escapeall", "pymdownx.saneheaders", "pymdownx.arithmatex",
    "pymdownx.progressbar", "pymdownx.striphtml", "material.extensions.emoji"})


def _plain(value: Any) -> Any:
    """An option value as JSON data; what YAML tags or Python objects gave is left out."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if _plain(v) is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return None


@dataclass(frozen=True)
class Grammar:
    """The Markdown extensions of a site, in the order MkDocs loads them, each with its options
    as JSON text (a hashable value: one parser is made per grammar)."""

    extensions: tuple[tuple[str, str], ...]

    @classmethod
    def from_config(cls, extensions: Iterable[object],
                    configs: Mapping[str, Any] | None = None) -> Grammar:
        """From `mkdocs.yml`'s `markdown_extensions` (names, or one-item mappings of a name to
        its options) or from MkDocs' loaded config (names and `mdx_configs`)."""
        names: list[str] = list(MKDOCS_BUILTINS)
        options: dict[str, Any] = dict(configs or {})
        for item in extensions:
            if isinstance(item, Mapping):
                for name, cfg in item.items():
                    names.append(str(name))
                    if isinstance(cfg, Mapping):
                        options[str(name)] = cfg
            elif isinstance(item, str):
                names.append(item)
        seen: list[str] = []
        for name in names:
            if name not in seen and name not in _NEVER:
                seen.append(name)
        return cls(tuple((n, json.dumps(_plain(options.get(n) or {}), sort_keys=True))
                         for n in seen))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n, _ in self.extensions)

    @property
    def known(self) -> bool:
        """Whether every extension is one whose blocks the filter's quick test covers."""
        return all(n in KNOWN_EXTENSIONS for n in self.names)


DEFAULT_GRAMMAR = Grammar.from_config(DEFAULT_EXTENSIONS)


def project_grammar(root: Path, settings: Mapping[str, object] | None = None) -> Grammar:
    """The grammar of the project at `root`: its mkdocs.yml's extensions (`settings`, when
    the caller has read them: project.py), or the default without a mkdocs.yml."""
    config = settings if settings is not None else read_settings(root)
    if "markdown_extensions" not in config:
        return DEFAULT_GRAMMAR if not (root / CONFIG_FILE).is_file() \
            else Grammar.from_config(())
    value = config["markdown_extensions"]
    if isinstance(value, Mapping):
        value = [{k: v} for k, v in value.items()]
    return Grammar.from_config(value if isinstance(value, list) else ())


@functools.cache
def loadable(grammar: Grammar) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The grammar's extensions that load here, with their options. One that cannot (not
    installed, options only MkDocs can give) is left out: MkDocs itself reports it."""
    loaded: list[str] = []
    configs: dict[str, Any] = {}
    for name, options in grammar.extensions:
        cfg = json.loads(options)
        try:
            markdown.Markdown(extensions=[*loaded, name], extension_configs={name: cfg})
        except Exception:  # noqa: BLE001, S112 - any failure of a third-party extension
            continue
        loaded.append(name)
        configs[name] = cfg
    return tuple(loaded), configs


@functools.cache
def renderer(grammar: Grammar) -> markdown.Markdown:
    """The site's Markdown for one grammar, made once and reset for every text."""
    from build_tools.views.website.markdown_ext import ContentExtension

    loaded, configs = loadable(grammar)
    return markdown.Markdown(extensions=[*loaded, ContentExtension()],
                             extension_configs=configs)


@dataclass(frozen=True)
class Parsed:
    """The element tree of one text after every tree step (inline markup included), and the
    raw blocks Python-Markdown set aside (fenced code) that its placeholders stand for."""

    root: etree.Element
    stash: tuple[str, ...]

    def unstash(self, text: str) -> str:
        return HTML_PLACEHOLDER_RE.sub(
            lambda m: self.stash[int(m.group(1))] if int(m.group(1)) < len(self.stash) else "",
            text)


class ParseFailed(Exception):
    """Python-Markdown could not parse a text (the renderer would fail on it as well)."""


def parse(text: str, grammar: Grammar) -> Parsed:
    """`text` as the site's Markdown reads it, up to (not including) writing HTML: the same
    steps as `markdown.Markdown.convert`."""
    md = renderer(grammar)
    md.reset()
    if not text.strip():
        return Parsed(etree.Element("div"), ())
    try:
        lines = text.split("\n")
        for step in md.preprocessors:
            lines = step.run(lines)
        root = md.parser.parseDocument(lines).getroot()
        for tree_step in md.treeprocessors:
            replaced = tree_step.run(root)
            if replaced is not None:
                root = replaced
    except (RecursionError, RuntimeError, ValueError, IndexError, KeyError,
            AttributeError, TypeError) as exc:
        raise ParseFailed(str(exc)) from None
    return Parsed(root, tuple(str(s) for s in md.htmlStash.rawHtmlBlocks))


_CLASS_SPLIT = re.compile(r"\s+")


def classes(element: etree.Element) -> list[str]:
    return [c for c in _CLASS_SPLIT.split(element.get("class", "")) if c]
