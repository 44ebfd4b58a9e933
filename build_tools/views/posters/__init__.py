"""Posters: the vision as SVG, PNG and PDF in the house style, plus social cards.

Place in the flow: a view. It reads the (audience-filtered) model and the house `Style`,
and the poster definitions in `posters/` (one YAML + one SVG Jinja template per poster).

Public API (everything else in this package is internal):

- `poster_list(model, *, posters_dir=None) -> list[PosterInfo]`
  Cheap, renders nothing: name, title and text alternative of every poster, for linking
  (`site/posters/<name>.{svg,png,pdf}` and the thumbnail `<name>-klein.png`).
- `check_fit(model, style, *, posters_dir=None, cache_dir=None) -> list[Issue]`
  Layout only, no raster: poster-definition problems (DP0xx) and content that cannot fit
  (W002: names the field at file:line, the poster, and how many characters too long;
  W401, a warning: characters neither the house font nor a fallback font in
  theme/fonts/reserve/ has). With `cache_dir`, inputs that fitted before
  (same model, style, definitions, fonts and code: memo.py) are not laid out again.
- `render_svgs(model, style, *, posters_dir=None) -> dict[str, str]`
  Pure: poster name -> self-contained SVG text. Raises ContentError on any error (not on
  a warning such as W401).
- `render_all(model, style, *, out_dir, formats=("svg", "png", "pdf"), dpi=150,
  cache_dir=None, thumbnails=True, posters_dir=None) -> list[PosterFile]`
  Writes `<out_dir>/<name>.<fmt>` (+ `<name>-klein.png`); PNG/PDF are rasterised in
  parallel and cached by content hash in `cache_dir` (e.g. `.cache/posters`); a build with
  the same inputs as the last one copies everything from there without laying anything out.
- `social_card_png(model, style, *, title, subtitle="", section="", cache_dir=None) -> bytes`
  One 1200x630 PNG. For many pages use `social_cards(model, style, cards, *, out_dir,
  cache_dir=None) -> list[Path]` with `SocialCard(path, title, subtitle, section)`; it writes
  `<out_dir>/<path>.png` (e.g. `assets/social/themas/ethiek.png`) in parallel.

Content never becomes markup (Jinja XML autoescape) and nothing is ever fetched: no file
paths or web addresses are followed, CairoSVG runs with `unsafe=False`.

PNG/PDF are made in spawned worker processes (fontconfig there sees only the theme's font
files), so a script calling `render_all` or the social-card functions needs the usual
`if __name__ == "__main__":` guard; the `datavisie` and `mkdocs` commands have it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.build.cache import FIT, RENDERED, Digests, Kept, poster_key
from build_tools.build.publish import write_atomic
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError, Issue, raise_for_errors, sort_issues
from build_tools.housestyle.tokens import Style
from build_tools.views.posters.cards import SocialCard as SocialCard
from build_tools.views.posters.cards import no_card_definition
from build_tools.views.posters.cards import social_card_png as social_card_png
from build_tools.views.posters.cards import social_card_svg as social_card_svg
from build_tools.views.posters.cards import social_cards as social_cards
from build_tools.views.posters.inputs import checked_definitions as _checked_definitions
from build_tools.views.posters.inputs import definitions as _definitions
from build_tools.views.posters.inputs import font_paths as _font_paths
from build_tools.views.posters.inputs import pdf_epoch as _epoch
from build_tools.views.posters.kinds import Job, alt_text, job_title, jobs_for
from build_tools.views.posters.memo import context_key
from build_tools.views.posters.printing import BLEED_MM, MARGIN_MM, print_svg
from build_tools.views.posters.raster import (
    Task,
    cache_get,
    cache_key,
    cache_put,
    shared_rasteriser,
    thumbnail_size,
)
from build_tools.views.posters.render import DEFAULT_DIR, compose, embed_svg
from build_tools.views.posters.textfit import face_family

__all__ = [
    "FORMATS", "PosterFile", "PosterInfo", "SocialCard", "check_fit", "poster_list",
    "render_all", "render_svgs", "social_card_png", "social_card_svg", "social_cards",
]

log = logging.getLogger("mkdocs.plugins.datavisie")
FORMATS = ("svg", "png", "pdf", "drukwerk")  # drukwerk: PDF with bleed and crop marks
CARD_SIZE = (1200, 630)


@dataclass(frozen=True)
class PosterInfo:
    """A poster as the site links it: file stem, title, and text alternative (Dutch)."""

    name: str
    title: str
    alt: str
    kind: str
    theme: str | None = None
    thumbnail_size: tuple[int, int] = (0, 0)  # pixels of `<name>-klein.png`


@dataclass(frozen=True)
class PosterFile:
    """A rendered poster: where each format went, and which were made fresh (not cached)."""

    name: str
    title: str
    alt_text: str
    paths: Mapping[str, Path]
    thumbnail: Path | None = None
    fresh: tuple[str, ...] = ()
    seconds: Mapping[str, float] = field(default_factory=dict)


def poster_list(model: Datavisie, *, posters_dir: Path | None = None) -> list[PosterInfo]:
    defs = _checked_definitions(posters_dir)
    return [PosterInfo(j.name, job_title(j), alt_text(model, j), j.defn.kind,
                       j.theme.id if j.theme else None, thumbnail_size(j.defn.size))
            for j in jobs_for(model, defs)]


def check_fit(model: Datavisie, style: Style, *, posters_dir: Path | None = None,
              cache_dir: Path | None = None, cards: bool = False,
              digests: Digests | None = None) -> list[Issue]:
    """Every issue a poster build would raise short of rendering: the definitions, the
    templates, the content's fit, and (`cards`: the site makes social cards) the card's
    definition."""
    manifest = Kept(cache_dir, FIT)
    key = _posters_key(model, style, posters_dir, "check_fit", f"cards={cards}",
                       renderer=False, digests=digests) if cache_dir else ""
    if cache_dir is not None and manifest.get(key) == "past":
        return []  # these very inputs fitted before
    defs, issues = _definitions(posters_dir)
    if cards and not issues and not any(d.kind == "kaart" for d in defs):
        issues.append(no_card_definition())
    for job in jobs_for(model, defs):
        try:
            issues += compose(model, style, job, posters_dir=posters_dir, embed=False)[1]
        except ContentError as exc:  # a template that fails (once per template, not per job)
            seen = {(i.path, i.line, i.code) for i in issues}
            issues += [i for i in exc.issues if (i.path, i.line, i.code) not in seen]
    if not issues:
        manifest.put(key, "past")
        manifest.save()
    return sort_issues(issues)


def _posters_key(model: Datavisie, style: Style, posters_dir: Path | None, *what: str,
                 renderer: bool = True, digests: Digests | None = None) -> str:
    """Key of everything a poster is made of (see memo.py); the whole model counts, its digest
    made once per build that passes its `digests`."""
    context = context_key(style, posters_dir or DEFAULT_DIR, _font_paths(style), _epoch(model),
                          renderer=renderer)
    return poster_key(context, (digests or Digests()).of(model), *what)


def render_svgs(model: Datavisie, style: Style, *, posters_dir: Path | None = None,
                embed: bool = True) -> dict[str, str]:
    defs = _checked_definitions(posters_dir)
    out, issues = {}, []
    for job in jobs_for(model, defs):
        svg, found = compose(model, style, job, posters_dir=posters_dir, embed=embed)
        out[job.name] = svg
        issues += found
    raise_for_errors(issues)  # warnings are check_fit's to report
    return out


def render_all(model: Datavisie, style: Style, *, out_dir: Path,
               formats: Sequence[str] = FORMATS, dpi: int = 150, cache_dir: Path | None = None,
               thumbnails: bool = True, posters_dir: Path | None = None,
               digests: Digests | None = None) -> list[PosterFile]:
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown poster formats: {unknown}")
    started = time.perf_counter()
    defs = _checked_definitions(posters_dir)
    jobs = {j.name: j for j in jobs_for(model, defs)}
    wanted = [f for f in ("png", "pdf", "drukwerk") if f in formats] + \
        (["thumb"] if thumbnails else [])
    manifest = Kept(cache_dir, RENDERED)
    key = _posters_key(model, style, posters_dir, "render_all", ",".join(formats), str(dpi),
                       str(thumbnails), digests=digests) if cache_dir else ""
    made = _from_manifest(manifest.get(key), cache_dir, list(jobs), wanted, "svg" in formats)
    if made is not None:  # nothing changed since these posters were made: copy them out
        svgs = {name: made[(name, "svg")].decode("utf-8") for name in jobs} \
            if "svg" in formats else {}
        return _write_posters(model, jobs, svgs, made, {}, {name: {} for name in jobs},
                              out_dir=out_dir, formats=formats, wanted=wanted,
                              thumbnails=thumbnails)
    # Rasterise the SVG without font subsets (same pixels: the workers use the font files);
    # the published SVG gets its subsets from the cache, so a warm build subsets nothing.
    bare = render_svgs(model, style, posters_dir=posters_dir, embed=False)
    fonts = _font_paths(style)
    epoch = _epoch(model)
    keys: dict[str, dict[str, str]] = {name: {} for name in bare}
    pending: dict[tuple[str, str], tuple[Future[tuple[bytes, float]], str]] = {}
    results: dict[tuple[str, str], bytes] = {}
    rasteriser = None
    for name, svg in bare.items():
        data = svg.encode("utf-8")
        for fmt in wanted:
            task = _task(model, style, jobs[name], svg, fmt, dpi)
            keys[name][fmt] = raster_key = cache_key(task, fonts, epoch)
            cached = cache_get(cache_dir, raster_key, _ext(fmt))
            if cached is not None:
                results[(name, fmt)] = cached
                continue
            rasteriser = rasteriser or shared_rasteriser(fonts, epoch=epoch)
            pending[(name, fmt)] = (rasteriser.submit(task), raster_key)
    # The published SVG's font subsets are made while the workers rasterise (above).
    svgs = {}
    for name, svg in bare.items():
        if "svg" in formats:
            svgs[name], keys[name]["svg"] = _published_svg(svg, style, fonts, cache_dir)
        else:
            svgs[name] = svg
    compose_s = time.perf_counter() - started
    seconds: dict[str, dict[str, float]] = {n: {"svg": compose_s / max(len(svgs), 1)}
                                            for n in svgs}
    for (name, fmt), (future, raster_key) in pending.items():
        data, seconds[name][fmt] = future.result()
        cache_put(cache_dir, raster_key, _ext(fmt), data)
        results[(name, fmt)] = data
    manifest.put(key, keys)
    manifest.save()
    return _write_posters(model, jobs, svgs, results, pending, seconds, out_dir=out_dir,
                          formats=formats, wanted=wanted, thumbnails=thumbnails)


def _from_manifest(entry: object, cache_dir: Path | None, names: Sequence[str],
                   wanted: Sequence[str], svg: bool) -> dict[tuple[str, str], bytes] | None:
    """The cached outputs an earlier build made of the same inputs; None if any is gone."""
    if cache_dir is None or not isinstance(entry, dict) or set(entry) != set(names):
        return None
    found: dict[tuple[str, str], bytes] = {}
    for name in names:
        keys = entry[name]
        for fmt in [*wanted, *(["svg"] if svg else [])]:
            data = cache_get(cache_dir, str(keys.get(fmt)), _ext(fmt)) \
                if isinstance(keys, dict) and fmt in keys else None
            if data is None:
                return None
            found[(name, fmt)] = data
    return found


def _write_posters(model: Datavisie, jobs: Mapping[str, Job], svgs: Mapping[str, str],
                   results: Mapping[tuple[str, str], bytes], pending: Mapping[tuple[str, str],
                                                                               object],
                   seconds: Mapping[str, Mapping[str, float]], *, out_dir: Path,
                   formats: Sequence[str], wanted: Sequence[str],
                   thumbnails: bool) -> list[PosterFile]:
    out = []
    for name in jobs:
        paths = {}
        if "svg" in formats:
            paths["svg"] = out_dir / f"{name}.svg"
            write_atomic(paths["svg"], svgs[name].encode("utf-8"))
        for fmt in ("png", "pdf", "drukwerk"):
            if fmt in formats:
                paths[fmt] = out_dir / (f"{name}-drukwerk.pdf" if fmt == "drukwerk"
                                        else f"{name}.{fmt}")
                write_atomic(paths[fmt], results[(name, fmt)])
        thumb = None
        if thumbnails:
            thumb = out_dir / f"{name}-klein.png"
            write_atomic(thumb, results[(name, "thumb")])
        job = jobs[name]
        fresh = tuple(f for f in wanted if (name, f) in pending)
        out.append(PosterFile(name, job_title(job), alt_text(model, job), paths, thumb, fresh,
                              seconds[name]))
        log.debug("poster %s: %s", name, ", ".join(f"{k} {v:.2f}s" for k, v in
                                                   seconds[name].items()))
    return out


def _ext(fmt: str) -> str:
    return {"thumb": "thumb.png", "drukwerk": "drukwerk.pdf"}.get(fmt, fmt)


def _task(model: Datavisie, style: Style, job: Job, svg: str, fmt: str, dpi: int) -> Task:
    """The conversion of one poster to `fmt`; PDFs carry the poster's title, description
    and publisher (pdfmeta.py); `drukwerk` is the PDF of the print sheet (printing.py)."""
    if fmt not in ("pdf", "drukwerk"):
        return Task(svg.encode("utf-8"), fmt, dpi)
    meta = (("Title", f"{job_title(job)} ({model.organisatie.naam})"),
            ("Subject", alt_text(model, job)), ("Author", model.organisatie.naam))
    if fmt == "pdf":
        return Task(svg.encode("utf-8"), "pdf", dpi, meta)
    sheet = print_svg(svg, slug=f"{job_title(job)} · {job.defn.paper} · {BLEED_MM:g} mm "
                      f"afloop · {model.organisatie.naam}", family=face_family(
                          style.fonts.text.face(400).path))
    return Task(sheet.encode("utf-8"), "pdf", dpi, meta, (MARGIN_MM, BLEED_MM))


def _published_svg(bare: str, style: Style, fonts: Sequence[Path],
                   cache_dir: Path | None) -> tuple[str, str]:
    """The self-contained SVG (font subsets inside) of `bare`, cached by content; and its
    cache key."""
    key = cache_key(Task(bare.encode("utf-8"), "svg", 0), fonts, 0)
    cached = cache_get(cache_dir, key, "svg")
    if cached is not None:
        return cached.decode("utf-8"), key
    svg = embed_svg(bare, style)
    cache_put(cache_dir, key, "svg", svg.encode("utf-8"))
    return svg, key
