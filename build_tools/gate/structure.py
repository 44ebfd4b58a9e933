"""The structural half of the leak scan: what a public build can never contain, whatever its
text. The text half (leaks.py) looks for known internal sentences; this half looks at the
shape of the output, so it also catches what no sentence gives away:

- an element with the class `intern` (what an internal Markdown block renders to), in a page,
  an SVG, or HTML carried inside JSON, XML or CSV;
- the address of an internal page or file (an internal theme, project or page, in the current
  text or in any adopted version; their social cards, posters and exports), in a link, an
  image, a stylesheet, `url()`, the sitemap, the search index, or as an absolute address of
  the site anywhere;
- the id of an internal theme in the places our views put theme ids: class names and ids
  (`dv-thema--<id>`), CSS custom properties (`--dv-thema-<id>`), `data-thema…` attributes
  and filter values, and `thema…` fields of the open data.

Ids are matched as whole tokens in those places, never as substrings of prose: a theme called
`data` does not make every page that says "data" a leak. The rules come from the unfiltered
model (and its adopted texts) compared with the public model the audience filter makes of it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import posixpath
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote, urlsplit

from build_tools.audience import INTERNAL, PUBLIC, for_audience
from build_tools.views.website.context import (
    algorithm_export_path,
    edition_theme_path,
    free_page_path,
    project_path,
    theme_path,
)
from build_tools.views.website.editions import CONCEPT_SLUG, slug_for

SOCIAL = "assets/social"  # one card per page: <SOCIAL>/<page address>.png (plugin.py)
SEARCH_INDEX = "search/search_index.json"  # Material's; one per (version) sub-site

# A start tag with its attributes; quoted values may hold `>`.
_TAG = re.compile(r"<([A-Za-z][\w:.-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'"
                  r"|[^\s\"'=<>`]+))?)*)\s*/?>")
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_PROPERTY = re.compile(r"(?<![\w-])--[A-Za-z0-9_-]+")
_CSS_NAME = re.compile(r"[.#](-?[A-Za-z_][\w-]*)")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
_CSS_ATTR = re.compile(r"""\[\s*([\w-]+)\s*[~|^$*]?=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))""")
_CSS_SELECTOR = re.compile(r"(?:^|[{}])([^{}]*)\{")
# An id after `thema-`, `thema--`, `themas-` or `themas--` at the start of a name or of one of
# its `-` parts: `dv-thema--x`, `--dv-on-thema-x`, `dv-filter-projecten-themas-x`.
_THEME_PART = re.compile(r"(?:^|-)themas?--?")
_LINKING = ("href", "src", "action", "data", "poster", "xlink:href", "cite",
            "formaction", "background", "longdesc", "manifest", "ping", "icon")
# attributes that hold names (ids, references to ids), never prose
_NAMES = ("id", "for", "name", "headers", "list", "form", "aria-controls", "aria-labelledby",
          "aria-describedby", "aria-owns", "aria-activedescendant", "itemref", "slot", "part")
_TOKENS = re.compile(r"[\s,;]+")
_ICS_FOLD = re.compile(r"\r?\n[ \t]")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class StructureRules:
    """What no public output may hold, for one project."""

    addresses: frozenset[str]  # internal page addresses (`themas/x`) and files (`posters/…`)
    theme_ids: frozenset[str]  # internal in every text that has them, public in none
    site_url: str = ""  # absolute addresses under it are the site's own

    @property
    def key(self) -> str:
        return "\0".join(["adressen", *sorted(self.addresses), "themas", *sorted(self.theme_ids),
                          "site", self.site_url])


def structure_rules(full: Any, *, site_url: str = "",
                    files: Iterable[str] = ()) -> StructureRules:
    """The rules for a public build of `full`, the unfiltered model with its adopted texts.
    What is internal is what the audience filter removes. `files`: more site paths only the
    internal build makes (the posters of internal themes, which the plugin knows)."""
    public = for_audience(full, PUBLIC)
    themes = _ids(full.themas) - _ids(public.themas)
    pages: set[str] = {theme_path(t) for t in themes}
    pages |= {project_path(p) for p in _ids(full.projecten) - _ids(public.projecten)}
    pages |= {free_page_path(p) for p in _ids(full.paginas) - _ids(public.paginas)}
    adopted, concepts = _edition_slugs(full)
    # the working text is also published as the concept, under its number or /concept/
    pages |= {edition_theme_path(slug, t) for slug in concepts for t in themes}
    public_anywhere = _ids(public.themas)
    internal_anywhere = set(themes)
    shown = {text.versie: text for text in public.geschiedenis}
    for text in full.geschiedenis:
        visible = _ids(shown[text.versie].themas) if text.versie in shown else set()
        hidden = _ids(text.themas) - visible
        internal_anywhere |= hidden
        public_anywhere |= visible
        if text.versie in adopted:
            pages |= {edition_theme_path(adopted[text.versie], t) for t in hidden}
    addresses = {_stem(p) for p in pages}
    addresses |= {f"{SOCIAL}/{stem}.png" for stem in list(addresses)}
    addresses |= {algorithm_export_path(p) for p in _ids(full.projecten) - _ids(public.projecten)}
    addresses |= set(files)
    return StructureRules(frozenset(addresses), frozenset(internal_anywhere - public_anywhere),
                          site_url.rstrip("/") + "/" if site_url else "")


def _edition_slugs(full: Any) -> tuple[dict[str, str], set[str]]:
    """The folders the site gives its versions, as `editions.editions` names them: version ->
    folder of every adopted text found in git, and every folder the concept may get."""
    found = {t.versie for t in full.geschiedenis}
    taken = {CONCEPT_SLUG}
    adopted = {}
    for v in full.versies:
        if v.versie in found and v.status != "concept":
            adopted[v.versie] = _unique(slug_for(v.versie), taken)
    concepts = {CONCEPT_SLUG}
    for v in full.versies:
        if v.status == "concept":
            concepts.add(_unique(slug_for(v.versie), set(taken)))
    return adopted, concepts


def _unique(slug: str, taken: set[str]) -> str:
    out, n = slug, 2
    while out in taken:
        out, n = f"{slug}-{n}", n + 1
    taken.add(out)
    return out


def _ids(items: Iterable[Any]) -> set[str]:
    return {str(i.id) for i in items}


def _stem(path: str) -> str:
    """A page's address without its form: `themas/x.md`, `themas/x/`, `themas/x/index.html`
    and `themas/x.html` are all `themas/x`; other files stay as they are."""
    path = path.strip("/")
    if path in ("index.html", "index.md"):
        return ""
    for suffix in ("/index.html", "/index.md", ".html", ".md"):
        if path.endswith(suffix):
            return path[: -len(suffix)]
    return path


class StructureScanner:
    """Checks output files against one set of `StructureRules`. Every finding is a Dutch
    description of what was found."""

    def __init__(self, rules: StructureRules) -> None:
        self.rules = rules
        self.addresses = rules.addresses
        self.themes = rules.theme_ids
        self.base_path = urlsplit(rules.site_url).path or "/"
        parts = urlsplit(rules.site_url)
        # the site's own address as written and in lower case (a case-blind search reads
        # every byte of every file several times over)
        hosts = sorted({re.escape(f + parts.path.rstrip("/"))
                        for f in (parts.netloc, parts.netloc.lower())})
        self._site = re.compile(
            r"//(?:" + "|".join(hosts)
            + r""")(/[^\s"'<>()\[\]{}\\|^`]*)?""") if parts.netloc else None
        # the last part of every internal address: a link ending otherwise cannot reach one
        self._leaves = frozenset(_leaf(a) for a in self.addresses)
        self._tags: dict[tuple[str, str], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._resolved: dict[tuple[str, str, tuple[str, ...]], bool] = {}

    # --- the file itself ------------------------------------------------------------------

    def file_findings(self, rel: str) -> list[str]:
        return ["interne pagina of bestand in de uitvoer"] if self._internal(rel) else []

    # --- what a file holds ----------------------------------------------------------------

    def text_findings(self, rel: str, raw: str) -> list[str]:
        here = posixpath.dirname(rel)
        suffix = posixpath.splitext(rel)[1].lower()
        found: list[str] = []
        if suffix == ".css":
            found += self._css(raw, here)
        elif suffix == ".json" or suffix == ".map" or suffix == ".webmanifest":
            found += self._json(raw, here, search_index=rel.endswith(SEARCH_INDEX))
        elif suffix == ".csv":
            found += self._csv(raw, here)
        else:
            found += self._markup(raw, here)
            if suffix in (".xml", ".atom", ".rss"):
                # HTML carried as escaped text (an Atom summary) is markup once unescaped
                found += self._markup(html.unescape(raw), here)
                found += self._absolute(html.unescape(raw))
        found += self._absolute(_ICS_FOLD.sub("", raw) if suffix == ".ics" else raw)
        return sorted(set(found))

    def _markup(self, text: str, here: str, *, bases: Sequence[str] = ()) -> list[str]:
        found: list[str] = []
        if "<" not in text:
            return found
        for m in _TAG.finditer(text):
            key = (m.group(1).lower(), m.group(2) or "")
            known = self._tags.get(key)
            if known is None:
                known = self._tags[key] = _tag_findings(self, *key)
            fixed, links = known
            found += fixed
            found += [f"adres van een interne pagina: {link}" for link in links
                      if self._reaches_internal(link, here, tuple(bases))]
        for css in _STYLE_BLOCK.findall(text):
            found += self._css(css, here)
        return found

    def _css(self, text: str, here: str) -> list[str]:
        text = _CSS_COMMENT.sub(" ", text)
        found = [f"id van een intern thema: {name}" for name in _CSS_PROPERTY.findall(text)
                 if self.theme_token(name)]
        found += [f"id van een intern thema: {name}" for name in _CSS_NAME.findall(text)
                  if self.theme_token(name)]
        for m in _CSS_URL.finditer(text):
            link = next(g for g in m.groups() if g is not None)
            if self._reaches_internal(link, here, ()):
                found.append(f"adres van een interne pagina: {link}")
        for selector in _CSS_SELECTOR.findall(text):
            if "thema" not in selector:
                continue
            for m in _CSS_ATTR.finditer(selector):
                value = next((g for g in m.group(2, 3, 4) if g is not None), "")
                if ("thema" in m.group(1) or m.group(1) == "value") and value in self.themes:
                    found.append(f"id van een intern thema: [{m.group(1)}=\"{value}\"]")
        return found

    def _json(self, raw: str, here: str, *, search_index: bool = False) -> list[str]:
        try:
            data = json.loads(raw)
        except ValueError:
            return self._markup(raw, here)
        # a search index's addresses are relative to the (sub-)site it belongs to; other data
        # is read relative to its folder and to the root of the site
        bases = (posixpath.dirname(here),) if search_index else ("",)
        found: list[str] = []
        strings = []
        for key, value in _json_leaves(data):
            strings.append(value)
            if "thema" in key.casefold() and (value in self.themes or self.theme_token(value)):
                found.append(f"id van een intern thema: {key}: {value}")
            if "<" in value:
                found += self._markup(value, here, bases=bases)
            elif (key == "location" or "/" in value or value.endswith(".html")) \
                    and not _SPACE.search(value) and self._reaches_internal(value, here, bases):
                found.append(f"adres van een interne pagina: {value}")
        return found + self._absolute("\n".join(strings))

    def _csv(self, raw: str, here: str) -> list[str]:
        rows = list(csv.reader(io.StringIO(raw)))
        if not rows:
            return []
        header = [h.casefold() for h in rows[0]]
        found: list[str] = []
        for row in rows[1:]:
            for name, cell in zip(header, row, strict=False):
                if "thema" in name:
                    found += [f"id van een intern thema: {name}: {t}"
                              for t in _TOKENS.split(cell) if t in self.themes]
                if "<" in cell:
                    found += self._markup(cell, here, bases=("",))
        return found

    def _absolute(self, text: str) -> list[str]:
        """Addresses of the site written out in full, anywhere (prose included: an absolute
        address of an internal page is a link to it whatever surrounds it)."""
        if self._site is None:
            return []
        found = []
        for m in self._site.finditer(text):  # the scheme does not matter: `//` and the host
            path = (m.group(1) or "/").rstrip(".,;:!?")
            if self._internal(path.lstrip("/")):
                found.append(f"adres van een interne pagina: {m.group(0)}")
        return found

    # --- one address, one token -----------------------------------------------------------

    def _reaches_internal(self, link: str, here: str, bases: tuple[str, ...]) -> bool:
        """Whether `link`, written in a file in folder `here` (or read from `bases`), is the
        address of an internal page or file."""
        if not self.addresses or _leaf(link) not in self._leaves:
            return False
        key = (link, here, bases)
        known = self._resolved.get(key)
        if known is None:
            known = self._resolved[key] = self._resolve(link.strip(), here, bases)
        return known

    def _resolve(self, link: str, here: str, bases: tuple[str, ...]) -> bool:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            ours = self._site.match(link) if self._site is not None else None
            return ours is not None and self._internal(ours.group(1) or "")
        path = unquote(parts.path)
        if path.startswith("/"):
            if not (path + "/").startswith(self.base_path):
                return False
            candidates = [path[len(self.base_path):]]
        else:
            candidates = [posixpath.join(h, path) for h in (here, *bases)]
        for candidate in candidates:
            resolved = posixpath.normpath(candidate) if candidate else ""
            if not (resolved.startswith("..") or resolved == ".") and self._internal(resolved):
                return True
        return False

    def _internal(self, path: str) -> bool:
        path = unquote(urlsplit(path).path).strip("/")
        return bool(self.addresses) and (path in self.addresses or _stem(path) in self.addresses)

    def theme_token(self, token: str) -> bool:
        """Whether a name carries an internal theme's id after a `thema-` part."""
        if not self.themes or "thema" not in token:
            return False
        return any(token[m.end():] in self.themes for m in _THEME_PART.finditer(token))


def _leaf(link: str) -> str:
    """The last part of an address that names a page or file: `../themas/x/#a` -> `x`,
    `x/index.html` and `x.html` -> `x`, `posters/p.pdf` -> `p.pdf`."""
    parts = [p for p in unquote(urlsplit(link.strip()).path).split("/") if p not in ("", ".")]
    if parts and parts[-1] == "index.html":
        parts.pop()
    last = parts[-1] if parts else ""
    return last[:-5] if last.endswith(".html") else last


def _tag_findings(scanner: StructureScanner, tag: str,
                  raw_attrs: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What one start tag holds, wherever it stands: its findings, and the addresses in it
    that could be internal (resolved against the folder of each file it stands in)."""
    attrs = _attrs(raw_attrs)
    found: list[str] = []
    links: list[str] = []
    for name, value in attrs:
        if name == "class":
            tokens = value.split()
            if any(t.casefold() == INTERNAL for t in tokens):
                found.append(f"element met klasse “{INTERNAL}”: <{tag} class=\"{value}\">")
            found += [f"id van een intern thema: class {t}" for t in tokens
                      if scanner.theme_token(t)]
        elif name in _LINKING or (name == "content" and "/" in value and " " not in value):
            links.append(value)
        elif name == "srcset":
            links += [part.split()[0] for part in value.split(",") if part.strip()]
        elif name == "style":
            found += [f for f in scanner._css(value, "") if "adres" not in f]
            links += [next(g for g in m.groups() if g is not None)
                      for m in _CSS_URL.finditer(value)]
        elif name.startswith("data-") and "thema" in name:
            found += [f"id van een intern thema: {name}=\"{t}\"" for t in _TOKENS.split(value)
                      if t in scanner.themes or scanner.theme_token(t)]
        elif name == "value":
            if value in scanner.themes and any("thema" in v for n, v in attrs if n == "name"):
                found.append(f"id van een intern thema: <{tag} value=\"{value}\">")
        elif name in _NAMES and any(scanner.theme_token(t) for t in value.split()):
            found.append(f"id van een intern thema: {name}=\"{value}\"")
    return tuple(found), tuple(link for link in links if _leaf(link) in scanner._leaves)


@lru_cache(maxsize=1 << 16)  # a site repeats its header and navigation on every page
def _attrs(raw: str) -> tuple[tuple[str, str], ...]:
    out = []
    for m in _ATTR.finditer(raw):
        value = next((g for g in m.group(2, 3, 4) if g is not None), "")
        out.append((m.group(1).lower(), html.unescape(value)))
    return tuple(out)


def _json_leaves(value: object, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, string) for every string of a JSON document; a list's items get its key."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _json_leaves(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _json_leaves(v, key)
