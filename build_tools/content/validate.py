"""Cross-file rules of the contract, as pure functions from the model to a list of Issues.

Single-file rules (types, enums, lengths, required and unknown keys) live in the schemas;
here is what needs more than one value: references, uniqueness, time, scales, DPIA.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from build_tools.content.addresses import address_issues
from build_tools.content.headings import heading_issues
from build_tools.content.markup import markup_issues
from build_tools.content.model import Datavisie
from build_tools.content.placeholders import placeholder_issues
from build_tools.errors import Issue, Pos
from build_tools.history.refs import ref_issue

RESERVED_PAGE_IDS = {"visie", "themas", "routekaart", "projecten", "ontwikkeling", "begrippen",
                     "versies", "meedoen", "posters", "assets", "search", "data", "index",
                     "vergelijk", "archief", "concept",  # concept: /concept/ (site/editions.py)
                     "algoritmeregister",
                     "open-data"}  # the downloads explained (views/website/opendata.py)
# Every other name at the top of the built site: its files, and what MkDocs and Material
# write there (404.html, sitemap.xml, search/). A version's folder may not take one of these
# or a page's (DV220). tests/sites/test_hostile_inputs.py compares this list with the top of real
# builds, so a new file or section of the site cannot be forgotten here.
SITE_ROOT_NAMES = frozenset(RESERVED_PAGE_IDS | {
    "index.html", "404.html", "robots.txt", "sitemap.xml", "sitemap.xml.gz", "versions.json",
    ".well-known"})


def _at(obj: Any, name: str | None = None) -> Pos:
    if name and name in getattr(obj, "fpos", {}):
        return obj.fpos[name]  # type: ignore[no-any-return]
    return obj.pos  # type: ignore[no-any-return]


def _known(ids: Iterable[str]) -> str:
    ids = sorted(ids)
    if not ids:
        return "er zijn er nog geen"
    shown = ", ".join(ids[:12])
    return "bekend: " + (shown + f" (en {len(ids) - 12} meer)" if len(ids) > 12 else shown)


def _ref_issue(pos: Pos, what: str, value: str, known: set[str]) -> Issue:
    import difflib
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = (f"bedoelde je `{close[0]}`? " if close else "") + _known(known)
    return Issue.at(pos, "DV203", f"onbekende {what} `{value}`", hint)


def validate(model: Datavisie, *, also_known: dict[str, set[str]] | None = None) -> list[Issue]:
    """All cross-file issues. `also_known` adds ids of files that failed their own checks,
    so one broken file does not cause a cascade of unknown-reference errors elsewhere."""
    extra = also_known or {}
    issues: list[Issue] = []
    theme_ids = {t.id for t in model.themas} | extra.get("themas", set())
    issues += _themes(model)
    issues += _roadmap(model, theme_ids)
    milestone_ids = {m.id for m in model.routekaart.mijlpalen} if model.routekaart else None
    issues += _projects(model, theme_ids, milestone_ids)
    issues += _measurements(model, model_failed="model" in extra.get("metingen", set()))
    issues += _versions(model)
    issues += _version_folders(model, {p.id for p in model.paginas} | extra.get("paginas", set()))
    issues += _terms(model)
    issues += _pages(model)
    issues += address_issues(model)
    issues += markup_issues(model)
    issues += heading_issues(model)
    issues += placeholder_issues(model)
    return issues


def _themes(model: Datavisie) -> list[Issue]:
    issues = []
    seen: dict[int, str] = {}
    for t in model.themas:
        if t.volgorde in seen:
            issues.append(Issue.at(_at(t, "volgorde"), "DV201",
                                   f"volgorde {t.volgorde} wordt ook gebruikt door thema "
                                   f"`{seen[t.volgorde]}`",
                                   "geef elk thema een eigen volgordenummer"))
        else:
            seen[t.volgorde] = t.id
    return issues


def _roadmap(model: Datavisie, theme_ids: set[str]) -> list[Issue]:
    rk = model.routekaart
    if rk is None:
        return []
    issues: list[Issue] = []
    phases: dict[str, Any] = {}
    for ph in rk.fasen:
        if ph.id in phases:
            issues.append(Issue.at(_at(ph, "id"), "DV202", f"fase-id `{ph.id}` staat er twee keer",
                                   f"eerder op regel {phases[ph.id].pos.line}; kies een ander id"))
            continue
        phases[ph.id] = ph
        if ph.eind.end < ph.start.start:
            issues.append(Issue.at(_at(ph, "eind"), "DV205",
                                   f"fase `{ph.id}` eindigt ({ph.eind}) voordat ze begint "
                                   f"({ph.start})",
                                   "zet `eind` na `start`"))
    seen: dict[str, Pos] = {}
    for ms in rk.mijlpalen:
        if ms.id in seen:
            issues.append(Issue.at(_at(ms, "id"), "DV202",
                                   f"mijlpaal-id `{ms.id}` staat er twee keer",
                                   f"eerder op regel {seen[ms.id].line}; kies een ander id"))
        else:
            seen[ms.id] = _at(ms, "id")
        phase = phases.get(ms.fase)
        if phase is None:
            issues.append(_ref_issue(_at(ms, "fase"), "fase", ms.fase, set(phases)))
        elif ms.wanneer.start < phase.start.start or ms.wanneer.end > phase.eind.end:
            issues.append(Issue.at(
                _at(ms, "wanneer"), "DV204",
                f"mijlpaal `{ms.id}` ({ms.wanneer}) valt buiten fase `{phase.id}` "
                f"({phase.start} tot en met {phase.eind})",
                "kies een moment binnen de fase, of een andere fase"))
        issues += _theme_refs(ms, theme_ids)
    return issues


def _item_at(obj: Any, name: str, value: str) -> Pos:
    """The line of one item of a list field (schema.Record records `name:value`)."""
    return getattr(obj, "fpos", {}).get(f"{name}:{value}") or _at(obj, name)


def _theme_refs(obj: Any, theme_ids: set[str]) -> list[Issue]:
    return [_ref_issue(_item_at(obj, "themas", t), "thema", t, theme_ids)
            for t in obj.themas if t not in theme_ids]


def _projects(model: Datavisie, theme_ids: set[str],
              milestone_ids: set[str] | None) -> list[Issue]:
    issues: list[Issue] = []
    for p in model.projecten:
        issues += _theme_refs(p, theme_ids)
        for m in p.mijlpalen:
            if milestone_ids is not None and m not in milestone_ids:
                issues.append(_ref_issue(_item_at(p, "mijlpalen", m), "mijlpaal", m,
                                         milestone_ids))
        if p.eind is not None and p.eind.end < p.start.start:
            issues.append(Issue.at(_at(p, "eind"), "DV206",
                                   f"`eind` ({p.eind}) ligt voor `start` ({p.start})",
                                   "zet `eind` op of na `start`"))
        if p.persoonsgegevens and p.dpia == "onbekend":
            issues.append(Issue.at(_at(p, "dpia"), "DV207",
                                   "een bron bevat persoonsgegevens, maar de DPIA is `onbekend`",
                                   "vul in: `uitgevoerd`, `gepland` of `niet-nodig` "
                                   "(met uitleg in `doel`)"))
        if p.status == "buiten-gebruik" and p.eind is None:  # `eind` is optional: advice
            issues.append(Issue.at(_at(p, "status"), "W001",
                                   "project is buiten gebruik maar heeft geen `eind`",
                                   "vul `eind` in met de maand waarin het stopte, zodat lezers "
                                   "zien tot wanneer het gebruikt is"))
    return issues


def _measurements(model: Datavisie, *, model_failed: bool = False) -> list[Issue]:
    issues: list[Issue] = []
    mm = model.metingmodel
    if mm is None:
        if model_failed:  # model.yml has its own issues; no cascade here
            return issues
        for m in model.metingen:
            issues.append(Issue.at(m.pos, "DV211", "er is een meting maar geen meetmodel",
                                   "voeg content/metingen/model.yml toe"))
        return issues
    seen_ids: dict[str, Pos] = {}
    for d in mm.dimensies:
        items: tuple[Any, ...] = (d, *d.aspecten)
        for item in items:
            if item.id in seen_ids:
                issues.append(Issue.at(item.pos, "DV202",
                                       f"id `{item.id}` staat twee keer in het model",
                                       f"eerder op regel {seen_ids[item.id].line}"))
            seen_ids[item.id] = item.pos
    levels = sorted(level.waarde for level in mm.niveaus)
    if len(set(levels)) != len(levels):
        issues.append(Issue.at(_at(mm, "niveaus"), "DV202", "twee niveaus hebben dezelfde waarde",
                               "geef elk niveau een eigen waarde"))
    aspects = {a.id for a in mm.aspects()}
    lo, hi = mm.lowest, mm.highest
    for m in model.metingen:
        scored: dict[str, Pos] = {}
        for s in m.scores:
            if s.aspect not in aspects:
                issues.append(_ref_issue(_at(s, "aspect"), "aspect", s.aspect, aspects))
            elif s.aspect in scored:
                first = scored[s.aspect].line
                issues.append(Issue.at(_at(s, "aspect"), "DV210",
                                       f"aspect `{s.aspect}` heeft twee scores",
                                       f"eerder op regel {first}; houd er één over"))
            scored.setdefault(s.aspect, s.pos)
            for name in ("huidig", "ambitie"):
                value = getattr(s, name)
                if value is not None and not lo <= value <= hi:
                    issues.append(Issue.at(_at(s, name), "DV208",
                                           f"score {value} ligt buiten de schaal {lo} tot en "
                                           f"met {hi}",
                                           f"kies een niveau uit het model ({lo}-{hi})"))
        for aspect in sorted(aspects - set(scored)):
            issues.append(Issue.at(_at(m, "scores"), "DV209", f"aspect `{aspect}` heeft geen score",
                                   "voeg een score toe voor elk aspect van het model"))
    return issues


def _versions(model: Datavisie) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, Pos] = {}
    previous = None
    for v in model.versies:
        if v.versie in seen:
            issues.append(Issue.at(_at(v, "versie"), "DV212",
                                   f"versie {v.versie} staat er twee keer",
                                   f"eerder op regel {seen[v.versie].line}"))
        seen[v.versie] = _at(v, "versie")
        if v.status != "concept" and v.besluit is None:
            issues.append(Issue.at(v.pos, "DV213",
                                   f"versie {v.versie} ({v.status}) heeft geen besluit",
                                   "voeg `besluit:` toe met `orgaan` en `kenmerk`, of zet de "
                                   "status op `concept`"))
        if v.status == "concept" and v is not model.versies[-1]:
            issues.append(Issue.at(_at(v, "status"), "DV215",
                                   f"conceptversie {v.versie} staat niet als laatste",
                                   "alleen de nieuwste versie kan een concept zijn"))
        if previous is not None and v.datum < previous.datum:
            issues.append(Issue.at(_at(v, "datum"), "DV214",
                                   f"versie {v.versie} ({v.datum}) is ouder dan de versie erboven",
                                   "zet de versies van oud naar nieuw"))
        previous = v
        tag = ref_issue(v)
        if tag is not None:
            issues.append(tag)
    return issues


def _version_folders(model: Datavisie, page_ids: set[str]) -> list[Issue]:
    """A version's text is published in a folder named after it (`/1.0/`); that folder must
    not be a page, a section or a file the site has already (`versie: "404.html"`)."""
    issues: list[Issue] = []
    for v in model.versies:
        folder = v.folder
        if folder in SITE_ROOT_NAMES or folder in page_ids:
            what = (f"de pagina content/paginas/{folder}.md" if folder in page_ids
                    else "een vast onderdeel van de site")
            issues.append(Issue.at(_at(v, "versie"), "DV220",
                                   f"versie {v.versie} zou op de site de map /{folder}/ krijgen, "
                                   f"maar die naam is al van {what}",
                                   "kies een versienummer als `1.1` of `2025.1`"))
    return issues


def _terms(model: Datavisie) -> list[Issue]:
    issues: list[Issue] = []
    seen: dict[str, Pos] = {}
    for t in model.begrippen:
        key = t.term.casefold()
        if key in seen:
            issues.append(Issue.at(_at(t, "term"), "DV216", f"begrip `{t.term}` staat er twee keer",
                                   f"eerder op regel {seen[key].line}"))
        seen[key] = _at(t, "term")
    return issues


def _pages(model: Datavisie) -> list[Issue]:
    return [Issue(p.path, 1, 1, "DV217",
                  f"pagina-id `{p.id}` is gereserveerd voor een vaste pagina",
                  "geef het bestand een andere naam")
            for p in model.paginas if p.id in RESERVED_PAGE_IDS]
