#!/usr/bin/env python3
"""Compared with last time (issue 16): how much `trygg-check diff` and `check --baseline` cost.

(i)  `trygg-check diff OLD.json NEW.json --format json` of two 100,000-unit reports, against
     `trygg-check check ORG --format json` of the newer one's organisation (load + audit +
     JSON): target ratio <= 0.5.
(ii) `trygg-check check ORG --baseline OLD.json --format json` against the same check without
     the baseline: target ratio <= 1.20.

The newer organisation is the older one without its first routine, audited a year later, so
the diff has new, changed and resolved findings. Output goes to /dev/null.

The machines are shared and their speed drifts, so the three commands run in turn in each of
RUNS rounds (in a rotating order) and each ratio is the median of the rounds' own ratios.
Wall-clock is the target's measure; CPU seconds (user + system of the child) are given beside
it, because `check --baseline` reads the baseline on a second thread: with both cores free
the wall ratio hides that work, on a machine whose other core is busy it does not.

Usage: python3 bench/history.py BUILD_DIR [--units 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def timed_once(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def rounds(commands: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Each command once per round, the order rotated from round to round."""
    names = list(commands)
    out: dict[str, list[tuple[float, float]]] = {n: [] for n in names}
    for r in range(runs):
        for k in range(len(names)):
            name = names[(r + k) % len(names)]
            out[name].append(timed_once(commands[name]))
    return out


def median_ratio(a: list[tuple[float, float]], b: list[tuple[float, float]], which: int) -> float:
    return statistics.median(x[which] / y[which] for x, y in zip(a, b))


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
        timed_ = rounds({"check": check, "diff": diff, "baseline": baseline}, a.runs)
        report_mb = (t / "new.json").stat().st_size / 1e6

    def median_s(name: str, which: int) -> float:
        return round(statistics.median(x[which] for x in timed_[name]), 3)

    row = {
        "units": a.units,
        "report_mb": round(report_mb, 1),
        "counts": counts,
        "rounds": a.runs,
        "check_s": median_s("check", 0),
        "diff_s": median_s("diff", 0),
        "check_baseline_s": median_s("baseline", 0),
        "check_cpu_s": median_s("check", 1),
        "diff_cpu_s": median_s("diff", 1),
        "check_baseline_cpu_s": median_s("baseline", 1),
        "diff_over_check": round(median_ratio(timed_["diff"], timed_["check"], 0), 3),
        "baseline_over_check": round(median_ratio(timed_["baseline"], timed_["check"], 0), 3),
        "diff_over_check_cpu": round(median_ratio(timed_["diff"], timed_["check"], 1), 3),
        "baseline_over_check_cpu": round(median_ratio(timed_["baseline"], timed_["check"], 1), 3),
    }
    row["diff_target_met"] = row["diff_over_check"] <= 0.5
    row["baseline_target_met"] = row["baseline_over_check"] <= 1.20
    print(json.dumps(row, indent=1))


if __name__ == "__main__":
    main()
