"""The staff guide's error list ("Foutmeldingen"): how to read a message, and every code of
the registry (codes.py) by group, with what to do about it."""

from __future__ import annotations

from build_tools.content.forge import Forge
from build_tools.staff.guide_forge import (
    CHECKS,
    summary_place,
)
from build_tools.staff.guide_markdown import cell as _cell
from build_tools.staff.guide_markdown import code as _code

_EXAMPLE_ERROR = ("content/projecten/afval.yml:4:9: DV108 `status` kan niet 'pilott' zijn "
                  "(bedoelde je `pilot`? kies uit: verkenning, pilot, in-gebruik, "
                  "buiten-gebruik)")

_EXAMPLE_WARNING = ("content/projecten/afval.yml:4:9: W001 waarschuwing: project is buiten "
                    "gebruik maar heeft geen `eind` (vul `eind` in met de maand waarin het "
                    "stopte, zodat lezers zien tot wanneer het gebruikt is)")

_GROUPS = (
    ("DV0", "Het bestand lezen",
     "Het bestand zelf is niet te lezen: de opbouw van de YAML of het voorwerk klopt niet."),
    ("DV1", "Eén veld",
     "Een waarde past niet bij het veld: leeg, te lang, verkeerd geschreven of onbekend."),
    ("DV2", "Samenhang",
     "Waarden passen niet bij elkaar of bij andere bestanden: een onbekend id, een datum "
     "buiten zijn fase, een dubbel nummer."),
    ("DS0", "Huisstijl",
     "De huisstijl in theme/huisstijl.yml of een bestand waar die naar wijst."),
    ("DP0", "Posterdefinities", "Een posterdefinitie in posters/ klopt niet."),
    ("DP1", "Past niet op een poster",
     "Inhoud is te lang of te groot voor de poster; meestal helpt een kortere tekst."),
    ("W0", "Waarschuwing: aangeraden",
     "De inhoud is geldig en wordt gepubliceerd, maar iets wat lezers helpt ontbreekt of is "
     "langer dan aangeraden."),
    ("W1", "Waarschuwing: verouderd",
     "Iets op de site is waarschijnlijk niet meer waar: een datum is voorbij, een proef duurt "
     "lang, een meting is oud. Werk de genoemde regel bij."),
    ("W2", "Waarschuwing: landelijk Algoritmeregister",
     "Het landelijke Algoritmeregister zou een algoritme zo niet aannemen. De site wordt "
     "gewoon gebouwd; alleen `datavisie algoritmeregister` schrijft niets tot het past "
     "(dan met de code DV230, DV231 of DV232)."),
    ("W3", "Waarschuwing: werkwijze", "Iets in de manier van werken verdient aandacht."),
    ("W4", "Waarschuwing: lezers en drukwerk",
     "Iets wat lezers, printers of downloads raakt, verdient aandacht."),
)


def errors_page(forge: Forge) -> str:
    try:
        from build_tools.codes import CODES
    except ImportError:  # the registry is optional: without it, the groups still explain
        CODES = {}
    checks = CHECKS.get(forge.kind, "")
    parts = [f"""# Foutmeldingen

De controle (`datavisie check`) leest alle inhoud en de huisstijl, kijkt of alles op de
posters past, en meldt elke fout tegelijk. Een melding ziet er zo uit:

{_code(_EXAMPLE_ERROR)}

Eerst het bestand, dan de regel en de kolom, dan een vaste code, wat er mis is en tussen
haakjes wat je doet. Bij een {forge.request} staan alle meldingen in {summary_place(forge)},
ook die in bestanden die je niet aanraakte (een verwijzing naar iets dat jouw wijziging
weghaalt, bijvoorbeeld): die zijn gemarkeerd met *buiten je wijziging*. {checks}
De code blijft altijd hetzelfde; zoek hem hieronder op als de melding niet genoeg zegt.

Een **fout** (code met D) houdt de publicatie tegen: los hem eerst op. Een
**waarschuwing** (code met W) niet: de site wordt gewoon gebouwd, maar er is iets wat je
beter kunt bijwerken. Een waarschuwing ziet er zo uit:

{_code(_EXAMPLE_WARNING)}

Wil je organisatie dat ook waarschuwingen de publicatie tegenhouden, dan draait de
controle met `datavisie check --strict` (en de bouw met `datavisie bouw --strict`).
"""]
    known = tuple(prefix for prefix, _, _ in _GROUPS)
    rest = sorted({c[:3] for c in CODES if not c.startswith(known)})
    groups = [*_GROUPS, *((p, "Andere meldingen", "") for p in rest)]
    for prefix, title, text in groups:
        codes = sorted(c for c in CODES if c.startswith(prefix))
        parts.append(f"## {title} ({prefix}xx)\n\n{text}\n".replace("\n\n\n", "\n"))
        if codes:
            parts.append("| code | wat er mis is | wat je doet |\n|---|---|---|\n" + "\n".join(
                f"| {c}{f' (was {CODES[c].was})' if CODES[c].was else ''} "
                f"| {_cell(CODES[c].title)} | {_cell(CODES[c].action)} |" for c in codes)
                + "\n")
    return "\n".join(parts)
