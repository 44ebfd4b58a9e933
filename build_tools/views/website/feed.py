"""The Atom feed of versions (/versies/feed.xml): one entry per version in versies.yml, newest
first, with its status, decision and summary. Ids and dates come from the content only, so
the same content gives the same bytes; an adopted version and the concept that preceded it
are different entries (a feed reader announces the adoption as news)."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from build_tools.content import labels
from build_tools.content.model import Version
from build_tools.views.website.context import (
    VERSIONS,
    VERSIONS_FEED,
    SiteContext,
    compare_path,
    edition_path,
)
from build_tools.views.website.editions import Edition
from build_tools.views.website.html import esc, snippet
from build_tools.views.website.links import author_urls
from build_tools.views.website.page import Asset, page_url

ATOM = "http://www.w3.org/2005/Atom"


def _day(version: Version) -> str:
    return f"{version.datum.start.isoformat()}T00:00:00Z"


def _title(version: Version) -> str:
    if version.status == "concept":
        return f"Concept voor versie {version.versie}"
    return f"Versie {version.versie}: {labels.VERSION_STATUS[version.status].lower()}"


def feed(ctx: SiteContext) -> bytes | None:
    model = ctx.model
    if not model.versies:
        return None
    base = model.organisatie.site_url.rstrip("/") + "/"

    def url(path: str, anchor: str = "") -> str:
        return base + page_url(path, directory_urls=ctx.directory_urls) + (
            f"#{anchor}" if anchor else "")

    editions: dict[str, Edition] = {e.version.versie: e for e in ctx.editions.editions
                                    if e.version is not None}
    source = ctx.source_file("versies.yml") or "content/versies.yml"
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "nl"})
    ET.SubElement(root, "title").text = f"Versies van de datavisie – {model.organisatie.naam}"
    ET.SubElement(root, "subtitle").text = (
        "Nieuwe versies van de visie: concepten en besluiten van het managementteam, "
        "het college en de gemeenteraad.")
    ET.SubElement(root, "id").text = url(VERSIONS_FEED)
    ET.SubElement(root, "link", rel="self", type="application/atom+xml", href=url(VERSIONS_FEED))
    ET.SubElement(root, "link", rel="alternate", type="text/html", href=url(VERSIONS))
    ET.SubElement(root, "updated").text = max(_day(v) for v in model.versies)
    author = ET.SubElement(root, "author")
    ET.SubElement(author, "name").text = model.organisatie.naam
    for v in sorted(model.versies, key=lambda v: (v.datum.start, model.versies.index(v)),
                    reverse=True):
        edition = editions.get(v.versie)
        entry = ET.SubElement(root, "entry")
        ET.SubElement(entry, "title").text = _title(v)
        kind = "concept" if v.status == "concept" else "versie"
        ET.SubElement(entry, "id").text = url(VERSIONS, f"{kind}-{v.versie}")
        href = url(edition_path(edition.slug)) if edition else url(VERSIONS, f"versie-{v.versie}")
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=href)
        pair = ctx.editions.pair_into(edition.slug) if edition else None
        if pair is not None:
            ET.SubElement(entry, "link", rel="related", type="text/html",
                          title="Wat er veranderde",
                          href=url(compare_path(pair.old.slug, pair.new.slug)))
        ET.SubElement(entry, "updated").text = _day(v)
        ET.SubElement(entry, "published").text = _day(v)
        html = snippet(author_urls(model, v.samenvatting, source=source,
                                   to=lambda path, anchor: url(path, anchor)))
        if v.besluit is not None:
            body = labels.BODY.get(v.besluit.orgaan, v.besluit.orgaan)
            html += (f"<p>Besluit {esc(v.besluit.kenmerk)} van {esc(body)}, "
                     f"{esc(v.datum.label())}.</p>")
        ET.SubElement(entry, "summary", type="html").text = html
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + \
        b"\n"


def feed_assets(ctx: SiteContext) -> list[Asset]:
    data = feed(ctx)
    return [Asset(VERSIONS_FEED, data)] if data is not None else []
