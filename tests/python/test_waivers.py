"""Waivers end to end (docs/history.md, "Waivers" and "Policy"): the checker's --waivers, the
exit code, the waived section in every format for people, the schemas, and the Python API."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import trygg
from conftest import AS_OF, ROOT

KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"
WAIVERS_SCHEMA = json.loads((ROOT / "data" / "schema" / "waivers-1.schema.json").read_text(encoding="utf-8"))
REPORT_SCHEMA = json.loads((ROOT / "data" / "schema" / "report-2.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plain() -> dict[str, Any]:
    return trygg.audit(trygg.load_organisation(KOMMUN), as_of=AS_OF, lang="en").to_dict()


def legal(doc: dict[str, Any], f: dict[str, Any]) -> bool:
    rule = doc["results"][f["result"]]["rule"]
    return doc["rules"][rule]["obligation"] in ("law", "regulation")


def entry(fingerprint: str, *, decided: str = "2026-10-01", expires: str | None = "2026-12-31") -> dict[str, Any]:
    e = {"fingerprint": fingerprint, "reason": "A measure is under way", "decided_by": "hr-director", "decided": decided}
    if expires:
        e["expires"] = expires
    return e


@pytest.fixture(scope="module")
def waiver_file(tmp_path_factory: pytest.TempPathFactory, plain: dict[str, Any]) -> Path:
    """A legal finding waived, a good-practice one with an expired waiver, and a typo'd rule id."""
    lf = next(f for f in plain["findings"] if legal(plain, f))
    gf = next(f for f in plain["findings"] if not legal(plain, f))
    rule = plain["results"][gf["result"]]["rule"]
    doc = {"format": "trygg.waivers/1", "waivers": [
        entry(lf["fingerprint"]),
        entry(gf["fingerprint"], decided="2026-01-01", expires="2026-11-21"),
        {"rule": rule + "x", "reason": "Typo", "decided_by": "board", "decided": "2026-10-01"},
    ]}
    assert not list(jsonschema.Draft202012Validator(WAIVERS_SCHEMA).iter_errors(doc))
    path = tmp_path_factory.mktemp("waivers") / "waivers.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run(checker: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([checker, "check", str(KOMMUN), "--as-of", AS_OF, "--lang", "en", *args],
                          capture_output=True)


def test_cli_json_report_carries_the_waivers(checker, waiver_file, plain):
    p = run(checker, "--format", "json", "--waivers", str(waiver_file), "--fail-on", "never")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert not list(jsonschema.Draft202012Validator(REPORT_SCHEMA).iter_errors(doc))
    states = [w["state"] for w in doc["waivers"]]
    assert states == ["applied", "expired", "unmatched"]
    assert doc["waivers"][0]["legal"] is True
    assert doc["waivers"][2]["did_you_mean"] == doc["waivers"][2]["rule"][:-1]
    assert doc["waivers"][0]["file"] == str(waiver_file) and doc["waivers"][0]["pointer"] == "/waivers/0"
    assert doc["summary"]["waived"] == 1
    assert doc["summary"]["results"] == plain["summary"]["results"]
    assert len(doc["findings"]) == len(plain["findings"])
    waived = [f for f in doc["findings"] if doc["results"][f["result"]]["status"] == "waived"]
    assert [f["waiver"] for f in waived] == [0]
    expired = [f for f in doc["findings"] if f.get("waiver") == 1]
    assert len(expired) == 1 and doc["results"][expired[0]["result"]]["status"] != "waived"
    assert all(waived[0]["fingerprint"] not in e["fingerprints"] for e in doc["action_plan"])


def test_bad_waiver_file_is_refused_with_pointer(checker, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "trygg.waivers/1", "waivers": [
        {"rule": "x", "reason": "", "decided_by": "Anna Svensson", "decided": "2026-10-01"}]}), encoding="utf-8")
    p = run(checker, "--waivers", str(bad))
    assert p.returncode == 2
    err = p.stderr.decode()
    assert "/waivers/0/reason" in err and "/waivers/0/decided_by" in err
    assert p.stdout == b""


