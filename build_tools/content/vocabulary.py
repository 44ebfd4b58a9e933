"""The words and shapes every record of the content contract uses: the moments a field can
take, the fixed value lists (statuses, kinds, the register's policy areas) and `rec`, a
record that also accepts the audience keys."""

from __future__ import annotations

from build_tools.audience import INTERNAL_KEY, VISIBILITY_KEY, VISIBILITY_VALUES
from build_tools.content.addresses import SitePath
from build_tools.content.types import (
    Enum,
    F,
    Free,
    ListOf,
    Moment,
    Record,
)
from build_tools.views.algoritmeregister.standard import policy_area_ids

DAY = Moment(kinds=("dag",))
MONTH_OR_DAY = Moment(kinds=("dag", "maand"))
WHEN = Moment(kinds=("dag", "maand", "kwartaal"))
QUARTER_OR_MONTH = Moment(kinds=("kwartaal", "maand", "dag"))

OLD_ADDRESSES_FIELD = F(
    ListOf(item=SitePath(), unique=True), False,
    "Eerdere adressen van deze pagina op de site (na een nieuwe bestandsnaam); wie zo'n adres "
    "opent, komt op deze pagina.")

MILESTONE_STATUS = ("gepland", "loopt", "gereed", "vertraagd", "vervallen")
PROJECT_STATUS = ("verkenning", "pilot", "in-gebruik", "buiten-gebruik")
DPIA_STATUS = ("uitgevoerd", "gepland", "niet-nodig", "onbekend")
PUBLICATION_CATEGORY = ("hoog-risico-ai", "impactvol", "overig")
ALGORITHM_KIND = ("regelgebaseerd", "statistisch", "zelflerend")
# The national Algoritmeregister's 16 fixed policy areas ("Thema", `category`), as ids:
# derived from the register's own configuration (algoritmeregister/v1_0.json).
POLICY_AREA = policy_area_ids()
VERSION_STATUS = (
    "concept",
    "vastgesteld-mt",
    "vastgesteld-college",
    "vastgesteld-raad",
    "ingetrokken",
)
BODY = ("mt", "college", "gemeenteraad")
MEASUREMENT_KIND = ("nulmeting", "hermeting")
# The contract asks for integers; a bound keeps them numbers a page and a chart can show.
BIG = 999_999


def rec(
    title: str, fields: dict[str, F], *, internal: bool = True, visibility: bool = False
) -> Record:
    """A record that also accepts the audience keys (an internal subtree, file visibility)."""
    extra: dict[str, F] = {}
    if visibility:
        extra[VISIBILITY_KEY] = F(
            Enum(values=VISIBILITY_VALUES),
            doc="Wie het ziet: `publiek` (standaard) of `intern` (niet op de publieke site).",
        )
    if internal:
        extra[INTERNAL_KEY] = F(
            Free(),
            doc="Alleen voor collega's: verschijnt nooit op de "
            "publieke site. Geheime zaken horen niet in de repository.",
        )
    return Record(fields={**fields, **extra}, title=title)
