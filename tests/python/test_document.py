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


# --- the drafts as a CommonMark (GFM) parser reads them -------------------------------------

import json  # noqa: E402
from html.parser import HTMLParser  # noqa: E402

import cmarkgfm  # noqa: E402
from cmarkgfm.cmark import Options  # noqa: E402

KINDS = ("dl-active-measures", "sam-follow-up")
LANGS = ("sv", "nb", "en")
GAP_LABEL = {"sv": "Uppgift saknas:", "nb": "Opplysning mangler:", "en": "Missing information:"}


class Blocks(HTMLParser):
    """The headings, block quotes, tables and code spans of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []
        self.quotes: list[str] = []
        self.tables: list[list[list[str]]] = []  # rows of cells, the header first
        self.codes: list[str] = []
        self._open: list[str] = []
        self._text: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        self._open.append(tag)
        if tag in ("h1", "h2", "h3", "blockquote", "code", "th", "td"):
            self._text[tag] = ""
        if tag == "table":
            self.tables.append([])
        if tag == "tr":
            self.tables[-1].append([])

    def handle_endtag(self, tag):
        self._open.pop()
        if tag in ("h1", "h2", "h3"):
            self.headings.append((tag, self._text[tag]))
        elif tag == "blockquote":
            self.quotes.append(self._text[tag].strip())
        elif tag == "code":
            self.codes.append(self._text[tag])
        elif tag in ("th", "td"):
            self.tables[-1][-1].append(self._text[tag])

    def handle_data(self, data):
        for tag in self._text:
            if tag in self._open:
                self._text[tag] += data


def blocks(markdown: str) -> Blocks:
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    b = Blocks()
    b.feed(html)
    return b


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_drafts_parse_to_the_structure_the_writer_meant(kommun, kind, lang):
    org = trygg.load_organisation(kommun)
    text = trygg.render_document(kind, org, as_of="2026-03-01", lang=lang)
    b = blocks(text)
    # One title, then the numbered sections in order.
    assert [h for h in b.headings if h[0] == "h1"] == [b.headings[0]]
    sections = [t for tag, t in b.headings if tag == "h2"]
    assert [s.split(".")[0] for s in sections] == [str(n) for n in range(1, len(sections) + 1)]
    assert len(sections) == (6 if kind == "dl-active-measures" else 5)
    # Every gap is a quote that starts with its label, and the last line counts them.
    assert b.quotes and all(q.startswith(GAP_LABEL[lang]) for q in b.quotes)
    assert text.rstrip("\n").split("\n")[-1].endswith(f": {len(b.quotes)}.")
    # Every table kept its columns: no cell split or lost.
    assert b.tables
    for table in b.tables:
        assert all(len(row) == len(table[0]) for row in table)
    # The header names the rule and the citation the duty rests on; rendered, the citation
    # reads as written (its escaped colon is a colon again).
    rule, citation = (
        ("se.dl.3-13.written", {"sv": "diskrimineringslagen", "nb": "diskrimineringslagen (SE)",
                                "en": "Discrimination Act (SE)"}[lang] + " 3 kap. 13 §")
        if kind == "dl-active-measures"
        else ("se.sam.14.follow-up-written", "AFS 2023:1 14 §")
    )
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    assert f"{citation}; trygg" in html and rule in html


def pack_with_title(tmp_path, title: str):
    """A pack with one measure in the area "organisation" that nothing implements."""
    text = {"sv": title, "nb": title, "en": title}
    pack = {
        "format": "trygg.pack/1",
        "id": "codespan",
        "version": "1",
        "title": text,
        "measures": [
            {
                "id": "ORG-99",
                "name": "code-span-test",
                "area": "organisation",
                "title": text,
                "description": text,
                "proposal": text,
                "sources": [{"source": "seed-004", "locator": "test"}],
                "audience": "all-staff",
                "severity": "critical",
            }
        ],
        "rules": [{"id": "ORG-99/present", "measure": "ORG-99", "check": "present", "obligation": "good-practice"}],
    }
    path = tmp_path / "codespan.json"
    path.write_text(json.dumps(pack), encoding="utf-8")
    return trygg.Framework.with_pack_files([path])


def test_pack_titles_keep_their_code_spans_and_nothing_else(kommun, tmp_path):
    # The defect of issue 14: `trygg-check document ...` in a pack text came out with its
    # backticks escaped. A code span of pack text is code; an unmatched backtick and any
    # markup around it stay text.
    fw = pack_with_title(tmp_path, "Run `trygg-check document --kind sam-follow-up` *yearly* ` once")
    org = trygg.load_organisation(kommun, fw)
    text = trygg.render_document("sam-follow-up", org, fw, as_of="2026-03-01", lang="en")
    line = next(line for line in text.split("\n") if "**ORG-99**" in line)
    b = blocks(line)
    assert b.codes == ["trygg-check document --kind sam-follow-up"]
    html = cmarkgfm.github_flavored_markdown_to_html(line, options=Options.CMARK_OPT_UNSAFE)
    assert "<em>" not in html and "*yearly* ` once" in html


def test_a_framework_without_the_rule_a_draft_rests_on_is_a_usage_error():
    fw = trygg.Framework.builtin(["base"])  # no pack se: neither rule of data/documents.json
    org = trygg.Organisation.from_dict(
        {
            "format": "trygg.organisation/1",
            "id": "org-x",
            "country": "SE",
            "units": [{"id": "u-1", "parent": None, "headcount": 30}],
            "people": [],
        },
        fw,
    )
    with pytest.raises(trygg.UsageError, match=r"rests on the rule se\.dl\.3-13\.written \(data/documents\.json\)"):
        trygg.render_document("dl-active-measures", org, fw, as_of="2026-03-01")
    with pytest.raises(ValueError, match=r"se\.sam\.14\.follow-up-written"):
        trygg.render_document("sam-follow-up", org, fw, as_of="2026-03-01")
