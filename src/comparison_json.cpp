// SPDX-License-Identifier: MIT
// The comparison with a baseline in JSON: the report's "comparison" member and the change of
// each finding (docs/report-format.md, "Comparison"), and the rows of `trygg-check diff`.
// Keys are written sorted, like the rest of the report.
#include <algorithm>

#include "comparison_view.hpp"
#include "json_writer.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {
namespace {
void counts_object(JsonWriter& w, const ChangeCounts& c) {
  w.begin_object();
  w.member("changed", static_cast<std::uint64_t>(c.changed));
  w.member("new", static_cast<std::uint64_t>(c.added));
  w.member("resolved", static_cast<std::uint64_t>(c.resolved));
  w.member("unchanged", static_cast<std::uint64_t>(c.unchanged));
  w.end_object();
}
}  // namespace

void write_change_row_json(JsonWriter& w, const ChangeRow& row, bool with_change) {
  w.begin_object();
  w.member("area", row.area);
  if (with_change && row.before) w.member("before", to_string(*row.before));
  if (with_change) w.member("change", to_string(row.change));
  w.member("fingerprint", fingerprint_text(row.fingerprint));
  w.member("first_seen", row.first_seen.to_string());
  w.member("measure", row.measure);
  w.member("obligation", to_string(row.obligation));
  w.member("rule", row.rule);
  w.member("severity", to_string(row.severity));
  w.member("status", to_string(row.status));
  w.key("subject");
  w.begin_object();
  w.member("id", row.subject_id);
  w.member("kind", row.unit ? "unit" : "organisation");
  if (!row.subject_name.empty()) w.member("name", row.subject_name);
  w.end_object();
  w.end_object();
}

void write_comparison_json(JsonWriter& w, const ComparisonView& v) {
  w.begin_object();
  w.key("baseline");
  w.begin_object();
  w.member("as_of", v.baseline_as_of.to_string());
  w.member("file", v.baseline_file);
  w.member("format", v.baseline_format);
  w.end_object();
  write_change_counts_members(w, v);
  w.key("resolved");
  w.begin_array();
  for (const ChangeRow& row : v.rows)
    if (row.change == Change::resolved) write_change_row_json(w, row, false);
  w.end_array();
  w.end_object();
}

void write_change_counts_members(JsonWriter& w, const ComparisonView& v) {
  // Areas sorted by id, as every JSON object of the report: the output is byte-stable.
  auto areas = v.by_area;
  std::sort(areas.begin(), areas.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.key("by_area");
  w.begin_object();
  for (const auto& [area, c] : areas) {
    w.key(area);
    counts_object(w, c);
  }
  w.end_object();
  w.key("by_severity");
  w.begin_object();
  for (const Severity s : {Severity::critical, Severity::high, Severity::info, Severity::low, Severity::medium}) {
    w.key(to_string(s));
    counts_object(w, v.by_severity[static_cast<std::size_t>(s)]);
  }
  w.end_object();
  w.key("counts");
  counts_object(w, v.counts);
}

void write_finding_change_head(JsonWriter& w, const Comparison& c, std::size_t i) {
  if (i >= c.findings.size()) return;
  if (c.findings[i].before) w.member("before", to_string(*c.findings[i].before));
  w.member("change", to_string(c.findings[i].change));
}

void write_finding_change_tail(JsonWriter& w, const Comparison& c, std::size_t i) {
  if (i >= c.findings.size()) return;
  w.member("first_seen", c.findings[i].first_seen.to_string());
}

}  // namespace trygg::detail
