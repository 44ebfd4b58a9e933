"""Content cannot make the build read a file outside the project or fetch an address: symlinks
out of content/, ids and references with `..`, poster templates and house-style files named
outside their folders, Markdown images pointing at project files, and references inside
poster SVG are each refused with a clear error (or, for the renderer, never followed)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sitekit import (
    bouw,
    make_project,
    output_files,
    read_markdown,
    read_yaml,
    write_markdown,
    write_yaml,
)

slow = pytest.mark.slow
SECRET = "GEHEIM-BUITEN-DE-MAP-4711"


def _outside(project: Path) -> Path:
    secret = project.parent / "buiten"
    secret.mkdir(exist_ok=True)
    (secret / "geheim.md").write_text(f"---\ntitel: {SECRET}\n---\n\n{SECRET}\n", encoding="utf-8")
    (secret / "geheim.yml").write_text(f"naam: {SECRET}\n", encoding="utf-8")
    return secret


def _link_file(p: Path) -> None:
    os.symlink(_outside(p) / "geheim.md", p / "content/paginas/geheim.md")


def _link_folder(p: Path) -> None:
    os.symlink(_outside(p), p / "content/projecten/extern")


def _reference(p: Path) -> None:
    path = p / "content/projecten/wmo-monitor.yml"
    data = read_yaml(path)
    data["themas"] = ["../../buiten/geheim"]
    write_yaml(path, data)


def _dotted_id(p: Path) -> None:
    (p / "content/projecten/..geheim.yml").write_text(
        (p / "content/projecten/wmo-monitor.yml").read_text(encoding="utf-8"), encoding="utf-8")


def _template(p: Path) -> None:
    text = (p / "mkdocs.yml").read_text(encoding="utf-8").replace("      posters: false\n", "")
    (p / "mkdocs.yml").write_text(text, encoding="utf-8")
    path = p / "posters/visie.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "sjabloon: visie.svg.j2", "sjabloon: ../buiten/geheim.yml"), encoding="utf-8")


def _logo(p: Path) -> None:
    _outside(p)
    path = p / "theme/huisstijl.yml"
    text = path.read_text(encoding="utf-8")
    assert "  volledig: logo.svg\n" in text
    path.write_text(text.replace("  volledig: logo.svg\n",
                                 "  volledig: ../../buiten/geheim.md\n"), encoding="utf-8")


def _image(target: str) -> Callable[[Path], None]:
    def apply(p: Path) -> None:
        _outside(p)
        page = p / "content/paginas/over.md"
        meta, body = read_markdown(page)
        write_markdown(page, meta, body + f"\n![kaart]({target})\n")
    return apply


CASES: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "symlink to a file outside": (_link_file, "DV021", "content/paginas/geheim.md"),
    "symlink to a folder outside": (_link_folder, "DV021", "content/projecten/extern"),
    "reference with ..": (_reference, "DV", "content/projecten/wmo-monitor.yml"),
    "file name with ..": (_dotted_id, "DV02", "content/projecten/..geheim.yml"),
    "poster template outside posters/": (_template, "DP004", "posters/visie.yml"),
    "house-style file outside theme/": (_logo, "DS005", "theme/huisstijl.yml"),
    "Markdown image of a project file": (_image("../../mkdocs.yml"), "buiten de site",
                                         "over/index.html"),
    "Markdown image outside the project": (_image("../../../buiten/geheim.md"), "buiten de site",
                                           "over/index.html"),
    "Markdown image by absolute path": (_image("/etc/hostname"), "bestaat niet",
                                        "over/index.html"),
}


@slow
@pytest.mark.parametrize("case", sorted(CASES))
def test_content_cannot_make_the_build_read_outside(tmp_path: Path, case: str) -> None:
    change, code, where = CASES[case]
    project = make_project(tmp_path / "project", posters=False, cards=False)
    change(project)
    site = tmp_path / "site"
    result = bouw(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert code in output and where in output, output[-3000:]
    assert "Traceback" not in output and SECRET not in output
    assert not site.exists()


@slow
def test_images_in_content_are_never_copied_from_disk(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Even with the link check out of the way, a Markdown image copies nothing: the plugin
    publishes generated files only."""
    from build_tools.build import site as sitebuild
    from build_tools.gate import rules as gate

    project = make_project(tmp_path / "project", posters=False, cards=False)
    _image("../../../buiten/geheim.md")(project)
    _image("../../mkdocs.yml")(project)
    monkeypatch.setattr(gate, "check_site", lambda *a, **k: [])
    assert sitebuild.build(project, out=str(tmp_path / "site"), strict=False) == 0
    for path in output_files(tmp_path / "site"):
        data = path.read_bytes()
        assert SECRET.encode() not in data and b"site_name:" not in data, path


def _png(svg: str) -> bytes:
    from build_tools.views.posters.raster import Task, convert

    return convert(Task(svg.encode(), "png", 20))


def _pixels(png: bytes) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return im.convert("RGBA").tobytes()


@slow
def test_the_poster_renderer_follows_no_reference(tmp_path: Path) -> None:
    """CairoSVG runs with unsafe=False and a fetcher that serves inline data only: images,
    <use>, stylesheets and fonts named by path or address draw nothing."""
    from build_tools.views.posters import raster

    secret = tmp_path / "geheim.png"
    from PIL import Image

    Image.new("RGB", (10, 10), "red").save(secret)
    head = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            'width="40" height="40"><rect width="40" height="40" fill="white"/>')
    refs = (f'<image href="file://{secret}" width="40" height="40"/>'
            f'<image xlink:href="{secret}" width="40" height="40"/>'
            '<image href="https://example.invalid/x.png" width="40" height="40"/>'
            f'<use href="file://{tmp_path}/x.svg#a"/>'
            "<style>@import url(https://example.invalid/x.css);</style>"
            '<text x="0" y="20" style="font-family:url(https://example.invalid/f)">.</text>')
    assert _pixels(_png(head + refs + "</svg>")) == _pixels(
        _png(head + '<text x="0" y="20">.</text></svg>'))
    assert all(not url.startswith("data:") for url in raster.FETCHED)
    assert raster.refuse_fetch(f"file://{secret}", "image") == raster.EMPTY_SVG
