"""Versions as the council sees them: the adopted vision text at each version's git tag, the
current text as a concept when it differs, and per-section comparisons between two texts.

`attach(model, root)` is the edge (it reads git); everything else is pure. Old tags may hold an
older content shape: history reads only titles, core message, ambitions, principles and bodies,
and never fails the build because an old version lacks a newer field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.content.model import Datavisie, ThemeText, Version, VisionText
from build_tools.content.yamlio import decode, parse_markdown
from build_tools.errors import ContentError, Issue
from build_tools.history.git import Repo, open_repo
from build_tools.history.refs import resolve_versions
from build_tools.history.textdiff import (
    Block,
    Segment,
    changed,
    norm,
    paragraphs,
    redline,
    similarity,
    word_diff,
    words,
)

# The diff primitives are re-exported: changes_details.py and the site import them from here.
__all__ = [
    "CURRENT", "Block", "Comparison", "HistoryNote", "Section", "Segment", "Status", "attach",
    "compare", "comparisons", "current_text", "history_issues", "paragraphs", "redline",
    "status", "text_at", "word_diff", "words",
]

CURRENT = "huidig"
RENAMED_AT = 0.6  # a removed and an added theme sharing this much text are one renamed theme


@dataclass(frozen=True)
class HistoryNote:
    """A warning about history (missing repository, tags or depth) with how to fix it."""

    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.message} Oplossing: {self.hint}"


# --- reading (edge) ----------------------------------------------------------------------

def _meta_text(meta: Any, key: str) -> str:
    value = meta.get(key) if isinstance(meta, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _principles(meta: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Titles and explanations of a theme's principles (older files may have none, or
    principles written as plain strings)."""
    items = meta.get("principes") if isinstance(meta, dict) else None
    titles, notes = [], []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and isinstance(item.get("titel"), str):
            titles.append(item["titel"].strip())
            notes.append(_meta_text(item, "toelichting"))
        elif isinstance(item, str):
            titles.append(item.strip())
            notes.append("")
    return tuple(titles), tuple(notes)


def _lenient_markdown(data: bytes | None, rel: str) -> tuple[dict[str, Any], str, int] | None:
    if data is None:
        return None
    text, _ = decode(data, rel)
    if text is None:
        return None
    doc, _ = parse_markdown(text, rel)
    if doc is None:
        return None
    meta = doc.meta.to_plain() if doc.meta is not None else {}
    return (meta if isinstance(meta, dict) else {}), doc.body, doc.body_line


def _visibility(meta: dict[str, Any]) -> str:
    """`publiek` or `intern`. Old files were never checked against today's schema: any value
    but `publiek` (in any case) makes a theme internal, so `Intern` or a typo never publishes
    what its author meant to keep in."""
    value = meta.get("zichtbaarheid")
    if value is None or (isinstance(value, str) and value.strip().casefold() in ("", "publiek")):
        return "publiek"
    return "intern"


def _order(meta: dict[str, Any]) -> int:
    value = meta.get("volgorde")
    text = value.strip() if isinstance(value, str) else ""
    # ASCII digits, and few of them: int() fails on "²" (a digit to isdigit()) and on 4,300
    # digits, and an old tag is read leniently, never refused
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else 999


def text_at(repo: Repo, commit: str, versie: str, content_dir: str = "content",
            ref: str | None = None) -> VisionText | None:
    """The vision text at a commit, read leniently; None when there is no visie.md there.
    Each body knows where it came from (`<ref>:<path>` and its first line), so the checks
    the working text gets (markup.py) can point at the line in the version's text."""
    paths = [f"{content_dir}/visie.md",
             *(p for p in repo.list_files(commit, f"{content_dir}/themas") if p.endswith(".md"))]
    data = repo.read_many(commit, paths)
    vision = _lenient_markdown(data[0], "visie.md")
    if vision is None:
        return None
    where = ref or commit
    meta, body, body_line = vision
    themes = []
    for path, raw in zip(paths[1:], data[1:], strict=True):
        parsed = _lenient_markdown(raw, path)
        if parsed is None:
            continue
        tmeta, tbody, tline = parsed
        titles, notes = _principles(tmeta)
        theme = ThemeText(
            id=Path(path).stem,
            titel=_meta_text(tmeta, "titel") or Path(path).stem,
            ambitie=_meta_text(tmeta, "ambitie"),
            principes=titles,
            body=tbody,
            zichtbaarheid=_visibility(tmeta),
            toelichtingen=notes,
            path=f"{where}:{path}",
            body_line=tline,
        )
        themes.append((_order(tmeta), theme))
    themes.sort(key=lambda t: (t[0], t[1].id))
    return VisionText(
        versie=versie,
        titel=_meta_text(meta, "titel"),
        kernboodschap=_meta_text(meta, "kernboodschap"),
        body=body,
        themas=tuple(t for _, t in themes),
        commit=commit,
        path=f"{where}:{paths[0]}",
        body_line=body_line,
    )


