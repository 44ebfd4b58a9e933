"""Hostile YAML texts, with the error code each must end in. The parser tests
(tests/test_yamlio.py) check the codes; check_bench.py times them."""

from __future__ import annotations


def billion_laughs() -> str:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


HOSTILE: dict[str, tuple[str, str]] = {
    # name: (text, code)
    "billion laughs": (billion_laughs(), "DV004"),
    "10,000 nested flow lists, one per line": (
        "a:\n" + "  [\n" * 10_000 + "  ]\n" * 10_000, "DV006"),
    "10,000 nested flow lists on one line": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", "DV001"),
    "10,000 flow lists never closed": ("[" * 10_000, "DV006"),
    "1,400 nested block lists": ("\n".join(" " * i + "-" for i in range(1_400)) + " x\n", "DV006"),
    "1,400 nested mappings": ("".join(" " * i + "k:\n" for i in range(1_400)), "DV006"),
    "100,000-character line": ("a: " + "x" * 100_000 + "\n", "DV001"),
}
