"""Versions as the council sees them: the adopted vision text at each version's git tag, the
current text as a concept when it differs, and word-level redlines between any two texts.

`attach(model, root)` is the edge (it reads git); everything else is pure. Old tags may hold an
older content shape: history reads only titles, core message, ambitions, principles and bodies,
and never fails the build because an old version lacks a newer field.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .gitio import Repo, open_repo
from .model import Datavisie, ThemeText, Version, VisionText
from .yamlio import decode, parse_markdown

CURRENT = "huidig"


@dataclass(frozen=True)
class HistoryNote:
    """A warning about history (missing repository, tags or depth) with how to fix it."""

    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})"


# --- reading (edge) ----------------------------------------------------------------------

def _meta_text(meta: Any, key: str) -> str:
    value = meta.get(key) if isinstance(meta, dict) else None
    return value.strip() if isinstance(value, str) else ""


def _principles(meta: Any) -> tuple[str, ...]:
    items = meta.get("principes") if isinstance(meta, dict) else None
    out = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and isinstance(item.get("titel"), str):
            out.append(item["titel"].strip())
        elif isinstance(item, str):
            out.append(item.strip())
    return tuple(out)


def _lenient_markdown(data: bytes | None, rel: str) -> tuple[dict[str, Any], str] | None:
    if data is None:
        return None
    text, _ = decode(data, rel)
    if text is None:
        return None
    doc, _ = parse_markdown(text, rel)
    if doc is None:
        return None
    meta = doc.meta.to_plain() if doc.meta is not None else {}
    return (meta if isinstance(meta, dict) else {}), doc.body


def text_at(repo: Repo, commit: str, versie: str, content_dir: str = "content") -> VisionText | None:
    """The vision text at a commit, read leniently; None when there is no visie.md there."""
    vision = _lenient_markdown(repo.read(commit, f"{content_dir}/visie.md"), "visie.md")
    if vision is None:
        return None
    meta, body = vision
    themes = []
    for path in repo.list_files(commit, f"{content_dir}/themas"):
        if not path.endswith(".md"):
            continue
        parsed = _lenient_markdown(repo.read(commit, path), path)
        if parsed is None:
            continue
        tmeta, tbody = parsed
        themes.append((
            tmeta.get("volgorde") if isinstance(tmeta.get("volgorde"), str) else "999",
            ThemeText(
                id=Path(path).stem,
                titel=_meta_text(tmeta, "titel") or Path(path).stem,
                ambitie=_meta_text(tmeta, "ambitie"),
                principes=_principles(tmeta),
                body=tbody,
                zichtbaarheid=_meta_text(tmeta, "zichtbaarheid") or "publiek",
            ),
        ))
    themes.sort(key=lambda t: (int(t[0]) if t[0].isdigit() else 999, t[1].id))
    return VisionText(
        versie=versie,
        titel=_meta_text(meta, "titel"),
        kernboodschap=_meta_text(meta, "kernboodschap"),
        body=body,
        themas=tuple(t for _, t in themes),
        commit=commit,
    )


def attach(model: Datavisie, root: Path) -> tuple[Datavisie, list[HistoryNote]]:
    """Read the adopted texts from git into `model.geschiedenis`; notes say what is missing."""
    wanted = [v for v in model.versies if v.status != "concept"]
    if not wanted:
        return model, []
    repo = open_repo(root)
    if repo is None:
        return model, [HistoryNote(
            "geen git-repository: de vastgestelde versies zijn niet te lezen; de site toont "
            "de huidige tekst als concept",
            "bouw vanuit een git-clone van de repository")]
    texts: list[VisionText] = []
    missing: list[Version] = []
    for v in wanted:
        commit = repo.resolve(v.git_ref)
        text = text_at(repo, commit, v.versie) if commit else None
        if text is None:
            missing.append(v)
        else:
            texts.append(text)
    notes = []
    if missing:
        refs = ", ".join(v.git_ref for v in missing)
        hint = ("haal de geschiedenis op met `git fetch --tags --unshallow`" if repo.is_shallow()
                else "haal de tags op met `git fetch --tags`, of zet in versies.yml bij `tag:` "
                     "de juiste tag of commit")
        notes.append(HistoryNote(f"tekst van versie(s) niet gevonden in git: {refs}", hint))
    return dataclasses.replace(model, geschiedenis=tuple(texts)), notes


# --- the current text and its status (pure) ------------------------------------------------

def current_text(model: Datavisie) -> VisionText:
    return VisionText(
        versie=CURRENT,
        titel=model.visie.titel,
        kernboodschap=model.visie.kernboodschap,
        body=model.visie.body,
        themas=tuple(ThemeText(t.id, t.titel, t.ambitie, tuple(p.titel for p in t.principes),
                               t.body) for t in model.themas),
    )


def _comparable(text: VisionText) -> tuple[Any, ...]:
    return (text.titel, text.kernboodschap, _norm(text.body),
            tuple((t.id, t.titel, t.ambitie, t.principes, _norm(t.body)) for t in text.themas))


def _norm(body: str) -> str:
    return re.sub(r"\s+", " ", body).strip()


@dataclass(frozen=True)
class Status:
    """Which text is in force and whether the working text is a concept."""

    adopted: Version | None  # latest adopted version whose text was found
    adopted_text: VisionText | None
    concept: bool  # the current text differs from the adopted text (or nothing is adopted)


def status(model: Datavisie) -> Status:
    by_version = {t.versie: t for t in model.geschiedenis}
    adopted = [v for v in model.versies if v.adopted and v.versie in by_version]
    if not adopted:
        return Status(None, None, True)
    latest = adopted[-1]
    text = by_version[latest.versie]
    return Status(latest, text, _comparable(text) != _comparable(current_text(model)))


# --- redlines (pure) -----------------------------------------------------------------------

_TOKEN = re.compile(r"\s+|[\w\u00C0-\u024F'’-]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Segment:
    op: str  # "=" | "+" | "-"
    text: str


@dataclass(frozen=True)
class Block:
    """One paragraph of a redline: unchanged, added, removed, or changed word by word."""

    op: str  # "=" | "+" | "-" | "~"
    segments: tuple[Segment, ...]


def words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Word-level insertions and deletions, merged into readable runs."""
    a, b = words(old), words(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[Segment] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1].op == op:
            out[-1] = Segment(op, out[-1].text + text)
        else:
            out.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunk = a[i1:i2]
            # a lone space between two changes reads better inside the change
            if "".join(chunk).isspace() and i1 > 0 and i2 < len(a) and out and out[-1].op != "=":
                add("-", "".join(chunk))
                add("+", "".join(chunk))
            else:
                add("=", "".join(chunk))
        else:
            add("-", "".join(a[i1:i2]))
            add("+", "".join(b[j1:j2]))
    return _regroup(out)


