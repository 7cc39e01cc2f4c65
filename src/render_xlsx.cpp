// SPDX-License-Identifier: MIT
// The report as an Excel workbook (docs/report-format.md, "Spreadsheet"), written with
// libxlsxwriter. Four sheets: Summary, Action plan (for management to fill in; read back by
// the plan round trip of issue 16, so its layout is fixed and documented), Findings (the
// reader view: one row per rule line of each entry) and Units (every unit-level finding).
//
// Every cell that holds text is a string cell (never a formula), and its text goes through
// cell_text(), the one escaping step for this format: the CSV formula-injection defence (users
// save sheets as CSV) and Excel's cell length limit.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "comparison_view.hpp"
#include "escape.hpp"
#include "reader_view.hpp"
#include "render_common.hpp"
#include "trygg/error.hpp"
#include "trygg/xlsx.hpp"
#include "xlsx_marker.hpp"

namespace trygg {
using namespace render_detail;

namespace {

/// What libxlsxwriter accepts in one cell (Excel's limit, counted in bytes by the library).
constexpr std::size_t cell_max = 32767;
/// How many unit names the Findings sheet shows per line; the Units sheet has all of them.
constexpr std::size_t units_shown = 5;
/// How many evidence pointers the Findings sheet shows per line.
constexpr std::size_t evidence_shown = 20;

/// The one escaping step for text in a cell: no formula, and no more than a cell holds (cut
/// at a character boundary).
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

/// A temporary file for libxlsxwriter to write the workbook into (this version cannot write to
/// memory): created with mkstemp (mode 0600, O_EXCL) in the temporary directory, removed when
/// done.
class TempFile {
 public:
  TempFile() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "trygg-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw Error("cannot write the spreadsheet: cannot create a temporary file in " + tmpl);
    ::close(fd);
    path_ = tmpl;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { ::unlink(path_.c_str()); }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  [[nodiscard]] std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw Error("cannot write the spreadsheet: cannot read back " + path_);
    return s;
  }

 private:
  std::string path_;
};

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

/// The workbook being written, with its formats.
class Book {
 public:
  Book(const std::string& path, Language lang) : lang_(lang) {
    lxw_workbook_options opt{};
    // Rows are written once, in order, and freed as the next begins: a large organisation's
    // Units sheet does not sit in memory (libxlsxwriter's temporary files go to the same
    // directory as ours).
    opt.constant_memory = LXW_TRUE;
    tmpdir_ = std::filesystem::temp_directory_path().string();
    opt.tmpdir = tmpdir_.data();
    opt.use_zip64 = LXW_TRUE;  // a Units sheet of a large organisation may pass 4 GB unpacked
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
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  ~Book() {
    if (wb_) workbook_close(wb_);  // only after a failure: frees it
  }
  void close() {
    lxw_workbook* wb = wb_;
    wb_ = nullptr;
    check(workbook_close(wb), "closing the workbook");
  }

  lxw_workbook* get() const noexcept { return wb_; }
  [[nodiscard]] std::string word(const std::string& id) const { return render_detail::word(id, lang_); }
  [[nodiscard]] Language lang() const noexcept { return lang_; }

  lxw_worksheet* sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, cell_text(name).c_str());
    if (!ws) throw Error("cannot write the spreadsheet: cannot add the sheet \"" + name + "\"");
    return ws;
  }

  lxw_format *header = nullptr, *wrap = nullptr, *top = nullptr, *date = nullptr, *score = nullptr, *title = nullptr,
             *bold = nullptr;

 private:
  lxw_workbook* wb_ = nullptr;
  std::string tmpdir_;
  Language lang_;
};

void put(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, std::string_view text, lxw_format* f = nullptr) {
  check(worksheet_write_string(ws, row, col, cell_text(text).c_str(), f), "a text cell");
}
void put_number(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, double v, lxw_format* f = nullptr) {
  check(worksheet_write_number(ws, row, col, v, f), "a number cell");
}
void put_date(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, Date d, lxw_format* f) {
  lxw_datetime dt = datetime(d);
  check(worksheet_write_datetime(ws, row, col, &dt, f), "a date cell");
}

/// A table's first row: its headers, with the row frozen and the columns sized.
struct Column {
  std::string header;
  double width;
  bool wrapped = false;
};
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

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string s;
  for (const auto& i : items)
    s += (s.empty() ? "" : std::string(sep)) + i;
  return s;
}

