#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run the C++ tests under sanitizers (docs/reliability.md):
#   asan  every C++ test and the checker's tests, built with clang, AddressSanitizer and
#         UndefinedBehaviorSanitizer (and libFuzzer's coverage instrumentation, so that
#         scripts/fuzz.sh can reuse the build: TRYGG_FUZZ_BUILD_DIR=build/sanitize)
#   tsan  the concurrency tests (8 threads sharing one framework) under ThreadSanitizer
#
#   scripts/sanitize.sh [asan|tsan|all]     (default all)
#
# Needs clang-14 and libclang-rt-14-dev besides what scripts/install.sh installs. Any report
# from a sanitizer stops the test that caused it, and the script exits non-zero.
set -euo pipefail

what="${1:-all}"
case "$what" in asan | tsan | all) ;; *)
  echo "usage: scripts/sanitize.sh [asan|tsan|all]" >&2
  exit 2
  ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="$(nproc 2>/dev/null || echo 2)"
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
# -O1 with line tables only: sanitizer builds compile faster and still give file:line stacks.
common=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1"
  -DTRYGG_BUILD_TESTS=ON -DTRYGG_BUILD_PYTHON=OFF -DTRYGG_INSTALL=OFF)

if [ "$what" != tsan ]; then
  if ! command -v clang++-14 >/dev/null 2>&1; then
    echo "error: clang++-14 not found. Install it: apt-get install clang-14 libclang-rt-14-dev" >&2
    exit 2
  fi
  build="$root/build/sanitize"
  CXX=clang++-14 cmake -S "$root" -B "$build" "${generator[@]}" "${common[@]}" \
    -DTRYGG_SANITIZE=ON -DTRYGG_FUZZ=ON -DTRYGG_BUILD_CHECKER=ON >/dev/null
  cmake --build "$build" --parallel "$jobs" --target trygg_tests trygg_concurrency_tests trygg-check
  echo "=== C++ tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --test-dir "$build" --output-on-failure --parallel "$jobs" -R '^(cpp|concurrency|checker)\.'
fi

if [ "$what" != asan ]; then
  build="$root/build/tsan"
  cmake -S "$root" -B "$build" "${generator[@]}" "${common[@]}" -DTRYGG_TSAN=ON -DTRYGG_BUILD_CHECKER=OFF >/dev/null
  cmake --build "$build" --parallel "$jobs" --target trygg_concurrency_tests
  echo "=== concurrency tests under ThreadSanitizer"
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
    ctest --test-dir "$build" --output-on-failure -R '^concurrency\.'
fi
echo "=== no sanitizer reported anything"
