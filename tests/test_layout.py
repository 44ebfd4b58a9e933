"""The package layout is the architecture; these rules keep it so.

- no module of `build_tools` is over 400 lines (split by noun);
- no import cycles between `build_tools` modules, counting imports inside functions and
  `importlib.import_module("build_tools....")` with a literal name;
- the command line (`build_tools/cli/`) is imported by no module outside it: commands and the
  MkDocs plugin call into the package, never into the CLI;
- only `mkdocs_plugin.py` and `build/` import MkDocs.

Imports are read from the source with `ast`, so a rule holds for code that a test never runs.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "build_tools"
MAX_LINES = 400


@dataclass(frozen=True)
class Import:
    """One import in a module: what it names, and where."""

    target: str  # dotted module name, e.g. build_tools.content.model or mkdocs.config
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute name of `from <level dots><module> import ...` in `importer`."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def _literal_import(node: ast.Call) -> str | None:
    """`importlib.import_module("x")`, `import_module("x")` or `__import__("x")` with a literal
    name: the module it imports."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else \
        func.id if isinstance(func, ast.Name) else ""
    if name not in ("import_module", "__import__") or not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def imports_of(path: Path, known: Mapping[str, Path],
               importer: str | None = None) -> Iterator[Import]:
    """Every module `path` imports, at any depth of its code (functions included)."""
    importer = importer or module_name(path)
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, importer, is_package)
            named = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known]
            if len(named) < len(node.names):  # something of `base` itself, not a submodule
                yield Import(base, node.lineno)
            for target in named:
                yield Import(target, node.lineno)
        elif isinstance(node, ast.Call):
            literal = _literal_import(node)
            if literal is not None:
                yield Import(literal, node.lineno)


def graph() -> dict[str, dict[str, int]]:
    """build_tools module -> {build_tools module it imports: first line}."""
    known = modules()
    out: dict[str, dict[str, int]] = {}
    for name, path in known.items():
        edges: dict[str, int] = {}
        for imp in imports_of(path, known):
            if imp.target in known and imp.target != name:
                edges.setdefault(imp.target, imp.line)
        out[name] = edges
    return out


def cycles(edges: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, {})))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def test_no_module_is_over_400_lines() -> None:
    long = {_rel(p): n for p in modules().values()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split by noun): {long}"


def test_no_import_cycles() -> None:
    edges = graph()
    found = cycles(edges)
    described = [" ; ".join(f"{m} -> {n} (line {edges[m][n]})" for m in c for n in c
                            if n in edges[m]) for c in found]
    assert not found, "import cycles:\n" + "\n".join(described)


def test_nothing_outside_cli_imports_cli() -> None:
    known = modules()
    wrong = [f"{_rel(path)}:{imp.line} imports {imp.target}"
             for name, path in known.items() if not _in(name, "build_tools.cli")
             for imp in imports_of(path, known) if _in(imp.target, "build_tools.cli")]
    assert not wrong, "the CLI is imported from outside build_tools/cli/:\n" + "\n".join(wrong)


def test_only_the_plugin_and_build_import_mkdocs() -> None:
    known = modules()
    allowed = ("build_tools.mkdocs_plugin", "build_tools.build")
    wrong = [f"{_rel(path)}:{imp.line} imports {imp.target}"
             for name, path in known.items() if not any(_in(name, a) for a in allowed)
             for imp in imports_of(path, known) if _in(imp.target, "mkdocs")]
    assert not wrong, "MkDocs imported outside mkdocs_plugin.py and build/:\n" + "\n".join(wrong)


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


# --- the rules' own machinery, on small made-up packages ---------------------------------


def test_cycles_finds_a_loop_through_three_modules_and_ignores_a_chain() -> None:
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [
        ["a", "b", "c"]]
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {}}) == []


def test_imports_inside_functions_and_by_importlib_count(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from build_tools.cli import main\n"
                      "import importlib\n"
                      "def g():\n    return importlib.import_module('build_tools.cli.bouw')\n",
                      encoding="utf-8")
    known = {"build_tools.cli": source, "build_tools.cli.bouw": source}
    found = {i.target for i in imports_of(source, known, "build_tools.m")}
    assert {"build_tools.cli", "build_tools.cli.bouw"} <= found
