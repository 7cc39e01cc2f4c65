"""Compared with last time (docs/report-format.md, "Comparison"): a report compared with its
baseline, and two reports compared (``trygg.diff``)."""

from __future__ import annotations

import importlib
import json
import os
from typing import Any, cast

from . import _core
from ._report import Report, _lang
from ._validate import path_bytes

__all__ = ["Diff", "diff"]

_SEVERITIES = ("info", "low", "medium", "high", "critical")
_FORMATS = ("text", "json", "md")
_ROW_COLUMNS = ["change", "fingerprint", "rule", "measure", "area", "subject_kind", "subject_id", "severity",
                "obligation", "status", "before", "first_seen"]


def snapshot(value: Any, what: str) -> _core.Snapshot:
    """What a baseline or a report to compare names: a JSON report's path, a Report, or a
    JSON report as a dict."""
    if isinstance(value, Report):
        return _core.Snapshot.of(value._impl)
    if isinstance(value, dict):
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise ValueError(f"{what}: the dict is not a JSON report ({e})") from None
        return _core.Snapshot.parse(text, f"<{what}>")
    if isinstance(value, (str, os.PathLike)):
        return _core.Snapshot.load(path_bytes(value, what))
    raise TypeError(f"{what} must be a path, a trygg.Report or a JSON report as a dict, not {type(value).__name__}")


def compared(report: Report, baseline: Any) -> Report:
    """A new report: ``report`` compared with ``baseline`` (the given one stays as it was)."""
    base = snapshot(baseline, "baseline")
    return Report._made(_core.compared(report._impl, base), report._framework)  # type: ignore[arg-type]


def severity_arg(severity: Any) -> str:
    if not isinstance(severity, str):
        raise TypeError(f"severity must be a str, not {type(severity).__name__}")
    if severity not in _SEVERITIES:
        raise ValueError(f"severity must be one of {', '.join(_SEVERITIES)}, not {severity!r}")
    return severity


class Diff:
    """Two reports of one organisation compared, as ``trygg-check diff OLD NEW`` does: each
    finding of the newer report new, unchanged or changed, with the date it was first seen,
    and the findings of the older one that are resolved (docs/report-format.md, "Diff")."""

    __slots__ = ("_impl", "_doc")

    def __init__(self, impl: _core.Diff) -> None:
        if not isinstance(impl, _core.Diff):
            raise TypeError("use trygg.diff() to make a Diff")
        self._impl = impl
        self._doc: dict[str, Any] | None = None

    def _data(self) -> dict[str, Any]:
        if self._doc is None:
            self._doc = cast("dict[str, Any]", json.loads(self._impl.render("json", "en")))
        return self._doc

    @property
    def counts(self) -> dict[str, int]:
        """``{"new", "unchanged", "changed", "resolved"}``: how many findings are each."""
        return dict(self._data()["counts"])

    @property
    def by_area(self) -> dict[str, dict[str, int]]:
        """The counts per area id."""
        return {k: dict(v) for k, v in self._data()["by_area"].items()}

    @property
    def by_severity(self) -> dict[str, dict[str, int]]:
        """The counts per severity."""
        return {k: dict(v) for k, v in self._data()["by_severity"].items()}

    @property
    def findings(self) -> list[dict[str, Any]]:
        """Every finding of the newer report with its change, then the resolved ones (a new
        copy on each access)."""
        return cast("list[dict[str, Any]]", json.loads(json.dumps(self._data()["findings"])))

    def count_new_at_or_above(self, severity: str) -> int:
        """How many new findings (not waived) count against ``--fail-on-new severity``."""
        return self._impl.count_new_at_or_above(severity_arg(severity))

    def to_json(self, indent: int | None = 2) -> str:
        """The diff as JSON, format ``trygg.diff/1``."""
        if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= 16):
            raise ValueError("indent must be an int from 0 to 16, or None")
        text = self._impl.render("json", "en")
        if indent == 2:
            return text
        return json.dumps(json.loads(text), ensure_ascii=False, indent=indent, sort_keys=True) + "\n"

    def to_text(self, lang: str | None = None) -> str:
        """The diff as the checker prints it."""
        return self._impl.render("text", _lang(lang) or "en")

    def to_markdown(self, lang: str | None = None) -> str:
        """The diff as Markdown."""
        return self._impl.render("md", _lang(lang) or "en")

    def to_dataframe(self) -> Any:
        """One row per finding, the resolved ones included: change, fingerprint, rule,
        measure, area, subject, severity, obligation, status, before (None unless the older
        report had the finding) and first_seen (needs pandas)."""
        pd = importlib.import_module("pandas")
        rows = [
            {
                "change": f["change"],
                "fingerprint": f["fingerprint"],
                "rule": f["rule"],
                "measure": f["measure"],
                "area": f["area"],
                "subject_kind": f["subject"]["kind"],
                "subject_id": f["subject"]["id"],
                "severity": f["severity"],
                "obligation": f["obligation"],
                "status": f["status"],
                "before": f.get("before"),
                "first_seen": f["first_seen"],
            }
            for f in self._data()["findings"]
        ]
        return pd.DataFrame(rows, columns=_ROW_COLUMNS).astype({"before": object})

    def __repr__(self) -> str:
        c = self.counts
        return (f"Diff(new={c['new']}, unchanged={c['unchanged']}, changed={c['changed']}, "
                f"resolved={c['resolved']})")


def diff(old: Any, new: Any) -> Diff:
    """Compare two reports of one organisation: each a JSON report's path, a Report or a JSON
    report as a dict, the older first.

    :raises trygg.LoadError: for a file that is not a JSON report this version reads.
    :raises trygg.UsageError: for reports of two organisations, or the older dated after.
    """
    return Diff(_core.Diff(snapshot(old, "old"), snapshot(new, "new")))
