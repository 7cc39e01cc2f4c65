"""The prevention framework: areas, measures and rules from packs."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any, cast

from . import _core
from ._errors import load_error_at_root
from ._validate import path_bytes, utf8

__all__ = ["Framework"]


def _list(value: Any, what: str, of: str) -> list[Any]:
    """`value` as a list, refusing what is iterable but never meant as one: a single string or
    path, or a file object (its lines)."""
    if isinstance(value, (str, bytes, os.PathLike)):
        raise TypeError(f"{what} must be a list of {of}, not a single {type(value).__name__}")
    if isinstance(value, io.IOBase):
        raise TypeError(f"{what} must be a list of {of}, not a file object ({type(value).__name__})")
    try:
        return list(value)
    except TypeError:
        raise TypeError(f"{what} must be a list of {of}, not {type(value).__name__}") from None


def _strings(value: Iterable[str] | None, what: str) -> list[str]:
    if value is None:
        return []
    items = _list(value, what, "strings")
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{what} must contain strings, not {type(item).__name__}")
        utf8(item, what)
    return items


# How a framework was built, so that another process can build the same one (pickle):
# (("builtin", pack ids) or ("texts", ((name, pack JSON text), ...), builtin pack ids),
#  ((profile name, profile JSON text), ...)).
Recipe = tuple[tuple[Any, ...], tuple[tuple[str, str], ...]]

_BUILT: dict[Recipe, Framework] = {}  # one framework per recipe in a process, shared by unpickled reports


#: The largest pack and profile files the core reads (src/framework.cpp, src/profile.cpp).
_MAX_PACK_BYTES = 64 * 1024 * 1024
_MAX_PROFILE_BYTES = 16 * 1024 * 1024


def _read_text(path: bytes, limit: int) -> str | None:
    """The file as UTF-8 text, or None when it cannot be read as such (missing, a directory,
    not UTF-8, larger than a pack or profile may be): the core's file loader then gives the
    error, worded as for every other input."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > limit:
            return None
        with open(path, "rb") as f:
            data = f.read(limit + 1)
        if len(data) > limit or data.startswith(b"\xef\xbb\xbf"):
            return None
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None


def _from_recipe(recipe: Recipe) -> Framework:
    """The framework a recipe describes (pickle's constructor); built once per process."""
    known = _BUILT.get(recipe)
    if known is not None:
        return known
    base, profiles = recipe
    if base[0] == "builtin":
        impl = _core.Framework.builtin(list(base[1]))
    else:
        impl = _core.framework_with_pack_texts(list(base[1]), list(base[2]))
    for name, text in profiles:
        impl = impl.with_profile_text(text, name)
    fw = Framework._made(impl, recipe)
    _BUILT[recipe] = fw
    return fw


