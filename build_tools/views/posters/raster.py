"""The edge where SVG becomes pixels and paper: PNG and PDF through CairoSVG, thumbnails with
Pillow, in worker processes whose fontconfig sees only the theme's font files.

Why workers: fontconfig reads its configuration once per process, and cairo picks fonts
through it. A fresh (spawned) worker with FONTCONFIG_FILE pointing at a generated fonts.conf
that lists only the bundled files renders the same letters on every machine, and lets
independent posters render in parallel. Nothing is fetched: `unsafe=False` and a URL
fetcher that refuses everything but inline data.
"""

from __future__ import annotations

import atexit
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from build_tools.build.cache import file_sha256, raster_key
from build_tools.build.publish import clean_stale, locked_dir, remove, write_atomic
from build_tools.views.posters.textfit import face_family

if TYPE_CHECKING:  # the pool is imported when something is rasterised, not by a warm build
    from concurrent.futures import Future

THUMB_WIDTH = 600
FONTS_PREFIX = "datavisie-fonts-"  # the workers' fontconfig folder in the temporary folder
EMPTY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>'


def fonts_conf(fonts: Iterable[Path], cache_dir: Path) -> str:
    """A fontconfig configuration that knows only `fonts`, each under its own family name
    (see `textfit.face_family`), so the SVG's family names select exact files."""
    paths = sorted({p.resolve() for p in fonts})
    lines = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
             "<fontconfig>"]
    lines += [f"  <dir>{escape(str(d))}</dir>" for d in sorted({p.parent for p in paths})]
    lines.append(f"  <cachedir>{escape(str(cache_dir))}</cachedir>")
    for p in paths:
        lines.append(
            f'  <match target="scan"><test name="file"><string>{escape(str(p))}</string></test>'
            f'<edit name="family" mode="assign_replace"><string>{escape(face_family(p))}'
            "</string></edit></match>")
    # Files next to the bundled ones that the house style does not list stay invisible.
    lines.append("  <selectfont><rejectfont>")
    lines += [f"    <glob>{escape(str(d))}/*</glob>" for d in sorted({p.parent for p in paths})]
    lines.append("  </rejectfont><acceptfont>")
    lines += [f"    <glob>{escape(str(p))}</glob>" for p in paths]
    lines += ["  </acceptfont></selectfont>", "</fontconfig>", ""]
    return "\n".join(lines)


# --- in the worker ------------------------------------------------------------------------

FETCHED: list[str] = []  # URLs the renderer asked for in this process (tests read it)


def refuse_fetch(url: str, resource_type: str) -> bytes:
    """CairoSVG URL fetcher: inline data only; any file or web address yields nothing."""
    FETCHED.append(url)
    if url.startswith("data:"):
        from cairosvg.url import fetch

        data: bytes = fetch(url, resource_type)
        return data
    return EMPTY_SVG


def _init_worker(conf_path: str, epoch: str) -> None:
    os.environ["FONTCONFIG_FILE"] = conf_path
    os.environ["SOURCE_DATE_EPOCH"] = epoch


def _surface_classes(epoch: int) -> tuple[Any, Any]:
    """CairoSVG's PNG surface, and its PDF surface with a fixed date: cairo stamps PDFs with
    the clock; the content's date keeps the output reproducible. (Text is set unhinted, as
    wide as the layout measured it, by `text-rendering="geometricPrecision"` in the SVG.)"""
    import cairocffi
    from cairosvg import surface as cairosvg_surface
    from cairosvg.surface import PDFSurface, PNGSurface

    # CairoSVG maps geometricPrecision to ANTIALIAS_BEST, which cairo 1.16 draws as broken
    # glyphs; grey antialiasing keeps the unhinted, exactly measured text (our workers only).
    cairosvg_surface.TEXT_ANTIALIAS["geometricPrecision"] = cairocffi.ANTIALIAS_GRAY
    stamp = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    class DatedPDFSurface(PDFSurface):  # type: ignore[misc]
        def _create_surface(self, width: float, height: float) -> Any:
            surface, w, h = super()._create_surface(width, height)
            surface.set_metadata(cairocffi.PDF_METADATA_CREATE_DATE, stamp)
            surface.set_metadata(cairocffi.PDF_METADATA_MOD_DATE, stamp)
            surface.set_metadata(cairocffi.PDF_METADATA_CREATOR, "datavisie")
            return surface, w, h

    return PNGSurface, DatedPDFSurface


@dataclass(frozen=True)
class Task:
    """One conversion: SVG bytes to `fmt` (png, pdf or thumb) at `dpi`. A PDF gets `meta`
    (title, subject, author: pdfmeta.py) and, for print, `print_box` (margin, bleed in mm)."""

    svg: bytes
    fmt: str
    dpi: int
    meta: tuple[tuple[str, str], ...] = ()
    print_box: tuple[float, float] | None = None


