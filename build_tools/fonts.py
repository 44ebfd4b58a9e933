"""Font files of the house style: what a TTF/OTF says about itself, and its WOFF2 for the web.

The TTF/OTF under `theme/fonts/` is the one source: posters use it directly (cairo), the
site gets a WOFF2 made from it. The theme ships that WOFF2 next to its source, named after the
source's content hash (`OpenSans-Regular.<hash>.woff2`, written by `datavisie lettertypen`),
so a replaced TTF never meets a stale WOFF2 and every machine publishes the same bytes. A face
without one is converted at build time (about a second per face with Brotli at its best
setting) and kept in a content-addressed cache (in memory, and on disk when asked).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from .cachekeys import file_sha256
from .publish import write_atomic

WEIGHTS: dict[str, int] = {
    "dun": 100,
    "extralicht": 200,
    "licht": 300,
    "normaal": 400,
    "medium": 500,
    "halfvet": 600,
    "vet": 700,
    "extravet": 800,
    "zwart": 900,
}
"""Dutch weight names used in huisstijl.yml; `<naam>-cursief` is the italic (`cursief` = 400)."""


def face_keys() -> list[str]:
    """Every key allowed under `bestanden:`, in weight order."""
    keys: list[str] = []
    for name in WEIGHTS:
        keys += [name, "cursief" if name == "normaal" else f"{name}-cursief"]
    return keys


def parse_face_key(key: str) -> tuple[int, bool] | None:
    """`vet-cursief` -> (700, True); `cursief` -> (400, True); unknown -> None."""
    if key == "cursief":
        return 400, True
    name, italic = (key[: -len("-cursief")], True) if key.endswith("-cursief") else (key, False)
    return (WEIGHTS[name], italic) if name in WEIGHTS else None


def face_key(weight: int, italic: bool) -> str:
    name = next(n for n, w in WEIGHTS.items() if w == weight)
    if italic:
        return "cursief" if name == "normaal" else f"{name}-cursief"
    return name


@dataclass(frozen=True)
class FontFace:
    """One font file: its family name, weight and style as the file itself declares them."""

    path: Path
    family: str
    weight: int
    italic: bool

    @property
    def key(self) -> str:
        return face_key(self.weight, self.italic) if self.weight in WEIGHTS.values() else ""


def inspect_font(path: Path) -> FontFace:
    """Read family, weight and italic flag from a TTF/OTF; raises ValueError if unreadable."""
    from fontTools.ttLib import TTFont, TTLibError  # imported when a font is read, not before

    try:
        with TTFont(path, lazy=True) as font:
            family = font["name"].getBestFamilyName()
            os2 = font["OS/2"]
            weight = int(os2.usWeightClass)
            italic = bool(os2.fsSelection & 1) or bool(font["head"].macStyle & 2)
    except (TTLibError, KeyError, OSError, AssertionError) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from exc
    if not family:
        raise ValueError("geen familienaam in het bestand")
    return FontFace(path, family, weight, italic)


def woff2_bytes(data: bytes) -> bytes:
    """TTF/OTF bytes -> WOFF2 bytes, identical for identical input (no timestamps touched)."""
    from fontTools.ttLib import TTFont

    with TTFont(io.BytesIO(data), recalcTimestamp=False) as font:
        font.flavor = "woff2"
        out = io.BytesIO()
        font.save(out)
    return out.getvalue()


def _cache_key(data: bytes) -> str:
    import fontTools

    digest = hashlib.sha256(data)
    digest.update(fontTools.version.encode())
    return digest.hexdigest()


_MEMO: dict[str, bytes] = {}


def shipped_woff2(path: Path) -> Path:
    """Where the theme keeps the WOFF2 of the font at `path` (which may not exist yet)."""
    return path.with_name(f"{path.stem}.{file_sha256(path).hex()[:16]}.woff2")


def write_shipped_woff2(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Write the WOFF2 of each font next to it; remove WOFF2 files made from an earlier
    version of the same font. Returns (written, removed)."""
    written, removed = [], []
    for path in paths:
        target = shipped_woff2(path)
        for old in sorted(path.parent.glob(f"{path.stem}.*.woff2")):
            if old != target and len(old.name) == len(target.name):
                old.unlink()
                removed.append(old)
        if not target.is_file():
            write_atomic(target, woff2_bytes(path.read_bytes()))
            written.append(target)
    return written, removed


def woff2_cached(path: Path, *, cache_dir: Path | None = None) -> bytes:
    """WOFF2 of the font at `path`: the theme's own, else an earlier conversion of the same
    bytes, else a new one."""
    shipped = shipped_woff2(path)
    if shipped.is_file():
        return shipped.read_bytes()
    data = path.read_bytes()
    key = _cache_key(data)
    cached = cache_dir / f"{key}.woff2" if cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    result = _MEMO.get(key)
    if result is None:
        result = _MEMO[key] = woff2_bytes(data)
    if cached is not None:
        write_atomic(cached, result)
    return result