def test_waived_findings_do_not_count_for_fail_on(checker, tmp_path, plain):
    severe = [f for f in plain["findings"] if plain["rules"][plain["results"][f["result"]]["rule"]]["severity"]
              in ("high", "critical")]
    assert severe
    assert run(checker, "--fail-on", "high").returncode == 1
    path = tmp_path / "all-severe.json"
    path.write_text(json.dumps({"format": "trygg.waivers/1", "waivers": [entry(f["fingerprint"]) for f in severe]}),
                    encoding="utf-8")
    legal_severe = [f for f in severe if legal(plain, f)]
    # Legal waivers decided 2026-10-01 last until 2027-04-01 at most: in force on the as-of date.
    assert legal_severe
    p = run(checker, "--fail-on", "high", "--waivers", str(path))
    assert p.returncode == 0, p.stderr


def test_every_human_format_shows_the_waived_section(checker, waiver_file, tmp_path):
    text = run(checker, "--waivers", str(waiver_file), "--fail-on", "never").stdout.decode()
    assert text.index("Waived findings") > text.index("Findings")
    assert "the legal duty remains" in text and "Did you mean" in text and "expired after 2026-11-21" in text

    import cmarkgfm

    md = run(checker, "--format", "md", "--waivers", str(waiver_file), "--fail-on", "never").stdout.decode()
    html = cmarkgfm.github_flavored_markdown_to_html(md)
    assert "<h2>Waived findings</h2>" in html
    assert html.index("<h2>Waived findings</h2>") > html.index("<h2>Findings</h2>")
    assert "<strong>the legal duty remains</strong>" in html
    assert "<h3>Waivers not in force</h3>" in html

    import openpyxl

    out = tmp_path / "r.xlsx"
    p = run(checker, "--format", "xlsx", "--waivers", str(waiver_file), "--fail-on", "never", "-o", str(out))
    assert p.returncode == 0, p.stderr
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        assert wb.sheetnames[-1] == "Waived"
        rows = list(wb["Waived"].iter_rows(values_only=True))
    finally:
        wb.close()
    assert rows[0][:9] == ("Fingerprint", "Rule", "Subject", "Reason", "Decided by", "Decided", "Until",
                           "Legal duty", "State")
    assert [r[8] for r in rows[1:]] == ["in force", "expired", "matches nothing"]
    assert rows[1][7] == "the legal duty remains"


@pytest.mark.skipif(not (shutil.which("chromium") or os.path.exists("/usr/bin/chromium"))
                    and not os.environ.get("TRYGG_REQUIRE_BROWSER"), reason="headless Chromium not installed")
def test_html_waived_section_in_the_browser(checker, waiver_file, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    page = tmp_path / "r.html"
    p = run(checker, "--format", "html", "--waivers", str(waiver_file), "--fail-on", "never", "-o", str(page))
    assert p.returncode == 0, p.stderr
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(arg)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")
    d = webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                         options=options)
    try:
        d.get(page.as_uri())
        sections = [s.get_attribute("id") for s in d.find_elements(By.CSS_SELECTOR, "main > section")]
        assert sections.index("waived") == sections.index("findings") + 1
        waived = d.find_element(By.ID, "waived")
        assert waived.find_element(By.TAG_NAME, "h2").text == "Waived findings"
        articles = waived.find_elements(By.CSS_SELECTOR, "article.waiver")
        assert [a.get_attribute("data-state") for a in articles] == ["applied", "expired", "unmatched"]
        assert articles[0].find_element(By.CLASS_NAME, "legal-duty").text == "the legal duty remains"
        assert articles[0].find_element(By.CLASS_NAME, "reason").text == "A measure is under way"
        assert "Did you mean" in articles[2].text
        # Waived findings are not in the findings section.
        fp = articles[0].find_element(By.TAG_NAME, "li").get_attribute("data-fingerprint")
        assert fp and fp not in d.find_element(By.ID, "findings").get_attribute("innerHTML")
    finally:
        d.quit()


