// SPDX-License-Identifier: MIT
// Private: making text from the input safe in each output format (src/escape.cpp). Every
// renderer and document that writes input text (names, titles, ids, messages that quote them)
// goes through one of these, so no input can add markup, links, headings, table cells, terminal
// escapes or spreadsheet formulas that the template did not write.
#pragma once

#include <string>
#include <string_view>

namespace trygg::detail {

/// The UTF-8 primitives every escaper shares. next_code_point() reads one code point at `i`
/// and advances past it, giving U+FFFD (and advancing one byte) for bytes that are not UTF-8:
/// a bad lead or continuation byte, a truncated, overlong or surrogate form, a value beyond
/// Unicode.
char32_t next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);
/// Characters that steer a terminal or the direction of text rather than being text: C0 and
/// C1 controls and DEL, the bidi marks, embeddings, overrides and isolates, and the Unicode
/// line and paragraph separators.
bool is_control(char32_t cp);
/// A code point written as "\uXXXX" (shown, not obeyed).
void append_visible(std::string& out, char32_t cp);

/// Text for Markdown (CommonMark and GitHub's GFM), placed inline in a line the template
/// writes (a table cell, after a list marker, in a paragraph): it cannot start or end any
/// markup. The characters that open inline markup are backslash-escaped (emphasis, code,
/// links, images, raw HTML, entities, table pipes, strikethrough), and so are, at the start,
/// those that open a block (headings, lists, quotes); line breaks and tabs become spaces;
/// other control and bidi characters are shown as \uXXXX. GFM's autolinks are broken up: ":"
/// and the dot of "www." are escaped, and a word joiner follows "@" (so an e-mail-like text is
/// no mailto: link). Ordinary punctuation such as "-" in "ap-2" is left as it is.
std::string markdown_text(std::string_view text);

/// Text from the packs (measure titles, proposals) for Markdown: escaped exactly like
/// markdown_text, except that a span in backticks (`trygg-check document`) becomes a CommonMark
/// code span, so that a command the pack quotes shows as code rather than with its backticks
/// escaped. A span is one only when its content is not empty and is one plain line that a GFM
/// table cannot split (no line break, tab, "|", control or bidi character); its content is
/// written as it is, and it holds no backtick, since it ends at the next one. A backtick that
/// opens no such span is escaped as before.
std::string markdown_pack_text(std::string_view text);

/// A CSV field's content, safe in a spreadsheet: a field that begins with "=", "+", "-", "@",
/// a tab or a carriage return is prefixed with an apostrophe (the OWASP advice against formula
/// injection), so Excel and LibreOffice show it as text.
std::string csv_text(std::string_view text);

}  // namespace trygg::detail
