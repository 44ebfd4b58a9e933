"""publiccode.yml at the repository root follows the publiccode.yml standard 0.4.

No official validator runs offline in Python, so this is a small schema check of the keys the
standard makes mandatory (and the types and vocabularies of the ones we use), plus agreement
with content/organisatie.yml, so a municipality that changes one notices the other.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from places import REPO


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Controlled vocabularies of the standard (schema.core, categories-list, scope-list).
PLATFORMS = {"web", "windows", "mac", "linux", "ios", "android"}
DEVELOPMENT_STATUS = {"concept", "development", "beta", "stable", "obsolete"}
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library",
                  "configurationFiles"}
MAINTENANCE_TYPES = {"internal", "contract", "community", "none"}
CATEGORIES = _words("""
accounting agile-project-management applicant-tracking application-development
appointment-scheduling backup billing-and-invoicing blog budgeting business-intelligence
business-process-management cad call-center-management cloud-management collaboration
communications compliance-management contact-management content-management crm
customer-service-and-support data-analytics data-collection data-visualization design
design-system digital-asset-management digital-citizenship document-management
donor-management e-commerce e-signature educational-content email-management email-marketing
employee-management enterprise-project-management enterprise-social-networking erp
event-management facility-management feedback-and-reviews-management financial-reporting
fleet-management fundraising gamification geographic-information-systems grant-management
graphic-design help-desk hr ide identity-management instant-messaging inventory-management
it-asset-management it-development it-management it-security it-service-management
knowledge-management learning-management-system marketing mind-mapping mobile-marketing
mobile-payment network-management office online-booking online-community payment-gateway
payroll predictive-analysis procurement productivity-suite project-collaboration
project-management property-management real-estate-management remote-support
resource-management sales-management seo service-desk social-media-management survey
talent-management task-management taxes-management test-management time-management
time-tracking translation video-conferencing video-editing visitor-management voip
warehouse-management web-collaboration web-conferencing website-builder whistleblowing
workflow-management""")
SCOPES = _words("""agriculture culture defence education emergency-services employment energy
environment finance-and-economic-development foreign-affairs healthcare infrastructures justice
local-authorities manufacturing research science-and-technology security society sport tourism
transportation welfare""")
URL = re.compile(r"^https?://[^\s/]+\S*$")
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")  # BCP 47, primary subtag required
SPDX_ID = re.compile(r"^[A-Za-z0-9.+-]+$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _problems(doc: Any) -> list[str]:
    """Every way `doc` falls short of the 0.4 standard, as readable strings."""
    out: list[str] = []

    def need(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        if not isinstance(obj, dict) or key not in obj:
            out.append(f"{where}{key}: ontbreekt")
            return None
        if not isinstance(obj[key], kind):
            out.append(f"{where}{key}: verkeerd type {type(obj[key]).__name__}")
            return None
        return obj[key]

    def strings(value: Any, where: str) -> list[str]:
        if not isinstance(value, list) or not value or \
                not all(isinstance(v, str) and v for v in value):
            out.append(f"{where}: moet een niet-lege lijst van teksten zijn")
            return []
        return value

    if not isinstance(doc, dict):
        return ["het bestand is geen mapping"]
    if need(doc, "publiccodeYmlVersion", str, "") not in (None, "0.4"):
        out.append("publiccodeYmlVersion: moet \"0.4\" zijn (als tekst)")
    need(doc, "name", str, "")
    for key in ("url", "landingURL"):
        value = need(doc, key, str, "") if key == "url" or key in doc else None
        if value is not None and not URL.match(value):
            out.append(f"{key}: geen webadres")
    platforms = need(doc, "platforms", (str, list), "")
    for p in [platforms] if isinstance(platforms, str) else strings(platforms or [], "platforms"):
        if p not in PLATFORMS:
            out.append(f"platforms: {p!r} is geen vaste waarde")
    for c in strings(need(doc, "categories", list, ""), "categories"):
        if c not in CATEGORIES:
            out.append(f"categories: {c!r} staat niet in de lijst van de standaard")
    if need(doc, "developmentStatus", str, "") not in (None, *DEVELOPMENT_STATUS):
        out.append("developmentStatus: onbekende waarde")
    if need(doc, "softwareType", str, "") not in (None, *SOFTWARE_TYPES):
        out.append("softwareType: onbekende waarde")
    audience = doc.get("intendedAudience", {})
    for scope in audience.get("scope", []) if isinstance(audience, dict) else []:
        if scope not in SCOPES:
            out.append(f"intendedAudience.scope: {scope!r} staat niet in de lijst")

    description = need(doc, "description", dict, "") or {}
    if not description:
        out.append("description: minstens één taal is verplicht")
    for lang, text in description.items():
        where = f"description.{lang}."
        if not LANG.match(str(lang)):
            out.append(f"{where}: geen BCP 47-taalcode")
        short = need(text, "shortDescription", str, where)
        if short is not None and (len(short) > 150 or "\n" in short.strip()):
            out.append(f"{where}shortDescription: één regel, hooguit 150 tekens ({len(short)})")
        long = need(text, "longDescription", str, where)
        if long is not None and not 150 <= len(long) <= 10_000:
            out.append(f"{where}longDescription: 150 tot 10.000 tekens ({len(long)})")
        strings(need(text, "features", list, where), f"{where}features")
        if isinstance(text, dict) and "documentation" in text and \
                not URL.match(str(text["documentation"])):
            out.append(f"{where}documentation: geen webadres")

    legal = need(doc, "legal", dict, "") or {}
    licence = need(legal, "license", str, "legal.")
    if licence is not None and not all(SPDX_ID.match(part) for part in
                                       re.split(r"\s+(?:AND|OR|WITH)\s+", licence)):
        out.append("legal.license: geen SPDX-uitdrukking")

    maintenance = need(doc, "maintenance", dict, "") or {}
    kind = need(maintenance, "type", str, "maintenance.")
    if kind is not None and kind not in MAINTENANCE_TYPES:
        out.append("maintenance.type: onbekende waarde")
    if kind in ("internal", "community"):
        for i, contact in enumerate(need(maintenance, "contacts", list, "maintenance.") or []):
            need(contact, "name", str, f"maintenance.contacts[{i}].")
    if kind == "contract":
        for i, firm in enumerate(need(maintenance, "contractors", list, "maintenance.") or []):
            need(firm, "name", str, f"maintenance.contractors[{i}].")
            until = need(firm, "until", str, f"maintenance.contractors[{i}].")
            if until is not None and not DATE.match(until):
                out.append(f"maintenance.contractors[{i}].until: geen JJJJ-MM-DD")

    localisation = need(doc, "localisation", dict, "") or {}
    need(localisation, "localisationReady", bool, "localisation.")
    for lang in strings(need(localisation, "availableLanguages", list, "localisation."),
                        "localisation.availableLanguages"):
        if not LANG.match(lang):
            out.append(f"localisation.availableLanguages: {lang!r} is geen BCP 47-taalcode")
    return out


@pytest.fixture(scope="module")
def publiccode() -> Any:
    # YAML 1.2 would read `0.4` unquoted as a number too; the key must be a string.
    return yaml.safe_load((REPO / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_follows_the_standard(publiccode: Any) -> None:
    assert _problems(publiccode) == []


def test_publiccode_agrees_with_the_organisation() -> None:
    doc = yaml.safe_load((REPO / "publiccode.yml").read_text(encoding="utf-8"))
    org = yaml.safe_load((REPO / "content" / "organisatie.yml").read_text(encoding="utf-8"))
    assert doc["url"] == org["repo_url"]
    assert doc["landingURL"] == org["site_url"]
    assert doc["legal"]["mainCopyrightOwner"] == org["naam"]
    assert "nl" in doc["description"] and doc["localisation"]["availableLanguages"] == ["nl"]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'license = {{ text = "{doc["legal"]["license"]}" }}' in pyproject


@pytest.mark.parametrize("broken, expected", [
    ({"publiccodeYmlVersion": 0.4}, "publiccodeYmlVersion: verkeerd type"),
    ({"categories": ["datavisie"]}, "categories: 'datavisie' staat niet"),
    ({"softwareType": "website"}, "softwareType: onbekende waarde"),
    ({"maintenance": {"type": "internal"}}, "maintenance.contacts: ontbreekt"),
    ({"legal": {}}, "legal.license: ontbreekt"),
    ({"description": {"nl": {"shortDescription": "x" * 151, "longDescription": "kort",
                             "features": []}}}, "shortDescription: één regel, hooguit 150"),
    ({"localisation": {"localisationReady": "ja", "availableLanguages": ["nl"]}},
     "localisationReady: verkeerd type"),
])
def test_the_check_catches_what_it_should(publiccode: Any, broken: dict[str, Any],
                                          expected: str) -> None:
    problems = _problems({**publiccode, **broken})
    assert any(expected in p for p in problems), problems


def test_publiccode_is_made_from_the_organisation() -> None:
    """`datavisie publiccode` writes the file from content/organisatie.yml; the committed one
    is exactly that (run the command after changing organisatie.yml)."""
    from build_tools.content.load import load
    from build_tools.views.publiccode import publiccode_yml

    assert (REPO / "publiccode.yml").read_text(encoding="utf-8") == \
        publiccode_yml(load(REPO).organisatie)


def test_another_organisation_gets_a_valid_publiccode() -> None:
    import dataclasses

    from build_tools.content.load import load
    from build_tools.errors import UserError
    from build_tools.views.publiccode import publiccode_yml

    org = dataclasses.replace(load(REPO).organisatie, naam='Gemeente "Zee & Duin": Noord',
                              site_url="https://data.zeeduin.example.org/",
                              repo_url="https://code.zeeduin.example.org/data/visie")
    doc = yaml.safe_load(publiccode_yml(org))
    assert _problems(doc) == []
    assert doc["legal"]["repoOwner"] == 'Gemeente "Zee & Duin": Noord'
    assert doc["url"] == org.repo_url and doc["landingURL"] == org.site_url
    with pytest.raises(UserError, match="repo_url"):
        publiccode_yml(dataclasses.replace(org, repo_url=None))
