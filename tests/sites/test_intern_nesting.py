"""Internal blocks in any nesting: an `!!! intern` / `??? intern` block inside lists, quotes,
definitions, footnotes, tabs, details and other admonitions, up to three deep, in every
Markdown field of every content file and in a version's text at its git tag, is either gone
from everything a public build writes or refused at its file and line; the public text around
it stays. The corpus is hand-written (tests/internkit.py) and generated (Hypothesis).

The oracle for "what the site would show" is independent of the filter: the placement rendered
by the site's Markdown, with every element of class `intern` taken out of the HTML
(internkit.shown). A placement is refused exactly when that still shows its secret: the
grammar itself puts the text outside the block (a marker it does not read as a block, text not
indented far enough)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from gitkit import Git
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from internkit import (
    CONTAINERS,
    FORMS,
    PUBLIC,
    SECRET,
    Placement,
    corpus,
    has_internal_class,
    plant,
    renderable,
    shown,
)
from places import Factory
from sitekit import (
    bouw,
    make_project,
    output_files,
    read_markdown,
    readable,
    write_markdown,
)

from build_tools.audience import for_audience, internal_fragments
from build_tools.content import blockfilter
from build_tools.content.grammar import (
    DEFAULT_EXTENSIONS,
    DEFAULT_GRAMMAR,
    Grammar,
    Parsed,
    project_grammar,
    renderer,
)
from build_tools.content.load import load
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError
from build_tools.gate.leaks import LeakScanner

slow = pytest.mark.slow
TABBED = Grammar.from_config([*DEFAULT_EXTENSIONS, {"pymdownx.tabbed": {"alternate_style": True}}])
CORPUS = corpus()
TABS = '  - sane_lists\n'
TABS_ON = '  - sane_lists\n  - pymdownx.tabbed:\n      alternate_style: true\n'
REFUSALS = {"DV123", "DV124", "DV125", "DV126", "DV127"}


def html(text: str, grammar: Grammar = TABBED) -> str:
    return renderer(grammar).reset().convert(text)


def publics(text: str) -> list[str]:
    return PUBLIC.findall(text)


def check_placement(p: Placement, grammar: Grammar = TABBED) -> blockfilter.Reading:
    """The promise for one placement, against the oracle."""
    text = p.markdown()
    reading = blockfilter.read(text, grammar)
    shown_before = shown(html(text, grammar))
    if reading.problems:
        # refused, and only where the site itself would show the secret
        assert p.secret in shown_before, (p, reading.problems)
        assert reading.public == ""
        lines = {q.line for q in reading.problems}
        assert lines <= {p.marker_line(), *p.secret_lines()}, (p, reading.problems)
        return reading
    after = html(reading.public, grammar)
    assert p.secret not in reading.public, p
    assert not has_internal_class(after), p
    assert publics(shown(after)) == publics(shown_before), p  # the text around it stays
    again = blockfilter.read(reading.public, grammar)  # a fixed point
    assert again.public == reading.public and not again.problems
    return reading


# --- the hand-written corpus, at the level of one text --------------------------------------

def test_every_placement_is_removed_or_refused_at_its_line() -> None:
    outcomes: dict[str, int] = {}
    for p in CORPUS:
        reading = check_placement(p)
        key = ",".join(q.code for q in reading.problems) or "weg"
        outcomes[key] = outcomes.get(key, 0) + 1
    assert sum(outcomes.values()) == len(CORPUS) > 250
    assert outcomes["weg"] > len(CORPUS) // 2, outcomes
    assert set(outcomes) - {"weg"} <= REFUSALS, outcomes


def test_the_corpus_covers_every_container_at_every_depth_two_and_three_deep() -> None:
    clean = [p for p in CORPUS if not blockfilter.read(p.markdown(), TABBED).problems]
    for depth in (1, 2, 3):
        for name in CONTAINERS:
            assert any(len(p.chain) == depth and name in p.chain for p in CORPUS), (name, depth)
        assert any(len(p.chain) == depth for p in clean)
    for name in CONTAINERS:
        assert any(name in p.chain and len(p.chain) >= 2 for p in clean), name
    assert {p.form for p in clean} == set(FORMS)


def test_the_grammar_of_the_site_decides() -> None:
    """A tab is a block only where the site enables tabs: without them its text is an
    indented code block the site shows, so the marker inside is refused, not guessed at."""
    p = Placement(1, ("tab",), "!!! intern")
    assert not blockfilter.read(p.markdown(), TABBED).problems
    codes = [q.code for q in blockfilter.read(p.markdown(), DEFAULT_GRAMMAR).problems]
    assert codes == ["DV124"]
    assert p.secret in shown(html(p.markdown(), DEFAULT_GRAMMAR))


def test_a_marker_shown_as_code_by_a_fence_is_an_example_not_a_block() -> None:
    text = "Schrijf zo:\n\n```\n!!! intern\n    Notitie.\n```\n\nof `!!! intern` in een zin.\n"
    reading = blockfilter.read(text)
    assert reading.public == text and not reading.problems and not reading.has_blocks


@pytest.mark.parametrize(("text", "code", "line"), [
    ("Voor.\n\n!!! intern\nGeheim, niet ingesprongen.\n", "DV126", 2),
    ("- punt\n\n  !!! intern\n      Geheim.\n", "DV124", 2),  # 2 spaces: a paragraph
    ("Voor.\n\nGeheim.\n{: .intern }\n", "DV125", 3),
    ("| a |\n|---|\n| !!! intern |\n", None, None),  # a table cell: no marker at a block start
    # two footnotes defined inside footnotes: Python-Markdown's footnote step fails on it
    (Placement(1, ("voetnoot", "voetnoot"), "!!! intern").markdown()
     + Placement(2, ("voetnoot", "voetnoot-op-de-regel"), "!!! intern").markdown(), "DV127", 10),
])
def test_what_the_grammar_does_not_read_as_a_block_is_refused(text: str, code: str | None,
                                                              line: int | None) -> None:
    reading = blockfilter.read(text)
    found = [(q.code, q.line) for q in reading.problems]
    assert found == ([] if code is None else [(code, line)])
    if code is not None:
        assert reading.public == ""


@pytest.mark.parametrize("form", ["!!! Intern", "??? INTERN \"Titel\"", "???+ intern",
                                  "!!! note intern", "!!!intern", "???+ tip Intern"])
def test_any_spelling_of_the_type_counts(form: str) -> None:
    text = f"> - Voor.\n>\n>     {form}\n>         Geheim hier.\n>\n> - Na.\n"
    reading = blockfilter.read(text)
    assert not reading.problems
    assert "Geheim" not in reading.public and "Voor." in reading.public and "Na." in reading.public


def test_a_tab_after_the_marker_counts_as_markdown_expands_it() -> None:
    """Python-Markdown expands tabs to 4 columns first: at the start of a line `!!!<tab>`
    is `!!! ` (a block), further in it is more than one space (no block, so refused)."""
    top = blockfilter.read("!!!\tintern\n    Geheim.\n\nNa.\n")
    assert not top.problems and top.public == "\nNa.\n"
    nested = blockfilter.read("> - Voor.\n>\n>     !!!\tintern\n>         Geheim.\n")
    assert [q.code for q in nested.problems] == ["DV124"]


def test_a_footnote_defined_inside_a_block_goes_with_it() -> None:
    """Python-Markdown moves footnotes to the end of the page: a tree filter that took out
    the block's element would publish the note. The lines go, so the note goes."""
    text = ("Openbaar.\n\n- Punt.\n\n    !!! intern\n        Geheim[^g].\n\n"
            "        [^g]: Geheime noot over de begroting.\n\n- Ander punt.\n")
    assert "Geheime noot" in shown(html(text))  # what removing the element would leave
    reading = blockfilter.read(text)
    assert not reading.problems
    assert "Geheim" not in reading.public and "Ander punt." in reading.public
    assert any("Geheime noot over de begroting" in t for t in reading.internal)


