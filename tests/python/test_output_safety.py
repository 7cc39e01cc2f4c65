"""Output that cannot be made to lie (issue 12, section 1).

Names and titles come from the input, and reports are pasted into wikis, intranets and
terminals. Whatever text a name holds, the Markdown must parse (with GitHub's cmark-gfm, from
PyPI's cmarkgfm) to the same structure as with a harmless name, the text report must carry no
control character, and no output may depend on the process locale.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import trygg

ROOT = Path(__file__).resolve().parents[2]
KOMMUN = ROOT / "examples" / "organisations" / "kommun.json"
AS_OF = "2026-11-22"
FW = trygg.Framework.builtin()
BASE_DOC = json.loads(KOMMUN.read_text(encoding="utf-8"))


def with_names(text: str) -> dict:
    """The example municipality with `text` in every name and title the input has."""
    doc = copy.deepcopy(BASE_DOC)
    doc["name"] = text
    for key, field in (("units", "name"), ("routines", "title"), ("risks", "title"), ("action_plan", "title")):
        for entry in doc.get(key, []):
            entry[field] = text
    for risk in doc.get("risks", []):
        if "cause" in risk:
            risk["cause"] = text
    return doc


class Structure(HTMLParser):
    """Counts the elements of rendered HTML and collects link targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name in ("href", "src"):
                self.targets.append(value or "")

    def handle_comment(self, data: str) -> None:
        self.tags["<!-- -->"] += 1


def structure(markdown: str) -> Structure:
    # Unsafe mode keeps raw HTML and every link target as written, so nothing is hidden from
    # the count; GitHub's extensions (tables, autolinks, strikethrough, task lists) are on.
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    p = Structure()
    p.feed(html)
    return p


def markdowns(doc: dict) -> list[str]:
    org = trygg.Organisation.from_dict(doc, FW)
    report = trygg.audit(org, FW, as_of=AS_OF)
    out = [report.to_markdown(lang=lang) for lang in ("sv", "en")]
    for kind in ("dl-active-measures", "sam-follow-up"):
        out.append(trygg.render_document(kind, org, FW, as_of=AS_OF, lang="en"))
    return out


BENIGN = [structure(m) for m in markdowns(with_names("x"))]

HOSTILE_PIECES = [
    "\\<img src=x onerror=alert(1)\\>",
    "\\[x\\](javascript:alert(1))",
    "[click](javascript:alert(1))",
    "![i](http://evil.invalid/x.png)",
    "<script>alert(1)</script>",
    "\r# All requirements met",
    "\n\n# All requirements met\n",
    "a | b | c",
    "`code`",
    "**bold** _em_ ~~gone~~",
    "&lt;img&gt; &#60;b&#62;",
    "<https://evil.invalid>",
    "www.evil.invalid",
    "p-1@evil.invalid",
    "- [ ] task",
    "1. list",
    "> quote",
    "\\",
    "---",
    "|",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)),
    min_size=1,
    max_size=6,
).map("".join).filter(lambda s: s.strip() != "")  # an empty name is shown differently on purpose


def assert_same_structure(hostile: str) -> None:
    for benign, text in zip(BENIGN, markdowns(with_names(hostile))):
        got = structure(text)
        assert got.tags == benign.tags, (hostile, got.tags - benign.tags, benign.tags - got.tags)
        for target in got.targets:
            assert re.match(r"https?://", target), (hostile, target)


@pytest.mark.parametrize("hostile", HOSTILE_PIECES)
def test_known_attacks_add_no_markup(hostile: str) -> None:
    assert_same_structure(hostile)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_any_name_adds_no_markup(hostile: str) -> None:
    """Raw HTML, links, images, headings and table cells come only from the template."""
    assert_same_structure(hostile)


CONTROLS = [
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]8;;http://evil.invalid\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[8mhidden\x1b[0m",  # conceal
    "line\rOverwritten",
    "nul\x00byte",
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\x85next line",
    "form\x0cfeed",
]
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("control", CONTROLS)
def test_text_report_shows_control_characters_instead_of_obeying_them(control: str) -> None:
    org = trygg.Organisation.from_dict(with_names("u " + control), FW)
    text = trygg.audit(org, FW, as_of=AS_OF).to_text(lang="en")
    assert not FORBIDDEN.search(text)
    assert "\\u" in text  # shown visibly


def test_error_lines_show_control_characters(checker: str, tmp_path: Path) -> None:
    """A file name with a terminal escape is shown, not obeyed, in the checker's error line."""
    bad = tmp_path / "x\x1b[2Jy.json"
    bad.write_text("{", encoding="utf-8")
    p = subprocess.run([checker, "check", str(bad)], capture_output=True, text=True)
    assert p.returncode == 2
    assert "\x1b" not in p.stderr
    assert "\\u001b" in p.stderr


def test_csv_fields_cannot_start_a_formula() -> None:
    org = trygg.Organisation.from_dict(with_names("=HYPERLINK(\"http://evil.invalid\")"), FW)
    csv = trygg.audit(org, FW, as_of=AS_OF).to_csv(lang="en")
    for line in csv.splitlines()[1:]:
        for field in re.findall(r'"((?:[^"]|"")*)"', line):
            assert not field[:1] in ("=", "+", "-", "@", "\t", "\r"), line


LOCALE_SCRIPT = r"""
import locale, sys
import trygg
locale.setlocale(locale.LC_ALL, sys.argv[1])
fw = trygg.Framework.builtin()
org = trygg.load_organisation(sys.argv[2], fw)
report = trygg.audit(org, fw, as_of="2026-11-22")
sys.stdout.write(report.to_text(lang="en") + report.to_markdown(lang="sv") + report.to_csv(lang="nb"))
sys.stdout.write(trygg.render_document("sam-follow-up", org, fw, as_of="2026-11-22", lang="en"))
"""


@pytest.mark.parametrize("name", ["sv_SE.UTF-8", "tr_TR.UTF-8"])
def test_output_does_not_depend_on_the_process_locale(name: str) -> None:
    """scripts/install.sh generates these locales; without them setlocale fails and so does this."""

    def render(loc: str) -> str:
        p = subprocess.run([sys.executable, "-c", LOCALE_SCRIPT, loc, str(KOMMUN)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        assert p.returncode == 0, p.stderr
        return p.stdout

    plain = render("C.UTF-8")
    assert "1.0" in plain or "0.8" in plain
    assert render(name) == plain


def test_dates_stay_within_the_year_9999(tmp_path: Path) -> None:
    """Due dates after 9999-12-31 would not be YYYY-MM-DD: they saturate at that day."""
    org = trygg.load_organisation(KOMMUN, FW)
    report = trygg.audit(org, FW, as_of="9999-12-20")
    data = json.loads(report.to_json())
    dues = [f["due"] for f in data["findings"]] + [e["due"] for e in data["action_plan"]]
    assert dues and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in dues)
    assert max(dues) == "9999-12-31"
    import jsonschema

    jsonschema.validate(data, trygg.report_schema())


def test_pack_code_spans_stay_code_in_the_markdown_report() -> None:
    """SE-02's proposal names `trygg-check document …`: in the Markdown report it is a code
    span in the form table, the action plan and the findings, never escaped backticks."""
    org = trygg.Organisation.from_dict(BASE_DOC, FW)
    markdown = trygg.audit(org, FW, as_of=AS_OF).to_markdown(lang="en")
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    assert html.count("<code>trygg-check document --kind dl-active-measures</code>") == 3
    assert "\\`" not in markdown
