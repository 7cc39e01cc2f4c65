#!/usr/bin/env python3
"""Many organisations (issue 15): trygg.audit_many against the C++ batch, and Dask against
audit_many, in one run (docs/performance.md, "Many organisations (issue 15)").

(a) audit_many over N register-mix organisations given as JSON texts, against the C++ driver
    trygg_bench_register_mix on the same mix, the same N and the same threads. As in
    register_mix_python.py, K = min(N, --distinct) distinct documents are generated
    (bench/register_mix.py) and organisation i is text i mod K (for audit_many with an id of
    its own past K, since a batch refuses duplicate ids); every one is parsed and audited
    afresh. The two are run alternately, one run each per round, and each figure is
    the median of the rounds. Target: audit_many's throughput ≥ 90 % of C++'s.
(b) A Dask LocalCluster of two worker processes (one thread each) over M organisation files
    (register-mix documents, one a file), partitioned as examples/scaling/dask_audit.py does,
    against audit_many over the same paths with two threads in this process. The cluster is
    started once, before the rounds (its start-up is reported apart); each round times the
    whole audit: partitioning, sending the paths, the audits in the workers, pickling the
    ReportSets back and concatenating them. Target: Dask's throughput ≥ 70 % of audit_many's.

Usage: python3 bench/scaling.py BUILD [--organisations N] [--files M] [--threads T] [--runs R]
       (BUILD holds bench/trygg_bench_register_mix and python/ with the trygg it was built with)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
AS_OF = "2026-11-22"  # as bench_register_mix.cpp


def peak_rss_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return -1


def write_mix(count: int, out: Path, seed: int = 1) -> list[str]:
    sys.path.insert(0, str(HERE))
    import register_mix

    register_mix.write(count, out, seed)
    return [line for line in out.read_text(encoding="utf-8").splitlines() if line]


def part_a(build: Path, mix: Path, texts: list[str], n: int, threads: int, runs: int) -> dict:
    import trygg

    exe = build / "bench" / "trygg_bench_register_mix"
    cmd = [str(exe), str(mix), "--organisations", str(n), "--threads", str(threads), "--runs", "1"]
    # audit_many refuses two sources with the same organisation id in one batch, so past the
    # K distinct texts each copy gets an id of its own (the same document otherwise; the C++
    # driver, which does not compare ids, cycles through the K texts unchanged).
    k = len(texts)
    sources = [texts[i] if i < k else texts[i % k].replace(f'"id":"org-1-{i % k}"', f'"id":"org-1-{i % k}-c{i // k}"', 1)
               for i in range(n)]
    framework = trygg.Framework.builtin()
    py_s, cpp_s, cpp = [], [], {}
    findings = -1
    for _ in range(runs):
        cpp = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
        cpp_s.append(cpp["seconds"])
        start = time.perf_counter()
        reports = trygg.audit_many(sources, framework=framework, as_of=AS_OF, workers=threads, progress=False,
                                   errors="raise")
        py_s.append(time.perf_counter() - start)
        findings = sum(r.count_at_or_above("info") for r in reports)
        del reports
    py, c = statistics.median(py_s), statistics.median(cpp_s)
    return {"organisations": n, "distinct": len(texts), "threads": threads, "runs": runs,
            "audit_many_seconds": py, "audit_many_seconds_all": sorted(py_s), "audit_many_per_s": n / py,
            "cpp_seconds": c, "cpp_seconds_all": sorted(cpp_s), "cpp_per_s": n / c,
            "audit_many_over_cpp_throughput": c / py,
            "findings": findings, "findings_agree": findings == cpp.get("findings"),
            "cpp_peak_rss_bytes": cpp.get("peak_rss_bytes")}


def part_b(texts: list[str], m: int, threads: int, runs: int, workdir: Path) -> dict:
    import trygg
    from dask.distributed import Client

    sys.path.insert(0, str(ROOT / "examples" / "scaling"))
    import dask_audit

    files = workdir / "files"
    files.mkdir()
    paths = []
    for i in range(m):
        p = files / f"org-{i:06d}.json"
        p.write_text(texts[i % len(texts)], encoding="utf-8")
        paths.append(str(p))
    start = time.perf_counter()
    cluster = dask_audit.local_cluster(2, local_directory=str(workdir / "dask"), silence_logs=40)
    client = Client(cluster)
    client.wait_for_workers(2)
    startup = time.perf_counter() - start
    dask_s, many_s, pickled = [], [], 0
    try:
        for _ in range(runs):
            start = time.perf_counter()
            gathered = dask_audit.audit_with_dask(paths, client=client, as_of=AS_OF)
            dask_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            local = trygg.audit_many(paths, as_of=AS_OF, workers=threads, progress=False)
            many_s.append(time.perf_counter() - start)
            if gathered.ids != local.ids or gathered.failures or local.failures:
                raise SystemExit("Dask and audit_many disagree")
            pickled = len(__import__("pickle").dumps(local))
            del gathered, local
    finally:
        client.close()
        cluster.close()
    d, a = statistics.median(dask_s), statistics.median(many_s)
    return {"files": m, "dask_workers": 2, "audit_many_threads": threads, "runs": runs,
            "dask_seconds": d, "dask_seconds_all": sorted(dask_s), "dask_per_s": m / d,
            "audit_many_seconds": a, "audit_many_seconds_all": sorted(many_s), "audit_many_per_s": m / a,
            "dask_over_audit_many_throughput": a / d, "cluster_startup_seconds": startup,
            "reportset_pickle_bytes": pickled, "reportset_pickle_bytes_per_organisation": pickled / m}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("--organisations", type=int, default=10000, help="N of (a)")
    ap.add_argument("--files", type=int, default=2000, help="M of (b)")
    ap.add_argument("--distinct", type=int, default=10000, help="at most this many distinct documents")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-dask", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, str(a.build / "python"))
    import trygg

    out: dict = {"trygg": trygg.__version__, "cpus": os.cpu_count(), "load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        mix = Path(tmp) / "mix.jsonl"
        texts = write_mix(min(max(a.organisations, a.files), a.distinct), mix)
        out["a"] = part_a(a.build, mix, texts, a.organisations, a.threads, a.runs)
        print(json.dumps({"a": out["a"]}), file=sys.stderr)
        if not a.skip_dask:
            out["b"] = part_b(texts, a.files, a.threads, a.runs, Path(tmp))
    out["load_average_after"] = os.getloadavg()
    out["peak_rss_bytes"] = peak_rss_bytes()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