def attach(model: Datavisie, root: Path, *,
           content_dir: str = "content") -> tuple[Datavisie, list[HistoryNote]]:
    """Read the adopted texts from git into `model.geschiedenis`. At most one note, saying what
    is missing and how to fix it; the build goes on without the missing texts."""
    wanted = [v for v in model.versies if v.status != "concept"]
    if not wanted:
        return model, []
    repo = open_repo(root)
    if repo is None:
        return model, [HistoryNote(
            "Dit is geen git-repository, dus de vastgestelde versies van de visie zijn niet te "
            "lezen. De site toont de huidige tekst als concept.",
            "bouw de site vanuit een clone van de repository (git clone ...).")]
    texts: list[VisionText] = []
    missing: list[Version] = []
    resolved = resolve_versions(repo, wanted, branch=model.organisatie.repo_branch)
    if resolved.issues:  # a branch, or a commit off the main branch: the author must choose
        raise ContentError(resolved.issues)
    for v in wanted:
        commit = resolved.commits[v.versie]
        text = text_at(repo, commit, v.versie, content_dir, v.git_ref) if commit else None
        if text is None:
            missing.append(v)
        else:
            texts.append(text)
    notes = []
    if missing:
        which = ", ".join(f"{v.versie} (tag of commit {v.git_ref})" for v in missing)
        latest = model.latest_adopted
        effect = ("De site toont de huidige tekst als concept." if latest in missing
                  else "Die versies ontbreken in het archief.")
        hint = ("haal de hele geschiedenis met de tags op: `git fetch --tags --unshallow` "
                "(in CI: `fetch-depth: 0`)." if repo.is_shallow()
                else "haal de tags op met `git fetch --tags`, of zet in versies.yml bij `tag:` "
                     "de tag of commit die de vastgestelde tekst bevat.")
        notes.append(HistoryNote(f"De tekst van versie {which} staat niet in git. {effect}",
                                 hint))
    return dataclasses.replace(model, geschiedenis=tuple(texts)), notes


def history_issues(model: Datavisie) -> list[Issue]:
    """The Markdown checks of the working text (markup.py: HTML comments, internal blocks
    that cannot be removed, text too heavy to render) on the adopted texts read from git, at
    `<tag>:<path>:<line>`: the site shows these texts, so they get the same filter and the
    same checks."""
    from build_tools.content.markup import markup_issues

    fix = ("; dit staat in de vastgestelde tekst van een versie: verbeter het in een nieuwe "
           "commit en zet bij die versie in versies.yml `tag:` op die commit (of verplaats de "
           "tag)")
    return [dataclasses.replace(i, hint=i.hint + fix)
            for i in markup_issues(model, model.geschiedenis)]


# --- the current text and its status (pure) ------------------------------------------------

def current_text(model: Datavisie) -> VisionText:
    return VisionText(
        versie=CURRENT,
        titel=model.visie.titel,
        kernboodschap=model.visie.kernboodschap,
        body=model.visie.body,
        themas=tuple(ThemeText(t.id, t.titel, t.ambitie, tuple(p.titel for p in t.principes),
                               t.body, toelichtingen=tuple(p.toelichting or ""
                                                           for p in t.principes))
                     for t in model.themas),
    )


def _comparable(text: VisionText) -> tuple[Any, ...]:
    return (text.titel, text.kernboodschap, norm(text.body),
            tuple((t.id, t.titel, t.ambitie, t.principles(), norm(t.body)) for t in text.themas))


@dataclass(frozen=True)
class Status:
    """Which text is in force and whether the working text is a concept.

    `adopted` is the latest adopted version of the register, but only when its text was read
    from git; when it was not (`missing`), no older text is presented as the one in force."""

    adopted: Version | None
    adopted_text: VisionText | None
    concept: bool  # the current text differs from the adopted text (or nothing is adopted)
    missing: Version | None = None  # the latest adopted version, when its text is missing


def status(model: Datavisie) -> Status:
    latest = model.latest_adopted
    if latest is None:
        return Status(None, None, True)
    text = next((t for t in model.geschiedenis if t.versie == latest.versie), None)
    if text is None:
        return Status(None, None, True, missing=latest)
    return Status(latest, text, _comparable(text) != _comparable(current_text(model)))


# --- comparisons (pure) --------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    """One section of a comparison: the core vision or a theme, with what changed in it."""

    key: str  # "kernvisie" or the (new) theme id
    titel: str
    status: str  # "gelijk" | "gewijzigd" | "nieuw" | "vervallen"
    kernboodschap: tuple[Segment, ...] = ()
    ambitie: tuple[Segment, ...] = ()
    principes_bij: tuple[str, ...] = ()
    principes_af: tuple[str, ...] = ()
    body: tuple[Block, ...] = ()
    titel_diff: tuple[Segment, ...] = ()  # only when the title changed
    toelichtingen: tuple[tuple[str, tuple[Segment, ...]], ...] = ()  # changed explanations
    vorige_id: str | None = None  # the old id of a renamed theme

    @property
    def changed(self) -> bool:
        return self.status != "gelijk"


