"""The JSON Schema of the report format trygg.report/2 (data/schema/report-2.schema.json)."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

import trygg
from conftest import AS_OF, EXAMPLES, ROOT

SCHEMA_PATH = ROOT / "data" / "schema" / "report-2.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
LANGUAGES = ("sv", "nb", "en")


def errors(report: dict) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(report)]


@pytest.fixture(scope="module")
def report() -> dict:
    """A real report with at least one finding, to mutate."""
    r = trygg.audit(trygg.load_organisation(ROOT / "examples" / "organisations" / "small-company.json"),
                    as_of=AS_OF, lang="en").to_dict()
    assert r["findings"]
    return r


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == "https://trygg.invalid/schema/report-2.schema.json"
    assert SCHEMA["properties"]["format"]["const"] == "trygg.report/2"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate(path, lang):
    r = trygg.audit(trygg.load_organisation(path), as_of=AS_OF, lang=lang).to_dict()
    assert r["language"] == lang
    assert errors(r) == []


def test_the_valid_report_fixture_validates(report):
    assert errors(report) == []


def test_unknown_status_is_rejected(report):
    bad = copy.deepcopy(report)
    bad["results"][0]["status"] = "ok"
    assert errors(bad)
    bad = copy.deepcopy(report)
    bad["results"][bad["findings"][0]["result"]]["status"] = "excellent"
    assert errors(bad)


def test_finding_without_fingerprint_is_rejected(report):
    bad = copy.deepcopy(report)
    del bad["findings"][0]["fingerprint"]
    assert any("fingerprint" in e for e in errors(bad))


def unit_result(report):
    return next(x for x in report["results"] if x["subject"]["kind"] == "unit" and "name" in x["subject"])


def test_other_mutations_are_rejected(report):
    def rejected(mutate) -> bool:
        bad = copy.deepcopy(report)
        mutate(bad)
        return bool(errors(bad))

    assert rejected(lambda r: r.update(format="trygg.report/1"))
    assert rejected(lambda r: r.update(format="trygg.report/3"))
    assert rejected(lambda r: r["findings"][0].update(result=-1))
    assert rejected(lambda r: r["findings"][0].update(proposal={}))  # format 1's, not format 2's
    assert rejected(lambda r: r["results"][0].update(severity="high"))  # per rule in format 2
    assert rejected(lambda r: r["rules"][r["results"][0]["rule"]].pop("citations"))
    assert rejected(lambda r: r["results"][0].update(subject={"kind": "organisation", "id": "x"}))
    assert rejected(lambda r: r.update(unknown_key=1))
    assert rejected(lambda r: r["findings"][0].update(fingerprint="ABCDEF0123456789"))
    assert rejected(lambda r: r["results"][0]["message"]["args"].update(count=3))
    assert rejected(lambda r: r["measure_scores"][0].update(maturity=5))
    assert rejected(lambda r: r.update(as_of="22.11.2026"))
    assert rejected(lambda r: r["summary"]["findings_by_severity"].pop("info"))
    # Optional keys stay optional.
    assert not rejected(lambda r: r["organisation"].pop("name"))
    assert not rejected(lambda r: unit_result(r)["subject"].pop("name"))
