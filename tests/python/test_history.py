"""Compared with last time (issue 16): a report against its baseline and two reports diffed,
through the Python API and the checker in every format. Property tests on the kommun example:
a report against itself is all unchanged; removing a routine gives new findings for exactly
the results it turned from pass or not applicable into findings, restoring it resolves exactly
those; first_seen is carried down a chain of three reports."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import cmarkgfm
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import trygg
from conftest import ROOT

KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"
DOC = json.loads(KOMMUN.read_text(encoding="utf-8"))
ROUTINES = [r["id"] for r in DOC["routines"]]
NOT_FINDINGS = {"pass", "not_applicable"}


def checker() -> str:
    """The trygg-check program: $TRYGG_CHECK (set by ctest), else the one on PATH."""
    path = os.environ.get("TRYGG_CHECK") or shutil.which("trygg-check")
    if not path:
        pytest.fail("trygg-check not found: set TRYGG_CHECK or install the package")
    return path


def audit(doc: dict[str, Any], as_of: str, **kw: Any) -> trygg.Report:
    return trygg.audit(trygg.Organisation.from_dict(doc), as_of=as_of, **kw)


def without(doc: dict[str, Any], routine: str) -> dict[str, Any]:
    out = copy.deepcopy(doc)
    out["routines"] = [r for r in out["routines"] if r["id"] != routine]
    return out


def statuses(report: trygg.Report) -> dict[tuple[str, str], str]:
    """(rule, subject) -> status, from the results alone."""
    return {(r["rule"], r["subject"].get("id", "")): r["status"] for r in report.to_dict()["results"]}


def changes(report: trygg.Report) -> dict[tuple[str, str], str]:
    d = report.to_dict()
    return {(d["results"][f["result"]]["rule"], d["results"][f["result"]]["subject"].get("id", "")): f["change"]
            for f in d["findings"]}


BASE = audit(DOC, "2026-11-22")


def test_same_organisation_against_its_own_report_is_all_unchanged() -> None:
    compared = audit(DOC, "2026-11-22", baseline=BASE)
    c = compared.comparison
    assert c is not None
    assert c["counts"] == {"new": 0, "changed": 0, "resolved": 0, "unchanged": len(BASE.findings)}
    assert c["resolved"] == []
    assert set(changes(compared).values()) == {"unchanged"}
    assert BASE.comparison is None  # the baseline report itself is not changed
    frame = compared.to_dataframe()
    assert set(frame["change"]) == {"unchanged"} and set(frame["first_seen"]) == {"2026-11-22"}
    assert list(BASE.to_dataframe()["change"].unique()) == [None]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ROUTINES))
def test_removing_a_routine_gives_new_findings_and_restoring_it_resolves_them(routine: str) -> None:
    cut = audit(without(DOC, routine), "2026-11-22")
    before, after = statuses(BASE), statuses(cut)
    expected = {k for k, s in after.items() if s not in NOT_FINDINGS and before.get(k, "pass") in NOT_FINDINGS}
    compared = cut.compare(BASE)
    got = {k for k, ch in changes(compared).items() if ch == "new"}
    assert got == expected
    # Restoring it: exactly those are resolved.
    restored = BASE.compare(compared)
    resolved = {(r["rule"], r["subject"]["id"] if r["subject"]["kind"] == "unit" else "")
                for r in restored.comparison["resolved"]}
    assert resolved == expected
    d = trygg.diff(compared, restored)
    assert d.counts["resolved"] == len(expected)


def test_first_seen_is_carried_down_a_chain_of_three(tmp_path: Path) -> None:
    y1 = audit(DOC, "2025-11-22")
    (tmp_path / "y1.json").write_text(y1.to_json(), encoding="utf-8")
    y2 = audit(without(DOC, "r-krankningar"), "2026-11-22", baseline=tmp_path / "y1.json")
    (tmp_path / "y2.json").write_text(y2.to_json(), encoding="utf-8")
    y3 = audit(DOC, "2027-11-22", baseline=str(tmp_path / "y2.json"))
    first2 = {f["fingerprint"]: f["first_seen"] for f in y2.to_dict()["findings"]}
    first1 = {f["fingerprint"] for f in y1.to_dict()["findings"]}
    for f in y3.to_dict()["findings"]:
        if f["fingerprint"] in first2:
            assert f["first_seen"] == first2[f["fingerprint"]]
            if f["fingerprint"] in first1:
                assert f["first_seen"] == "2025-11-22"
        else:
            assert f["change"] == "new" and f["first_seen"] == "2027-11-22"
    assert all(r["first_seen"] in ("2025-11-22", "2026-11-22") for r in y3.comparison["resolved"])
    # Pickled, the comparison stays.
    import pickle

    assert pickle.loads(pickle.dumps(y3)).comparison == y3.comparison


def test_other_organisation_and_later_baseline_are_refused() -> None:
    other = copy.deepcopy(DOC)
    other["id"] = "annan-kommun"
    with pytest.raises(trygg.UsageError, match="annan-kommun"):
        audit(DOC, "2026-11-22", baseline=audit(other, "2025-11-22"))
    with pytest.raises(trygg.UsageError, match="after"):
        audit(DOC, "2026-11-22", baseline=audit(DOC, "2027-01-01"))


def test_a_format_1_baseline_is_read() -> None:
    from trygg._report_format import format_1

    old = audit(DOC, "2025-11-22")
    compared = audit(DOC, "2026-11-22", baseline=format_1(old.to_dict()))
    assert compared.comparison["baseline"]["format"] == "trygg.report/1"
    assert compared.comparison["counts"]["new"] + compared.comparison["counts"]["unchanged"] + \
        compared.comparison["counts"]["changed"] == len(compared.findings)


def test_diff_dataframe_has_a_row_per_finding_and_resolved() -> None:
    cut = audit(without(DOC, "r-krankningar"), "2026-11-22")
    d = trygg.diff(BASE, cut)
    frame = d.to_dataframe()
    assert len(frame) == len(cut.findings) + d.counts["resolved"]
    assert set(frame["change"]) <= {"new", "unchanged", "changed", "resolved"}
    assert frame["first_seen"].notna().all()
    assert json.loads(d.to_json())["format"] == "trygg.diff/1"
    assert "Compared with last time" in d.to_text("en")


# --- The checker --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    t = tmp_path_factory.mktemp("years")
    (t / "cut.json").write_text(json.dumps(without(DOC, "r-krankningar")), encoding="utf-8")
    run = [checker(), "check", "--fail-on", "never", "--format", "json"]
    subprocess.run([*run, str(KOMMUN), "--as-of", "2025-11-22", "-o", str(t / "y1.json")], check=True)
    subprocess.run([*run, str(t / "cut.json"), "--as-of", "2026-11-22", "-o", str(t / "y2.json")], check=True)
    return t


def check(years: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([checker(), "check", str(years / "cut.json"), "--as-of", "2026-11-22", "--baseline",
                           str(years / "y1.json"), "--fail-on", "never", *args], capture_output=True)


@pytest.mark.parametrize("lang", ["sv", "nb", "en"])
def test_baseline_in_json_text_and_markdown(years: Path, lang: str) -> None:
    j = json.loads(check(years, "--format", "json", "--lang", lang).stdout)
    counts = j["comparison"]["counts"]
    assert counts["new"] > 0 and counts["resolved"] > 0
    assert all("change" in f and "first_seen" in f for f in j["findings"])
    words = {"sv": "Jämfört med förra gången", "nb": "Sammenlignet med forrige gang", "en": "Compared with last time"}
    text = check(years, "--lang", lang).stdout.decode()
    assert words[lang] in text
    html = cmarkgfm.github_flavored_markdown_to_html(check(years, "--format", "md", "--lang", lang).stdout.decode())
    assert f"<h2>{words[lang]}</h2>" in html
    assert html.count("<table>") >= 4  # by area, by severity, new and changed, resolved


def test_baseline_in_xlsx(years: Path) -> None:
    out = years / "y2.xlsx"
    assert check(years, "--format", "xlsx", "--lang", "en", "-o", str(out), "--force").returncode == 0
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        assert "Changes" in wb.sheetnames
        rows = list(wb["Changes"].iter_rows(values_only=True))
        assert rows[0][0] == "Change" and rows[0][-1] == "first seen"
        kinds = {r[0] for r in rows[1:]}
        assert {"new", "resolved"} <= kinds
        j = json.loads((years / "y2.json").read_text(encoding="utf-8"))
        assert len(rows) - 1 == len(j["findings"]) + json.loads(check(years, "--format", "json").stdout)[
            "comparison"]["counts"]["resolved"]
    finally:
        wb.close()


def test_baseline_in_html_through_chromium(years: Path) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        if os.environ.get("TRYGG_REQUIRE_BROWSER"):
            pytest.fail(f"headless Chromium is required (TRYGG_REQUIRE_BROWSER) but {chromium} is missing")
        pytest.skip("headless Chromium not installed; set TRYGG_REQUIRE_BROWSER=1 to make this a failure")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    page = years / "y2.html"
    page.write_bytes(check(years, "--format", "html", "--lang", "en").stdout)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-sandbox"):
        options.add_argument(arg)
    d = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                         options=options)
    try:
        d.get(page.as_uri())
        section = d.find_element(By.ID, "comparison")
        assert section.find_element(By.TAG_NAME, "h2").text == "Compared with last time"
        counts = section.find_element(By.CLASS_NAME, "change-counts")
        j = json.loads(check(years, "--format", "json").stdout)["comparison"]["counts"]
        assert int(counts.get_attribute("data-new")) == j["new"]
        assert int(counts.get_attribute("data-resolved")) == j["resolved"]
        resolved = section.find_elements(By.CSS_SELECTOR, "li[data-change='resolved']")
        assert len(resolved) == j["resolved"]
        assert all(li.get_attribute("data-first-seen") == "2025-11-22" for li in resolved)
        badges = d.find_elements(By.CSS_SELECTOR, "#findings .badge.change")
        assert badges and {b.get_attribute("data-change") for b in badges} <= {"new", "unchanged", "changed", "mixed"}
        # The summary comes first, then the comparison.
        ids = [s.get_attribute("id") for s in d.find_elements(By.CSS_SELECTOR, "main > section")]
        assert ids.index("comparison") == ids.index("summary") + 1
    finally:
        d.quit()


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_diff_formats(years: Path, fmt: str) -> None:
    p = subprocess.run([checker(), "diff", str(years / "y1.json"), str(years / "y2.json"), "--format", fmt,
                        "--lang", "en"], capture_output=True)
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    if fmt == "json":
        j = json.loads(out)
        assert j["format"] == "trygg.diff/1"
        assert sum(j["counts"].values()) == len(j["findings"])
    elif fmt == "md":
        assert "<h1>trygg: two reports compared</h1>" in cmarkgfm.github_flavored_markdown_to_html(out)
    else:
        assert "Resolved since last time" in out


def test_fail_on_new_exit_codes(years: Path) -> None:
    diff = [checker(), "diff", str(years / "y1.json"), str(years / "y2.json")]
    j = json.loads(subprocess.run([*diff, "--format", "json"], capture_output=True, check=True).stdout)
    news = [f["severity"] for f in j["findings"] if f["change"] == "new" and f["status"] != "waived"]
    order = ["info", "low", "medium", "high", "critical"]
    for sev in order:
        want = 1 if any(order.index(s) >= order.index(sev) for s in news) else 0
        assert subprocess.run([*diff, "--fail-on-new", sev], capture_output=True).returncode == want, sev
        assert check(years, "--fail-on-new", sev, "--format", "json").returncode == want, sev
    # Against itself nothing is new: 0 even with findings at every severity.
    same = [checker(), "diff", str(years / "y2.json"), str(years / "y2.json"), "--fail-on-new", "info"]
    assert subprocess.run(same, capture_output=True).returncode == 0
    # Without --baseline, --fail-on-new is a usage error.
    p = subprocess.run([checker(), "check", str(KOMMUN), "--fail-on-new", "high"], capture_output=True)
    assert p.returncode == 2 and b"--baseline" in p.stderr and p.stdout == b""


def test_refusals(years: Path) -> None:
    bad = years / "bad.json"
    j = json.loads((years / "y1.json").read_text(encoding="utf-8"))
    j["format"] = "trygg.report/9"
    bad.write_text(json.dumps(j), encoding="utf-8")
    p = subprocess.run([checker(), "diff", str(bad), str(years / "y2.json")], capture_output=True)
    assert p.returncode == 2 and b"/format" in p.stderr and b"trygg.report/2" in p.stderr and p.stdout == b""
    other = copy.deepcopy(j)
    other["format"] = "trygg.report/2"
    other["organisation"]["id"] = "annan-kommun"
    bad.write_text(json.dumps(other), encoding="utf-8")
    p = subprocess.run([checker(), "check", str(years / "cut.json"), "--baseline", str(bad)], capture_output=True)
    assert p.returncode == 2 and b"annan-kommun" in p.stderr
    p = subprocess.run([checker(), "diff", str(years / "y2.json"), str(years / "y1.json")], capture_output=True)
    assert p.returncode == 2 and b"after" in p.stderr
    p = subprocess.run([checker(), "check", str(years / "cut.json"), "--baseline", str(KOMMUN)], capture_output=True)
    assert p.returncode == 2 and b"/format" in p.stderr


def test_compared_report_and_diff_match_their_schemas(years: Path) -> None:
    import jsonschema

    report_schema = json.loads((ROOT / "data" / "schema" / "report-2.schema.json").read_text(encoding="utf-8"))
    diff_schema = json.loads((ROOT / "data" / "schema" / "diff-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(diff_schema)
    jsonschema.Draft202012Validator(report_schema).validate(json.loads(check(years, "--format", "json").stdout))
    out = subprocess.run([checker(), "diff", str(years / "y1.json"), str(years / "y2.json"), "--format", "json"],
                         capture_output=True, check=True).stdout
    jsonschema.Draft202012Validator(diff_schema).validate(json.loads(out))
