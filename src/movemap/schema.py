"""The JSON Schema of the dataset format, made from the same field definitions as the reader.

``movemap schema > movemap.schema.json`` gives editors (VS Code's YAML extension, for one)
what they need to check a dataset as it is typed. The schema checks shapes; meaning (places,
references, dates in order) is ``movemap validate``'s.
"""

from __future__ import annotations

from typing import Any

from movemap.io.records import FIELDS, Spec
from movemap.model import SCHEMA_VERSION

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = f"https://movemap.invalid/schema/dataset-{SCHEMA_VERSION}.json"
_DATE = (r"^((early|mid|late) )?\d{4}(-\d{2}(-\d{2})?|-[Qq][1-4])?"
         r"(\s*/\s*\d{4}(-\d{2}(-\d{2})?|-[Qq][1-4])?)?$"
         r"|^(by|before|after|since|from) .+$")


def _type(spec: Spec) -> dict[str, Any]:
    kind = spec.kind
    simple: dict[str, dict[str, Any]] = {
        "text": {"type": "string", "minLength": 1},
        "id": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"},
        "ref:unit": {"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$"},
        "country": {"type": "string", "pattern": r"^[A-Za-z]{2}$"},
        "sidc": {"type": "string", "pattern": r"^(\d{20}|\d{30}|[A-Z*-]{15})$"},
        "version": {"const": SCHEMA_VERSION},
        "bool": {"type": "boolean"},
        "number": {"type": "number"},
        "count": {"type": "integer", "minimum": 0},
        "day": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "date": {"type": "string", "pattern": _DATE},
        "grade": {"type": "string", "pattern": r"^[A-Fa-f][1-6]$"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
        "place": {"$ref": "#/$defs/place"},
        "places": {"oneOf": [{"$ref": "#/$defs/place"},
                             {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/place"}}]},
        "countries": {"oneOf": [{"type": "string", "pattern": r"^[A-Za-z]{2}$"},
                                {"type": "array", "items": {"type": "string",
                                                            "pattern": r"^[A-Za-z]{2}$"}}]},
        "route": {"type": "array", "minItems": 1, "items": {
            "type": "array", "minItems": 2, "items": {
                "type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "number"}}}},
        "refs:source": {"oneOf": [{"type": "string"},
                                  {"type": "array", "items": {"type": "string"}}]},
    }
    if kind == "enum":
        assert spec.choices is not None
        out: dict[str, Any] = {"enum": [c.value for c in spec.choices]}
    elif kind.startswith("list:"):
        out = {"type": "array", "items": {"$ref": f"#/$defs/{kind[5:]}"}}
    else:
        out = dict(simple[kind])
    out["description"] = spec.description
    return out


def _object(kind: str) -> dict[str, Any]:
    specs = FIELDS[kind]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name, spec in specs.items() if spec.required],
        "properties": {name: _type(spec) for name, spec in specs.items()},
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of movemap's dataset files."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "movemap dataset",
        "description": "Units, sources, legs and stations of one operation.",
        **_object("dataset"),
        "$defs": {kind: _object(kind) for kind in ("source", "unit", "leg", "station")},
    }
    schema["$defs"]["place"] = {
        "description": "A place name, or a mapping with name, country, lat and lon.",
        "oneOf": [{"type": "string", "minLength": 1}, _object("place")],
    }
    return schema
