"""The same content builds the same bytes: two builds in different folders, at different
times, in different time zones and locales, each with an empty poster cache, produce
byte-identical sites (pages, sitemap and its gzip, search index, feeds, downloads, posters as
SVG, PNG and PDF, social cards)."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from sitekit import bouw, make_project, output_files

slow = pytest.mark.slow


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in output_files(site)}


@slow
def test_two_builds_of_the_same_content_are_byte_identical(tmp_path: Path) -> None:
    first = make_project(tmp_path / "a" / "project", cache=tmp_path / "a" / "cache")
    second = make_project(tmp_path / "elders" / "diep" / "kopie",
                          cache=tmp_path / "elders" / "cache")
    one = bouw(first, tmp_path / "a" / "site")
    assert one.returncode == 0, one.stderr
    time.sleep(1.1)  # a clock anywhere in the output would now differ
    two = bouw(second, tmp_path / "elders" / "uit" / "site",
               env={"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
    assert two.returncode == 0, two.stderr
    a, b = _tree(tmp_path / "a" / "site"), _tree(tmp_path / "elders" / "uit" / "site")
    assert a.keys() == b.keys()
    kinds = {Path(name).suffix for name in a}
    assert {".html", ".xml", ".gz", ".json", ".csv", ".ics", ".svg", ".png", ".pdf"} <= kinds
    assert sorted(name for name in a if a[name] != b[name]) == []


@slow
def test_dates_in_the_output_come_from_the_content(tmp_path: Path) -> None:
    """Nothing carries the day of the build: sitemap dates, the gzip header, PDF dates."""
    from build_tools.content.load import load

    project = make_project(tmp_path / "project", posters=True, cards=False,
                           cache=tmp_path / "cache")
    result = bouw(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    stand = load(project).stand
    assert stand is not None
    today = time.strftime("%Y-%m-%d", time.gmtime())
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert stand.isoformat() in sitemap
    if stand.isoformat() != today:
        assert today not in sitemap
    import re

    header = (site / "sitemap.xml.gz").read_bytes()[:10]
    mtime = int.from_bytes(header[4:8], "little")
    newest = max(re.findall(r"<lastmod>([0-9-]+)</lastmod>", sitemap))
    assert time.strftime("%Y-%m-%d", time.gmtime(mtime)) == newest
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode() == sitemap
    pdf = (site / "posters/visie.pdf").read_bytes()
    assert today.replace("-", "").encode() not in pdf or stand.isoformat() == today
