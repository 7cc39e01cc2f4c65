#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build the libFuzzer harnesses (tests/fuzz) with clang, ASan and UBSan, and run each of them
# for SECONDS (default 60). Exits non-zero when a harness found a crash, a leak, a timeout or
# an out-of-memory; the input that did it is in <build>/artifacts/<harness>/.
#
#   scripts/fuzz.sh [SECONDS]
#
# Environment:
#   TRYGG_FUZZ_BUILD_DIR  build directory (default build/fuzz); it keeps the growing corpus in
#                         corpus/<harness>/, so later runs start where earlier ones stopped
#   TRYGG_FUZZ_HARNESSES  which harnesses to run (default "organisation pack profile")
#   TRYGG_FUZZ_JOBS       build parallelism (default: number of cores)
#   TRYGG_FUZZ_PARALLEL   1: run the harnesses at the same time (each still for SECONDS)
#
# Reproduce a finding:  <build>/tests/fuzz/fuzz_<harness> <build>/artifacts/<harness>/crash-...
# Then add the input to tests/data/fuzz/<harness>/ (see tests/cpp/test_fuzz_regressions.cpp).
set -euo pipefail

run_seconds="${1:-60}"
if ! [[ "$run_seconds" =~ ^[0-9]+$ ]] || [ "$run_seconds" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [SECONDS]   (SECONDS a positive integer, default 60)" >&2
  exit 2
fi

if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "error: clang++-14 not found; libFuzzer needs clang. Install it (Debian/Ubuntu, as root):" >&2
  echo "  apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TRYGG_FUZZ_BUILD_DIR:-build/fuzz}"
case "$build" in /*) ;; *) build="$root/$build" ;; esac
harnesses="${TRYGG_FUZZ_HARNESSES:-organisation pack profile}"
jobs="${TRYGG_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}"

# --- build ------------------------------------------------------------------------------------
CXX=clang++-14 cmake -S "$root" -B "$build" \
  -DTRYGG_SANITIZE=ON -DTRYGG_FUZZ=ON \
  -DTRYGG_BUILD_TESTS=OFF -DTRYGG_BUILD_PYTHON=OFF -DTRYGG_INSTALL=OFF -DTRYGG_BUILD_CHECKER=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target fuzz -j "$jobs"

# --- seed corpora -----------------------------------------------------------------------------
# Rebuilt on every run from the repository; the fuzzer's own finds go to corpus/<harness>/.
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/organisation" "$seeds/pack" "$seeds/profile"

# copy_seeds DEST PREFIX FILE...: copy each regular file as PREFIX-<name>, so that files of the
# same name from different directories do not overwrite each other.
copy_seeds() {
  local dest="$1" prefix="$2"
  shift 2
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dest/$prefix-$(basename "$f")"
  done
  return 0
}
shopt -s nullglob
copy_seeds "$seeds/organisation" examples "$root"/examples/organisations/*.json
copy_seeds "$seeds/organisation" good "$root"/tests/data/good/*
copy_seeds "$seeds/organisation" bad "$root"/tests/data/bad/*
copy_seeds "$seeds/pack" builtin "$root"/data/packs/*.json
copy_seeds "$seeds/pack" bad "$root"/tests/data/bad/packs/*
copy_seeds "$seeds/profile" bad "$root"/tests/data/bad/profiles/*
for kind in organisation pack profile; do
  copy_seeds "$seeds/$kind" stored "$root"/tests/data/fuzz/"$kind"/*
done
# Profiles shown in the documentation: every ```json block that names the profile format.
awk -v dir="$seeds/profile" '
  FNR == 1 { base = FILENAME; sub(/.*\//, "", base); sub(/\.md$/, "", base) }
  /^```json/ { inside = 1; text = ""; next }
  /^```/ && inside {
    inside = 0
    if (text ~ /trygg\.profile\/1/) { out = dir "/docs-" base "-" (++n) ".json"; printf "%s", text > out; close(out) }
    next
  }
  inside { text = text $0 "\n" }
' "$root"/docs/*.md
shopt -u nullglob

# --- run --------------------------------------------------------------------------------------
# Per-harness input size caps: the largest useful seeds are an organisation of ~50 KB and a legal
# pack of ~55 KB (the 136 KB base pack is refused as a duplicate anyway); profiles are small.
max_len() {
  case "$1" in
    organisation | pack) echo 65536 ;;
    profile) echo 4096 ;;
  esac
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Each harness runs for the full SECONDS; with TRYGG_FUZZ_PARALLEL=1 (CI) they run at the same
# time, sharing the cores, so the wall time is SECONDS instead of SECONDS per harness.
run_harness() {
  local h="$1" bin="$build/tests/fuzz/fuzz_$1"
  local corpus="$build/corpus/$h" artifacts="$build/artifacts/$h" log="$build/logs/$h.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  # Findings of earlier runs move aside, so that this run's verdict is about this run only.
  local f
  for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/slow-unit-*; do
    if [ -f "$f" ]; then
      mkdir -p "$artifacts/earlier"
      mv "$f" "$artifacts/earlier/"
    fi
  done
  local status=0
  "$bin" -max_total_time="$run_seconds" -dict="$root/tests/fuzz/json.dict" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$(max_len "$h")" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$corpus" "$seeds/$h" >"$log" 2>&1 || status=$?
  echo "$status" >"$build/logs/$h.status"
}

for h in $harnesses; do
  if [ ! -x "$build/tests/fuzz/fuzz_$h" ]; then
    echo "error: no harness fuzz_$h (known: organisation pack profile)" >&2
    exit 2
  fi
done
pids=()
for h in $harnesses; do
  echo "=== fuzz_$h: ${run_seconds}s, corpus $build/corpus/$h, log $build/logs/$h.log"
  if [ "${TRYGG_FUZZ_PARALLEL:-0}" = 1 ]; then
    run_harness "$h" &
    pids+=("$!")
  else
    run_harness "$h"
  fi
done
for pid in "${pids[@]}"; do wait "$pid"; done

failed=()
summary=()
for h in $harnesses; do
  artifacts="$build/artifacts/$h"
  log="$build/logs/$h.log"
  status="$(cat "$build/logs/$h.status")"
  echo "=== fuzz_$h"
  # The statistics CI logs should show: coverage at the end, and libFuzzer's final stats.
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log" | tail -n 2 || true
  grep -E '^stat::' "$log" || true
  found=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) | sort)
  if [ "$status" -ne 0 ] || [ -n "$found" ]; then
    echo "!!! fuzz_$h failed (exit status $status). Last lines of $log:"
    tail -n 60 "$log"
    [ -n "$found" ] && printf 'artifact: %s\n' $found
    failed+=("$h")
  fi
  summary+=("fuzz_$h: $(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1 || echo 'no DONE line (stopped early)')")
done

echo "=== summary"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "FAILED: ${failed[*]} (inputs in $build/artifacts/)" >&2
  exit 1
fi
echo "no crash, leak, timeout or out-of-memory"
