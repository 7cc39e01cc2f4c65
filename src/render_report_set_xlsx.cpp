// SPDX-License-Identifier: MIT
// The report set as one workbook (include/trygg/report_set_xlsx.hpp, docs/report-format.md,
// "Report sets"). Its sheets are made from the single-report renderers' parts: the Findings
// sheet from the CSV's columns and fields (src/csv_rows.hpp), the Action plan from the
// report's workbook's plan rows (src/xlsx_action_plan.hpp), every cell through the workbook
// writer's one escaping step (src/xlsx_book.hpp). The workbook is in constant-memory mode, so
// each sheet is written row by row, in order, and a set of many organisations does not sit in
// memory twice.
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "csv_rows.hpp"
#include "render_common.hpp"
#include "trygg/error.hpp"
#include "trygg/report_set_xlsx.hpp"
#include "trygg/size_band.hpp"
#include "xlsx_action_plan.hpp"
#include "xlsx_book.hpp"

namespace trygg {
namespace {
using namespace render_detail;
using namespace detail::xlsx;

/// The next row of a sheet, refused past Excel's last one rather than written over it.
lxw_row_t next_row(lxw_row_t& row) {
  if (row >= LXW_ROW_MAX - 1) throw Error("cannot write the spreadsheet: the set has more rows than a sheet holds");
  return row++;
}

/// The area ids of the set: the benchmark's, else every framework's in order of first use.
std::vector<std::string> set_areas(const ReportSet& set) {
  if (set.benchmark) return set.benchmark->areas;
  std::vector<std::string> ids;
  for (const auto& e : set.entries)
    for (const auto& a : e.report->framework.areas())
      if (std::find(ids.begin(), ids.end(), a.id) == ids.end()) ids.push_back(a.id);
  return ids;
}

std::string area_title(const ReportSet& set, const std::string& id, Language lang) {
  if (id == legal_findings_measure) return word("report-set.legal-per-100", lang);
  for (const auto& e : set.entries)
    if (const Area* a = e.report->framework.find_area(id)) return a->title.in(lang);
  return id;
}

constexpr std::array<Severity, 5> severities_down = {Severity::critical, Severity::high, Severity::medium,
                                                     Severity::low, Severity::info};

void overview_sheet(Book& b, const ReportSet& set, const std::vector<std::string>& areas) {
  lxw_worksheet* ws = b.sheet(b.word("report-set.overview"));
  const Language lang = b.lang();
  std::vector<Column> cols = {
      {b.word("xlsx.organisation-id"), 16},
      {b.word("report.organisation"), 30, true},
      {b.word("report-set.country"), 8},
      {b.word("report-set.sector"), 14},
      {b.word("report-set.size-band"), 12},
      {status_word(Status::pass, lang), 10},
      {status_word(Status::fail, lang), 10},
      {status_word(Status::partial, lang), 10},
      {status_word(Status::not_assessed, lang), 10},
      {status_word(Status::not_applicable, lang), 10},
      {status_word(Status::waived, lang), 10},
  };
  for (const Severity s : severities_down)
    cols.push_back({render(Message{"xlsx.at-or-above", {{"severity", severity_word(s, lang)}}}, lang), 14, true});
  cols.push_back({b.word("report-set.legal-findings"), 14, true});
  for (const auto& id : areas)
    cols.push_back({area_title(set, id, lang), 14, true});
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const auto& e : set.entries) {
    const Report& r = *e.report;
    const lxw_row_t at = next_row(row);
    lxw_col_t c = 0;
    put(ws, at, c++, r.organisation_id);
    put(ws, at, c++, r.organisation_name);
    put(ws, at, c++, r.country);
    put(ws, at, c++, r.sector.empty() ? b.word("report-set.unknown") : r.sector);
    put(ws, at, c++, to_string(size_band(r.headcount)));
    const Summary& s = r.summary;
    for (const std::size_t n : {s.pass, s.fail, s.partial, s.not_assessed, s.not_applicable, s.waived})
      put_number(ws, at, c++, static_cast<double>(n));
    for (const Severity sev : severities_down)
      put_number(ws, at, c++, static_cast<double>(r.count_at_or_above(sev)));
    put_number(ws, at, c++, static_cast<double>(legal_findings(r)));
    for (const auto& id : areas) {
      // An area the organisation's framework does not have stays an empty cell, not 0.
      for (const auto& a : r.area_scores)
        if (a.area == id) put_number(ws, at, c, a.score, b.score);
      ++c;
    }
  }
  filter(ws, row - 1, cols.size());
}

void findings_sheet(Book& b, const ReportSet& set) {
  lxw_worksheet* ws = b.sheet(b.word("report.findings"));
  // The set's CSV columns: the organisation and the source in front (render_report_set_csv).
  std::vector<Column> cols = {{b.word("xlsx.organisation-id"), 16}, {b.word("report.source"), 24}};
  for (const auto& c : detail::finding_columns())
    cols.push_back({b.word(std::string(c.heading)), 18});
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const auto& e : set.entries) {
    const Report& r = *e.report;
    detail::finding_fields(r, b.lang(), [&](std::span<const std::string> values) {
      const lxw_row_t at = next_row(row);
      put(ws, at, 0, r.organisation_id);
      put(ws, at, 1, e.source);
      for (std::size_t i = 0; i < values.size(); ++i)
        put(ws, at, static_cast<lxw_col_t>(i + 2), values[i]);
    });
  }
  filter(ws, row - 1, cols.size());
}