/// Whether an action plan entry addresses a legal duty: one of its rules is law or regulation.
bool legal_entry(const Report& r, const ActionPlanEntry& e) {
  return std::any_of(e.rules.begin(), e.rules.end(), [&](const std::string& id) {
    const Rule* rule = r.framework.find_rule(id);
    return rule && rule->obligation != Obligation::good_practice;
  });
}

/// The rule's citations in force, in human form, "; "-joined.
std::string citations_text(const Report& r, const Finding& f, Language lang) {
  const Result& res = r.result(f);
  const auto measure = static_cast<std::uint32_t>(r.framework.rule_measure(res.rule));
  std::string s;
  for (const auto& c : r.citations(f))
    s += (s.empty() ? "" : "; ") + detail::citation_label(r, c, measure, lang);
  return s;
}

// --- Summary ------------------------------------------------------------------------------

void summary_sheet(Book& b, const Report& r, const detail::ReaderView& view, bool legal_only) {
  const std::string name = b.word("report.summary");
  lxw_worksheet* ws = b.sheet(name);
  check(worksheet_set_column(ws, 0, 0, 36, nullptr), "a column width");
  check(worksheet_set_column(ws, 1, 1, 14, nullptr), "a column width");
  check(worksheet_set_column(ws, 2, 4, 14, nullptr), "a column width");
  lxw_row_t row = 0;
  put(ws, row++, 0, b.word("report.title"), b.title);
  ++row;
  put(ws, row, 0, b.word("report.organisation"), b.bold);
  put(ws, row++, 1, r.organisation_name);
  put(ws, row, 0, b.word("xlsx.organisation-id"), b.bold);
  put(ws, row++, 1, r.organisation_id);
  put(ws, row, 0, b.word("report.as-of"), b.bold);
  put_date(ws, row++, 1, r.as_of, b.date);
  put(ws, row, 0, b.word("report.packs"), b.bold);
  put(ws, row++, 1, pack_list(r));
  if (legal_only)
    put(ws, row++, 0, render(Message{"xlsx.legal-only", {{"n", std::to_string(view.left_out_entries)}}}, b.lang()));
  ++row;

  // Result counts, as in the JSON report's summary.
  put(ws, row++, 0, b.word("report.summary"), b.header);
  const Summary& s = r.summary;
  const std::pair<std::string, std::size_t> counts[] = {
      {b.word("xlsx.results"), s.total()},
      {status_word(Status::pass, b.lang()), s.pass},
      {status_word(Status::fail, b.lang()), s.fail},
      {status_word(Status::partial, b.lang()), s.partial},
      {status_word(Status::not_assessed, b.lang()), s.not_assessed},
      {status_word(Status::not_applicable, b.lang()), s.not_applicable},
      {status_word(Status::waived, b.lang()), s.waived},
      {b.word("report.findings"), r.findings.size()},
  };
  for (const auto& [label, n] : counts) {
    put(ws, row, 0, label);
    put_number(ws, row++, 1, static_cast<double>(n));
  }
  ++row;
  put(ws, row++, 0, b.word("xlsx.findings-by-severity"), b.header);
  std::array<std::size_t, 5> by_severity{};
  for (const auto& f : r.findings)
    ++by_severity[static_cast<std::size_t>(r.severity(r.result(f)))];
  for (std::size_t i = by_severity.size(); i-- > 0;) {
    put(ws, row, 0, severity_word(static_cast<Severity>(i), b.lang()));
    put_number(ws, row++, 1, static_cast<double>(by_severity[i]));
  }
  ++row;

  // Maturity per area, and the same figures as a bar chart beside them.
  put(ws, row++, 0, b.word("report.areas"), b.bold);
  const lxw_row_t table = row;
  const std::string heads[] = {b.word("report.area"), b.word("report.score"), b.word("xlsx.measures"),
                               b.word("report.findings"), b.word("xlsx.area-id")};
  for (std::size_t c = 0; c < std::size(heads); ++c)
    put(ws, row, static_cast<lxw_col_t>(c), heads[c], b.header);
  ++row;
  for (const auto& a : r.area_scores) {
    const Area* area = r.framework.find_area(a.area);
    put(ws, row, 0, area ? area->title.in(b.lang()) : a.area);
    put_number(ws, row, 1, a.score, b.score);
    put_number(ws, row, 2, a.measures);
    put_number(ws, row, 3, a.findings);
    put(ws, row++, 4, a.area);
  }
  if (!r.area_scores.empty()) {
    lxw_chart* chart = workbook_add_chart(b.get(), LXW_CHART_BAR);
    if (!chart) throw Error("cannot write the spreadsheet: cannot add the chart");
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const std::string sheet = cell_text(name);
    chart_series_set_categories(series, sheet.c_str(), table + 1, 0, row - 1, 0);
    chart_series_set_values(series, sheet.c_str(), table + 1, 1, row - 1, 1);
    const std::string chart_title = cell_text(b.word("report.areas"));
    chart_title_set_name(chart, chart_title.c_str());
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    // A bar chart's value axis is its x axis; the scale is the maturity scale, 0 to 4.
    chart_axis_set_min(chart->x_axis, 0);
    chart_axis_set_max(chart->x_axis, 4);
    chart_axis_set_major_unit(chart->x_axis, 1);
    chart_axis_set_reverse(chart->y_axis);  // the first area at the top, as in the table
    lxw_chart_options where{};
    where.x_scale = 1.4;
    where.y_scale = 1.0 + 0.08 * static_cast<double>(r.area_scores.size());
    check(worksheet_insert_chart_opt(ws, 0, 6, chart, &where), "the chart");
  }
}

