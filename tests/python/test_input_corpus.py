"""The published JSON Schema and the loader agree: every example passes both, and every bad
input fails the loader with the expected JSON Pointer (and the schema, where a schema can tell)."""

from __future__ import annotations

import json

import jsonschema
import pytest

import trygg
from conftest import BAD, BAD_CASES, EXAMPLES, ROOT

SCHEMA = json.loads((ROOT / "data" / "schema" / "organisation-1.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_corpus_is_complete():
    on_disk = {p.name for p in BAD.glob("*.json")} - {"expected.json"}
    assert on_disk == set(BAD_CASES)
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_pass_schema_and_loader(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    errors = [e.message for e in VALIDATOR.iter_errors(doc)]
    assert errors == []
    trygg.load_organisation(path)


def test_template_passes_schema_and_loader(checker):
    import subprocess

    out = subprocess.run([checker, "template"], capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    assert [e.message for e in VALIDATOR.iter_errors(doc)] == []
    org = trygg.Organisation.from_dict(doc)
    assert len(doc["routines"]) == len(trygg.Framework.builtin().measures)
    assert org.unit_count == 1


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_fails_loader_with_pointer(name):
    case = BAD_CASES[name]
    with pytest.raises(trygg.LoadError) as info:
        trygg.load_organisation(BAD / name)
    first = info.value.diagnostics[0]
    assert first["pointer"] == case["pointer"]
    assert first["expected"] == case["expected"]
    assert first["file"].endswith(name)
    assert info.value.pointer == case["pointer"]


@pytest.mark.parametrize("name", sorted(n for n, c in BAD_CASES.items() if c["schema"] != "skip"))
def test_bad_input_and_schema(name):
    """The schema rejects what it can express; what only the loader can tell is marked 'accept'."""
    raw = (BAD / name).read_bytes()
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        assert BAD_CASES[name]["schema"] == "reject"
        return
    rejected = any(True for _ in VALIDATOR.iter_errors(doc))
    assert rejected == (BAD_CASES[name]["schema"] == "reject")
