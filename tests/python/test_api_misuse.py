"""Misuse of the public API (issue "Hardening", item 7): every public function and method,
given wrong types, None, closed or open file objects, missing files, directories, invalid
dates and languages, out-of-range numbers and a few huge inputs, raises TypeError, ValueError
or trygg.Error with a message that names what was wrong, and never crashes the interpreter.

The sweep runs in-process (one pytest case per call), and once more as a script in a
subprocess, where a segfault or abort shows as a negative return code and the case that
caused it is the last one the script printed:

    PYTHONPATH=build/python python3 tests/python/test_api_misuse.py
"""

from __future__ import annotations

import atexit
import datetime
import inspect
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trygg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"
AS_OF = "2026-11-22"
MB = 1024 * 1024

# ---------------------------------------------------------------------------------------------
# Valid objects to call methods on, and files to misuse.

FW = trygg.Framework.builtin()
ORG = trygg.load_organisation(KOMMUN, FW)
REPORT = trygg.audit(ORG, as_of=AS_OF)
RULE_ID = FW.rules[0]["id"]

_TMP = Path(tempfile.mkdtemp(prefix="trygg-misuse-"))
atexit.register(shutil.rmtree, _TMP, True)
DIRECTORY = _TMP / "a-directory.json"
DIRECTORY.mkdir()
MISSING = _TMP / "missing.json"
NOT_JSON = _TMP / "not-json.json"
NOT_JSON.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
_closed = open(NOT_JSON, encoding="utf-8")  # noqa: SIM115 - closed on purpose
_closed.close()
CLOSED_FILE = _closed
OPEN_TEXT = open(KOMMUN, encoding="utf-8")  # noqa: SIM115 - kept open for the module's lifetime
OPEN_BINARY = open(KOMMUN, "rb")  # noqa: SIM115
atexit.register(OPEN_TEXT.close)
atexit.register(OPEN_BINARY.close)


class BytesPath(os.PathLike):  # type: ignore[type-arg]
    """A path-like object whose path is bytes (the API takes str paths only)."""

    def __fspath__(self) -> bytes:
        return os.fsencode(str(KOMMUN))


class BadPath(os.PathLike):  # type: ignore[type-arg]
    """A path-like object whose __fspath__ returns neither str nor bytes."""

    def __fspath__(self) -> int:
        return 42


def deep_dict(levels: int) -> dict[str, Any]:
    """A dict nested `levels` deep, built without recursion."""
    root: dict[str, Any] = {}
    node = root
    for _ in range(levels):
        node["a"] = {}
        node = node["a"]
    return root


def circular() -> dict[str, Any]:
    d: dict[str, Any] = {"format": "trygg.organisation/1"}
    d["self"] = d
    return d


def kommun_with(**changes: Any) -> dict[str, Any]:
    doc = ORG.to_dict()
    doc.update(changes)
    return doc


# ---------------------------------------------------------------------------------------------
# Cases. Each is one call; `expect` is the exception class it must raise (None: it must
# succeed) and `match` a regular expression its message must contain, which names the
# argument or the problem.


@dataclass(frozen=True)
class Lazy:
    """A value built only when its case runs (huge inputs)."""

    make: Callable[[], Any]
    label: str


@dataclass(frozen=True)
class Bad:
    value: Any
    expect: type[BaseException] | None
    match: str = ""
    label: str = ""


def T(value: Any, match: str = "", label: str = "") -> Bad:  # noqa: N802 - short table entries
    return Bad(value, TypeError, match, label)


def V(value: Any, match: str = "", label: str = "") -> Bad:  # noqa: N802
    return Bad(value, ValueError, match, label)


def L(value: Any, match: str = "", label: str = "") -> Bad:  # noqa: N802
    return Bad(value, trygg.LoadError, match, label)


def U(value: Any, match: str = "", label: str = "") -> Bad:  # noqa: N802
    return Bad(value, trygg.UsageError, match, label)


def OK(value: Any, label: str = "") -> Bad:  # noqa: N802
    """An edge value that is valid: the call must succeed (and not crash)."""
    return Bad(value, None, "", label)


# Values that are the wrong type for every parameter (no parameter takes a file object, an
# object(), bytes or a float).
def wrong_types(match: str, *, none: bool) -> list[Bad]:
    out = [T(42, match), T(1.5, match), T(math.nan, match, "nan"), T(b"bytes", match), T(object(), match, "object"),
           T(CLOSED_FILE, match, "closed-file"), T(OPEN_TEXT, match, "open-text-file"),
           T(OPEN_BINARY, match, "open-binary-file")]
    if none:
        out.insert(0, T(None, match))
    return out


def paths(match: str) -> list[Bad]:
    """Misused file paths, for parameters that take a path."""
    return wrong_types(match, none=True) + [
        T([], match), T({}, match), T(BytesPath(), match, "pathlike-to-bytes"),
        T(BadPath(), "__fspath__|path", "pathlike-to-int"),
        L(str(MISSING), "no such file", "missing-file"), L(MISSING, "no such file", "missing-pathlib"),
        L(str(DIRECTORY), "not a regular file", "directory"), L("", "no such file", "empty"),
        L("/dev/null", "not a regular file", "dev-null"),
        L("\udcff-undecodable.json", "no such file", "undecodable-name"),
        L("x" * 1000, "no such file|readable", "long-name"),
        V(str(KOMMUN) + "\0.json", "NUL", "nul"), V("\ud800.json", "encoded", "lone-surrogate"),
    ]


