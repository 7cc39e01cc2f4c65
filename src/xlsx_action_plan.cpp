// SPDX-License-Identifier: MIT
// The action plan as rows of a sheet (src/xlsx_action_plan.hpp).
#include "xlsx_action_plan.hpp"

#include <string>

#include "render_common.hpp"

namespace trygg::detail::xlsx {
using namespace render_detail;

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string s;
  for (const auto& i : items)
    s += (s.empty() ? "" : std::string(sep)) + i;
  return s;
}

}  // namespace

std::vector<Column> plan_columns(const Book& b) {
  // The column order is fixed (docs/report-format.md): the plan round trip reads it back.
  return {
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
}

void plan_row(Book& b, lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, const Report& r, std::size_t i) {
  const Language lang = b.lang();
  const ActionPlanEntry& e = r.action_plan[i];
  const Measure* m = r.framework.find_measure(e.measure);
  const auto col = [&](int c) { return static_cast<lxw_col_t>(first + c); };
  put_number(ws, row, col(0), static_cast<double>(i + 1), b.top);
  put(ws, row, col(1), e.measure, b.top);
  put(ws, row, col(2), m ? m->title.in(lang) : "", b.wrap);
  put(ws, row, col(3), m ? m->proposal.in(lang) : "", b.wrap);
  put(ws, row, col(4), severity_word(e.severity, lang), b.top);
  put_date(ws, row, col(5), e.due, b.date);
  put(ws, row, col(6), join(e.rules, "\n"), b.wrap);
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
  put(ws, row, col(7), prints, b.wrap);
  // Owner, status and comment are left empty for management to fill in.
}

void plan_status_list(Book& b, lxw_worksheet* ws, std::size_t rows, lxw_col_t col) {
  if (rows == 0) return;
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
  check(worksheet_data_validation_range(ws, 1, col, static_cast<lxw_row_t>(rows), col, &v), "the status list");
}

}  // namespace trygg::detail::xlsx
