"""`datavisie nieuw gemeente`: a complete project for a new municipality that passes `datavisie
check` and builds at once, where every placeholder is a warning (W006) saying what to fill
in, whose house style meets the contrast rules for any brand colour, and which carries nothing
of the example municipality."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit import BIN, REPO, output_files, readable

from build_tools.cli.main import main
from build_tools.content.load import load_checked
from build_tools.errors import ContentError, UserError
from build_tools.housestyle.colour import contrast_ratio
from build_tools.housestyle.css import check_contrast, load_style
from build_tools.staff.municipality import create, short_name
from build_tools.staff.municipality.files import MKDOCS_YML
from build_tools.staff.municipality.housestyle import huisstijl_yml, palette

EXAMPLE = ("den helder", "helder", "datavisie.example.nl", "gemeente-den-helder")
TODAY = date(2026, 3, 2)


def _traces(folder: Path) -> list[str]:
    return [f"{p.relative_to(folder)}: {w}" for p in output_files(folder)
            for text in [readable(p).lower()] for w in EXAMPLE if w in text]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    create(tmp_path / "zeedorp", "Gemeente Zeedorp", today=TODAY)
    return tmp_path / "zeedorp"


def test_the_new_project_checks_with_only_placeholders_to_fill(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--root", str(project), "check", "--format", "json"])
    found = yaml.safe_load(capsys.readouterr().out)
    assert code == 0
    assert found and {f["code"] for f in found} == {"W006"}
    for f in found:
        assert f["hint"].startswith(("schrijf hier ", "vul het echte ")), f
    where = {f["path"] for f in found}
    assert {"content/organisatie.yml", "content/visie.md", "content/versies.yml",
            "content/themas/ethiek.md", "content/paginas/contact.md"} <= where
    assert main(["--root", str(project), "check", "--strict"]) == 1
    capsys.readouterr()


def test_the_new_project_has_the_seed_structure(project: Path) -> None:
    model, _ = load_checked(project)
    assert model.organisatie.naam == "Gemeente Zeedorp"
    assert model.organisatie.korte_naam == "Zeedorp"
    assert [t.id for t in model.themas] == ["ethiek", "transparantie", "veiligheid-en-privacy",
                                            "datavaardigheid"]
    assert [f.id for f in model.routekaart.fasen] == ["visie", "fundament", "bouwen", "borgen"]
    assert model.routekaart.fasen[0].start.text == "2026-Q1"
    assert model.routekaart.mijlpalen == () and model.projecten == ()
    assert model.metingmodel is not None and len(model.metingmodel.dimensies) == 4
    assert model.metingmodel.bron and "VNG" in model.metingmodel.bron
    assert [p.id for p in model.paginas] == ["over", "privacy", "toegankelijkheid", "contact"]
    assert [v.status for v in model.versies] == ["concept"]
    for rel in (".github/workflows/publiceren.yml", ".github/workflows/controleren.yml",
                ".gitlab-ci.yml", "README.md", "CODEOWNERS", ".gitignore", "mkdocs.yml",
                "posters/visie.yml", "theme/fonts/OpenSans-Regular.ttf",
                "theme/fonts/LICENSE-Apache-2.0.txt", "content/projecten/.gitkeep"):
        assert (project / rel).is_file(), rel
    assert not (project / "publiccode.yml").exists()  # no repository address yet
    assert _traces(project) == []


def test_the_generated_configuration_is_the_repositorys() -> None:
    """One mkdocs.yml for every municipality: the new project's is this repository's."""
    assert yaml.safe_load(MKDOCS_YML) == yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def test_the_ci_files_are_valid_yaml_and_install_the_package(tmp_path: Path) -> None:
    create(tmp_path / "p", "Gemeente Zeedorp", today=TODAY,
           package="https://code.example.org/datavisie.git",
           repo="https://code.example.org/zeedorp/datavisie")
    for rel in (".github/workflows/publiceren.yml", ".github/workflows/controleren.yml",
                ".gitlab-ci.yml"):
        text = (tmp_path / "p" / rel).read_text(encoding="utf-8")
        assert yaml.safe_load(text)
        assert '"datavisie @ git+https://code.example.org/datavisie.git"' in text
        assert "datavisie check" in text and "datavisie bouw" in text
    assert "git+https://code.example.org/datavisie.git" in \
        (tmp_path / "p" / "README.md").read_text(encoding="utf-8")
    doc = yaml.safe_load((tmp_path / "p" / "publiccode.yml").read_text(encoding="utf-8"))
    assert doc["url"] == "https://code.example.org/zeedorp/datavisie"


def test_names_options_and_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert short_name("Gemeente Zeedorp") == "Zeedorp"
    assert short_name("gemeente  Súdwest-Fryslân") == "Súdwest-Fryslân"
    assert short_name("Waterschap Rijn") == "Waterschap Rijn"
    (tmp_path / "vol").mkdir()
    (tmp_path / "vol" / "iets.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="niet leeg"):
        create(tmp_path / "vol", "Gemeente X")
    with pytest.raises(UserError, match="geen kleur"):
        create(tmp_path / "a", "Gemeente X", colour="blauw")
    with pytest.raises(UserError, match="--site"):
        create(tmp_path / "b", "Gemeente X", site="datavisie.x.nl")
    code = main(["nieuw", "gemeente", "Gemeente Geel", "--uit", str(tmp_path / "geel"),
                 "--kleur", "#ffdd00", "--site", "https://data.geel.example.org/"])
    err = capsys.readouterr().err
    assert code == 0 and "te licht voor koppen op wit" in err and "--pakket" in err
    model, warnings = load_checked(tmp_path / "geel")
    assert model.organisatie.site_url == "https://data.geel.example.org/"
    assert not [w for w in warnings if w.path == "content/organisatie.yml" and w.line == 4]


def test_an_own_logo_is_used_and_checked(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20">'
                    '<rect width="100" height="20" fill="#123456"/></svg>', encoding="utf-8")
    create(tmp_path / "p", "Gemeente Zeedorp", logo=logo, today=TODAY)
    assert (tmp_path / "p" / "theme" / "logo.svg").read_text(encoding="utf-8") == \
        logo.read_text(encoding="utf-8")
    assert load_style(tmp_path / "p" / "theme", tmp_path / "p").logo.svg
    bad = tmp_path / "slecht.svg"
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
                   encoding="utf-8")
    create(tmp_path / "q", "Gemeente Zeedorp", logo=bad, today=TODAY)
    with pytest.raises(ContentError):  # the house-style check names the logo (DS009)
        load_style(tmp_path / "q" / "theme", tmp_path / "q")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 0xFFFFFF))
def test_any_brand_colour_gives_a_house_style_that_meets_contrast(rgb: int) -> None:
    colour = f"#{rgb:06x}"
    p = palette(colour)
    text = huisstijl_yml("Gemeente X", p, ["ethiek", "transparantie"])
    data = yaml.safe_load(text)
    flat = {f"{group}.{key}": value for group in ("kleuren", "donker")
            for key, value in data[group].items()}
    flat |= {f"status.{kind}.{k}": v for kind in ("mijlpalen", "projecten")
             for k, v in data["status"][kind].items()}
    flat |= {f"themas.{k}": v for k, v in data["themas"].items()}
    flat |= {f"themas_reserve.{i}": v for i, v in enumerate(data["themas_reserve"])}
    flat |= {f"reeksen.{k}": v for k, v in data["reeksen"].items()}
    assert check_contrast(flat) == []
    assert contrast_ratio(p.light["merk"], "#ffffff") >= 3
    if contrast_ratio(colour, "#ffffff") >= 3.1:
        assert p.light["merk"] == colour and not p.adjusted


# --- the build --------------------------------------------------------------------------------

def _bouw(root: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run([str(BIN / "datavisie"), "bouw", "--uit", str(out), *args],
                          cwd=root, capture_output=True, text=True, env=env, timeout=900)


@pytest.mark.slow
def test_the_new_project_builds_at_once_with_nothing_of_the_example(project: Path,
                                                                    tmp_path: Path) -> None:
    result = _bouw(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "W006 waarschuwing:" in result.stderr
    site = tmp_path / "site"
    assert "Datavisie Zeedorp" in (site / "index.html").read_text(encoding="utf-8")
    for poster in ("visie", "routekaart", "thema-ethiek"):
        assert (site / "posters" / f"{poster}.pdf").is_file()
    assert _traces(site) == []
    result = _bouw(project, tmp_path / "intern", "--doelgroep", "intern")
    assert result.returncode == 0, result.stderr
    maintenance = (tmp_path / "intern" / "meedoen" / "onderhoud" / "index.html").read_text(
        encoding="utf-8")
    assert "W006" in maintenance and "nog niet ingevuld" in maintenance
    assert _traces(tmp_path / "intern") == []


def test_what_is_and_is_not_a_placeholder(tmp_path: Path) -> None:
    from places import copy_minimal

    from build_tools.content.placeholders import placeholder_issues

    root = copy_minimal(tmp_path / "m")
    model, _ = load_checked(root)
    assert placeholder_issues(model) == []  # real content has none
    visie = root / "content" / "visie.md"
    text = visie.read_text(encoding="utf-8")
    visie.write_text(text + "\nWe schrijven nooit INVULLEN: midden in een zin.\n\n"
                     "- INVULLEN: een voorbeeld uit de praktijk.\n", encoding="utf-8")
    org = root / "content" / "organisatie.yml"
    org.write_text(re.sub(r"(?m)^repo_url: .*$", "repo_url: https://code.invalid.nl/x",
                          org.read_text(encoding="utf-8")), encoding="utf-8")
    model, warnings = load_checked(root)
    found = [(w.path, w.hint) for w in warnings if w.code == "W006"]
    assert found == [("content/visie.md", "schrijf hier een voorbeeld uit de praktijk")]
    lines = visie.read_text(encoding="utf-8").split("\n")
    assert [w.line for w in warnings if w.code == "W006"] == \
        [lines.index("- INVULLEN: een voorbeeld uit de praktijk.") + 1]
