"""trygg-check batch: many organisations in one run, a bad source kept as a failure, one report
per organisation with --each, and the peer benchmark's 5-organisation rule. Pseudonymous ids only."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from conftest import AS_OF, ROOT

EXAMPLES = ROOT / "examples" / "organisations"
MESSAGES = json.loads((ROOT / "data" / "messages.json").read_text(encoding="utf-8"))


def word(key: str, lang: str) -> str:
    return str(MESSAGES[key][lang])


def sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def write_orgs(directory: Path, count: int = 6) -> list[str]:
    """`count` organisations, alternately the municipality and the small company, each with an id
    of its own; returns the ids."""
    directory.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(count):
        template = "kommun.json" if i % 2 == 0 else "small-company.json"
        doc = json.loads((EXAMPLES / template).read_text(encoding="utf-8"))
        doc["id"] = f"org-{i:02d}"
        (directory / f"org-{i:02d}.json").write_text(json.dumps(doc), encoding="utf-8")
        ids.append(doc["id"])
    return ids


def run(checker: str, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [checker, "batch", "--as-of", AS_OF, *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


@pytest.fixture()
def orgs(tmp_path: Path) -> Path:
    d = tmp_path / "orgs"
    write_orgs(d)
    (d / "sub").mkdir()
    (d / "sub" / "broken.json").write_text('{"format": "trygg.organisation/1", "id": ', encoding="utf-8")
    (d / "notes.txt").write_text("not an organisation file, not read", encoding="utf-8")
    return d


def test_a_broken_file_is_reported_and_the_others_audited(checker, orgs):
    p = run(checker, orgs)
    assert p.returncode == 2, p.stderr
    assert "broken.json" in p.stderr
    assert "7 sources, 6 audited, 1 failed to load" in p.stderr
    doc = json.loads(p.stdout)
    assert doc["format"] == "trygg.report-set/1"
    assert doc["as_of"] == AS_OF
    assert [o["id"] for o in doc["organisations"]] == [f"org-{i:02d}" for i in range(6)]
    for o in doc["organisations"]:
        assert o["report"]["format"] == "trygg.report/2"
        assert o["summary"] == o["report"]["summary"]
        assert o["area_scores"] == o["report"]["area_scores"]
        assert o["source"].endswith(o["id"] + ".json")
    assert doc["organisations"][0]["country"] == "SE"
    assert doc["organisations"][1]["size_band"] == "25-49"
    assert len(doc["failures"]) == 1
    failure = doc["failures"][0]
    assert failure["source"].endswith("broken.json")
    assert failure["diagnostics"] and failure["diagnostics"][0]["file"].endswith("broken.json")
    assert "benchmark" not in doc


def test_exit_code_follows_fail_on_without_failures(checker, tmp_path):
    d = tmp_path / "ok"
    write_orgs(d)
    p = run(checker, d, "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    p = run(checker, d, "--fail-on", "info")
    assert p.returncode == 1, p.stderr
    assert "6 with findings at or above info" in p.stderr


def test_duplicate_ids_fail_the_later_source(checker, tmp_path):
    d = tmp_path / "dup"
    write_orgs(d, 2)
    doc = json.loads((d / "org-00.json").read_text(encoding="utf-8"))
    (d / "z-copy.json").write_text(json.dumps(doc), encoding="utf-8")
    p = run(checker, d)
    assert p.returncode == 2
    out = json.loads(p.stdout)
    assert [o["id"] for o in out["organisations"]] == ["org-00", "org-01"]
    assert len(out["failures"]) == 1
    assert out["failures"][0]["source"].endswith("z-copy.json")
    assert "org-00.json" in out["failures"][0]["message"]
    assert "z-copy.json" in p.stderr


def test_each_writes_one_report_per_organisation(checker, tmp_path):
    d = tmp_path / "orgs"
    ids = write_orgs(d)
    each = tmp_path / "each"
    p = run(checker, d, "--each", each, "--format", "html", "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""  # with --each and no --output, only the files
    assert sorted(f.name for f in each.iterdir()) == [f"{i}.html" for i in ids]
    # Run again: the files are trygg's, so they are replaced; a foreign file is never.
    (each / "org-00.html").write_text("<p>mine</p>", encoding="utf-8")
    p = run(checker, d, "--each", each, "--format", "html", "--fail-on", "never")
    assert p.returncode == 2
    assert (each / "org-00.html").read_text(encoding="utf-8") == "<p>mine</p>"
    p = run(checker, d, "--each", tmp_path / "x", "--format", "xlsx")
    assert p.returncode in (0, 1), p.stderr
    assert len(list((tmp_path / "x").glob("*.xlsx"))) == 6
    assert p.stdout == ""
    # With --output as well, the whole set is one more workbook beside them.
    p = run(checker, d, "--format", "xlsx", "--each", tmp_path / "x", "--output", tmp_path / "s.xlsx")
    assert p.returncode in (0, 1), p.stderr
    assert len(list((tmp_path / "x").glob("*.xlsx"))) == 6
    with zipfile.ZipFile(tmp_path / "s.xlsx") as z:
        assert "xl/workbook.xml" in z.namelist()


def test_benchmark_shows_all_and_hides_small_groups(checker, tmp_path):
    d = tmp_path / "orgs"
    write_orgs(d)
    p = run(checker, d, "--benchmark", "--by", "country", "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    b = json.loads(p.stdout)["benchmark"]
    assert b["dimension"] == "country"
    groups = {g["name"]: g for g in b["groups"]}
    assert list(groups) == ["all", "NO", "SE"]
    assert groups["all"]["disclosure"] == "published"
    assert groups["all"]["organisations"] == 6
    assert any("p50" in f for f in groups["all"]["figures"])
    for name in ("NO", "SE"):  # three each: under 5
        assert groups[name]["disclosure"] == "suppressed-small"
        assert "members" not in groups[name] and "organisations" not in groups[name]
        assert all(f == {"measure": f["measure"], "shown": False} for f in groups[name]["figures"])
    # The members of the shown group only; nobody is banded against a hidden group.
    assert b["organisations"] == []
    p = run(checker, d, "--benchmark", "--fail-on", "never")
    b = json.loads(p.stdout)["benchmark"]
    assert [g["name"] for g in b["groups"]] == ["all"]
    assert len(b["organisations"]) == 6
    assert all(set(o["bands"].values()) <= {"red", "yellow", "aqua", "green", "none"} for o in b["organisations"])
    # The legal findings per 100 are banded beside the areas, fewer being better: the two
    # templates alternate, three each, and the three with fewer per 100 are green (at or under
    # the 20th percentile), the others not.
    legal = [o["legal_band"] for o in b["organisations"]]
    assert legal.count("green") == 3 and set(legal) <= {"red", "yellow", "aqua", "green"}


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.urls.append(value)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_one_page_that_loads_nothing(checker, tmp_path):
    d = tmp_path / "orgs"
    write_orgs(d)
    out = tmp_path / "set.html"
    p = run(checker, d, "--benchmark", "--by", "country", "--format", "html", "--output", out, "--lang", "en")
    assert p.returncode in (0, 1), p.stderr
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    page.close()
    assert page.urls == []
    assert "script" not in page.tags
    assert "svg" in page.tags  # the "all" group's charts
    text = " ".join(page.text)
    assert "not shown: fewer than 5 organisations" in text
    assert "org-03" in text
    # Written again over itself: it is recognised as trygg's.
    assert run(checker, d, "--format", "html", "--output", out, "--fail-on", "never").returncode == 0


def test_csv_has_the_organisation_in_front(checker, tmp_path):
    d = tmp_path / "orgs"
    ids = write_orgs(d)
    out = tmp_path / "set.csv"
    p = run(checker, d, "--format", "csv", "--output", out, "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert rows[0][:4] == ["organisation", "source", "fingerprint", "rule"]
    assert {r[0] for r in rows[1:]} == set(ids)
    assert all(len(r) == len(rows[0]) for r in rows)
    assert run(checker, d, "--format", "csv", "--output", out, "--fail-on", "never").returncode == 0


HOSTILE = '=HYPERLINK("http://example.invalid/","x")'


def test_xlsx_is_one_workbook_for_the_set(checker, orgs, tmp_path):
    doc = json.loads((orgs / "org-01.json").read_text(encoding="utf-8"))
    doc["name"] = HOSTILE
    (orgs / "org-01.json").write_text(json.dumps(doc), encoding="utf-8")
    args = ("--benchmark", "--by", "country", "--lang", "sv", "--fail-on", "never")
    out = tmp_path / "set.xlsx"
    p = run(checker, orgs, *args, "--format", "xlsx", "--output", out)
    assert p.returncode == 2, p.stderr  # the broken source, as for every format
    assert p.stdout == ""
    data = json.loads(run(checker, orgs, *args).stdout)
    csv_out = tmp_path / "set.csv"
    run(checker, orgs, *args, "--format", "csv", "--output", csv_out)
    csv_rows = list(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8"), newline="")))

    wb = openpyxl.load_workbook(out)
    try:
        names = [word(k, "sv") for k in ("report-set.overview", "report.findings", "report.action-plan",
                                         "report-set.failures", "xlsx.sheet.benchmark")]
        assert wb.sheetnames == names
        overview, findings, plan, failures, benchmark = (sheet_rows(wb[n]) for n in names)
        organisations = data["organisations"]

        # Overview: one row per organisation, headings in Swedish, counts as numbers.
        assert overview[0][:5] == [word(k, "sv") for k in ("xlsx.organisation-id", "report.organisation",
                                                         "report-set.country", "report-set.sector",
                                                         "report-set.size-band")]
        assert overview[0][5] == word("status.pass", "sv")
        assert len(overview) - 1 == len(organisations)
        areas = data["benchmark"]["areas"]
        legal_col = 5 + 6 + 5
        assert overview[0][legal_col] == word("report-set.legal-findings", "sv")
        for row, o in zip(overview[1:], organisations):
            assert row[0] == o["id"]
            assert row[2] == o["country"]
            assert row[4] == o["size_band"]
            assert row[5] == o["summary"]["pass"] and row[6] == o["summary"]["fail"]
            assert row[5 + 6 + 4] == len(o["report"]["findings"])  # at or above info: all of them
            assert row[legal_col] == o["legal_findings"]
            scores = {a["area"]: a["score"] for a in o["area_scores"]}
            for k, area in enumerate(areas):
                if area in scores:
                    # The JSON rounds to 2 decimals; the sheet keeps the figure and shows 2.
                    assert row[legal_col + 1 + k] == pytest.approx(scores[area], abs=0.005)

        # The hostile name is text, not a formula.
        cell = wb[names[0]]["B3"]
        assert overview[2][0] == "org-01"
        assert cell.data_type == "s"
        assert cell.value == "'" + HOSTILE

        # Findings: the set's CSV, row for row, under Swedish headings.
        assert len(findings) - 1 == sum(len(o["report"]["findings"]) for o in organisations)
        assert len(findings) == len(csv_rows)
        assert findings[0][:3] == [word("xlsx.organisation-id", "sv"), word("report.source", "sv"),
                                   word("report.fingerprint", "sv")]
        assert len(findings[0]) == len(csv_rows[0])
        for got, want in zip(findings[1:], csv_rows[1:]):
            assert ["" if v is None else v for v in got] == want

        # Action plan: each organisation's plan rows with the organisation in front.
        assert len(plan) - 1 == sum(len(o["report"]["action_plan"]) for o in organisations)
        assert plan[0][0] == word("xlsx.organisation-id", "sv")
        assert plan[0][1] == "#"
        assert {r[0] for r in plan[1:]} == {o["id"] for o in organisations}

        assert len(failures) - 1 == len(data["failures"]) == 1
        assert failures[1][0].endswith("broken.json")

        # Benchmark: as the JSON shows it; a suppressed group's size is nowhere.
        shown = {(g["name"], f["measure"]): f for g in data["benchmark"]["groups"] for f in g["figures"]}
        assert len(benchmark) - 1 == len(shown)
        for row in benchmark[1:]:
            f = shown[(row[0], row[2])]
            if "p50" in f:
                assert row[4:8] == [f["organisations"], f["p20"], f["p50"], f["p80"]]
                assert row[8] is None
            else:
                assert row[4:8] == [None] * 4
                assert row[8]
        suppressed = [r for r in benchmark[1:] if r[0] in ("NO", "SE")]
        assert suppressed and all(r[1] == "suppressed-small" for r in suppressed)
    finally:
        wb.close()
    # No cell anywhere is a formula.
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name), name

    # Written again over itself: it is recognised as trygg's.
    (orgs / "sub" / "broken.json").unlink()
    assert run(checker, orgs, *args, "--format", "xlsx", "--output", out).returncode == 0


def test_progress_is_on_stderr_only_when_asked(checker, tmp_path):
    d = tmp_path / "orgs"
    write_orgs(d)
    summary = "batch: 6 sources, 6 audited, 0 failed to load\n"
    plain = run(checker, d, "--fail-on", "never")
    assert plain.stderr == summary  # standard error is a pipe: no progress
    # Bytes, not text: universal newlines would turn the carriage returns into line feeds.
    p = subprocess.run([checker, "batch", "--as-of", AS_OF, str(d), "--fail-on", "never", "--progress",
                        "--workers", "2"], capture_output=True)
    assert p.returncode == 0, p.stderr
    assert b"\r6 / 6 organisations" in p.stderr
    # Cleared at the end: spaces over the count, then the summary at the start of the line.
    assert p.stderr.endswith(b" " * len("6 / 6 organisations") + b"\r" + summary.encode())
    assert p.stdout.decode("utf-8") == plain.stdout  # the report set is untouched
    p = run(checker, d, "--fail-on", "never", "--quiet")
    assert p.stderr == ""
    assert p.stdout == plain.stdout
    assert run(checker, d, "--progress", "--no-progress").returncode == 2
