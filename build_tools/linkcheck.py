"""The link check on a finished site folder: every link, image, stylesheet and script that
points inside the site must reach a file, and every `#anchor` an id on the page it names.
Runs after the build, on the output itself, so it also covers the HTML blocks we generate
(which MkDocs' own validation never sees). Pure over the folder: no network, no MkDocs."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# (tag, attribute) pairs that make a browser follow or fetch an address
_LINKING = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
            "source": "src", "iframe": "src", "embed": "src", "video": "src", "audio": "src",
            "track": "src", "object": "data", "form": "action"}
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)?>", re.S)
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_IDS = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SKIP_BLOCKS = re.compile(r"(<(script|style|template)\b[^>]*>).*?(</\2\s*>)", re.S | re.I)
_COMMENTS = re.compile(r"<!--.*?-->", re.S)
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


def _attrs(raw: str) -> dict[str, str]:
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
        attr = _LINKING.get(tag)
        if attr is None:
            continue
        attrs = _attrs(m.group(2) or "")
        if tag == "link" and _NOT_FOLLOWED & set(attrs.get("rel", "").lower().split()):
            continue
        if attr in attrs:
            links.append((tag, attrs[attr]))
        if "srcset" in attrs:
            links += [(tag, part.split()[0]) for part in attrs["srcset"].split(",")
                      if part.strip()]
    ids = {unescape(next(g for g in m.groups() if g is not None)) for m in _IDS.finditer(html)}
    return _Page(tuple(links), frozenset(ids))


def _target(site: Mapping[str, object], path: str) -> str | None:
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
    site = {f: None for f in files}
    read = {path: read_page(html) for path, html in pages.items()}
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    found: list[BrokenLink] = []
    for page, parsed in sorted(read.items()):
        here = posixpath.dirname(page)
        for tag, raw in parsed.links:
            link = raw.strip()
            if not link or link.startswith("//"):
                continue
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue  # another host (or mailto:, tel:); XSS tests check the schemes
            if parts.path.startswith("/"):
                if not (parts.path + "/").startswith(base_path):
                    found.append(BrokenLink(page, raw, "wijst buiten de site"))
                    continue
                joined = parts.path[len(base_path):]
            elif parts.path:
                joined = posixpath.join(here, parts.path)
            else:
                joined = page  # "#anchor" or "?query": this page
            path = posixpath.normpath(unquote(joined)) if joined else ""
            if path.startswith("../") or path == "..":
                found.append(BrokenLink(page, raw, "wijst buiten de site"))
                continue
            path = "" if path == "." else path
            if joined.endswith("/") and path:
                path += "/"
            target = _target(site, path)
            if target is None:
                found.append(BrokenLink(page, raw, "pagina of bestand bestaat niet"))
                continue
            anchor = unquote(parts.fragment)
            if anchor and tag in ("a", "area") and target.endswith(".html"):
                ids = read[target].ids if target in read else None
                if ids is not None and anchor not in ids:
                    found.append(BrokenLink(page, raw, f"anker #{anchor} bestaat niet"))
    return sorted(set(found))


def check_site(site_dir: Path, *, base_path: str = "/") -> list[BrokenLink]:
    """Broken links in every HTML page of a built site folder."""
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                   if p.is_file())
    pages = {f: (site_dir / f).read_text(encoding="utf-8", errors="replace") for f in files
             if f.endswith(".html")}
    return check_pages(files, pages, base_path=base_path)
