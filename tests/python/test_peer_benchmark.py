"""The compiled peer benchmark as Python reaches it (trygg._core.peer_benchmark): its JSON,
the 5-organisation rule, and errors as Python exceptions. Pseudonymous ids only."""

from __future__ import annotations

import json

import pytest

from conftest import AS_OF, ROOT
from trygg import _core

LIMITS = tuple(
    _core.default_load_limits[k]
    for k in ("max_file_bytes", "max_depth", "max_entities", "max_string_bytes", "max_errors")
)


def reports(count: int) -> list[_core.Report]:
    fw = _core.Framework.builtin()
    out = []
    for i in range(count):
        name = "kommun.json" if i % 2 == 0 else "small-company.json"
        doc = json.loads((ROOT / "examples" / "organisations" / name).read_text(encoding="utf-8"))
        doc["id"] = f"org-{i:02d}"
        org = _core.Organisation.parse(json.dumps(doc), fw, f"org-{i:02d}.json", LIMITS)
        out.append(_core.audit(org, fw, as_of=AS_OF))
    return out


def test_benchmark_json_and_the_five_organisation_rule():
    rs = reports(6)
    b = json.loads(_core.peer_benchmark(rs, [], "country", 5))
    assert b["format"] == "trygg.peer-benchmark/1"
    assert [g["name"] for g in b["groups"]] == ["all", "NO", "SE"]
    assert b["groups"][0]["disclosure"] == "published"
    assert [g["disclosure"] for g in b["groups"][1:]] == ["suppressed-small", "suppressed-small"]
    # A column of the caller's: two groups of five and one, so the one is hidden and one five too.
    groups = ["a"] * 5 + ["b"]
    rs = reports(11)
    b = json.loads(_core.peer_benchmark(rs, groups + ["c"] * 5, "team", 5))
    assert b["dimension"] == "team"
    assert {g["name"]: g["disclosure"] for g in b["groups"]} == {
        "all": "published",
        "a": "suppressed-complementary",
        "b": "suppressed-small",
        "c": "published",
    }
    assert json.loads(_core.peer_benchmark(rs, [], "all", 5)) == json.loads(_core.peer_benchmark(rs, [], "all", 5))


def test_bad_arguments_raise():
    rs = reports(5)
    with pytest.raises(Exception, match="at least 5"):
        _core.peer_benchmark(rs, [], "all", 4)
    with pytest.raises(Exception, match="size-band"):
        _core.peer_benchmark(rs, [], "region", 5)
    with pytest.raises(Exception, match="group names"):
        _core.peer_benchmark(rs, ["a"], "team", 5)
