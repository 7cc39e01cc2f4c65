"""Three years of Exempelkommun (issue 16, docs/history.md): year 1 as it is, year 2 with some
measures fixed and one waiver, year 3 with a regression and the waiver expired, through the
checker (every format for people, in a browser where it is HTML) and through Python. The
expectations are the story docs/history.md tells; each is what the files make true (see
examples/history/make_years.py), not a tuning of the output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import cmarkgfm
import openpyxl
import pytest

import trygg
from conftest import ROOT

HISTORY = ROOT / "examples" / "history"
YEAR_1 = ROOT / "examples" / "organisations" / "kommun.json"
WAIVERS = HISTORY / "waivers.json"
YEARS = [(YEAR_1, "2026-11-22"), (HISTORY / "kommun-2027.json", "2027-11-22"), (HISTORY / "kommun-2028.json", "2028-11-22")]
FIXED_IN_YEAR_2 = {"ORG-03/elements", "se.osa.2-11.alternative", "SIG-01/elements", "ORG-04/cadence", "SUP-01/cadence"}
NEW_IN_YEAR_3 = {"LEAD-03/present", "LEAD-03/written", "LEAD-03/owner", "LEAD-03/communicated", "LEAD-03/coverage"}
WAIVED_RULE = "CULT-04/participation"


def checker() -> str:
    path = os.environ.get("TRYGG_CHECK") or shutil.which("trygg-check")
    if not path:
        pytest.fail("trygg-check not found: set TRYGG_CHECK or install the package")
    return path


def run(*args: str | Path, ok: tuple[int, ...] = (0, 1)) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([checker(), *map(str, args)], capture_output=True, text=True, timeout=300)
    assert p.returncode in ok, p.stderr
    return p


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The three JSON reports, each year compared with the one before, as the checker writes them."""
    out = tmp_path_factory.mktemp("years")
    paths: list[Path] = []
    for i, (org, as_of) in enumerate(YEARS):
        path = out / f"kommun-{as_of[:4]}.json"
        args: list[str | Path] = ["check", org, "--as-of", as_of, "--format", "json", "-o", path]
        if i:
            args += ["--baseline", paths[-1], "--waivers", WAIVERS]
        run(*args)
        paths.append(path)
    return paths


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def findings_by_rule(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in doc["findings"]:
        out.setdefault(doc["results"][f["result"]]["rule"], []).append(f)
    return out


def plan_state(doc: dict[str, Any], measure: str) -> tuple[str, str | None, str | None]:
    (entry,) = [e for e in doc["action_plan"] if e["measure"] == measure]
    return entry["state"], entry.get("owner"), entry.get("planned_due")


def test_the_committed_years_are_what_the_generator_makes() -> None:
    p = subprocess.run([sys.executable, str(HISTORY / "make_years.py"), "--check"], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


def test_year_2_fixes_accepts_and_plans(reports: list[Path]) -> None:
    y2 = load(reports[1])
    c = y2["comparison"]
    assert c["baseline"]["as_of"] == "2026-11-22"
    assert {r["rule"] for r in c["resolved"]} == FIXED_IN_YEAR_2
    assert all(r["first_seen"] == "2026-11-22" for r in c["resolved"])
    assert c["counts"]["new"] == 0
    by_rule = findings_by_rule(y2)
    (waived,) = by_rule[WAIVED_RULE]
    assert y2["results"][waived["result"]]["status"] == "waived"
    assert (waived["change"], waived["before"], waived["first_seen"]) == ("changed", "fail", "2026-11-22")
    (w,) = y2["waivers"]
    assert (w["state"], w["until"], w["legal"]) == ("applied", "2028-06-30", False)
    assert y2["summary"]["waived"] == 1
    # The waived finding leaves the action plan; the plan rows management added are linked.
    assert all(e["measure"] != "CULT-04" for e in y2["action_plan"])
    assert plan_state(y2, "LEAD-01") == ("planned", "p-101", "2028-03-31")
    assert plan_state(y2, "ORG-03")[0] == "verified"  # ap-04 done and checked; ORG-03's other gaps remain


def test_year_3_regresses_and_the_waiver_expires(reports: list[Path]) -> None:
    y3 = load(reports[2])
    c = y3["comparison"]
    assert c["baseline"]["as_of"] == "2027-11-22"
    by_rule = findings_by_rule(y3)
    new = {rule for rule, fs in by_rule.items() for f in fs if f["change"] == "new"}
    assert new == NEW_IN_YEAR_3
    assert all(f["first_seen"] == "2028-11-22" for rule in NEW_IN_YEAR_3 for f in by_rule[rule])
    assert c["resolved"] == []
    (back,) = by_rule[WAIVED_RULE]
    assert y3["results"][back["result"]]["status"] == "fail"
    # Changed back, and first seen in year 1: carried through year 2's report.
    assert (back["change"], back["before"], back["first_seen"]) == ("changed", "waived", "2026-11-22")
    (w,) = y3["waivers"]
    assert w["state"] == "expired"
    assert plan_state(y3, "LEAD-01") == ("overdue", "p-101", "2028-03-31")
    leadership = {a["area"]: a["score"] for a in y3["area_scores"]}["leadership"]
    assert leadership < {a["area"]: a["score"] for a in load(reports[1])["area_scores"]}["leadership"]


def test_diff_of_years_1_and_3_sums_the_two_steps(reports: list[Path]) -> None:
    doc = json.loads(run("diff", reports[0], reports[2], "--format", "json").stdout)
    assert doc["format"] == "trygg.diff/1"
    counts = doc["counts"]
    assert counts["resolved"] == len(load(reports[1])["comparison"]["resolved"])
    assert counts["new"] == sum(1 for f in load(reports[2])["findings"] if f["change"] == "new")
    # Gating: year 3 has new findings at low and above, none at high.
    assert run("diff", reports[0], reports[2], "--fail-on-new", "low", ok=(1,)).returncode == 1
    assert run("diff", reports[0], reports[2], "--fail-on-new", "high", ok=(0,)).returncode == 0


def test_the_trend_over_three_years(reports: list[Path]) -> None:
    frame = trygg.trend([str(p) for p in reversed(reports)])
    areas = frame[(frame["kind"] == "area") & (frame["id"] == "leadership")].sort_values("as_of")
    expected = [{a["area"]: a["score"] for a in load(p)["area_scores"]}["leadership"] for p in reports]
    assert list(areas["value"]) == pytest.approx(expected)
    done = frame[frame["kind"] == "plan_done"].sort_values("as_of")
    assert list(done["value"]) == [load(p)["plan_progress"]["done"] for p in reports]


def test_python_gives_the_checkers_reports(reports: list[Path]) -> None:
    org = trygg.load_organisation(YEARS[2][0])
    report = trygg.audit(org, as_of=YEARS[2][1], waivers=str(WAIVERS), baseline=str(reports[1]))
    doc = report.to_dict()
    cli = load(reports[2])
    assert doc["comparison"]["counts"] == cli["comparison"]["counts"]
    assert [f.get("change") for f in doc["findings"]] == [f.get("change") for f in cli["findings"]]
    frame = report.to_dataframe()
    assert set(frame.loc[frame["change"] == "new", "rule"]) == NEW_IN_YEAR_3
    assert frame["waived_reason"].isna().all()  # year 3: the waiver has expired


def test_every_format_for_people_shows_the_year(reports: list[Path], tmp_path: Path) -> None:
    org, as_of = YEARS[1]
    base = ["check", org, "--as-of", as_of, "--baseline", reports[0], "--waivers", WAIVERS, "--lang", "en"]
    text = run(*base).stdout
    assert "Compared with last time" in text and "5 resolved" in text
    md = run(*base, "--format", "md").stdout
    html = cmarkgfm.github_flavored_markdown_to_html(md)
    assert "resolved" in html and "Värdegrunden togs fram" in html  # the waiver's reason, as written
    xlsx = tmp_path / "y2.xlsx"
    run(*base, "--format", "xlsx", "-o", xlsx)
    book = openpyxl.load_workbook(xlsx, read_only=True)
    try:
        names = book.sheetnames
        assert any("Change" in n for n in names) and any("Waived" in n for n in names), names
    finally:
        book.close()


def test_the_commands_of_docs_history_run_as_written(tmp_path: Path) -> None:
    """Every sh block of the "Three years" section, in order, in a fresh directory that sees the
    repository's examples: each command must do what the text says (exit 0, or 1 for "findings")."""
    doc = (ROOT / "docs" / "history.md").read_text(encoding="utf-8")
    section = doc.split("## Three years of Exempelkommun", 1)[1]
    blocks = [b.split("```", 1)[0] for b in section.split("```sh\n")[1:]]
    commands = [c.replace("\\\n", " ") for b in blocks for c in b.replace("\\\n", " ").splitlines() if c.strip()]
    assert len(commands) == 6
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    for command in commands:
        words = command.split("#", 1)[0].split()
        assert words[0] == "trygg-check"
        expected = (1,) if "--fail-on-new" in words else (0, 1)
        p = subprocess.run([checker(), *words[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert p.returncode in expected, (command, p.stderr)
    html = (tmp_path / "trend.html").read_text(encoding="utf-8")
    assert html.count("<polyline") == 7
    assert 'id="comparison"' in (tmp_path / "kommun-2028.html").read_text(encoding="utf-8")
