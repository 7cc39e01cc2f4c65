"""Checks of the arguments the entry points share (organisation, framework, as-of date)."""

from __future__ import annotations

import datetime

from ._framework import Framework
from ._organisation import Organisation
from ._validate import short_repr

__all__ = ["as_of_text", "framework_for"]


def framework_for(organisation: object, framework: object) -> Framework:
    """The framework to use: the given one, else the one the organisation was loaded with."""
    if not isinstance(organisation, Organisation):
        raise TypeError(f"organisation must be a trygg.Organisation, not {type(organisation).__name__}")
    if framework is None:
        framework = organisation.framework  # an attribute that can be reassigned: check it too
        if not isinstance(framework, Framework):
            raise TypeError(f"organisation.framework must be a trygg.Framework, not {type(framework).__name__}")
        return framework
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
    if as_of is not None and (len(as_of) != 10 or not as_of.isascii()):
        # The core checks the rest (digits, calendar); this keeps the message short and the
        # text convertible to UTF-8.
        raise ValueError(f"as_of must be a date YYYY-MM-DD, not {short_repr(as_of)}")
    return as_of
