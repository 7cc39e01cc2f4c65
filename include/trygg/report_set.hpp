// SPDX-License-Identifier: MIT
/// \file report_set.hpp
/// The reports of many organisations as one output (`trygg-check batch`,
/// docs/report-format.md, "Report sets"): JSON with every report whole, CSV with every
/// finding and the organisation it belongs to, and one HTML page with an overview and, when a
/// peer benchmark was made, its figures per area.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/error.hpp"
#include "trygg/peer_benchmark.hpp"
#include "trygg/render.hpp"
#include "trygg/report.hpp"

namespace trygg {

/// Version of the report-set JSON (docs/report-format.md, "Report sets").
inline constexpr std::string_view report_set_format = "trygg.report-set/1";

/// One audited organisation of the set: where it came from and its report (not owned).
struct ReportSetEntry {
  std::string source;
  const Report* report = nullptr;
};

/// A source that gave no report: what it is called, the error's message and, for a LoadError,
/// its diagnostics.
struct ReportSetFailure {
  std::string source;
  std::string message;
  std::vector<Diagnostic> diagnostics;
};

/// What the renderers of a set read. Nothing is owned: the reports and the benchmark must
/// outlive the call.
struct ReportSet {
  std::vector<ReportSetEntry> entries;  ///< in input order
  std::vector<ReportSetFailure> failures;
  Date as_of;
  /// The benchmark of the entries' reports, in entry order, or null.
  const PeerBenchmark* benchmark = nullptr;
};

/// The set as JSON text (format trygg.report-set/1), each report in its own language.
[[nodiscard]] std::string render_report_set_json(const ReportSet& set, int indent = 2);
/// Every report's findings as one CSV: the columns of render_csv with `organisation` and
/// `source` in front, one header.
[[nodiscard]] std::string render_report_set_csv(const ReportSet& set, const CsvOptions& options);
/// One self-contained HTML page (the same Content-Security-Policy as render_html): the
/// overview of the organisations, the sources that failed, and the benchmark's figures per area
/// with a chart, suppressed groups marked as not shown.
[[nodiscard]] std::string render_report_set_html(const ReportSet& set, Language language);

}  // namespace trygg
