"""The framework's own sources through the checker: explain shows a reference a reader can
look up, not the bare seed id."""

from __future__ import annotations

import subprocess

import pytest


def run(checker: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([checker, *args], capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.parametrize("lang", ["sv", "nb", "en"])
def test_explain_cites_the_form_by_its_title(checker: str, lang: str) -> None:
    out = run(checker, "explain", "FORUM-01", "--lang", lang)
    assert out.returncode == 0, out.stderr
    assert "Åtgärder för att förebygga" in out.stdout
    assert "seed-004" not in out.stdout


def test_explain_gives_a_known_source_its_url(checker: str) -> None:
    """A citation without a url of its own shows its source's url, in angle brackets."""
    out = run(checker, "explain", "LEAD-01", "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert "seed-00" not in out.stdout
    assert "<https://www.kkuriren.se/" in out.stdout
    assert "<https://arbetet.se/" in out.stdout
