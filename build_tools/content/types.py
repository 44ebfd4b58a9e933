"""Declared value types and record schemas: located YAML Nodes -> checked plain values.

One small schema per content file type (see `schemas.py`) is built from these reusable
types. The same declarations produce JSON Schemas for editors and the field reference in
the staff guide, so the contract, the checks and the documentation cannot drift apart.

The types live by noun: `fieldtype` (the base `Type`, `Ctx`, `MISSING`, `ok`), `when`
(moments), `scalars` (text, numbers, choices, addresses, ids) and `records` (lists and
records of fields). This module is the one name callers import them by.
"""

from build_tools.content.fieldtype import MISSING as MISSING
from build_tools.content.fieldtype import Ctx as Ctx
from build_tools.content.fieldtype import Missing as Missing
from build_tools.content.fieldtype import Type as Type
from build_tools.content.fieldtype import ok as ok
from build_tools.content.records import F as F
from build_tools.content.records import Free as Free
from build_tools.content.records import ListOf as ListOf
from build_tools.content.records import Record as Record
from build_tools.content.scalars import ID_RE as ID_RE
from build_tools.content.scalars import Bool as Bool
from build_tools.content.scalars import Email as Email
from build_tools.content.scalars import Enum as Enum
from build_tools.content.scalars import Id as Id
from build_tools.content.scalars import Int as Int
from build_tools.content.scalars import Moment as Moment
from build_tools.content.scalars import Ref as Ref
from build_tools.content.scalars import Text as Text
from build_tools.content.scalars import Url as Url
from build_tools.content.when import LAST_YEAR as LAST_YEAR
from build_tools.content.when import MONTHS_NL as MONTHS_NL
from build_tools.content.when import When as When
from build_tools.content.when import parse_when as parse_when
