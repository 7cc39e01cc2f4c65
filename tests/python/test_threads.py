"""Threads (issue "Hardening", items 5 and 6, Python side): one framework shared by many
threads gives each the report a sequential audit gives; the GIL is released while the core
works; and a report is the same bytes whatever the hash seed or the number of threads."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import trygg
from conftest import AS_OF, ROOT

EXAMPLES = ROOT / "examples" / "organisations"


def _variants() -> list[dict[str, Any]]:
    """Eight different organisations made from the two examples."""
    kommun = json.loads((EXAMPLES / "kommun.json").read_text(encoding="utf-8"))
    small = json.loads((EXAMPLES / "small-company.json").read_text(encoding="utf-8"))

    def changed(doc: dict[str, Any], ident: str, edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        doc = json.loads(json.dumps(doc))
        doc["id"] = ident
        edit(doc)
        return doc

    def double_headcounts(doc: dict[str, Any]) -> None:
        for u in doc["units"]:
            if "headcount" in u:
                u["headcount"] *= 2
        doc["headcount"]["total"] *= 2
        doc["headcount"].pop("start_of_year", None)

    return [
        kommun,
        small,
        changed(kommun, "v-no-first-routine", lambda d: d["routines"].pop(0)),
        changed(kommun, "v-double-headcount", double_headcounts),
        changed(kommun, "v-no-activities", lambda d: d.update(activities=[])),
        changed(kommun, "v-half-routines", lambda d: d.update(routines=d["routines"][::2])),
        changed(small, "v-small-no-routines", lambda d: d.update(routines=[])),
        changed(small, "v-small-big", double_headcounts),
    ]


@pytest.fixture(scope="module")
def framework() -> trygg.Framework:
    return trygg.Framework.builtin()


@pytest.fixture(scope="module")
def organisations(framework: trygg.Framework) -> list[trygg.Organisation]:
    return [trygg.Organisation.from_dict(doc, framework, name=f"variant-{i}") for i, doc in enumerate(_variants())]


def test_one_framework_shared_by_eight_threads(framework, organisations):
    expected = [trygg.audit(o, framework, as_of=AS_OF).to_json() for o in organisations]
    assert len(set(expected)) == len(organisations), "the variants must give different reports"

    def work(i: int) -> tuple[int, str]:
        k = i % len(organisations)
        return k, trygg.audit(organisations[k], framework, as_of=AS_OF).to_json()

    rounds = 4
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(rounds * len(organisations))))
    assert len(results) == rounds * len(organisations)
    for k, text in results:
        assert text == expected[k], f"variant {k} differs from its sequential audit"


def test_threads_load_and_render_alike(framework, organisations, tmp_path):
    """Loading, auditing and rendering every format in threads: the same as sequentially."""
    files = []
    for i, org in enumerate(organisations):
        path = tmp_path / f"v{i}.json"
        path.write_text(json.dumps(org.to_dict()), encoding="utf-8")
        files.append(path)

    def everything(path: Path) -> tuple[str, ...]:
        org = trygg.load_organisation(path, framework)
        r = trygg.audit(org, as_of=AS_OF, lang="en")
        return (r.to_json(), r.to_markdown(lang="sv"), r.to_text(lang="nb"), r.to_csv(),
                trygg.render_document("sam-follow-up", org, as_of=AS_OF))

    expected = [everything(p) for p in files]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(everything, files * 3))
    assert got == expected * 3


# --- The GIL --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big(framework, tmp_path_factory) -> dict[str, Any]:
    """A generated organisation of 30,000 units (bench/generate.py): its file, its text, the
    loaded organisation and its report."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "bench"))
    text = json.dumps(generate.generate(30_000), separators=(",", ":"))
    path = tmp_path_factory.mktemp("big") / "o30k.json"
    path.write_text(text, encoding="utf-8")
    org = trygg.Organisation.from_json(text, framework)
    return {"path": path, "text": text, "org": org, "report": trygg.audit(org, framework, as_of=AS_OF)}


