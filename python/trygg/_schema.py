"""The JSON Schema of the organisation input format, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["organisation_schema"]


def organisation_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the input format trygg.organisation/1.

    The schema checks shapes and types; the loader checks more (unique ids, references, the
    unit tree, calendar dates). docs/input-format.md lists both.
    """
    text = resources.files(__package__).joinpath("schema", "organisation-1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
