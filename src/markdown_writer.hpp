// SPDX-License-Identifier: MIT
// Private: the one Markdown writer (CommonMark with GitHub's tables) of every Markdown output,
// the yearly documents (src/document.cpp) and the Markdown report.
//
// The writer lays out blocks; it does not escape. Every string passed to it is Markdown
// already, and the caller decides what each piece is:
//  - text from the input (names, ids, titles, causes, messages that quote them) goes through
//    text(), which is detail::markdown_text: it cannot open any markup or leave its line;
//  - text from the packs (measure titles, proposals) goes through pack_text(), which is
//    detail::markdown_pack_text: the same, except that `a span in backticks` is a code span;
//  - texts of the message catalogue and figures are passed as they are (the catalogue is
//    trygg's own Markdown: "**" in a label is meant).
// Pieces are joined by plain concatenation, e.g. `w.item(MarkdownWriter::strong(text(id)) +
// ": " + text(cause))`. A table cell and a list item hold one line: what text() and
// pack_text() return never holds a line break or an unescaped "|".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::detail {

class MarkdownWriter {
 public:
  /// How a table column is aligned (GFM's "---", ":---:", "---:").
  enum class Align : std::uint8_t { none, left, centre, right };

  /// Input text, escaped (detail::markdown_text).
  [[nodiscard]] static std::string text(std::string_view input);
  /// Pack text, escaped but with its `code spans` kept (detail::markdown_pack_text).
  [[nodiscard]] static std::string pack_text(std::string_view pack);
  /// "**markdown**": strong emphasis around Markdown already escaped.
  [[nodiscard]] static std::string strong(std::string_view markdown);
  /// "*markdown*": emphasis around Markdown already escaped.
  [[nodiscard]] static std::string emphasis(std::string_view markdown);
  /// Several lines in one table cell, separated by "<br>" (GitHub's way to break a line in a
  /// cell; the only raw HTML the writer writes).
  [[nodiscard]] static std::string cell_lines(const std::vector<std::string>& lines);

  /// "# text" for level 1 (1 to 6; outside that range clamped), then a blank line.
  void heading(int level, std::string_view markdown);
  /// A paragraph, then a blank line.
  void para(std::string_view markdown);
  /// One line of text and a line break, without the blank line that ends a paragraph: for a
  /// paragraph written line by line, or the last line of a text.
  void line(std::string_view markdown);
  /// A list item ("- "). Items in a row form one list; end_list() closes it.
  void item(std::string_view markdown);
  /// An item nested under the last item ("  - ").
  void sub_item(std::string_view markdown);
  /// Closes the list of the items before it (a blank line).
  void end_list();
  /// A block quote of one paragraph ("> markdown"), then a blank line.
  void quote(std::string_view markdown);
  /// A thematic break ("---"), then a blank line.
  void rule();
  /// A GFM table: the header row, the delimiter row with each column's alignment (`align`
  /// may be shorter than the header: the rest are Align::none), and the rows, then a blank
  /// line. A row shorter than the header is padded with empty cells, a longer one cut, so
  /// that the table keeps the header's columns. No header, no table.
  void table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
             const std::vector<Align>& align = {});

  /// The text written so far.
  [[nodiscard]] const std::string& str() const noexcept { return out_; }
  /// The text, moved out; the writer is empty afterwards.
  [[nodiscard]] std::string take() noexcept;

 private:
  void row(const std::vector<std::string>& cells, std::size_t columns);
  std::string out_;
};

}  // namespace trygg::detail