@dataclass(frozen=True)
class Comparison:
    old: VisionText
    new: VisionText
    sections: tuple[Section, ...]

    @property
    def changed(self) -> bool:
        return any(s.changed for s in self.sections)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def counts(self) -> dict[str, int]:
        """Changed, added and removed paragraphs over all sections (for summaries)."""
        out = {"gewijzigd": 0, "toegevoegd": 0, "verwijderd": 0}
        names = {"~": "gewijzigd", "+": "toegevoegd", "-": "verwijderd"}
        for s in self.sections:
            for b in s.body:
                if b.op in names:
                    out[names[b.op]] += 1
        return out


def _theme_words(t: ThemeText) -> str:
    return " ".join((t.titel, t.ambitie, *t.principes, t.body))


def renames(old: VisionText, new: VisionText) -> dict[str, str]:
    """New theme id -> old theme id, for themes whose file got another name but whose text
    stayed mostly the same (the best match first, each old theme used once)."""
    new_ids = {t.id for t in new.themas}
    old_ids = {t.id for t in old.themas}
    gone = [t for t in old.themas if t.id not in new_ids]
    added = [t for t in new.themas if t.id not in old_ids]
    scored = sorted(((similarity(_theme_words(o), _theme_words(n)), i, j)
                     for i, o in enumerate(gone) for j, n in enumerate(added)),
                    key=lambda x: (-x[0], x[1], x[2]))
    out: dict[str, str] = {}
    used: set[int] = set()
    for score, i, j in scored:
        if score < RENAMED_AT:
            break
        if i in used or added[j].id in out:
            continue
        out[added[j].id] = gone[i].id
        used.add(i)
    return out


def compare(old: VisionText, new: VisionText) -> Comparison:
    """Compare two texts per section: core vision, then each theme (new order, then removed).
    A renamed theme file is one section (with `vorige_id`), not a removal and an addition."""
    sections = [_section("kernvisie", new.titel or old.titel, old.kernboodschap,
                         new.kernboodschap, ThemeText("", old.titel, body=old.body),
                         ThemeText("", new.titel, body=new.body))]
    moved = renames(old, new)
    old_themes = {t.id: t for t in old.themas}
    for t in new.themas:
        o = old_themes.get(moved.get(t.id, t.id))
        if o is None:
            sections.append(Section(t.id, t.titel, "nieuw", ambitie=(Segment("+", t.ambitie),),
                                    principes_bij=t.principes, body=redline("", t.body)))
        else:
            section = _section(t.id, t.titel, "", "", o, t)
            if o.id != t.id:
                section = dataclasses.replace(section, status="gewijzigd", vorige_id=o.id)
            sections.append(section)
    kept = {t.id for t in new.themas} | set(moved.values())
    for o in old.themas:
        if o.id not in kept:
            sections.append(Section(o.id, o.titel, "vervallen", ambitie=(Segment("-", o.ambitie),),
                                    principes_af=o.principes, body=redline(o.body, "")))
    return Comparison(old, new, tuple(sections))


def _section(key: str, titel: str, old_kern: str, new_kern: str, o: ThemeText,
             n: ThemeText) -> Section:
    kern = word_diff(old_kern, new_kern) if (old_kern or new_kern) else ()
    amb = word_diff(o.ambitie, n.ambitie) if (o.ambitie or n.ambitie) else ()
    title = word_diff(o.titel, n.titel) if o.titel != n.titel else ()
    bij = tuple(p for p in n.principes if p not in o.principes)
    af = tuple(p for p in o.principes if p not in n.principes)
    old_notes = dict(o.principles())
    notes = tuple((p, word_diff(old_notes[p], note)) for p, note in n.principles()
                  if p in old_notes and norm(old_notes[p]) != norm(note))
    body = redline(o.body, n.body)
    is_changed = (changed(kern) or changed(amb) or bool(title) or bij or af or notes
                  or any(b.op != "=" for b in body))
    return Section(key, titel, "gewijzigd" if is_changed else "gelijk", kern, amb, bij, af, body,
                   titel_diff=title, toelichtingen=notes)


def comparisons(model: Datavisie) -> list[tuple[str, str, Comparison]]:
    """Consecutive adopted versions, then latest adopted -> current concept (when it differs).
    Each item: (from-version, to-version, comparison)."""
    texts = list(model.geschiedenis)
    out = [(a.versie, b.versie, compare(a, b)) for a, b in zip(texts, texts[1:], strict=False)]
    st = status(model)
    if st.adopted_text is not None and st.concept:
        out.append((st.adopted_text.versie, CURRENT, compare(st.adopted_text, current_text(model))))
    return out
