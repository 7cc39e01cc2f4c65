#!/usr/bin/env python3
"""Benchmark trygg's structural checks against the networkx reference (bench/reference/).

For each size: generate an organisation (bench/generate.py), load it in trygg, then run the
five structural rules in trygg and the reference on the same data. First assert that both give
identical findings, then time both, median of --runs runs each, interleaved in one process so
that both sides see the same machine load. Prints one JSON line per size.

Usage: PYTHONPATH=build/python python3 bench/structure.py [--sizes 1000 10000 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import trygg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402
from reference.structure import structural_findings  # noqa: E402

RULES = ["SIG-01/independent_route", "SUP-01/support_within_reach", "SUP-02/single_point_of_failure",
         "ORG-03/impartiality", "SIG-04/impartiality"]
AS_OF = "2026-11-22"


def trygg_findings(report: trygg.Report, org: dict) -> dict:
    people = org["people"]
    out: dict = {"route": [], "support": [], "spof": "", "investigators": "", "exit_interviews": ""}
    for r in report.results:
        rule, subject, msg = r["rule"], r["subject"], r["message"]
        args = msg.get("args", {})
        if rule == "SIG-01/independent_route" and subject["kind"] == "unit":
            through = people[int(r["evidence"][1].rsplit("/", 1)[1])]["id"] if len(r["evidence"]) > 1 else None
            out["route"].append((subject["id"], msg["id"], through))
        elif rule == "SUP-01/support_within_reach" and subject["kind"] == "unit":
            out["support"].append((subject["id"], args["roles"]))
        elif rule == "SUP-02/single_point_of_failure" and r["status"] == "fail":
            out["spof"] = args["people"]
        elif rule == "ORG-03/impartiality" and msg["id"] == "impartial.fail":
            out["investigators"] = args["ids"]
        elif rule == "SIG-04/impartiality" and msg["id"] == "impartial.fail":
            out["exit_interviews"] = args["ids"]
    out["route"].sort()
    out["support"].sort()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    fw = trygg.Framework.builtin().with_profile({"format": "trygg.profile/1", "select": RULES})
    for n in a.sizes:
        doc = generate(n)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(doc, f)
        org = trygg.load_organisation(f.name)
        Path(f.name).unlink()
        ours = trygg_findings(trygg.audit(org, fw, as_of=AS_OF, lang="en"), doc)
        theirs = structural_findings(doc)
        if ours != theirs:
            for key in ours:
                if ours[key] != theirs[key]:
                    print(f"MISMATCH at {n} units in {key}: trygg {str(ours[key])[:300]} / reference "
                          f"{str(theirs[key])[:300]}", file=sys.stderr)
            sys.exit(1)
        t_trygg, t_ref = [], []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            trygg.audit(org, fw, as_of=AS_OF, lang="en")
            t_trygg.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            structural_findings(doc)
            t_ref.append(time.perf_counter() - t0)
        med_t, med_r = statistics.median(t_trygg), statistics.median(t_ref)
        print(json.dumps({"units": n, "identical": True, "route_findings": len(ours["route"]),
                          "support_findings": len(ours["support"]), "trygg_s": round(med_t, 4),
                          "networkx_s": round(med_r, 3), "speedup": round(med_r / med_t, 1), "runs": a.runs}),
              flush=True)


if __name__ == "__main__":
    main()
