"""trygg: checks how well an employer prevents bullying, harassment, sexual harassment and
threats and violence at work, against a framework of preventive measures and the rules that
apply, and proposes what to do.

Example::

    import trygg
    org = trygg.load_organisation("examples/organisations/kommun.json")
    report = trygg.audit(org, as_of="2026-11-22")
    print(report.to_text())
"""

from __future__ import annotations

try:
    from . import _core
except ImportError as e:  # pragma: no cover - only on a broken install
    raise ImportError(
        "trygg's compiled core (trygg._core) could not be imported. Install the package with "
        "`pip install .` (which compiles it), or put a build directory's python/ on PYTHONPATH."
    ) from e

from ._audit import audit
from ._document import render_document
from ._errors import Error, LoadError, UsageError
from ._framework import Framework
from ._history import Diff, diff
from ._organisation import Organisation, load_organisation
from ._plan import import_action_plan
from ._report import Report
from ._report_chunks import audit_chunks
from ._report_set import BatchFailure, ReportSet, audit_many
from ._schema import organisation_schema, report_schema
from ._trend import Trend, trend
from ._waivers import Waivers

__version__: str = _core.__version__

__all__ = [
    "BatchFailure",
    "Diff",
    "Error",
    "Framework",
    "LoadError",
    "Organisation",
    "Report",
    "ReportSet",
    "Trend",
    "UsageError",
    "Waivers",
    "__version__",
    "audit",
    "audit_chunks",
    "audit_many",
    "diff",
    "import_action_plan",
    "load_organisation",
    "organisation_schema",
    "render_document",
    "report_schema",
    "trend",
]
