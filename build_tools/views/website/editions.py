"""Which texts of the vision the site publishes, and where: the text in force on the main
vision pages, every adopted version found in git as a small sub-site under /<versie>/, the
working text under the pending concept's version (or /concept/) when it differs, and the
comparisons between consecutive ones. Pure: made from the filtered model with history.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from build_tools.content import labels
from build_tools.content.model import Datavisie, ThemeText, Version, VisionText, version_folder
from build_tools.history.texts import (
    Comparison,
    Section,
    Status,
    compare,
    current_text,
    renames,
    status,
)
from build_tools.views.website.readable import readable_text

GELDEND = "geldend"  # the adopted version in force
VERVALLEN = "vervallen"  # adopted, replaced by a later version
INGETROKKEN = "ingetrokken"
CONCEPT = "concept"
CONCEPT_SLUG = "concept"  # folder of a concept without its own entry in versies.yml


@dataclass(frozen=True)
class Edition:
    """One published text of the vision: `slug` is its folder on the site (`0.9`)."""

    slug: str
    text: VisionText
    kind: str  # GELDEND | VERVALLEN | INGETROKKEN | CONCEPT
    version: Version | None  # its entry in versies.yml (None: a concept without one)

    @property
    def number(self) -> str | None:
        return self.version.versie if self.version else None

    @property
    def name(self) -> str:
        """`versie 1.0`, `het concept voor versie 1.1` or `het concept` (lower case)."""
        if self.kind == CONCEPT:
            return f"het concept voor versie {self.number}" if self.number else "het concept"
        return f"versie {self.number}"

    @property
    def title(self) -> str:
        """For the version selector and headings: `1.0 (vastgesteld door de gemeenteraad)`."""
        if self.kind == CONCEPT:
            return f"{self.number} (concept)" if self.number else "Concept"
        assert self.version is not None
        return f"{self.number} ({labels.VERSION_STATUS[self.version.status].lower()})"


@dataclass(frozen=True)
class Pair:
    """Two consecutive editions and what changed between them."""

    old: Edition
    new: Edition
    comparison: Comparison

    @property
    def slug(self) -> str:
        return f"{self.old.slug}-{self.new.slug}"


@dataclass(frozen=True)
class Editions:
    status: Status
    current: VisionText  # the working text (content/ as it is now)
    editions: tuple[Edition, ...] = ()  # register order; the concept last
    pairs: tuple[Pair, ...] = ()  # compared as plain text (readable.py)
    renamed: Mapping[str, str] = field(default_factory=dict)  # concept theme id -> adopted id

    @property
    def in_force(self) -> Edition | None:
        return next((e for e in self.editions if e.kind == GELDEND), None)

    @property
    def concept(self) -> Edition | None:
        return next((e for e in self.editions if e.kind == CONCEPT), None)

    @property
    def shown(self) -> VisionText:
        """The text of the main vision pages: the one in force, else the working text."""
        edition = self.in_force
        return edition.text if edition else self.current

    @property
    def whole_site_concept(self) -> bool:
        return self.in_force is None

    def edition(self, slug: str) -> Edition | None:
        return next((e for e in self.editions if e.slug == slug), None)

    def pair_into(self, slug: str) -> Pair | None:
        return next((p for p in self.pairs if p.new.slug == slug), None)

    def pair_from(self, slug: str) -> Pair | None:
        return next((p for p in self.pairs if p.old.slug == slug), None)

    @property
    def concept_pair(self) -> Pair | None:
        concept = self.concept
        return self.pair_into(concept.slug) if concept else None

    def shown_theme(self, theme_id: str) -> ThemeText | None:
        """The text in force of a theme of the working text (following a renamed file);
        None when the theme is new in the concept."""
        edition = self.in_force
        if edition is None:
            return self.current.theme(theme_id)
        return edition.text.theme(self.renamed.get(theme_id, theme_id))

    def concept_section(self, key: str) -> Section | None:
        """What the concept changes in the core vision (`kernvisie`) or a theme."""
        pair = self.concept_pair
        return pair.comparison.section(key) if pair else None


def slug_for(versie: str) -> str:
    """The folder of a version (model.version_folder: the validation checks it too)."""
    return version_folder(versie)


def _unique(slug: str, taken: set[str]) -> str:
    out, n = slug, 2
    while out in taken:
        out, n = f"{slug}-{n}", n + 1
    taken.add(out)
    return out


def editions(model: Datavisie) -> Editions:
    st = status(model)
    current = current_text(model)
    found = {t.versie: t for t in model.geschiedenis}
    taken: set[str] = {CONCEPT_SLUG}
    out: list[Edition] = []
    for v in model.versies:
        text = found.get(v.versie)
        if text is None or v.status == "concept":
            continue
        kind = (GELDEND if v is st.adopted else INGETROKKEN if v.status == "ingetrokken"
                else VERVALLEN)
        out.append(Edition(_unique(slug_for(v.versie), taken), text, kind, v))
    renamed: dict[str, str] = {}
    if st.adopted_text is not None and st.concept:
        entry = _pending_concept(model, st.adopted)
        slug = _unique(slug_for(entry.versie), taken) if entry else CONCEPT_SLUG
        out.append(Edition(slug, current, CONCEPT, entry))
        renamed = renames(st.adopted_text, current)
    pairs = tuple(_pair(a, b) for a, b in zip(out, out[1:], strict=False) if b.kind != CONCEPT)
    in_force = next((e for e in out if e.kind == GELDEND), None)
    concept = next((e for e in out if e.kind == CONCEPT), None)
    if in_force is not None and concept is not None:
        pairs += (_pair(in_force, concept),)
    return Editions(st, current, tuple(out), pairs, renamed)


def _pair(old: Edition, new: Edition) -> Pair:
    # compared as readers see the text: words, not Markdown syntax
    return Pair(old, new, compare(readable_text(old.text), readable_text(new.text)))


def _pending_concept(model: Datavisie, adopted: Version | None) -> Version | None:
    """The newest concept entry registered after the version in force, if any."""
    versies = list(model.versies)
    start = versies.index(adopted) + 1 if adopted in versies else 0
    pending = [v for v in versies[start:] if v.status == "concept"]
    return pending[-1] if pending else None
