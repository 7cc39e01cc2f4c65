"""No file lost (issue 12, section 3): what trygg-check writes with --output never replaces an
input, a file it did not write (without --force) or the target of a link, is written whole or
not at all, and is readable by its owner only."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"


def run(checker: str, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([checker, *args], capture_output=True, text=True, **kw)  # type: ignore[call-overload]


@pytest.fixture()
def org(tmp_path: Path) -> Path:
    p = tmp_path / "org.json"
    shutil.copy(KOMMUN, p)
    return p


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".trygg-" in p.name)


def test_the_report_never_replaces_its_own_input(checker: str, org: Path, tmp_path: Path) -> None:
    before = org.read_bytes()
    hard = tmp_path / "hard.json"
    os.link(org, hard)
    soft = tmp_path / "soft.json"
    soft.symlink_to(org)
    for target, source in ((org, org), (hard, org), (org, soft), (soft, org)):
        p = run(checker, "check", str(source), "--as-of", "2026-11-22", "-o", str(target), "--force")
        assert p.returncode == 2, (target, source, p.stderr)
        assert "input of this run" in p.stderr
        assert p.stdout == ""
        assert org.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_pack_or_profile_is_an_input_too(checker: str, org: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text('{"format": "trygg.profile/1", "name": "p", "ignore": ["SUP-*"]}', encoding="utf-8")
    before = profile.read_bytes()
    p = run(checker, "check", str(org), "--profile", str(profile), "-o", str(profile), "--force")
    assert p.returncode == 2 and profile.read_bytes() == before


def test_template_never_replaces_a_file_without_force(checker: str, org: Path) -> None:
    before = org.read_bytes()
    p = run(checker, "template", "-o", str(org))
    assert p.returncode == 2 and "exists" in p.stderr
    assert org.read_bytes() == before
    p = run(checker, "template", "-o", str(org), "--force")
    assert p.returncode == 0, p.stderr
    assert b'"placeholder": true' in org.read_bytes()


@pytest.mark.parametrize("fmt", ["text", "md", "csv", "json", "html"])
def test_only_trygg_outputs_are_replaced_without_force(checker: str, org: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    out.write_text("my own notes\n", encoding="utf-8")
    p = run(checker, "check", str(org), "--as-of", "2026-11-22", "--format", fmt, "-o", str(out))
    assert p.returncode == 2 and "not a report or document trygg wrote" in p.stderr
    assert out.read_text(encoding="utf-8") == "my own notes\n"
    # A report trygg wrote (any format, any language) is replaced by the next run.
    out.unlink()
    for lang in ("sv", "nb", "en"):
        p = run(checker, "check", str(org), "--as-of", "2026-11-22", "--format", fmt, "--lang", lang, "-o", str(out))
        assert p.returncode == 1, p.stderr
    stdout = run(checker, "check", str(org), "--as-of", "2026-11-22", "--format", fmt, "--lang", "en").stdout
    assert out.read_text(encoding="utf-8") == stdout
    # With --force anything is replaced.
    out.write_text("my own notes\n", encoding="utf-8")
    assert run(checker, "check", str(org), "--format", fmt, "-o", str(out), "--force").returncode == 1
    assert out.read_text(encoding="utf-8") != "my own notes\n"


def test_documents_replace_documents(checker: str, org: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    for lang in ("sv", "en"):
        p = run(checker, "document", "--kind", "sam-follow-up", str(org), "--as-of", "2026-11-22", "--lang", lang,
                "-o", str(out))
        assert p.returncode == 0, p.stderr
    assert out.read_text(encoding="utf-8").startswith("# Yearly follow-up")


def test_a_link_is_not_written_through(checker: str, org: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(precious)
    p = run(checker, "check", str(org), "-o", str(link))
    assert p.returncode == 2 and "symbolic link" in p.stderr
    # --force replaces the link itself, never the file it points to.
    p = run(checker, "check", str(org), "-o", str(link), "--force")
    assert p.returncode == 1, p.stderr
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("trygg: ")


def test_new_files_are_readable_by_the_owner_only(checker: str, org: Path, tmp_path: Path) -> None:
    out = tmp_path / "new.json"
    old_umask = os.umask(0o022)
    try:
        assert run(checker, "check", str(org), "--format", "json", "-o", str(out)).returncode == 1
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def limit_file_size(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        # The write fails part-way with EFBIG instead of killing the process (SIGXFSZ ignored).
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_write_that_fails_part_way_keeps_the_previous_report(checker: str, org: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert run(checker, "check", str(org), "--format", "json", "--as-of", "2026-01-01", "-o", str(out)).returncode == 1
    previous = out.read_bytes()
    assert len(previous) > 8192
    p = run(checker, "check", str(org), "--format", "json", "--as-of", "2026-11-22", "-o", str(out),
            preexec_fn=limit_file_size(4096))
    assert p.returncode == 2, p.stderr
    assert "writing failed" in p.stderr and "unchanged" in p.stderr
    assert out.read_bytes() == previous
    assert leftovers(tmp_path) == []


def test_a_directory_is_refused(checker: str, org: Path, tmp_path: Path) -> None:
    p = run(checker, "check", str(org), "-o", str(tmp_path))
    assert p.returncode == 2 and "directory" in p.stderr


@pytest.mark.parametrize("value", ["-1", "-5", "0x10", "18446744073709551616", "1e3", "", "0", " 5", "+5", "5k"])
@pytest.mark.parametrize("option", ["--max-depth", "--max-entities", "--max-file-size", "--max-string-size"])
def test_limit_options_take_plain_decimal_numbers_only(checker: str, org: Path, option: str, value: str) -> None:
    p = run(checker, "validate", str(org), f"{option}={value}")
    assert p.returncode == 2, (option, value, p.stdout)
    assert option in p.stderr  # the error names the option
    if value:
        assert "plain decimal digits" in p.stderr
    assert p.stdout == ""


def test_limit_options_in_range_are_taken(checker: str, org: Path) -> None:
    assert run(checker, "validate", str(org), "--max-depth=64", "--max-entities=18446744073709551615").returncode == 0
    # One level too few for the file: refused by the limit, as chosen.
    p = run(checker, "validate", str(org), "--max-depth=3")
    assert p.returncode == 2 and "--max-depth" in p.stderr
