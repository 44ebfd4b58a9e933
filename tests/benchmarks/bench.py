"""`make bench`: how fast the site and posters build, how that scales with the number of
projects, and what it costs next to plain MkDocs (same Material theme, same pages written out
as ordinary Markdown files, no plugin).

Every build runs in a fresh child process (clean memory figures, no warm module caches), except
the `serve` rows, which rebuild in one process the way `mkdocs serve` does. Each figure is the
median of --runs runs. Nothing here asserts timings; it prints a table and checks the targets.

    python tests/benchmarks/bench.py                 # example + N = 10, 100, 1000
    python tests/benchmarks/bench.py --groot         # ... and N = 5000
    python tests/benchmarks/bench.py --quick         # smoke run: N = 10, one run
    python tests/benchmarks/bench.py --profiel 1000  # cProfile of a warm build at N = 1000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

from generator import Sizes, generate  # noqa: E402

BIN = Path(sys.executable).parent
CACHE = ".cache/datavisie"  # the plugin's default cache folder, relative to mkdocs.yml
CHANGE_MARK = "Gewijzigd voor de meting. "
EXAMPLE = "voorbeeld"

# Functions timed inside the child, by where the plugin looks them up at call time.
TIMED = {
    "build_tools.plugin": ("read_site_inputs", "export_files", "sanitize_html",
                           "insert_blocks"),
    "build_tools.website.pages": ("build_site",),  # imported by the plugin when it builds
    "build_tools.website.inputs": ("load",),
    "build_tools.audience": ("internal_fragments",),  # imported by the gate when it scans
    "build_tools.posters": ("check_fit", "poster_list", "render_all", "social_cards"),
    "build_tools.gate": ("check_output", "scan", "check_site", "leak_rules",
                         "forbidden_strings", "commit_emails"),
    "build_tools.publish": ("promote",),
    "build_tools.website.assets": ("font_assets",),  # web fonts (WOFF2), cached between builds
}
POSTER_PARTS = ("check_fit", "render_all", "social_cards")


# --- child side: one measured build (or serve session) per process -------------------------


def _patch_timers(spent: dict[str, float]) -> None:
    """Wrap the plugin's events and its main calls so each reports the seconds it took
    (`name`) and the CPU seconds of this process meanwhile (`name:cpu`)."""
    import functools
    import importlib

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
                key = f"{name}:cpu"
                spent[key] = spent.get(key, 0.0) + time.process_time() - cpu
        return wrapper

    from build_tools.plugin import DatavisiePlugin

    for attr in dir(DatavisiePlugin):
        if attr.startswith("on_") and attr in vars(DatavisiePlugin):
            setattr(DatavisiePlugin, attr, timed(attr, getattr(DatavisiePlugin, attr)))
    for module_name, names in TIMED.items():
        module = importlib.import_module(module_name)  # a renamed module fails here, loudly
        for name in names:
            if not hasattr(module, name):
                raise SystemExit(f"bench.py: {module_name}.{name} no longer exists; update "
                                 "TIMED to time what the build calls now")
            setattr(module, name, timed(name, getattr(module, name)))


def _rasterised() -> int:
    """Conversions sent to the poster workers in this process so far."""
    raster = sys.modules.get("build_tools.posters.raster")
    return sum(r.calls for r in getattr(raster, "_SHARED", {}).values()) if raster else 0


def _build_once(config_file: str, site_dir: str, spent: dict[str, float], *,
                command: str | None) -> dict[str, Any]:
    """`command` "build" or "serve": the first build of a process (plugins see on_startup, as
    MkDocs calls it); None: a later `mkdocs serve` rebuild (the same plugin instances)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent.clear()
    before = _rasterised()
    start, cpu = time.perf_counter(), time.process_time()
    config = load_config(config_file=config_file, site_dir=site_dir)
    if command:
        config.plugins.on_startup(command=command, dirty=False)
    build(config, dirty=False)  # what `mkdocs build` and every `mkdocs serve` rebuild do
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "spent": dict(spent),
            "rasterised": _rasterised() - before}