# --- generated nesting ----------------------------------------------------------------------

chains = st.lists(st.sampled_from(sorted(CONTAINERS)), min_size=0, max_size=3).filter(renderable)
placements = st.builds(lambda chain, form, width: (tuple(chain), form, width), chains,
                       st.sampled_from(FORMS), st.sampled_from([2, 4, 4, 4, 6, 8]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(placements, min_size=1, max_size=3), st.sampled_from([TABBED, DEFAULT_GRAMMAR]))
def test_generated_nestings_are_removed_or_refused(items: list[tuple[tuple[str, ...], str, int]],
                                                   grammar: Grammar) -> None:
    """Containers x depth x order, with one to three internal blocks at random places."""
    ps = [Placement(i + 1, chain, form, width) for i, (chain, form, width) in enumerate(items)]
    # Some generated chains (a numbered list opened on the line of a numbered item inside a
    # wide list) make Python-Markdown itself drop the text: with no secret on the page there
    # is nothing to leak, and the promise below is about what the site would show.
    assume(any(p.secret in shown(html(p.markdown(), grammar)) for p in ps))
    if len(ps) == 1:
        check_placement(ps[0], grammar)
        return
    if sum(n in ("voetnoot", "voetnoot-op-de-regel") for p in ps for n in p.chain) > 1:
        return  # footnotes across placements share the page's footnote step (DV127 above)
    text = "\n".join(p.markdown() for p in ps)
    reading = blockfilter.read(text, grammar)
    before = shown(html(text, grammar))
    assume(any(p.secret in before for p in ps))  # as above, for the chains together
    if reading.problems:
        assert reading.public == ""
        return
    assert not SECRET.search(reading.public)
    after = html(reading.public, grammar)
    assert not has_internal_class(after)
    assert publics(shown(after)) == publics(before)


# --- the leak scan's needles come from the parsed blocks ------------------------------------

def test_the_leak_scan_knows_every_nested_block(valid_content: Factory) -> None:
    """With the filter switched off, the scan finds every secret in the rendered text: its
    needles come from the same parse, not from a stripper that sees only line starts."""
    import dataclasses

    clean = [p for p in CORPUS[:80] if not blockfilter.read(p.markdown()).problems]
    body = "\n".join(p.markdown() for p in clean)
    model = load(valid_content())
    model = dataclasses.replace(model, visie=dataclasses.replace(model.visie, body=body))
    scanner = LeakScanner(internal_fragments(model))
    rendered = html(body, DEFAULT_GRAMMAR)
    found = " ".join(f.what for f in scanner.text_findings("visie/index.html",
                                                           rendered.encode("utf-8")))
    assert {p.secret.casefold() for p in clean} <= set(re.findall(r"geheim\d{3}", found))
    public = for_audience(model).visie.body
    assert scanner.text_findings("visie/index.html", html(public).encode("utf-8")) == []


# --- whole sites ----------------------------------------------------------------------------

def with_tabs(project: Path) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert TABS in text, "mkdocs.yml changed shape: update test_intern_nesting.py"
    config.write_text(text.replace(TABS, TABS_ON, 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def nested_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str],
                                                                    list[Placement]]:
    """One public build of the example with every cleanly removable placement planted."""
    base = tmp_path_factory.mktemp("genest")
    project = with_tabs(make_project(base / "project",
                                     cache=tmp_path_factory.getbasetemp() / "datavisie-cache"))
    grammar = project_grammar(project)
    assert "pymdownx.tabbed" in grammar.names
    clean = [p for p in CORPUS if not blockfilter.read(p.markdown(), grammar).problems]
    where = plant(project / "content", clean)
    result = bouw(project, base / "site")
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    return base / "site", where, clean


@slow
def test_public_site_holds_no_nested_internal_text_anywhere(
        nested_site: tuple[Path, dict[int, str], list[Placement]]) -> None:
    site, where, clean = nested_site
    kinds = {p.suffix for p in output_files(site)}
    assert {".html", ".json", ".csv", ".ics", ".xml", ".svg", ".png", ".pdf"} <= kinds
    fields = {w.split(" ")[-1] for w in where.values()}
    assert {"body", "doel", "risicobeheer", "menselijke_tussenkomst", "wettelijke_basis",
            "technische_werking", "toelichting", "samenvatting"} <= fields
    assert {w.split(" ")[0].split("/")[1] for w in where.values()} >= {
        "visie.md", "themas", "paginas", "projecten", "routekaart.yml", "versies.yml"}
    leaks: dict[str, set[str]] = {}
    everything = []
    for path in output_files(site):
        text = readable(path)
        everything.append(text)
        for secret in SECRET.findall(text):
            leaks.setdefault(secret, set()).add(path.relative_to(site).as_posix())
        if path.suffix == ".html":
            assert 'class="admonition intern' not in text and "<details class=\"intern" not in text
    assert leaks == {}
    # the public text around every block is still there
    joined = "\n".join(everything)
    missing = [(p.number, m) for p in clean for m in publics(shown(html(p.markdown())))
               if m not in joined]
    assert missing == []


@slow
def test_blocks_that_cannot_be_removed_stop_the_build_at_their_line(tmp_path: Path) -> None:
    project = with_tabs(make_project(tmp_path / "project", posters=False, cards=False))
    grammar = project_grammar(project)
    refused = {p.number: p for p in CORPUS if blockfilter.read(p.markdown(), grammar).problems}
    assert len(refused) > 20
    where = plant(project / "content", list(refused.values()))
    site = tmp_path / "site"
    result = bouw(project, site)
    assert result.returncode == 1, result.stderr[-2000:]
    assert not site.exists()
    reported = re.findall(r"^(content/\S+?):(\d+):\d+: (DV12\d) (.*)$", result.stderr, re.M)
    for number, p in refused.items():
        file, field = where[number].split(" ")[0], where[number].split(" ")[-1]
        lines = (project / file).read_text(encoding="utf-8").split("\n")
        for q in blockfilter.read(p.markdown(), grammar).problems:
            if field == "body":  # the exact line of the file
                start = lines.index(f"Openbaar voor {p.public}.")
                assert (file, str(start + 1 + q.line), q.code) in {r[:3] for r in reported}, p
            else:  # the field's line, and the line within it
                hits = [r for r in reported if r[0] == file and r[2] == q.code
                        and f"(`{field}`, regel {q.line + 1}) (" in r[3]]
                assert any(field in lines[int(r[1]) - 1] for r in hits), (p, q)
    assert len(reported) == sum(len(blockfilter.read(p.markdown(), grammar).problems)
                                for p in refused.values())


# --- versions read from git ------------------------------------------------------------------

git = Git(when="2025-06-01T12:00:00Z")
commit = git.commit


def read_history(root: Path) -> tuple[Datavisie, Datavisie]:
    """What the site reads (website/inputs.py) without the house style: content, the texts at
    the tags, their checks, the public model."""
    from build_tools.history.texts import attach, history_issues

    full, notes = attach(load(root), root)
    assert not notes
    issues = history_issues(full)
    if issues:
        raise ContentError(issues)
    return full, for_audience(full)


def test_a_version_at_its_tag_gets_the_same_filter_and_checks(valid_content: Factory) -> None:
    root = valid_content()
    git(root, "init", "-q", "-b", "main")
    meta, body = read_markdown(root / "content/visie.md")
    nested = Placement(901, ("citaat", "lijst"), "??? Intern \"Notitie\"")
    write_markdown(root / "content/visie.md", meta, body + "\n" + nested.markdown()
                   + "\n<!-- oude notitie van de redactie -->\n")
    theme = root / "content/themas/ethiek.md"
    tmeta, tbody = read_markdown(theme)
    tmeta["zichtbaarheid"] = "Intern"
    write_markdown(theme, tmeta, tbody + "\n- punt\n- !!! intern\n  Niet ingesprongen.\n")
    commit(root, "versie 1.0", tag="visie-1.0")
    write_markdown(root / "content/visie.md", meta, body)  # the working text is clean
    tmeta["zichtbaarheid"] = "publiek"
    write_markdown(theme, tmeta, tbody)
    commit(root, "werktekst")

    with pytest.raises(ContentError) as caught:
        read_history(root)
    found = {(i.path, i.code) for i in caught.value.issues}
    assert found == {("visie-1.0:content/visie.md", "DV120"),
                     ("visie-1.0:content/themas/ethiek.md", "DV126")}
    comment = next(i for i in caught.value.issues if i.code == "DV120")
    at_tag = subprocess.run(["git", "-C", str(root), "show", "visie-1.0:content/visie.md"],
                            capture_output=True, text=True, check=True).stdout.split("\n")
    assert "<!--" in at_tag[comment.line - 1]

    # the same text without what cannot be published: the nested block goes, the theme that
    # was `Intern` (capital) at the tag stays off the public site
    write_markdown(root / "content/visie.md", meta, body + "\n" + nested.markdown())
    write_markdown(theme, {**tmeta, "zichtbaarheid": "Intern"}, tbody)
    commit(root, "versie 1.0 opnieuw")
    git(root, "tag", "-f", "visie-1.0")
    write_markdown(root / "content/visie.md", meta, body)
    write_markdown(theme, tmeta, tbody)
    commit(root, "werktekst")
    full, model = read_history(root)
    adopted = full.geschiedenis[-1]
    assert nested.secret in adopted.body
    theme_at_tag = adopted.theme("ethiek")
    assert theme_at_tag is not None and theme_at_tag.zichtbaarheid == "intern"
    public = model.geschiedenis[-1]
    assert nested.secret not in public.body and nested.public in public.body
    assert public.theme("ethiek") is None
    assert any(nested.secret in f for f in internal_fragments(full))


@slow
def test_public_site_of_a_repository_with_nested_blocks_at_its_tags(tmp_path: Path) -> None:
    """Adopted texts at two tags hold nested blocks and a theme marked `Intern`; the public
    build shows their public text in force and in the archive, and none of the rest."""
    from internkit import read_yaml, write_yaml

    project = with_tabs(make_project(tmp_path / "project", posters=False, cards=False))
    content = project / "content"
    versions = read_yaml(content / "versies.yml")
    for v in versions:
        v.pop("tag", None)  # visie-<versie>
    write_yaml(content / "versies.yml", versions)
    grammar = project_grammar(project)
    pool = [p for p in CORPUS if not blockfilter.read(p.markdown(), grammar).problems]
    git(project, "init", "-q", "-b", "main")
    planted: list[Placement] = []
    bodies = [content / "visie.md", *sorted((content / "themas").glob("*.md"))]
    for tag, chunk in (("visie-0.9", pool[0:40]), ("visie-1.0", pool[40:80])):
        for i, path in enumerate(bodies):
            meta, body = read_markdown(path)
            mine = chunk[i::len(bodies)]
            write_markdown(path, meta, body.split("\nOpenbaar voor OPENBAAR")[0] + "\n"
                           + "\n".join(p.markdown() for p in mine))
            planted += mine
        secret = Placement(999, (), "!!! intern")
        oud = content / "themas/oud-thema.md"
        meta, body = read_markdown(content / "themas/ethiek.md")
        write_markdown(oud, {**meta, "titel": "Oud thema", "volgorde": 42,
                             "zichtbaarheid": "Intern"},
                       f"Alleen intern: {secret.secret} {tag.upper()} vertrouwelijk.\n")
        commit(project, tag, tag=tag)
    for path in bodies:
        meta, body = read_markdown(path)
        write_markdown(path, meta, body.split("\nOpenbaar voor OPENBAAR")[0] + "\n")
    (content / "themas/oud-thema.md").unlink()
    commit(project, "werktekst")
    site = tmp_path / "site"
    result = bouw(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = {path.relative_to(site).as_posix(): readable(path) for path in output_files(site)}
    assert not any(SECRET.search(t) for t in texts.values()), \
        {k: SECRET.findall(t) for k, t in texts.items() if SECRET.search(t)}
    joined = "\n".join(texts.values())
    assert all(p.public in joined for p in planted)
    assert "Oud thema" not in joined


@slow
def test_the_gate_stops_a_build_whose_filter_lets_nested_blocks_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    """Were the filter switched off, the leak scan on the output still finds the nested
    blocks (exit 2, nothing published): it takes its needles from the same parse."""
    from build_tools.build import inputs
    from build_tools.build import site as sitebuild

    project = with_tabs(make_project(tmp_path / "project", posters=False, cards=False))
    grammar = project_grammar(project)
    nested = [p for p in CORPUS if len(p.chain) >= 2
              and not blockfilter.read(p.markdown(), grammar).problems][:30]
    meta, body = read_markdown(project / "content/paginas/over.md")
    write_markdown(project / "content/paginas/over.md", meta,
                   body + "\n" + "\n".join(p.markdown() for p in nested))
    monkeypatch.setattr(inputs, "for_audience", lambda model, audience: model)
    site = tmp_path / "site"
    assert sitebuild.build(project, audience="publiek", out=str(site)) == 2
    assert not site.exists()
    found = set(re.findall(r"interne tekst: “[^”]*?(geheim\d{3})", capfd.readouterr().err))
    assert found >= {p.secret.casefold() for p in nested}


# --- the grammar comes from mkdocs.yml ---------------------------------------------------------

def test_check_and_build_read_markdown_with_the_same_grammar() -> None:
    """`datavisie check` reads mkdocs.yml itself; the plugin gets MkDocs' loaded config."""
    from mkdocs.config import load_config
    from sitekit import REPO

    config = load_config(str(REPO / "mkdocs.yml"))
    assert Grammar.from_config(config.markdown_extensions, config.mdx_configs) \
        == project_grammar(REPO) == load(REPO).grammar
    assert "admonition" in project_grammar(REPO).names


def test_a_grammar_with_tags_and_unknown_extensions_still_parses(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - admonition\n  - pymdownx.snippets\n"
        "  - bestaat.niet\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    grammar = project_grammar(tmp_path)
    assert "pymdownx.snippets" not in grammar.names  # reads files: never loaded, also refused
    assert not grammar.known  # an extension we do not know: every text with the word is read
    reading = blockfilter.read("- punt\n\n    !!! intern\n        Geheim.\n", grammar)
    assert not reading.problems and "Geheim" not in reading.public


def test_thousands_of_odd_blocks_cost_a_bounded_amount_of_parsing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each odd block costs parses to place; a text full of them is refused within a fixed
    amount of parsing, not after a number of parses that grows with the square of its size."""
    parsed: list[int] = []
    real = blockfilter.parse

    def counting(text: str, grammar: Grammar) -> Parsed:
        parsed.append(len(text))
        return real(text, grammar)

    monkeypatch.setattr(blockfilter, "parse", counting)
    text = "\n".join(f"* !!! intern\n      geheim {i}\n\n      tweede {i}\n* punt {i}\n"
                     for i in range(2000))
    reading = blockfilter.read(text)
    assert len(reading.problems) == 2000 and reading.public == ""
    assert sum(parsed) <= blockfilter.MAX_WORK + 4 * len(text)
