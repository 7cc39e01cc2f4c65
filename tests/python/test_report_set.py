"""Many organisations at once (issue 15): audit_many, ReportSet, its frames and pickling.

Every batch result is checked against the single audit it stands for: the batch is only a
faster way to the same reports.
"""

from __future__ import annotations

import concurrent.futures
import copy
import json
import os
import pickle
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import trygg

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-22"
KOMMUN = json.loads((ROOT / "examples" / "organisations" / "kommun.json").read_text(encoding="utf-8"))
SMALL = json.loads((ROOT / "examples" / "organisations" / "small-company.json").read_text(encoding="utf-8"))


def documents(n: int) -> list[dict]:
    """n organisations, alternating the two examples, with pseudonymous ids and headcounts
    that spread over the size bands."""
    out = []
    for i in range(n):
        d = copy.deepcopy(KOMMUN if i % 2 == 0 else SMALL)
        d["id"] = f"org-{i:04d}"
        out.append(d)
    return out


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("orgs")
    paths = []
    for d in documents(8):
        p = folder / f"{d['id']}.json"
        p.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    return paths


@pytest.fixture(scope="module")
def report_set(files: list[Path]) -> trygg.ReportSet:
    return trygg.audit_many(files, as_of=AS_OF)


def single(doc: dict) -> trygg.Report:
    return trygg.audit(trygg.Organisation.from_dict(doc), as_of=AS_OF)


def test_each_report_equals_its_single_audit(report_set: trygg.ReportSet) -> None:
    docs = documents(8)
    assert report_set.ids == [d["id"] for d in docs]
    assert report_set.failures == []
    for d, report in zip(docs, report_set):
        assert report.to_json() == single(d).to_json()
        assert report_set[d["id"]] is report and d["id"] in report_set


@pytest.mark.parametrize("workers", [1, 2, 7])
def test_the_result_does_not_depend_on_the_worker_count(files: list[Path], report_set: trygg.ReportSet,
                                                        workers: int) -> None:
    other = trygg.audit_many(files, as_of=AS_OF, workers=workers)
    assert other.ids == report_set.ids
    assert [r.to_json() for r in other] == [r.to_json() for r in report_set]


def test_every_kind_of_source_gives_the_same_reports(files: list[Path], report_set: trygg.ReportSet) -> None:
    docs = documents(8)
    kinds = [
        [str(p) for p in files],
        [json.dumps(d) for d in docs],
        [json.dumps(d).encode() for d in docs],
        docs,
        [trygg.Organisation.from_dict(d) for d in docs],
        [files[0], json.dumps(docs[1]), docs[2], trygg.Organisation.from_dict(docs[3])],  # mixed
    ]
    for sources in kinds:
        got = trygg.audit_many(sources, as_of=AS_OF)
        n = len(sources)
        assert got.ids == report_set.ids[:n]
        assert [r.to_json() for r in got] == [r.to_json() for r in list(report_set)[:n]]


def test_a_bad_source_never_stops_the_batch(tmp_path: Path, files: list[Path]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "trygg.organisation/1", "id": 7}', encoding="utf-8")
    missing = tmp_path / "missing.json"
    got = trygg.audit_many([files[0], broken, files[1], missing, files[0]], as_of=AS_OF)
    assert got.ids == ["org-0000", "org-0001"]
    sources = [f.source for f in got.failures]
    assert sources == [str(broken), str(missing), str(files[0])]
    assert all(isinstance(f.error, trygg.LoadError) for f in got.failures)
    first = got.failures[0].error
    assert first.path == str(broken) and first.diagnostics
    # The duplicate id names both sources.
    dup = str(got.failures[2].error)
    assert "org-0000" in dup and dup.count(str(files[0])) == 2


