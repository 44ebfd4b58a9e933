"""Adopting a version: record the decision in content/versies.yml and tag the commit that
holds the adopted text. The only module that writes to git; it refuses rather than guesses."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.content.contract import BODY
from build_tools.content.load import load
from build_tools.content.types import parse_when
from build_tools.content.yamlio import parse_yaml
from build_tools.errors import UserError
from build_tools.history.git import open_repo

VERSIONS_FILE = "content/versies.yml"


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def entry_text(*, versie: str, datum: str, orgaan: str, kenmerk: str, url: str | None,
               samenvatting: str, tag: str) -> str:
    lines = [
        f"- versie: {_q(versie)}",
        f"  datum: {datum}",
        f"  status: vastgesteld-{'raad' if orgaan == 'gemeenteraad' else orgaan}",
        "  besluit:",
        f"    orgaan: {orgaan}",
        f"    kenmerk: {_q(kenmerk)}",
    ]
    if url:
        lines.append(f"    url: {_q(url)}")
    lines += [f"  tag: {_q(tag)}", f"  samenvatting: {_q(samenvatting)}"]
    return "\n".join(lines) + "\n"


def adopt(root: Path, *, versie: str, orgaan: str, datum: str, kenmerk: str,
          url: str | None = None, samenvatting: str | None = None) -> str:
    """Add (or promote the concept entry to) an adopted version, commit, and tag it.
    Returns a Dutch confirmation; raises UserError when it must refuse."""
    if orgaan not in BODY:
        raise UserError(f"onbekend orgaan {orgaan!r}; kies uit: {', '.join(BODY)}")
    when = parse_when(datum, ("dag",))
    if when is None:
        raise UserError(f"datum {datum!r} is geen geldige datum; schrijf bijvoorbeeld 2024-03-01")
    if url and not url.startswith(("https://", "http://")):
        raise UserError("--url moet een volledig webadres zijn (https://...)")
    repo = open_repo(root)
    if repo is None:
        raise UserError("dit is geen git-repository; vaststellen maakt een git-tag")
    if not repo.is_clean():
        raise UserError("er zijn niet-vastgelegde wijzigingen; leg ze eerst vast (git commit) "
                        "of zet ze opzij (git stash)")
    model = load(root)  # raises ContentError: invalid content is never adopted
    tag = f"visie-{versie}"
    if repo.resolve(f"refs/tags/{tag}"):
        raise UserError(f"tag {tag} bestaat al; kies een nieuw versienummer")
    existing = next((v for v in model.versies if v.versie == versie), None)
    if existing is not None and existing.status != "concept":
        raise UserError(f"versie {versie} bestaat al ({existing.status}); "
                        "kies een nieuw versienummer")
    previous = [v for v in model.versies if v.status != "concept"]
    if previous and when.start < previous[-1].datum.start:
        raise UserError(f"datum {datum} ligt voor versie {previous[-1].versie} "
                        f"({previous[-1].datum}); versies staan van oud naar nieuw")
    summary = samenvatting or (existing.samenvatting if existing else None)
    if not summary:
        raise UserError("geef met --samenvatting in een paar zinnen aan wat er veranderde")

    path = root / VERSIONS_FILE
    original = path.read_text(encoding="utf-8")
    block = entry_text(versie=versie, datum=datum, orgaan=orgaan, kenmerk=kenmerk, url=url,
                       samenvatting=" ".join(summary.split()), tag=tag)
    updated = _replace_or_append(original, versie, block)
    path.write_text(updated, encoding="utf-8")
    try:
        load(root)
    except Exception:
        path.write_text(original, encoding="utf-8")
        raise
    message = f"Versie {versie} vastgesteld door {orgaan} ({kenmerk}, {datum})"
    try:
        repo.run("add", "--", VERSIONS_FILE, check=True)
        repo.run("commit", "-q", "-m", message, "--", VERSIONS_FILE, check=True)
    except RuntimeError as exc:  # e.g. no user.name/user.email: nothing is committed
        path.write_text(original, encoding="utf-8")
        repo.run("reset", "-q", "--", VERSIONS_FILE)
        raise UserError(f"git kon de wijziging niet vastleggen: {exc}") from None
    try:
        repo.run("tag", "-a", tag, "-m", message, check=True)
    except RuntimeError as exc:
        raise UserError(f"versies.yml is vastgelegd, maar git kon de tag {tag} niet maken: "
                        f"{exc}. Maak hem met: git tag -a {tag} -m \"{message}\"") from None
    return f"{message}. Vastgelegd en getagd als {tag}. Publiceer met: git push --follow-tags"


def _replace_or_append(text: str, versie: str, block: str) -> str:
    """Replace the (concept) entry for `versie`, keeping comments elsewhere, or append."""
    node, issues = parse_yaml(text, VERSIONS_FILE)
    lines = text.split("\n")
    if node is not None and node.is_seq:
        entries = node.value
        for i, entry in enumerate(entries):
            v = entry.get("versie")
            if v is not None and v.value == versie:
                start = entry.pos.line - 1
                end = entries[i + 1].pos.line - 1 if i + 1 < len(entries) else len(lines)
                while end > start and not lines[end - 1].strip():
                    end -= 1
                head = "\n".join(lines[:start])
                tail = "\n".join(lines[end:])
                return (head + "\n" if head else "") + block + tail
    return text.rstrip("\n") + "\n" + block
