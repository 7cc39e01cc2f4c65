"""The audit entry point."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from . import _core
from ._arguments import as_of_text, framework_for
from ._framework import Framework, _strings
from ._organisation import Organisation
from ._report import Report, _lang
from ._validate import flag
from ._waivers import waiver_lists, waiver_policy as _waiver_policy

__all__ = ["audit"]


def audit(
    organisation: Organisation,
    framework: Framework | None = None,
    as_of: str | datetime.date | None = None,
    lang: str | None = None,
    *,
    packs: Sequence[str] | None = None,
    preview: bool = False,
    waivers: Any = None,
    waiver_policy: Mapping[str, int] | None = None,
    baseline: Any = None,
) -> Report:
    """Audit an organisation against a framework.

    :param organisation: a loaded organisation.
    :param framework: default: the framework the organisation was loaded with.
    :param as_of: the date to audit as of (default: today, UTC).
    :param lang: report language; default: the organisation's language, else from its
        country (SE: sv, NO: nb), else en.
    :param packs: run only the rules of these packs (default: all).
    :param preview: also run rules marked preview.
    :param waivers: accepted findings (docs/history.md, "Waivers"): a waiver file's path, a
        trygg.Waivers, or a list of waiver entries as dicts. A finding a waiver in force names
        gets status ``waived``; ``Report.waivers`` tells what became of each waiver.
    :param waiver_policy: ``{"max_months": 12, "max_months_legal": 6}`` (either key may be
        left out), as the profile's ``waivers`` member.
    :param baseline: compare with this earlier report (a JSON report's path, a Report or a
        JSON report as a dict): each finding new, unchanged or changed, and the resolved ones
        (``Report.comparison``).
    :raises TypeError: for an argument of the wrong type (``preview`` must be a bool).
    :raises ValueError: for an invalid date or language; trygg.UsageError (a ValueError)
        for an unknown pack.

    The GIL is released while auditing, so threads can audit in parallel.
    """
    fw = framework_for(organisation, framework)
    if waivers is not None or waiver_policy is not None:
        months, legal = _waiver_policy(waiver_policy)
        lists = waiver_lists(waivers)
        report = Report._made(
            _core.audit_waived(organisation._impl, fw._impl, as_of_text(as_of), _lang(lang), _strings(packs, "packs"),
                               flag(preview, "preview"), lists, months, legal),
            fw,
        )
        return report if baseline is None else report.compare(baseline)
    report = Report._made(
        _core.audit(organisation._impl, fw._impl, as_of_text(as_of), _lang(lang), _strings(packs, "packs"), flag(preview, "preview")),
        fw,
    )
    return report if baseline is None else report.compare(baseline)
