"""The package type-checks under mypy --strict, so its annotations and stubs are worth trusting."""

from __future__ import annotations

import subprocess
import sys

import trygg
from conftest import ROOT


def test_mypy_strict():
    package_dir = str(ROOT / "python")
    p = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-p", "trygg"],
        capture_output=True, text=True, cwd=package_dir,
    )
    assert p.returncode == 0, p.stdout + p.stderr
    assert trygg.__file__  # the compiled core is importable next to the sources mypy checked
