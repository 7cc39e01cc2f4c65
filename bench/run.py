#!/usr/bin/env python3
"""Generate synthetic organisations and measure load, audit and peak memory for each size.

Each size is timed in one process (medians over RUNS repetitions), and its peak memory is
measured in another, fresh process that only loads and audits. Load time is given as a ratio
to simdjson's parse of the same bytes (and to nlohmann's DOM parse up to --dom-up-to units),
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
    ap.add_argument("--dom-up-to", type=int, default=100000,
                    help="time nlohmann's DOM parse as a second baseline up to this many units")
    a = ap.parse_args()
    exe = a.build / "bench" / "trygg_bench"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in a.sizes.split(",")):
            path = Path(tmp) / f"org-{n}.json"
            path.write_text(json.dumps(generate(n), separators=(",", ":")), encoding="utf-8")
            timing = [str(exe), str(path), str(a.runs)] + ([] if n <= a.dom_up_to else ["--large"])
            row = json.loads(subprocess.run(timing, capture_output=True, text=True, check=True).stdout)
            # Peak memory in a fresh process that only loads and audits.
            memory = subprocess.run([str(exe), "--memory", str(path)], capture_output=True, text=True, check=True)
            row.update(json.loads(memory.stdout))
            rows.append(row)
            path.unlink()
    print(f"{'units':>8} {'MB':>7} {'simdjson s':>10} {'load s':>8} {'load/sj':>7} {'load/dom':>8} {'audit s':>8} "
          f"{'struct s':>8} {'peak MB':>8} {'peak/file':>9}")
    for r in rows:
        dom = f"{r['load_over_dom_parse']:>8.2f}" if "load_over_dom_parse" in r else f"{'-':>8}"
        print(f"{r['units']:>8} {r['bytes'] / 1e6:>7.1f} {r['simdjson_parse_s']:>10.4f} {r['load_s']:>8.4f} "
              f"{r['load_over_simdjson_parse']:>7.1f} {dom} {r['audit_s']:>8.4f} {r['structural_audit_s']:>8.4f} "
              f"{r['peak_rss_load_audit_bytes'] / 1e6:>8.1f} {r['peak_rss_load_audit_bytes'] / r['bytes']:>9.2f}")
    print(json.dumps(rows, indent=1), file=sys.stderr)


if __name__ == "__main__":
    main()
