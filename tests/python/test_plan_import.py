"""The action plan's round trip (docs/report-format.md, "The filled-in action plan"): kommun.json
→ xlsx report → management fill in owner, status and comment (openpyxl) → import → audit
again; the file keeps everything else; a bad owner points at the sheet's row."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import trygg
from conftest import ROOT

KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"
CHECKER = os.environ.get("TRYGG_CHECK") or shutil.which("trygg-check") or "trygg-check"
AS_OF = "2026-11-22"
openpyxl = pytest.importorskip("openpyxl")


def _without_plan(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "action_plan"}


def _filled_sheet(tmp_path: Path, fill: dict[int, tuple[str, str, str]]) -> tuple[Path, list[str]]:
    """The xlsx report of kommun.json with rows filled in: {sheet row: (owner, status, comment)}."""
    report = trygg.audit(trygg.load_organisation(KOMMUN), as_of=AS_OF, lang="en")
    path = tmp_path / "report.xlsx"
    report.to_xlsx(str(path))
    book = openpyxl.load_workbook(path)
    try:
        sheet = book["Action plan"]
        measures = [sheet.cell(row=r, column=2).value for r in range(2, sheet.max_row + 1)]
        for row, (owner, status, comment) in fill.items():
            sheet.cell(row=row, column=9, value=owner)
            sheet.cell(row=row, column=10, value=status)
            sheet.cell(row=row, column=11, value=comment)
        book.save(path)
    finally:
        book.close()
    return path, measures


def test_round_trip_through_xlsx(tmp_path: Path) -> None:
    original = json.loads(KOMMUN.read_text(encoding="utf-8"))
    before = trygg.audit(trygg.load_organisation(KOMMUN), as_of=AS_OF, lang="en").to_dict()
    not_planned = [e for e in before["action_plan"] if e["state"] == "not-planned"]
    assert len(not_planned) >= 2
    order = {e["measure"]: e["order"] for e in before["action_plan"]}
    first, second = not_planned[0]["measure"], not_planned[1]["measure"]
    owner = original["people"][0]["id"]
    sheet, measures = _filled_sheet(tmp_path, {order[first] + 1: (owner, "in progress", "Start in January"),
                                               order[second] + 1: (owner, "DONE", "")})
    assert measures[order[first] - 1] == first
    org_copy = tmp_path / "kommun.json"
    shutil.copy(KOMMUN, org_copy)
    text = trygg.import_action_plan(org_copy, sheet, in_place=True, today=AS_OF)
    written = json.loads(org_copy.read_text(encoding="utf-8"))
    assert json.loads(text) == written
    # Everything but the plan unchanged, in the same order.
    assert _without_plan(written) == _without_plan(original)
    assert list(written) == list(original)
    assert written["action_plan"][: len(original["action_plan"])] == original["action_plan"]
    new = {a["measure"]: a for a in written["action_plan"][len(original["action_plan"]):]}
    assert set(new) == {first, second}
    assert new[first]["id"] == f"plan-{first}"
    assert new[first]["owner"] == owner
    assert new[first]["comment"] == "Start in January"
    assert new[first]["fingerprints"]
    assert new[second]["done"] == AS_OF
    after = trygg.audit(trygg.load_organisation(org_copy), as_of=AS_OF, lang="en").to_dict()
    states = {e["measure"]: e for e in after["action_plan"]}
    assert states[first]["state"] in ("planned", "overdue")
    assert states[first]["owner"] == owner
    assert states[first]["items"] == [f"plan-{first}"]
    assert states[second]["state"] == "done"
    assert after["plan_progress"]["items"] == len(original["action_plan"]) + 2


def test_bad_owner_points_at_the_sheet_row_and_leaves_the_file(tmp_path: Path) -> None:
    sheet, _ = _filled_sheet(tmp_path, {3: ("Anna Andersson", "done", "")})
    org_copy = tmp_path / "kommun.json"
    shutil.copy(KOMMUN, org_copy)
    before = org_copy.read_bytes()
    with pytest.raises(trygg.LoadError) as e:
        trygg.import_action_plan(org_copy, sheet, in_place=True, today=AS_OF)
    d = e.value.diagnostics[0]
    assert d["file"] == str(sheet)
    assert d["pointer"] == "/rows/3/owner"
    assert d["line"] == 3 and d["column"] == 9
    assert org_copy.read_bytes() == before


def test_bad_status_names_the_accepted_words(tmp_path: Path) -> None:
    sheet, _ = _filled_sheet(tmp_path, {2: ("", "finished", "")})
    with pytest.raises(trygg.LoadError, match="pågår"):
        trygg.import_action_plan(KOMMUN, sheet, today=AS_OF)


def test_the_checker_imports_a_csv_sheet(tmp_path: Path) -> None:
    before = trygg.audit(trygg.load_organisation(KOMMUN), as_of=AS_OF, lang="sv").to_dict()
    entry = next(e for e in before["action_plan"] if e["state"] == "not-planned")
    owner = json.loads(KOMMUN.read_text(encoding="utf-8"))["people"][0]["id"]
    header = "#;Åtgärds-id;Åtgärd;Förslag;Allvar;Senast;Regler;Fingeravtryck;Ansvarig;Status;Kommentar\n"
    row = f"1;{entry['measure']};\"{entry['title']}\";x;hög;{entry['due']};r;{' '.join(entry['fingerprints'])};{owner};Pågår;\"Ny; rad\"\n"
    csv_path = tmp_path / "plan.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + (header + row).encode("utf-8"))
    out = tmp_path / "new.json"
    run = subprocess.run([CHECKER, "plan", "import", str(KOMMUN), str(csv_path), "--output", str(out),
                          "--today", AS_OF], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    new = json.loads(out.read_text(encoding="utf-8"))
    added = new["action_plan"][-1]
    assert added["measure"] == entry["measure"]
    assert added["comment"] == "Ny; rad"
    assert added["due"] == entry["due"]
    # A bad owner: exit 2, the sheet's row and column in the message, nothing written.
    csv_path.write_text(header + row.replace(owner, "nobody"), encoding="utf-8")
    out2 = tmp_path / "new2.json"
    run = subprocess.run([CHECKER, "plan", "import", str(KOMMUN), str(csv_path), "--output", str(out2)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 2
    assert "/rows/2/owner" in run.stderr
    assert not out2.exists()
