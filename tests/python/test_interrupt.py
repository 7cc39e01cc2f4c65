"""Ctrl-C (SIGINT) stops a long load or audit promptly with KeyboardInterrupt, instead of
taking effect only when the call returns (docs/reliability.md, "Interrupting a load")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import trygg
from conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")

CHILD = r"""
import sys, time, trygg
path, what = sys.argv[1], sys.argv[2]
org = trygg.load_organisation(path) if what == "audit" else None
print("started", flush=True)
start = time.monotonic()
try:
    if what == "load":
        trygg.load_organisation(path)
    else:
        trygg.audit(org, as_of="2026-01-15")
except KeyboardInterrupt:
    print("interrupted %.3f" % (time.monotonic() - start), flush=True)
    sys.exit(3)
print("finished %.3f" % (time.monotonic() - start), flush=True)
"""


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("interrupt") / "big.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "150000", str(path)], check=True)
    return path


def child(path: Path, what: str) -> subprocess.Popen[str]:
    env = dict(os.environ)
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), what], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def timed_run(path: Path, what: str, interrupt_after: float | None) -> tuple[str, float]:
    """The child's last line and the time from "started" to its exit."""
    p = child(path, what)
    assert p.stdout is not None
    assert p.stdout.readline().strip() == "started"
    started = time.monotonic()
    if interrupt_after is not None:
        time.sleep(interrupt_after)
        p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=600)
    elapsed = time.monotonic() - started
    return out.strip() + ("" if p.returncode in (0, 3) else f" rc={p.returncode} {err}"), elapsed


@pytest.mark.parametrize("what", ["load", "audit"])
def test_sigint_interrupts_promptly(big, what):
    full_line, full = timed_run(big, what, None)
    assert full_line.startswith("finished"), full_line
    # Interrupt a tenth of the way in: the call must come back long before it would finish.
    line, interrupted = timed_run(big, what, full / 10)
    assert line.startswith("interrupted"), line
    assert interrupted < full / 2, (interrupted, full)


def test_cancelled_translates_to_keyboard_interrupt():
    from trygg import _core

    with pytest.raises(KeyboardInterrupt):
        _core._raise_for_test("cancelled")
    assert issubclass(KeyboardInterrupt, BaseException) and not issubclass(KeyboardInterrupt, trygg.Error)
