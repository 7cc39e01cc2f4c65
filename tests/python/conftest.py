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

# How a limit given in a bad-input case is passed to the checker.
LIMIT_OPTIONS = {
    "max_file_bytes": "--max-file-size",
    "max_depth": "--max-depth",
    "max_entities": "--max-entities",
    "max_string_bytes": "--max-string-size",
}


def write_generated_case(generate: dict, path: Path) -> None:
    """Make a bad input too large to keep in the repository: a sparse file of a given size, or
    a prefix, a byte repeated, and a suffix."""
    with open(path, "wb") as f:
        if "sparse_bytes" in generate:
            f.truncate(generate["sparse_bytes"])
        else:
            f.write(generate["prefix"].encode())
            f.write(generate["fill"].encode() * generate["count"])
            f.write(generate["suffix"].encode())


@pytest.fixture(scope="session")
def bad_case_path(tmp_path_factory):
    """The path of a bad-input case: the file in tests/data/bad, or one generated once."""
    made: dict[str, Path] = {}

    def path_of(name: str) -> Path:
        case = BAD_CASES[name]
        if "generate" not in case:
            return BAD / name
        if name not in made:
            made[name] = tmp_path_factory.mktemp("bad") / name
            write_generated_case(case["generate"], made[name])
        return made[name]

    return path_of


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
