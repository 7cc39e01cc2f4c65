"""The exceptions trygg raises. The compiled core translates its C++ errors into these."""

from __future__ import annotations

from typing import Any

__all__ = ["Error", "LoadError", "UsageError"]


class Error(Exception):
    """Base class of every error trygg raises."""


class UsageError(Error, ValueError):
    """A caller asked for something that does not exist: an unknown pack, rule or option value."""


class LoadError(Error):
    """An input file or document could not be loaded; nothing was loaded.

    Attributes:
        path: the file (or "<memory>") of the first problem.
        pointer: the JSON Pointer of the first problem ("" is the document root).
        diagnostics: every problem found (capped), each a dict with the keys file, pointer,
            expected, found, hint, line, column and message.
        total: how many problems were found, which may exceed len(diagnostics).
    """

    def __init__(
        self,
        message: str,
        path: str = "",
        pointer: str = "",
        diagnostics: list[dict[str, Any]] | None = None,
        total: int | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.pointer = pointer
        self.diagnostics: list[dict[str, Any]] = list(diagnostics or [])
        self.total = total if total is not None else len(self.diagnostics)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.path, self.pointer, self.diagnostics, self.total))


def load_error_at_root(file: str, expected: str, found: str, hint: str = "") -> LoadError:
    """A LoadError for a problem with the document as a whole, found before the core reads it
    (invalid UTF-8, nesting Python cannot serialise), worded as the core words its own."""
    message = f"{file}: (root): expected {expected}, found {found}" + (f" ({hint})" if hint else "")
    diagnostic: dict[str, Any] = {"file": file, "pointer": "", "expected": expected, "found": found, "hint": hint,
                                  "line": 0, "column": 0, "message": message}
    return LoadError(message, file, "", [diagnostic], 1)

