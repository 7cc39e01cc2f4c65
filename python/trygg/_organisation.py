"""An organisation's routines and structure, read from the input format trygg.organisation/1."""

from __future__ import annotations

import json
import os
from typing import Any, cast

from . import _core
from ._errors import load_error_at_root
from ._framework import Framework
from ._validate import MAX_SIZE, path_bytes, short_repr, utf8

__all__ = [
    "Organisation",
    "load_organisation",
    "DEFAULT_MAX_FILE_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_ENTITIES",
    "DEFAULT_MAX_STRING_BYTES",
    "DEFAULT_MAX_ERRORS",
]

# The load limits (docs/input-format.md, "Limits"); their defaults come from the C++ core.
DEFAULT_MAX_FILE_BYTES: int = _core.default_load_limits["max_file_bytes"]
DEFAULT_MAX_DEPTH: int = _core.default_load_limits["max_depth"]
DEFAULT_MAX_ENTITIES: int = _core.default_load_limits["max_entities"]
DEFAULT_MAX_STRING_BYTES: int = _core.default_load_limits["max_string_bytes"]
DEFAULT_MAX_ERRORS: int = _core.default_load_limits["max_errors"]


def _framework(framework: Framework | None) -> Framework:
    if framework is None:
        return Framework.builtin()
    if not isinstance(framework, Framework):
        raise TypeError(f"framework must be a trygg.Framework or None, not {type(framework).__name__}")
    return framework


