"""Many organisations in bounded memory (issue 15): audit_chunks gives, chunk by chunk, what
one audit_many over the whole stream gives."""

from __future__ import annotations

import copy
import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import trygg

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-22"
KOMMUN = json.loads((ROOT / "examples" / "organisations" / "kommun.json").read_text(encoding="utf-8"))
SMALL = json.loads((ROOT / "examples" / "organisations" / "small-company.json").read_text(encoding="utf-8"))


def texts(n: int, *, duplicate_of: dict[int, int] | None = None) -> list[str]:
    """n organisations as JSON texts with pseudonymous ids; duplicate_of maps a position to an
    earlier one whose id it takes."""
    out = []
    for i in range(n):
        d = copy.deepcopy(KOMMUN if i % 2 == 0 else SMALL)
        d["id"] = f"org-{(duplicate_of or {}).get(i, i):04d}"
        out.append(json.dumps(d, ensure_ascii=False))
    return out


def generated(n: int) -> Iterator[str]:
    yield from texts(n)


@pytest.mark.parametrize("chunk_size", [1, 3, 7, 100])
def test_chunks_stack_to_the_whole_batch(chunk_size: int) -> None:
    sources = texts(7) + ["{not json"]
    whole = trygg.audit_many(sources, as_of=AS_OF)
    parts = list(trygg.audit_chunks(sources, chunk_size=chunk_size, as_of=AS_OF))
    assert len(parts) == -(-len(sources) // chunk_size)
    joined = trygg.ReportSet.concat(parts)
    assert joined.ids == whole.ids
    assert list(joined.sources.values()) == list(whole.sources.values())
    assert [f.source for f in joined.failures] == [f.source for f in whole.failures] == ["<item 7>"]
    for key in whole.ids:
        assert joined[key].to_json() == whole[key].to_json()
    pd.testing.assert_frame_equal(joined.findings_frame(), whole.findings_frame())


def test_a_generator_is_read_at_most_two_chunks_ahead() -> None:
    drawn = []

    def sources() -> Iterator[str]:
        for i, t in enumerate(texts(6)):
            drawn.append(i)
            yield t

    chunks = trygg.audit_chunks(sources(), chunk_size=2, as_of=AS_OF)
    assert drawn == []  # nothing is read before the first chunk is asked for
    first = next(chunks)
    # The first chunk, and the second, which is audited while the caller has the first.
    assert first.ids == ["org-0000", "org-0001"] and drawn == [0, 1, 2, 3]
    assert [s.ids for s in chunks] == [["org-0002", "org-0003"], ["org-0004", "org-0005"]]


def test_an_id_from_an_earlier_chunk_is_a_failure_naming_both() -> None:
    sources = texts(5, duplicate_of={3: 0})
    parts = list(trygg.audit_chunks(sources, chunk_size=2, as_of=AS_OF))
    joined = trygg.ReportSet.concat(parts)
    whole = trygg.audit_many(sources, as_of=AS_OF)
    assert joined.ids == whole.ids == ["org-0000", "org-0001", "org-0002", "org-0004"]
    (failure,) = joined.failures
    (expected,) = whole.failures
    assert failure.source == expected.source == "<item 3>"
    assert isinstance(failure.error, trygg.LoadError)
    assert str(failure.error) == str(expected.error)
    assert failure.error.pointer == "/id" and "<item 0>" in str(failure.error)
    with pytest.raises(trygg.LoadError, match="<item 0>"):
        list(trygg.audit_chunks(sources, chunk_size=2, as_of=AS_OF, errors="raise"))


def test_chunks_not_kept_are_freed() -> None:
    """Only the chunk in hand is alive: a caller that keeps frames, not sets, holds no earlier chunk."""
    refs = []
    for part in trygg.audit_chunks(generated(6), chunk_size=2, as_of=AS_OF):
        refs.append(weakref.ref(part))
        del part
        gc.collect()
        assert all(r() is None for r in refs[:-1]), "an earlier chunk is still alive"
    gc.collect()
    assert [r() for r in refs] == [None, None, None]


def test_keywords_are_checked_at_the_call() -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        trygg.audit_chunks([], nope=1)
    with pytest.raises(ValueError, match="workers"):
        trygg.audit_chunks([], workers=0)
    with pytest.raises(ValueError, match="chunk_size"):
        trygg.audit_chunks([], chunk_size=0)
