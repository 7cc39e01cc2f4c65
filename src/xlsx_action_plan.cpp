// SPDX-License-Identifier: MIT
// The action plan as rows of a sheet (src/xlsx_action_plan.hpp).
#include "xlsx_action_plan.hpp"

#include <string>

#include "plan_state.hpp"
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

/// The status word to pre-fill from the organisation's own plan (column J's drop-down). The
/// sheet cannot tell "not started" from "in progress" for a planned row, so both planned and
/// overdue show as in progress; not planned leaves the cell for management.
const char* plan_status_word(PlanState state) {
  switch (state) {
    case PlanState::not_planned:
      return nullptr;
    case PlanState::planned:
    case PlanState::overdue:
      return "in-progress";
    case PlanState::done:
      return "done";
    case PlanState::verified:
      return "verified";
  }
  return nullptr;
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
      // After K, for reading only: what trygg saw in the organisation's own plan.
      {b.word("plan-state.heading"), 28, true},
      {b.word("plan-state.items"), 20, true},
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
  // Owner and status come from the organisation's plan row that decides the state, when
  // one is linked; else they and the comment are left empty for management to fill in.
  if (!e.owner.empty()) put(ws, row, col(8), e.owner, b.wrap);
  if (const char* status = plan_status_word(e.state))
    put(ws, row, col(9), b.word(std::string("xlsx.plan-status.") + status), b.top);
  put(ws, row, col(11), detail::plan_state_label(e, lang), b.wrap);
  put(ws, row, col(12), join(e.items, "\n"), b.wrap);
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
