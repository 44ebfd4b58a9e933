"""The preview of a proposed change: a site that works when its folder is opened from disk
(`file://`), as a reviewer does with the download of a pull request's build. Pages are
`.html` files (no directory URLs), search reads its index from a script instead of fetching
it, a tiny Web Worker shim lets search run without a server, and the version selector, which
needs a server, is left out. Switched on with `DATAVISIE_VOORBEELD=1` or `voorbeeld: true`
(the plugin), or `datavisie bouw --voorbeeld`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

ENV_PREVIEW = "DATAVISIE_VOORBEELD"
SHIM = "assets/javascripts/iframe-worker.js"
SERVER_ONLY_EXTRA = ("version", "scope")  # Material's version selector reads versions.json
INDEX = "search/search_index.json"
OFFLINE_INDEX = "search/search_index.js"


def wanted(option: bool) -> bool:
    """Whether this build is a preview: the environment wins over the plugin option."""
    value = os.environ.get(ENV_PREVIEW, "").strip().lower()
    if value in ("1", "true", "ja"):
        return True
    if value in ("0", "false", "nee"):
        return False
    return option


def shim() -> bytes:
    """The Web Worker shim, kept with the site's other scripts (views/website/preview/)."""
    return resources.files("build_tools.views.website").joinpath(
        "preview/iframe-worker.js").read_bytes()


def configure(config: Any) -> None:
    """Before the pages are made: file URLs, and the shim among the scripts Material loads
    first (`extra.polyfills`)."""
    config.use_directory_urls = False
    polyfills = list(config.extra.get("polyfills") or [])
    if SHIM not in polyfills:
        polyfills.append(SHIM)
    config.extra["polyfills"] = polyfills


def for_disk(extra: Mapping[str, Any]) -> dict[str, Any]:
    """The site's theme settings without what needs a server: the version selector (it reads
    versions.json) and the feed's `rel=alternate` link (Material reads a sitemap next to
    every alternate link)."""
    out = {k: v for k, v in extra.items() if k not in SERVER_ONLY_EXTRA}
    ours = out.get("datavisie_versies")
    if isinstance(ours, dict):
        out["datavisie_versies"] = {k: v for k, v in ours.items() if k != "feed"}
    return out


def write_offline_index(site_dir: Path) -> None:
    """After the search plugin: the index as a script Material loads on `file://`."""
    index = site_dir / INDEX
    if index.is_file():
        data = index.read_text(encoding="utf-8")
        (site_dir / OFFLINE_INDEX).write_text(f"var __index = {data}", encoding="utf-8")
