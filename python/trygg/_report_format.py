"""Reading the JSON report format (docs/report-format.md).

Format 2 (``trygg.report/2``) stores each result once and what a rule's results share once per
rule (``rules``); a finding refers to its result by index. The accessors of :class:`Report`
still hand out whole results and findings, as format 1 did: this module joins them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["expand_result", "expand_findings", "format_1"]


def expand_result(doc: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """A result with its rule's shared fields and its whole subject, as format 1 wrote it.
    Builds a new dict; `doc` and `result` are only read."""
    rule = doc["rules"][result["rule"]]
    out = {k: v for k, v in result.items() if k != "subject"}
    for key in ("area", "check", "measure", "obligation", "severity"):
        out[key] = rule[key]
    subject = result["subject"]
    if subject["kind"] == "organisation":
        org = doc["organisation"]
        out["subject"] = {"kind": "organisation", "id": org["id"], "pointer": ""}
        if "name" in org:
            out["subject"]["name"] = org["name"]
    else:
        out["subject"] = dict(subject)
    return out


def expand_findings(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every finding with its result, its rule's citations and its proposal, as format 1
    wrote them."""
    proposals = {e["measure"]: e["proposal"] for e in doc["action_plan"]}
    out = []
    for f in doc["findings"]:
        finding = expand_result(doc, doc["results"][f["result"]])
        finding["fingerprint"] = f["fingerprint"]
        finding["proposal"] = {"text": proposals.get(finding["measure"], ""), "due": f["due"]}
        finding["citations"] = [dict(c) for c in doc["rules"][finding["rule"]]["citations"]]
        out.append(finding)
    return out


def format_1(doc: dict[str, Any]) -> dict[str, Any]:
    """A format-2 report rewritten in format 1 (``trygg.report/1``), for readers not yet
    moved to format 2. Nothing is lost either way: the test suite rebuilds reports written
    by the last format-1 version this way and compares them."""
    if doc.get("format") != "trygg.report/2":
        raise ValueError(f"expected a report of format trygg.report/2, not {doc.get('format')!r}")
    out = {k: v for k, v in doc.items() if k != "rules"}
    out["format"] = "trygg.report/1"
    out["results"] = [expand_result(doc, r) for r in doc["results"]]
    out["findings"] = expand_findings(doc)
    return out
