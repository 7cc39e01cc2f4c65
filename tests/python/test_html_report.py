"""The HTML report in a real browser (issue 14): headless Chromium, driven through Selenium,
opens the report of each example organisation and of a 10,000-unit generated one. The page
logs no console error and attempts no network request besides itself, shows the JSON report's
figures, has no serious or critical accessibility violation (axe-core), and prints to an A4
PDF that holds every section heading and every action-plan row. Screenshots and PDFs are kept
under build/artifacts (or $TRYGG_ARTIFACTS).

Needs Debian's chromium and chromium-driver and PyPI's selenium, axe-selenium-python and
pypdf. Without chromium the tests are skipped, unless TRYGG_REQUIRE_BROWSER is set (as in CI):
then they fail."""

from __future__ import annotations

import base64
import importlib.util
import io
import json
import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any, Iterator

import pytest

import trygg
from conftest import EXAMPLES, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
AS_OF = "2026-03-01"
LANGUAGES = ("sv", "nb", "en")
ARTIFACTS = Path(os.environ.get("TRYGG_ARTIFACTS") or ROOT / "build" / "artifacts")

if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()) and not os.environ.get("TRYGG_REQUIRE_BROWSER"):
    pytest.skip(
        f"headless Chromium not installed ({CHROMIUM}, {CHROMEDRIVER}): apt-get install chromium chromium-driver; "
        "set TRYGG_REQUIRE_BROWSER=1 to make this a failure",
        allow_module_level=True,
    )

# Past this point a missing piece is an error, not a skip: the browser is there (or required).
from axe_selenium_python import Axe  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--window-size=1280,1600"):
        options.add_argument(arg)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    d = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    # A large page takes axe-core a while on a shared machine: wait for it, on both ends.
    d.command_executor.client_config.timeout = 600
    d.set_script_timeout(600)
    d.set_page_load_timeout(600)
    try:
        yield d
    finally:
        d.quit()


def generated(units: int) -> dict[str, Any]:
    """The benchmarks' synthetic organisation (bench/generate.py), deterministic."""
    spec = importlib.util.spec_from_file_location("trygg_bench_generate", ROOT / "bench" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate(units)  # type: ignore[no-any-return]


CASES = [(p.stem, lang) for p in EXAMPLES for lang in LANGUAGES] + [("generated-10000", "sv")]


@pytest.fixture(scope="module")
def organisations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    paths = {p.stem: p for p in EXAMPLES}
    big = tmp_path_factory.mktemp("html") / "generated-10000.json"
    big.write_text(json.dumps(generated(10_000)), encoding="utf-8")
    paths["generated-10000"] = big
    return paths


def network_requests(entries: list[dict[str, Any]]) -> list[str]:
    urls = []
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def squeeze(text: str) -> str:
    """Text without any white space and ligatures: PDF text extraction breaks lines where the
    layout does, and gives the font's ligatures ("ﬁ") as single characters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_html_report_in_chromium(driver: Any, organisations: dict[str, Path], tmp_path: Path,
                                     name: str, lang: str) -> None:
    report = trygg.audit(trygg.load_organisation(organisations[name]), as_of=AS_OF, lang=lang)
    data = json.loads(report.to_json())
    page = tmp_path / f"{name}-{lang}.html"
    page.write_text(report.to_html(), encoding="utf-8")
    url = page.as_uri()

    driver.get_log("browser")  # drop what earlier pages logged
    driver.get_log("performance")
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete"
    assert driver.execute_script("return document.documentElement.lang") == lang

    # No console error (a CSP violation would be one), no request but the page itself.
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    requests = network_requests(driver.get_log("performance"))
    assert requests == [url]

    # The figures on the page are the JSON report's.
    s = data["summary"]
    cells = {c.get_attribute("data-summary"): c.text for c in driver.find_elements(By.CSS_SELECTOR, "td[data-summary]")}
    assert cells == {k: str(s[k]) for k in ("results", "pass", "fail", "partial", "not_assessed", "not_applicable",
                                            "findings")}
    rows = driver.find_elements(By.CSS_SELECTOR, "table#maturity tbody tr")
    assert [r.get_attribute("data-area") for r in rows] == [a["area"] for a in data["area_scores"]]
    for row, area in zip(rows, data["area_scores"]):
        score, findings = row.find_elements(By.CSS_SELECTOR, "td")
        assert score.text == f"{area['score']:.1f}"
        assert int(findings.text) == area["findings"]
    plan = [r.get_attribute("data-measure") for r in driver.find_elements(By.CSS_SELECTOR, "#action-plan tbody tr")]
    assert plan == [e["measure"] for e in data["action_plan"]]
    # The chart is there for the eye, with its title for assistive technology.
    assert driver.find_element(By.CSS_SELECTOR, "svg[role=img] > title").get_attribute("textContent")

    # Accessibility: nothing serious or critical (axe-core, bundled by axe-selenium-python).
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"html-{name}-{lang}.png"))

    # Printed to A4: every section heading and every action-plan row are in the PDF's text.
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                     "printBackground": True, "preferCSSPageSize": True})
    raw = base64.b64decode(pdf["data"])
    (ARTIFACTS / f"html-{name}-{lang}.pdf").write_bytes(raw)
    reader = PdfReader(io.BytesIO(raw))
    text = squeeze("".join(p.extract_text() or "" for p in reader.pages))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    headings = [h.get_attribute("textContent") for h in driver.find_elements(By.CSS_SELECTOR, "h1, h2, h3")]
    assert len(headings) >= 7
    for heading in headings:
        assert squeeze(heading) in text, heading
    for measure in plan:
        assert measure in text, measure


def test_the_checker_writes_the_same_html(checker: str, tmp_path: Path) -> None:
    import subprocess

    kommun = ROOT / "examples" / "organisations" / "kommun.json"
    out = tmp_path / "kommun.html"
    p = subprocess.run([checker, "check", str(kommun), "--as-of", AS_OF, "--format", "html", "--lang", "en",
                        "-o", str(out)], capture_output=True, text=True)
    assert p.returncode == 1, p.stderr
    api = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF, lang="en").to_html()
    assert out.read_text(encoding="utf-8") == api
    legal = trygg.audit(trygg.load_organisation(kommun), as_of=AS_OF, lang="en").to_html(legal_only=True)
    assert '<article class="entry legal"' in legal and '<article class="entry"' not in legal


def test_the_notebook_summary() -> None:
    report = trygg.audit(trygg.load_organisation(ROOT / "examples" / "organisations" / "kommun.json"), as_of=AS_OF)
    html = report._repr_html_()
    assert html.startswith('<div class="trygg-summary" lang="sv">') and html.endswith("</div>")
    assert "<html" not in html and "<script" not in html
    first = report.action_plan[0]["measure"]
    assert first in html
    with pytest.raises(ValueError):
        report.to_html("de")
    with pytest.raises(TypeError):
        report.to_html(legal_only="yes")  # type: ignore[arg-type]
