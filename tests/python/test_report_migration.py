"""Format 2 of the JSON report carries the same information as format 1.

tests/data/report-v1/ holds reports written by the last format-1 version (README there). The
same inputs, audited today and rewritten in format 1 by trygg's own reader
(trygg._report_format.format_1), must give those documents back exactly; and every result and
finding in format 2 must be reachable from the other (findings by index, rules by id).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from trygg._report_format import format_1

ROOT = Path(__file__).resolve().parents[2]
V1 = ROOT / "tests" / "data" / "report-v1"

CASES = {
    "kommun-selected.json": ["examples/organisations/kommun.json", "--lang", "sv", "--select", "ORG-03/*",
                             "--select", "se.dl.3-6*", "--select", "SUP-0*"],
    "small-company-selected.json": ["examples/organisations/small-company.json", "--lang", "nb", "--select",
                                    "ORG-03/*", "--select", "no.aml.*"],
}


def report_v2(checker: str, args: list[str]) -> dict:
    p = subprocess.run([checker, "check", *args, "--as-of", "2026-11-22", "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT)
    assert p.returncode in (0, 1), p.stderr
    return json.loads(p.stdout)


@pytest.mark.parametrize("name", sorted(CASES))
def test_format_2_rewritten_as_format_1_is_the_old_report(checker: str, name: str) -> None:
    old = json.loads((V1 / name).read_text(encoding="utf-8"))
    new = report_v2(checker, CASES[name])
    assert new["format"] == "trygg.report/2"
    rebuilt = format_1(new)
    # The tool's version is the only thing allowed to move between the two runs.
    rebuilt["tool"] = old["tool"]
    # Issue 14 defined the acts and regulations as pack sources, so a citation's `reference`
    # (the text for people) now gives their official titles: everything else must be equal.
    def without_references(doc: dict) -> dict:
        doc = json.loads(json.dumps(doc))
        for f in doc.get("findings", []):
            for c in f.get("citations", []):
                c.pop("reference", None)
        return doc
    # Issue 16 added members to format 2 (additive, so still trygg.report/2): the state of each
    # proposal in the organisation's own plan and the plan's progress. Format 1 never had them;
    # everything else must be equal.
    def without_plan_states(doc: dict) -> dict:
        doc.pop("plan_progress", None)
        for e in doc.get("action_plan", []):
            for key in ("state", "items", "owner", "planned_due"):
                e.pop(key, None)
        return doc
    assert without_plan_states(without_references(rebuilt)) == without_references(old)


@pytest.mark.parametrize("name", sorted(CASES))
def test_format_2_refers_instead_of_repeating(checker: str, name: str) -> None:
    new = report_v2(checker, CASES[name])
    results = new["results"]
    for f in new["findings"]:
        assert 0 <= f["result"] < len(results)
        assert results[f["result"]]["status"] in ("fail", "partial", "not-assessed")
    assert [f["result"] for f in new["findings"]] == [
        i for i, r in enumerate(results) if r["status"] in ("fail", "partial", "not-assessed")]
    assert {r["rule"] for r in results} == set(new["rules"])
    old = (V1 / name).read_bytes()
    assert len(json.dumps(new, indent=2, ensure_ascii=False).encode()) < len(old)


def test_format_1_refuses_other_formats() -> None:
    with pytest.raises(ValueError, match="trygg.report/2"):
        format_1({"format": "trygg.report/1"})
