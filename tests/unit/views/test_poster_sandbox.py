"""Poster templates cannot run code and cannot exhaust the machine: they render in Jinja's
immutable sandbox with an allow-list of what they may call (build_tools/views/posters/sandbox.py)
and limits on steps, sizes, output and CPU time (budget.py). A reach outside the sandbox is
DP013, too much work DP014, too much text DP015, each at the template's file and line, from
`datavisie check` and from every build. The example's posters render byte for byte as they
did with Jinja's unsandboxed environment."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from places import NOORDKUST, REPO
from sitekit import BIN, bouw, make_project

from build_tools.audience import for_audience
from build_tools.content.load import load
from build_tools.content.model import Datavisie
from build_tools.errors import ContentError
from build_tools.housestyle.css import load_style
from build_tools.housestyle.tokens import Style
from build_tools.views import posters
from build_tools.views.posters import budget, render, sandbox
from build_tools.views.posters.render import environment

POSTERS = REPO / "posters"
LINE = "{{ band|n }}"  # posters/thema.svg.j2, line 6: where the payloads go
ISSUE_PAYLOAD = '{{ cycler.__init__.__globals__.os.popen("id").read() }}'
CHILD_MEMORY = 3 * 1024**3  # address space of a checking process: far below the machine's


def _posters_with(tmp_path: Path, payload: str, *, name: str = "thema.svg.j2",
                  old: str = LINE) -> Path:
    folder = tmp_path / "posters"
    shutil.copytree(POSTERS, folder)
    target = folder / name
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, payload, 1), encoding="utf-8")
    return folder


def _one_issue(model: Datavisie, style: Style, folder: Path) -> str:
    issues = posters.check_fit(model, style, posters_dir=folder)
    assert len(issues) == 1, [i.format() for i in issues]
    with pytest.raises(ContentError):
        posters.render_svgs(model, style, posters_dir=folder)
    return issues[0].format()


# --- the escape -------------------------------------------------------------------------------

def _marker_payloads(marker: Path) -> list[str]:
    """Ways out of a template, each of which would create `marker` if it ran."""
    cmd = f'touch {marker}'
    return [
        f'{{{{ cycler.__init__.__globals__.os.popen("{cmd}").read() }}}}',
        f'{{{{ joiner.__init__.__globals__["os"].system("{cmd}") }}}}',
        f'{{{{ namespace.__init__.__globals__.os.system("{cmd}") }}}}',
        "{{ ''.__class__.__mro__[1].__subclasses__() }}" + cmd,
        f'{{{{ self.__init__.__globals__.__builtins__.__import__("os").system("{cmd}") }}}}',
        f'{{{{ pt.__self__.path.parent.joinpath("{marker.name}").write_text("x") }}}}',
        f'{{{{ f.text.path.with_name("{marker.name}").write_text("x") }}}}',
        f'{{{{ f.text.path.parents[9].joinpath("{marker}").touch() }}}}',
        f'{{{{ "{{0.__class__.__init__.__globals__}}".format(cycler) }}}}{cmd}',
        f'{{{{ range.__globals__["__builtins__"]["open"]("{marker}", "w") }}}}',
    ]


@pytest.mark.parametrize("index", range(10))
def test_a_template_cannot_reach_outside_the_sandbox(tmp_path: Path, model: Datavisie,
                                                     style: Style, index: int) -> None:
    marker = tmp_path / "uitgevoerd"
    folder = _posters_with(tmp_path, _marker_payloads(marker)[index])
    issue = _one_issue(model, style, folder)
    assert issue.startswith("posters/thema.svg.j2:6:1: DP013 "), issue
    assert not marker.exists(), "de opdracht in het sjabloon is uitgevoerd"


def test_a_template_cannot_call_what_is_not_allowed(tmp_path: Path, model: Datavisie,
                                                    style: Style) -> None:
    """Public methods of the poster's objects are not an invitation: only `pt` (and the
    pure methods of text, numbers and lists) may be called."""
    folder = _posters_with(tmp_path, '{{ f.text.missing("abc") }}')
    issue = _one_issue(model, style, folder)
    assert "DP013" in issue and "Face.missing" in issue


def test_file_paths_are_not_visible_to_a_template(tmp_path: Path, model: Datavisie,
                                                  style: Style) -> None:
    folder = _posters_with(tmp_path, "{{ f.text.path }}")
    assert " DP013 " in _one_issue(model, style, folder)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["check", "bouw"])
def test_the_issues_payload_is_a_poster_error_in_check_and_build(tmp_path: Path,
                                                                 command: str) -> None:
    """The payload from the report, in posters/thema.svg.j2, through the real command:
    exit 1 with DP013 at the template's line, and the command never ran."""
    project = make_project(tmp_path / "p")
    marker = tmp_path / "uitgevoerd"
    payload = ISSUE_PAYLOAD.replace('"id"', f'"id > {marker}"')
    target = project / "posters" / "thema.svg.j2"
    target.write_text(target.read_text(encoding="utf-8").replace(LINE, payload, 1),
                      encoding="utf-8")
    if command == "bouw":
        result = bouw(project, tmp_path / "site", timeout=300)
    else:
        result = _datavisie(project, "check")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "posters/thema.svg.j2:6:1: DP013" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not marker.exists()
    assert not (tmp_path / "site").exists()


