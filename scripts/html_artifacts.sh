#!/usr/bin/env bash
# The kommun example's HTML report in Swedish and English, with a screenshot of what a reader
# sees first and the page printed to an A4 PDF by headless Chromium (issue 14).
#
#   scripts/html_artifacts.sh OUTDIR
#
# Writes OUTDIR/kommun-{sv,en}.html, .png and .pdf. Needs a built trygg-check ($TRYGG_CHECK,
# else build/test/trygg-check, else the one on PATH) and chromium (apt-get install chromium).
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"

checker="${TRYGG_CHECK:-}"
if [ -z "$checker" ]; then
  if [ -x "$root/build/test/trygg-check" ]; then checker="$root/build/test/trygg-check"; else checker="$(command -v trygg-check || true)"; fi
fi
if [ -z "$checker" ] || [ ! -x "$checker" ]; then
  echo "$0: trygg-check not found: build it or set TRYGG_CHECK" >&2
  exit 2
fi
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium" ]; then
  echo "$0: chromium not found: apt-get install chromium" >&2
  exit 2
fi

flags=(--headless=new --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --hide-scrollbars)
# Chromium refuses to run as root with its sandbox.
if [ "$(id -u)" -eq 0 ]; then flags+=(--no-sandbox); fi

for lang in sv en; do
  html="$out/kommun-$lang.html"
  # Exit 1 means the report has findings at or above --fail-on: expected for the example.
  "$checker" check "$root/examples/organisations/kommun.json" --as-of 2026-03-01 --format html --lang "$lang" \
    --output "$html" || [ $? -eq 1 ]
  # A separate profile per run, so that no state of an earlier run (or of the user) is read.
  profile="$(mktemp -d)"
  "$chromium" "${flags[@]}" --user-data-dir="$profile" --window-size=1280,1600 \
    --screenshot="$out/kommun-$lang.png" "file://$html" 2>/dev/null
  "$chromium" "${flags[@]}" --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$out/kommun-$lang.pdf" "file://$html" 2>/dev/null
  rm -rf "$profile"
  echo "$out/kommun-$lang.html, .png, .pdf"
done
