#!/usr/bin/env bash
# Install trygg on Debian or Ubuntu: the C++ dependencies from the system's packages, then the
# Python package, which compiles the library and puts the trygg-check program on PATH.
# Nothing is downloaded at configure or build time; apt and pip are the only sources.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

packages=(g++ cmake pkg-config libboost-graph-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libxlsxwriter-dev catch2 locales)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The locales the tests render under, to show that no output follows the process locale
# (tests/python/test_output_safety.py); localedef builds each in a second.
for loc in sv_SE nb_NO tr_TR; do
  locale -a 2>/dev/null | grep -qi "^${loc}.utf-\?8$" || $sudo localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
done

python3 -m pip install --quiet .
# pyenv exposes new programs through shims that exist only after a rehash.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi
echo "trygg installed: $(command -v trygg-check)"
