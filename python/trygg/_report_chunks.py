"""Many organisations in bounded memory: audit_chunks() audits a stream of sources a chunk at
a time and hands each chunk over as a ReportSet, so a register of 100,000 employers can be
turned into frames without holding 100,000 reports (docs/scaling.md, "Streaming")."""

from __future__ import annotations

import itertools
import os
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Iterable, Iterator, Mapping, Sized
from typing import Any

from ._errors import LoadError
from ._organisation import Organisation
from ._report_set import BatchFailure, ReportSet, _progress_bar, audit_many

__all__ = ["audit_chunks"]


def _duplicate(source: str, organisation_id: str, earlier: str) -> LoadError:
    """The error of a source whose organisation id an earlier chunk had: worded as the core
    words the same error within one batch (src/batch.cpp)."""
    expected = "an organisation id no other source in the batch has"
    found = f'"{organisation_id}", the id of {earlier}'
    message = f"{source}: /id: expected {expected}, found {found}"
    diagnostic = {"file": source, "pointer": "/id", "expected": expected, "found": found, "hint": "",
                  "line": 0, "column": 0, "message": message}
    return LoadError(message, source, "/id", [diagnostic], 1)


def audit_chunks(
    sources: Iterable[Any],
    *,
    chunk_size: int = 1000,
    progress: bool | None = None,
    errors: str = "collect",
    **options: Any,
) -> Iterator[ReportSet]:
    """Audit sources a chunk at a time, yielding one ReportSet per chunk, in input order.

    Takes the same sources and keywords as :func:`audit_many` (``framework``, ``as_of``,
    ``lang``, ``workers``, the load limits, ...). ``sources`` may be any iterable, also a
    generator: it is read at most two chunks ahead, never whole. The next chunk is audited while
    the caller works on the current one, so at most two chunks' reports are alive unless the
    caller keeps them, and memory stays bounded; keep what you need from each
    (its frames, say) and let the set go. An organisation id met in an earlier chunk is a
    failure naming both sources, as within one batch; for that the ids seen so far are kept.

    :param chunk_size: sources per chunk (default 1,000; from 1). Larger chunks keep the
        threads busier at the end of each chunk; smaller ones use less memory.
    :param progress: one tqdm bar over all chunks (True, False, or None: when stderr is a
        terminal or in a notebook, if tqdm is installed).
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int):
        raise TypeError(f"chunk_size must be an int, not {type(chunk_size).__name__}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if progress is not None and not isinstance(progress, bool):
        raise TypeError("progress must be True, False or None")
    if isinstance(sources, (str, bytes, os.PathLike, Mapping, Organisation)):
        raise TypeError("sources must be a list of sources, not a single one")
    if not isinstance(sources, Iterable):
        raise TypeError(f"sources must be an iterable of sources, not {type(sources).__name__}")
    # Checked now, not at the first next(): a wrong keyword should fail where it is written.
    audit_many([], errors=errors, progress=False, **options)
    total = len(sources) if isinstance(sources, Sized) else None
    return _chunks(iter(sources), chunk_size, progress, errors, options, total)


def _chunks(sources: Iterator[Any], size: int, progress: bool | None, errors: str, options: dict[str, Any],
            total: int | None) -> Iterator[ReportSet]:
    bar = _progress_bar(progress, total)
    seen: dict[str, str] = {}
    offset = 0

    def audit(chunk: list[Any]) -> Future[ReportSet] | None:
        return pool.submit(audit_many, chunk, errors=errors, progress=False, **options) if chunk else None

    # The next chunk is audited (in the core's threads, without the GIL) while this thread
    # hands the current one over and, once the caller is done with it, frees it: freeing a
    # thousand reports is work of its own that the C++ batch would otherwise wait for. So at
    # most two chunks are alive, and the sources are read at most two chunks ahead.
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="trygg-audit-chunks")
    try:
        chunk = list(itertools.islice(sources, size))
        pending = audit(chunk)
        while pending is not None:
            part = pending.result()
            count = len(chunk)
            chunk = list(itertools.islice(sources, size))
            pending = audit(chunk)
            reports, names = [], []
            # Text sources are named "<item N>" by their place in the call: name them by their
            # place in the whole stream, as one audit_many over it would. The chunk's own
            # failures come first (in input order), then the ids an earlier chunk had.
            failures = [BatchFailure(_renamed(f.source, offset), f.error) for f in part.failures]
            sources_of = part.sources  # a copy each time it is read: read it once per chunk
            for key, report in part.reports.items():
                source = _renamed(sources_of[key], offset)
                if key in seen:
                    failures.append(BatchFailure(source, _duplicate(source, key, seen[key])))
                    if errors == "raise":
                        raise failures[-1].error
                    continue
                seen[key] = source
                reports.append(report)
                names.append(source)
            offset += count
            if bar is not None:
                bar.update(count)
            yield ReportSet(reports, failures, names)
            del part, reports, names, failures, sources_of
    finally:
        # A stopped iteration (an error, or a caller that breaks off) waits for the chunk in
        # the core, at most one chunk's audits.
        pool.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()


def _renamed(source: str, offset: int) -> str:
    if offset and source.startswith("<item ") and source.endswith(">") and source[6:-1].isdigit():
        return f"<item {int(source[6:-1]) + offset}>"
    return source