def dates() -> list[Bad]:
    bad = ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-11-00", "2026-04-31", "2026-1-1",
           "26-11-22", "2026/11/22", "", " 2026-11-2", "2026-11-22T00:00", "２０２６-11-22", "2026-11-2\0",
           "\ud800", "+2026-11-2", "-001-01-01", "abcd-ef-gh"]
    return ([V(s, "as_of.*YYYY-MM-DD", f"date-{i}") for i, s in enumerate(bad)]
            + [V(Lazy(lambda: "2026-11-22" * 100_000, "1MB-date"), "as_of.*YYYY-MM-DD")]
            + wrong_types("as_of", none=False)
            + [T(20261122, "as_of"), T(math.inf, "as_of", "inf"), T(datetime.time(12), "as_of", "time"),
               T(["2026-11-22"], "as_of"),
               OK("0000-01-01", "year-0"), OK("9999-12-31", "year-9999"), OK(datetime.date.min, "date-min"),
               OK(datetime.date.max, "date-max"), OK("2028-02-29", "leap-day")])


def languages() -> list[Bad]:
    return ([V(s, "lang", f"lang-{s!r}") for s in ("xx", "", "SV", "sv ", "english", "sv\0", "\ud800", "se", "no")]
            + wrong_types("lang", none=False) + [T(["sv"], "lang")])


def string_lists(what: str, *, unknown: type[BaseException] = trygg.UsageError) -> list[Bad]:
    return (wrong_types(what, none=False)
            + [T("base", what, "single-str"), T([1], what), T([None], what), T([b"base"], what),
               T(Lazy(lambda: iter([1.5]), "iterator-of-float"), what),
               Bad(["no-such-pack"], unknown, "unknown pack", "unknown"), Bad([""], unknown, "unknown pack", "empty"),
               V(["\ud800"], what, "lone-surrogate"),
               Bad(Lazy(lambda: ["no-such-pack"] * 1_000_000, "10^6-unknown"), unknown, "unknown pack"),
               OK(["base", "base"], "duplicates"), OK(Lazy(lambda: ["base"] * 1_000_000, "10^6-same"))])


def flags(what: str) -> list[Bad]:
    return [T(v, what) for v in (None, "yes", "", 2, -1, 1.5, math.nan, [], object(), CLOSED_FILE)] + [OK(1), OK(0)]


def limits(what: str, *, zero: bool) -> list[Bad]:
    out = [T(v, what) for v in (None, "10", 1.5, math.nan, math.inf, True, b"1", [10], object(), CLOSED_FILE)]
    out += [V(-1, what), V(-(2**64), what), V(2**64, what, "2**64"), V(10**5000, what, "10**5000"),
            V(-(10**5000), what, "-10**5000")]
    if zero:
        out.append(V(0, what))
    return out


def frameworks() -> list[Bad]:
    return (wrong_types("framework", none=False)
            + [T("base", "framework"), T(["base"], "framework"), T(FW._impl, "framework", "core-framework"),
               T(ORG, "framework", "organisation"), T(REPORT, "framework", "report")])


def organisations() -> list[Bad]:
    return (wrong_types("organisation", none=True)
            + [T(str(KOMMUN), "organisation", "path-str"), T(KOMMUN, "organisation", "path"),
               T(ORG.to_dict(), "organisation", "dict"), T(ORG._impl, "organisation", "core-organisation"),
               T(FW, "organisation", "framework"), T(REPORT, "organisation", "report")])


def texts() -> list[Bad]:
    bom = "\ufeff" + KOMMUN.read_text(encoding="utf-8")
    return (wrong_types("text", none=True)[:2] + [T(v, "text") for v in (1.5, object(), CLOSED_FILE, OPEN_TEXT)]
            + [T(bytearray(b"{}"), "text"), T(memoryview(b"{}"), "text"), T([], "text"), T({}, "text")]
            + [L(s, "expected", f"json-{i}") for i, s in enumerate(
                ["", "null", "[]", "{", "{}", "{\0}", '{"a":"\ud800"}', "\ud800", bom, "1e999999", '"' + "x" * 1000])]
            + [L(b"\xff\xfe{}", "UTF-8", "invalid-utf8"), L(b"", "expected", "empty-bytes"),
               L(Lazy(lambda: "[" * 1_000_000 + "]" * 1_000_000, "nested-10^6"), "nesting|expected"),
               L(Lazy(lambda: " " * (300 * MB), "300MB-str"), "at most \\d+ bytes"),
               L(Lazy(lambda: b" " * (300 * MB), "300MB-bytes"), "at most \\d+ bytes")])


