// SPDX-License-Identifier: MIT
// The one Markdown writer (src/markdown_writer.hpp): the exact blocks it writes. What a
// CommonMark parser makes of them is checked on whole drafts in tests/python/test_document.py.
#include "../../src/markdown_writer.hpp"

#include "catch.hpp"

using trygg::detail::MarkdownWriter;

TEST_CASE("the Markdown writer lays out headings, paragraphs, lists and quotes", "[markdown]") {
  MarkdownWriter w;
  w.heading(1, "Title");
  w.heading(3, "Sub");
  w.heading(0, "clamped up");
  w.heading(9, "clamped down");
  w.para("A paragraph.");
  w.item("one");
  w.sub_item("nested");
  w.item("two");
  w.end_list();
  w.quote(MarkdownWriter::strong("Note:") + " text");
  w.rule();
  w.line("last");
  CHECK(w.str() ==
        "# Title\n\n### Sub\n\n# clamped up\n\n###### clamped down\n\nA paragraph.\n\n- one\n  - nested\n- two\n\n"
        "> **Note:** text\n\n---\n\nlast\n");
  const std::string taken = w.take();
  CHECK(taken.size() > 0);
  CHECK(w.str().empty());
}

TEST_CASE("the Markdown writer writes GFM tables with the header's columns", "[markdown]") {
  MarkdownWriter w;
  w.table({"a", "b", "c"}, {{"1", "2", "3"}, {"x"}, {"p", "q", "r", "cut"}},
          {MarkdownWriter::Align::none, MarkdownWriter::Align::right, MarkdownWriter::Align::centre});
  CHECK(w.str() == "| a | b | c |\n|---|---:|:---:|\n| 1 | 2 | 3 |\n| x |  |  |\n| p | q | r |\n\n");
  MarkdownWriter l;
  l.table({"h"}, {}, {MarkdownWriter::Align::left});
  CHECK(l.str() == "| h |\n|:---|\n\n");
  MarkdownWriter none;
  none.table({}, {{"x"}});
  CHECK(none.str().empty());
}

TEST_CASE("the Markdown writer escapes only what the caller passes through it", "[markdown]") {
  // Input text through text(), pack text through pack_text(); the rest is Markdown already.
  CHECK(MarkdownWriter::text("a|b *c*") == "a\\|b \\*c\\*");
  CHECK(MarkdownWriter::pack_text("run `trygg-check document` | now") == "run `trygg-check document` \\| now");
  CHECK(MarkdownWriter::strong(MarkdownWriter::text("r_1")) == "**r\\_1**");
  CHECK(MarkdownWriter::emphasis("x") == "*x*");
  CHECK(MarkdownWriter::cell_lines({"a", MarkdownWriter::text("<b>"), "c"}) == "a<br>\\<b\\><br>c");
  CHECK(MarkdownWriter::cell_lines({}).empty());
  MarkdownWriter w;
  w.table({"id", "name"}, {{MarkdownWriter::text("u|1"), MarkdownWriter::text("# not a heading")}});
  CHECK(w.str() == "| id | name |\n|---|---|\n| u\\|1 | \\# not a heading |\n\n");
}