def _main_thread_ran_during(call: Callable[[], object]) -> bool:
    """Run `call` in a worker thread that notes perf_counter() just before and after it, while
    this (main) thread notes perf_counter() in a tight loop until the worker is done. True if
    a note of the main thread falls in the middle half of the worker's window: with the GIL held
    through the call, the main thread could run only at the window's edges."""
    window: dict[str, float] = {}
    failure: list[BaseException] = []

    def worker() -> None:
        try:
            window["before"] = time.perf_counter()
            call()
            window["after"] = time.perf_counter()
        except BaseException as e:  # noqa: BLE001 - reported below
            failure.append(e)

    stamps: list[float] = []
    t = threading.Thread(target=worker)
    t.start()
    while t.is_alive():
        stamps.append(time.perf_counter())
    t.join()
    if failure:
        raise failure[0]
    before, after = window["before"], window["after"]
    quarter = (after - before) / 4
    return any(before + quarter <= s <= after - quarter for s in stamps)


def _gil_released(call: Callable[[], object]) -> bool:
    # A loaded machine may keep the main thread off the CPU for a while: a few tries. A call
    # that holds the GIL fails every one.
    return any(_main_thread_ran_during(call) for _ in range(3))


def test_detector_sees_a_held_gil():
    """The method itself: a long C call that holds the GIL is told apart. Sorting floats
    allocates nothing on the way, so no garbage collection runs Python finalizers (which
    would let the main thread in)."""
    # trygg._core does not declare itself free-threading safe, so importing it enables the GIL
    # even on a free-threaded build: there is always a GIL to hold here.
    rng = random.Random(1)
    numbers = [rng.random() for _ in range(1_000_000)]
    gc.disable()
    try:
        assert not _gil_released(lambda: sorted(numbers))
    finally:
        gc.enable()


@pytest.mark.parametrize("what", ["audit", "load_organisation", "Organisation.from_json", "Report.to_markdown"])
def test_gil_is_released(big, framework, what):
    calls: dict[str, Callable[[], object]] = {
        "audit": lambda: trygg.audit(big["org"], framework, as_of=AS_OF),
        "load_organisation": lambda: trygg.load_organisation(big["path"], framework),
        "Organisation.from_json": lambda: trygg.Organisation.from_json(big["text"], framework),
        "Report.to_markdown": lambda: big["report"].to_markdown(),
    }
    assert _gil_released(calls[what]), f"the main thread did not run while {what} ran: is the GIL held?"


# --- Determinism across processes -----------------------------------------------------------

_SCRIPT = r"""
import hashlib, json, sys
from concurrent.futures import ThreadPoolExecutor
import trygg

path, threads = sys.argv[1], int(sys.argv[2])
fw = trygg.Framework.builtin()
org = trygg.load_organisation(path, fw)
again = trygg.Organisation.from_dict(json.loads(json.dumps(org.to_dict())), fw)  # via Python dicts
jobs = [org, again] * threads
with ThreadPoolExecutor(threads) as pool:
    texts = list(pool.map(lambda o: trygg.audit(o, as_of="2026-11-22").to_json(), jobs))
assert len(set(texts)) == 1, "the threads of one process disagree"
sys.stdout.write(texts[0])
"""


def _report_in_subprocess(path: Path, threads: int, hash_seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (os.path.dirname(trygg.__path__[0]), env.get("PYTHONPATH")) if p)
    p = subprocess.run([sys.executable, "-c", _SCRIPT, str(path), str(threads)], capture_output=True, env=env,
                       timeout=120)
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    return p.stdout


@pytest.mark.parametrize("example", ["kommun.json", "small-company.json"])
def test_report_bytes_do_not_depend_on_hash_seed_or_threads(example):
    path = EXAMPLES / example
    runs = {(seed, threads): _report_in_subprocess(path, threads, seed)
            for seed, threads in [("0", 1), ("1", 4), ("4242", 2), ("random", 8)]}
    digests = {key: hashlib.sha256(out).hexdigest() for key, out in runs.items()}
    assert len(set(digests.values())) == 1, digests
    in_process = trygg.audit(trygg.load_organisation(path), as_of=AS_OF).to_json()
    assert next(iter(runs.values())) == in_process.encode("utf-8")


def test_checker_output_is_byte_identical(checker, kommun):
    args = [checker, "check", "--format", "json", "--as-of", AS_OF, str(kommun)]
    first = subprocess.run(args, capture_output=True, timeout=120)
    second = subprocess.run(args, capture_output=True, timeout=120, env=dict(os.environ, PYTHONHASHSEED="7"))
    assert first.returncode in (0, 1), first.stderr  # 1: findings at or above --fail-on
    assert first.stdout and first.stdout == second.stdout
    assert first.returncode == second.returncode
    json.loads(first.stdout)
