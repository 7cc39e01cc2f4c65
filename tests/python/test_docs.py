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


def test_error_examples_in_the_input_format_doc_are_real(checker):
    """Every `error: FILE...` line quoted in docs/input-format.md is what the checker prints."""
    doc = (ROOT / "docs" / "input-format.md").read_text(encoding="utf-8")
    quoted = [line for line in doc.splitlines() if line.startswith("error: ")]
    assert len(quoted) >= 5
    bad = ROOT / "tests" / "data" / "bad"
    for line in quoted:
        name = line[len("error: "):].split(":", 1)[0]
        p = subprocess.run([checker, "validate", name], capture_output=True, text=True, cwd=bad)
        assert p.returncode == 2
        assert line in p.stderr.splitlines(), (line, p.stderr)