def test_python_api(waiver_file, plain):
    org = trygg.load_organisation(KOMMUN)
    w = trygg.Waivers.load(waiver_file)
    assert len(w) == 3 and w.entries[0]["reason"] == "A measure is under way"
    for given_as in (waiver_file, str(waiver_file), w, w.entries):
        r = trygg.audit(org, as_of=AS_OF, lang="en", waivers=given_as)
        assert [x["state"] for x in r.waivers] == ["applied", "expired", "unmatched"]
    df = r.to_dataframe()
    reasons = df["waived_reason"].dropna().tolist()
    assert reasons == ["A measure is under way"]
    assert (df.loc[df["waived_reason"].notna(), "status"] == "waived").all()
    # A stricter policy: the legal waiver decided 2026-10-01 lasts one month only.
    r = trygg.audit(org, as_of=AS_OF, lang="en", waivers=w, waiver_policy={"max_months": 1})
    assert r.waivers[0]["state"] == "expired" and r.waivers[0]["until"] == "2026-11-01" and r.waivers[0]["capped"]
    # Pickling keeps them.
    import pickle

    back = pickle.loads(pickle.dumps(r))
    assert back.waivers == r.waivers


def test_docs_example_is_a_valid_waiver_file():
    doc = (ROOT / "docs" / "history.md").read_text(encoding="utf-8")
    block = doc.split("```json\n", 1)[1].split("```", 1)[0]
    example = json.loads(block)
    assert not list(jsonschema.Draft202012Validator(WAIVERS_SCHEMA).iter_errors(example))
    waivers = trygg.Waivers.from_dict(example)
    assert len(waivers) == 2
    # The example names real findings of the example municipality (a legal one by
    # fingerprint, a unit of a rule id with "/"), and both are in force on 2026-11-22.
    report = trygg.audit(trygg.load_organisation(KOMMUN), as_of="2026-11-22", waivers=waivers)
    states = [(w["state"], w["legal"]) for w in report.waivers]
    assert states == [("applied", True), ("applied", False)]
    assert report.summary["waived"] == 2


ORG = trygg.load_organisation(KOMMUN)
PLAIN = trygg.audit(ORG, as_of=AS_OF, lang="en")
FINDINGS = PLAIN.to_dict()["findings"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.integers(min_value=0, max_value=len(FINDINGS) - 1), max_size=12))
def test_exactly_the_waived_findings_change(chosen):
    """Any subset of the findings, waived by fingerprint until after the as-of date: exactly
    those become waived, and nothing else of the report changes."""
    before = PLAIN.to_dict()
    entries = [entry(FINDINGS[i]["fingerprint"], decided="2026-11-01", expires="2026-12-01") for i in sorted(chosen)]
    after = trygg.audit(ORG, as_of=AS_OF, lang="en", waivers=entries).to_dict()
    waived = {FINDINGS[i]["result"] for i in chosen}
    for i, (a, b) in enumerate(zip(before["results"], after["results"])):
        if i in waived:
            assert b["status"] == "waived"
            b = dict(b, status=a["status"])
        assert a == b
    assert after["summary"]["waived"] == len(chosen)
    assert after["summary"]["results"] == before["summary"]["results"]
    assert [f["fingerprint"] for f in after["findings"]] == [f["fingerprint"] for f in before["findings"]]
    assert after["measure_scores"] == before["measure_scores"]
    assert sum(len(e["fingerprints"]) for e in after["action_plan"]) == \
        sum(len(e["fingerprints"]) for e in before["action_plan"]) - len(chosen)
    assert all(w["state"] == "applied" for w in after.get("waivers", []))
