"""Links in content Markdown point at content files (`[Ethiek](themas/ethiek.md)`,
`[project](../projecten/wmo-monitor.yml)`), the way authors see the repository. The site lays
pages out differently (`visie.md` becomes `visie/index.md`, `paginas/over.md` becomes
`over.md`), so each link is rebased onto the page that will hold the text."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from build_tools.content.model import Datavisie
from build_tools.views.website.context import (
    GLOSSARY,
    MATURITY,
    ROADMAP,
    VERSIONS,
    VISION,
    free_page_path,
    project_path,
    theme_path,
)

# [text](target "title")  and  [ref]: target
_INLINE = re.compile(r"(\]\()(<?)([^)\s>]+)(>?)((?:\s+\"[^\"]*\")?\))")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:[ \t]*)(\S+)", re.M)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})", re.M)


def content_dir(model: Datavisie) -> str:
    return posixpath.dirname(model.visie.path) or "."


_LAST_MAP: list[tuple[Datavisie, Mapping[str, str]]] = []


def page_map(model: Datavisie) -> Mapping[str, str]:
    """Content path (relative to content/) -> generated page path.

    Every page's text asks for it; built once per model (models are immutable, and the one
    kept here stays alive, so `is` cannot mistake another model for it). Building it per
    text made the site quadratic in the number of projects."""
    if _LAST_MAP and _LAST_MAP[0][0] is model:
        return _LAST_MAP[0][1]
    mapping = MappingProxyType(_page_map(model))
    _LAST_MAP[:] = [(model, mapping)]
    return mapping


def _page_map(model: Datavisie) -> dict[str, str]:
    out = {"visie.md": VISION, "routekaart.yml": ROADMAP, "begrippen.yml": GLOSSARY,
           "versies.yml": VERSIONS}
    out.update({f"themas/{t.id}.md": theme_path(t.id) for t in model.themas})
    out.update({f"projecten/{p.id}.yml": project_path(p.id) for p in model.projecten})
    out.update({f"paginas/{p.id}.md": free_page_path(p.id) for p in model.paginas})
    if model.metingmodel is not None and model.metingen:
        out["metingen/model.yml"] = MATURITY
        out.update({f"metingen/{m.id}.yml": MATURITY for m in model.metingen})
    return out


def _target(raw: str, source_dir: str, mapping: Mapping[str, str],
            relative_to: Callable[[str, str], str]) -> str | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", raw, re.I) or raw.startswith(("#", "/")):
        return None
    path, _, anchor = raw.partition("#")
    resolved = posixpath.normpath(posixpath.join(source_dir, path))
    page = mapping.get(resolved)
    if page is None:
        return None
    return relative_to(page, anchor)


def rebase(markdown: str, *, source: str, content: str, mapping: Mapping[str, str],
           relative_to: Callable[[str, str], str]) -> str:
    """Rewrite links to content files into links to their pages (outside code fences).

    `source` is the project-relative file the text comes from, `content` the content folder,
    `relative_to(page, anchor)` makes the link as the caller needs it (docs path or URL)."""
    source_dir = posixpath.relpath(posixpath.dirname(source), content)
    source_dir = "" if source_dir == "." else source_dir

    def inline(m: re.Match[str]) -> str:
        new = _target(m.group(3), source_dir, mapping, relative_to)
        if new is None:
            return m.group(0)
        return m.group(1) + m.group(2) + new + m.group(4) + m.group(5)

    def reference(m: re.Match[str]) -> str:
        new = _target(m.group(2), source_dir, mapping, relative_to)
        return m.group(0) if new is None else m.group(1) + new

    out, fence = [], None
    for chunk in re.split(r"(?m)(?=^ {0,3}(?:`{3,}|~{3,}))", markdown):
        opener = _FENCE.match(chunk)
        if fence is None and opener:
            fence = opener.group(2)[0]
            out.append(chunk)
            continue
        if fence is not None:
            if opener and opener.group(2)[0] == fence:
                fence = None
                head, sep, rest = chunk.partition("\n")
                out.append(head + sep + _REFERENCE.sub(reference, _INLINE.sub(inline, rest)))
            else:
                out.append(chunk)
            continue
        out.append(_REFERENCE.sub(reference, _INLINE.sub(inline, chunk)))
    return "".join(out)


def docs_relative(page_path: str) -> Callable[[str, str], str]:
    """For Markdown the engine renders: a docs path relative to the page file."""
    here = posixpath.dirname(page_path)

    def make(target: str, anchor: str) -> str:
        rel = posixpath.relpath(target, here or ".")
        return rel + (f"#{anchor}" if anchor else "")

    return make


def author_markdown(model: Datavisie, text: str, *, source: str, page: str) -> str:
    """Content Markdown placed on `page`, its links to content files rebased."""
    return rebase(text, source=source, content=content_dir(model), mapping=page_map(model),
                  relative_to=docs_relative(page))


def author_urls(model: Datavisie, text: str, *, source: str,
                to: Callable[[str, str], str]) -> str:
    """Content Markdown we render ourselves: links to content files become site URLs."""
    return rebase(text, source=source, content=content_dir(model), mapping=page_map(model),
                  relative_to=to)