def documents() -> list[Bad]:
    return ([T(v, "document") for v in (None, 42, 1.5, "{}", b"{}", [], object(), CLOSED_FILE, OPEN_TEXT)]
            + [T({"x": math.nan}, "JSON", "nan"), T({"x": math.inf}, "JSON", "inf"), T({"x": object()}, "JSON"),
               T({(1, 2): 1}, "JSON|keys", "tuple-key"), T(circular(), "JSON|[Cc]ircular", "circular"),
               T({"x": 10**5000}, "JSON|digits", "10**5000"),
               L({}, "expected"), L({"format": "trygg.organisation/2"}, "format"),
               L(kommun_with(id="\ud800"), "Unicode|UTF-8|expected", "lone-surrogate"),
               L(kommun_with(headcount=2**70), "headcount|expected", "huge-int"),
               L(kommun_with(flags=["no-such-flag"] * 1000), "flags", "1000-bad-flags"),
               L(Lazy(lambda: deep_dict(100_000), "nested-10^5"), "nesting of at most"),
               L(Lazy(lambda: kommun_with(name=[deep_dict(2_000)]), "nested-2000-inside"), "nesting of at most"),
               L(Lazy(lambda: kommun_with(flags=list(range(100_000))), "10^5-int-flags"), "flags")])


def profiles() -> list[Bad]:
    return ([b for b in paths("profile") if b.value not in ({}, [])] + [T([], "profile")]
            + [L(str(NOT_JSON), "expected", "not-json"),
               L({}, "format", "empty"), L({"format": "trygg.profile/9"}, "format", "future"),
               T({"x": math.nan}, "JSON", "nan"), T({"x": object()}, "JSON", "object-inside"),
               L(Lazy(lambda: deep_dict(100_000), "nested-10^5"), "nesting of at most"),
               L(str(KOMMUN), "expected", "an-organisation-file")])


def pack_files() -> list[Bad]:
    return (wrong_types("files", none=True)
            + [T(str(KOMMUN), "files", "single-str"), T(KOMMUN, "files", "single-pathlib"), T(b"x.json", "files"),
               T([None], "path"), T([42], "path"), T([b"x.json"], "path"), T([CLOSED_FILE], "path", "[closed-file]"),
               T([BytesPath()], "path", "[pathlike-to-bytes]"),
               L([str(MISSING)], "no such file", "[missing]"), L([str(DIRECTORY)], "not a regular file", "[directory]"),
               L([str(KOMMUN)], "expected", "[organisation-file]"), L([str(NOT_JSON)], "expected", "[not-json]"),
               V([str(MISSING) + "\0"], "NUL", "[nul]"), V(["\ud800"], "encoded", "[lone-surrogate]"),
               L(["\udcff.json"], "no such file", "[undecodable]"),
               L(Lazy(lambda: [str(MISSING)] * 100_000, "[missing]*10^5"), "no such file")])


def constructors(what: str, others: list[Any]) -> list[Bad]:
    return wrong_types("use trygg|make", none=True) + [T(o, "use trygg|make", f"other-{i}") for i, o in enumerate(others)]


def waiver_sources() -> list[Bad]:
    return ([T(v, "waivers") for v in (42, 1.5, b"w.json", object())]
            + [L(str(MISSING), "no such file", "missing"), L(str(NOT_JSON), "expected", "not-json"),
               L([42], "waiver object", "[int]"), L([{"rule": "x"}], "reason", "no-reason"),
               T([{"x": math.nan}], "JSON", "nan"), OK([]), OK(None), OK(WAIVERS)])


def waiver_policies() -> list[Bad]:
    return ([T(v, "waiver_policy") for v in (42, "x", [12])]
            + [V({"max_months": 0}, "max_months"), V({"max_months": 37}, "max_months"),
               V({"max_months": 6, "max_months_legal": 7}, "max_months_legal"), V({"nope": 1}, "waiver_policy"),
               T({"max_months": "12"}, "max_months"), T({"max_months": True}, "max_months"),
               OK({}), OK(None), OK({"max_months": 24})])


# The public callables, the valid keyword arguments to call each with, and the misuses of
# each parameter. Every parameter of every public callable must appear here
# (test_every_public_parameter_is_swept).
SET = trygg.audit_many([str(KOMMUN)], as_of=AS_OF)
WAIVERS_FILE = _TMP / "waivers.json"
WAIVERS_FILE.write_text(json.dumps({"format": "trygg.waivers/1", "waivers": [
    {"rule": RULE_ID, "reason": "Under review", "decided_by": "board", "decided": "2026-10-01"}]}), encoding="utf-8")
WAIVERS = trygg.Waivers.load(WAIVERS_FILE)
TREND = trygg.Trend.of([REPORT])
#: An action plan sheet as CSV with nothing filled in: importing it changes nothing.
PLAN_CSV = Path(tempfile.mkdtemp()) / "plan.csv"
PLAN_CSV.write_text("#,Measure id,Measure,Proposal,Severity,Due,Rules,Fingerprints,Owner,Status,Comment\n",
                    encoding="utf-8")
_REPORTS = [T(v, "reports") for v in (None, 42, str(KOMMUN), KOMMUN, REPORT)] + [
    T([42], "reports\\[0\\]"), T([ORG], "reports\\[0\\]"), V([], "at least one"),
    L([str(MISSING)], "no such file|cannot|expected"), L([str(KOMMUN)], "expected"), OK([REPORT])]
