"""The Jinja environment poster templates run in: Jinja's immutable sandbox (no attribute
starting with `_`, no changing a list or dict), an allow-list of what a template may call,
and the limits of `budget.py` on every loop turn, call, filter, operator and piece of output.
A template is the organisation's file like content: whatever it says, the build neither runs
a command, nor reads or writes a file, nor runs out of memory or time; it reports the
template's line (DP013-DP015, see render.template_issue).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import PurePath
from types import BuiltinMethodType, MethodType, ModuleType
from typing import Any, cast

from jinja2 import FileSystemLoader, StrictUndefined, nodes, pass_context, select_autoescape
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import FILTERS
from jinja2.runtime import (
    BlockReference,
    Context,
    LoopContext,
    Macro,
    Undefined,
    markup_join,
    str_join,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.tests import TESTS
from jinja2.utils import Cycler, Joiner, Namespace, _PassArg
from markupsafe import Markup

from build_tools.views.posters.budget import (
    ESCAPING,
    MAX_OUTPUT,
    MAX_RANGE,
    LimitExceeded,
    binop_bound,
    bound,
    current,
    format_bound,
    limited,
    materialised,
    weight,
)
from build_tools.views.posters.paper import PosterDef
from build_tools.views.posters.textfit import Face


def _guarded(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter or test that counts a step and checks what it can make before it runs.
    Takes the context, so Jinja never runs it while compiling (outside any budget)."""
    pass_arg = _PassArg.from_obj(func)

    @pass_context
    def run(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        budget = current()
        value = materialised(value)
        args = tuple(materialised(a) for a in args)
        most = bound(name, value, (*args, *kwargs.values()), is_filter=True)
        budget.allow(most, f"het filter `{name}`")
        budget.spend(min(most, sum(weight(v) for v in (value, *args))))
        first = {_PassArg.context: (context,), _PassArg.eval_context: (context.eval_ctx,),
                 _PassArg.environment: (context.environment,)}.get(pass_arg, ())  # type: ignore
        return budget.made(func(*first, value, *args, **kwargs))

    return functools.update_wrapper(run, func, updated=())


# --- what a template may call ---------------------------------------------------------------

def _range(*args: int) -> range:
    try:
        numbers = range(*args)
        too_many = len(numbers) > MAX_RANGE
    except OverflowError:
        too_many = True
    if too_many:
        raise LimitExceeded("werk", f"range() met meer dan {MAX_RANGE:,} getallen"
                            .replace(",", "."))
    return numbers


TEMPLATE_METHODS = frozenset({PosterDef.pt, Face.width})  # the poster objects' own methods
_VALUE_TYPES = (str, int, float, bool, dict, list, tuple, set, frozenset)
_TEMPLATE_CODE = (Macro, LoopContext, BlockReference)
_HIDDEN_VALUES = (PurePath, ModuleType)  # a template never sees a file path or a module


_COUNTERS = frozenset({"dv_step", "dv_step_true"})


class GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator with the counters called directly (only `_add_steps` makes
    calls of environment attributes; the template language has no way to write one) and a
    weighed `~`."""

    def visit_Call(self, node: nodes.Call, frame: Frame,  # noqa: N802 (Jinja's names)
                   forward_caller: bool = False) -> None:
        target = node.node
        if isinstance(target, nodes.EnvironmentAttribute) and target.name in _COUNTERS:
            self.write(f"environment.{target.name}(")
            for arg in node.args:
                self.visit(arg, frame)
            self.write(")")
            return
        super().visit_Call(node, frame, forward_caller=forward_caller)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802
        self.write("environment.dv_concat(context.eval_ctx, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


def _counter(name: str, lineno: int, *args: Any) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name, lineno=lineno),
                      [nodes.Const(a, lineno=lineno) for a in args], [], None, None,
                      lineno=lineno)


def _step(size: int, lineno: int) -> nodes.ExprStmt:
    """A loop turn (size 0), or a piece of the template's own text about to be written."""
    return nodes.ExprStmt(_counter("dv_step", lineno, size), lineno=lineno)


def _add_steps(node: nodes.Node) -> None:
    for name in node.fields:
        value = getattr(node, name)
        if isinstance(value, nodes.Node):
            _add_steps(value)
        elif isinstance(value, list):
            out: list[Any] = []
            for item in value:
                if isinstance(item, nodes.Node):
                    _add_steps(item)
                if isinstance(item, nodes.Output):
                    size = sum(len(c.data) for c in item.nodes if isinstance(c, nodes.TemplateData))
                    if size:
                        out.append(_step(size, item.lineno))
                out.append(item)
            setattr(node, name, out)
    if isinstance(node, nodes.For):
        node.body.insert(0, _step(0, node.lineno))
        if node.test is not None:  # a step for every item the loop's `if` looks at
            node.test = nodes.And(_counter("dv_step_true", node.lineno), node.test,
                                  lineno=node.lineno)


class PosterEnvironment(ImmutableSandboxedEnvironment):
    code_generator_class = GuardedCodeGenerator
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, folder: str, finalize: Callable[[Any], Any]) -> None:
        @pass_context
        def weighed_finalize(context: Context, value: Any) -> Any:
            budget = current()
            escaping = 1 if hasattr(value, "__html__") else ESCAPING
            budget.allow(weight(value) * escaping, "deze waarde")
            return budget.made(finalize(value))

        super().__init__(
            finalize=weighed_finalize, loader=FileSystemLoader(folder),
            autoescape=select_autoescape(enabled_extensions=("j2", "svg"), default=True),
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True)
        self.globals.clear()
        self.globals.update(range=_range, dict=dict, cycler=Cycler, joiner=Joiner,
                            namespace=Namespace)
        self._trusted_globals = (_range, dict, Cycler, Joiner, Namespace)
        self.filters = {name: _guarded(name, f) for name, f in FILTERS.items()
                        if name != "random"}  # `random`: the same commit gives the same poster
        self.tests = {name: _guarded(name, cast(Callable[..., Any], f))
                      for name, f in TESTS.items()}

    def add_filter(self, name: str, func: Callable[..., Any]) -> None:
        self.filters[name] = _guarded(name, func)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _add_steps(tree)
        return tree

    # -- the counting the generated code calls ----------------------------------------------

    def dv_step(self, size: int) -> None:
        budget = current()
        budget.step()
        if size:
            budget.spend(size)

    def dv_step_true(self) -> bool:
        current().step()
        return True

    def dv_concat(self, eval_ctx: Any, values: tuple[Any, ...]) -> str:
        budget = current()
        budget.allow(sum(weight(v) for v in values), "`~`")
        join = markup_join if eval_ctx.autoescape else str_join
        return budget.made(join(values))  # type: ignore[no-any-return]

    # -- the sandbox's hooks ----------------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return super().is_safe_attribute(obj, attr, value) and not isinstance(
            value, _HIDDEN_VALUES)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        return self.undefined(f"`{attribute}` van een {type(obj).__name__} lezen",
                              name=attribute, obj=obj, exc=SecurityError)

    def is_safe_callable(self, obj: Any) -> bool:
        """An allow-list: the template's own macros and loops, Jinja's helpers, the pure
        methods of strings, numbers and collections, and the poster objects' `pt`."""
        if isinstance(obj, _TEMPLATE_CODE) or getattr(obj, "dv_guarded", False):
            return True
        if any(obj is g for g in self._trusted_globals):
            return True
        if getattr(obj, "__func__", None) in TEMPLATE_METHODS:
            return True
        owner = getattr(obj, "__self__", None)
        if isinstance(obj, BuiltinMethodType) and type(owner) in _VALUE_TYPES:
            return True
        return isinstance(obj, MethodType) and type(owner) in (Markup, Cycler, Joiner,
                                                                LoopContext)

    def call(__self, __context: Context, __obj: Any, *args: Any,  # noqa: N805 (Jinja's)
             **kwargs: Any) -> Any:
        if not __self.is_safe_callable(__obj):
            owner = getattr(__obj, "__self__", None)
            what = getattr(__obj, "__name__", type(__obj).__name__)
            if owner is not None:
                what = f"{type(owner).__name__}.{what}"
            raise SecurityError(f"`{what}` aanroepen")
        budget = current()
        if isinstance(__obj, _TEMPLATE_CODE) or getattr(__obj, "dv_guarded", False) \
                or __obj is _range:
            budget.step()  # its own steps and outputs are counted where they happen
            return __context.call(__obj, *args, **kwargs)
        args = tuple(materialised(a) for a in args)
        subject = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if getattr(__obj, "__func__", None) in TEMPLATE_METHODS:  # return a number
            subject, name = None, "poster"
        most = bound(name, subject, (*args, *kwargs.values()), is_filter=False)
        budget.allow(most, f"`{name}`")
        budget.spend(min(most, weight(subject) + sum(weight(a) for a in args)))
        return budget.made(__context.call(__obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        fmt = value.__self__
        mapping = value.__name__ == "format_map"

        def guarded(*args: Any, **kwargs: Any) -> str:
            budget = current()
            values = (*args, *kwargs.values()) if not mapping else tuple(
                args[0].values() if args and isinstance(args[0], dict) else args)
            budget.allow(format_bound(fmt, values, braces=True), "`format`")
            return budget.made(wrapper(*args, **kwargs))  # type: ignore[no-any-return]

        guarded.dv_guarded = True  # type: ignore[attr-defined]
        return guarded

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = current()
        budget.allow(binop_bound(operator, left, right), f"`{operator}`")
        return budget.made(self.binop_table[operator](left, right))


def render(template: Any, context: dict[str, Any]) -> str:
    """The template's text, within the limits (LimitExceeded past one)."""
    with limited():
        parts: list[str] = []
        size = 0
        chunks = template.generate(**context)
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:  # raised where the template is writing: at its line
                chunks.throw(LimitExceeded("grootte", "de poster wordt groter dan "
                                                      f"{MAX_OUTPUT // 1_000_000} miljoen tekens"))
            parts.append(chunk)
        return "".join(parts)
