#!/usr/bin/env bash
# Run every test: the C++ suites (Catch2), the Python suite (pytest, against the extension
# built here), the checker as a program, and a downstream find_package(trygg) project.
# Needs the system packages that scripts/install.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# The HTML report is tested in a real browser (tests/python/test_html_report.py): Debian's
# headless Chromium and its driver. With them installed the browser tests must run.
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
export TRYGG_REQUIRE_BROWSER=1

# The scaling examples (tests/python/test_spark.py) run PySpark in local mode, which needs a
# Java runtime: Debian's headless OpenJDK 17. With it and the Python packages below installed
# the Dask, Spark and notebook tests must run.
if ! command -v java >/dev/null 2>&1; then
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi
export TRYGG_REQUIRE_SCALING=1

python3 -m pip install --quiet "pybind11>=2.10" "pytest>=7" "hypothesis>=6" "jsonschema>=4" "pandas>=1.5" "mypy>=1.5" "networkx>=3" "cmarkgfm>=2022.10" "openpyxl>=3" "selenium>=4.10" "axe-selenium-python>=2.1" "pypdf>=3" \
  "dask[distributed]" "pyspark>=3.4,<4" "pyarrow>=4" "nbclient" "ipykernel" "nbformat" "matplotlib" "tqdm"

build="${TRYGG_TEST_BUILD_DIR:-build/test}"
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S . -B "$build" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTRYGG_BUILD_TESTS=ON -DTRYGG_BUILD_PYTHON=ON \
  -Dpybind11_DIR="$(python3 -m pybind11 --cmakedir)" \
  -DPython_EXECUTABLE="$(command -v python3)"
cmake --build "$build" --parallel "$(nproc)"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