_BY = [T(3, "by"), T(None, "by"), U("nope", "dimension"), OK("all"), OK("size-band"), V({"x": "a"}, "no group", "unknown-id-map")]
_MIN = [T("5", "min_organisations"), T(None, "min_organisations"), T(True, "min_organisations"),
        U(3, "at least 5"), OK(5), OK(10**6)]

# A baseline or a report to compare: a JSON report's path, a Report or a JSON report as a dict.
DIFF = trygg.diff(REPORT, REPORT)


def baselines(none_ok: bool) -> list[Bad]:
    return [T(42, "path, a trygg.Report"), T(b"report.json", "path, a trygg.Report"), T([REPORT], "path"),
            T(ORG, "path, a trygg.Report"), L(str(MISSING), "", "missing-file"), L(str(KOMMUN), "format", "an-organisation"),
            L({"format": "trygg.report/9"}, "trygg.report/9", "unknown-format"), V({"x": math.nan}, "JSON report", "nan"),
            L({}, "format", "empty-dict"), OK(REPORT), OK(REPORT.to_dict(), "as-dict"),
            OK(None) if none_ok else T(None, "path, a trygg.Report")]


SWEEP: dict[str, tuple[Callable[..., Any], dict[str, Any], dict[str, list[Bad]]]] = {
    "audit_many": (trygg.audit_many, {"sources": [str(KOMMUN)], "as_of": AS_OF}, {
        "sources": [T(str(KOMMUN), "single one", "single-str"), T(KOMMUN, "single one", "single-path"),
                    T(None, "iterable"), T(42, "iterable"), T([42], "source 0"), T([None], "source 0"),
                    T([{"x": math.nan}], "JSON values", "nan-document"), OK([]), OK([str(MISSING)], "missing-kept")],
        "framework": frameworks(), "as_of": dates(), "lang": languages(),
        "workers": [T(v, "workers") for v in ("2", 1.5, True, [2])] + [V(v, "workers") for v in (0, -1, 10**9)]
        + [OK(None), OK(1), OK(64)],
        "progress": [T(v, "progress") for v in ("yes", 1, 0, [])] + [OK(False), OK(None)],
        "errors": [T(v, "errors") for v in (None, 1, b"raise")] + [V(v, "errors") for v in ("", "ignore", "RAISE")],
        "waivers": waiver_sources(), "waiver_policy": waiver_policies()}),
    "audit_chunks": (trygg.audit_chunks, {"sources": [str(KOMMUN)], "as_of": AS_OF}, {
        "sources": [T(str(KOMMUN), "single one", "single-str"), T(KOMMUN, "single one", "single-path"),
                    T(None, "iterable"), T(42, "iterable"), OK([]), OK(iter([str(KOMMUN)]), "iterator")],
        "chunk_size": [T(v, "chunk_size") for v in ("2", 1.5, True, None)] + [V(v, "chunk_size") for v in (0, -1)]
        + [OK(1), OK(10**9)],
        "progress": [T(v, "progress") for v in ("yes", 1, 0, [])] + [OK(False), OK(None)],
        "errors": [T(v, "errors") for v in (None, 1, b"raise")] + [V(v, "errors") for v in ("", "ignore", "RAISE")],
        # The other keywords go to audit_many unchanged: one it does not take is refused at the call.
        "options": [T({"x": 1}, "unexpected keyword")]}),
    "ReportSet": (trygg.ReportSet, {}, {
        "reports": [T(42, "iterable"), T([42], "trygg.Report"), T([ORG], "trygg.Report"), OK([])],
        "failures": [T(42, "iterable"), T([42], ""), OK([])],
        "sources": [T(42, "iterable"), OK(None), OK([])]}),
    "ReportSet.from_reports": (trygg.ReportSet.from_reports, {"reports": []}, {
        "reports": [T(42, "iterable"), T([42], "trygg.Report"), OK(list(SET))], "failures": [T(42, "iterable"), OK([])]}),
    "ReportSet.concat": (trygg.ReportSet.concat, {"sets": []}, {
        "sets": [T(42, "iterable"), T([42], "concat takes"), T([REPORT], "concat takes"), OK([SET])]}),
    "ReportSet.results_frame": (SET.results_frame, {}, {}),
    "ReportSet.findings_frame": (SET.findings_frame, {}, {}),
    "ReportSet.plan_frame": (SET.plan_frame, {}, {}),
    "ReportSet.scores_frame": (SET.scores_frame, {}, {"by": [V(v, "by") for v in ("unit", "", "AREA")] + [OK("measure")]}),
    "ReportSet.benchmark_data": (SET.benchmark_data, {}, {"by": _BY, "min_organisations": _MIN}),
    "ReportSet.benchmark": (SET.benchmark, {}, {"by": _BY, "min_organisations": _MIN}),
    "ReportSet.bands": (SET.bands, {}, {"by": _BY, "min_organisations": _MIN}),
    "ReportSet.to_html": (SET.to_html, {}, {"lang": languages(), "benchmark": [U("nope", "dimension"), T(3, "benchmark"), OK("all"), OK(None)],
                                             "min_organisations": [T("5", ""), U(3, "at least 5")]}),
    "BatchFailure": (trygg.BatchFailure, {"source": "a.json", "error": trygg.Error("x")}, {
        "source": [T(v, "source") for v in (None, 42, b"a.json")], "error": [T(v, "error") for v in (None, "x", 42)]}),
    "load_organisation": (trygg.load_organisation, {"path": str(KOMMUN)}, {
        "path": paths("path") + [L(str(NOT_JSON), "expected", "not-json")], "framework": frameworks()}),
    "Organisation.from_dict": (trygg.Organisation.from_dict, {"document": ORG.to_dict()}, {
        "document": documents(), "framework": frameworks(),
        "name": [T(v, "name") for v in (None, 42, b"x", ["x"], CLOSED_FILE)] + [V("\ud800", "name")]}),
    "Organisation.from_json": (trygg.Organisation.from_json, {"text": KOMMUN.read_text(encoding="utf-8")}, {
        "text": texts(), "framework": frameworks(),
        "name": [T(v, "name") for v in (None, 42, b"x", ["x"], CLOSED_FILE)] + [V("\ud800", "name")]}),
    "audit": (trygg.audit, {"organisation": ORG, "as_of": AS_OF}, {
        "organisation": organisations(), "framework": frameworks(), "as_of": dates(), "lang": languages(),
        "packs": string_lists("packs"), "preview": flags("preview"),
        "waivers": waiver_sources(), "waiver_policy": waiver_policies(),
        "baseline": baselines(True)}),
    "Waivers": (trygg.Waivers, {"impl": WAIVERS._impl}, {"impl": constructors("impl", [FW._impl, ORG._impl, WAIVERS])}),
    "Waivers.load": (trygg.Waivers.load, {"path": str(WAIVERS_FILE)}, {
        "path": paths("path") + [L(str(NOT_JSON), "expected", "not-json"), L(str(KOMMUN), "waiver", "an-organisation")]}),
    "Waivers.from_dict": (trygg.Waivers.from_dict, {"document": WAIVERS.to_dict()}, {
        "document": [T(v, "document") for v in (None, 42, "{}", [], object())]
        + [T({"x": math.nan}, "JSON", "nan"), L({}, "format"), L({"format": "trygg.waivers/1"}, "waivers"),
           L({"format": "trygg.waivers/1", "waivers": [{"rule": "x", "reason": " ", "decided_by": "Anna Svensson",
                                                         "decided": "2026-01-01"}]}, "reason|name", "name-and-blank")],
        "file": [T(v, "file") for v in (None, 42, b"x")] + [OK("w.json")]}),
    "Waivers.from_entries": (trygg.Waivers.from_entries, {"entries": []}, {
        "entries": [T(v, "entries") for v in (None, 42, "x", b"x", {})] + [L([42], "waiver object"), OK([])],
        "file": [T(v, "file") for v in (None, 42)] + [OK("w.json")]}),
    "Waivers.to_dict": (WAIVERS.to_dict, {}, {}),
    "Report.compare": (REPORT.compare, {"baseline": REPORT}, {"baseline": baselines(False)}),
    "diff": (trygg.diff, {"old": REPORT, "new": REPORT}, {"old": baselines(False), "new": baselines(False)}),
    "Diff": (trygg.Diff, {"impl": DIFF._impl}, {"impl": constructors("impl", [FW._impl, REPORT._impl, DIFF])}),
    "Diff.count_new_at_or_above": (DIFF.count_new_at_or_above, {"severity": "high"}, {
        "severity": [T(None, "severity"), T(3, "severity"), V("HIGH", "severity"), V("", "severity"), OK("info")]}),
    "Diff.to_json": (DIFF.to_json, {}, {"indent": [V(-1, "indent"), V(17, "indent"), V(True, "indent"), V("2", "indent"),
                                                   OK(None), OK(0)]}),
    "Diff.to_text": (DIFF.to_text, {}, {"lang": languages()}),
    "Diff.to_markdown": (DIFF.to_markdown, {}, {"lang": languages()}),
    "Diff.to_dataframe": (DIFF.to_dataframe, {}, {}),
    "render_document": (trygg.render_document, {"kind": "dl-active-measures", "organisation": ORG, "as_of": AS_OF}, {
        "kind": wrong_types("kind", none=True) + [V(k, "kind") for k in ("", "x", "DL-ACTIVE-MEASURES", "\ud800")],
        "organisation": organisations(), "framework": frameworks(), "as_of": dates(), "lang": languages()}),
    "organisation_schema": (trygg.organisation_schema, {}, {}),
    "report_schema": (trygg.report_schema, {}, {}),
    "Framework": (trygg.Framework, {"impl": FW._impl}, {"impl": constructors("impl", [ORG._impl, REPORT._impl, FW])}),
    "Framework.builtin": (trygg.Framework.builtin, {}, {"packs": string_lists("packs")}),
    "Framework.with_pack_files": (trygg.Framework.with_pack_files, {"files": []}, {
        "files": pack_files(), "builtin": string_lists("builtin")}),
    "Framework.with_profile": (FW.with_profile, {"profile": {"format": "trygg.profile/1"}}, {"profile": profiles()}),
    "Framework.rule_examples": (FW.rule_examples, {"rule_id": RULE_ID}, {
        "rule_id": wrong_types("rule_id", none=True)
        + [U(s, "no rule") for s in ("", "no-such-rule", RULE_ID.upper(), RULE_ID + "\0")]
        + [V("\ud800", "rule_id")]}),
    "Framework.builtin_pack_ids": (trygg.Framework.builtin_pack_ids, {}, {}),
    "Framework.to_dict": (FW.to_dict, {}, {}),
    "Organisation": (trygg.Organisation, {"impl": ORG._impl, "framework": FW}, {
        "impl": constructors("impl", [FW._impl, REPORT._impl, ORG]), "framework": wrong_types("framework", none=True)
        + [T(FW._impl, "framework", "core-framework")]}),
    "Organisation.to_dict": (ORG.to_dict, {}, {}),
    "Report": (trygg.Report, {"impl": REPORT._impl}, {"impl": constructors("impl", [FW._impl, ORG._impl, REPORT])}),
    "Report.count_at_or_above": (REPORT.count_at_or_above, {"severity": "high"}, {
        "severity": wrong_types("severity", none=True) + [V(s, "severity") for s in ("", "HIGH", "severe", "\ud800")]}),
    "Report.to_dict": (REPORT.to_dict, {}, {"lang": languages()}),
    "Report.to_json": (REPORT.to_json, {}, {
        "lang": languages(),
        "indent": [V(v, "indent") for v in ("  ", 1.5, math.nan, True, -1, -2, 17, 10**6, 2**64, [2], object())]
        + [OK(0), OK(16), OK(None)]}),
    "Report.to_markdown": (REPORT.to_markdown, {}, {"lang": languages(), "legal_only": flags("legal_only")}),
    "Report.to_html": (REPORT.to_html, {}, {"lang": languages(), "legal_only": flags("legal_only")}),
    "Report.to_xlsx": (REPORT.to_xlsx, {"path": str(Path(tempfile.mkdtemp()) / "report.xlsx")}, {
        "path": [T(v, "path") for v in (None, 1.5, b"report.xlsx", ["report.xlsx"])]
        + [Bad("", trygg.Error, "no file name"), Bad(tempfile.gettempdir(), trygg.Error, "directory"),
           OK(str(Path(tempfile.mkdtemp()) / "other.xlsx"))],
        "lang": languages(), "legal_only": flags("legal_only")}),
    "Report.to_text": (REPORT.to_text, {}, {
        "lang": languages(), "colour": flags("colour"), "legal_only": flags("legal_only"),
        "width": [T(v, "width") for v in (None, "80", 1.5, math.nan, True, [80], object())]
        + [V(v, "width") for v in (0, -1, -(2**64), 2**31, 2**64, 10**100)] + [OK(1), OK(2**31 - 1)]}),
    "Report.to_csv": (REPORT.to_csv, {}, {
        "lang": languages(),
        "dialect": [V(v, "dialect") for v in ("", "Excel", "nordic", "excel ", "machine\0")]
        + [T(v, "dialect") for v in (None, 1, True, b"excel", ["excel"])] + [OK("machine"), OK("excel")]}),
    "Report.to_dataframe": (REPORT.to_dataframe, {}, {}),
    # The action plan's round trip and the trend (issue 16).
    "import_action_plan": (trygg.import_action_plan, {"organisation_path": str(KOMMUN), "sheet_path": str(PLAN_CSV)}, {
        "organisation_path": paths("organisation_path") + [L(str(NOT_JSON), "expected", "not-json")],
        "sheet_path": paths("sheet_path") + [L(str(NOT_JSON), "expected", "not-a-sheet")],
        "output": [T(v, "output") for v in (42, 1.5, b"x.json", ["x.json"])] + [OK(None)],
        "in_place": flags("in_place") + [OK(False)],
        "today": [T(v, "today") for v in (42, 1.5, ["2026-11-22"])] + [V("2026-02-30", "today"), OK(None),
                                                                     OK("2026-11-22")],
        "framework": frameworks() + [OK(None)]}),
    "trend": (trygg.trend, {"reports": [REPORT]}, {
        "reports": _REPORTS, "framework": frameworks() + [OK(None)]}),
    "Trend": (trygg.Trend, {"impl": TREND._impl, "framework": FW}, {
        "impl": constructors("impl", [FW._impl, ORG._impl, REPORT._impl]),
        "framework": [OK(FW)]}),
    "Trend.of": (trygg.Trend.of, {"reports": [REPORT]}, {"reports": _REPORTS, "framework": frameworks() + [OK(None)]}),
    "Trend.rows": (TREND.rows, {}, {}),
    "Trend.to_dataframe": (TREND.to_dataframe, {}, {}),
    "Trend.to_json": (TREND.to_json, {}, {}),
    "Trend.to_csv": (TREND.to_csv, {}, {}),
    "Trend.to_text": (TREND.to_text, {}, {"lang": languages()}),
    "Trend.to_markdown": (TREND.to_markdown, {}, {"lang": languages()}),
    "Trend.to_html": (TREND.to_html, {}, {"lang": languages()}),
}

