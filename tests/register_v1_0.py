"""A validator for entries of the national Algoritmeregister, built from the register's own
configuration of publication standard 1.0 and independent of the exporter's own checks.

Configuration: `backend/app/schemas/config/v1_0.json` in MinBZK/Algoritmeregister at commit
559218f55d46e2fa89a3f97a36d1cb1414494409 (its facts are vendored, with that source named, in
`build_tools/views/algoritmeregister/v1_0.json`). The register builds its input model `AlgorithmIn`
from it (`backend/app/schemas/versions.py`, same commit). This module turns the same
configuration into a JSON Schema (Draft 2020-12) and validates with `jsonschema`:

- `type` string / enum / array as configured; `enum` from `permitted_values`; `required`;
  `maxItems` from `max_items`; a list of groups (`items`) as objects with their own required
  fields; no field the standard does not know (`additionalProperties: false`: the register
  would silently drop it, which is stricter than the register and what we want);
- two keywords of our own, because a JSON Schema cannot strip HTML: `maxLengthWithoutHtml`
  (the register's `max_length_without_html`, measured with lxml exactly as the register's
  `strip_html` in `backend/app/util/html.py` does: `document_fromstring`, every `//text()`
  node joined with a space) and `allowedHtmlTags` (the register's `allowed_html_tags`; we also
  require no attributes, which the register's cleaner would remove).

Not a test module: imported by the Algoritmeregister tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema
import lxml.html
from lxml import etree
from places import BUILD_TOOLS

CONFIG = (BUILD_TOOLS / "views" / "algoritmeregister"
          / "v1_0.json")
SOURCE = "MinBZK/Algoritmeregister backend/app/schemas/config/v1_0.json"
COMMIT = "559218f55d46e2fa89a3f97a36d1cb1414494409"
VERSION = "1.0"
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")  # begin_date/end_date: "2023-01" (instructions)


def config() -> dict[str, Any]:
    data = json.loads(CONFIG.read_text(encoding="utf-8"))
    assert data["commit"] == COMMIT and data["standard_version"] == VERSION
    assert data["path"] == "backend/app/schemas/config/v1_0.json"
    return data


def strip_html(value: str) -> str:
    """The register's measure of a text (backend/app/util/html.py, `strip_html`), with lxml."""
    if not value.strip():
        return value
    document = lxml.html.document_fromstring(value)
    return " ".join(str(t) for t in etree.XPath("//text()")(document))


def html_elements(value: str) -> Iterator[tuple[str, dict[str, str]]]:
    """(tag, attributes) of every element in an HTML fragment, parsed by lxml."""
    for part in lxml.html.fragments_fromstring(value):
        if isinstance(part, str):
            continue
        for el in part.iter():
            if isinstance(el.tag, str):
                yield el.tag, dict(el.attrib)


def _max_length_without_html(validator: Any, limit: int, instance: Any,
                             schema: dict[str, Any]) -> Iterator[jsonschema.ValidationError]:
    if isinstance(instance, str):
        size = len(strip_html(instance))
        if size > limit:
            yield jsonschema.ValidationError(
                f"{size} characters without HTML, the register takes at most {limit}")


def _allowed_html_tags(validator: Any, allowed: list[str], instance: Any,
                       schema: dict[str, Any]) -> Iterator[jsonschema.ValidationError]:
    if isinstance(instance, str) and "<" in instance:
        for tag, attributes in html_elements(instance):
            if tag not in allowed:
                yield jsonschema.ValidationError(f"tag <{tag}> is not allowed ({allowed})")
            if attributes:
                yield jsonschema.ValidationError(f"<{tag}> has attributes {attributes}")


def _schema(prop: dict[str, Any]) -> dict[str, Any]:
    kind = prop["type"]
    if kind == "enum":
        return {"enum": prop["permitted_values"]}
    if kind == "string":
        out: dict[str, Any] = {"type": "string"}
        if prop.get("max_length") is not None:
            out["maxLengthWithoutHtml"] = prop["max_length"]
        if prop.get("allowed_html_tags"):
            out["allowedHtmlTags"] = prop["allowed_html_tags"]
        return out
    assert kind == "array", kind
    out = {"type": "array"}
    if prop.get("max_items") is not None:
        out["maxItems"] = prop["max_items"]
    if prop.get("permitted_values"):
        out["items"] = {"enum": prop["permitted_values"]}
    elif prop.get("items"):
        out["items"] = _object(prop["items"])
    else:
        out["items"] = {"type": "string"}
    return out


def _object(properties: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"type": "object",
            "properties": {k: _schema(v) for k, v in properties.items()},
            "required": [k for k, v in properties.items() if v.get("required") is True],
            "additionalProperties": False}


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of one entry, made from the register's configuration."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"Algoritmeregister, publicatiestandaard {VERSION} ({SOURCE} @ {COMMIT[:8]})",
            **_object(config()["properties"])}


@cache
def _validator() -> Any:
    base = jsonschema.validators.validator_for(json_schema())
    base.check_schema(json_schema())
    kind = jsonschema.validators.extend(base, {
        "maxLengthWithoutHtml": _max_length_without_html,
        "allowedHtmlTags": _allowed_html_tags,
    })
    return kind(json_schema())


def errors(entry: Any) -> list[str]:
    """Why the register would refuse `entry` ([] when it accepts it): the JSON Schema, and the
    month format its instructions give for begin_date and end_date."""
    found = [f"{'/'.join(map(str, e.absolute_path)) or '(entry)'}: {e.message}"
             for e in _validator().iter_errors(entry)]
    for key in ("begin_date", "end_date"):
        value = entry.get(key) if isinstance(entry, dict) else None
        if value is not None and not MONTH.match(str(value)):
            found.append(f"{key}: {value!r} is not yyyy-mm")
    return sorted(found)
