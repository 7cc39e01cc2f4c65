"""The Python API: loading, auditing, reports and errors."""

from __future__ import annotations

import datetime
import json
import threading

import pytest

import trygg
from conftest import AS_OF


def test_public_names():
    assert set(trygg.__all__) == {
        "BatchFailure", "Diff", "Error", "Framework", "LoadError", "Organisation", "Report", "ReportSet", "Trend",
        "UsageError", "Waivers", "__version__", "audit", "audit_chunks", "audit_many", "diff", "import_action_plan",
        "load_organisation", "organisation_schema", "render_document", "report_schema", "trend",
    }
    assert trygg.__version__.count(".") == 2


def test_builtin_framework_has_the_seven_areas():
    fw = trygg.Framework.builtin()
    assert [a["id"] for a in fw.areas] == [
        "forum", "employeeship", "leadership", "culture", "organisation", "signals", "support",
    ]
    assert "base" in fw.pack_ids
    assert len(fw.measures) >= 30
    assert all(set(m["title"]) == {"sv", "nb", "en"} for m in fw.measures)
    rule_ids = [r["id"] for r in fw.rules]
    assert rule_ids == sorted(rule_ids)
    with pytest.raises(trygg.UsageError, match="unknown pack"):
        trygg.Framework.builtin(["no-such-pack"])


def test_load_and_audit(kommun):
    org = trygg.load_organisation(kommun)
    assert org.country == "SE"
    assert org.unit_count > 40
    report = trygg.audit(org, as_of=AS_OF)
    assert report.language == "sv"  # from the country
    assert report.as_of == AS_OF
    assert set(report.area_scores) == {
        "forum", "employeeship", "leadership", "culture", "organisation", "signals", "support",
    }
    assert all(0.0 <= s <= 4.0 for s in report.area_scores.values())
    statuses = {r["status"] for r in report.results}
    assert {"pass", "fail", "partial"} <= statuses
    assert len(report.findings) == sum(r["status"] in ("fail", "partial", "not-assessed") for r in report.results)
    assert report.summary["findings"] == len(report.findings)
    first = report.findings[0]
    assert len(first["fingerprint"]) == 16
    assert first["proposal"]["text"]
    assert first["evidence"]


def test_as_of_accepts_a_date(kommun):
    org = trygg.load_organisation(kommun)
    a = trygg.audit(org, as_of=datetime.date(2026, 11, 22)).to_json()
    b = trygg.audit(org, as_of=AS_OF).to_json()
    assert a == b


def test_languages(kommun):
    report = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF, lang="en")
    assert report.language == "en"
    assert "| Område | Finns idag | Åtgärdsförslag |" in report.to_markdown(lang="sv")
    assert "| Area | Exists today | Proposed measures |" in report.to_markdown()
    assert "| Område | Finnes i dag | Forslag til tiltak |" in report.to_markdown(lang="nb")
    with pytest.raises(ValueError, match="lang must be one of"):
        report.to_markdown(lang="de")
    with pytest.raises(ValueError):
        trygg.audit(trygg.load_organisation(kommun), lang="fi")


def test_report_json_is_deterministic(kommun):
    org = trygg.load_organisation(kommun)
    one = trygg.audit(org, as_of=AS_OF).to_json()
    two = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF).to_json()
    assert one == two
    doc = json.loads(one)
    assert doc["format"] == "trygg.report/2"
    assert trygg.audit(org, as_of=AS_OF).to_dict() == doc


def test_round_trip(kommun):
    org = trygg.load_organisation(kommun)
    again = trygg.Organisation.from_dict(org.to_dict())
    assert again.to_dict() == org.to_dict()
    assert trygg.audit(again, as_of=AS_OF).to_json() == trygg.audit(org, as_of=AS_OF).to_json()


