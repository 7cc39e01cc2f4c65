"""The trend over reports of one organisation (docs/history.md, "Trends")."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from typing import Any

from . import _core
from ._framework import Framework
from ._report import Report, _lang

__all__ = ["Trend", "trend"]

#: The kinds of figure in the tidy frame, in the order each date lists them.
TREND_KINDS = ("area", "measure", "legal_findings", "plan_done", "plan_items")


def _sources(reports: Any) -> list[Any]:
    if isinstance(reports, (str, os.PathLike, Report)) or not isinstance(reports, Iterable):
        raise TypeError(
            f"reports must be a list of report files (str or os.PathLike) or trygg.Report objects, "
            f"not {type(reports).__name__}"
        )
    out: list[Any] = []
    for i, r in enumerate(reports):
        if isinstance(r, Report):
            out.append(r._impl)
            continue
        if not isinstance(r, (str, os.PathLike)):
            raise TypeError(f"reports[{i}] must be a str, an os.PathLike or a trygg.Report, not {type(r).__name__}")
        path = os.fspath(r)
        if not isinstance(path, str):
            raise TypeError(f"reports[{i}] must be a str path, not a {type(path).__name__} path")
        if "\0" in path:
            raise ValueError(f"reports[{i}] must not contain a NUL character")
        out.append(path)
    if not out:
        raise ValueError("reports must hold at least one report")
    return out


class Trend:
    """Reports of one organisation in date order: maturity per area and per measure, findings
    against law and regulation, and the rows of its own action plan done.

    Made by :meth:`Trend.of`; :func:`trend` gives its tidy DataFrame directly.
    """

    __slots__ = ("_impl", "_framework")

    def __init__(self, impl: _core.Trend, framework: Framework) -> None:
        if not isinstance(impl, _core.Trend):
            raise TypeError("use trygg.Trend.of() to make a Trend")
        self._impl = impl
        self._framework = framework

    @classmethod
    def of(cls, reports: Iterable[str | os.PathLike[str] | Report], *, framework: Framework | None = None) -> Trend:
        """The trend over JSON report files or reports in memory, in any order.

        :param framework: where the titles of areas and measures come from (default: built in).
        :raises trygg.UsageError: for reports of different organisations, or two on one date.
        :raises trygg.LoadError: for a file that is not a JSON report.
        """
        if framework is None:
            framework = Framework.builtin()
        elif not isinstance(framework, Framework):
            raise TypeError(f"framework must be a trygg.Framework or None, not {type(framework).__name__}")
        return cls(_core.make_trend(_sources(reports)), framework)

    @property
    def organisation_id(self) -> str:
        return self._impl.organisation_id

    @property
    def organisation_name(self) -> str:
        return self._impl.organisation_name

    @property
    def dates(self) -> list[str]:
        """The as-of dates, oldest first (YYYY-MM-DD)."""
        return list(self._impl.dates)

    def rows(self) -> list[tuple[str, str, str, float]]:
        """The tidy rows (as_of, kind, id, value); id is "" for legal_findings and the plan."""
        return list(self._impl.rows())

    def to_dataframe(self) -> Any:
        """A tidy pandas DataFrame: columns as_of (datetime64), kind (one of area, measure,
        legal_findings, plan_done, plan_items), id and value (float). Needs pandas."""
        pd = importlib.import_module("pandas")
        frame = pd.DataFrame(self.rows(), columns=["as_of", "kind", "id", "value"])
        frame["as_of"] = pd.to_datetime(frame["as_of"])
        frame["value"] = frame["value"].astype("float64")
        return frame

    def to_json(self) -> str:
        """Format trygg.trend/1 (docs/report-format.md, "Trend")."""
        return self._impl.to_json_text()

    def to_csv(self) -> str:
        """Tidy CSV: as_of, kind, id, value."""
        return self._impl.to_csv()

    def to_text(self, lang: str = "en") -> str:
        return self._impl.to_text(_lang(lang) or "en", self._framework._impl)

    def to_markdown(self, lang: str = "en") -> str:
        return self._impl.to_markdown(_lang(lang) or "en", self._framework._impl)

    def to_html(self, lang: str = "en") -> str:
        """One HTML page: an SVG line chart per area over the dates and the same figures as tables."""
        return self._impl.to_html(_lang(lang) or "en", self._framework._impl)

    def __repr__(self) -> str:
        dates = self.dates
        return f"Trend(organisation_id={self.organisation_id!r}, reports={len(dates)}, {dates[0]} to {dates[-1]})"


def trend(reports: Iterable[str | os.PathLike[str] | Report], *, framework: Framework | None = None) -> Any:
    """The trend over reports of one organisation as a tidy pandas DataFrame (as_of, kind, id,
    value): see :meth:`Trend.to_dataframe`. ``Trend.of(reports)`` gives the other formats."""
    return Trend.of(reports, framework=framework).to_dataframe()
