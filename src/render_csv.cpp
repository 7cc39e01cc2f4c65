// SPDX-License-Identifier: MIT
// The CSV report: one row per finding, every result that is not a pass, for spreadsheets and
// scripts (docs/report-format.md, "CSV"). Two dialects of the same rows: the machine one
// (",", no byte-order mark) and the one Excel reads with Nordic regional settings (";" and a
// byte-order mark). New columns are only ever added at the end, so a reader that takes
// columns by position keeps working.
#include <string_view>
#include <vector>

#include "csv_rows.hpp"
#include "escape.hpp"
#include "reader_view.hpp"
#include "render_common.hpp"
#include "trygg/render.hpp"

namespace trygg {
using namespace render_detail;

namespace {

constexpr detail::FindingColumn columns[] = {{"fingerprint", "report.fingerprint"},
                                             {"rule", "report.rule"},
                                             {"measure", "xlsx.measure-id"},
                                             {"area", "xlsx.area-id"},
                                             {"subject_kind", "xlsx.subject-kind"},
                                             {"subject_id", "xlsx.subject-id"},
                                             {"status", "report.status"},
                                             {"severity", "report.severity"},
                                             {"obligation", "xlsx.obligation"},
                                             {"message", "xlsx.message"},
                                             {"expected", "report.expected"},
                                             {"found", "report.found"},
                                             {"due", "report.due"},
                                             {"evidence", "report.evidence"},
                                             {"measure_title", "report.measure"},
                                             {"proposal", "report.proposed"},
                                             {"citation", "xlsx.citation"},
                                             {"subject_name", "xlsx.subject-name"}};

/// One field: quoted, with `"` doubled, and its content kept from starting a formula
/// (src/escape.hpp), which is the one escaping step for CSV.
void field(std::string& out, std::string_view text) {
  const std::string s = detail::csv_text(text);
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

namespace detail {

void csv_header(std::string& out, const CsvOptions& options, const std::vector<std::string_view>& leading) {
  const char sep = options.dialect == CsvDialect::excel_nordic ? ';' : ',';
  // Excel takes a file without a byte-order mark for the legacy code page (Windows-1252):
  // "å" would show as "Ã¥".
  if (options.dialect == CsvDialect::excel_nordic) out += "\xEF\xBB\xBF";
  // The header: bare names in the machine dialect (as it always was), quoted like every
  // other field in the Excel one.
  std::vector<std::string_view> names(leading);
  for (const auto& c : columns)
    names.push_back(c.name);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += sep;
    if (options.dialect == CsvDialect::excel_nordic)
      field(out, names[i]);
    else
      out += names[i];
  }
  out += "\r\n";
}

std::span<const FindingColumn> finding_columns() noexcept {
  return columns;
}

void finding_fields(const Report& r, Language lang, const std::function<void(std::span<const std::string>)>& row) {
  // What depends on the rule only (its measure's title and proposal, its citations in human
  // form) is made once per rule, not once per finding: one rule may have a finding for every
  // unit of a large organisation.
  const auto& rules = r.framework.rules();
  const auto& measures = r.framework.measures();
  std::vector<char> known(rules.size(), 0);
  std::vector<std::string> citation_of(rules.size());
  for (const auto& f : r.findings) {
    const Result& res = r.result(f);
    if (known[res.rule]) continue;
    known[res.rule] = 1;
    const auto measure = static_cast<std::uint32_t>(r.framework.rule_measure(res.rule));
    std::string joined;
    for (const auto& c : r.citations(f))
      joined += (joined.empty() ? "" : "; ") + detail::citation_label(r, c, measure, lang);
    citation_of[res.rule] = std::move(joined);
  }

  for (const auto& f : r.findings) {
    const Result& res = r.result(f);
    const ResultView x = r.view(res);
    const Measure& m = measures[r.framework.rule_measure(res.rule)];
    std::string ev;
    for (const auto& e : x.evidence)
      ev += (ev.empty() ? "" : " ") + e;
    const std::string values[] = {fingerprint_text(f.fingerprint),
                                  x.rule,
                                  x.measure,
                                  x.area,
                                  x.subject.kind == Subject::Kind::organisation ? "organisation" : "unit",
                                  x.subject.id,
                                  std::string(to_string(x.status)),
                                  std::string(to_string(x.severity)),
                                  std::string(to_string(x.obligation)),
                                  say(r, x.message, lang),
                                  say(r, x.expected, lang),
                                  say(r, x.found, lang),
                                  f.due.to_string(),
                                  ev,
                                  m.title.in(lang),
                                  m.proposal.in(lang),
                                  citation_of[res.rule],
                                  x.subject.name};
    static_assert(sizeof values / sizeof values[0] == std::size(columns));
    row(values);
  }
}

void csv_rows(std::string& out, const Report& r, const CsvOptions& options, const std::vector<std::string>& leading) {
  const char sep = options.dialect == CsvDialect::excel_nordic ? ';' : ',';
  finding_fields(r, options.language, [&](std::span<const std::string> values) {
    for (std::size_t i = 0; i < leading.size(); ++i) {
      if (i) out += sep;
      field(out, leading[i]);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i || !leading.empty()) out += sep;
      field(out, values[i]);
    }
    out += "\r\n";
  });
}

}  // namespace detail

std::string render_csv(const Report& r, const CsvOptions& options) {
  std::string out;
  detail::csv_header(out, options, {});
  detail::csv_rows(out, r, options, {});
  return out;
}

std::string render_csv(const Report& r, Language lang) {
  return render_csv(r, CsvOptions{lang, CsvDialect::machine});
}

}  // namespace trygg
