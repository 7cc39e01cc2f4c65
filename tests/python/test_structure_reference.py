"""trygg's structural checks agree with the networkx reference in bench/reference/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import trygg

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

pytest.importorskip("networkx")
from generate import generate  # noqa: E402
from structure import RULES, trygg_findings  # noqa: E402
from reference.structure import structural_findings  # noqa: E402


@pytest.mark.parametrize(("units", "seed"), [(2, 1), (9, 2), (300, 3), (2000, 4)])
def test_trygg_and_reference_find_the_same(units: int, seed: int, tmp_path: Path) -> None:
    doc = generate(units, seed)
    path = tmp_path / "org.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    fw = trygg.Framework.builtin().with_profile({"format": "trygg.profile/1", "select": RULES})
    report = trygg.audit(trygg.load_organisation(path), fw, as_of="2026-11-22", lang="en")
    ours = trygg_findings(report, doc)
    assert ours == structural_findings(doc)
    if units >= 300:  # the generator leaves gaps to find; an empty comparison would prove nothing
        assert ours["route"] and ours["support"] and ours["spof"] and ours["exit_interviews"]