# Parameters the table does not list by name: the loaders' limits (max_file_bytes,
# max_depth, max_errors and any later max_*), swept alike.
_LIMIT = re.compile(r"max_\w+")
_ZERO_REFUSED = {"max_file_bytes", "max_depth", "max_errors"}


def _parameters(func: Callable[..., Any]) -> list[str]:
    return [p for p in inspect.signature(func).parameters if p not in ("self", "cls")]


def _misuses(target: str) -> dict[str, list[Bad]]:
    func, _, table = SWEEP[target]
    out = dict(table)
    for p in _parameters(func):
        if p not in out and _LIMIT.fullmatch(p):
            out[p] = limits(p, zero=p in _ZERO_REFUSED) + [OK(2**64 - 1, "max")]
    return out


@dataclass(frozen=True)
class Case:
    id: str
    target: str
    param: str
    bad: Bad
    kwargs: dict[str, Any] = field(default_factory=dict)


def _label(bad: Bad) -> str:
    if bad.label:
        return bad.label
    if isinstance(bad.value, Lazy):
        return bad.value.label
    text = repr(bad.value) if isinstance(bad.value, (str, bytes, int, float, list, dict, type(None))) else type(
        bad.value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def all_cases() -> list[Case]:
    cases: list[Case] = []
    seen: set[str] = set()
    for target, (_, kwargs, _) in SWEEP.items():
        for param, bads in _misuses(target).items():
            for bad in bads:
                case_id = f"{target}:{param}={_label(bad)}"
                n = 2
                while case_id in seen:  # same label, other value: number it
                    case_id = f"{target}:{param}={_label(bad)}#{n}"
                    n += 1
                seen.add(case_id)
                cases.append(Case(case_id, target, param, bad, kwargs))
    return cases


CASES = all_cases()
#: A message must be short: a huge input must not come back in it.
MAX_MESSAGE = 2000


def run_case(case: Case) -> str:
    """Run one case; returns "" if it behaved, else what went wrong."""
    func, _, _ = SWEEP[case.target]
    value = case.bad.value.make() if isinstance(case.bad.value, Lazy) else case.bad.value
    kwargs = dict(case.kwargs)
    kwargs[case.param] = value
    try:
        result = func(**kwargs)
    except (TypeError, ValueError, trygg.Error) as e:
        message = str(e)
        if case.bad.expect is None:
            return f"raised {type(e).__name__}: {message[:300]}"
        if not isinstance(e, case.bad.expect):
            return f"raised {type(e).__name__}, expected {case.bad.expect.__name__}: {message[:300]}"
        if not message.strip():
            return f"{type(e).__name__} with an empty message"
        if len(message) > MAX_MESSAGE:
            return f"{type(e).__name__} message of {len(message)} characters: {message[:200]}..."
        if "incompatible function arguments" in message:
            return f"pybind11's message leaked out: {message[:300]}"
        if case.bad.match and not re.search(case.bad.match, message):
            return f"{type(e).__name__} message {message[:300]!r} does not match {case.bad.match!r}"
        if isinstance(e, trygg.LoadError) and not e.diagnostics:
            return "LoadError without diagnostics"
        return ""
    except BaseException as e:  # noqa: BLE001 - anything else is the defect looked for
        return f"raised {type(e).__name__} (not TypeError, ValueError or trygg.Error): {str(e)[:300]}"
    finally:
        del value, kwargs
    if case.bad.expect is not None:
        return f"returned {type(result).__name__} instead of raising {case.bad.expect.__name__}"
    if isinstance(result, trygg.Report):
        result.to_json()
        result.to_text()
    return ""


# ---------------------------------------------------------------------------------------------
# Tests

if "pytest" in sys.modules:
    import pytest

    @pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
    def test_misuse(case: Case) -> None:
        problem = run_case(case)
        assert not problem, problem

    def _public_callables() -> dict[str, Callable[..., Any]]:
        """Every public function, constructor and method of the package."""
        out: dict[str, Callable[..., Any]] = {}
        for name in trygg.__all__:
            obj = getattr(trygg, name)
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                continue  # the exception classes
            if inspect.isfunction(obj):
                out[name] = obj
            elif inspect.isclass(obj):
                out[name] = obj
                for attr, member in vars(obj).items():
                    if not attr.startswith("_") and callable(getattr(obj, attr)) and not isinstance(member, property):
                        out[f"{name}.{attr}"] = getattr(obj, attr)
        return out

    def test_every_public_parameter_is_swept():
        public = _public_callables()
        assert set(public) == set(SWEEP), "SWEEP must list exactly the public callables"
        for name, func in public.items():
            params = _parameters(func.__init__ if inspect.isclass(func) else func)  # type: ignore[misc]
            swept = set(_misuses(name))
            assert set(params) == swept, f"{name}: parameters {params}, swept {sorted(swept)}"
            for param in params:
                assert _misuses(name)[param], f"{name}({param}=...) has no misuse case"

    def test_properties_of_valid_objects():
        """Not misuse, but the other half of the public surface: every property works."""
        for obj in (FW, ORG, REPORT):
            for attr, member in vars(type(obj)).items():
                if isinstance(member, property) and not attr.startswith("_"):
                    getattr(obj, attr)
        assert ORG.framework is FW

    def test_reassigned_framework_attribute_is_checked():
        org = trygg.load_organisation(KOMMUN, FW)
        org.framework = "base"  # type: ignore[assignment]
        with pytest.raises(TypeError, match="organisation.framework"):
            trygg.audit(org, as_of=AS_OF)
        with pytest.raises(TypeError, match="organisation.framework"):
            trygg.render_document("sam-follow-up", org, as_of=AS_OF)

    def test_undecodable_file_name_comes_back_as_given():
        name = str(_TMP / "\udcff-org.json")
        with pytest.raises(trygg.LoadError) as info:
            trygg.load_organisation(name)
        assert info.value.path == name
        assert "\ufffd" in str(info.value)  # the message stays printable
        if sys.platform != "win32":
            shutil.copy(KOMMUN, name)
            assert trygg.load_organisation(name).id == ORG.id

    def test_mismatched_frameworks_do_not_crash(tmp_path):
        """An organisation naming a measure of its own pack, audited and drafted with a framework
        that lacks the pack: a LoadError naming the measure, as loading it with that framework gives
        (issue 12: an organisation the audit cannot judge is refused, not audited silently), never
        a crash. With a framework that has the pack, reports."""
        pack = {"format": "trygg.pack/1", "id": "acme", "version": "1",
                "title": {"sv": "a", "nb": "b", "en": "c"},
                "measures": [{"id": "ACME-01", "name": "buddy", "area": "support",
                              "title": {"sv": "t", "nb": "t", "en": "t"}, "description": {"sv": "d", "nb": "d", "en": "d"},
                              "proposal": {"sv": "p", "nb": "p", "en": "p"},
                              "sources": [{"source": "s", "locator": "l"}], "cadence": "P1Y",
                              "audience": "employees", "severity": "high"}],
                "rules": [{"id": "ACME-01/written", "measure": "ACME-01", "check": "written",
                           "obligation": "good-practice"}]}
        (tmp_path / "acme.json").write_text(__import__("json").dumps(pack), encoding="utf-8")
        with_acme = trygg.Framework.with_pack_files([tmp_path / "acme.json"])
        doc = ORG.to_dict()
        doc["routines"].append({"id": "r-acme", "measures": ["ACME-01"], "written": True})
        doc["action_plan"].append({"id": "ap-acme", "title": "x", "measure": "ACME-01", "owner": "p-101",
                                   "due": "2026-03-31"})
        org = trygg.Organisation.from_dict(doc, with_acme)
        base_only = trygg.Framework.builtin(["base"])
        for fw in (base_only, FW):
            with pytest.raises(trygg.LoadError, match="ACME-01|SE-0"):
                trygg.audit(org, fw, as_of=AS_OF, preview=True)
        # The drafts rest on rules of the pack se (data/documents.json): without it, a usage
        # error naming the rule, before anything is audited.
        for kind, rule in (("dl-active-measures", "se.dl.3-13.written"), ("sam-follow-up", "se.sam.14")):
            with pytest.raises(trygg.UsageError, match=rule):
                trygg.render_document(kind, org, base_only, as_of=AS_OF)
        # The follow-up document includes the audit's findings, so it is refused as the audit is.
        assert trygg.render_document("dl-active-measures", org, FW, as_of=AS_OF)
        with pytest.raises(trygg.LoadError):
            trygg.render_document("sam-follow-up", org, FW, as_of=AS_OF)
        report = trygg.audit(org, with_acme, as_of=AS_OF, preview=True)
        assert report.to_json() and report.to_markdown() and report.to_text() and report.to_csv()
        for kind in ("dl-active-measures", "sam-follow-up"):
            assert trygg.render_document(kind, org, with_acme, as_of=AS_OF)
        base_org = trygg.load_organisation(ROOT / "examples" / "organisations" / "small-company.json",
                                           trygg.Framework.builtin(["base"]))
        assert trygg.audit(base_org, with_acme, as_of=AS_OF).results

    def test_sweep_does_not_crash_the_interpreter():
        """The whole sweep as a script in a subprocess: a segfault or abort would show as a
        negative return code (the signal), with the case that caused it printed last."""
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (os.path.dirname(trygg.__path__[0]), env.get("PYTHONPATH")) if p)
        p = subprocess.run([sys.executable, "-X", "faulthandler", __file__], capture_output=True, text=True, env=env,
                           timeout=300)
        last = p.stdout.strip().splitlines()[-1:] or ["(nothing)"]
        assert p.returncode >= 0, f"killed by signal {-p.returncode} in case {last[0]}\n{p.stderr[-3000:]}"
        assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
        assert f"{len(CASES)} cases" in p.stdout


def main() -> int:
    """Run every case, printing each before it runs (the last line names a crashing case)."""
    failures = 0
    for case in CASES:
        print(case.id.encode("ascii", "backslashreplace").decode(), flush=True)
        problem = run_case(case)
        if problem:
            failures += 1
            print(f"  FAILED: {problem}", flush=True)
    print(f"{len(CASES)} cases, {failures} failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