class Framework:
    """A validated set of packs. Immutable; share one instance across audits and threads.

    Use :meth:`builtin` for the packs compiled into trygg, or :meth:`with_pack_files` to add
    your own packs (JSON files in the pack format, docs/pack-format.md).
    """

    __slots__ = ("__dict__", "_impl", "_recipe")

    def __init__(self, impl: _core.Framework) -> None:
        if not isinstance(impl, _core.Framework):
            raise TypeError("use Framework.builtin() or Framework.with_pack_files() to make a Framework")
        self._impl = impl
        self._recipe: Recipe | None = None

    @classmethod
    def _made(cls, impl: _core.Framework, recipe: Recipe | None) -> Framework:
        fw = cls(impl)
        fw._recipe = recipe
        return fw

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as what it was built from (pack ids, pack texts, profiles): a few bytes for
        the built-in packs. The receiving process builds it once and shares it."""
        if self._recipe is None:
            raise TypeError("this Framework cannot be pickled: it was not made by Framework.builtin(), "
                            "with_pack_files() or with_profile()")
        return (_from_recipe, (self._recipe,))

    @classmethod
    def builtin(cls, packs: Sequence[str] | None = None) -> Framework:
        """The built-in packs; ``packs`` selects some of them (default: all).

        :raises trygg.UsageError: for an unknown pack id.
        """
        ids = _strings(packs, "packs")
        return cls._made(_core.Framework.builtin(ids), (("builtin", tuple(ids)), ()))

    @classmethod
    def with_pack_files(
        cls, files: Sequence[str | os.PathLike[str]], builtin: Sequence[str] | None = None
    ) -> Framework:
        """Built-in packs (default: all) plus packs read from JSON files.

        :raises trygg.LoadError: if a pack file is invalid or the packs do not fit together.
        """
        paths = [path_bytes(f, "files: a path") for f in _list(files, "files", "paths")]
        ids = _strings(builtin, "builtin")
        # Each file is read once, here, and the core loads that very text: the recipe (which
        # lets a worker without the files rebuild the framework) is then exactly what was
        # loaded, even if a file changes meanwhile. A file that cannot be read as UTF-8 text
        # goes to the core's own file loader, whose LoadError names the file and the problem.
        texts = [_read_text(p, _MAX_PACK_BYTES) for p in paths]
        if any(t is None for t in texts):
            return cls(_core.Framework.with_pack_files(paths, ids))
        named = [(os.fsdecode(p), t) for p, t in zip(paths, texts) if t is not None]
        return cls._made(_core.framework_with_pack_texts(named, ids), (("texts", tuple(named), tuple(ids)), ()))

    def with_profile(self, profile: Mapping[str, Any] | str | os.PathLike[str]) -> Framework:
        """This framework with a profile applied: rules selected, ignored and tuned.

        ``profile`` is a dict in the ``trygg.profile/1`` format (docs/profiles.md) or the path
        of a JSON file holding one.

        :raises trygg.LoadError: for an unknown rule id, a glob that matches no rule or a bad
            value, with the JSON Pointer of the problem in the profile.
        """
        if isinstance(profile, Mapping):
            try:
                text = json.dumps(profile, allow_nan=False)
            except (TypeError, ValueError) as e:
                raise TypeError(f"profile must hold only JSON values: {e}") from None
            except RecursionError:
                # Deeper than Python can serialise, so far deeper than the profile parser's limit.
                raise load_error_at_root("<profile>", "nesting of at most 64 levels", "deeper nesting") from None
            return Framework._made(self._impl.with_profile_text(text, "<profile>"),
                                   self._with_profile_recipe("<profile>", text))
        if isinstance(profile, (str, os.PathLike)):
            path = path_bytes(profile, "profile path")
            read = _read_text(path, _MAX_PROFILE_BYTES)  # read once, as for pack files
            if read is None:
                return Framework(self._impl.with_profile_file(path))
            name = os.fsdecode(path)
            return Framework._made(self._impl.with_profile_text(read, name), self._with_profile_recipe(name, read))
        raise TypeError(f"profile must be a dict or a path, not {type(profile).__name__}")

    def _with_profile_recipe(self, name: str, text: str) -> Recipe | None:
        if self._recipe is None:
            return None
        base, profiles = self._recipe
        return (base, (*profiles, (name, text)))

    def rule_examples(self, rule_id: str) -> dict[str, Any]:
        """A passing and a failing example organisation for a rule:
        ``{"pass": {"organisation": {...}, "as_of": "YYYY-MM-DD"}, "fail": {...}}``.

        :raises trygg.UsageError: if no rule has that id.
        """
        if not isinstance(rule_id, str):
            raise TypeError(f"rule_id must be str, not {type(rule_id).__name__}")
        utf8(rule_id, "rule_id")
        return cast("dict[str, Any]", json.loads(self._impl.rule_examples_text(rule_id)))

    @staticmethod
    def builtin_pack_ids() -> list[str]:
        """Ids of the packs compiled into trygg."""
        return list(_core.Framework.builtin_pack_ids())

    @property
    def pack_ids(self) -> list[str]:
        """Ids of the packs in this framework, in load order."""
        return list(self._impl.pack_ids)

    @cached_property
    def _data(self) -> dict[str, Any]:
        return cast("dict[str, Any]", json.loads(self._impl.to_json_text()))

    @property
    def areas(self) -> list[dict[str, Any]]:
        """The areas in report order, as dicts in the pack format."""
        return cast("list[dict[str, Any]]", self._data["areas"])

    @property
    def measures(self) -> list[dict[str, Any]]:
        """The measures in report order, as dicts in the pack format."""
        return cast("list[dict[str, Any]]", self._data["measures"])

    @property
    def rules(self) -> list[dict[str, Any]]:
        """The rules sorted by id, with their effective severity and citations."""
        return cast("list[dict[str, Any]]", self._data["rules"])

    def to_dict(self) -> dict[str, Any]:
        """The whole framework as data: packs, areas, measures and rules."""
        return cast("dict[str, Any]", json.loads(self._impl.to_json_text()))

    def __repr__(self) -> str:
        return f"Framework(packs={self.pack_ids!r})"
