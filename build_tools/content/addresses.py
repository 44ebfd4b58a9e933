"""Addresses on the site that must keep working: where a theme, project or page lives, the old
addresses an author lists in `oude_adressen:`, and the rule that an old address is never a
place something else lives now. Pure; the site turns the result into redirect pages
(website/redirects.py), the change summary names moved addresses (changes.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from build_tools.content.types import MISSING, Ctx, Type
from build_tools.content.yamlio import Node
from build_tools.errors import Issue, Pos

FIELD = "oude_adressen"

# A path on the site as a reader saw it: segments of letters, digits and `._~-`, each starting
# with a letter or digit (so no `..`, no hidden `.well-known`), optionally ending in `/`.
_PATH = re.compile(r"^(?:[A-Za-z0-9][A-Za-z0-9._~-]*/)*(?:[A-Za-z0-9][A-Za-z0-9._~-]*/?)?$")
MAX_LENGTH = 200

# Folders the site itself writes into: an old address there would hide or replace a real file.
_OWN_FOLDERS = {"assets", "data", "search", "meedoen", "versies", "concept", "posters",
                "stylesheets", "javascripts"}
_FIXED_PAGES = {"", "index", "404", "visie", "routekaart", "projecten", "ontwikkeling",
                "begrippen", "versies", "posters", "meedoen", "sitemap.xml", "versions.json"}

# content folder -> how its files' pages are addressed (site path without `.md`)
KINDS = {"themas": "themas/{id}", "projecten": "projecten/{id}", "paginas": "{id}"}
KIND_NAMES = {"themas": "thema", "projecten": "project", "paginas": "pagina"}


def key(address: str) -> str:
    """One spelling per page: `/projecten/oud/`, `projecten/oud`, `projecten/oud.html` and
    `projecten/oud/index.html` are the same page."""
    path = address.strip().strip("/")
    for suffix in ("/index.html", "index.html", ".html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)].rstrip("/")
            break
    return path


def content_address(content_path: str) -> str | None:
    """The address key of the page made from a content file (`projecten/x.yml` ->
    `projecten/x`), or None for a file without a page of its own."""
    folder, _, name = content_path.partition("/")
    if folder not in KINDS or "/" in name or "." not in name:
        return None
    stem = name.rsplit(".", 1)[0]
    return KINDS[folder].format(id=stem)


def shown(address_key: str) -> str:
    """An address as readers type it (`/projecten/x/`)."""
    return "/" + address_key + ("/" if address_key and "." not in address_key.rsplit("/")[-1]
                                else "")


@dataclass(frozen=True)
class SitePath(Type):
    """An earlier address of a page on this site, written as a path (`projecten/oude-naam/`)."""

    label = "een adres op de site (bijvoorbeeld projecten/oude-naam/)"
    example = "[projecten/oude-naam/]"

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        value = self._scalar(node, ctx, name)
        if value is None:
            if node.is_scalar:
                ctx.error(node.pos, "DV102", f"`{name}` is leeg", f"vul {self.label} in")
            return MISSING
        text = value.strip()
        hint = ("schrijf het adres zonder https:// en de naam van de site, met kleine letters, "
                "cijfers en -, bijvoorbeeld `projecten/oude-naam/`")
        if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I):
            ctx.error(node.pos, "DV250", f"`{name}` is een volledig webadres: {value!r}", hint)
            return MISSING
        path = text.lstrip("/")
        if not path or len(path) > MAX_LENGTH or not _PATH.match(path):
            ctx.error(node.pos, "DV250", f"`{name}` is geen adres op deze site: {value!r}", hint)
            return MISSING
        return "/" + path

    def json_schema(self) -> dict[str, Any]:
        path = rf"^\s*/?(?=\S{{1,{MAX_LENGTH}}}\s*$)" + _PATH.pattern[1:-1] + r"\s*$"
        return {"anyOf": [{"type": "string", "pattern": path},
                          {"type": "number", "minimum": 0},  # `2024` is a number to an editor
                          {"type": "boolean"}]}


@dataclass(frozen=True)
class Declared:
    """One old address an author listed, with the page it leads to now."""

    old: str  # address key
    target: str  # address key of the page
    pos: Pos
    source: str  # content file that lists it
    raw: str = ""  # as written, without the leading `/` (an `.html` address stays one)


def declared(model: Any) -> list[Declared]:
    """Every `oude_adressen:` entry of the themes, projects and pages of a model."""
    out: list[Declared] = []
    for folder, items in (("themas", model.themas), ("projecten", model.projecten),
                          ("paginas", model.paginas)):
        for item in items:
            for address in getattr(item, FIELD, ()) or ():
                pos = item.fpos.get(f"{FIELD}:{address.lstrip('/')}",
                                    item.fpos.get(f"{FIELD}:{address}",
                                                  item.fpos.get(FIELD, item.pos)))
                out.append(Declared(key(address), KINDS[folder].format(id=item.id), pos,
                                    item.path, address.strip().lstrip("/")))
    return out


def current_addresses(model: Any) -> set[str]:
    """The address keys of every theme, project and page in the model."""
    return {KINDS[folder].format(id=item.id)
            for folder, items in (("themas", model.themas), ("projecten", model.projecten),
                                  ("paginas", model.paginas))
            for item in items}


def is_own(address_key: str, version_slugs: Iterable[str] = ()) -> bool:
    """Whether the site itself writes at this address (fixed pages, its own folders, the
    version sub-sites)."""
    first = address_key.split("/", 1)[0]
    return (address_key in _FIXED_PAGES or first in _OWN_FOLDERS
            or first in set(version_slugs))


def address_issues(model: Any) -> list[Issue]:
    """Old addresses that cannot lead anywhere: the address of a page that exists now, of a
    page the site makes itself, or listed twice."""
    issues: list[Issue] = []
    now = current_addresses(model)
    slugs = {v.versie for v in model.versies}
    seen: dict[str, Declared] = {}
    for d in declared(model):
        if d.old in now or is_own(d.old, slugs):
            what = "is nu het adres van een pagina" if d.old != d.target else \
                "is het adres van deze pagina zelf"
            issues.append(Issue.at(d.pos, "DV251", f"oud adres `{shown(d.old)}` {what}",
                                   "haal het weg uit `oude_adressen`: een pagina die bestaat, "
                                   "wordt nooit doorgestuurd"))
        elif d.old in seen and seen[d.old].target != d.target:
            issues.append(Issue.at(d.pos, "DV252", f"oud adres `{shown(d.old)}` staat ook bij "
                                   f"{seen[d.old].source}",
                                   "een oud adres kan maar naar één pagina doorsturen; haal het "
                                   "bij één van de twee weg"))
        else:
            seen.setdefault(d.old, d)
    return issues
