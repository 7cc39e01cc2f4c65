"""Low-level checks of argument values, shared by the modules of the package.

The compiled core takes UTF-8 strings, 64-bit sizes and plain bools; these checks turn what
it cannot take into TypeError or ValueError with a message that names the argument, before
the value reaches it (pybind11's own refusal is an unhelpful "incompatible function
arguments").
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["MAX_SIZE", "flag", "path_bytes", "short_repr", "utf8"]

#: The largest size the core takes (size_t and uintmax_t on 64-bit platforms).
MAX_SIZE = 2**64 - 1


def short_repr(value: object, limit: int = 60) -> str:
    """repr(value), cut to about ``limit`` characters so that a message never echoes a huge input."""
    text = repr(value) if not isinstance(value, str) or len(value) <= limit else repr(value[:limit]) + "..."
    return text if len(text) <= limit + 5 else text[:limit] + "..."


def utf8(value: str, what: str) -> str:
    """``value`` if it can be encoded as UTF-8 (no lone surrogates), else ValueError."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError(
                f"{what} must be valid Unicode text, not a string with a lone surrogate "
                f"({value[e.start]!r} at index {e.start})"
            ) from None
    return value


def flag(value: Any, what: str) -> bool:
    """A bool argument: True, False, or the ints 1 and 0."""
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise TypeError(f"{what} must be a bool, not {short_repr(value) if isinstance(value, int) else type(value).__name__}")


def path_bytes(value: Any, what: str) -> bytes:
    """A file path (str or os.PathLike[str]) as the bytes the file system uses.

    Bytes keep file names that are not valid UTF-8 (decoded by Python with surrogateescape)
    intact on their way to the core.
    """
    if not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{what} must be a str or os.PathLike[str], not {type(value).__name__}")
    path = os.fspath(value)
    if not isinstance(path, str):
        raise TypeError(f"{what} must be a str or os.PathLike[str] path, not a {type(path).__name__} path")
    if "\0" in path:
        raise ValueError(f"{what} must not contain a NUL character")
    try:
        return os.fsencode(path)
    except UnicodeEncodeError as e:
        raise ValueError(
            f"{what} cannot be encoded for the file system: {path[e.start]!r} at index {e.start}"
        ) from None
