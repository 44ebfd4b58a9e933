"""Open data downloads under /data/: the project register as JSON and CSV, the roadmap as
JSON and iCalendar, and each algorithm as an entry of the national Algoritmeregister
(publication standard 1.0, `algoritmeregister/`). Every JSON file of ours names its JSON
Schema (`$schema`, published next to it: download_schemas.py); the register's entries carry
exactly the register's fields. The project register comes as two CSV files: `projecten.csv`
for a Dutch spreadsheet (UTF-8 with a byte order mark, semicolons: Excel opens it right with
a double-click) and `projecten-komma.csv` (RFC 4180: commas, no byte order mark) for programs.
Pure: model (and the milestones' revisions from git, revisions.py) -> {site path: bytes},
byte-identical for the same input (sorted keys, fixed order, fixed line endings, no clock).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from build_tools.content import labels
from build_tools.content.model import Datavisie, Milestone, Project
from build_tools.history.revisions import Revisions
from build_tools.views.algoritmeregister.entry import (
    DATA,
    entries,
    entry_path,
    page_url,
    project_url,
    register_files,
    register_link,
)
from build_tools.views.download_schemas import schema_files

CSV_COLUMNS = ("id", "naam", "status", "status_label", "themas", "start", "eind", "eigenaar",
               "algoritme", "publicatiecategorie", "persoonsgegevens", "dpia", "samenvatting",
               "url")


def schema_url(site_url: str, name: str) -> str:
    return site_url.rstrip("/") + f"/{DATA}/{name}.schema.json"


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _when(w: Any) -> dict[str, str] | None:
    if w is None:
        return None
    return {"waarde": w.text, "van": w.start.isoformat(), "tot_en_met": w.end.isoformat(),
            "leesbaar": w.label()}


# --- projects ------------------------------------------------------------------------------


def project_record(model: Datavisie, p: Project) -> dict[str, Any]:
    """Every public field of a project, in the content's own (Dutch) keys."""
    site = model.organisatie.site_url
    record: dict[str, Any] = {
        "id": p.id,
        "naam": p.naam,
        "samenvatting": p.samenvatting,
        "themas": list(p.themas),
        "mijlpalen": list(p.mijlpalen),
        "status": p.status,
        "status_label": labels.PROJECT_STATUS[p.status],
        "start": _when(p.start),
        "eind": _when(p.eind),
        "eigenaar": p.eigenaar,
        "doel": p.doel,
        "gegevens": [{"bron": s.bron, "persoonsgegevens": s.persoonsgegevens, "link": s.link}
                     for s in p.gegevens],
        "persoonsgegevens": p.persoonsgegevens,
        "dpia": p.dpia,
        "url": project_url(site, p.id),
        "algoritme": None,
        "raadsvragen": {stage: list(getattr(p.raadsvragen, stage))
                        for stage in labels.COUNCIL_STAGE},
    }
    a = p.algoritme
    if a is not None:
        record["algoritme"] = {
            "publicatiecategorie": a.publicatiecategorie,
            "soort": a.soort,
            "beleidsterrein": list(a.beleidsterrein),
            "in_gebruik_sinds": _when(a.in_gebruik_sinds),
            "menselijke_tussenkomst": a.menselijke_tussenkomst,
            "risicobeheer": a.risicobeheer,
            "afwegingen": a.afwegingen,
            "wettelijke_basis": a.wettelijke_basis,
            "wettelijke_basis_links": [{"titel": x.titel, "link": x.link}
                                       for x in a.wettelijke_basis_links],
            "technische_werking": a.technische_werking,
            "leverancier": a.leverancier,
            "broncode": a.broncode,
            "verwerkingsregister": a.verwerkingsregister,
            "impacttoetsen": [{"titel": t.titel, "link": t.link} for t in a.impacttoetsen],
            "toelichting_impacttoetsen": a.toelichting_impacttoetsen,
            "registratie": a.registratie,
            "lars": a.lars,
            "landelijk_register": register_link(a),
            "algoritmeregister": page_url(site, entry_path(p.id)),
        }
    return record


def _projects(model: Datavisie) -> list[Project]:
    return sorted(model.projecten, key=lambda p: p.id)


