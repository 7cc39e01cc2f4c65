"""The legal packs through the checker: explain, profiles on the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import trygg


def run(checker: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([checker, *args], capture_output=True, text=True, check=False, timeout=60)


def test_explain_shows_citation_rationale_evidence_and_both_examples(checker: str) -> None:
    out = run(checker, "explain", "se.dl.3-6.routine", "--lang", "en")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Swedish Discrimination Act, diskrimineringslagen (SFS 2008:567), 3 kap. 6 §" in text
    assert "Why: The routine against harassment must say" in text
    assert "Evidence: The routine's \"elements\"" in text
    assert "Passing example (audited as of 2026-06-15):" in text
    assert "Failing example (audited as of 2026-06-15):" in text
    # The passing example states the four elements; the failing one none.
    passing = text.split("Passing example")[1].split("Failing example")[0]
    failing = text.split("Failing example")[1]
    for element in ("who-to-turn-to", "employer-actions", "investigator", "reprisal-protection"):
        assert element in passing
        assert element not in failing


@pytest.mark.parametrize("rule", ["se.wb.channel", "no.aml.2a-6.content", "eu.wb.9.terms", "violence.no.drills"])
def test_explained_examples_really_pass_and_fail(checker: str, rule: str, tmp_path: Path) -> None:
    """The examples explain prints are audited by the checker with the outcome they claim."""
    examples = trygg.Framework.builtin().rule_examples(rule)
    for kind, want in (("pass", 0), ("fail", 1)):
        path = tmp_path / f"{kind}.json"
        path.write_text(json.dumps(examples[kind]["organisation"]), encoding="utf-8")
        out = run(checker, "check", str(path), "--as-of", examples[kind]["as_of"], "--select", rule, "--format", "json",
                  "--fail-on", "info")
        assert out.returncode == want, out.stderr
        result = next(r for r in json.loads(out.stdout)["results"] if r["rule"] == rule)
        assert (result["status"] == "pass") == (kind == "pass")


def test_profile_flags_select_and_tune(checker: str, kommun: Path) -> None:
    out = run(checker, "check", str(kommun), "--as-of", "2026-11-22", "--format", "json", "--select", "se.*", "--ignore", "se.wb.*",
              "--severity", "se.dl.*=critical")
    assert out.returncode in (0, 1), out.stderr
    doc = json.loads(out.stdout)
    results = doc["results"]
    assert results and all(r["rule"].startswith("se.") and not r["rule"].startswith("se.wb.") for r in results)
    assert all(doc["rules"][r["rule"]]["severity"] == "critical" for r in results if r["rule"].startswith("se.dl."))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "se.dl.3-6.routin"], "<command line>: /select/0: expected the id of a rule"),
        (["--ignore", "zz.*"], "\"zz.*\", which matches none"),
        (["--severity", "se.*=urgent"], "--severity: expected RULE=SEVERITY"),
        (["--param", "se.dl.2-3.investigate:within=soon"], "/params/se.dl.2-3.investigate/within"),
        (["--param", "nonsense"], "--param: expected RULE:NAME=VALUE"),
    ],
)
def test_bad_profile_flags_exit_2_with_the_reason(checker: str, kommun: Path, args: list[str], message: str) -> None:
    out = run(checker, "check", str(kommun), *args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert message in out.stderr


def test_profile_file_errors_point_into_the_file(checker: str, kommun: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps({"format": "trygg.profile/1", "severity": {"ORG-99/*": "high"}}), encoding="utf-8")
    out = run(checker, "check", str(kommun), "--profile", str(profile))
    assert out.returncode == 2
    assert out.stdout == ""
    assert f"{profile}: /severity/ORG-99~1*" in out.stderr


def test_python_profile_api() -> None:
    fw = trygg.Framework.builtin().with_profile({"format": "trygg.profile/1", "select": ["no.*"]})
    assert fw.rules and all(r["id"].startswith("no.") for r in fw.rules)
    with pytest.raises(trygg.LoadError) as err:
        trygg.Framework.builtin().with_profile({"format": "trygg.profile/1", "select": ["no.nothing"]})
    assert err.value.pointer == "/select/0"
    with pytest.raises(TypeError):
        trygg.Framework.builtin().with_profile(42)  # type: ignore[arg-type]
    with pytest.raises(trygg.UsageError):
        trygg.Framework.builtin().rule_examples("no-such-rule")


def test_report_lists_each_routine_against_every_regime() -> None:
    org = trygg.Organisation.from_dict(
        {
            "format": "trygg.organisation/1",
            "id": "org-x",
            "country": "NO",
            "sector": "private",
            "headcount": {"total": 12, "regular": 12},
            "units": [{"id": "u-1"}],
            "routines": [
                {
                    "id": "r-varsling",
                    "measures": ["ORG-03", "SIG-07"],
                    "written": True,
                    "elements": ["encouragement-to-report", "how-to-report", "handling-and-follow-up"],
                }
            ],
        }
    )
    report = trygg.audit(org, as_of="2026-06-01", lang="en")
    [routine] = report.routines
    by_rule = {q["rule"]: q for q in routine["requirements"]}
    assert by_rule["no.aml.2a-6.content"]["satisfied"] is True
    assert by_rule["no.aml.2a-6.content"]["citations"][0]["locator"] == "§ 2 A-6 bokstav a-c"
    assert by_rule["ORG-03/elements"]["satisfied"] is False
    assert "who-to-turn-to" in by_rule["ORG-03/elements"]["missing"]
    assert not any(rule.startswith("se.") for rule in by_rule)
