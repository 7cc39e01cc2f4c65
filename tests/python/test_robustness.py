"""Property tests: whatever document the loader is given, it loads it or raises LoadError
with a JSON Pointer that exists in the document (or is the root); nothing else."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import trygg
from conftest import ROOT

BASE = json.loads((ROOT / "examples" / "organisations" / "small-company.json").read_text(encoding="utf-8"))
FRAMEWORK = trygg.Framework.builtin()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def paths(doc, prefix=()):
    """Every path to a value in the document."""
    yield prefix
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from paths(v, prefix + (i,))


ALL_PATHS = [p for p in paths(BASE) if p]


def resolves(doc, pointer: str) -> bool:
    if pointer == "":
        return True
    node = doc
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            # A pointer may name a missing required key or an unknown key's place: its parent must exist.
            return isinstance(node, (dict, list)) and token == pointer.split("/")[-1]
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, len(ALL_PATHS) - 1), value=json_values)
def test_replacing_any_value_loads_or_fails_cleanly(index, value):
    doc = copy.deepcopy(BASE)
    *parent_path, last = ALL_PATHS[index]
    node = doc
    for k in parent_path:
        node = node[k]
    node[last] = value
    try:
        org = trygg.Organisation.from_dict(doc, FRAMEWORK)
    except trygg.LoadError as e:
        assert e.diagnostics, "a LoadError must carry its diagnostics"
        for d in e.diagnostics:
            assert resolves(doc, d["pointer"]), d
            assert d["expected"] and d["found"]
        return
    # It loaded: then it audits, and renders in every language.
    report = trygg.audit(org, as_of="2026-11-22")
    for lang in ("sv", "nb", "en"):
        assert report.to_markdown(lang=lang)
        json.loads(report.to_json(lang=lang))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_arbitrary_text_never_crashes(text):
    try:
        trygg.Organisation.from_json(text, FRAMEWORK)
    except trygg.LoadError as e:
        assert e.diagnostics
