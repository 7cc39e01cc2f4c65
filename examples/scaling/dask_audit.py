#!/usr/bin/env python3
"""Audit many organisation files with Dask: each partition of paths is audited by
``trygg.audit_many`` in a worker process, and the ReportSets come back to be joined.

What travels (docs/scaling.md): paths go out to the workers, each worker reads and audits its
own files, and one pickled ``trygg.ReportSet`` per partition comes back (the C++ core's compact
bytes). The workers need ``trygg`` installed, the same version as here, and the files at the
same paths; nothing else from this script is sent to them (the task is
``functools.partial(trygg.audit_many, ...)``).

As a script, on a local cluster of two worker processes::

    python3 examples/scaling/dask_audit.py examples/organisations/*.json --as-of 2026-11-22
    python3 examples/scaling/dask_audit.py DIR/*.json --out findings.csv --scheduler tcp://host:8786

As a function::

    from dask_audit import audit_with_dask
    reports = audit_with_dask(paths, as_of="2026-11-22")          # a local cluster of its own
    reports = audit_with_dask(paths, client=client)               # an existing dask.distributed.Client
    reports.findings_frame()
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import trygg


def local_cluster(n_workers: int = 2, **kwargs: Any) -> Any:
    """A ``dask.distributed.LocalCluster`` of worker processes with one thread each (the
    audit of one partition runs in one C++ thread: the parallelism is the processes)."""
    from dask.distributed import LocalCluster

    options: dict[str, Any] = {"n_workers": n_workers, "processes": True, "threads_per_worker": 1,
                               "dashboard_address": ":0", "host": "127.0.0.1"}
    options.update(kwargs)
    return LocalCluster(**options)


def audit_with_dask(
    paths: Iterable[str | os.PathLike[str]],
    *,
    client: Any = None,
    npartitions: int | None = None,
    framework: trygg.Framework | None = None,
    as_of: str | None = None,
    lang: str | None = None,
    errors: str = "collect",
) -> trygg.ReportSet:
    """Audit the files at ``paths`` on a Dask cluster and return one ReportSet, in the order
    of ``paths``, with every failing file in its ``failures``.

    :param client: a ``dask.distributed.Client``; default: a local cluster of two worker
        processes, started and closed here.
    :param npartitions: default: four per worker (at most one per path), so that a partition
        holding a large employer does not keep the other workers idle for long.
    :param framework: sent once to every worker (``Client.scatter``); default: the built-in one.
    :param errors: as for ``trygg.audit_many``; with "raise" the first failing file's
        LoadError is raised here, from the worker.
    """
    import dask
    import dask.bag as db

    sources = [os.fspath(p) for p in paths]
    if not sources:
        return trygg.ReportSet.from_reports([])
    own = None
    if client is None:
        from dask.distributed import Client

        own = local_cluster()
        client = Client(own)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = npartitions or min(len(sources), 4 * workers)
        bag = db.from_sequence(sources, npartitions=parts)
        # The task is trygg's own function: the workers need trygg, not this file.
        task = dask.delayed(functools.partial(trygg.audit_many, as_of=as_of, lang=lang, workers=1, progress=False,
                                              errors=errors))
        extra: dict[str, Any] = {}
        if framework is not None:
            extra["framework"] = client.scatter(framework, broadcast=True)  # one copy per worker, not per task
        delayed_sets = [task(part, **extra) for part in bag.to_delayed()]
        futures = client.compute(delayed_sets)
        sets = client.gather(futures)
        return trygg.ReportSet.concat(sets)
    finally:
        if own is not None:
            client.close()
            own.close()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", help="organisation files")
    ap.add_argument("--as-of", help="audit date, YYYY-MM-DD (default: today)")
    ap.add_argument("--lang", help="report language (sv, nb, en)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    ap.add_argument("--partitions", type=int, help="partitions of the paths")
    ap.add_argument("--out", help="write the findings frame to this CSV file")
    a = ap.parse_args(argv)

    from dask.distributed import Client

    cluster = None if a.scheduler else local_cluster(a.workers)
    with Client(a.scheduler or cluster) as client:
        reports = audit_with_dask(a.paths, client=client, npartitions=a.partitions, as_of=a.as_of, lang=a.lang)
    if cluster is not None:
        cluster.close()
    findings = reports.findings_frame()
    print(f"{len(reports)} organisations audited, {len(reports.failures)} failed, {len(findings)} findings")
    for failure in reports.failures:
        print(f"  failed: {failure.source}: {failure.error}", file=sys.stderr)
    print(reports.scores_frame(by="area").pivot_table(index="organisation", columns="area", values="score",
                                                      observed=True).round(2).to_string())
    if a.out:
        findings.to_csv(a.out, index=False)
        print(f"findings written to {a.out}")
    return 1 if reports.failures else 0


if __name__ == "__main__":
    sys.exit(main())