# --- the limits -------------------------------------------------------------------------------

BOMBS = [
    # template text, the code, a word of the message the budget gives (not "geheugen")
    ("{% for i in range(10**9) %}x{% endfor %}", "DP014", "range()"),
    ("{{ range(10**9)|list|length }}", "DP014", "range()"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "DP014", "stappen"),
    ("{% for i in range(100000) %}{% for j in range(100000) if j < 0 %}{% endfor %}"
     "{% endfor %}", "DP014", "stappen"),
    ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}"
     "{{ f(64) }}", "DP014", "stappen"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "DP014", "zichzelf"),
    ('{{ "a" * 10**9 }}', "DP015", "`*`"),
    ('{{ ["a"] * 10**9 }}', "DP015", "`*`"),
    ("{{ 7 ** (10**9) }}", "DP015", "`**`"),
    ('{% set ns = namespace(s="ab") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}'
     "{% endfor %}{{ ns.s|length }}", "DP015", "`~`"),
    ('{% set ns = namespace(s="ab") %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}'
     "{% endfor %}{{ ns.s|length }}", "DP015", "`+`"),
    ('{% macro d(s, n) %}{% if n %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}'
     '{% endmacro %}{{ d("ab", 64) }}', "DP015", "`~`"),
    ('{{ "x"|center(10**9) }}', "DP015", "center"),
    ('{{ "x".ljust(10**9) }}', "DP015", "ljust"),
    ('{{ "{:>999999999}".format(1) }}', "DP015", "format"),
    ('{{ "%0999999999d" % 1 }}', "DP015", "`%`"),
    ('{{ "%999999999s"|format("x") }}', "DP015", "format"),
    ('{{ (1).to_bytes(10**9, "big") }}', "DP015", "to_bytes"),
    ('{{ "a\tb".expandtabs(10**9) }}', "DP015", "expandtabs"),
    ('{% set big = "a" * 1000000 %}{{ big.replace("a", big) }}', "DP015", "replace"),
    ('{% set big = "a" * 1000000 %}{{ big|replace("a", big) }}', "DP015", "replace"),
    ('{% set big = "a" * 1000000 %}{{ range(100000)|map(attribute="x", default=big)|join }}',
     "DP015", "join"),
    ('{% set big = "a" * 1000000 %}{{ ",".join(range(100000)|map(attribute="x", '
     "default=big)) }}", "DP015", "join"),
    ('{% set big = "a\\n" * 500000 %}{{ big|indent(big) }}', "DP015", "indent"),
    ('{% set big = "a " * 500000 %}{{ big|wordwrap(1, true, big) }}', "DP015", "wordwrap"),
    ("{{ range(10000)|batch(10**9, 0)|list }}", "DP015", "batch"),
    ("{{ range(10)|slice(10**9)|list }}", "DP015", "slice"),
    ('{% set big = "a" * 9000000 %}{% for i in range(1000) %}{{ big }}{% endfor %}',
     "DP015", "miljoen"),
    ("{% macro m() %}{% for i in range(100000) %}" + "x" * 200 + "{% endfor %}{% endmacro %}"
     "{% for i in range(1000) %}{{ m()|length }}{% endfor %}", "DP015", "miljoen"),
    ("{% for i in range(100000) %}" + "<rect/>" * 100 + "{% endfor %}", "DP015", "miljoen"),
]


