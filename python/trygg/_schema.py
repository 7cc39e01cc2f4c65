"""The JSON Schema of the organisation input format, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, cast

__all__ = ["organisation_schema", "report_schema"]


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("schema", name).read_text(encoding="utf-8")
    return cast("dict[str, Any]", json.loads(text))


def organisation_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input format trygg.organisation/1.

    The schema checks shapes and types; the loader checks more (unique ids, references, the
    unit tree, calendar dates). docs/input-format.md lists both.
    """
    return _load("organisation-1.schema.json")


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON report, format trygg.report/2 (docs/report-format.md)."""
    return _load("report-2.schema.json")
