"""The base of every declared value type (`Type`), the context that collects a file's
issues while its values are checked (`Ctx`), and the marker of a value that failed (`MISSING`)."""

from __future__ import annotations

from typing import Any

from build_tools.content.yamlio import Node
from build_tools.errors import Issue, Pos


class Ctx:
    """Collects issues while checking one file."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, pos: Pos, code: str, message: str, hint: str = "") -> None:
        self.issues.append(Issue.at(pos, code, message, hint))


class Missing:
    """Marker for a value that failed its check (the record is still built, issues are kept)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = Missing()


class Type:
    """A value type: checks a Node and returns a plain value (or MISSING after an issue)."""

    label = "waarde"
    example = ""

    def check(self, node: Node, ctx: Ctx, name: str) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def describe(self) -> str:
        return self.label

    def _scalar(self, node: Node, ctx: Ctx, name: str) -> str | None:
        if not node.is_scalar:
            kind = "een lijst" if node.is_seq else "een groep velden"
            ctx.error(node.pos, "DV101", f"`{name}` moet {self.label} zijn, niet {kind}",
                      f"bijvoorbeeld `{name}: {self.example}`" if self.example
                      else f"schrijf één waarde: {self.describe()}")
            return None
        return node.value  # type: ignore[no-any-return]



def ok(*values: Any) -> bool:
    """True when none of the values failed their check."""
    return all(v is not MISSING for v in values)
