"""The outcome of an audit."""

from __future__ import annotations

import importlib
import json
import os
from functools import cached_property
from typing import Any, cast

from . import _core
from ._report_format import expand_findings, expand_result
from ._framework import Framework
from ._validate import flag, path_bytes

__all__ = ["Report"]

_LANGUAGES = ("sv", "nb", "en")
_SEVERITIES = ("info", "low", "medium", "high", "critical")
_CSV_DIALECTS = ("machine", "excel")
_MAX_WIDTH = 2**31 - 1  # the core's int


def _fresh(value: Any) -> Any:
    """A deep copy of parsed JSON (dicts, lists and scalars), several times faster than
    copy.deepcopy. The accessors hand these out, so that a caller who edits what they got
    cannot change the report that repr(), to_dataframe() and the other accessors read."""
    if isinstance(value, dict):
        return {k: _fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    return value


def _lang(lang: str | None) -> str | None:
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str or None, not {type(lang).__name__}")
    if lang not in _LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(_LANGUAGES)}, not {lang!r}")
    return lang


class Report:
    """The report of one audit: a result for every rule and subject, findings for what is not
    a pass, maturity scores and the ordered action plan.

    The data properties follow the JSON report format (docs/report-format.md), in the
    report's language; the ``to_*`` methods render it in any language. Each access to a data
    property returns a new copy: changing it leaves the report as it was, so keep the value in
    a variable rather than reading the property inside a loop.
    """

    __slots__ = ("__dict__", "_impl", "_framework")

    def __init__(self, impl: _core.Report) -> None:
        if not isinstance(impl, _core.Report):
            raise TypeError("use trygg.audit() to make a Report")
        self._impl = impl
        self._framework: Framework | None = None

    @classmethod
    def _made(cls, impl: _core.Report, framework: Framework) -> Report:
        """A report with the framework it was made with (which pickling sends along)."""
        report = cls(impl)
        report._framework = framework
        return report

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the core's compact bytes and the framework it was made with (pickled once
        for many reports; a built-in framework is a few bytes). Unpickling needs the same trygg
        version."""
        if self._framework is None:
            raise TypeError("this Report cannot be pickled: it was not made by trygg.audit() or audit_many()")
        return (_report_from_bytes, (self._framework, _core.report_to_bytes(self._impl)))

    @property
    def organisation_id(self) -> str:
        """The audited organisation's id."""
        return self._impl.organisation_id

    @property
    def organisation_name(self) -> str:
        return self._impl.organisation_name

    @property
    def country(self) -> str:
        return self._impl.country

    @property
    def sector(self) -> str:
        """The organisation's sector, "" when the input does not state it."""
        return self._impl.sector

    @property
    def headcount(self) -> int | None:
        """The organisation's total headcount, None when not known."""
        return self._impl.headcount

    @property
    def size_band(self) -> str:
        """The size band by headcount: "1-9", "10-24", "25-49", "50-249", "250+" or "unknown"."""
        return _core.size_band(self._impl.headcount)

    @property
    def language(self) -> str:
        """The report's language: "sv", "nb" or "en"."""
        return self._impl.language

    @property
    def as_of(self) -> str:
        """The date the audit was made as of, YYYY-MM-DD."""
        return self._impl.as_of

    @cached_property
    def _data(self) -> dict[str, Any]:
        return cast("dict[str, Any]", json.loads(self._impl.to_json_text(None, -1)))

    @property
    def results(self) -> list[dict[str, Any]]:
        """A result for every rule and subject, with its rule's measure, area, check, severity
        and obligation (a new copy on each access)."""
        data = self._data
        return [cast("dict[str, Any]", _fresh(expand_result(data, r))) for r in data["results"]]

    @cached_property
    def _findings(self) -> list[dict[str, Any]]:
        return expand_findings(self._data)

    @property
    def findings(self) -> list[dict[str, Any]]:
        """The results that are not a pass (fail, partial, not assessed), each with its result,
        citations and proposal (a new copy on each access)."""
        return cast("list[dict[str, Any]]", _fresh(self._findings))

    @property
    def waivers(self) -> list[dict[str, Any]]:
        """Every waiver given to the audit with what became of it (state "applied", "expired",
        "not-yet" or "unmatched"), as in the JSON report's ``waivers`` (a new copy on each access)."""
        return cast("list[dict[str, Any]]", _fresh(self._data.get("waivers", [])))

    @property
    def area_scores(self) -> dict[str, float]:
        """Mean maturity (0-4) per area id, over the measures that apply."""
        return self._impl.area_score_pairs

    @property
    def measure_scores(self) -> dict[str, int]:
        """Maturity (0-4) per measure id."""
        return self._impl.measure_score_pairs

    @property
    def action_plan(self) -> list[dict[str, Any]]:
        """Proposed measures, dependencies first, then by severity and due date (a new copy on
        each access)."""
        return cast("list[dict[str, Any]]", _fresh(self._data["action_plan"]))

    @property
    def routines(self) -> list[dict[str, Any]]:
        """Each routine against the element requirements of every regime it serves:
        ``{"routine", "pointer", "requirements": [{"rule", "measure", "satisfied", "missing",
        "citations"}]}`` (a new copy on each access)."""
        return cast("list[dict[str, Any]]", _fresh(self._data["routines"]))

    @property
    def summary(self) -> dict[str, Any]:
        """Counts of results by status, and of findings by severity (a new copy on each access)."""
        return cast("dict[str, Any]", _fresh(self._data["summary"]))

    def count_at_or_above(self, severity: str) -> int:
        """How many findings count against ``--fail-on severity``."""
        if not isinstance(severity, str):
            raise TypeError(f"severity must be a str, not {type(severity).__name__}")
        if severity not in _SEVERITIES:
            raise ValueError(f"severity must be one of {', '.join(_SEVERITIES)}, not {severity!r}")
        return self._impl.count_at_or_above(severity)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The JSON report (format trygg.report/2) as a dict."""
        return cast("dict[str, Any]", json.loads(self._impl.to_json_text(_lang(lang), -1)))

    def to_json(self, lang: str | None = None, indent: int | None = 2) -> str:
        """The JSON report (format trygg.report/2). Byte-identical for the same input."""
        if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= 16):
            raise ValueError("indent must be an int from 0 to 16, or None")
        return self._impl.to_json_text(_lang(lang), -1 if indent is None else indent)

    def to_markdown(self, lang: str | None = None, *, legal_only: bool = False) -> str:
        """Markdown, with the framework form (exists today / proposed measures) filled in and
        the findings grouped per measure, law and regulation first (``legal_only``: only those)."""
        return self._impl.to_markdown(_lang(lang), flag(legal_only, "legal_only"))

    def to_text(
        self, lang: str | None = None, *, colour: bool = False, width: int = 80, legal_only: bool = False
    ) -> str:
        """The terminal report, wrapped to ``width`` columns (at least 40 are used), findings
        grouped per measure, law and regulation first (``legal_only``: only those)."""
        if isinstance(width, bool) or not isinstance(width, int):
            raise TypeError(f"width must be an int, not {type(width).__name__}")
        if not 1 <= width <= _MAX_WIDTH:
            raise ValueError(f"width must be an int from 1 to {_MAX_WIDTH}")
        return self._impl.to_text(_lang(lang), flag(colour, "colour"), width, flag(legal_only, "legal_only"))

    def to_csv(self, lang: str | None = None, *, dialect: str = "machine") -> str:
        """Findings as CSV, one row per finding (docs/report-format.md, "CSV").

        ``dialect="machine"`` (the default) is comma-separated UTF-8 for programs;
        ``dialect="excel"`` is for Excel with Swedish or Norwegian regional settings: a
        byte-order mark, ``;`` between fields. Both have the same columns and rows, every field
        quoted and kept from starting a formula.
        """
        if not isinstance(dialect, str):
            raise TypeError(f"dialect must be a str, not {type(dialect).__name__}")
        if dialect not in _CSV_DIALECTS:
            raise ValueError(f"dialect must be one of {', '.join(_CSV_DIALECTS)}, not {dialect!r}")
        return self._impl.to_csv(_lang(lang), dialect)

    def to_xlsx(self, path: str | os.PathLike[str], lang: str | None = None, *, legal_only: bool = False) -> None:
        """Write the report as an Excel workbook (docs/report-format.md, "Spreadsheet"): sheets
        Summary, Action plan (with empty owner, status and comment columns to fill in),
        Findings and Units, headers in the report's language.

        The file is written atomically and readable by its owner only; an existing file is
        replaced only when trygg wrote it (else trygg.Error). ``legal_only`` keeps only the
        legal findings and the plan entries that address one.
        """
        self._impl.to_xlsx(path_bytes(path, "path"), _lang(lang), flag(legal_only, "legal_only"))

    def to_html(self, lang: str | None = None, *, legal_only: bool = False) -> str:
        """The HTML report: one self-contained page that loads nothing and prints to A4.
        ``legal_only`` leaves good-practice findings out of its findings section."""
        return self._impl.to_html(_lang(lang), flag(legal_only, "legal_only"))

    def _repr_html_(self) -> str:
        """A compact summary for notebooks (Jupyter shows it for a Report)."""
        return self._impl.to_html_summary(None)

    def to_dataframe(self) -> Any:
        """Findings as a ``pandas.DataFrame``, one row per finding (needs pandas).

        Typed as Any so that the package type-checks without pandas' stubs installed.
        """
        pd = importlib.import_module("pandas")

        data = self._data
        waivers = data.get("waivers", [])
        waived = {
            f["fingerprint"]: waivers[f["waiver"]]["reason"]
            for f in data["findings"]
            if "waiver" in f and data["results"][f["result"]]["status"] == "waived"
        }
        rows = [
            {
                "fingerprint": f["fingerprint"],
                "rule": f["rule"],
                "measure": f["measure"],
                "area": f["area"],
                "subject_kind": f["subject"]["kind"],
                "subject_id": f["subject"]["id"],
                "status": f["status"],
                "severity": f["severity"],
                "obligation": f["obligation"],
                "message": f["message"]["text"],
                "due": f["proposal"]["due"],
                "waived_reason": waived.get(f["fingerprint"]),
            }
            for f in self._findings  # read only: the rows copy what they take
        ]
        for row, (change, first_seen) in zip(rows, self._change_columns()):
            row["change"], row["first_seen"] = change, first_seen
        columns = ["fingerprint", "rule", "measure", "area", "subject_kind", "subject_id", "status", "severity",
                   "obligation", "message", "due", "waived_reason", "change", "first_seen"]
        return pd.DataFrame(rows, columns=columns)

    # --- Compared with last time (issue 16; python/trygg/_history.py) ---

    @property
    def comparison(self) -> dict[str, Any] | None:
        """The comparison with a baseline as the JSON report carries it (baseline, counts,
        by_area, by_severity, resolved), or None when the report was not compared."""
        found = self._data.get("comparison")
        return None if found is None else cast("dict[str, Any]", _fresh(found))

    def compare(self, baseline: Any) -> Report:
        """A new report: this one compared with ``baseline`` (a JSON report's path, a Report
        or a JSON report as a dict). This report stays as it was."""
        from ._history import compared

        return compared(self, baseline)

    def _change_columns(self) -> list[tuple[str | None, str | None]]:
        """(change, first_seen) per finding, None when not compared."""
        return [(f.get("change"), f.get("first_seen")) for f in self._data["findings"]]

    def __repr__(self) -> str:
        return f"Report(as_of={self.as_of!r}, results={self._impl.result_count}, findings={self._impl.finding_count})"


def _report_from_bytes(framework: Framework, data: bytes) -> Report:
    return Report._made(_core.report_from_bytes(data, framework._impl), framework)
