"""Font files of the house style: what a TTF/OTF says about itself, and its WOFF2 for the web.

The TTF/OTF under `theme/fonts/` is the one source: posters use it directly (cairo), the
site gets a WOFF2 made from it. The theme ships that WOFF2 next to its source, named after the
source's content hash (`OpenSans-Regular.<hash>.woff2`, written by `datavisie lettertypen`),
so a replaced TTF never meets a stale WOFF2 and every machine publishes the same bytes. A face
without one is converted at build time (about a second per face with Brotli at its best
setting) and kept in a content-addressed cache (in memory, and on disk when asked).
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from pathlib import Path

from build_tools.build.cache import file_sha256, woff2_key
from build_tools.build.publish import write_atomic

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
    """Read family, weight and italic flag from a TTF/OTF; raises ValueError if unreadable.

    A plain TTF/OTF is read directly (three small tables; importing fontTools and its `name`
    table is most of a cold `datavisie check`'s house-style time); anything else (WOFF, a
    collection, a name in an unusual encoding, a damaged table) goes to fontTools, which says
    what is wrong. Both give the same answer (tests/unit/housestyle/test_style.py)."""
    try:
        found = _read_sfnt(path.read_bytes())
    except OSError as exc:
        raise ValueError(str(exc) or type(exc).__name__) from exc
    except struct.error:  # a table shorter than it says: fontTools names the damage
        found = None
    if found is not None:
        family, weight, italic = found
        return FontFace(path, family, weight, italic)
    return _inspect_with_fonttools(path)


_SFNT = (b"\x00\x01\x00\x00", b"OTTO", b"true")
_FAMILY_IDS = (21, 16, 1)  # WWS family, typographic family, family: fontTools' best family


def _read_sfnt(data: bytes) -> tuple[str, int, bool] | None:
    """(family, weight, italic) of a plain TTF/OTF the way fontTools reads them
    (`getBestFamilyName`, `OS/2.usWeightClass`, `fsSelection` bit 0 or `head.macStyle` bit
    1), or None for anything this does not handle with certainty."""
    if data[:4] not in _SFNT or len(data) < 12:
        return None
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        at = 12 + 16 * i
        if at + 16 > len(data):
            return None
        tag, _, offset, length = struct.unpack_from(">4sIII", data, at)
        if offset + length > len(data):
            return None
        tables[tag] = (offset, length)
    if not {b"name", b"OS/2", b"head"} <= tables.keys():
        return None
    os2, os2_length = tables[b"OS/2"]
    head, head_length = tables[b"head"]
    if os2_length < 64 or head_length < 46:
        return None
    (weight,) = struct.unpack_from(">H", data, os2 + 4)
    (selection,) = struct.unpack_from(">H", data, os2 + 62)
    (mac_style,) = struct.unpack_from(">H", data, head + 44)
    family = _best_family(data, *tables[b"name"])
    if family is None:
        return None
    return family, weight, bool(selection & 1) or bool(mac_style & 2)


def _best_family(data: bytes, offset: int, length: int) -> str | None:
    if length < 6:
        return None
    _, count, strings = struct.unpack_from(">HHH", data, offset)
    records = []
    for i in range(count):
        at = offset + 6 + 12 * i
        if at + 12 > offset + length:
            return None
        records.append(struct.unpack_from(">HHHHHH", data, at))
    for name_id in _FAMILY_IDS:
        english = some = None
        for platform, encoding, language, nid, size, start in records:
            if nid != name_id:
                continue
            if platform == 0 or (platform == 3 and encoding in (0, 1, 10)):
                codec = "utf-16-be"
            elif platform == 1 and encoding == 0:
                codec = "mac-roman"
            else:
                return None  # an encoding fontTools knows more about
            raw = data[offset + strings + start: offset + strings + start + size]
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            some = text
            if (platform, language) in ((1, 0), (3, 0x409)):
                english = text
                break
        if english or some:
            return english or some
    return None


def _inspect_with_fonttools(path: Path) -> FontFace:
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
    key = woff2_key(data)
    cached = cache_dir / f"{key}.woff2" if cache_dir else None
    if cached is not None and cached.is_file():
        return cached.read_bytes()
    result = _MEMO.get(key)
    if result is None:
        result = _MEMO[key] = woff2_bytes(data)
    if cached is not None:
        write_atomic(cached, result)
    return result
