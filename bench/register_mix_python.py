#!/usr/bin/env python3
"""Load and audit a register's mix of organisations through the Python API, in threads, and
compare with the C++ driver in the same session (docs/performance.md, "Register mix").

Each organisation is loaded from its text (trygg.Organisation.from_json) and audited
(trygg.audit), by a concurrent.futures.ThreadPoolExecutor whose workers take the next index
of the N organisations; organisation i is line i mod K of the mix file, as in
bench_register_mix.cpp. The C++ core releases the GIL while it loads and audits, so the
threads run in parallel there; what stays serial is Python's own work around each call
(argument checks, wrapping the results). Each run is timed as a whole; the figure is the
median of RUNS, and the C++ driver is run on the same file with the same N, threads and runs,
alternating with the Python runs, so that both see the same machine.

Usage: PYTHONPATH=BUILD/python python3 bench/register_mix_python.py BUILD MIX.jsonl
           [--organisations N] [--threads T] [--runs R]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import itertools
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import trygg

AS_OF = "2026-11-22"


def peak_rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return -1


def python_run(texts: list[str], organisations: int, threads: int, framework: trygg.Framework) -> tuple[float, int]:
    counter = itertools.count()  # next() on it is atomic under the GIL
    lock = threading.Lock()
    totals = [0]

    def worker() -> None:
        findings = 0
        k = len(texts)
        for i in counter:
            if i >= organisations:
                break
            org = trygg.Organisation.from_json(texts[i % k], framework)
            # The report is not rendered (neither is it in C++); its findings are counted, to
            # compare with the C++ driver's count.
            findings += trygg.audit(org, framework, as_of=AS_OF).count_at_or_above("info")
        with lock:
            totals[0] += findings

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        for f in [pool.submit(worker) for _ in range(threads)]:
            f.result()
    return time.perf_counter() - start, totals[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("mix", type=Path)
    ap.add_argument("--organisations", type=int, default=0, help="default: each line once")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    texts = [line for line in a.mix.read_text(encoding="utf-8").splitlines() if line]
    n = a.organisations or len(texts)
    framework = trygg.Framework.builtin()
    exe = a.build / "bench" / "trygg_bench_register_mix"
    cpp_cmd = [str(exe), str(a.mix), "--organisations", str(n), "--threads", str(a.threads), "--runs", "1"]
    py_s, cpp_s, py_findings, cpp_findings = [], [], 0, 0
    for _ in range(a.runs):
        cpp = json.loads(subprocess.run(cpp_cmd, capture_output=True, text=True, check=True).stdout)
        cpp_s.append(cpp["seconds"])
        cpp_findings = cpp["findings"]
        s, py_findings = python_run(texts, n, a.threads, framework)
        py_s.append(s)
    py, c = statistics.median(py_s), statistics.median(cpp_s)
    out = {"file": str(a.mix), "distinct": len(texts), "organisations": n, "threads": a.threads, "runs": a.runs,
           "python_seconds": py, "python_seconds_all": sorted(py_s), "python_organisations_per_s": n / py,
           "cpp_seconds": c, "cpp_seconds_all": sorted(cpp_s), "cpp_organisations_per_s": n / c,
           "python_over_cpp": py / c, "findings": py_findings, "findings_agree": py_findings == cpp_findings,
           "python_peak_rss_bytes": peak_rss_bytes()}
    print(json.dumps(out))
    if py_findings != cpp_findings:
        sys.exit(f"Python gave {py_findings} findings, C++ {cpp_findings}")


if __name__ == "__main__":
    main()
