"""Edge: write the generated site as plain Markdown files, assets and a mkdocs.yml into a
folder, for engines without our plugin (plain MkDocs, ProperDocs, Zensical) and benchmarks.

Trusted blocks are written in as raw HTML; glossary terms become `*[term]: ...` definitions
for Python-Markdown's `abbr` extension. Content Markdown is not sanitised here: only the
plugin does that, so publish with the plugin.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from build_tools.views.website.page import Site

DOCS = "docs"


def plain_markdown(site: Site, path: str) -> str:
    page = site.page(path)
    assert page is not None
    text = page.plain_document()
    if site.abbreviations:
        defs = "\n".join(f"*[{term}]: {' '.join(title.split())}"
                         for term, title in sorted(site.abbreviations.items()))
        text = text.rstrip("\n") + "\n\n" + defs + "\n"
    return text


def mkdocs_config(site: Site, *, site_name: str, site_url: str,
                  custom_dir: str | None) -> dict[str, Any]:
    theme: dict[str, Any] = {"name": "material", "language": "nl", "font": False,
                             "features": ["navigation.tabs", "navigation.sections",
                                          "navigation.indexes"]}
    if custom_dir:
        theme["custom_dir"] = custom_dir
    theme["logo"] = theme["favicon"] = "assets/images/beeldmerk.svg"
    return {
        "site_name": site_name,
        "site_url": site_url,
        "docs_dir": DOCS,
        "theme": theme,
        "plugins": [{"search": {"lang": "nl"}}],
        "markdown_extensions": ["abbr", "admonition", "attr_list", "tables", "toc"],
        "nav": list(site.nav),
        "extra_css": list(site.css),
        "extra_javascript": list(site.javascript),
        "extra": {"generator": False},
    }


def write_folder(site: Site, out: Path, *, files: Mapping[str, bytes],
                 config: Mapping[str, Any]) -> list[Path]:
    """Write pages, assets, `files` (exports) and mkdocs.yml under `out`; returns the paths."""
    written: list[Path] = []

    def put(rel: str, data: bytes) -> None:
        target = out / DOCS / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)

    for page in site.pages:
        put(page.path, plain_markdown(site, page.path).encode())
    for asset in site.assets:
        put(asset.path, asset.content)
    for rel, data in sorted(files.items()):
        put(rel, data)
    config_path = out / "mkdocs.yml"
    # JSON is YAML: no YAML writer needed, and the output is stable.
    config_path.write_text(json.dumps(dict(config), ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    written.append(config_path)
    return written
