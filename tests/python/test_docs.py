"""The generated rules reference is current."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_rules_reference_is_current():
    p = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"], capture_output=True, text=True
    )
    assert p.returncode == 0, p.stderr