def convert(task: Task) -> bytes:
    """Run in a worker: SVG -> PNG/PDF/thumbnail bytes (never fetches anything)."""
    png_surface, pdf_surface = _surface_classes(int(os.environ.get("SOURCE_DATE_EPOCH") or 0))
    opts: dict[str, Any] = {"bytestring": task.svg, "unsafe": False, "url_fetcher": refuse_fetch}
    out = io.BytesIO()
    if task.fmt == "png":
        png_surface.convert(write_to=out, dpi=task.dpi, **opts)
    elif task.fmt == "pdf":
        from build_tools.views.posters.pdfmeta import finish_pdf

        pdf_surface.convert(write_to=out, dpi=72, **opts)
        return finish_pdf(out.getvalue(), meta=dict(task.meta), print_box=task.print_box)
    elif task.fmt == "thumb":
        png_surface.convert(write_to=out, output_width=THUMB_WIDTH * 2, **opts)
        return thumbnail(out.getvalue())
    else:
        raise ValueError(f"unknown format {task.fmt!r}")
    return out.getvalue()


def timed_convert(task: Task) -> tuple[bytes, float]:
    """`convert` plus the seconds it took in the worker (for build reports)."""
    import time

    start = time.perf_counter()
    data = convert(task)
    return data, time.perf_counter() - start


def thumbnail_size(size: tuple[float, float]) -> tuple[int, int]:
    """The pixel size `convert` gives a thumbnail of a poster of `size` (width, height in any
    unit): rendered at twice the width, then scaled down as `thumbnail` does. The site writes
    it into `<img width height>` so that the page does not move when the image arrives."""
    width, height = size
    rendered = round(THUMB_WIDTH * 2 * height / width)
    return THUMB_WIDTH, round(rendered * THUMB_WIDTH / (THUMB_WIDTH * 2))


def thumbnail(png: bytes, width: int = THUMB_WIDTH) -> bytes:
    """A smaller PNG for lists on the site (Pillow, Lanczos; no timestamps, so stable)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as source:
        im = source.convert("RGB")
        height = round(im.height * width / im.width)
        small = im.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- in the parent ------------------------------------------------------------------------


class Rasteriser:
    """Spawned workers whose fontconfig knows only the given font files.

    PDFs render in their own worker: once cairo has drawn a font for a PDF, it rasterises
    that font slightly differently in the same process, and PNGs must not depend on which
    poster happened to be drawn before them."""

    def __init__(self, fonts: Sequence[Path], *, workers: int = 2, epoch: int = 0):
        self.fonts = tuple(sorted({p.resolve() for p in fonts}))
        # locked while in use; what a killed build left is removed here (publish.py)
        temp = Path(tempfile.gettempdir())
        clean_stale(temp, (FONTS_PREFIX,))
        self._dir = locked_dir(temp, FONTS_PREFIX)
        conf = self._dir / "fonts.conf"
        conf.write_text(fonts_conf(self.fonts, self._dir / "cache"), encoding="utf-8")

        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        def pool(n: int) -> ProcessPoolExecutor:
            return ProcessPoolExecutor(
                max_workers=n, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker, initargs=(str(conf), str(epoch)))

        self._raster = pool(workers)
        self._vector = pool(1)
        self.calls = 0

    def submit(self, task: Task) -> Future[tuple[bytes, float]]:
        self.calls += 1
        pool = self._vector if task.fmt == "pdf" else self._raster
        return pool.submit(timed_convert, task)

    def close(self) -> None:
        for pool in (self._raster, self._vector):
            pool.shutdown(wait=True, cancel_futures=True)
        remove(self._dir)

    def __enter__(self) -> Rasteriser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SHARED: dict[tuple[tuple[Path, ...], int], Rasteriser] = {}


def shared_rasteriser(fonts: Sequence[Path], *, epoch: int = 0) -> Rasteriser:
    """One long-lived pool per font set and date, closed when the process exits (so a site
    build that asks for many social cards starts workers once)."""
    key = (tuple(sorted({p.resolve() for p in fonts})), epoch)
    found = _SHARED.get(key)
    if found is None:
        found = _SHARED[key] = Rasteriser(fonts, epoch=epoch)
    return found


@atexit.register
def _close_shared() -> None:
    for r in _SHARED.values():
        r.close()
    _SHARED.clear()


# --- cache --------------------------------------------------------------------------------


def cache_key(task: Task, fonts: Sequence[Path], epoch: int) -> str:
    """Content hash of everything that decides the output bytes (build/cache.py)."""
    return raster_key(task.svg, task.fmt, task.dpi, epoch, (task.meta, task.print_box),
                      [file_sha256(p) for p in sorted(fonts)])


def cache_get(cache_dir: Path | None, key: str, ext: str) -> bytes | None:
    if cache_dir is None:
        return None
    path = cache_dir / f"{key}.{ext}"
    return path.read_bytes() if path.is_file() else None


def cache_put(cache_dir: Path | None, key: str, ext: str, data: bytes) -> None:
    if cache_dir is not None:
        write_atomic(cache_dir / f"{key}.{ext}", data)
