"""trygg-check document: yearly documentation drafts, with gaps marked, errors on stderr only."""

from __future__ import annotations

import subprocess

import pytest

import trygg

from conftest import ROOT


def run(checker, *args):
    return subprocess.run([checker, *map(str, args)], capture_output=True, text=True, timeout=60)


def test_dl_active_measures_of_the_example(checker, kommun):
    p = run(checker, "document", "--kind", "dl-active-measures", kommun, "--as-of", "2026-03-01")
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""
    out = p.stdout
    assert out.startswith("# Aktiva åtgärder mot diskriminering – dokumentation för 2026\n")  # Swedish, from the country
    assert "| Antal anställda vid årets början | 2037 |" in out
    assert "## 1. Risker och hinder som upptäckts" in out
    assert "## 6. Hur samverkan har skett" in out
    # The example's risk without a cause and the risk without an action are marked gaps.
    assert "> **Uppgift saknas:** ingen orsaksanalys angiven för risk r-03\n" in out
    assert "> **Uppgift saknas:** ingen åtgärd angiven för risk r-05\n" in out
    # Actions linked to risks, with due dates; last year's actions followed up with their outcome.
    assert "| r-01 | ap-10: Rutin för att avbryta hembesök vid trakasserier, med larmtelefon | p-020 | 2025-10-31 |" in out
    assert "| 2025-10-31 | 2025-10-15 | 2025-12-01 | delvis verkningsfull |" in out
    assert "> **Uppgift saknas:** inget utfall av utvärderingen angivet för åtgärd ap-11\n" in out
    # The same input gives the same draft.
    again = run(checker, "document", "--kind", "dl-active-measures", kommun, "--as-of", "2026-03-01")
    assert again.stdout == out


def test_languages_and_output_file(checker, kommun, tmp_path):
    out = tmp_path / "draft.md"
    p = run(checker, "document", "--kind", "sam-follow-up", kommun, "--as-of", "2026-11-22", "--lang", "en",
            "--output", out)
    assert p.returncode == 0, p.stderr
    assert p.stdout == "" and p.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Yearly follow-up of systematic work-environment management – 2026-11-22\n")
    assert "## 5. Does it work?" in text
    nb = run(checker, "document", "--kind", "dl-active-measures", kommun, "--as-of", "2026-03-01", "--lang", "nb")
    assert "> **Opplysning mangler:** ingen årsaksanalyse oppgitt for risiko r-03\n" in nb.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["document", "--kind", "annual-report", "ORG"],
        ["document", "ORG"],
        ["document", "--kind", "dl-active-measures", "ORG", "--as-of", "2026-02-30"],
        ["document", "--kind", "dl-active-measures", "ORG", "--lang", "de"],
    ],
)
def test_usage_errors_exit_2_with_nothing_on_stdout(checker, kommun, args):
    p = run(checker, *[str(kommun) if a == "ORG" else a for a in args])
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.strip()


def test_bad_kind_names_the_kinds(checker, kommun):
    p = run(checker, "document", "--kind", "annual-report", kommun)
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr == (
        'error: --kind: expected one of dl-active-measures, sam-follow-up, found "annual-report"\n'
    )


def test_bad_input_exits_2(checker):
    p = run(checker, "document", "--kind", "sam-follow-up", ROOT / "tests" / "data" / "bad" / "unit-cycle.json")
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.startswith("error: ")


def test_python_api(kommun):
    org = trygg.load_organisation(kommun)
    text = trygg.render_document("dl-active-measures", org, as_of="2026-03-01", lang="en")
    assert "> **Missing information:** no cause analysis given for risk r-03\n" in text
    assert text == trygg.render_document("dl-active-measures", org, org.framework, "2026-03-01", "en")
    with pytest.raises(ValueError, match="kind must be one of"):
        trygg.render_document("annual-report", org)
    with pytest.raises(ValueError):
        trygg.render_document("sam-follow-up", org, as_of="2026-02-30")
