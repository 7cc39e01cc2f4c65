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
    """Every file has its case, every case its file (or a recipe), and the corpus covers what
    docs/reliability.md says it does."""
    on_disk = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*.json")} - {"expected.json"}
    generated = {n for n, c in BAD_CASES.items() if "generate" in c}
    assert on_disk == set(BAD_CASES) - generated
    assert len(on_disk) >= 40
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


def load_bad_case(name: str, path) -> None:
    case = BAD_CASES[name]
    kind = case.get("kind", "organisation")
    if kind == "pack":
        trygg.Framework.with_pack_files([path])
    elif kind == "profile":
        trygg.Framework.builtin().with_profile(path)
    else:
        trygg.load_organisation(path, **case.get("limits", {}))


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_fails_loader_with_exact_error(name, bad_case_path):
    case = BAD_CASES[name]
    path = bad_case_path(name)
    with pytest.raises(trygg.LoadError) as info:
        load_bad_case(name, path)
    first = info.value.diagnostics[0]
    assert first["file"] == str(path)
    assert (first["pointer"], first["expected"], first["found"]) == (case["pointer"], case["expected"], case["found"])
    assert first["hint"] == case.get("hint", "")
    assert info.value.pointer == case["pointer"]
    assert info.value.path == str(path)


def test_limits_are_the_cores():
    from trygg import _organisation

    assert _organisation.DEFAULT_MAX_FILE_BYTES == 256 * 1024 * 1024
    assert _organisation.DEFAULT_MAX_DEPTH == 64
    assert _organisation.DEFAULT_MAX_ENTITIES == 2_000_000
    assert _organisation.DEFAULT_MAX_STRING_BYTES == 1024 * 1024


def test_raising_a_limit_lets_the_input_load(bad_case_path):
    """The hint is true: the entity-limit case loads once the limit is raised."""
    path = bad_case_path("too-many-entities.json")
    assert trygg.load_organisation(path, max_entities=12).unit_count == 12
    with pytest.raises(trygg.LoadError):
        trygg.load_organisation(path, max_entities=11)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["name"] = "x" * 2000
    with pytest.raises(trygg.LoadError) as info:
        trygg.Organisation.from_dict(doc, max_string_bytes=1999)
    assert info.value.pointer == "/name"
    assert trygg.Organisation.from_dict(doc, max_string_bytes=2000).name == "x" * 2000


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