def projects_json(model: Datavisie) -> bytes:
    return _json({
        "$schema": schema_url(model.organisatie.site_url, "projecten"),
        "organisatie": model.organisatie.naam,
        "stand": model.stand.isoformat() if model.stand else None,
        "projecten": [project_record(model, p) for p in _projects(model)],
    })


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a
# leading apostrophe makes it text in Excel, LibreOffice and Google Sheets (OWASP advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: str) -> str:
    """A cell value that no spreadsheet will run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def projects_csv(model: Datavisie, *, spreadsheet: bool = True) -> bytes:
    """One row per project. `spreadsheet`: semicolons and a byte order mark, as a Dutch Excel
    expects (it reads a comma file into one column, and UTF-8 without the mark as Windows-1252,
    so "ë" turns into "Ã«"); else RFC 4180 (commas, plain UTF-8)."""
    out = io.StringIO()
    if spreadsheet:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if spreadsheet else ",", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    site = model.organisatie.site_url
    for p in _projects(model):
        a = p.algoritme
        writer.writerow(csv_cell(cell) for cell in [
            p.id, p.naam, p.status, labels.PROJECT_STATUS[p.status], ";".join(p.themas),
            p.start.text, p.eind.text if p.eind else "", p.eigenaar,
            "ja" if a else "nee", a.publicatiecategorie if a else "",
            "ja" if p.persoonsgegevens else "nee", p.dpia, " ".join(p.samenvatting.split()),
            project_url(site, p.id),
        ])
    return out.getvalue().encode()


# --- roadmap -------------------------------------------------------------------------------


def _milestone_record(model: Datavisie, m: Milestone) -> dict[str, Any]:
    return {
        "id": m.id,
        "titel": m.titel,
        "fase": m.fase,
        "themas": list(m.themas),
        "wanneer": _when(m.wanneer),
        "status": m.status,
        "status_label": labels.MILESTONE_STATUS[m.status],
        "eigenaar": m.eigenaar,
        "toelichting": m.toelichting,
        "projecten": sorted(p.id for p in model.projecten if m.id in p.mijlpalen),
        "url": page_url(model.organisatie.site_url, f"routekaart/#mijlpaal-{m.id}"),
    }


def _milestones(model: Datavisie) -> list[Milestone]:
    return sorted(model.routekaart.mijlpalen, key=lambda m: (m.wanneer.start, m.wanneer.end, m.id))


def roadmap_json(model: Datavisie) -> bytes:
    road = model.routekaart
    return _json({
        "$schema": schema_url(model.organisatie.site_url, "routekaart"),
        "organisatie": model.organisatie.naam,
        "stand": model.stand.isoformat() if model.stand else None,
        "fasen": [{"id": f.id, "titel": f.titel, "start": _when(f.start), "eind": _when(f.eind)}
                  for f in road.fasen],
        "mijlpalen": [_milestone_record(model, m) for m in _milestones(model)],
    })


def _ics_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """RFC 5545 3.1: lines of at most 75 octets, continued with a leading space."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode())
        if size + n > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return [out[0]] + [" " + part for part in out[1:]]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def roadmap_ics(model: Datavisie, revisions: Revisions | None = None) -> bytes:
    """Every milestone as an all-day event over its period (a day, month or quarter).

    UID is the milestone's id (stable); with `revisions` (git), SEQUENCE counts the changes
    to the milestone and LAST-MODIFIED is when the last one was committed, so a calendar that
    imported the file takes an edited milestone as an update. DTSTAMP is when this instance of
    the calendar was made (RFC 5545 3.8.7.2, with METHOD): the time of the commit built, not
    the content's date. Without git: the content's date, no SEQUENCE."""
    host = urlsplit(model.organisatie.site_url).hostname or "datavisie"
    made = revisions.made if revisions is not None else None
    stamp = _utc(made) if made else \
        (model.stand or date(1970, 1, 1)).strftime("%Y%m%dT000000Z")
    phases = {f.id: f.titel for f in model.routekaart.fasen}
    themes = {t.id: t.titel for t in model.themas}
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             f"PRODID:-//{_ics_text(model.organisatie.naam)}//Datavisie//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_ics_text('Routekaart ' + model.organisatie.korte_naam)}"]
    for m in _milestones(model):
        description = (f"Status: {labels.MILESTONE_STATUS[m.status]}. Fase: "
                       f"{phases.get(m.fase, m.fase)}. Eigenaar: {m.eigenaar}.")
        if m.toelichting:
            description += "\n\n" + " ".join(m.toelichting.split())
        status = {"vervallen": "CANCELLED", "gereed": "CONFIRMED"}.get(m.status, "TENTATIVE")
        lines += [
            "BEGIN:VEVENT",
            f"UID:{m.id}@{host}",
            f"DTSTAMP:{stamp}",
            *_revision_lines(revisions, m.id),
            f"DTSTART;VALUE=DATE:{m.wanneer.start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(m.wanneer.end + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_text(m.titel)}",
            f"DESCRIPTION:{_ics_text(description)}",
            f"CATEGORIES:{','.join(_ics_text(themes.get(t, t)) for t in m.themas)}",
            f"STATUS:{status}",
            "TRANSP:TRANSPARENT",
            f"URL:{page_url(model.organisatie.site_url, f'routekaart/#mijlpaal-{m.id}')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("".join(part + "\r\n" for line in lines for part in _fold(line))).encode()


def _revision_lines(revisions: Revisions | None, milestone_id: str) -> list[str]:
    revision = revisions.of(milestone_id) if revisions is not None else None
    if revision is None:
        return []
    return [f"SEQUENCE:{revision.sequence}", f"LAST-MODIFIED:{_utc(revision.modified)}"]


def export_files(model: Datavisie, revisions: Revisions | None = None) -> dict[str, bytes]:
    """Site path -> bytes for every download and the schemas of the JSON ones."""
    files = {
        f"{DATA}/projecten.json": projects_json(model),
        f"{DATA}/projecten.csv": projects_csv(model),
        f"{DATA}/projecten-komma.csv": projects_csv(model, spreadsheet=False),
        f"{DATA}/routekaart.json": roadmap_json(model),
        f"{DATA}/routekaart.ics": roadmap_ics(model, revisions),
        **schema_files(model.organisatie.site_url),
    }
    files.update(register_files(entries(model)))
    return dict(sorted(files.items()))
