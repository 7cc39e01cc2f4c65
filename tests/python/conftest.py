"""Shared fixtures: the example organisations, the bad-input corpus and the checker program."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "organisations").glob("*.json"))
BAD = ROOT / "tests" / "data" / "bad"
BAD_CASES = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))["cases"]
AS_OF = "2026-11-22"


@pytest.fixture(scope="session")
def checker() -> str:
    """The trygg-check program: $TRYGG_CHECK (set by ctest), else the one on PATH."""
    path = os.environ.get("TRYGG_CHECK") or shutil.which("trygg-check")
    if not path:
        pytest.fail("trygg-check not found: set TRYGG_CHECK or install the package")
    return str(Path(path).resolve())  # tests may run it from another directory


@pytest.fixture(scope="session")
def kommun() -> Path:
    return ROOT / "examples" / "organisations" / "kommun.json"


@pytest.fixture(scope="session")
def small_company() -> Path:
    return ROOT / "examples" / "organisations" / "small-company.json"
