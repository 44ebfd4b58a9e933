"""Which removed theme, project or page came back under another name: a rename git saw, an
old address the new file lists under `oude_adressen:`, or (for a working tree git has not seen
yet) most of the same text. Pure; used by changes.py."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from build_tools.content.addresses import KINDS, key, shown
from build_tools.history.textdiff import similarity

SIMILAR_AT = 0.6  # as much in common as this: the same item under a new name


@dataclass(frozen=True)
class Moved:
    old: Any
    new: Any
    redirects: bool  # the site will send the old address on (a rename in git, or listed)


def address(folder: str, item_id: str) -> str:
    return KINDS[folder].format(id=item_id)


def moved_items(folder: str, old: Sequence[Any], new: Sequence[Any], *,
                moved: Mapping[str, str], text: Callable[[Any], str]) -> dict[str, Moved]:
    """New id -> the old item it replaces. `moved` maps old to new address keys (renames git
    found in the change)."""
    new_ids = {i.id for i in new}
    old_ids = {i.id for i in old}
    gone = {i.id: i for i in old if i.id not in new_ids}
    added = [i for i in new if i.id not in old_ids]
    out: dict[str, Moved] = {}
    by_address = {address(folder, i.id): i for i in gone.values()}
    for item in added:
        here = address(folder, item.id)
        source = next((o for o, n in moved.items() if n == here and o in by_address), None)
        if source is None:
            source = next((key(a) for a in getattr(item, "oude_adressen", ())
                           if key(a) in by_address), None)
        if source is not None:
            out[item.id] = Moved(by_address.pop(source), item, True)
    rest = [i for i in added if i.id not in out]
    scored = sorted(((similarity(text(o), text(n)), o.id, n.id)
                     for o in (by_address[a] for a in sorted(by_address)) for n in rest),
                    key=lambda x: (-x[0], x[1], x[2]))
    used: set[str] = set()
    items = {i.id: i for i in rest}
    for score, old_id, new_id in scored:
        if score < SIMILAR_AT:
            break
        if old_id in used or new_id in out:
            continue
        out[new_id] = Moved(gone[old_id], items[new_id], False)
        used.add(old_id)
    return out


def moved_sentence(what: str, name: str, folder: str, m: Moved) -> str:
    old, new = address(folder, m.old.id), address(folder, m.new.id)
    head = (f"{what} {name} heeft een nieuw adres: van ‘{shown(old)}’ naar ‘{shown(new)}’.")
    if m.redirects:
        return head + " Het oude adres stuurt door naar het nieuwe."
    return (head + f" Zet `oude_adressen: [{shown(old)}]` in het bestand, dan blijft het oude "
                   "adres werken.")


def removed_note(folder: str, item_id: str) -> str:
    return f" Het adres ‘{shown(address(folder, item_id))}’ werkt dan niet meer."


def unmoved(items: Collection[Any], moved: Mapping[str, Moved]) -> set[str]:
    """Ids of old items that did not move (really removed)."""
    gone = {m.old.id for m in moved.values()}
    return {i.id for i in items if i.id not in gone}
