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
