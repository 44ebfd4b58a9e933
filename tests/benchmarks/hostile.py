"""Hostile YAML texts and content files, with the error code each must end in. The parser
tests (tests/test_yamlio.py) and tests/test_hostile_inputs.py check the codes; check_bench.py
times them."""

from __future__ import annotations

from collections.abc import Callable


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
    "a !!python/object tag": ("a: !!python/object/apply:os.system [id]\n", "DV007"),
    "a !!binary tag": ("a: !!binary aGFsbG8=\n", "DV007"),
    "control characters written as escapes": ('a: "bel \\x07 escape \\x1b[31m"\n', "DV013"),
    "NUL written as an escape": ('a: "\\u0000"\n', "DV013"),
    "4,000 escaped control characters": ('a: "' + "\\x07" * 4_000 + '"\n', "DV013"),
}


def _replace(old: str, new: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return apply


def _write(new: str) -> Callable[[str], str]:
    return lambda _text: new


_PAGE = "---\ntitel: Veel koppen\n---\n\n"
_PROJECT = "naam: x\n"

# Hostile content files: (file under content/, change to its text, code). Written into a copy
# of tests/fixtures/minimal and read with load(); test_hostile_inputs.py checks the codes,
# check_bench.py times the refusal.
HOSTILE_FILES: dict[str, tuple[str, Callable[[str], str], str]] = {
    "a 5,000-digit volgorde": ("themas/ethiek.md", _replace("volgorde: 1", "volgorde: "
                                                             + "9" * 5_000), "DV106"),
    "datum 9999-12-31": ("versies.yml", _replace("datum: 2024-06-01", "datum: 9999-12-31"),
                         "DV109"),
    "a version named 404.html": ("versies.yml", _replace('versie: "1.1"', 'versie: "404.html"'),
                                 "DV220"),
    "a version's tag that is an option": (
        "versies.yml", _replace("  samenvatting: De raad", "  tag: --output=/tmp/x\n"
                                "  samenvatting: De raad"), "DV221"),
    "an escaped control character in a title": (
        "themas/ethiek.md", _replace("titel: Ethiek", 'titel: "Eth\\x07\\x1biek"'), "DV013"),
    "a control character in a Markdown body": ("paginas/over.md",
                                               lambda t: t + "\nTekst\x1b[2J\n", "DV013"),
    "a !!python/object tag in front matter": (
        "themas/ethiek.md", _replace("titel: Ethiek", "titel: !!python/object:os.system Ethiek"),
        "DV007"),
    "an id of 250 characters": ("projecten/" + "a" * 250 + ".yml", _write(_PROJECT), "DV015"),
    "30,000 headings": ("paginas/koppen.md", _write(_PAGE + "".join(
        f"## Kop {i}\n\n" for i in range(30_000))), "DV016"),
    "30,000 headings in list items": ("paginas/koppen.md", _write(_PAGE + "".join(
        f"- # Kop {i}\n" for i in range(30_000))), "DV016"),
}


_LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'

# Logos made to be slow to read (a regular expression that went back over the value for every
# `url(` took 88 s for the first): tests/test_logo.py reads each within a hang limit.
HOSTILE_LOGOS: dict[str, str] = {
    "50,000 unclosed url( in a class": _LOGO.format('<rect class="' + "url(" * 50_000 + '"/>'),
    "50,000 unclosed url( in a style": _LOGO.format('<rect style="fill:' + "url(" * 50_000
                                                    + '"/>'),
    "100,000 unclosed comments": _LOGO.format("<style>" + "/*" * 100_000 + "</style>"),
    "100,000 unclosed rules": _LOGO.format("<style>" + "a{" * 100_000 + "</style>"),
    "50,000 url(# in a rule": _LOGO.format("<style>.a{fill:" + "url(#" * 50_000 + "}</style>"),
    "30,000 declarations": _LOGO.format('<rect style="' + "fill:red;" * 30_000 + '"/>'),
    "a <use> of ten <use> of ten ... (10^6)": _LOGO.format('<rect id="a0" width="1"/>' + "".join(
        f'<g id="a{k}">' + f'<use href="#a{k - 1}"/>' * 10 + "</g>" for k in range(1, 7))),
}
