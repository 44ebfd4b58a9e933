"""The link check on a finished site folder: every link, image, stylesheet and script that
points inside the site must reach a file, and every `#anchor` an id on the page it names.
Runs after the build, on the output itself, so it also covers the HTML blocks we generate
(which MkDocs' own validation never sees). Pure over the folder: no network, no MkDocs."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from build_tools.build.cache import LINK_VERDICTS, link_verdict_key
from build_tools.gate.outputs import OutputFolder, Verdicts

# (tag, attribute) pairs that make a browser follow or fetch an address
_LINKING = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
            "source": "src", "iframe": "src", "embed": "src", "video": "src", "audio": "src",
            "track": "src", "object": "data", "form": "action"}
# only the tags that link: most tags of a page are divs and spans
_TAG = re.compile(r"<(" + "|".join(sorted(_LINKING, key=len, reverse=True)) + r")(\s[^>]*)?>",
                  re.S | re.I)
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_IDS = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SKIP_BLOCKS = re.compile(r"(<(script|style|template)\b[^>]*>).*?(</\2\s*>)", re.S | re.I)
_COMMENTS = re.compile(r"<!--.*?-->", re.S)
# a redirect page sends the browser on with <meta http-equiv="refresh" content="0; url=...">
_META = re.compile(r"<meta(\s[^>]*)>", re.S | re.I)
_REFRESH_URL = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*['\"]?([^'\"]*)", re.I)
# rel values that name another address without the page depending on it
_NOT_FOLLOWED = {"canonical", "alternate"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # site-relative path of the page holding the link
    link: str  # the address as written
    reason: str  # Dutch

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


@dataclass(frozen=True)
class _Page:
    links: tuple[tuple[str, str], ...]  # (tag, address)
    ids: frozenset[str]


@lru_cache(maxsize=1 << 16)  # a site repeats its header and navigation on every page
def _attrs(raw: str) -> Mapping[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(raw or ""):
        name = m.group(1).lower()
        value = next((g for g in m.group(2, 3, 4) if g is not None), "")
        out.setdefault(name, unescape(value))
    return out


def read_page(html: str) -> _Page:
    """The addresses a page links to and the anchors it offers (ids and names)."""
    html = _SKIP_BLOCKS.sub(r"\1\3", _COMMENTS.sub("", html))  # the tag stays, its text goes
    links = []
    for m in _TAG.finditer(html):
        tag = m.group(1).lower()
        attr = _LINKING[tag]
        attrs = _attrs(m.group(2) or "")
        if tag == "link" and _NOT_FOLLOWED & set(attrs.get("rel", "").lower().split()):
            continue
        if attr in attrs:
            links.append((tag, attrs[attr]))
        if "srcset" in attrs:
            links += [(tag, part.split()[0]) for part in attrs["srcset"].split(",")
                      if part.strip()]
    for m in _META.finditer(html):
        attrs = _attrs(m.group(1))
        if attrs.get("http-equiv", "").lower() == "refresh":
            target = _REFRESH_URL.match(attrs.get("content", ""))
            if target:
                links.append(("a", target.group(1).strip()))
    ids = {unescape(m.group(m.lastindex or 0)) for m in _IDS.finditer(html)}
    return _Page(tuple(links), frozenset(ids))


def _target(site: AbstractSet[str], path: str) -> str | None:
    """The file a site path is served from, or None (`a/` -> `a/index.html`)."""
    path = path.lstrip("/")
    candidates = [path] if path and not path.endswith("/") else []
    candidates.append(posixpath.join(path, "index.html") if path else "index.html")
    return next((c for c in candidates if c in site), None)


def check_pages(files: Iterable[str], pages: Mapping[str, str], *,
                base_path: str = "/") -> list[BrokenLink]:
    """Broken links among `pages` (site path -> HTML) given every file of the site.

    `base_path` is the path part of the site's address (`/` or `/datavisie/`): absolute
    paths under it are checked too; other absolute addresses are not ours to check."""
    site = frozenset(files)
    read = {path: read_page(html) for path, html in pages.items()}
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    resolved: dict[tuple[str, str], tuple[str | None, str]] = {}
    found: list[BrokenLink] = []
    for page, parsed in sorted(read.items()):
        here = posixpath.dirname(page)
        for tag, raw in parsed.links:
            link = raw.strip()
            if not link or link.startswith("//"):
                continue
            key = _relative_key(here, link)
            if key not in resolved:
                resolved[key] = _resolve(site, key[0], key[1], base_path)
            target, problem = resolved[key]
            if target is None:
                if problem:
                    found.append(BrokenLink(page, raw, problem))
                continue
            target = target or page  # "#anchor" or "?query": this page
            anchor = unquote(urlsplit(link).fragment)
            if anchor and tag in ("a", "area") and target.endswith(".html"):
                ids = read[target].ids if target in read else None
                if ids is not None and anchor not in ids:
                    found.append(BrokenLink(page, raw, f"anker #{anchor} bestaat niet"))
    return sorted(set(found))


def _relative_key(here: str, link: str) -> tuple[str, str]:
    """`here` and `link` with the link's leading `../` steps taken: the links of a site's
    header and navigation then resolve once for all pages at the same depth."""
    parts = here.split("/") if here else []
    while link.startswith("../") and parts:
        parts.pop()
        link = link[3:]
    return "/".join(parts), link


def _resolve(site: frozenset[str], here: str, link: str,
             base_path: str) -> tuple[str | None, str]:
    """(the file `link` reaches from folder `here`, "") or (None, why it is broken);
    (None, "") for addresses that are not ours to check, ("", "") for the page itself."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None, ""  # another host (or mailto:, tel:); XSS tests check the schemes
    if parts.path.startswith("/"):
        if not (parts.path + "/").startswith(base_path):
            return None, "wijst buiten de site"
        joined = parts.path[len(base_path):]
    elif parts.path:
        joined = posixpath.join(here, parts.path)
    else:
        return "", ""
    path = posixpath.normpath(unquote(joined)) if joined else ""
    if path.startswith("../") or path == "..":
        return None, "wijst buiten de site"
    path = "" if path == "." else path
    if joined.endswith("/") and path:
        path += "/"
    target = _target(site, path)
    if target is None:
        return None, "pagina of bestand bestaat niet"
    return target, ""


def check_site(site_dir: Path | OutputFolder, *, base_path: str = "/",
               cache_dir: Path | None = None) -> list[BrokenLink]:
    """Broken links in every HTML page of a built site folder.

    With `cache_dir`, a folder whose file names and pages are exactly those of the last
    folder checked clean is not checked again (a rebuild with nothing changed)."""
    folder = site_dir if isinstance(site_dir, OutputFolder) else OutputFolder(site_dir)
    pages = [f for f in folder.files if f.endswith(".html")]
    html = set(pages)  # only pages are read; of other files only their existence counts
    key = link_verdict_key(base_path, (f"{f}\t{folder.digest(f) if f in html else ''}"
                                       for f in folder.files))
    verdicts = Verdicts(cache_dir, LINK_VERDICTS, key)
    if key in verdicts:
        return []
    texts = {f: folder.read(f).decode("utf-8", "replace") for f in pages}
    broken = check_pages(folder.files, texts, base_path=base_path)
    if not broken:
        verdicts.save([key])
    return broken
