"""trygg-check run as a user runs it: exit codes, formats, errors on stderr only."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import AS_OF, BAD, BAD_CASES, LIMIT_OPTIONS


def run(checker, *args, stdin=None):
    return subprocess.run([checker, *map(str, args)], capture_output=True, text=True, input=stdin, timeout=60)


def test_check_text_report(checker, kommun):
    p = run(checker, "check", kommun, "--as-of", AS_OF, "--fail-on", "never")
    assert p.returncode == 0
    assert "Sammanfattning" in p.stdout  # Swedish, from the country
    assert "\033[" not in p.stdout  # no colour when not on a terminal
    assert all(len(line) <= 80 for line in p.stdout.splitlines())
    assert p.stderr == ""


def test_exit_codes_follow_fail_on(checker, kommun):
    assert run(checker, "check", kommun, "--as-of", AS_OF, "--fail-on", "info").returncode == 1
    assert run(checker, "check", kommun, "--as-of", AS_OF, "--fail-on", "critical").returncode == 0


def test_json_output_is_stable(checker, kommun, tmp_path):
    out = tmp_path / "r.json"
    p = run(checker, "check", kommun, "--as-of", AS_OF, "--format", "json", "--output", out, "--fail-on", "never")
    assert p.returncode == 0 and p.stdout == ""
    first = out.read_bytes()
    run(checker, "check", kommun, "--as-of", AS_OF, "--format", "json", "--output", out, "--fail-on", "never")
    assert out.read_bytes() == first
    assert json.loads(first)["format"] == "trygg.report/2"


def test_markdown_and_csv(checker, small_company):
    md = run(checker, "check", small_company, "--as-of", AS_OF, "--format", "md", "--fail-on", "never")
    assert "| Område | Finnes i dag | Forslag til tiltak |" in md.stdout  # Norwegian, from the country
    csv = run(checker, "check", small_company, "--as-of", AS_OF, "--format", "csv", "--lang", "en", "--fail-on", "never")
    assert csv.stdout.startswith("fingerprint,rule,measure")


def test_stdin(checker, small_company):
    p = run(checker, "validate", "-", stdin=small_company.read_text(encoding="utf-8"))
    assert p.returncode == 0
    assert "valid" in p.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["check", "ORG", "--lang", "de"],
        ["check", "ORG", "--format", "pdf"],
        ["check", "ORG", "--fail-on", "severe"],
        ["check", "ORG", "--as-of", "2026-02-30"],
        ["check", "ORG", "--pack", "nope"],
        ["check", "ORG", "--no-such-flag"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2_with_nothing_on_stdout(checker, kommun, args):
    p = run(checker, *[str(kommun) if a == "ORG" else a for a in args])
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.strip()


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_exits_2_with_exact_error_on_stderr(checker, small_company, bad_case_path, name):
    """The whole bad-input corpus through the checker: exit 2, the first problem on stderr in
    full (file, pointer, expected, found, hint), nothing on stdout."""
    case = BAD_CASES[name]
    path = bad_case_path(name)
    kind = case.get("kind", "organisation")
    limits = [a for k, v in case.get("limits", {}).items() for a in (LIMIT_OPTIONS[k], v)]
    if kind == "pack":
        commands = [["check", small_company, "--pack-file", path], ["validate", small_company, "--pack-file", path]]
    elif kind == "profile":
        commands = [["check", small_company, "--profile", path]]
    else:
        commands = [["check", path, *limits], ["validate", path, *limits]]
    pointer = case["pointer"] or "(root)"
    detail = f": {pointer}: expected {case['expected']}, found {case['found']}"
    if case.get("hint"):
        detail += f" ({case['hint']})"
    for args in commands:
        p = run(checker, *args)
        assert (p.returncode, p.stdout) == (2, "")
        first = p.stderr.splitlines()[0]
        assert first.startswith(f"error: {path}")
        assert first.endswith(detail)


def test_bad_input_on_standard_input(checker):
    p = run(checker, "check", "-", stdin=(BAD / "unit-cycle.json").read_text(encoding="utf-8"))
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr.startswith("error: <stdin>: /units/1/parent: expected a parent chain")


def test_standard_input_over_the_size_limit(checker, kommun):
    """Standard input is read only up to the limit, so the error cannot give its size."""
    p = run(checker, "validate", "-", "--max-file-size", "100", stdin=kommun.read_text(encoding="utf-8"))
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr == (
        "error: <stdin>: (root): expected a document of at most 100 bytes, found more than 100 bytes (raise the limit "
        "with --max-file-size (Python: max_file_bytes=..., C++: LoadLimits::max_file_bytes))\n"
    )


def test_limit_options_raise_the_limits(checker):
    """--max-entities and --max-string-size are taken: raising the limit makes the case load."""
    path = BAD / "too-many-entities.json"
    assert run(checker, "validate", path, "--max-entities", "11").returncode == 2
    assert run(checker, "validate", path, "--max-entities", "12").returncode == 0
    assert run(checker, "validate", path, "--max-string-size", "1").returncode == 2
    assert run(checker, "validate", BAD / "nesting-100000.json", "--max-depth", "0").returncode == 2


@pytest.mark.parametrize("sub", ["check", "validate", "explain", "rules", "template"])
def test_help_on_every_subcommand(checker, sub):
    p = run(checker, sub, "--help")
    assert p.returncode == 0
    assert "Usage" in p.stdout or "usage" in p.stdout.lower()


def test_explain_rule_and_measure(checker):
    p = run(checker, "explain", "ORG-03/elements", "--lang", "en")
    assert p.returncode == 0
    # The framework's own source is cited in a form a reader can look up (issue 11), not as an id.
    assert "Who investigates" in p.stdout and "Åtgärder för att förebygga" in p.stdout
    assert "seed-004" not in p.stdout
    m = run(checker, "explain", "ORG-03", "--lang", "sv")
    assert "ORG-03/elements" in m.stdout
    assert run(checker, "explain", "NOPE-1").returncode == 2


def test_rules_json(checker):
    p = run(checker, "rules", "--format", "json")
    rules = json.loads(p.stdout)
    assert len(rules) > 100
    assert {"id", "measure", "check", "severity", "obligation"} <= set(rules[0])