def _limit(value: int, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not minimum <= value <= MAX_SIZE:
        # short_repr: str() of an int of more than 4300 digits raises.
        bound = f"at least {minimum}" if value < minimum else f"at most {MAX_SIZE}"
        raise ValueError(f"{name} must be {bound}, not {short_repr(value) if value.bit_length() <= 4096 else 'a larger number'}")
    return value


def _limits(
    max_file_bytes: int, max_depth: int, max_entities: int, max_string_bytes: int, max_errors: int
) -> tuple[int, int, int, int, int]:
    """The limits checked and in the order the core takes them."""
    return (
        _limit(max_file_bytes, "max_file_bytes", 1),
        _limit(max_depth, "max_depth", 1),
        _limit(max_entities, "max_entities", 1),
        _limit(max_string_bytes, "max_string_bytes", 1),
        _limit(max_errors, "max_errors", 1),
    )


# As the core words it (detail::limit_hint).
_DEPTH_HINT = "raise the limit with --max-depth (Python: max_depth=..., C++: LoadLimits::max_depth)"


class Organisation:
    """A loaded, fully validated organisation. Loading gives a complete organisation or raises
    :class:`trygg.LoadError`; it never gives a half-loaded one.
    """

    __slots__ = ("_impl", "framework")

    def __init__(self, impl: _core.Organisation, framework: Framework) -> None:
        if not isinstance(impl, _core.Organisation):
            raise TypeError("use trygg.load_organisation() or Organisation.from_dict() to make an Organisation")
        if not isinstance(framework, Framework):
            raise TypeError(f"framework must be a trygg.Framework, not {type(framework).__name__}")
        self._impl = impl
        self.framework = framework

    @classmethod
    def from_dict(
        cls,
        document: dict[str, Any],
        framework: Framework | None = None,
        *,
        name: str = "<dict>",
        max_depth: int = DEFAULT_MAX_DEPTH,
        max_entities: int = DEFAULT_MAX_ENTITIES,
        max_string_bytes: int = DEFAULT_MAX_STRING_BYTES,
        max_errors: int = DEFAULT_MAX_ERRORS,
    ) -> Organisation:
        """Validate a document (a dict in the input format) and load it.

        :raises TypeError: if ``document`` is not a dict.
        :raises trygg.LoadError: with every problem found.
        """
        if not isinstance(document, dict):
            raise TypeError(f"document must be a dict, not {type(document).__name__}")
        try:
            text = json.dumps(document, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError(f"document must hold only JSON values: {e}") from None
        except RecursionError:
            raise load_error_at_root(name, f"nesting of at most {max_depth} levels", "deeper nesting",
                                     _DEPTH_HINT) from None
        return cls.from_json(text, framework, name=name, max_depth=max_depth,
                             max_entities=max_entities, max_string_bytes=max_string_bytes, max_errors=max_errors)

    @classmethod
    def from_json(
        cls,
        text: str | bytes,
        framework: Framework | None = None,
        *,
        name: str = "<memory>",
        max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
        max_depth: int = DEFAULT_MAX_DEPTH,
        max_entities: int = DEFAULT_MAX_ENTITIES,
        max_string_bytes: int = DEFAULT_MAX_STRING_BYTES,
        max_errors: int = DEFAULT_MAX_ERRORS,
    ) -> Organisation:
        """Parse and load a JSON document given as text.

        :raises trygg.LoadError: with every problem found.
        """
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as e:
                raise load_error_at_root(name, "UTF-8 text", f"invalid UTF-8 at byte {e.start}") from None
        if not isinstance(text, str):
            raise TypeError(f"text must be str or bytes, not {type(text).__name__}")
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        utf8(name, "name")
        if not text.isascii():
            # The core takes UTF-8; a str with a lone surrogate has none. Pass the encoded
            # bytes on, so the text is encoded once.
            try:
                text = text.encode("utf-8")
            except UnicodeEncodeError as e:
                raise load_error_at_root(name, "Unicode text", f"a lone surrogate at character {e.start}") from None
        fw = _framework(framework)
        limits = _limits(max_file_bytes, max_depth, max_entities, max_string_bytes, max_errors)
        impl = _core.Organisation.parse(text, fw._impl, name, limits)
        return cls(impl, fw)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the core's JSON text of the document and the framework (pickled once
        when many organisations share it); unpickling validates it again."""
        return (_organisation_from_text, (self._impl.to_json_text().encode("utf-8"), self.framework))

    def _repr_html_(self) -> str:
        """A compact card for notebooks."""
        from html import escape

        rows = [("id", self.id), ("name", self.name), ("country", self.country),
                ("units", self.unit_count), ("headcount", self.total_headcount)]
        cells = "".join(f"<tr><th scope='row'>{escape(k)}</th><td>{escape('' if v is None else str(v))}</td></tr>"
                        for k, v in rows)
        return f"<table class='trygg-organisation'><caption>trygg.Organisation</caption>{cells}</table>"

    def to_dict(self) -> dict[str, Any]:
        """The document form (input format version 1); ``from_dict(to_dict())`` round-trips."""
        return cast("dict[str, Any]", json.loads(self._impl.to_json_text()))

    @property
    def id(self) -> str:
        return self._impl.id

    @property
    def name(self) -> str:
        return self._impl.name

    @property
    def country(self) -> str:
        return self._impl.country

    @property
    def unit_count(self) -> int:
        return self._impl.unit_count

    @property
    def total_headcount(self) -> int | None:
        """The stated total headcount, else the sum of the units' headcounts, else None."""
        return self._impl.total_headcount

    def __repr__(self) -> str:
        return f"Organisation(id={self.id!r}, country={self.country!r}, units={self.unit_count})"


def _organisation_from_text(text: bytes, framework: Framework) -> Organisation:
    # The text came from a loaded organisation; any size it has was accepted once.
    impl = _core.Organisation.parse(text, framework._impl, "<pickle>", (MAX_SIZE, MAX_SIZE, MAX_SIZE, MAX_SIZE, 1))
    return Organisation(impl, framework)


def load_organisation(
    path: str | os.PathLike[str],
    framework: Framework | None = None,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_entities: int = DEFAULT_MAX_ENTITIES,
    max_string_bytes: int = DEFAULT_MAX_STRING_BYTES,
    max_errors: int = DEFAULT_MAX_ERRORS,
) -> Organisation:
    """Read, validate and load an organisation file.

    :param path: the JSON file.
    :param framework: the framework whose measure ids the file may name (default: all built-in packs).
    :raises trygg.LoadError: with every problem found (file, JSON Pointer, expected, found),
        also for a missing file, a directory or a file that cannot be read.
    :raises TypeError: if ``path`` is not a str or os.PathLike[str] (a file object is not).
    :raises ValueError: for a path with a NUL character or a limit out of range.
    """
    path = path_bytes(path, "path")  # type: ignore[assignment]
    fw = _framework(framework)
    limits = _limits(max_file_bytes, max_depth, max_entities, max_string_bytes, max_errors)
    impl = _core.Organisation.load(os.fspath(path), fw._impl, limits)
    return Organisation(impl, fw)
