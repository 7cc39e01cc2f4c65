#!/usr/bin/env python3
"""Compared with last time (issue 16): how much `trygg-check diff` and `check --baseline` cost.

(i)  `trygg-check diff OLD.json NEW.json --format json` of two 100,000-unit reports, against
     `trygg-check check ORG --format json` of the newer one's organisation (load + audit +
     JSON): target ratio <= 0.5.
(ii) `trygg-check check ORG --baseline OLD.json --format json` against the same check without
     the baseline: target ratio <= 1.20.

The newer organisation is the older one without its first routine, audited a year later, so
the diff has new, changed and resolved findings. Output goes to /dev/null; each figure is the
median of RUNS wall-clock runs in this one process (the machines are shared: ratios, not
absolute times, are what is compared).

Usage: python3 bench/history.py BUILD_DIR [--units 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def timed(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build", type=Path)
    ap.add_argument("--units", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    exe = str(a.build / "trygg-check")
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        old_org = generate(a.units)
        new_org = json.loads(json.dumps(old_org))
        if new_org.get("routines"):
            new_org["routines"] = new_org["routines"][1:]
        (t / "old-org.json").write_text(json.dumps(old_org, separators=(",", ":")), encoding="utf-8")
        (t / "new-org.json").write_text(json.dumps(new_org, separators=(",", ":")), encoding="utf-8")
        base = ["--format", "json", "--fail-on", "never"]
        subprocess.run([exe, "check", str(t / "old-org.json"), "--as-of", "2025-11-22", *base, "-o",
                        str(t / "old.json")], check=True)
        subprocess.run([exe, "check", str(t / "new-org.json"), "--as-of", "2026-11-22", *base, "-o",
                        str(t / "new.json")], check=True)
        check = [exe, "check", str(t / "new-org.json"), "--as-of", "2026-11-22", *base]
        diff = [exe, "diff", str(t / "old.json"), str(t / "new.json"), "--format", "json"]
        baseline = [*check, "--baseline", str(t / "old.json")]
        counts = json.loads(subprocess.run(diff, capture_output=True, text=True, check=True).stdout)["counts"]
        check_s = timed(check, a.runs)
        diff_s = timed(diff, a.runs)
        baseline_s = timed(baseline, a.runs)
        report_mb = (t / "new.json").stat().st_size / 1e6
    row = {
        "units": a.units,
        "report_mb": round(report_mb, 1),
        "counts": counts,
        "check_s": round(check_s, 3),
        "diff_s": round(diff_s, 3),
        "check_baseline_s": round(baseline_s, 3),
        "diff_over_check": round(diff_s / check_s, 3),
        "baseline_over_check": round(baseline_s / check_s, 3),
    }
    row["diff_target_met"] = row["diff_over_check"] <= 0.5
    row["baseline_target_met"] = row["baseline_over_check"] <= 1.20
    print(json.dumps(row, indent=1))


if __name__ == "__main__":
    main()
