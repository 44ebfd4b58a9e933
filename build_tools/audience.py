"""The audience filter: what "internal" means (with blockfilter.py, which finds internal
Markdown blocks by parsing them with the site's own grammar).

`for_audience(model, "publiek")` returns a new model with nothing internal in it: no
`intern:` subtree, no file marked `zichtbaarheid: intern`, no `!!! intern` block, and no
reference or link to what was removed. Views never ask "is this internal?": they cannot
leak what they never receive.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from build_tools.content import blockfilter
from build_tools.content.grammar import DEFAULT_GRAMMAR, Grammar
from build_tools.content.model import LEAF_TYPES, newest_date
from build_tools.gate.textsearch import Needles

INTERNAL_KEY = "intern"
VISIBILITY_KEY = "zichtbaarheid"
PUBLIC = "publiek"
INTERNAL = blockfilter.INTERNAL
VISIBILITY_VALUES = (PUBLIC, INTERNAL)
AUDIENCES = (PUBLIC, INTERNAL)

T = TypeVar("T")

def strip_internal_blocks(text: str, grammar: Grammar = DEFAULT_GRAMMAR) -> str:
    """`text` without its internal blocks (`!!! intern`, `??? intern`, at any depth), as the
    site's Markdown `grammar` reads them (blockfilter.py). Blank lines around a block are kept,
    so the text around it stays separate paragraphs. A text whose blocks cannot be removed
    cleanly (a content error, see markup.py) has no public text at all."""
    return blockfilter.read(text, grammar).public


def is_internal_markdown(text: str, grammar: Grammar = DEFAULT_GRAMMAR) -> bool:
    reading = blockfilter.read(text, grammar)
    return reading.has_blocks or bool(reading.problems)


def is_public(item: object) -> bool:
    """Whether a file's `zichtbaarheid` lets it on the public site: only `publiek` does, in
    any case (`Intern`, a value an old version at a tag may hold, counts as internal)."""
    value = getattr(item, VISIBILITY_KEY, PUBLIC)
    return isinstance(value, str) and value.strip().casefold() == PUBLIC


def _link_pattern(targets: list[str]) -> re.Pattern[str] | None:
    """Inline links `[text](target)` to any removed page, theme or project (as a source
    path or a site URL, relative or absolute, with an optional #anchor or title)."""
    if not targets:
        return None
    alternatives = "|".join(targets)
    return re.compile(
        r"\[(?P<text>[^\]]*)\]\((?:[^)\s]*/)?(?:" + alternatives + r")"
        r"(?:#[^)\s]*)?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)")


def _definition_pattern(targets: list[str]) -> re.Pattern[str] | None:
    """Reference definitions `[ref]: target` pointing at removed items (whole line)."""
    if not targets:
        return None
    return re.compile(r"(?m)^[ ]{0,3}\[[^\]]+\]:[ \t]*<?(?:[^\s>]*/)?(?:" + "|".join(targets)
                      + r")(?:#[^\s>]*)?>?(?:[ \t]+.*)?\n?")


def _targets(pages: set[str], themes: set[str], projects: set[str]) -> list[str]:
    out = [f"(?:paginas/)?{re.escape(p)}(?:\\.md|/)" for p in sorted(pages)]
    out += [f"themas/{re.escape(t)}(?:\\.md|/)" for t in sorted(themes)]
    out += [f"projecten/{re.escape(p)}(?:\\.yml|/)" for p in sorted(projects)]
    return out


@dataclasses.dataclass(frozen=True)
class _Links:
    inline: re.Pattern[str] | None
    definitions: re.Pattern[str] | None

    def reduce(self, text: str) -> str:
        if self.definitions is not None:
            text = self.definitions.sub("", text)
        if self.inline is not None:
            text = self.inline.sub(lambda m: m.group("text"), text)
        return text


_DROP, _MARKDOWN, _WALK = 0, 1, 2


@functools.cache
def _plan(cls: type) -> tuple[tuple[str, int], ...] | None:
    """What `_clean` does with each field of a model class (None: not a dataclass); worked
    out once per class instead of once per value (there are 70,000 values at N=1,000)."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple((f.name, _DROP if f.name == INTERNAL_KEY
                  else _MARKDOWN if f.metadata.get("markdown") else _WALK)
                 for f in dataclasses.fields(cls))


def _clean(value: Any, links: _Links, grammar: Grammar) -> Any:
    """Recursively drop internal subtrees and blocks from one model value."""
    if isinstance(value, LEAF_TYPES):
        return value
    if isinstance(value, tuple):
        kept = _public(value)
        cleaned = tuple(_clean(v, links, grammar) for v in kept)
        if len(kept) == len(value) and all(a is b for a, b in zip(cleaned, value, strict=True)):
            return value
        return cleaned
    plan = _plan(value.__class__)
    if plan is None:
        return value
    changes: dict[str, Any] = {}
    for name, what in plan:
        current = getattr(value, name)
        if what == _DROP:
            new: Any = None
        elif what == _MARKDOWN and isinstance(current, str):
            new = links.reduce(strip_internal_blocks(current, grammar))
            if new == current:
                new = current
        else:
            new = _clean(current, links, grammar)
        if new is not current:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


def _public(items: tuple[T, ...]) -> tuple[T, ...]:
    return tuple(i for i in items if is_public(i))


def for_audience(model: T, audience: str = PUBLIC) -> T:
    """The model as `audience` may see it. `intern` returns the model unchanged."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    if audience == INTERNAL:
        return dataclasses.replace(model, doelgroep=INTERNAL)  # type: ignore[type-var]
    m: Any = model
    themas = _public(m.themas)
    theme_ids = {t.id for t in themas}
    projecten = _public(m.projecten)
    paginas = _public(m.paginas)
    metingen = _public(m.metingen)
    kept = {id(x) for x in (*themas, *projecten, *paginas, *metingen)}
    dropped_paths = {x.path for x in (*m.themas, *m.projecten, *m.paginas, *m.metingen)
                     if id(x) not in kept}
    targets = _targets({p.id for p in m.paginas} - {p.id for p in paginas},
                       {t.id for t in m.themas} - theme_ids,
                       {p.id for p in m.projecten} - {p.id for p in projecten})
    links = _Links(_link_pattern(targets), _definition_pattern(targets))
    mijlpalen = tuple(
        dataclasses.replace(ms, themas=tuple(t for t in ms.themas if t in theme_ids))
        for ms in m.routekaart.mijlpalen
    )
    projecten = tuple(
        dataclasses.replace(p, themas=tuple(t for t in p.themas if t in theme_ids))
        for p in projecten
    )
    filtered = dataclasses.replace(
        m,
        themas=themas,
        projecten=projecten,
        paginas=paginas,
        metingen=metingen,
        routekaart=dataclasses.replace(m.routekaart, mijlpalen=mijlpalen),
        doelgroep=PUBLIC,
        # not even the names of internal files, nor a date that only they carry
        sources=tuple(path for path in m.sources if path not in dropped_paths),
        stand=newest_date(m.versies, metingen) if dropped_paths else m.stand,
    )
    return _clean(filtered, links, m.grammar)  # type: ignore[no-any-return]


def _strings(value: Any) -> list[str]:
    """Every text inside a value: model objects, tuples, and plain intern data."""
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) if f.name not in ("pos", "fpos")
                for s in _strings(getattr(value, f.name))]
    if isinstance(value, dict):
        return [s for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))
                for s in (*_strings(str(k)), *_strings(v))]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def _internal_parts(value: Any, grammar: Grammar) -> list[str]:
    """The texts that only the internal audience may see: of internal blocks, as the parse
    found them (their rendered text and their source lines, see blockfilter.Reading)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not is_public(value):
            return _strings(value)
        out: list[str] = []
        for f in dataclasses.fields(value):
            current = getattr(value, f.name)
            if f.name == INTERNAL_KEY:
                out += _strings(current)
            elif f.metadata.get("markdown") and isinstance(current, str):
                out += blockfilter.read(current, grammar).internal
            else:
                out += _internal_parts(current, grammar)
        return out
    if isinstance(value, tuple):
        return [s for v in value for s in _internal_parts(v, grammar)]
    return []


def _norm(text: str) -> str:
    return " ".join(text.split())


def internal_fragments(model: Any, *, min_length: int = 16,
                       also_public: Iterable[str] = ()) -> list[str]:
    """Distinctive internal texts for the leak scan of public output: every internal string
    or line of at least `min_length` characters that does not also occur publicly (in the
    public model or in `also_public`: fixed texts of the site, such as the staff guide).
    Compared case-blind, as the scan reads."""
    public = [*_strings(for_audience(model, PUBLIC)), *also_public]
    public_text = "\n".join(_norm(s) for s in public).casefold()
    candidates = set()
    for part in _internal_parts(model, model.grammar):
        for line in part.split("\n"):
            text = _norm(line.strip(" -*>#!?\"'"))
            if len(text) >= min_length:
                candidates.add(text)
    # one pass over all public text for all internal texts (see textsearch.py)
    public_too = Needles(t.casefold() for t in candidates).found_in(public_text)
    return sorted(t for t in candidates if t.casefold() not in public_too)
