"""Many organisations at once: audit_many() and the ReportSet it returns (docs/scaling.md)."""

from __future__ import annotations

import datetime
import importlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from . import _core
from ._arguments import as_of_text
from ._errors import Error, UsageError
from ._framework import Framework
from ._organisation import Organisation, _limits
from ._organisation import DEFAULT_MAX_DEPTH, DEFAULT_MAX_ENTITIES, DEFAULT_MAX_ERRORS, DEFAULT_MAX_FILE_BYTES
from ._organisation import DEFAULT_MAX_STRING_BYTES
from ._report import Report, _lang
from ._waivers import waiver_lists
from ._waivers import waiver_policy as waiver_policy_of

__all__ = ["BatchFailure", "ReportSet", "audit_many"]

_ERRORS = ("collect", "raise")
_ORG_COLUMNS = ("organisation", "country", "sector", "size_band")


@dataclass(frozen=True)
class BatchFailure:
    """A source of a batch that gave no report: its name and the error (usually a
    trygg.LoadError with the file, JSON Pointer, expected and found)."""

    source: str
    error: Error

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise TypeError(f"source must be a str, not {type(self.source).__name__}")
        if not isinstance(self.error, BaseException):
            raise TypeError(f"error must be an exception, not {type(self.error).__name__}")


def _min_organisations(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"min_organisations must be an int, not {type(value).__name__}")
    if value < 5:
        raise UsageError(f"min_organisations must be at least 5 (docs/privacy.md), not {value}")
    return value


def _pandas() -> Any:
    return importlib.import_module("pandas")


