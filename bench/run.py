#!/usr/bin/env python3
"""Generate synthetic organisations and measure load, audit and peak memory for each size.

Each size runs in a fresh process (so its peak memory is its own) with a median over RUNS
repetitions. Load time is also given as a ratio to nlohmann's DOM parse of the same bytes,
measured in the same process, because these machines are shared and absolute times vary.

Usage: python3 bench/run.py BUILD_DIR [--sizes 1000,10000,100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build", type=Path)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    exe = a.build / "bench" / "trygg_bench"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in a.sizes.split(",")):
            path = Path(tmp) / f"org-{n}.json"
            path.write_text(json.dumps(generate(n), separators=(",", ":")), encoding="utf-8")
            out = subprocess.run([str(exe), str(path), str(a.runs)], capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout))
    print(f"{'units':>8} {'MB':>7} {'DOM parse s':>11} {'load s':>8} {'load/parse':>10} {'audit s':>8} "
          f"{'us/unit':>8} {'peak MB':>8} {'peak/file':>9} {'+render MB':>10}")
    for r in rows:
        print(f"{r['units']:>8} {r['bytes'] / 1e6:>7.2f} {r['dom_parse_s']:>11.4f} {r['load_s']:>8.4f} "
              f"{r['load_over_dom_parse']:>10.2f} {r['audit_s']:>8.4f} {r['audit_s'] / r['units'] * 1e6:>8.2f} "
              f"{r['peak_rss_load_audit_bytes'] / 1e6:>8.1f} {r['peak_rss_load_audit_bytes'] / r['bytes']:>9.1f} "
              f"{r['peak_rss_bytes'] / 1e6:>10.1f}")
    print(json.dumps(rows, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