def toggle(path: Path, original: str, on: bool) -> None:
    """Apply (on) or undo the measured edit: a sentence added to a project's summary, or a
    paragraph added to the end of a Markdown text."""
    if not on:
        path.write_text(original, encoding="utf-8")
        return
    if path.suffix == ".md":
        path.write_text(original.rstrip("\n") + f"\n\n{CHANGE_MARK.strip()}\n", encoding="utf-8")
        return
    lines = original.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("samenvatting:"):
            value = line[len("samenvatting:"):].strip()
            if value in (">-", ">", "|", "|-"):
                nxt = lines[i + 1]
                pad = len(nxt) - len(nxt.lstrip())
                lines[i + 1] = nxt[:pad] + CHANGE_MARK + nxt[pad:]
            elif value[:1] in "\"'":
                lines[i] = f"samenvatting: {value[0]}{CHANGE_MARK}{value[1:]}\n"
            else:
                lines[i] = f"samenvatting: {CHANGE_MARK}{value}\n"
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise ValueError(f"{path}: no samenvatting to change")


def child(spec: dict[str, Any]) -> dict[str, Any]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import logging

    logging.basicConfig(level=logging.ERROR)
    spent: dict[str, float] = {}
    if spec.get("ours", True):  # the plain baseline never imports our package
        _patch_timers(spent)
    config_file, site_dir = spec["config"], spec["site"]
    if spec["mode"] == "build":
        out = _build_once(config_file, site_dir, spent, command="build")
        raster = sys.modules.get("build_tools.posters.raster")
        if raster is not None and hasattr(raster, "_close_shared"):
            raster._close_shared()  # join the poster workers: their CPU becomes countable
        workers = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {**out, "workers_cpu": workers.ru_utime + workers.ru_stime}
    if spec["mode"] == "serve":
        # `mkdocs serve`: one process, first build, then a fresh config + full build per edit.
        first = _build_once(config_file, site_dir, spent, command="serve")
        out: dict[str, Any] = {"first": first}
        for kind, target in spec["changes"].items():
            path = Path(target) if target else None
            original = path.read_text(encoding="utf-8") if path else ""
            rounds = []
            try:
                for n in range(spec["runs"]):
                    if path:
                        toggle(path, original, on=n % 2 == 0)
                    rounds.append(_build_once(config_file, site_dir, spent, command=None))
            finally:
                if path:
                    path.write_text(original, encoding="utf-8")
            out[kind] = rounds
        return out
    if spec["mode"] == "posters":
        return _posters(Path(spec["root"]), Path(site_dir), cards=spec["cards"])
    raise ValueError(spec["mode"])


def _posters(root: Path, out: Path, *, cards: int) -> dict[str, Any]:
    """Poster layout, SVG and rasterising, each poster and format, with no cache."""
    from build_tools import posters
    from build_tools.posters.kinds import jobs_for
    from build_tools.posters.render import compose
    from build_tools.website.inputs import read_inputs

    model, style = read_inputs(root)
    own = root / "posters"
    pdir = own if own.is_dir() else None
    layout: dict[str, float] = {}
    defs = posters._checked_definitions(pdir)
    for job in jobs_for(model, defs):
        start = time.perf_counter()
        compose(model, style, job, posters_dir=pdir)
        layout[job.name] = time.perf_counter() - start
    start = time.perf_counter()
    files = posters.render_all(model, style, out_dir=out / "posters", cache_dir=None,
                               posters_dir=pdir)
    wall = time.perf_counter() - start
    sample = [posters.SocialCard(f"kaart-{i}", p.naam, p.samenvatting, "Projecten")
              for i, p in enumerate(model.projecten[:cards])]
    start = time.perf_counter()
    posters.social_cards(model, style, sample, out_dir=out / "kaarten", cache_dir=None,
                         posters_dir=pdir)
    card_wall = time.perf_counter() - start
    return {"layout": layout, "wall": wall, "cards": len(sample), "card_wall": card_wall,
            "raster": {f.name: {k: v for k, v in f.seconds.items() if k != "svg"}
                       for f in files}}