// --- Action plan --------------------------------------------------------------------------

void action_plan_sheet(Book& b, const Report& r, bool legal_only) {
  lxw_worksheet* ws = b.sheet(b.word("report.action-plan"));
  const Language lang = b.lang();
  // The column order is fixed (docs/report-format.md): the plan round trip reads it back.
  const std::vector<Column> cols = {
      {"#", 5},
      {b.word("xlsx.measure-id"), 11},
      {b.word("report.measure"), 32, true},
      {b.word("report.proposed"), 48, true},
      {b.word("report.severity"), 11},
      {b.word("report.due"), 12},
      {b.word("xlsx.rules"), 28, true},
      {b.word("xlsx.fingerprints"), 20, true},
      {b.word("xlsx.owner"), 20, true},
      {b.word("report.status"), 16},
      {b.word("xlsx.comment"), 40, true},
  };
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (std::size_t i = 0; i < r.action_plan.size(); ++i) {
    const ActionPlanEntry& e = r.action_plan[i];
    if (legal_only && !legal_entry(r, e)) continue;
    const Measure* m = r.framework.find_measure(e.measure);
    put_number(ws, row, 0, static_cast<double>(i + 1), b.top);
    put(ws, row, 1, e.measure, b.top);
    put(ws, row, 2, m ? m->title.in(lang) : "", b.wrap);
    put(ws, row, 3, m ? m->proposal.in(lang) : "", b.wrap);
    put(ws, row, 4, severity_word(e.severity, lang), b.top);
    put_date(ws, row, 5, e.due, b.date);
    put(ws, row, 6, join(e.rules, "\n"), b.wrap);
    // Every fingerprint when they fit in the cell; else as many as fit and "+N" for the rest
    // (each finding's fingerprint is on the Units sheet, or it is an organisation finding,
    // which are few).
    std::string prints;
    for (std::size_t k = 0; k < e.fingerprints.size(); ++k) {
      const std::string fp = fingerprint_text(e.fingerprints[k]);
      if (prints.size() + fp.size() + 16 > cell_max) {
        prints += " +" + std::to_string(e.fingerprints.size() - k);
        break;
      }
      prints += (prints.empty() ? "" : " ") + fp;
    }
    put(ws, row, 7, prints, b.wrap);
    // Owner, status and comment are left empty for management to fill in.
    ++row;
  }
  const std::size_t rows = row - 1;
  filter(ws, rows, cols.size());
  if (rows > 0) {
    // The status drop-down: the plan's own words, in the report's language.
    std::vector<std::string> words;
    for (const char* s : {"not-started", "in-progress", "done", "verified"})
      words.push_back(cell_text(b.word(std::string("xlsx.plan-status.") + s)));
    std::vector<char*> list;
    for (auto& w : words)
      list.push_back(w.data());
    list.push_back(nullptr);
    std::string prompt_title = cell_text(b.word("report.status")),
                error_text = cell_text(b.word("xlsx.plan-status-error"));
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = list.data();
    v.error_title = prompt_title.data();
    v.error_message = error_text.data();
    check(worksheet_data_validation_range(ws, 1, 9, static_cast<lxw_row_t>(rows), 9, &v), "the status list");
  }
}

