// SPDX-License-Identifier: MIT
// Private: the workbook writer the spreadsheets share (src/render_xlsx.cpp for one report,
// src/render_report_set_xlsx.cpp for a report set): libxlsxwriter in constant-memory mode
// writing into a temporary file, its formats, and the cell helpers. Every text goes through
// cell_text(), the one escaping step for this format, so no cell from the input can become a
// formula, whichever sheet writes it.
#pragma once

#include <xlsxwriter.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/types.hpp"

namespace trygg::detail::xlsx {

/// What libxlsxwriter accepts in one cell (Excel's limit, counted in bytes by the library).
inline constexpr std::size_t cell_max = 32767;

/// The one escaping step for text in a cell: no formula (the CSV defence, src/escape.hpp, as
/// users save sheets as CSV), and no more than a cell holds (cut at a character boundary).
[[nodiscard]] std::string cell_text(std::string_view text);

/// Throws trygg::Error naming `what` unless `e` is LXW_NO_ERROR.
void check(lxw_error e, const char* what);

/// A temporary file for libxlsxwriter to write the workbook into (this version cannot write to
/// memory): created with mkstemp (mode 0600, O_EXCL) in the temporary directory, removed when
/// done.
class TempFile {
 public:
  TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile();
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  /// The workbook's bytes with trygg's marker as the zip comment (src/xlsx_marker.hpp), so
  /// that is_trygg_output knows the file later.
  [[nodiscard]] std::string marked_bytes() const;

 private:
  std::string path_;
};

/// The workbook being written, with its formats.
class Book {
 public:
  Book(const std::string& path, Language lang);
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  ~Book();
  /// Finish the file; throws trygg::Error when libxlsxwriter cannot.
  void close();

  [[nodiscard]] lxw_workbook* get() const noexcept { return wb_; }
  [[nodiscard]] std::string word(const std::string& id) const;
  [[nodiscard]] Language lang() const noexcept { return lang_; }
  /// A new sheet named `name` (through cell_text).
  lxw_worksheet* sheet(const std::string& name);
  /// The author "trygg", the title, the subject, the creation time `created` (a report's as-of
  /// date, so the same input gives the same properties) and the layout's version `format` as
  /// the custom property trygg.format.
  void properties(const std::string& title, const std::string& subject, Date created, const char* format);

  lxw_format *header = nullptr, *wrap = nullptr, *top = nullptr, *date = nullptr, *score = nullptr, *title = nullptr,
             *bold = nullptr;

 private:
  lxw_workbook* wb_ = nullptr;
  std::string tmpdir_;
  Language lang_;
};

void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* f = nullptr);
void put_number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v, lxw_format* f = nullptr);
void put_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, Date d, lxw_format* f);

/// A table's column: its header, width and whether its text wraps.
struct Column {
  std::string header;
  double width;
  bool wrapped = false;
};
/// A table's first row: its headers, with the row frozen and the columns sized.
void header_row(Book& b, lxw_worksheet* ws, const std::vector<Column>& cols);
/// An autofilter over the header and `rows` rows of `cols` columns.
void filter(lxw_worksheet* ws, std::size_t rows, std::size_t cols);

}  // namespace trygg::detail::xlsx
