"""The trend over reports (docs/report-format.md, "Trend"): three reports of kommun.json at
different as-of dates, some routines fixed in between, through Python and the checker; the
HTML chart in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

import trygg
from conftest import ROOT

KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"
CHECKER = os.environ.get("TRYGG_CHECK") or shutil.which("trygg-check") or "trygg-check"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
DATES = ("2024-11-22", "2025-11-22", "2026-11-22")


def _improved(doc: dict[str, Any], year: int) -> dict[str, Any]:
    """Year 2 and 3: every routine written and revised within the year (some findings fixed)."""
    doc = json.loads(json.dumps(doc))
    for r in doc.get("routines", []):
        if year >= 2:
            r["written"] = True
        if year >= 3 and "last_reviewed" in r:
            r["last_reviewed"] = "2026-10-01"
    return doc


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, trygg.Report]]:
    base = json.loads(KOMMUN.read_text(encoding="utf-8"))
    out = []
    directory = tmp_path_factory.mktemp("trend")
    for year, as_of in enumerate(DATES, start=1):
        org = trygg.Organisation.from_dict(_improved(base, year))
        report = trygg.audit(org, as_of=as_of)
        path = directory / f"report-{year}.json"
        path.write_text(report.to_json(indent=2), encoding="utf-8")
        out.append((path, report))
    return out


def test_dataframe_values_are_the_reports_area_scores(reports: list[tuple[Path, trygg.Report]]) -> None:
    pytest.importorskip("pandas")
    # Given in reverse order: the trend sorts by date.
    frame = trygg.trend([p for p, _ in reversed(reports)])
    assert list(frame.columns) == ["as_of", "kind", "id", "value"]
    assert set(frame["kind"]) <= {"area", "measure", "legal_findings", "plan_done", "plan_items"}
    assert [d.strftime("%Y-%m-%d") for d in sorted(set(frame["as_of"]))] == list(DATES)
    for (_, report), date in zip(reports, DATES):
        rows = frame[(frame["kind"] == "area") & (frame["as_of"] == date)]
        got = dict(zip(rows["id"], rows["value"]))
        want = dict(report.area_scores)
        assert got.keys() == want.keys()
        for area, score in want.items():
            assert got[area] == pytest.approx(score, abs=0.005)
        legal = frame[(frame["kind"] == "legal_findings") & (frame["as_of"] == date)]["value"]
        assert len(legal) == 1
        plan = report.to_dict()["plan_progress"]
        done = frame[(frame["kind"] == "plan_done") & (frame["as_of"] == date)]["value"]
        assert list(done) == [plan["done"]]
    # Reports in memory give the same figures as their files.
    same = trygg.trend([r for _, r in reports])
    assert same.sort_values(["as_of", "kind", "id"]).reset_index(drop=True)["value"].round(2).tolist() == \
        frame.sort_values(["as_of", "kind", "id"]).reset_index(drop=True)["value"].round(2).tolist()


def test_trend_refuses_two_reports_on_one_date_and_two_organisations(reports: list[tuple[Path, trygg.Report]],
                                                                     tmp_path: Path) -> None:
    with pytest.raises(trygg.UsageError, match="dated"):
        trygg.Trend.of([reports[0][0], reports[0][1]])
    other = json.loads(reports[1][0].read_text(encoding="utf-8"))
    other["organisation"]["id"] = "another-org"
    path = tmp_path / "other.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    with pytest.raises(trygg.UsageError, match="different organisations"):
        trygg.Trend.of([reports[0][0], path])
    with pytest.raises(TypeError):
        trygg.Trend.of(str(reports[0][0]))  # type: ignore[arg-type]


def test_the_checker_writes_every_format(reports: list[tuple[Path, trygg.Report]], tmp_path: Path) -> None:
    files = [str(p) for p, _ in reports]
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([CHECKER, "trend", *files, *args], capture_output=True, text=True, check=False)
    js = run("--format", "json")
    assert js.returncode == 0, js.stderr
    doc = json.loads(js.stdout)
    assert doc["format"] == "trygg.trend/1"
    assert [p["as_of"] for p in doc["points"]] == list(DATES)
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "data" / "schema" / "trend-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv").stdout)))
    assert {r["kind"] for r in rows} >= {"area", "measure", "legal_findings", "plan_done", "plan_items"}
    assert run("--format", "text", "--lang", "sv").stdout.startswith("Utveckling över tid")
    md = run("--format", "md").stdout
    cmarkgfm = pytest.importorskip("cmarkgfm")
    html = cmarkgfm.github_flavored_markdown_to_html(md)
    assert html.count("<table>") == 3
    same_date = subprocess.run([CHECKER, "trend", files[0], files[0]], capture_output=True, text=True, check=False)
    assert same_date.returncode == 2
    assert "dated" in same_date.stderr
    out = tmp_path / "trend.html"
    assert run("--format", "html", "--output", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


# Without the browser (and without TRYGG_REQUIRE_BROWSER) the browser test is skipped; with it
# required, a missing browser is a failure.
BROWSER_MISSING = not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()) and not os.environ.get(
    "TRYGG_REQUIRE_BROWSER")
pytestmark_browser = pytest.mark.skipif(BROWSER_MISSING, reason="headless Chromium not installed")


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,1600"):
        options.add_argument(arg)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    d = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield d
    finally:
        d.quit()


@pytestmark_browser
def test_the_html_chart_in_chromium(reports: list[tuple[Path, trygg.Report]], driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    t = trygg.Trend.of([p for p, _ in reports])
    page = tmp_path / "trend.html"
    page.write_text(t.to_html("nb"), encoding="utf-8")
    driver.get(page.as_uri())
    areas = reports[0][1].area_scores
    polylines = driver.find_elements(By.CSS_SELECTOR, "svg polyline")
    assert len(polylines) == len(areas)
    for line in polylines:
        assert len(line.get_attribute("points").split()) == len(DATES)
        assert line.size["width"] > 0
    # The same figures as a table, one row per area, one column per date.
    rows = driver.find_elements(By.CSS_SELECTOR, "table.areas tbody tr")
    assert len(rows) == len(areas)
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "table.areas thead th")]
    assert headers == list(DATES)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nb"