// --- Findings -----------------------------------------------------------------------------

void findings_sheet(Book& b, const Report& r, const detail::ReaderView& view) {
  lxw_worksheet* ws = b.sheet(b.word("report.findings"));
  const Language lang = b.lang();
  const std::vector<Column> cols = {
      {b.word("xlsx.part"), 12},
      {b.word("xlsx.measure-id"), 11},
      {b.word("report.measure"), 30, true},
      {b.word("report.rule"), 26},
      {b.word("xlsx.obligation"), 13},
      {b.word("report.severity"), 11},
      {b.word("report.status"), 13},
      {b.word("xlsx.message"), 50, true},
      {b.word("xlsx.citation"), 36, true},
      {b.word("report.evidence"), 30, true},
      {b.word("xlsx.unit-count"), 10},
      {b.word("xlsx.unit-names"), 30, true},
      {b.word("report.proposed"), 48, true},
      {b.word("xlsx.plan-number"), 10},
  };
  header_row(b, ws, cols);
  const auto& rules = r.framework.rules();
  const auto& measures = r.framework.measures();
  lxw_row_t row = 1;
  for (const auto& entry : view.entries) {
    const Measure& m = measures[entry.measure];
    const std::string part =
        b.word(entry.part == detail::ReaderPart::legal ? "xlsx.part.legal" : "xlsx.part.good-practice");
    for (const auto& line : entry.rules) {
      if (line.findings.empty()) continue;
      const Rule& rule = rules[line.rule];
      const Finding& first = r.findings[line.findings.front()];
      const Result& res = r.result(first);
      put(ws, row, 0, part);
      put(ws, row, 1, m.id);
      put(ws, row, 2, m.title.in(lang), b.wrap);
      put(ws, row, 3, rule.id);
      put(ws, row, 4, word("obligation." + std::string(to_string(rule.obligation)), lang));
      put(ws, row, 5, severity_word(rule.severity, lang));
      put(ws, row, 6, status_word(line.status, lang));
      put(ws, row, 7, say(r, r.message(res.message), lang), b.wrap);
      put(ws, row, 8, citations_text(r, first, lang), b.wrap);
      // Evidence: the distinct pointers of the line's findings, the first few of them.
      std::set<std::string> seen;
      std::vector<std::string> shown;
      std::size_t more = 0;
      for (const auto fi : line.findings)
        for (auto& p : r.evidence(r.result(r.findings[fi])))
          if (seen.insert(p).second) {
            if (shown.size() < evidence_shown)
              shown.push_back(std::move(p));
            else
              ++more;
          }
      std::string ev = join(shown, "\n");
      if (more) ev += "\n" + render(Message{"report.more", {{"n", std::to_string(more)}}}, lang);
      put(ws, row, 9, ev, b.wrap);
      if (line.units) {
        put_number(ws, row, 10, static_cast<double>(line.findings.size()));
        const detail::UnitList units = detail::first_units(r, line, units_shown);
        const std::string names = join(units.shown, ", ");
        put(ws, row, 11,
            units.more ? render(Message{"xlsx.and-more", {{"shown", names}, {"n", std::to_string(units.more)}}}, lang)
                       : names,
            b.wrap);
      }
      put(ws, row, 12, m.proposal.in(lang), b.wrap);
      if (entry.plan) put_number(ws, row, 13, static_cast<double>(*entry.plan + 1));
      ++row;
    }
  }
  filter(ws, row - 1, cols.size());
}

// --- Units --------------------------------------------------------------------------------