def _regroup(segments: list[Segment]) -> tuple[Segment, ...]:
    """Order each run of changes as all deletions, then all insertions."""
    out: list[Segment] = []
    run: list[Segment] = []
    for seg in [*segments, Segment("=", "")]:
        if seg.op == "=":
            dels = "".join(s.text for s in run if s.op == "-")
            ins = "".join(s.text for s in run if s.op == "+")
            if dels:
                out.append(Segment("-", dels))
            if ins:
                out.append(Segment("+", ins))
            run = []
            if seg.text:
                out.append(seg)
        else:
            run.append(seg)
    return tuple(out)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def redline(old: str, new: str) -> tuple[Block, ...]:
    """Paragraph-aligned redline with word-level changes inside changed paragraphs."""
    a, b = paragraphs(old), paragraphs(new)
    matcher = difflib.SequenceMatcher(None, [_norm(p) for p in a], [_norm(p) for p in b],
                                      autojunk=False)
    blocks: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [Block("=", (Segment("=", p),)) for p in b[j1:j2]]
            continue
        olds, news = a[i1:i2], b[j1:j2]
        pairs = min(len(olds), len(news)) if tag == "replace" else 0
        for k in range(pairs):
            blocks.append(Block("~", word_diff(olds[k], news[k])))
        blocks += [Block("-", (Segment("-", p),)) for p in olds[pairs:]]
        blocks += [Block("+", (Segment("+", p),)) for p in news[pairs:]]
    return tuple(blocks)