def _limited_child() -> None:
    """In the checking process: a ceiling on memory, so a guard that failed shows up as a
    MemoryError here (which the test tells apart) instead of a machine out of memory."""
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))


def _datavisie(project: Path, *args: str, timeout: int = 240) -> subprocess.CompletedProcess[str]:
    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run([str(BIN / "datavisie"), "--root", str(project), *args],
                          capture_output=True, text=True, env=env, timeout=timeout,
                          preexec_fn=_limited_child, cwd=project)  # noqa: PLW1509


@pytest.mark.slow
@pytest.mark.parametrize(("payload", "code", "word"), BOMBS,
                         ids=[f"bom{i}" for i in range(len(BOMBS))])
def test_a_template_that_would_exhaust_the_machine_is_stopped(tmp_path: Path, payload: str,
                                                              code: str, word: str) -> None:
    """`datavisie check` stops each bomb with exit 1 and the budget's own message at the
    template's line: not a MemoryError, not a hang (the subprocess has a time limit and a
    memory ceiling)."""
    project = tmp_path / "p"
    for part in ("content", "theme", "mkdocs.yml"):
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / part)
    _posters_with(project, payload)
    result = _datavisie(project, "check")
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-2000:]
    assert f"posters/thema.svg.j2:6:1: {code} " in out, out[-2000:]
    assert word in out and "geheugen" not in out, out[-2000:]
    assert "Traceback" not in out