class ReportSet:
    """The reports of many organisations, keyed by organisation id in input order, and the
    sources that failed. Frames stack every report with the organisation's id, country,
    sector and size band as columns; pickles compactly (one framework for all reports)."""

    __slots__ = ("_reports", "_sources", "_failures", "__weakref__")

    def __init__(self, reports: Iterable[Report] = (), failures: Iterable[BatchFailure] = (),
                 sources: Iterable[str] | None = None) -> None:
        self._reports: dict[str, Report] = {}
        self._sources: dict[str, str] = {}
        self._failures: list[BatchFailure] = [f if isinstance(f, BatchFailure) else BatchFailure(*f) for f in failures]
        names = list(sources) if sources is not None else None
        for i, report in enumerate(reports):
            if not isinstance(report, Report):
                raise TypeError(f"a ReportSet holds trygg.Report objects, not {type(report).__name__}")
            source = names[i] if names is not None else f"<report {i}>"
            key = report.organisation_id
            if key in self._reports:
                raise ValueError(f"two reports of organisation {key!r}: from {self._sources[key]} and {source}")
            self._reports[key] = report
            self._sources[key] = source

    @classmethod
    def from_reports(cls, reports: Iterable[Report], failures: Iterable[BatchFailure] = ()) -> ReportSet:
        """A set of reports made elsewhere (gathered from Dask or a process pool)."""
        return cls(reports, failures)

    @classmethod
    def concat(cls, sets: Iterable[ReportSet]) -> ReportSet:
        """One set of several, in order; an organisation id in two of them is a ValueError."""
        reports: list[Report] = []
        sources: list[str] = []
        failures: list[BatchFailure] = []
        for s in sets:
            if not isinstance(s, ReportSet):
                raise TypeError(f"concat takes ReportSets, not {type(s).__name__}")
            for key, report in s._reports.items():
                reports.append(report)
                sources.append(s._sources[key])
            failures.extend(s._failures)
        return cls(reports, failures, sources)

    # -- the collection ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._reports)

    def __iter__(self) -> Iterator[Report]:
        return iter(self._reports.values())

    def __contains__(self, organisation_id: object) -> bool:
        return organisation_id in self._reports

    def __getitem__(self, organisation_id: str) -> Report:
        try:
            return self._reports[organisation_id]
        except KeyError:
            raise KeyError(f"no report of organisation {organisation_id!r} in this set") from None

    @property
    def ids(self) -> list[str]:
        """Organisation ids, in input order."""
        return list(self._reports)

    @property
    def reports(self) -> dict[str, Report]:
        """Organisation id -> Report, in input order (a new dict)."""
        return dict(self._reports)

    @property
    def sources(self) -> dict[str, str]:
        """Organisation id -> the source it came from (a path, or "<item N>")."""
        return dict(self._sources)

    @property
    def failures(self) -> list[BatchFailure]:
        """Sources that gave no report, in input order."""
        return list(self._failures)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_report_set, (list(self._reports.values()), list(self._sources.values()),
                              [(f.source, f.error) for f in self._failures]))

    def __repr__(self) -> str:
        return f"ReportSet(reports={len(self._reports)}, failures={len(self._failures)})"

    # -- frames --------------------------------------------------------------------------
    def _impls(self) -> list[_core.Report]:
        return [r._impl for r in self._reports.values()]

    def _organisation_categoricals(self, pd: Any, codes: Any) -> dict[str, Any]:
        """The organisation columns for rows whose organisation codes are `codes`."""
        np = importlib.import_module("numpy")
        orgs = _core.organisation_columns(self._impls())
        out: dict[str, Any] = {}
        for column, key in zip(_ORG_COLUMNS, ("id", "country", "sector", "size_band")):
            values = orgs[key]
            categories = list(dict.fromkeys(values))
            index = {v: i for i, v in enumerate(categories)}
            per_org = np.fromiter((index[v] for v in values), dtype=np.int32, count=len(values))
            out[column] = pd.Categorical.from_codes(per_org[codes] if len(values) else codes, categories=categories)
        return out

    def _frame(self, table: str, columns: list[tuple[str, str]]) -> Any:
        pd = _pandas()
        np = importlib.import_module("numpy")
        c = _core.report_columns(self._impls(), table)
        data = self._organisation_categoricals(pd, c["organisation"])
        categories = {"rule": c["rule_ids"], "measure": c["measure_ids"], "area": c["area_ids"],
                      "status": c["statuses"], "severity": c["severities"], "obligation": c["obligations"],
                      "subject_id": c["subject_ids"], "subject_kind": ["organisation", "unit"]}
        for name, kind in columns:
            if kind == "category":
                data[name] = pd.Categorical.from_codes(c[name].astype(np.int32), categories=categories[name])
            elif kind == "date":
                data[name] = c[name].astype("datetime64[D]").astype("datetime64[s]")
            elif kind == "fingerprint":
                data[name] = np.frombuffer(c["fingerprint"], dtype="S16").astype(str).astype(object)
            elif kind == "rules":
                data[name] = c["rules"]
            else:
                source, dtype = kind.split(":")
                data[name] = c[source].astype(dtype)
        return pd.DataFrame(data)

    def results_frame(self) -> Any:
        """One row per result of every report (needs pandas)."""
        return self._frame("results", [("rule", "category"), ("measure", "category"), ("area", "category"),
                                       ("subject_kind", "category"), ("subject_id", "category"),
                                       ("status", "category"), ("severity", "category"),
                                       ("obligation", "category")])

    def findings_frame(self) -> Any:
        """One row per finding of every report, with its fingerprint and due date (needs pandas)."""
        return self._frame("findings", [("fingerprint", "fingerprint"), ("rule", "category"), ("measure", "category"),
                                        ("area", "category"), ("subject_kind", "category"),
                                        ("subject_id", "category"), ("status", "category"),
                                        ("severity", "category"), ("obligation", "category"), ("due", "date")])

    def scores_frame(self, by: str = "area") -> Any:
        """Maturity per organisation and area (``by="area"``: score 0-4, measures scored,
        findings) or per organisation and measure (``by="measure"``: maturity 0-4)."""
        if by == "area":
            return self._frame("area_scores", [("area", "category"), ("score", "score:float64"),
                                               ("measures", "count:int32"), ("findings", "order:int32")])
        if by == "measure":
            return self._frame("measure_scores", [("measure", "category"), ("area", "category"),
                                                  ("maturity", "score:int8")])
        raise ValueError(f"by must be 'area' or 'measure', not {by!r}")

    def plan_frame(self) -> Any:
        """One row per proposed measure of every report, in each report's plan order."""
        return self._frame("plan", [("order", "order:int32"), ("measure", "category"), ("area", "category"),
                                    ("severity", "category"), ("due", "date"), ("rules", "rules"),
                                    ("findings", "count:int32")])

    # -- peer benchmarks -----------------------------------------------------------------
    def _groups(self, by: str | Mapping[str, str]) -> tuple[list[str], str]:
        if isinstance(by, str):
            return [], by
        if isinstance(by, Mapping) or hasattr(by, "to_dict"):
            mapping = dict(by.to_dict() if hasattr(by, "to_dict") else by)
            missing = [k for k in self._reports if k not in mapping]
            if missing:
                raise ValueError(f"by has no group for organisation {missing[0]!r}")
            return [str(mapping[k]) for k in self._reports], "custom"
        raise TypeError(f"by must be a dimension name or a mapping of organisation id to group, not {type(by).__name__}")

    def benchmark_data(self, by: str | Mapping[str, str] = "all", *, min_organisations: int = 5) -> dict[str, Any]:
        """The peer benchmark as the core computes it (docs/privacy.md, "Peer benchmarks")."""
        groups, dimension = self._groups(by)
        _min_organisations(min_organisations)
        return cast("dict[str, Any]", json.loads(_core.peer_benchmark(self._impls(), groups, dimension, min_organisations)))

    def benchmark(self, by: str | Mapping[str, str] = "all", *, min_organisations: int = 5) -> Any:
        """The peer benchmark as a DataFrame: one row per group and measure (each area's
        maturity, and ``legal-findings-per-100``) with the organisations counted, whether the
        figures are shown, and the 20th, 50th (median) and 80th percentiles. A group's figures
        are shown only when it holds at least ``min_organisations`` (at least 5) organisations
        and no smaller group can be worked out from the shown ones (docs/privacy.md)."""
        pd = _pandas()
        data = self.benchmark_data(by, min_organisations=min_organisations)
        rows = []
        for group in data["groups"]:
            for figure in group.get("figures", []):
                shown = figure.get("shown", True) and "p50" in figure
                rows.append({"group": group["name"], "disclosure": group["disclosure"], "measure": figure["measure"],
                             "organisations": figure.get("organisations"), "shown": shown,
                             "p20": figure.get("p20"), "p50": figure.get("p50"), "p80": figure.get("p80")})
        columns = ["group", "disclosure", "measure", "organisations", "shown", "p20", "p50", "p80"]
        return pd.DataFrame(rows, columns=columns)

    def bands(self, by: str | Mapping[str, str] = "all", *, min_organisations: int = 5) -> Any:
        """Each organisation's band per area against its group, HSE-style: red under the 20th
        percentile, yellow 20-50, aqua 50-80, green from the 80th; only for shown groups."""
        pd = _pandas()
        data = self.benchmark_data(by, min_organisations=min_organisations)
        rows = [{"organisation": o["id"], "group": o["group"], "area": area, "band": band}
                for o in data.get("organisations", []) for area, band in o["bands"].items()]
        frame = pd.DataFrame(rows, columns=["organisation", "group", "area", "band"])
        frame["band"] = pd.Categorical(frame["band"], categories=["red", "yellow", "aqua", "green", "none"])
        return frame

    def to_html(self, lang: str | None = None, *, benchmark: str | None = None, min_organisations: int = 5) -> str:
        """The set as one self-contained HTML page (as ``trygg-check batch --format html``): an
        overview row per organisation, the sources that failed and, with ``benchmark`` (a
        dimension: "all", "country", "sector", "size-band"), the peer benchmark per area."""
        if benchmark is not None and not isinstance(benchmark, str):
            raise TypeError(f"benchmark must be a dimension name or None, not {type(benchmark).__name__}")
        _min_organisations(min_organisations)
        reports = list(self._reports.values())
        language = _lang(lang) or (reports[0].language if reports else "en")
        as_of = reports[0].as_of if reports else datetime.date.today().isoformat()
        return _core.report_set_html([r._impl for r in reports], list(self._sources.values()),
                                     [(f.source, str(f.error)) for f in self._failures], as_of, language,
                                     benchmark, min_organisations)

    # -- display -------------------------------------------------------------------------
    def _repr_html_(self) -> str:
        from html import escape

        rows = []
        for key, report in list(self._reports.items())[:20]:
            scores = report.area_scores
            mean = sum(scores.values()) / len(scores) if scores else 0.0
            rows.append(f"<tr><td>{escape(key)}</td><td>{escape(report.country)}</td>"
                        f"<td>{escape(report.size_band)}</td><td>{report._impl.finding_count}</td>"
                        f"<td>{mean:.1f}</td></tr>")
        more = len(self._reports) - len(rows)
        tail = f"<p>… and {more} more</p>" if more > 0 else ""
        failed = f"<p>{len(self._failures)} sources failed to load</p>" if self._failures else ""
        return ("<div class='trygg-report-set'><table><caption>trygg.ReportSet: "
                f"{len(self._reports)} reports</caption><thead><tr><th scope='col'>organisation</th>"
                "<th scope='col'>country</th><th scope='col'>size band</th><th scope='col'>findings</th>"
                "<th scope='col'>mean maturity</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
                + tail + failed + "</div>")