# --- parent side ------------------------------------------------------------------------------


@dataclass
class Run:
    """One child process: wall seconds, peak memory (MB, the largest process in its tree) and
    what it reported."""

    wall: float
    rss_mb: float
    cpu: float  # user + system seconds of the process and the children it waited for
    report: dict[str, Any] = field(default_factory=dict)


def spawn(cmd: Sequence[str], *, cwd: Path | None = None, report: bool = False) -> Run:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    data = json.loads(stdout.strip().splitlines()[-1]) if report else {}
    return Run(wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, data)


def spawn_child(spec: dict[str, Any]) -> Run:
    return spawn([sys.executable, __file__, "--kind", json.dumps(spec)], report=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclass
class Project:
    """One measured site: our project root and the plain-MkDocs folder with the same pages."""

    label: str
    root: Path
    plain: Path
    projects: int
    pages: int = 0


def prepare(label: str, work: Path, sizes: Sizes | None) -> Project:
    root = work / label / "project"
    if sizes is None:  # the example: a clone (history included) with the working tree on top
        subprocess.run(["git", "clone", "-q", "--no-checkout", str(REPO), str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "checkout", "-q", "HEAD", "--", "."], check=True)
        for name in ("content", "theme", "posters"):
            if (REPO / name).is_dir():
                shutil.rmtree(root / name, ignore_errors=True)
                shutil.copytree(REPO / name, root / name,
                                ignore=shutil.ignore_patterns(".cache", "__pycache__"))
        shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
        projects = len(list((root / "content" / "projecten").glob("*.yml")))
    else:
        generate(root, sizes)
        projects = sizes.projects
    plain = work / label / "plain"
    spawn([str(BIN / "datavisie"), "--root", str(root), "markdown", "--uit", str(plain)])
    _plain_config(root, plain)
    pages = len(list((plain / "docs").rglob("*.md")))
    return Project(label, root, plain, projects, pages)


def _plain_config(root: Path, plain: Path) -> None:
    """The folder's mkdocs.yml with the project's own theme, features and Markdown extensions,
    so the only difference left is the plugin."""
    import yaml

    folder = json.loads((plain / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = dict(ours.get("theme") or {})
    for key in ("custom_dir", "logo", "favicon"):
        if key in folder["theme"]:
            theme[key] = folder["theme"][key]
    if "custom_dir" in theme and not Path(theme["custom_dir"]).is_absolute():
        theme["custom_dir"] = str(root / theme["custom_dir"])
    extensions = list(ours.get("markdown_extensions") or [])
    if "abbr" not in [e if isinstance(e, str) else next(iter(e)) for e in extensions]:
        extensions.append("abbr")  # glossary terms, which our plugin's extension provides
    plugins = [p for p in ours.get("plugins") or []
               if (p if isinstance(p, str) else next(iter(p))) != "datavisie"]
    config = {**folder, "theme": theme, "markdown_extensions": extensions, "plugins": plugins,
              "validation": ours.get("validation", {}), "extra": ours.get("extra", {}),
              "site_name": ours.get("site_name", folder["site_name"])}
    (plain / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")


def project_file(p: Project) -> Path:
    return sorted((p.root / "content" / "projecten").glob("*.yml"))[0]


def theme_file(p: Project) -> Path:
    return sorted((p.root / "content" / "themas").glob("*.md"))[0]


def plain_page(p: Project, ours: Path) -> Path:
    return p.plain / "docs" / ours.parent.name / (ours.stem + ".md")


@dataclass
class Figures:
    """Medians for one site."""

    label: str
    projects: int
    pages: int
    values: dict[str, float] = field(default_factory=dict)
    notes: dict[str, Any] = field(default_factory=dict)


def _posters_part(spent: dict[str, float], suffix: str = "") -> float:
    return sum(spent.get(k + suffix, 0.0) for k in POSTER_PARTS)


def _build_figures(v: dict[str, float], key: str, runs: list[Run]) -> None:
    """Wall and CPU medians of builds of ours, split into site and posters. Poster workers
    are the only child processes, so their CPU counts as posters."""
    def parts(r: Run) -> tuple[float, ...]:
        spent = r.report["spent"]
        posters_cpu = _posters_part(spent, ":cpu") + r.report.get("workers_cpu", 0.0)
        fonts, fonts_cpu = spent.get("font_assets", 0.0), spent.get("font_assets:cpu", 0.0)
        return (_posters_part(spent), r.wall - _posters_part(spent), posters_cpu,
                r.cpu - posters_cpu, fonts, fonts_cpu)

    split = [parts(r) for r in runs]
    v[key], v[f"{key}@cpu"] = median([r.wall for r in runs]), median([r.cpu for r in runs])
    for i, name in enumerate(("posters", "site", "posters@cpu", "site@cpu", "fonts",
                              "fonts@cpu")):
        v[f"{key}_{name}"] = median([s[i] for s in split])
    v[f"{key}_mb"] = median([r.rss_mb for r in runs])
    v[f"{key}_rasterised"] = max(r.report["rasterised"] for r in runs)


def nav_project_links(site_dir: Path) -> int:
    """Links to project pages on the glossary page, whose text names no project: what is
    left are links in the navigation (0 when project pages stay out of the nav tree)."""
    page = site_dir / "begrippen" / "index.html"
    if not page.is_file():
        return -1
    return len(re.findall(r'href="[^"]*projecten/[^"/]+/"', page.read_text(encoding="utf-8")))


def measure(p: Project, *, runs: int, serve_runs: int, log: Callable[[str], None]) -> Figures:
    fig = Figures(p.label, p.projects, p.pages)
    v = fig.values
    site = p.root.parent / "site"
    config = str(p.root / "mkdocs.yml")
    plain_config = str(p.plain / "mkdocs.yml")

    log(f"{p.label}: datavisie check")

    def check() -> Run:  # as CI runs it: no verdict kept from an earlier check or build
        shutil.rmtree(p.root / CACHE, ignore_errors=True)
        return spawn([str(BIN / "datavisie"), "--root", str(p.root), "check"])

    checks = [check() for _ in range(runs)]
    v["check"], v["check@cpu"] = median([r.wall for r in checks]), median([r.cpu for r in checks])
    v["check_mb"] = median([r.rss_mb for r in checks])

    log(f"{p.label}: plain MkDocs")
    spec = {"mode": "build", "config": plain_config, "site": str(site / "plain"), "ours": False}
    spawn_child(spec)  # warm the disk cache, as the runs of ours will find it
    plain = [spawn_child(spec) for _ in range(runs)]
    v["plain"], v["plain@cpu"] = median([r.wall for r in plain]), median([r.cpu for r in plain])
    v["plain_mb"] = median([r.rss_mb for r in plain])
    v["plain_nav_links"] = nav_project_links(site / "plain")

    log(f"{p.label}: cold builds")
    spec = {"mode": "build", "config": config, "site": str(site / "ours")}
    cold = []
    for _ in range(runs):
        shutil.rmtree(p.root / CACHE, ignore_errors=True)
        shutil.rmtree(site / "ours", ignore_errors=True)
        cold.append(spawn_child(spec))
    _build_figures(v, "cold", cold)
    fig.notes["cold_spent"] = _median_spent([r.report["spent"] for r in cold])

    log(f"{p.label}: warm builds")
    warm = [spawn_child(spec) for _ in range(runs)]
    _build_figures(v, "warm", warm)
    fig.notes["warm_spent"] = _median_spent([r.report["spent"] for r in warm])
    v["nav_links"] = nav_project_links(site / "ours")

    log(f"{p.label}: serve rebuilds")
    project, theme = project_file(p), theme_file(p)
    ours_serve = spawn_child({"mode": "serve", "config": config, "site": str(site / "serve"),
                              "runs": serve_runs, "changes": {
                                  "none": None, "project": str(project), "theme": str(theme)}})
    plain_serve = spawn_child({"mode": "serve", "config": plain_config, "ours": False,
                               "site": str(site / "plain-serve"), "runs": serve_runs,
                               "changes": {"none": None,
                                           "project": str(plain_page(p, project)),
                                           "theme": str(plain_page(p, theme))}})
    for kind in ("none", "project", "theme"):
        ours_rounds, plain_rounds = ours_serve.report[kind], plain_serve.report[kind]
        for name, rounds in ((f"serve_{kind}", ours_rounds), (f"plain_serve_{kind}",
                                                                plain_rounds)):
            v[name] = median([r["seconds"] for r in rounds])
            v[f"{name}@cpu"] = median([r["cpu"] for r in rounds])
        v[f"serve_{kind}_rasterised"] = max(r["rasterised"] for r in ours_rounds)
    v["serve_mb"], v["plain_serve_mb"] = ours_serve.rss_mb, plain_serve.rss_mb
    return fig


def _median_spent(spents: list[dict[str, float]]) -> dict[str, float]:
    keys = sorted({k for s in spents for k in s})
    return {k: median([s.get(k, 0.0) for s in spents]) for k in keys}


def measure_posters(p: Project, *, cards: int, log: Callable[[str], None]) -> dict[str, Any]:
    log(f"{p.label}: posters, no cache")
    run = spawn_child({"mode": "posters", "root": str(p.root), "config": "",
                       "site": str(p.root.parent / "posters-out"), "cards": cards})
    return {**run.report, "rss_mb": run.rss_mb}


# --- report --------------------------------------------------------------------------------


def fmt_s(seconds: float) -> str:
    if seconds != seconds:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        out.append("| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                     for i, (c, w) in enumerate(zip(row, widths, strict=True)))
                   + " |")
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":"
                                      for i, w in enumerate(widths)) + "|")
    return "\n".join(out)


def main_table(figs: list[Figures], *, cpu: bool = False) -> str:
    """The figures per site; `cpu`: CPU seconds of every process of the build instead of wall
    time (steadier when other work shares the machine)."""
    sfx = "@cpu" if cpu else ""
    head = ["", *(f"{f.label} ({f.projects} proj., {f.pages} p.)" for f in figs)]
    rows: list[list[str]] = [head]

    def row(title: str, cell: Callable[[dict[str, float]], str]) -> None:
        rows.append([title, *(cell(f.values) for f in figs)])

    def vs(key: str, base: str) -> Callable[[dict[str, float]], str]:
        return lambda v: f"{fmt_s(v[key + sfx])} ({ratio(v[key + sfx], v[base + sfx])})"

    def one(key: str) -> Callable[[dict[str, float]], str]:
        return lambda v: fmt_s(v[key + sfx])

    def mb(key: str, base: str) -> Callable[[dict[str, float]], str]:
        return lambda v: f"{v[key]:.0f} MB ({ratio(v[key], v[base])})"

    row("datavisie check (content, house style, poster fit; no cache)", one("check"))
    row("plain MkDocs build (baseline)", one("plain"))
    row("cold build, site + posters", vs("cold", "plain"))
    row("  of which site", vs("cold_site", "plain"))
    row("    of which web fonts (WOFF2, cached)", one("cold_fonts"))
    row("  of which posters + social cards", one("cold_posters"))
    row("warm build, nothing changed", vs("warm", "plain"))
    row("  of which site", vs("warm_site", "plain"))
    row("  of which posters + social cards", one("warm_posters"))
    for kind, title in (("none", "nothing changed"), ("project", "one project file changed"),
                        ("theme", "one theme text changed")):
        row(f"serve rebuild, {title}", vs(f"serve_{kind}", f"plain_serve_{kind}"))
    row("  plain MkDocs serve rebuild, same edit", lambda v: " / ".join(
        fmt_s(v[f"plain_serve_{k}{sfx}"]) for k in ("none", "project", "theme")))
    if cpu:
        return table(rows)
    row("files rasterised: warm build / serve edits", lambda v: (
        f"{v['warm_rasterised']:.0f} / {v['serve_none_rasterised']:.0f}, "
        f"{v['serve_project_rasterised']:.0f}, {v['serve_theme_rasterised']:.0f}"))
    row("project links in the navigation", lambda v: (
        f"{v['nav_links']:.0f} (plain {v['plain_nav_links']:.0f})"))
    row("peak memory, cold build", mb("cold_mb", "plain_mb"))
    row("peak memory, serve session", mb("serve_mb", "plain_serve_mb"))
    row("peak memory, plain MkDocs build", lambda v: f"{v['plain_mb']:.0f} MB")
    return table(rows)


def marginal(figs: list[Figures], key: str) -> list[tuple[int, int, float]]:
    """Seconds per extra project between consecutive generated sizes."""
    sized = sorted((f for f in figs if f.label != EXAMPLE), key=lambda f: f.projects)
    return [(a.projects, b.projects, (b.values[key] - a.values[key]) / (b.projects - a.projects))
            for a, b in zip(sized, sized[1:], strict=False)]


def scale_table(figs: list[Figures]) -> str:
    keys = (("cold", "cold build, site + posters"), ("cold@cpu", "cold build, CPU"),
            ("cold_site@cpu", "cold build, site part, CPU"),
            ("warm", "warm build"), ("warm@cpu", "warm build, CPU"),
            ("serve_project", "serve rebuild, project changed"),
            ("plain", "plain MkDocs build"), ("plain@cpu", "plain MkDocs build, CPU"),
            ("check", "datavisie check"))
    pairs = marginal(figs, "warm")
    if not pairs:
        return ""
    rows = [["extra time per extra project", *(f"N {a} -> {b}" for a, b, _ in pairs),
             "ratio (last / first)"]]
    for key, title in keys:
        costs = [c for _, _, c in marginal(figs, key)]
        rows.append([title, *(f"{c * 1000:.1f} ms" for c in costs),
                     f"{costs[-1] / costs[0]:.2f}x" if len(costs) > 1 and costs[0] > 0
                     else "-"])
    return table(rows)


def poster_table(data: dict[str, Any]) -> str:
    rows = [["poster", "layout + SVG", "PNG", "PDF", "thumbnail"]]
    for name, layout in data["layout"].items():
        r = data["raster"].get(name, {})
        rows.append([name, fmt_s(layout), *(fmt_s(r.get(k, float("nan")))
                                            for k in ("png", "pdf", "thumb"))])
    layout = sum(data["layout"].values())
    raster = sum(sum(r.values()) for r in data["raster"].values())
    rows.append(["total", fmt_s(layout), *(fmt_s(sum(r.get(k, 0.0)
                                                     for r in data["raster"].values()))
                                           for k in ("png", "pdf", "thumb"))])
    lines = [table(rows), "",
             f"Layout + SVG is {100 * layout / raster:.1f}% of rasterising time "
             f"({fmt_s(layout)} against {fmt_s(raster)} of conversions).",
             f"render_all wall time {fmt_s(data['wall'])} for {fmt_s(raster)} of conversions: "
             f"{raster / data['wall']:.2f} conversions run at once on average.",
             f"Social cards: {data['cards']} in {fmt_s(data['card_wall'])} "
             f"({fmt_s(data['card_wall'] / max(data['cards'], 1))} each, layout included)."]
    return "\n".join(lines)


def spent_table(figs: list[Figures], which: str) -> str:
    """Seconds per plugin event and call: wall (CPU of the build process)."""
    keys = sorted({k for f in figs for k in f.notes.get(which, {}) if not k.endswith(":cpu")})
    rows = [["", *(f.label for f in figs)]]
    for k in keys:
        cells = []
        for f in figs:
            spent = f.notes.get(which, {})
            cells.append(f"{fmt_s(spent.get(k, float('nan')))} "
                         f"({fmt_s(spent.get(k + ':cpu', float('nan')))})")
        rows.append([k, *cells])
    return table(rows)


def targets(figs: list[Figures], posters: dict[str, Any] | None) -> list[str]:
    """The issue's targets. Time ratios are judged on CPU seconds (a shared machine makes
    wall time jump); the wall-time ratio is shown next to it."""
    out = []

    def check(ok: bool, text: str) -> None:
        out.append(f"[{'ok' if ok else 'MISSED'}] {text}")

    def both(v: dict[str, float], key: str, base: str) -> tuple[float, str]:
        cpu = v[f"{key}@cpu"] / v[f"{base}@cpu"]
        return cpu, f"{cpu:.2f}x CPU, {v[key] / v[base]:.2f}x wall"

    for f in figs:
        if f.label == EXAMPLE:
            v = f.values
            r, text = both(v, "cold_site", "plain")
            check(r <= 1.3, f"example full build, site part: {text} plain MkDocs (<= 1.3x), "
                            f"plus {fmt_s(v['cold_posters'])} posters and social cards")
            v["cold_nofonts@cpu"] = v["cold_site@cpu"] - v["cold_fonts@cpu"]
            v["cold_nofonts"] = v["cold_site"] - v["cold_fonts"]
            r, text = both(v, "cold_nofonts", "plain")
            check(r <= 1.3, f"example full build, site part without the one-off web-font "
                            f"conversion ({fmt_s(v['cold_fonts@cpu'])} CPU): {text} (<= 1.3x)")
            r, text = both(v, "warm", "plain")
            check(r <= 1.1 and v["warm_rasterised"] == 0,
                  f"example warm rebuild: {text} plain MkDocs (<= 1.1x), "
                  f"{v['warm_rasterised']:.0f} files rasterised (0)")
    for f in figs:
        f.values["cold_nofonts@cpu"] = f.values["cold_site@cpu"] - f.values["cold_fonts@cpu"]
    for key, title in (("warm@cpu", "warm build (CPU)"),
                       ("cold_nofonts@cpu", "cold build, site part without web fonts (CPU)"),
                       ("cold@cpu", "cold build, site + posters + social cards (CPU)")):
        pairs = {(a, b): c for a, b, c in marginal(figs, key)}
        if (10, 100) in pairs and (100, 1000) in pairs:
            r = pairs[(100, 1000)] / pairs[(10, 100)]
            check(r <= 1.25, f"{title}: cost per project from 100 to 1000 is {r:.2f}x that "
                             "from 10 to 100 (<= 1.25x)")
    for f in figs:
        if f.label != EXAMPLE:
            check(f.values["nav_links"] == 0,
                  f"N={f.projects}: project pages out of the navigation "
                  f"({f.values['nav_links']:.0f} project links on a page without projects)")
        if f.projects == 1000 and f.label != EXAMPLE:
            check(f.values["check@cpu"] < 1.0,
                  f"datavisie check on 1,000 projects: {fmt_s(f.values['check@cpu'])} CPU, "
                  f"{fmt_s(f.values['check'])} wall (< 1 s, whole process)")
    if posters:
        layout = sum(posters["layout"].values())
        raster = sum(sum(r.values()) for r in posters["raster"].values())
        check(layout < 0.1 * raster, f"poster layout + SVG {100 * layout / raster:.1f}% of "
                                     "rasterising time (< 10%)")
        check(raster / posters["wall"] > 1.3,
              f"posters rasterise in parallel: {raster / posters['wall']:.2f} at once on average")
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1]) / 2**20
    except (OSError, TypeError):
        mem = float("nan")
    import importlib.metadata as md

    versions = ", ".join(f"{n} {md.version(n)}" for n in ("mkdocs", "mkdocs-material", "cairosvg"))
    return (f"{os.cpu_count()} CPU ({cpu}), {mem:.0f} GB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, {versions}")


