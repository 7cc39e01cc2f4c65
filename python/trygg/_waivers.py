"""Waivers: accepted findings with a reason and an end date (docs/history.md, "Waivers")."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any, Union

from . import _core
from ._validate import path_bytes, short_repr

__all__ = ["Waivers", "WaiversLike", "waiver_lists", "waiver_policy"]


class Waivers:
    """A waiver file (format ``trygg.waivers/1``), read and checked by the core: every entry
    has a reason, who decided (a role or pseudonymous id), the decision date and what it names.
    A bad file raises trygg.LoadError with the JSON Pointer of every problem."""

    __slots__ = ("_impl",)

    def __init__(self, impl: _core.WaiverList) -> None:
        if not isinstance(impl, _core.WaiverList):
            raise TypeError("use Waivers.load(path) or Waivers.from_dict(document) to make Waivers")
        self._impl = impl

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Waivers:
        """Read a waiver file."""
        return cls(_core.WaiverList.load(path_bytes(path, "path")))

    @classmethod
    def from_dict(cls, document: Mapping[str, Any], file: str = "<memory>") -> Waivers:
        """A waiver file's document (``{"format": "trygg.waivers/1", "waivers": [...]}``)."""
        if not isinstance(document, Mapping):
            raise TypeError(f"document must be a mapping (a waiver file's object), not {type(document).__name__}")
        if not isinstance(file, str):
            raise TypeError(f"file must be a str, not {type(file).__name__}")
        try:
            text = json.dumps(document, allow_nan=False)
        except (TypeError, ValueError) as e:
            raise TypeError(f"document must hold JSON values only: {e}") from None
        return cls(_core.WaiverList.parse(text, file))

    @classmethod
    def from_entries(cls, entries: Sequence[Mapping[str, Any]], file: str = "<memory>") -> Waivers:
        """A list of waiver entries (dicts as in a waiver file's ``waivers``)."""
        if isinstance(entries, (str, bytes)) or not isinstance(entries, Sequence):
            raise TypeError(f"entries must be a list of dicts, not {type(entries).__name__}")
        return cls.from_dict({"format": "trygg.waivers/1", "waivers": list(entries)}, file)

    @property
    def entries(self) -> list[dict[str, Any]]:
        """The waivers as dicts, in the file's form (a new copy on each access)."""
        return list(json.loads(self._impl.to_json_text())["waivers"])

    def to_dict(self) -> dict[str, Any]:
        """The waiver file's document."""
        return dict(json.loads(self._impl.to_json_text()))

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        return f"Waivers({len(self)} waivers from {self._impl.file!r})"


#: What ``audit(waivers=...)`` takes: a path, Waivers, or a list of entries as dicts.
WaiversLike = Union[str, "os.PathLike[str]", Waivers, Sequence[Mapping[str, Any]]]


def waiver_lists(waivers: Any) -> list[_core.WaiverList]:
    """The core's waiver lists for ``audit(waivers=...)``."""
    if waivers is None:
        return []
    if isinstance(waivers, Waivers):
        return [waivers._impl]
    if isinstance(waivers, (str, os.PathLike)):
        return [Waivers.load(waivers)._impl]
    if isinstance(waivers, Sequence) and not isinstance(waivers, (bytes, bytearray)):
        return [Waivers.from_entries(waivers)._impl]
    raise TypeError(
        f"waivers must be a path, a trygg.Waivers or a list of waiver dicts, not {type(waivers).__name__}"
    )


def waiver_policy(policy: Any) -> tuple[int, int]:
    """(max_months, max_months_legal) from ``audit(waiver_policy=...)``: a dict with either or
    both keys, as the profile's ``waivers`` member (defaults 12 and 6)."""
    if policy is None:
        return 12, 6
    if not isinstance(policy, Mapping):
        raise TypeError(f"waiver_policy must be a dict, not {type(policy).__name__}")
    unknown = set(policy) - {"max_months", "max_months_legal"}
    if unknown:
        raise ValueError(f"waiver_policy takes max_months and max_months_legal, not {short_repr(sorted(map(str, unknown)))}")
    values: list[int] = []
    for key, default in (("max_months", 12), ("max_months_legal", None)):
        v = policy.get(key, default)
        if v is None:
            v = min(6, values[0])
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"waiver_policy[{key!r}] must be an int, not {type(v).__name__}")
        if not 1 <= v <= 36:
            raise ValueError(f"waiver_policy[{key!r}] must be from 1 to 36, not {v}")
        values.append(v)
    return values[0], values[1]
