// SPDX-License-Identifier: MIT
// The report as an Excel workbook (docs/report-format.md, "Spreadsheet"), written with
// libxlsxwriter. Four sheets: Summary, Action plan (for management to fill in; read back by
// the plan round trip of issue 16, so its layout is fixed and documented), Findings (the
// reader view: one row per rule line of each entry) and Units (every unit-level finding).
//
// Every cell that holds text is a string cell (never a formula), and its text goes through
// cell_text() (src/xlsx_book.hpp), the one escaping step for this format: the CSV
// formula-injection defence (users save sheets as CSV) and Excel's cell length limit.
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "comparison_view.hpp"
#include "escape.hpp"
#include "reader_view.hpp"
#include "render_common.hpp"
#include "render_waivers.hpp"
#include "trygg/error.hpp"
#include "trygg/xlsx.hpp"
#include "xlsx_action_plan.hpp"
#include "xlsx_book.hpp"

namespace trygg {
using namespace render_detail;
using namespace detail::xlsx;

namespace {

/// How many unit names the Findings sheet shows per line; the Units sheet has all of them.
constexpr std::size_t units_shown = 5;
/// How many evidence pointers the Findings sheet shows per line.
constexpr std::size_t evidence_shown = 20;

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

/// The drop-down word (xlsx.plan-status.*) a linked plan row's state reads as; none when no
/// row is linked. A row not done may or may not have started: "in progress" is what the plan
/// says by having it.
void action_plan_sheet(Book& b, const Report& r, bool legal_only) {
  lxw_worksheet* ws = b.sheet(b.word("report.action-plan"));
  const std::vector<Column> cols = detail::xlsx::plan_columns(b);
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (std::size_t i = 0; i < r.action_plan.size(); ++i)
    if (!legal_only || legal_entry(r, r.action_plan[i])) detail::xlsx::plan_row(b, ws, row++, 0, r, i);
  const std::size_t rows = row - 1;
  filter(ws, rows, cols.size());
  detail::xlsx::plan_status_list(b, ws, rows, detail::xlsx::plan_status_column);
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

// --- Waived -------------------------------------------------------------------------------

/// Every waiver, one row per finding it names (one row for a waiver that matches nothing):
/// the findings waived, and those judged as usual because their waiver expired or is not in
/// force yet (docs/history.md, "Waivers"). Written only when the audit had waivers.
void waived_sheet(Book& b, const Report& r) {
  if (r.waivers.empty()) return;
  lxw_worksheet* ws = b.sheet(b.word("waiver.sheet"));
  const Language lang = b.lang();
  const std::vector<Column> cols = {
      {b.word("waiver.fingerprint"), 18},  {b.word("waiver.rule"), 26},         {b.word("waiver.subject"), 24},
      {b.word("waiver.reason"), 48, true}, {b.word("waiver.decided-by"), 18},   {b.word("waiver.decided"), 12},
      {b.word("waiver.until"), 12},        {b.word("waiver.legal-column"), 12}, {b.word("waiver.state"), 16},
      {b.word("report.severity"), 11},     {b.word("xlsx.message"), 48, true},
  };
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const render_detail::WaiverLine& l : render_detail::waiver_lines(r, lang)) {
    const WaiverOutcome& o = *l.outcome;
    const auto write = [&](const render_detail::WaivedRow* x) {
      if (row == LXW_ROW_MAX) throw Error("cannot write the spreadsheet: more waived findings than a sheet has rows");
      const Waiver& w = o.waiver;
      put(ws, row, 0, x ? x->fingerprint : (w.fingerprint ? fingerprint_text(*w.fingerprint) : std::string()));
      put(ws, row, 1, x ? x->rule : w.rule);
      put(ws, row, 2, x ? x->subject : w.subject);
      put(ws, row, 3, w.reason, b.wrap);
      put(ws, row, 4, w.decided_by);
      put(ws, row, 5, w.decided.to_string());
      put(ws, row, 6, o.until.to_string());
      put(ws, row, 7, o.legal ? l.legal : b.word("waiver.no"));
      put(ws, row, 8, l.state);
      if (x) put(ws, row, 9, x->severity);
      put(ws, row, 10, l.note, b.wrap);
      ++row;
    };
    if (l.rows.empty()) write(nullptr);
    for (const auto& x : l.rows)
      write(&x);
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
      {b.word("diff.change"), 12},     {b.word("report.fingerprint"), 18}, {b.word("report.rule"), 26},
      {b.word("xlsx.measure-id"), 11}, {b.word("xlsx.unit-id"), 16},       {b.word("xlsx.unit-name"), 30},
      {b.word("report.severity"), 11}, {b.word("report.status"), 13},      {b.word("diff.before"), 13},
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
    b.properties(word("report.title", options.language), r.organisation_name, r.as_of, "trygg.xlsx/1");
    summary_sheet(b, r, view, options.legal_only);
    action_plan_sheet(b, r, options.legal_only);
    findings_sheet(b, r, view);
    units_sheet(b, r, options.legal_only);
    waived_sheet(b, r);
    if (r.comparison) changes_sheet(b, r, options.legal_only);
    b.close();
  }
  return file.marked_bytes();  // marked as trygg's (src/xlsx_marker.hpp)
}

}  // namespace trygg
