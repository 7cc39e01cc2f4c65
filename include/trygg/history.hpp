// SPDX-License-Identifier: MIT
/// \file history.hpp
/// The yearly cycle (docs/history.md): what a report recorded (a Snapshot, read back from a
/// JSON report or taken from a Report), one report compared with an earlier one, and the
/// trend over many.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/comparison.hpp"
#include "trygg/date.hpp"
#include "trygg/report.hpp"

namespace trygg {

/// What one report recorded, enough to compare it with another and to draw a trend.
struct Snapshot {
  std::string file;    ///< where it was read from; "" when taken from a Report
  std::string format;  ///< the report format it was read from, e.g. "trygg.report/2"
  std::string organisation_id, organisation_name;
  Date as_of;
  std::vector<FindingRecord> findings;                      ///< in report order
  std::vector<std::pair<std::string, double>> area_scores;  ///< area id → maturity 0..4, framework order
  std::vector<std::pair<std::string, int>> measure_scores;  ///< measure id → maturity 0..4
  std::size_t legal_findings = 0;  ///< findings against law or regulation that count (waived ones do not)
  PlanProgress plan;               ///< the organisation's own action plan on the as-of date

  /// Read a JSON report (format trygg.report/2; trygg.report/1 is read too). Throws LoadError
  /// naming the file and JSON Pointer for anything else, including a report format this
  /// version does not know.
  [[nodiscard]] static Snapshot load(const std::filesystem::path& json_report);
  [[nodiscard]] static Snapshot parse(std::string_view json_text, const std::string& file = "<memory>");
  /// Taken from a report in memory.
  [[nodiscard]] static Snapshot of(const Report& report);
};

/// Compare a newer snapshot with its baseline. Throws UsageError when the two are of different
/// organisations (by id) or the baseline is dated after the newer one.
[[nodiscard]] Comparison compare(const Snapshot& baseline, const Snapshot& newer);

/// Compare a report with its baseline and keep the comparison in it (Report::comparison),
/// which every format then shows.
void compare_with_baseline(Report& report, const Snapshot& baseline);

/// The trend over snapshots of one organisation, oldest first.
struct Trend {
  std::string organisation_id, organisation_name;
  std::vector<Snapshot> points;  ///< sorted by as-of date; two on the same date are refused
};

/// Sort and check the snapshots (one organisation, distinct dates, at least one). Throws
/// UsageError otherwise, naming the files.
[[nodiscard]] Trend trend(std::vector<Snapshot> snapshots);

}  // namespace trygg
