#!/usr/bin/env python3
"""Many organisations (issue 15): trygg.audit_many against the C++ batch, and Dask against
audit_many, in one run (docs/performance.md, "Many organisations (issue 15)").

(a) audit_many over N register-mix organisations given as JSON texts, against the C++ batch
    (trygg_bench_register_mix --batch 1: trygg::audit_batch) on the same mix, the same N and
    the same threads; and audit_chunks (chunks of 1,000) against the C++ driver that frees
    each report at once (trygg_bench_register_mix). As in
    register_mix_python.py, K = min(N, --distinct) distinct documents are generated
    (bench/register_mix.py) and organisation i is text i mod K (for audit_many with an id of
    its own past K, since a batch refuses duplicate ids); every one is parsed and audited
    afresh. The two are run alternately, one run each per round, and each figure is
    the median of the rounds. Target: audit_many's throughput ≥ 90 % of C++'s.
(c) Pickle round trips of a kommun-sized Report and of the built-in Framework. Target: ≤ 1 ms
    for the Report.
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


def part_a(build: Path, mix: Path, texts: list[str], n: int, threads: int, runs: int, keep: bool) -> dict:
    """Four ways through the same N organisations, one run of each per round, alternately:
    the C++ batch (trygg::audit_batch, every report kept) against audit_many (which calls it
    and keeps every report too), and the C++ driver that frees each report at once against
    audit_chunks (one chunk of 1,000 alive at a time). With keep=False only the second pair
    runs (a batch that keeps 100,000 reports needs about 12 GB)."""
    import trygg

    exe = build / "bench" / "trygg_bench_register_mix"
    base = [str(exe), str(mix), "--organisations", str(n), "--threads", str(threads), "--runs", "1"]
    # audit_many refuses two sources with the same organisation id in one batch, so past the
    # K distinct texts each copy gets an id of its own (the same document otherwise; the C++
    # free-each driver, which does not compare ids, cycles through the K texts unchanged, and
    # its --batch mode renames the copies the same way as here).
    k = len(texts)

    def sources():
        for i in range(n):
            yield texts[i] if i < k else texts[i % k].replace(f'"id":"org-1-{i % k}"', f'"id":"org-1-{i % k}-c{i // k}"', 1)

    framework = trygg.Framework.builtin()
    times: dict[str, list[float]] = {"cpp_batch": [], "audit_many": [], "cpp_free_each": [], "audit_chunks": []}
    findings: dict[str, int] = {}
    peak: dict[str, int] = {}
    listed = list(sources()) if keep else None
    for _ in range(runs):
        if keep:
            cpp = json.loads(subprocess.run(base + ["--batch", "1"], capture_output=True, text=True, check=True).stdout)
            times["cpp_batch"].append(cpp["seconds"])
            findings["cpp_batch"], peak["cpp_batch"] = cpp["findings"], cpp["peak_rss_bytes"]
            start = time.perf_counter()
            reports = trygg.audit_many(listed, framework=framework, as_of=AS_OF, workers=threads, progress=False,
                                       errors="raise")
            times["audit_many"].append(time.perf_counter() - start)
            findings["audit_many"] = sum(r._impl.finding_count for r in reports)
            del reports
        cpp = json.loads(subprocess.run(base, capture_output=True, text=True, check=True).stdout)
        times["cpp_free_each"].append(cpp["seconds"])
        findings["cpp_free_each"], peak["cpp_free_each"] = cpp["findings"], cpp["peak_rss_bytes"]
        start = time.perf_counter()
        total = 0
        for part in trygg.audit_chunks(sources(), chunk_size=1000, framework=framework, as_of=AS_OF,
                                       workers=threads, progress=False, errors="raise"):
            total += sum(r._impl.finding_count for r in part)
        times["audit_chunks"].append(time.perf_counter() - start)
        findings["audit_chunks"] = total
    med = {key: statistics.median(v) for key, v in times.items() if v}
    out = {"organisations": n, "distinct": k, "threads": threads, "runs": runs,
           "seconds": med, "seconds_all": {key: sorted(v) for key, v in times.items() if v},
           "per_s": {key: n / v for key, v in med.items()},
           "findings": findings, "findings_agree": len(set(findings.values())) == 1, "cpp_peak_rss_bytes": peak,
           "audit_chunks_over_cpp_free_each_throughput": med["cpp_free_each"] / med["audit_chunks"]}
    if keep:
        out["audit_many_over_cpp_batch_throughput"] = med["cpp_batch"] / med["audit_many"]
        out["audit_many_over_cpp_free_each_throughput"] = med["cpp_free_each"] / med["audit_many"]
    return out


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


def part_c(runs: int) -> dict:
    """Pickle round trips of one kommun-sized Report (examples/organisations/kommun.json: 53
    units, about 300 results) and of the built-in Framework: the median of `runs` batches of
    100 round trips each, per round trip. Target: the Report's ≤ 1 ms."""
    import pickle

    import trygg

    report = trygg.audit(trygg.load_organisation(ROOT / "examples" / "organisations" / "kommun.json"), as_of=AS_OF)
    framework = trygg.Framework.builtin()
    out: dict = {}
    for name, obj in (("report", report), ("framework", framework)):
        data = pickle.dumps(obj)
        if name == "report" and pickle.loads(data).to_json() != obj.to_json():
            raise SystemExit("the pickled report differs")
        per = []
        for _ in range(max(runs, 5)):
            start = time.perf_counter()
            for _ in range(100):
                pickle.loads(pickle.dumps(obj))
            per.append((time.perf_counter() - start) / 100)
        out[name] = {"bytes": len(data), "round_trip_seconds": statistics.median(per), "round_trip_seconds_all": sorted(per)}
    out["report_target_met"] = out["report"]["round_trip_seconds"] <= 0.001
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", type=Path)
    ap.add_argument("--organisations", type=int, default=10000, help="N of (a)")
    ap.add_argument("--files", type=int, default=2000, help="M of (b)")
    ap.add_argument("--distinct", type=int, default=10000, help="at most this many distinct documents")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--only-pickle", action="store_true", help="only (c)")
    ap.add_argument("--no-keep", action="store_true",
                    help="(a) without the two batches that keep every report (for N = 100,000)")
    a = ap.parse_args()
    sys.path.insert(0, str(a.build / "python"))
    import trygg

    out: dict = {"trygg": trygg.__version__, "cpus": os.cpu_count(), "load_average": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        mix = Path(tmp) / "mix.jsonl"
        texts = write_mix(min(max(a.organisations, a.files), a.distinct), mix)
        out["c"] = part_c(a.runs)
        print(json.dumps({"c": out["c"]}), file=sys.stderr)
        if a.only_pickle:
            print(json.dumps(out, indent=1))
            return
        out["a"] = part_a(a.build, mix, texts, a.organisations, a.threads, a.runs, not a.no_keep)
        print(json.dumps({"a": out["a"]}), file=sys.stderr)
        if not a.skip_dask:
            out["b"] = part_b(texts, a.files, a.threads, a.runs, Path(tmp))
    out["load_average_after"] = os.getloadavg()
    out["peak_rss_bytes"] = peak_rss_bytes()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
