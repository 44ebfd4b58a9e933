"""security.txt (RFC 9116) and robots.txt as pure text from the model's data."""

from __future__ import annotations

from datetime import date

from build_tools.views.website.wellknown import (
    ROBOTS_TXT,
    SECURITY_TXT,
    expiry_issue,
    robots_txt,
    security_txt,
    wellknown_assets,
)

SITE = "https://datavisie.example.nl/"


def test_security_txt_fields() -> None:
    text = security_txt(email="data@example.nl", site_url=SITE, newest=date(2026, 11, 1))
    assert text.endswith("\n") and "\r" not in text
    fields = [line for line in text.splitlines() if not line.startswith("#")]
    assert fields == [
        "Contact: mailto:data@example.nl",
        "Expires: 2027-11-01T00:00:00Z",
        "Preferred-Languages: nl",
        "Canonical: https://datavisie.example.nl/.well-known/security.txt",
    ]


def test_expires_follows_the_commit_built_not_the_content() -> None:
    """Content a year old, a commit of last week: the file is valid for a year from the
    commit, so an unchanged vision never publishes an expired file."""
    assets = wellknown_assets(email="a@b.nl", site_url=SITE, dates=[date(2023, 1, 1)],
                              published=date(2026, 11, 20))
    text = {a.path: a.content.decode() for a in assets}[SECURITY_TXT]
    assert "Expires: 2027-11-20T00:00:00Z" in text


def test_a_build_near_or_past_expiry_warns_and_never_publishes_it_expired() -> None:
    text = security_txt(email="a@b.nl", site_url=SITE, newest=date(2026, 1, 1)).encode()
    assert expiry_issue(text, today=date(2026, 6, 1), source="content/organisatie.yml") is None
    soon = expiry_issue(text, today=date(2026, 12, 20), source="content/organisatie.yml")
    assert soon is not None and soon.code == "W402" and "over 12 dagen" in soon.message
    assert soon.path == "content/organisatie.yml"
    gone = expiry_issue(text, today=date(2027, 1, 1), source="content/organisatie.yml")
    assert gone is not None and gone.code == "W403" and "laat het bestand weg" in gone.message


def test_without_git_expires_follows_the_newest_content_date() -> None:
    assets = wellknown_assets(email="a@b.nl", site_url=SITE,
                              dates=[date(2024, 2, 29), None, date(2023, 1, 1)])
    text = {a.path: a.content.decode() for a in assets}[SECURITY_TXT]
    assert "Expires: 2025-02-28T00:00:00Z" in text  # 365 days after 29 February 2024


def test_without_any_content_date_there_is_no_security_txt() -> None:
    assets = wellknown_assets(email="a@b.nl", site_url=SITE, dates=[None])
    assert [a.path for a in assets] == [ROBOTS_TXT]


def test_robots_txt_allows_everything_and_names_the_sitemap() -> None:
    for url in (SITE, SITE.rstrip("/")):
        assert robots_txt(site_url=url) == (
            "User-agent: *\nAllow: /\n\nSitemap: https://datavisie.example.nl/sitemap.xml\n")
