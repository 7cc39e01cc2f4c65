"""The CSV report for people and machines (issue 14, item 5): the machine CSV keeps its columns
and gains the measure's title, the proposal, the citations and the unit's name; the Excel
dialect for Nordic regional settings has the same rows with a byte-order mark, ";" and CRLF,
and neither lets a field start a formula."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

import trygg

AS_OF = "2026-11-22"
BOM = "\ufeff"
OLD_COLUMNS = ["fingerprint", "rule", "measure", "area", "subject_kind", "subject_id", "status", "severity",
               "obligation", "message", "expected", "found", "due", "evidence"]
NEW_COLUMNS = ["measure_title", "proposal", "citation", "subject_name"]


@pytest.fixture(scope="module")
def report(kommun: Path) -> trygg.Report:
    return trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF)


def machine_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def excel_rows(text: str) -> list[list[str]]:
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[len(BOM):], newline=""), delimiter=";"))


@pytest.mark.parametrize("lang", ["sv", "nb", "en"])
def test_the_excel_dialect_has_the_machine_rows(report: trygg.Report, lang: str) -> None:
    machine = report.to_csv(lang)
    excel = report.to_csv(lang, dialect="excel")
    assert not machine.startswith(BOM)
    rows = machine_rows(machine)
    assert excel_rows(excel) == rows
    assert len(rows) == 1 + report.summary["findings"]
    # CRLF after every record, in both dialects (no record of the kommun report spans lines).
    for text in (machine, excel):
        assert text.endswith("\r\n")
        assert text.count("\r\n") == len(rows) and text.count("\n") == len(rows)


def test_every_excel_field_is_quoted(report: trygg.Report) -> None:
    excel = report.to_csv(dialect="excel")
    header, first = excel[len(BOM):].split("\r\n")[:2]
    assert header == ";".join(f'"{c}"' for c in OLD_COLUMNS + NEW_COLUMNS)
    assert first.startswith('"') and first.endswith('"')
    assert first.count('";"') == len(OLD_COLUMNS + NEW_COLUMNS) - 1


def test_the_new_columns_come_after_the_old(report: trygg.Report) -> None:
    rows = machine_rows(report.to_csv("sv"))
    assert rows[0] == OLD_COLUMNS + NEW_COLUMNS
    plan = {e["measure"]: e for e in report.to_dict("sv")["action_plan"]}
    col = {name: i for i, name in enumerate(rows[0])}
    findings = report.findings
    legal_seen = 0
    for row, f in zip(rows[1:], findings):
        assert row[col["fingerprint"]] == f["fingerprint"]
        assert row[col["measure_title"]] == plan[f["measure"]]["title"]
        assert row[col["proposal"]] == plan[f["measure"]]["proposal"] == f["proposal"]["text"]
        assert row[col["subject_name"]] == f["subject"].get("name", "")  # the organisation's for its own findings
        if f["citations"]:
            assert row[col["citation"]], f["rule"]
        if f["obligation"] != "good-practice":
            legal_seen += 1
            assert row[col["citation"]]
    assert legal_seen > 0
    # More than one citation is joined with "; ".
    assert any("; " in row[col["citation"]] for row in rows[1:])


def test_no_field_starts_a_formula_in_either_dialect(kommun: Path) -> None:
    data = json.loads(kommun.read_text(encoding="utf-8"))
    for unit in data["units"]:
        unit["name"] = '=HYPERLINK("http://example.invalid","x")'
    report = trygg.audit(trygg.Organisation.from_dict(data), as_of=AS_OF)
    machine = machine_rows(report.to_csv())
    excel = excel_rows(report.to_csv(dialect="excel"))
    assert excel == machine
    names = [row[-1] for row in machine[1:] if row[4] == "unit"]
    assert names and all(n == "'" + data["units"][0]["name"] for n in names)
    for row in machine:
        for field in row:
            assert not field.startswith(("=", "+", "-", "@")), field


def test_the_dialect_is_checked(report: trygg.Report) -> None:
    with pytest.raises(ValueError, match="dialect"):
        report.to_csv(dialect="tsv")
    with pytest.raises(TypeError):
        report.to_csv(dialect=1)  # type: ignore[arg-type]


def test_the_checker_writes_either_dialect(checker: str, kommun: Path, report: trygg.Report, tmp_path: Path) -> None:
    for dialect, expected in (("machine", report.to_csv()), ("excel", report.to_csv(dialect="excel"))):
        out = tmp_path / f"{dialect}.csv"
        cmd = [checker, "check", str(kommun), "--as-of", AS_OF, "--format", "csv", "--csv-dialect", dialect,
               "-o", str(out)]
        for _ in range(2):  # the second run replaces trygg's own file without --force
            p = subprocess.run(cmd, capture_output=True, text=True)
            assert p.returncode in (0, 1), p.stderr
        assert out.read_bytes() == expected.encode("utf-8")
    p = subprocess.run([checker, "check", str(kommun), "--format", "csv", "--csv-dialect", "tsv"],
                       capture_output=True, text=True)
    assert p.returncode == 2 and p.stdout == ""
