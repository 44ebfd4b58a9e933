"""The small public-sector files at fixed places: `/.well-known/security.txt` (RFC 9116) and
`/robots.txt`. Pure text from the model; dates come from the content, never from the clock."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from .page import Asset

SECURITY_TXT = ".well-known/security.txt"
ROBOTS_TXT = "robots.txt"
# RFC 9116 2.5.5 recommends an Expires less than a year ahead; a year after the newest content
# date makes a site whose content nobody touches for a year say so itself.
VALID_FOR = timedelta(days=365)


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def security_txt(*, email: str, site_url: str, newest: date) -> str:
    """RFC 9116 fields: Contact, Expires (newest content date + 365 days, midnight UTC),
    Preferred-Languages and Canonical."""
    expires = newest + VALID_FOR
    return (
        "# Kwetsbaarheid gevonden? Meld het ons; zie RFC 9116.\n"
        f"Contact: mailto:{email}\n"
        f"Expires: {expires.isoformat()}T00:00:00Z\n"
        "Preferred-Languages: nl\n"
        f"Canonical: {_absolute(site_url, SECURITY_TXT)}\n"
    )


def robots_txt(*, site_url: str) -> str:
    """Everything may be crawled (and archived); the sitemap is named with its absolute URL."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {_absolute(site_url, 'sitemap.xml')}\n"


def wellknown_assets(*, email: str, site_url: str, dates: Iterable[date | None]) -> list[Asset]:
    """security.txt needs a date from the content for Expires; without one it is left out
    rather than made up."""
    out = [Asset(ROBOTS_TXT, robots_txt(site_url=site_url).encode())]
    known = [d for d in dates if d is not None]
    if known:
        text = security_txt(email=email, site_url=site_url, newest=max(known))
        out.append(Asset(SECURITY_TXT, text.encode()))
    return out