def test_from_dict_errors_carry_pointer_and_path():
    doc = {"format": "trygg.organisation/1", "id": "org-1", "country": "SE",
           "units": [{"id": "u-1", "manager": "p-9"}]}
    with pytest.raises(trygg.LoadError) as info:
        trygg.Organisation.from_dict(doc, name="mine.json")
    e = info.value
    assert isinstance(e, trygg.Error)
    assert e.path == "mine.json"
    assert e.pointer == "/units/0/manager"
    assert e.total == 1
    assert e.diagnostics[0]["expected"] == "the id of a person"
    assert str(e) == 'mine.json: /units/0/manager: expected the id of a person, found "p-9", which no person has'


def test_error_translation_hook():
    from trygg import _core

    with pytest.raises(trygg.LoadError) as info:
        _core._raise_for_test("load")
    assert info.value.pointer == "/units/0"
    with pytest.raises(trygg.UsageError):
        _core._raise_for_test("usage")
    with pytest.raises(trygg.Error):
        _core._raise_for_test("other")


def test_wrong_types_raise_type_error(kommun):
    with pytest.raises(TypeError):
        trygg.load_organisation(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        trygg.Organisation.from_dict([1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        trygg.audit("not an organisation")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        trygg.audit(trygg.load_organisation(kommun), framework="base")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        trygg.Framework.builtin("base")


def test_missing_file():
    with pytest.raises(trygg.LoadError, match="no such file"):
        trygg.load_organisation("/nonexistent/org.json")


def test_threads_give_the_same_results(kommun, small_company):
    fw = trygg.Framework.builtin()
    orgs = [trygg.load_organisation(p, fw) for p in (kommun, small_company)]
    expected = [trygg.audit(o, as_of=AS_OF).to_json() for o in orgs]
    got: dict[int, str] = {}

    def work(i: int) -> None:
        got[i] = trygg.audit(orgs[i % 2], as_of=AS_OF).to_json()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(8)] == [expected[i % 2] for i in range(8)]


def test_dataframe(kommun):
    import pandas as pd
    df = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF).to_dataframe()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns[:3]) == ["fingerprint", "rule", "measure"]
    assert df["fingerprint"].is_unique


def test_schema_ships_with_the_package():
    schema = trygg.organisation_schema()
    assert schema["$defs"]["Unit"]["additionalProperties"] is False
    assert schema["properties"]["format"]["const"] == "trygg.organisation/1"
    assert trygg.report_schema()["properties"]["format"]["const"] == "trygg.report/2"


def _fingerprint(rule: str, kind: str, unit_id: str | None = None) -> str:
    """The recipe in docs/report-format.md: FNV-1a 64 over the rule and the subject."""
    parts = [rule, "organisation"] if kind == "organisation" else [rule, "unit", unit_id or ""]
    h = 0xCBF29CE484222325
    for b in "".join(p + "\x1f" for p in parts).encode():
        h = ((h ^ b) * 0x100000001B3) % 2**64
    return f"{h:016x}"


def test_fingerprints_follow_the_documented_recipe(kommun):
    report = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF)
    assert report.findings
    for f in report.findings:
        assert f["fingerprint"] == _fingerprint(f["rule"], f["subject"]["kind"], f["subject"]["id"])
    # The organisation's own id does not enter: a re-keyed file keeps its fingerprints.
    doc = trygg.load_organisation(kommun).to_dict()
    doc["id"] = "another-id"
    again = trygg.audit(trygg.Organisation.from_dict(doc), as_of=AS_OF)
    assert [f["fingerprint"] for f in again.findings] == [f["fingerprint"] for f in report.findings]


def test_review_fixes_python(kommun, tmp_path):
    report = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF)
    with pytest.raises(ValueError, match="indent"):
        report.to_json(indent=100000)
    deep: list = []
    node = deep
    for _ in range(100000):
        node.append([])
        node = node[0]
    doc = {"format": "trygg.organisation/1", "id": "o", "country": "SE", "units": [{"id": "u", "name": deep}]}
    with pytest.raises(trygg.LoadError, match="nesting"):
        trygg.Organisation.from_dict(doc)
    with pytest.raises(ValueError, match="NUL"):
        trygg.load_organisation(str(kommun) + "\0zzz")
    with pytest.raises(ValueError, match="NUL"):
        trygg.Framework.with_pack_files([str(tmp_path / "p.json") + "\0x"])