@dataclass(frozen=True)
class Section:
    """One section of a comparison: the core vision or a theme, with what changed in it."""

    key: str  # "kernvisie" or the theme id
    titel: str
    status: str  # "gelijk" | "gewijzigd" | "nieuw" | "vervallen"
    kernboodschap: tuple[Segment, ...] = ()
    ambitie: tuple[Segment, ...] = ()
    principes_bij: tuple[str, ...] = ()
    principes_af: tuple[str, ...] = ()
    body: tuple[Block, ...] = ()

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

    def counts(self) -> dict[str, int]:
        """Changed, added and removed paragraphs over all sections (for summaries)."""
        out = {"gewijzigd": 0, "toegevoegd": 0, "verwijderd": 0}
        names = {"~": "gewijzigd", "+": "toegevoegd", "-": "verwijderd"}
        for s in self.sections:
            for b in s.body:
                if b.op in names:
                    out[names[b.op]] += 1
        return out


def _seg_changed(segments: Iterable[Segment]) -> bool:
    return any(s.op != "=" for s in segments)


def compare(old: VisionText, new: VisionText) -> Comparison:
    """Compare two texts per section: core vision, then each theme (new order, then removed)."""
    sections = [_section("kernvisie", new.titel or old.titel, old.kernboodschap, new.kernboodschap,
                         "", "", (), (), old.body, new.body)]
    old_themes = {t.id: t for t in old.themas}
    new_ids = {t.id for t in new.themas}
    for t in new.themas:
        o = old_themes.get(t.id)
        if o is None:
            sections.append(Section(t.id, t.titel, "nieuw", ambitie=(Segment("+", t.ambitie),),
                                    principes_bij=t.principes, body=redline("", t.body)))
        else:
            sections.append(_section(t.id, t.titel, "", "", o.ambitie, t.ambitie,
                                     o.principes, t.principes, o.body, t.body))
    for o in old.themas:
        if o.id not in new_ids:
            sections.append(Section(o.id, o.titel, "vervallen", ambitie=(Segment("-", o.ambitie),),
                                    principes_af=o.principes, body=redline(o.body, "")))
    return Comparison(old, new, tuple(sections))


def _section(key: str, titel: str, old_kern: str, new_kern: str, old_amb: str, new_amb: str,
             old_pr: tuple[str, ...], new_pr: tuple[str, ...], old_body: str,
             new_body: str) -> Section:
    kern = word_diff(old_kern, new_kern) if (old_kern or new_kern) else ()
    amb = word_diff(old_amb, new_amb) if (old_amb or new_amb) else ()
    bij = tuple(p for p in new_pr if p not in old_pr)
    af = tuple(p for p in old_pr if p not in new_pr)
    body = redline(old_body, new_body)
    changed = (_seg_changed(kern) or _seg_changed(amb) or bij or af
               or any(b.op != "=" for b in body))
    return Section(key, titel, "gewijzigd" if changed else "gelijk", kern, amb, bij, af, body)


def comparisons(model: Datavisie) -> list[tuple[str, str, Comparison]]:
    """Consecutive adopted versions, then latest adopted -> current concept (when it differs).
    Each item: (from-version, to-version, comparison)."""
    texts = list(model.geschiedenis)
    out = [(a.versie, b.versie, compare(a, b)) for a, b in zip(texts, texts[1:], strict=False)]
    st = status(model)
    if st.adopted_text is not None and st.concept:
        out.append((st.adopted_text.versie, CURRENT, compare(st.adopted_text, current_text(model))))
    return out