def load_text() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def profile(which: str, work: Path) -> None:
    """cProfile of one in-process `mkdocs build` with warm caches (after one build in a child
    process), imports of our package included; `which` is a project count or "voorbeeld"."""
    import cProfile
    import pstats

    if which == EXAMPLE:
        p = prepare(EXAMPLE, work, None)
    else:
        p = prepare(f"N={which}", work, Sizes(projects=int(which)))
    config_file = str(p.root / "mkdocs.yml")
    spawn_child({"mode": "build", "config": config_file,
                 "site": str(work / "profile-site")})  # fills the caches
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def run() -> None:
        config = load_config(config_file=config_file, site_dir=str(work / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)

    prof = cProfile.Profile()
    prof.runcall(run)
    stats = pstats.Stats(prof, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--groot", action="store_true", help="also N = 5000")
    parser.add_argument("--quick", action="store_true", help="smoke run: N = 10, one run")
    parser.add_argument("--sizes", help="comma-separated project counts (instead of the "
                        'default); "" for the example only')
    parser.add_argument("--zonder-voorbeeld", action="store_true",
                        help="skip the example content (content/ of this repository)")
    parser.add_argument("--profiel", metavar="N", help='only profile a warm build at N projects '
                        '(or "voorbeeld": the example)')
    parser.add_argument("--json", type=Path, help="also write all figures as JSON here")
    parser.add_argument("--kind", help=argparse.SUPPRESS)  # internal: run one measurement
    args = parser.parse_args(argv)
    if args.kind:
        print(json.dumps(child(json.loads(args.kind))))
        return 0

    sizes = [10, 100, 1000] + ([5000] if args.groot else [])
    # serve: the edit, then undoing it (two real edits); more rounds add little but minutes
    runs, serve_runs, example, cards = args.runs, 2, True, 12
    if args.sizes is not None:  # "" measures the example only
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.quick:
        sizes, runs, serve_runs, example, cards = [10], 1, 1, False, 2
    if args.zonder_voorbeeld:
        example = False

    def log(text: str) -> None:
        print(f"  [{time.strftime('%H:%M:%S')}] {text} (load {load_text()})", file=sys.stderr,
              flush=True)

    started, load_start = time.perf_counter(), load_text()
    with tempfile.TemporaryDirectory(prefix="datavisie-bench-") as tmp:
        work = Path(tmp)
        if args.profiel:
            profile(args.profiel, work)
            return 0
        sites = [prepare(EXAMPLE, work, None)] if example else []
        sites += [prepare(f"N={n}", work, Sizes(projects=n)) for n in sizes]
        figs = [measure(s, runs=runs, serve_runs=serve_runs, log=log) for s in sites]
        poster_site = sites[0]
        posters = measure_posters(poster_site, cards=cards, log=log)

    print(f"# Datavisie benchmark\n\nMachine: {machine()}.")
    print(f"Load average (1/5/15 min) at start {load_start}, at end {load_text()}; "
          f"{os.cpu_count()} cores. Total {time.perf_counter() - started:.0f} s.")
    print(f"Each figure is the median of {runs} run(s) in fresh processes (serve: "
          f"{serve_runs} rebuilds in one process); ratio = datavisie / plain MkDocs with the "
          "same Material theme on the same pages (`datavisie markdown`, no plugin).\n")
    print(main_table(figs) + "\n")
    print("The same in CPU seconds (user + system, every process of the build; steadier than "
          "wall time when the machine is shared):\n\n" + main_table(figs, cpu=True) + "\n")
    scale = scale_table(figs)
    if scale:
        print("Scaling (extra seconds per extra project between sizes):\n\n" + scale + "\n")
    print(f"Posters of {poster_site.label}, no cache, one run:\n\n" + poster_table(posters) + "\n")
    for which, title in (("cold_spent", "a cold"), ("warm_spent", "a warm")):
        print(f"Where {title} build spends its time (plugin events and calls, inclusive):\n\n"
              + spent_table(figs, which) + "\n")
    print("Targets:\n\n" + "\n".join(targets(figs, posters)))
    if args.json:
        args.json.write_text(json.dumps({"figures": [f.__dict__ for f in figs],
                                         "posters": posters}, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
