// SPDX-License-Identifier: MIT
// The escapers every writer uses for input text (src/escape.hpp, render.hpp terminal_safe).
// tests/python/test_output_safety.py checks what a Markdown parser and a terminal make of whole
// reports; these check each escaper's own promises, including ones no report reaches today.
#include "../../src/escape.hpp"

#include "catch.hpp"
#include "trygg/render.hpp"

using trygg::terminal_safe;
using trygg::detail::csv_text;
using trygg::detail::markdown_text;

TEST_CASE("CSV fields cannot start a formula", "[escape]") {
  for (const char* formula : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
    CHECK(csv_text(formula) == std::string("'") + formula);
  CHECK(csv_text("a=1") == "a=1");
  CHECK(csv_text("p-017") == "p-017");
  CHECK(csv_text("") == "");
}

TEST_CASE("terminal text shows controls instead of obeying them", "[escape]") {
  CHECK(terminal_safe("a\x1b[2Jb") == "a\\u001b[2Jb");
  CHECK(terminal_safe("x\ry") == "x\\u000dy");
  CHECK(terminal_safe(std::string("n\0b", 3)) == "n\\u0000b");
  CHECK(terminal_safe("\xc2\x85") == "\\u0085");  // C1 NEL
  CHECK(terminal_safe("\xe2\x80\xae"
                      "evil") == "\\u202eevil");  // RIGHT-TO-LEFT OVERRIDE
  CHECK(terminal_safe("\xe2\x81\xa6"
                      "i") == "\\u2066i");         // LEFT-TO-RIGHT ISOLATE
  CHECK(terminal_safe("\xff") == "\xef\xbf\xbd");  // not UTF-8: U+FFFD
  CHECK(terminal_safe("Kultur och ledarskap, åäö") == "Kultur och ledarskap, åäö");
}

TEST_CASE("Markdown text opens no markup and no block", "[escape]") {
  CHECK(markdown_text("ap-2 (rt-anm)") == "ap-2 (rt-anm)");  // ordinary punctuation stays
  CHECK(markdown_text("# h") == "\\# h");
  CHECK(markdown_text("  - item") == "  \\- item");
  CHECK(markdown_text("1. list") == "1\\. list");
  CHECK(markdown_text("12) list") == "12\\) list");
  CHECK(markdown_text("a\r# b") == "a \\# b");
  CHECK(markdown_text("[x](javascript:alert(1))") == "\\[x\\](javascript\\:alert(1))");
  CHECK(markdown_text("<img src=x>") == "\\<img src=x\\>");
  CHECK(markdown_text("a|b") == "a\\|b");
  CHECK(markdown_text("www.x.se") == "www\\.x.se");
  CHECK(markdown_text("p@x.se") == "p@\xe2\x81\xa0x.se");  // a word joiner after @
  CHECK(markdown_text("\x1b") == "\\\\u001b");
}

TEST_CASE("pack text keeps its code spans and is otherwise Markdown text", "[escape]") {
  using trygg::detail::markdown_pack_text;
  // The SE-02 proposal: a command in backticks is a code span, its content as written.
  CHECK(markdown_pack_text("Draft it with `trygg-check document --kind dl-active-measures` and complete it.") ==
        "Draft it with `trygg-check document --kind dl-active-measures` and complete it.");
  CHECK(markdown_pack_text("`a_b*c` then *x*") == "`a_b*c` then \\*x\\*");
  CHECK(markdown_pack_text("`<b>` & `[x](y)`") == "`<b>` \\& `[x](y)`");
  // Outside the spans, exactly markdown_text.
  for (const char* s : {"# h", "1. list", "a|b", "www.x.se", "p@x.se", "[x](javascript:alert(1))", "\x1b", "plain"})
    CHECK(markdown_pack_text(s) == markdown_text(s));
  // A backtick that opens no span is escaped as before.
  CHECK(markdown_pack_text("one ` alone") == "one \\` alone");
  CHECK(markdown_pack_text("``") == "\\`\\`");
  CHECK(markdown_pack_text("a `b` c `d") == "a `b` c \\`d");
  // A span that would hold a line break, a tab, a control character or a table pipe is not
  // one: both its backticks are escaped, and its closer does not open a span with the next.
  CHECK(markdown_pack_text("`a\nb` c `d`") == "\\`a b\\` c `d`");
  CHECK(markdown_pack_text("`a|b` and `c`") == "\\`a\\|b\\` and `c`");
  CHECK(markdown_pack_text("`a\x1b` x") == "\\`a\\\\u001b\\` x");
  CHECK(markdown_pack_text("`a\tb`") == "\\`a b\\`");
  // At the start, a span is text: nothing after it can start a block.
  CHECK(markdown_pack_text("`x` - y") == "`x` - y");
  // Invalid UTF-8 in a span is U+FFFD, as everywhere.
  CHECK(markdown_pack_text("`a\xff`") == "`a\xef\xbf\xbd`");
}
