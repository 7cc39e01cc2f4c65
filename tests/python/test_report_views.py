"""What a Report's data properties return is the caller's own: changing it in any way leaves
the report, its repr(), to_dataframe() and to_json() as they were."""

from __future__ import annotations

import json
from typing import Any

import pytest

import trygg
from trygg._report_format import format_1
from conftest import AS_OF


@pytest.fixture(scope="module")
def reports(kommun):
    org = trygg.load_organisation(kommun)
    return trygg.audit(org, as_of=AS_OF), trygg.audit(org, as_of=AS_OF)  # one to spoil, one fresh


def spoil(value: Any) -> None:
    """Every edit a user might make, at the top and inside."""
    if isinstance(value, list):
        if value:
            first = value[0]
            spoil(first)
            value[0] = "replaced"
        value.append({"injected": True})
        value.insert(0, None)
    elif isinstance(value, dict):
        for k in list(value):
            v = value[k]
            if isinstance(v, (dict, list)):
                spoil(v)
            else:
                value[k] = "changed"
        value["injected"] = 1
        value.pop(next(iter(value)))


ACCESSORS = ["results", "findings", "summary", "action_plan", "routines", "area_scores", "measure_scores"]


@pytest.mark.parametrize("name", ACCESSORS)
def test_edits_to_what_an_accessor_returns_do_not_stick(reports, name):
    spoiled, fresh = reports
    expected = getattr(fresh, name)
    spoil(getattr(spoiled, name))
    assert getattr(spoiled, name) == expected
    assert repr(spoiled) == repr(fresh)
    assert spoiled.to_json() == fresh.to_json()
    assert spoiled.to_dict() == fresh.to_dict()


def test_accessors_agree_with_the_json_report(reports):
    spoiled, _ = reports
    for name in ACCESSORS:
        spoil(getattr(spoiled, name))
    data = json.loads(spoiled.to_json())
    # results and findings are handed out whole, as format 1 wrote them (docs/report-format.md).
    whole = format_1(data)
    for name in ["results", "findings", "summary", "action_plan", "routines"]:
        assert getattr(spoiled, name) == whole[name]
    assert repr(spoiled) == (f"Report(as_of={spoiled.as_of!r}, results={data['summary']['results']}, "
                             f"findings={data['summary']['findings']})")
    # Each access is a new object, and nested values are not shared either.
    assert spoiled.findings is not spoiled.findings
    assert spoiled.findings[0]["subject"] is not spoiled.findings[0]["subject"]


def test_dataframe_is_unchanged_by_edits(reports):
    pd = pytest.importorskip("pandas")
    spoiled, fresh = reports
    for name in ACCESSORS:
        spoil(getattr(spoiled, name))
    frame = spoiled.to_dataframe()
    pd.testing.assert_frame_equal(frame, fresh.to_dataframe())
    data = json.loads(spoiled.to_json())
    assert list(frame["fingerprint"]) == [f["fingerprint"] for f in data["findings"]]


def test_schema_count_maxima_are_the_loaders():
    """Every count in the published schema states the maximum the loader enforces."""
    from conftest import ROOT

    schema = json.loads((ROOT / "data" / "schema" / "organisation-1.schema.json").read_text(encoding="utf-8"))
    counts = [(d, k, p) for d, defn in schema["$defs"].items()
              for k, p in defn.get("properties", {}).items() if p.get("type") == "integer"]
    assert len(counts) >= 17
    base = {"format": "trygg.organisation/1", "id": "o", "country": "SE", "units": [{"id": "u"}]}
    top = trygg.Organisation.from_dict({**base, "units": [{"id": "u", "headcount": 4294967295}]})
    assert top.total_headcount == 4294967295
    with pytest.raises(trygg.LoadError) as info:
        trygg.Organisation.from_dict({**base, "units": [{"id": "u", "headcount": 4294967296}]})
    loader_max = int(info.value.diagnostics[0]["expected"].rsplit(" ", 1)[1])
    for d, k, p in counts:
        assert (p["minimum"], p["maximum"]) == (0, loader_max), (d, k)
