// SPDX-License-Identifier: MIT
#include "markdown_writer.hpp"

#include <algorithm>
#include <utility>

#include "escape.hpp"

namespace trygg::detail {

std::string MarkdownWriter::text(std::string_view input) {
  return markdown_text(input);
}

std::string MarkdownWriter::pack_text(std::string_view pack) {
  return markdown_pack_text(pack);
}

std::string MarkdownWriter::strong(std::string_view markdown) {
  return "**" + std::string(markdown) + "**";
}

std::string MarkdownWriter::emphasis(std::string_view markdown) {
  return "*" + std::string(markdown) + "*";
}

std::string MarkdownWriter::cell_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += (out.empty() ? "" : "<br>") + l;
  return out;
}

void MarkdownWriter::heading(int level, std::string_view markdown) {
  const int n = std::clamp(level, 1, 6);
  out_.append(static_cast<std::size_t>(n), '#');
  out_ += ' ';
  out_ += markdown;
  out_ += "\n\n";
}

void MarkdownWriter::para(std::string_view markdown) {
  out_ += markdown;
  out_ += "\n\n";
}

void MarkdownWriter::line(std::string_view markdown) {
  out_ += markdown;
  out_ += '\n';
}

void MarkdownWriter::item(std::string_view markdown) {
  out_ += "- ";
  out_ += markdown;
  out_ += '\n';
}

void MarkdownWriter::sub_item(std::string_view markdown) {
  out_ += "  - ";
  out_ += markdown;
  out_ += '\n';
}

void MarkdownWriter::end_list() {
  out_ += '\n';
}

void MarkdownWriter::quote(std::string_view markdown) {
  out_ += "> ";
  out_ += markdown;
  out_ += "\n\n";
}

void MarkdownWriter::rule() {
  out_ += "---\n\n";
}

void MarkdownWriter::row(const std::vector<std::string>& cells, std::size_t columns) {
  out_ += '|';
  for (std::size_t i = 0; i < columns; ++i) {
    out_ += ' ';
    if (i < cells.size()) out_ += cells[i];
    out_ += " |";
  }
  out_ += '\n';
}

void MarkdownWriter::table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<Align>& align) {
  const std::size_t columns = header.size();
  if (columns == 0) return;  // GFM has no table without a column
  row(header, columns);
  out_ += '|';
  for (std::size_t i = 0; i < columns; ++i) {
    switch (i < align.size() ? align[i] : Align::none) {
      case Align::none:
        out_ += "---|";
        break;
      case Align::left:
        out_ += ":---|";
        break;
      case Align::centre:
        out_ += ":---:|";
        break;
      case Align::right:
        out_ += "---:|";
        break;
    }
  }
  out_ += '\n';
  for (const auto& r : rows)
    row(r, columns);
  out_ += '\n';
}

std::string MarkdownWriter::take() noexcept {
  return std::exchange(out_, std::string());
}

}  // namespace trygg::detail