def test_errors_raise_stops_at_a_bad_source(tmp_path: Path, files: list[Path]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(trygg.LoadError) as e:
        trygg.audit_many([files[0], broken], as_of=AS_OF, errors="raise")
    assert e.value.path == str(broken)


def test_arguments_are_checked() -> None:
    with pytest.raises(TypeError):
        trygg.audit_many("one.json")
    with pytest.raises(TypeError):
        trygg.audit_many([3])
    with pytest.raises(ValueError):
        trygg.audit_many([], errors="ignore")
    with pytest.raises(ValueError):
        trygg.audit_many([], workers=0)
    assert len(trygg.audit_many([])) == 0


def test_progress_is_reported_to_the_end(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    tqdm = pytest.importorskip("tqdm.auto") if not os.environ.get("TRYGG_REQUIRE_SCALING") else __import__("tqdm.auto")
    seen: list[int] = []

    class Bar:
        def __init__(self, total: int, **_: object) -> None:
            self.total, self.n = total, 0

        def update(self, k: int) -> None:
            self.n += k
            seen.append(self.n)

        def close(self) -> None:
            seen.append(-1)

    monkeypatch.setattr("tqdm.auto.tqdm", Bar)
    trygg.audit_many(files, as_of=AS_OF, progress=True)
    assert seen[-2:] == [len(files), -1] and seen == sorted(seen[:-1]) + [-1]
    del tqdm


def test_findings_frame_stacks_every_report(report_set: trygg.ReportSet) -> None:
    frame = report_set.findings_frame()
    assert list(frame.columns[:4]) == ["organisation", "country", "sector", "size_band"]
    for column in ("organisation", "rule", "measure", "area", "status", "severity", "obligation", "subject_id"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    for report in report_set:
        rows = frame[frame["organisation"] == report.organisation_id]
        expected = report.to_dataframe()
        assert list(rows["fingerprint"]) == list(expected["fingerprint"])
        assert list(rows["rule"].astype(str)) == list(expected["rule"])
        assert list(rows["status"].astype(str)) == list(expected["status"])
        assert list(rows["subject_id"].astype(str)) == list(expected["subject_id"])
        assert list(rows["due"].dt.strftime("%Y-%m-%d")) == list(expected["due"])
        assert set(rows["country"].astype(str)) == {report.country}
        assert set(rows["size_band"].astype(str)) == {report.size_band}


def test_results_scores_and_plan_frames_equal_the_reports(report_set: trygg.ReportSet) -> None:
    results = report_set.results_frame()
    scores = report_set.scores_frame()
    measures = report_set.scores_frame(by="measure")
    plan = report_set.plan_frame()
    for report in report_set:
        key = report.organisation_id
        assert (results["organisation"] == key).sum() == len(report.results)
        mine = scores[scores["organisation"] == key]
        assert dict(zip(mine["area"].astype(str), mine["score"])) == pytest.approx(report.area_scores)
        mine = measures[measures["organisation"] == key]
        assert dict(zip(mine["measure"].astype(str), mine["maturity"])) == report.measure_scores
        mine = plan[plan["organisation"] == key]
        assert list(mine["measure"].astype(str)) == [e["measure"] for e in report.action_plan]
        assert list(mine["rules"]) == [" ".join(e["rules"]) for e in report.action_plan]
    with pytest.raises(ValueError):
        report_set.scores_frame(by="unit")


def test_size_bands_follow_the_headcount() -> None:
    cases = {None: "unknown", 1: "1-9", 9: "1-9", 10: "10-24", 24: "10-24", 25: "25-49", 49: "25-49",
             50: "50-249", 249: "50-249", 250: "250+"}
    for headcount, band in cases.items():
        d = copy.deepcopy(SMALL)
        d["id"] = "org-band"
        if headcount is None:
            d.pop("headcount", None)
            for u in d.get("units", []):
                u.pop("headcount", None)
        else:
            d["headcount"] = {"total": headcount}
        report = single(d)
        assert (report.headcount, report.size_band) == (headcount, band) or headcount is None and report.size_band == band


def test_reports_organisations_frameworks_and_sets_pickle(report_set: trygg.ReportSet, tmp_path: Path) -> None:
    report = next(iter(report_set))
    back = pickle.loads(pickle.dumps(report))
    assert back.to_json() == report.to_json() and back.to_text() == report.to_text()
    org = trygg.Organisation.from_dict(documents(1)[0])
    assert pickle.loads(pickle.dumps(org)).to_dict() == org.to_dict()
    copy_of_set = pickle.loads(pickle.dumps(report_set))
    assert copy_of_set.ids == report_set.ids and copy_of_set.sources == report_set.sources
    pd.testing.assert_frame_equal(copy_of_set.findings_frame(), report_set.findings_frame())
    # One framework per set: the pickle of n reports is far smaller than n pickles.
    one = len(pickle.dumps(report))
    assert len(pickle.dumps(report_set)) < one * len(report_set) * 1.1
    fw = trygg.Framework.builtin()
    assert len(pickle.dumps(fw)) < 200
    assert pickle.loads(pickle.dumps(fw)).to_dict() == fw.to_dict()
    profiled = fw.with_profile({"format": "trygg.profile/1", "ignore": ["FORUM-01/*"]})
    assert pickle.loads(pickle.dumps(profiled)).to_dict() == profiled.to_dict()


def test_a_report_is_refused_with_another_framework(report_set: trygg.ReportSet) -> None:
    report = next(iter(report_set))
    data = trygg._core.report_to_bytes(report._impl)
    other = trygg.Framework.builtin(["base"])
    with pytest.raises(trygg.UsageError, match="another framework"):
        trygg._core.report_from_bytes(data, other._impl)


def test_damaged_report_bytes_are_refused_never_misread(report_set: trygg.ReportSet) -> None:
    small = trygg.audit_many([documents(2)[1]], as_of=AS_OF)
    report = next(iter(small))
    data = trygg._core.report_to_bytes(report._impl)
    fw = trygg.Framework.builtin()._impl
    step = max(1, len(data) // 400)
    for cut in range(0, len(data), step):
        with pytest.raises(trygg.UsageError):
            trygg._core.report_from_bytes(data[:cut], fw)
    with pytest.raises(trygg.UsageError):
        trygg._core.report_from_bytes(data + b"x", fw)


def _audit_in_worker(doc: dict) -> trygg.Report:
    return trygg.audit(trygg.Organisation.from_dict(doc), as_of=AS_OF)


def test_process_pools_can_send_reports_back() -> None:
    docs = documents(4)
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        reports = list(pool.map(_audit_in_worker, docs))
    gathered = trygg.ReportSet.from_reports(reports)
    assert [r.to_json() for r in gathered] == [single(d).to_json() for d in docs]
    assert trygg.ReportSet.concat([gathered, trygg.ReportSet()]).ids == gathered.ids
    with pytest.raises(ValueError, match="org-0000"):
        trygg.ReportSet.concat([gathered, gathered])


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_notebook_display_escapes_names(report_set: trygg.ReportSet) -> None:
    d = documents(1)[0]
    d["name"] = "<script>alert(1)</script>"
    org = trygg.Organisation.from_dict(d)
    for html in (org._repr_html_(), trygg.audit_many([d], as_of=AS_OF)._repr_html_(), report_set._repr_html_()):
        p = Tags()
        p.feed(html)
        assert "script" not in p.tags and "table" in p.tags
    assert "org-0007" in report_set._repr_html_()


def test_peer_benchmark_shows_only_groups_of_at_least_five(report_set: trygg.ReportSet) -> None:
    everyone = report_set.benchmark()
    shown = everyone[everyone["shown"]]
    assert set(shown["group"]) == {"all"} and len(report_set) == 8
    areas = report_set.scores_frame()
    for area, rows in shown.groupby("measure"):
        if area == "legal-findings-per-100":
            continue
        scores = areas[areas["area"] == area]["score"]
        row = rows.iloc[0]
        assert row["p50"] == pytest.approx(scores.median(), abs=1e-3)
        assert row["p20"] == pytest.approx(scores.quantile(0.2), abs=1e-3)
        assert row["p80"] == pytest.approx(scores.quantile(0.8), abs=1e-3)
    # Four Swedish and four Norwegian organisations: neither country may be shown.
    by_country = report_set.benchmark(by="country")
    assert not by_country[by_country["group"] != "all"]["shown"].any()
    # Six and two: the two are hidden, and so are the six, or "all" minus six would give the two away.
    groups = {key: ("a" if i < 6 else "b") for i, key in enumerate(report_set.ids)}
    custom = report_set.benchmark(by=groups)
    disclosure = dict(zip(custom["group"], custom["disclosure"]))
    assert disclosure["b"] == "suppressed-small" and disclosure["a"] == "suppressed-complementary"
    assert not custom[custom["group"].isin(["a", "b"])]["shown"].any()
    with pytest.raises(trygg.UsageError):
        report_set.benchmark(min_organisations=3)


def test_bands_place_each_organisation_against_its_shown_group(report_set: trygg.ReportSet) -> None:
    bands = report_set.bands()
    assert set(bands["organisation"]) == set(report_set.ids)
    assert set(bands["band"].astype(str)) <= {"red", "yellow", "aqua", "green"}
    assert report_set.bands(by="country").empty or set(report_set.bands(by="country")["band"].astype(str)) == {"none"}


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href"):
                self.targets.append(value or "")
            if tag == "html" and name == "lang":
                self.lang = value or ""


@pytest.mark.parametrize("lang", ["sv", "nb", "en"])
def test_the_set_as_html_names_every_organisation_and_loads_nothing(report_set: trygg.ReportSet, lang: str) -> None:
    html = report_set.to_html(lang, benchmark="all")
    p = Links()
    p.feed(html)
    assert p.lang == lang
    assert all(t.startswith("#") for t in p.targets), p.targets
    for key in report_set.ids:
        assert key in html
    assert "<svg" in html  # the benchmark's chart


def test_waivers_apply_to_every_organisation_of_a_batch(files: list[Path]) -> None:
    """audit_many(waivers=...) gives each organisation the report its single audit with the same
    waivers gives; a waiver that names nothing of one organisation is unmatched in its report."""
    kommun_rule = "ORG-06/elements"  # a finding of the municipality, not of the small company
    waivers = [{"rule": kommun_rule, "reason": "Revised with all staff in spring", "decided_by": "hr-director",
                "decided": "2026-10-01"}]
    batch = trygg.audit_many(files, as_of=AS_OF, waivers=waivers)
    for path, doc in zip(files, documents(8)):
        single = trygg.audit(trygg.Organisation.from_dict(doc), as_of=AS_OF, waivers=waivers)
        assert batch[doc["id"]].to_json() == single.to_json()
    states = {batch[d["id"]].waivers[0]["state"] for d in documents(8)}
    assert states == {"applied", "unmatched"}
    chunked = trygg.ReportSet.concat(trygg.audit_chunks(files, chunk_size=3, as_of=AS_OF, waivers=waivers))
    assert [r.to_json() for r in chunked] == [r.to_json() for r in batch]
