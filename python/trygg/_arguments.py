"""Checks of the arguments the entry points share (organisation, framework, as-of date)."""

from __future__ import annotations

import datetime

from ._framework import Framework
from ._organisation import Organisation

__all__ = ["as_of_text", "framework_for"]


def framework_for(organisation: object, framework: object) -> Framework:
    """The framework to use: the given one, else the one the organisation was loaded with."""
    if not isinstance(organisation, Organisation):
        raise TypeError(f"organisation must be a trygg.Organisation, not {type(organisation).__name__}")
    if framework is None:
        return organisation.framework
    if not isinstance(framework, Framework):
        raise TypeError(f"framework must be a trygg.Framework or None, not {type(framework).__name__}")
    return framework


def as_of_text(as_of: object) -> str | None:
    """An as-of date as YYYY-MM-DD text for the core (which checks it), or None for today."""
    if isinstance(as_of, datetime.datetime):
        as_of = as_of.date()
    if isinstance(as_of, datetime.date):
        return as_of.isoformat()
    if as_of is not None and not isinstance(as_of, str):
        raise TypeError(f"as_of must be a str, a datetime.date or None, not {type(as_of).__name__}")
    return as_of