void action_plan_sheet(Book& b, const ReportSet& set) {
  lxw_worksheet* ws = b.sheet(b.word("report.action-plan"));
  std::vector<Column> cols = {{b.word("xlsx.organisation-id"), 16}};
  for (auto& c : plan_columns(b))
    cols.push_back(std::move(c));
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const auto& e : set.entries)
    for (std::size_t i = 0; i < e.report->action_plan.size(); ++i) {
      const lxw_row_t at = next_row(row);
      put(ws, at, 0, e.report->organisation_id, b.top);
      plan_row(b, ws, at, 1, *e.report, i);
    }
  filter(ws, row - 1, cols.size());
  plan_status_list(b, ws, row - 1, static_cast<lxw_col_t>(1 + plan_status_column));
}

void failures_sheet(Book& b, const ReportSet& set) {
  lxw_worksheet* ws = b.sheet(b.word("report-set.failures"));
  const std::vector<Column> cols = {{b.word("report.source"), 40}, {b.word("xlsx.error"), 80, true}};
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const auto& f : set.failures) {
    const lxw_row_t at = next_row(row);
    put(ws, at, 0, f.source);
    put(ws, at, 1, f.message, b.wrap);
  }
  filter(ws, row - 1, cols.size());
}

/// Why a figure is not shown, in the words of the HTML page (src/render_report_set.cpp).
std::string not_shown(const PeerBenchmark& bm, const PeerGroup& g, Language lang) {
  const std::string n = std::to_string(bm.min_organisations);
  if (g.disclosure == Disclosure::suppressed_small)
    return render(Message{"report-set.suppressed-small", {{"n", n}}}, lang);
  if (g.disclosure == Disclosure::suppressed_complementary) return word("report-set.suppressed-complementary", lang);
  return render(Message{"report-set.figure-not-shown", {{"n", n}}}, lang);
}

/// Rounded as the JSON rounds them (to_json(PeerBenchmark)), so both say the same.
double rounded(double v) {
  return std::round(v * 1000.0) / 1000.0;
}

void benchmark_sheet(Book& b, const ReportSet& set, const PeerBenchmark& bm) {
  lxw_worksheet* ws = b.sheet(b.word("xlsx.sheet.benchmark"));
  const Language lang = b.lang();
  const std::vector<Column> cols = {
      {b.word("report-set.group"), 14},         {b.word("xlsx.disclosure"), 22},
      {b.word("xlsx.figure-id"), 22},           {b.word("xlsx.figure"), 30, true},
      {b.word("report-set.organisations"), 14}, {b.word("report-set.p20"), 12},
      {b.word("report-set.p50"), 12},           {b.word("report-set.p80"), 12},
      {b.word("xlsx.why-not-shown"), 40, true},
  };
  header_row(b, ws, cols);
  lxw_row_t row = 1;
  for (const auto& g : bm.groups)
    for (const auto& f : g.figures) {
      const lxw_row_t at = next_row(row);
      put(ws, at, 0, g.name);
      put(ws, at, 1, to_string(g.disclosure));
      put(ws, at, 2, f.measure);
      put(ws, at, 3, area_title(set, f.measure, lang), b.wrap);
      if (f.figures) {
        put_number(ws, at, 4, static_cast<double>(f.organisations));
        put_number(ws, at, 5, rounded(f.figures->p20));
        put_number(ws, at, 6, rounded(f.figures->p50));
        put_number(ws, at, 7, rounded(f.figures->p80));
      } else {
        // A figure not shown says neither its group's size nor how many have it
        // (docs/privacy.md): the cells stay empty.
        put(ws, at, 8, not_shown(bm, g, lang), b.wrap);
      }
    }
  filter(ws, row - 1, cols.size());
}

}  // namespace

std::string render_report_set_xlsx(const ReportSet& set, Language language) {
  const std::vector<std::string> areas = set_areas(set);
  TempFile file;
  {
    Book b(file.path(), language);
    b.properties(word("report-set.title", language), "", set.as_of, "trygg.report-set-xlsx/1");
    overview_sheet(b, set, areas);
    findings_sheet(b, set);
    action_plan_sheet(b, set);
    if (!set.failures.empty()) failures_sheet(b, set);
    if (set.benchmark) benchmark_sheet(b, set, *set.benchmark);
    b.close();
  }
  return file.marked_bytes();  // marked as trygg's (src/xlsx_marker.hpp)
}

}  // namespace trygg
