// SPDX-License-Identifier: MIT
// Internal: a report's comparison with its baseline as every renderer shows it (the JSON
// report's "comparison", the text, Markdown, HTML and xlsx sections, and `trygg-check diff`):
// one row per finding of the newer report, then one per resolved finding, with the counts
// per area and per severity.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "trygg/comparison.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {

/// One finding against the baseline, with what it names spelled out.
struct ChangeRow {
  Change change = Change::added;
  std::uint64_t fingerprint = 0;
  std::string rule, measure, area, subject_id, subject_name;
  bool unit = false;  ///< the subject is a unit (else the organisation)
  Severity severity = Severity::medium;
  Obligation obligation = Obligation::good_practice;
  Status status = Status::fail;  ///< now; for a resolved finding, the baseline's status
  std::optional<Status> before;  ///< the baseline's status, unless new (or resolved)
  Date first_seen;
  bool figures_changed = false;
  bool counts = true;  ///< counts against --fail-on-new (not waived, not resolved)
};

/// The comparison as renderers read it.
struct ComparisonView {
  std::string baseline_file, baseline_format;
  Date baseline_as_of, as_of;
  std::vector<ChangeRow> rows;  ///< the newer report's findings in order, then the resolved ones
  ChangeCounts counts;
  std::vector<std::pair<std::string, ChangeCounts>> by_area;  ///< areas in the order first met
  std::array<ChangeCounts, 5> by_severity{};                  ///< info .. critical
};

/// Add one row to a count.
void tally(ChangeCounts& counts, Change change);
/// Fill counts, by_area and by_severity from the rows.
void count_rows(ComparisonView& view);
/// The view of a compared report (report.comparison must be set).
[[nodiscard]] ComparisonView comparison_view(const Report& report);
/// How many rows are new, count (not waived) and are at or above `threshold`.
[[nodiscard]] std::size_t new_at_or_above(const ComparisonView& view, Severity threshold);

}  // namespace trygg::detail

namespace trygg::detail {
class JsonWriter;

/// The JSON report's "comparison" member, value only (docs/report-format.md, "Comparison").
void write_comparison_json(JsonWriter& w, const ComparisonView& view);
/// The members "by_area", "by_severity" and "counts" of an object being written.
void write_change_counts_members(JsonWriter& w, const ComparisonView& view);
/// A finding's members that sort before "due" ("before", "change") and after "fingerprint"
/// ("first_seen"), for the finding `i` of a compared report.
void write_finding_change_head(JsonWriter& w, const Comparison& c, std::size_t i);
void write_finding_change_tail(JsonWriter& w, const Comparison& c, std::size_t i);
/// One row as an object of its own (the resolved list; every row of `trygg-check diff`).
void write_change_row_json(JsonWriter& w, const ChangeRow& row, bool with_change);

}  // namespace trygg::detail

namespace trygg {
class Framework;
}
namespace trygg::detail {
class MarkdownWriter;

/// A row's change in `lang` ("ny", "new").
[[nodiscard]] std::string change_word(Change change, Language lang);
/// The comparison for people (src/render_comparison.cpp): the baseline, the counts, the
/// counts per area and per severity, the new and changed findings and the resolved ones (at
/// most `limit` of each; 0: all). Area titles come from `fw` where it has them.
[[nodiscard]] std::string comparison_text(const ComparisonView& v, const Framework* fw, Language lang,
                                          std::size_t width, std::size_t limit);
void comparison_markdown(MarkdownWriter& w, const ComparisonView& v, const Framework* fw, Language lang,
                         std::size_t limit, int level);
/// The HTML section, id "comparison".
void comparison_html(std::string& out, const ComparisonView& v, const Framework* fw, Language lang, std::size_t limit);

}  // namespace trygg::detail

namespace trygg {
struct Snapshot;
}
namespace trygg::detail {
/// The view of two snapshots compared (`trygg-check diff`); `c` is compare(older, newer).
[[nodiscard]] ComparisonView comparison_view(const Snapshot& newer, const Comparison& c);
}  // namespace trygg::detail