void units_sheet(Book& b, const Report& r, bool legal_only) {
  lxw_worksheet* ws = b.sheet(b.word("xlsx.sheet.units"));
  const Language lang = b.lang();
  const std::vector<Column> cols = {
      {b.word("report.fingerprint"), 18}, {b.word("report.rule"), 26},    {b.word("xlsx.measure-id"), 11},
      {b.word("xlsx.unit-id"), 16},       {b.word("xlsx.unit-name"), 30}, {b.word("report.status"), 13},
      {b.word("xlsx.message"), 60, true},
  };
  header_row(b, ws, cols);
  const auto& rules = r.framework.rules();
  lxw_row_t row = 1;
  for (const auto& f : r.findings) {
    const Result& res = r.result(f);
    if (res.subject.kind != Subject::Kind::unit) continue;
    const Rule& rule = rules[res.rule];
    if (legal_only && rule.obligation == Obligation::good_practice) continue;
    if (row == LXW_ROW_MAX) throw Error("cannot write the spreadsheet: more unit findings than a sheet has rows");
    put(ws, row, 0, fingerprint_text(f.fingerprint));
    put(ws, row, 1, rule.id);
    put(ws, row, 2, rule.measure);
    put(ws, row, 3, r.subject_id(res.subject));
    put(ws, row, 4, r.subject_name(res.subject));
    put(ws, row, 5, status_word(res.status, lang));
    put(ws, row, 6, say(r, r.message(res.message), lang));
    ++row;
  }
  filter(ws, row - 1, cols.size());
}

// --- Changes (issue 16) --------------------------------------------------------------------
// Compared with a baseline: one row per finding, the resolved ones included, so a filter on
// the first column gives what is new since last time.

void changes_sheet(Book& b, const Report& r, bool legal_only) {
  lxw_worksheet* ws = b.sheet(b.word("diff.sheet"));
  const Language lang = b.lang();
  const std::vector<Column> cols = {
      {b.word("diff.change"), 12},      {b.word("report.fingerprint"), 18}, {b.word("report.rule"), 26},
      {b.word("xlsx.measure-id"), 11},  {b.word("xlsx.unit-id"), 16},       {b.word("xlsx.unit-name"), 30},
      {b.word("report.severity"), 11},  {b.word("report.status"), 13},      {b.word("diff.before"), 13},
      {b.word("diff.first-seen"), 12},
  };
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const auto& c : detail::comparison_view(r).rows) {
    if (legal_only && c.obligation == Obligation::good_practice) continue;
    if (row == LXW_ROW_MAX) throw Error("cannot write the spreadsheet: more changes than a sheet has rows");
    put(ws, row, 0, detail::change_word(c.change, lang));
    put(ws, row, 1, fingerprint_text(c.fingerprint));
    put(ws, row, 2, c.rule);
    put(ws, row, 3, c.measure);
    put(ws, row, 4, c.unit ? c.subject_id : std::string());
    put(ws, row, 5, c.subject_name);
    put(ws, row, 6, severity_word(c.severity, lang));
    put(ws, row, 7, status_word(c.status, lang));
    if (c.before) put(ws, row, 8, status_word(*c.before, lang));
    put_date(ws, row, 9, c.first_seen, b.date);
    ++row;
  }
  filter(ws, row - 1, cols.size());
}

}  // namespace

std::string render_xlsx(const Report& r, const XlsxOptions& options) {
  const detail::ReaderView view = detail::reader_view(r, {options.legal_only});
  TempFile file;
  {
    Book b(file.path(), options.language);
    // Who made it: trygg, as author and in a custom property naming the layout's version
    // (docs/report-format.md). The creation time is the as-of date, so the same report gives
    // the same properties.
    std::string author = "trygg", title = cell_text(word("report.title", options.language)),
                subject = cell_text(r.organisation_name);
    lxw_doc_properties props{};
    props.title = title.data();
    props.subject = subject.data();
    props.author = author.data();
    props.created = static_cast<std::time_t>(r.as_of.days_since_epoch()) * 86400;
    check(workbook_set_properties(b.get(), &props), "the document properties");
    check(workbook_set_custom_property_string(b.get(), "trygg.format", "trygg.xlsx/1"), "a custom property");
    summary_sheet(b, r, view, options.legal_only);
    action_plan_sheet(b, r, options.legal_only);
    findings_sheet(b, r, view);
    units_sheet(b, r, options.legal_only);
    if (r.comparison) changes_sheet(b, r, options.legal_only);
    b.close();
  }
  std::string bytes = file.read();
  set_zip_comment(bytes, detail::xlsx_marker);  // marks it as trygg's (src/xlsx_marker.hpp)
  return bytes;
}

}  // namespace trygg
