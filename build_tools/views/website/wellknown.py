"""The small public-sector files at fixed places: `/.well-known/security.txt` (RFC 9116) and
`/robots.txt`. Pure text from the model; dates come from git or the content, never the clock.

security.txt expires a year after the day of the commit built (SOURCE_DATE_EPOCH, else HEAD's
committer day), so every new commit renews it and a site whose content has not changed for a
year still publishes a valid file; only outside git does the newest content date stand in.
A build whose date comes near Expires warns (W402), and one past it leaves the file out
(W403): `expiry_issue` says which, the plugin acts on it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from build_tools.errors import Issue
from build_tools.views.website.page import Asset

SECURITY_TXT = ".well-known/security.txt"
ROBOTS_TXT = "robots.txt"
# RFC 9116 2.5.5 recommends an Expires less than a year ahead.
VALID_FOR = timedelta(days=365)
WARN_BEFORE = timedelta(days=30)


def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def expires(newest: date) -> date:
    return newest + VALID_FOR


def security_txt(*, email: str, site_url: str, newest: date) -> str:
    """RFC 9116 fields: Contact, Expires (`newest` + 365 days, midnight UTC),
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


def wellknown_assets(*, email: str, site_url: str, dates: Iterable[date | None],
                     published: date | None = None) -> list[Asset]:
    """security.txt dates from `published` (the commit built), else the newest of `dates`
    (the content); without either it is left out rather than made up."""
    out = [Asset(ROBOTS_TXT, robots_txt(site_url=site_url).encode())]
    known = [d for d in dates if d is not None]
    start = published or (max(known) if known else None)
    if start is not None:
        text = security_txt(email=email, site_url=site_url, newest=start)
        out.append(Asset(SECURITY_TXT, text.encode()))
    return out


def expires_on(text: bytes) -> date | None:
    """The day a security.txt's Expires names (None: no such field)."""
    for line in text.decode("utf-8", "replace").splitlines():
        if line.startswith("Expires: "):
            try:
                return date.fromisoformat(line.removeprefix("Expires: ")[:10])
            except ValueError:
                return None
    return None


def expiry_issue(text: bytes, *, today: date, source: str) -> Issue | None:
    """W402 when security.txt expires within WARN_BEFORE of `today` (the day the build runs),
    W403 when it has already expired (the file is then not published)."""
    day = expires_on(text)
    if day is None or day - today > WARN_BEFORE:
        return None
    hint = ("maak een nieuwe commit en bouw opnieuw: security.txt verloopt een jaar na de "
            "dag van de gebouwde commit")
    if day <= today:
        return Issue(source, 1, 1, "W403", f"security.txt is verlopen op {day.isoformat()}; "
                     "de bouw laat het bestand weg", hint)
    return Issue(source, 1, 1, "W402", f"security.txt verloopt op {day.isoformat()}, over "
                 f"{(day - today).days} dagen", hint)
