// SPDX-License-Identifier: MIT
/// \file comparison.hpp
/// A report compared with an earlier one, its baseline (docs/history.md, "Baselines"): each
/// finding is new, unchanged or changed, with the date it was first seen carried over, and
/// each finding of the baseline that is gone is resolved. Findings are matched by fingerprint,
/// which stays the same across runs, renamed files and re-keyed organisations.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/types.hpp"

namespace trygg {

/// How a finding stands against the baseline. Written "new", "unchanged", "changed",
/// "resolved" (to_string).
enum class Change : std::uint8_t {
  added,      ///< "new": not among the baseline's findings
  unchanged,  ///< same fingerprint, same status and figures
  changed,    ///< same fingerprint, another status or other figures
  resolved,   ///< among the baseline's findings, not among these
};
[[nodiscard]] std::string_view to_string(Change change) noexcept;
[[nodiscard]] std::optional<Change> parse_change(std::string_view text) noexcept;

/// A finding as a report records it: enough to match it with another report's and to list
/// it once it is resolved.
struct FindingRecord {
  std::uint64_t fingerprint = 0;
  std::string rule, measure, area;
  std::string subject_id, subject_name;  ///< the organisation's or the unit's
  Severity severity = Severity::medium;
  Obligation obligation = Obligation::good_practice;
  Status status = Status::fail;
  /// The figures: the `found` message's id and arguments in one canonical text, so two
  /// findings with the same status but other counts are told apart.
  std::string figures;
  std::optional<Date> first_seen;  ///< as recorded, when the report was itself compared
  std::string waiver_reason;       ///< when the finding was waived
};

/// What changed for one finding of the newer report.
struct FindingChange {
  Change change = Change::added;
  Date first_seen;               ///< from the baseline (its first_seen, else its as-of date); the as-of date if new
  std::optional<Status> before;  ///< the baseline's status, unless new
  bool figures_changed = false;  ///< same status, other figures
};

/// Counts of one area or severity.
struct ChangeCounts {
  std::size_t added = 0, unchanged = 0, changed = 0, resolved = 0;
};

/// The newer report against its baseline.
struct Comparison {
  std::string baseline_file;    ///< as given
  std::string baseline_format;  ///< the baseline's report format, e.g. "trygg.report/2"
  Date baseline_as_of;
  std::vector<FindingChange> findings;  ///< parallel to the newer report's findings
  std::vector<FindingRecord> resolved;  ///< the baseline's findings that are gone, baseline order

  [[nodiscard]] ChangeCounts counts() const noexcept;
  /// Counts per area (areas in the order first met) and per severity (info .. critical).
  [[nodiscard]] std::vector<std::pair<std::string, ChangeCounts>> counts_by_area(
      const std::vector<FindingRecord>& newer) const;
  [[nodiscard]] std::array<ChangeCounts, 5> counts_by_severity(const std::vector<FindingRecord>& newer) const;
};

}  // namespace trygg