def _report_set(reports: list[Report], sources: list[str], failures: list[tuple[str, Error]]) -> ReportSet:
    return ReportSet(reports, [BatchFailure(s, e) for s, e in failures], sources)


def _source(item: Any, i: int) -> tuple[int, bytes, str] | Organisation:
    """(kind, value, name) for the core: kind 0 is a path, 1 JSON text."""
    if isinstance(item, Organisation):
        return item
    if isinstance(item, os.PathLike):
        return (0, os.fsencode(item), os.fsdecode(item))
    if isinstance(item, str):
        if item.lstrip().startswith("{"):
            return (1, item.encode("utf-8", "surrogatepass"), f"<item {i}>")
        return (0, os.fsencode(item), item)
    if isinstance(item, (bytes, bytearray, memoryview)):
        return (1, bytes(item), f"<item {i}>")
    if isinstance(item, Mapping):
        try:
            text = json.dumps(item, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError(f"source {i}: a document must hold only JSON values: {e}") from None
        return (1, text.encode("utf-8", "surrogatepass"), f"<item {i}>")
    raise TypeError(f"source {i}: expected a path, JSON text, a dict or a trygg.Organisation, "
                    f"not {type(item).__name__}")


def _progress_bar(progress: bool | None, total: int | None) -> Any:
    if progress is False or total == 0:
        return None
    try:
        tqdm = importlib.import_module("tqdm.auto")
    except ImportError:
        if progress:
            raise ImportError("progress=True needs tqdm: pip install tqdm") from None
        return None
    if progress is None and not (sys.stderr.isatty() or "ipykernel" in sys.modules):
        return None
    return tqdm.tqdm(total=total, unit="org")


def audit_many(
    sources: Iterable[Any],
    *,
    framework: Framework | None = None,
    as_of: str | datetime.date | None = None,
    lang: str | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    errors: str = "collect",
    waivers: Any = None,
    waiver_policy: Mapping[str, int] | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_entities: int = DEFAULT_MAX_ENTITIES,
    max_string_bytes: int = DEFAULT_MAX_STRING_BYTES,
    max_errors: int = DEFAULT_MAX_ERRORS,
) -> ReportSet:
    """Load and audit many organisations in parallel, in the C++ core's threads.

    :param sources: paths (str or os.PathLike; a str whose first non-space character is "{"
        is JSON text), JSON texts as bytes, documents as dicts, or loaded trygg.Organisation
        objects (all of one kind or mixed).
    :param framework: default: the built-in packs (for Organisations: the one each was loaded with).
    :param workers: threads (default: every core). The result is the same for any number.
    :param progress: a tqdm progress bar: True, False, or None (when stderr is a terminal or
        in a notebook, if tqdm is installed).
    :param errors: "collect" (default) keeps each failing source's error in
        ``ReportSet.failures`` and goes on; "raise" raises the first source's error.
    :param waivers: accepted findings for every organisation, as for :func:`trygg.audit`
        (a waiver file's path, a trygg.Waivers, or a list of entries as dicts); a waiver that
        names nothing of an organisation is listed as unmatched in its report.
    :param waiver_policy: ``{"max_months": 12, "max_months_legal": 6}``, as for :func:`trygg.audit`.
    :returns: a ReportSet in input order. Two sources with the same organisation id: the later
        one is a failure (a LoadError naming both).
    """
    if not isinstance(errors, str):
        raise TypeError(f"errors must be a str, not {type(errors).__name__}")
    if errors not in _ERRORS:
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int)):
        raise TypeError(f"workers must be an int or None, not {type(workers).__name__}")
    if workers is not None and not 1 <= workers <= 4096:
        raise ValueError("workers must be from 1 to 4096, or None")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError("progress must be True, False or None")
    if isinstance(sources, (str, bytes, os.PathLike, Mapping, Organisation)):
        raise TypeError("sources must be a list of sources, not a single one")
    items = [_source(s, i) for i, s in enumerate(sources)]
    if framework is None:
        org_frameworks = {id(s.framework): s.framework for s in items if isinstance(s, Organisation)}
        framework = next(iter(org_frameworks.values())) if len(org_frameworks) == 1 else Framework.builtin()
    if not isinstance(framework, Framework):
        raise TypeError(f"framework must be a trygg.Framework or None, not {type(framework).__name__}")
    limits = _limits(max_file_bytes, max_depth, max_entities, max_string_bytes, max_errors)
    waiver_args = (waiver_lists(waivers), *waiver_policy_of(waiver_policy))
    date = as_of_text(as_of)
    language = _lang(lang)
    threads = workers or 0

    bar = _progress_bar(progress, len(items))
    shown = [0]

    def tick(done: int, total: int) -> None:
        if bar is not None and done > shown[0]:
            bar.update(done - shown[0])
            shown[0] = done

    callback = tick if bar is not None else None
    try:
        organisations = [s for s in items if isinstance(s, Organisation)]
        if organisations and len(organisations) != len(items):
            # Mixed: audit the loaded ones as text too, so that one call keeps input order.
            items = [(1, s._impl.to_json_text().encode("utf-8"), f"<item {i}>") if isinstance(s, Organisation) else s
                     for i, s in enumerate(items)]
            organisations = []
        if organisations:
            out = _core.audit_batch_organisations([o._impl for o in organisations], framework._impl, date, language,
                                                  threads, callback, *waiver_args)
        else:
            texts = [s for s in items if not isinstance(s, Organisation)]
            out = _core.audit_batch(texts, framework._impl, limits, date, language, threads, errors == "raise",
                                    callback, *waiver_args)
    finally:
        if bar is not None:
            bar.close()
    reports: list[Report] = []
    names: list[str] = []
    failures: list[BatchFailure] = []
    for source, report, error in out:
        if report is not None:
            reports.append(Report._made(report, framework))
            names.append(source)
        else:
            if errors == "raise":
                raise error
            failures.append(BatchFailure(source, error))
    return ReportSet(reports, failures, names)
