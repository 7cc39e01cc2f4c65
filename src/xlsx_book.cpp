// SPDX-License-Identifier: MIT
// The workbook writer the spreadsheets share (src/xlsx_book.hpp).
#include "xlsx_book.hpp"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "escape.hpp"
#include "render_common.hpp"
#include "trygg/error.hpp"
#include "xlsx_marker.hpp"

namespace trygg::detail::xlsx {
namespace {

/// Sets the comment of a zip archive without one: the end-of-central-directory record (the
/// last 22 bytes, signature PK\5\6) gets the comment's length and the comment follows it.
void set_zip_comment(std::string& zip, std::string_view comment) {
  constexpr std::size_t eocd = detail::zip_end_record;
  if (zip.size() < eocd || zip.compare(zip.size() - eocd, 4, "PK\x05\x06") != 0)
    throw Error("cannot write the spreadsheet: libxlsxwriter wrote no zip archive");
  const std::size_t at = zip.size() - eocd + 20;
  zip[at] = static_cast<char>(comment.size() & 0xFF);
  zip[at + 1] = static_cast<char>((comment.size() >> 8) & 0xFF);
  zip += comment;
}

lxw_datetime datetime(Date d) {
  const auto ymd = d.ymd();
  return lxw_datetime{static_cast<int>(ymd.year()),
                      static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())),
                      0,
                      0,
                      0.0};
}

}  // namespace

std::string cell_text(std::string_view text) {
  std::string s = detail::csv_text(text);
  if (s.size() > cell_max) {
    std::size_t end = cell_max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
      --end;
    s.resize(end);
  }
  return s;
}

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw Error(std::string("cannot write the spreadsheet (") + what + "): " + lxw_strerror(e));
}

TempFile::TempFile() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "trygg-xlsx-XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error("cannot write the spreadsheet: cannot create a temporary file in " + tmpl);
  ::close(fd);
  path_ = tmpl;
}

TempFile::~TempFile() {
  ::unlink(path_.c_str());
}

std::string TempFile::marked_bytes() const {
  std::ifstream in(path_, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw Error("cannot write the spreadsheet: cannot read back " + path_);
  set_zip_comment(s, detail::xlsx_marker);
  return s;
}

Book::Book(const std::string& path, Language lang) : lang_(lang) {
  lxw_workbook_options opt{};
  // Rows are written once, in order, and freed as the next begins: a large organisation's
  // Units sheet, or the findings of a thousand organisations, do not sit in memory
  // (libxlsxwriter's temporary files go to the same directory as ours).
  opt.constant_memory = LXW_TRUE;
  tmpdir_ = std::filesystem::temp_directory_path().string();
  opt.tmpdir = tmpdir_.data();
  opt.use_zip64 = LXW_TRUE;  // a sheet of a large organisation may pass 4 GB unpacked
  wb_ = workbook_new_opt(path.c_str(), &opt);
  if (!wb_) throw Error("cannot write the spreadsheet: libxlsxwriter could not start a workbook");
  header = workbook_add_format(wb_);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(header, 0xDDE6F0);
  format_set_bottom(header, LXW_BORDER_THIN);
  wrap = workbook_add_format(wb_);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  top = workbook_add_format(wb_);
  format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
  date = workbook_add_format(wb_);
  format_set_num_format(date, "yyyy-mm-dd");
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(date, LXW_ALIGN_LEFT);
  score = workbook_add_format(wb_);
  format_set_num_format(score, "0.00");
  title = workbook_add_format(wb_);
  format_set_bold(title);
  format_set_font_size(title, 14);
  bold = workbook_add_format(wb_);
  format_set_bold(bold);
}

Book::~Book() {
  if (wb_) workbook_close(wb_);  // only after a failure: frees it
}

void Book::close() {
  lxw_workbook* wb = wb_;
  wb_ = nullptr;
  check(workbook_close(wb), "closing the workbook");
}

std::string Book::word(const std::string& id) const {
  return render_detail::word(id, lang_);
}

lxw_worksheet* Book::sheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, cell_text(name).c_str());
  if (!ws) throw Error("cannot write the spreadsheet: cannot add the sheet \"" + name + "\"");
  return ws;
}

void Book::properties(const std::string& title_text, const std::string& subject_text, Date created,
                      const char* format) {
  std::string author = "trygg", t = cell_text(title_text), s = cell_text(subject_text);
  lxw_doc_properties props{};
  props.title = t.data();
  props.subject = s.data();
  props.author = author.data();
  props.created = static_cast<std::time_t>(created.days_since_epoch()) * 86400;
  check(workbook_set_properties(wb_, &props), "the document properties");
  check(workbook_set_custom_property_string(wb_, "trygg.format", format), "a custom property");
}

void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* f) {
  check(worksheet_write_string(ws, row, col, cell_text(text).c_str(), f), "a text cell");
}
void put_number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v, lxw_format* f) {
  check(worksheet_write_number(ws, row, col, v, f), "a number cell");
}
void put_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, Date d, lxw_format* f) {
  lxw_datetime dt = datetime(d);
  check(worksheet_write_datetime(ws, row, col, &dt, f), "a date cell");
}

void header_row(Book& b, lxw_worksheet* ws, const std::vector<Column>& cols) {
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, cols[c].width, cols[c].wrapped ? b.wrap : b.top), "a column width");
    put(ws, 0, col, cols[c].header, b.header);
  }
  worksheet_freeze_panes(ws, 1, 0);
}

void filter(lxw_worksheet* ws, std::size_t rows, std::size_t cols) {
  check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(cols - 1)),
        "the autofilter");
}

}  // namespace trygg::detail::xlsx
