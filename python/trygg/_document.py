"""Drafts of yearly documents, in Markdown, from the organisation's own data."""

from __future__ import annotations

import datetime

from . import _core
from ._arguments import as_of_text, framework_for
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
    fw = framework_for(organisation, framework)
    return _core.render_document(kind, organisation._impl, fw._impl, as_of_text(as_of), _lang(lang))