@pytest.mark.slow
def test_work_no_count_sees_is_stopped_by_the_cpu_limit(tmp_path: Path, model: Datavisie,
                                                        style: Style,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Comparing two large texts is one operation the steps do not weigh; the CPU limit ends
    it (here lowered to a second, so the test does not wait the full limit)."""
    monkeypatch.setattr(budget, "MAX_SECONDS", 1.0)
    payload = ('{% set a = "a" * 15000000 %}{% set b = "a" * 14999999 ~ "b" %}'
               "{% for i in range(100000) %}{% if a == b %}x{% endif %}{% endfor %}")
    issue = _one_issue(model, style, _posters_with(tmp_path, payload))
    assert " DP014 " in issue and "rekentijd" in issue, issue


# --- what stays the same ----------------------------------------------------------------------

def _plain_environment(folder: str) -> jinja2.Environment:
    """The environment the posters rendered in before the sandbox (same options)."""
    env = jinja2.Environment(
        finalize=render._finalize, loader=jinja2.FileSystemLoader(folder),
        autoescape=jinja2.select_autoescape(enabled_extensions=("j2", "svg"), default=True),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["n"] = render._n
    return env


@pytest.mark.parametrize("project", [REPO, NOORDKUST], ids=["voorbeeld", "noordkust"])
def test_the_posters_render_byte_identically_in_the_sandbox(project: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """Every poster and social card of the example (and of a second municipality): the
    sandbox's SVG equals, byte for byte, what Jinja's ordinary environment makes of the
    same template and values."""
    seen: list[tuple[Any, dict[str, Any], str]] = []
    real = render.render

    def spy(template: Any, ctx: dict[str, Any]) -> str:
        out = real(template, ctx)
        seen.append((template, ctx, out))
        return out

    monkeypatch.setattr(render, "render", spy)
    model = for_audience(load(project), "publiek")
    style = load_style(project / "theme", project)
    posters.render_svgs(model, style, posters_dir=POSTERS, embed=False)
    posters.social_card_svg(model, style, title="Een titel <&>", subtitle="Een ondertitel",
                            section="Thema's", posters_dir=POSTERS)
    assert len(seen) >= 6
    plain = _plain_environment(str(POSTERS))
    for template, ctx, out in seen:
        assert plain.get_template(template.name).render(**ctx) == out, template.name


def test_ordinary_template_code_still_works() -> None:
    """What a maintainer writes in a template: macros, call blocks, includes, imports,
    inheritance with super(), recursive loops, namespace, cycler, loop helpers, filters and
    string methods with ordinary sizes."""
    env = environment(str(POSTERS))
    source = (
        '{% macro box(x) %}[{{ x }}{{ caller() if caller else "" }}]{% endmacro %}'
        "{% call box(1) %}c{% endcall %}"
        "{% set ns = namespace(total=0) %}{% for i in range(5) %}{% set ns.total = ns.total"
        " + i %}{% endfor %}{{ ns.total }}"
        '{% set c = cycler("a", "b") %}{% for i in range(3) %}{{ c.next() }}{{ loop.index }}'
        '{{ loop.cycle("x", "y") }}{% endfor %}'
        "{% for item in [[1, [2]], [3]] recursive %}{% if item is iterable %}"
        "{{ loop(item) }}{% else %}{{ item }}{% endif %}{% endfor %}"
        '{{ "a,b"|replace(",", ";") }} {{ "%.2f"|format(1.5) }} {{ "{:>4}".format(7) }}'
        ' {{ [3, 1, 2]|sort|join(", ") }} {{ dict(a=1)|tojson }} {{ "x".center(5) }}'
        ' {{ 12.345|n }} {{ "a" ~ 1 }} {{ (3 * 4) ** 2 }} {{ "%s-%d" % ("a", 2) }}'
        ' {{ "Tekst"|upper|truncate(9) }} {{ [1, 2] + [3] }} {{ "ab" * 3 }}')
    out = render.render(env.from_string(source), {})
    plain = _plain_environment(str(POSTERS)).from_string(source).render()
    assert out == plain
    assert out == ('[1c]10a1xb2ya3x123a;b 1.50    7 1, 2, 3 {"a": 1}   x   12.35 a1 144 a-2 '
                   "TEKST [1, 2, 3] ababab")


# --- generated: any mix of growing operations ends in a limit, never in exhaustion -------------

_GROW = st.sampled_from([
    "{v} ~ {v}", "{v} + {v}", "{v} * {n}", "[{v}] * {n}", "({v})|center({n})",
    "({v}).ljust({n})", "({v})|replace('a', {v})", "({v})|indent({n})",
    "[{v}, {v}]|join({v})", "'{{:>{n}}}'.format({v})", "'%{n}s' % {v}",
    "({v})|wordwrap(2, true, {v})", "range({n})|map(attribute='x', default={v})|join",
])
_NUMBERS = st.sampled_from([3, 1000, 10**5, 10**6, 10**7, 10**9, 10**12])


@st.composite
def growing_templates(draw: st.DrawFn) -> str:
    """A value built from nested growing operations, maybe inside nested loops."""
    expr = "'ab'"
    for _ in range(draw(st.integers(1, 5))):
        expr = draw(_GROW).format(v=f"({expr})", n=draw(_NUMBERS))
    body = f"{{{{ ({expr})|length }}}}"
    for depth in range(draw(st.integers(0, 2))):
        body = f"{{% for i{depth} in range({draw(_NUMBERS) % 100001}) %}}{body}{{% endfor %}}"
    return body


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=growing_templates())
def test_growing_templates_end_in_a_limit_never_in_exhaustion(source: str) -> None:
    """Run in this process under a memory ceiling of 1.5 GB above what it uses now: every
    generated template renders or stops with a template error (a limit, or a value of the
    wrong kind), never a MemoryError."""
    env = environment(str(POSTERS))
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm", encoding="ascii") as f:
        in_use = int(f.read().split()[0]) * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (in_use + 1536 * 1024**2, hard))
    try:
        out = render.render(env.from_string(source), {})
        assert len(out) <= budget.MAX_OUTPUT
    except MemoryError:
        raise AssertionError(f"geheugen op bij {source}") from None
    except Exception:  # noqa: BLE001 - a limit, or a value of the wrong kind: DP011-DP015
        pass
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def test_the_sandbox_is_the_poster_environment() -> None:
    env = environment(str(POSTERS))
    assert isinstance(env, jinja2.sandbox.ImmutableSandboxedEnvironment)
    assert isinstance(env, sandbox.PosterEnvironment)
    assert "lipsum" not in env.globals and "random" not in env.filters
    assert sys.getrecursionlimit() >= 1000
