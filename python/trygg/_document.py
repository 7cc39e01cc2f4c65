"""Drafts of yearly documents, in Markdown, from the organisation's own data."""

from __future__ import annotations

import datetime

from . import _core
from ._framework import Framework
from ._organisation import Organisation
from ._report import _lang

__all__ = ["DOCUMENT_KINDS", "render_document"]

#: The documents trygg can draft (docs/yearly-documents.md).
DOCUMENT_KINDS = ("dl-active-measures", "sam-follow-up")


def render_document(
    kind: str,
    organisation: Organisation,
    framework: Framework | None = None,
    as_of: str | datetime.date | None = None,
    lang: str | None = None,
) -> str:
    """Draft a yearly document in Markdown, built only from the organisation's data.

    What the data lacks shows in the draft as a marked gap ("Uppgift saknas", "Opplysning
    mangler", "Missing information"); nothing is invented.

    :param kind: ``"dl-active-measures"`` (diskrimineringslagen 3 kap. 13 §) or
        ``"sam-follow-up"`` (AFS 2023:1 14 §).
    :param organisation: a loaded organisation.
    :param framework: default: the framework the organisation was loaded with.
    :param as_of: the date the draft is made as of; its year is the documented year
        (default: today, UTC).
    :param lang: ``"sv"``, ``"nb"`` or ``"en"``; default: the organisation's language, else
        from its country.
    :raises ValueError: for an unknown kind, language or date.
    """
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str, not {type(kind).__name__}")
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(DOCUMENT_KINDS)}, not {kind!r}")
    if not isinstance(organisation, Organisation):
        raise TypeError(f"organisation must be a trygg.Organisation, not {type(organisation).__name__}")
    if framework is None:
        framework = organisation.framework
    elif not isinstance(framework, Framework):
        raise TypeError(f"framework must be a trygg.Framework or None, not {type(framework).__name__}")
    if isinstance(as_of, datetime.datetime):
        as_of = as_of.date()
    if isinstance(as_of, datetime.date):
        as_of = as_of.isoformat()
    elif as_of is not None and not isinstance(as_of, str):
        raise TypeError(f"as_of must be a str, a datetime.date or None, not {type(as_of).__name__}")
    return _core.render_document(kind, organisation._impl, framework._impl, as_of, _lang(lang))
