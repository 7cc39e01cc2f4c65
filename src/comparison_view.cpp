// SPDX-License-Identifier: MIT
// A report's comparison with its baseline as renderers read it (comparison_view.hpp).
#include "comparison_view.hpp"

#include "trygg/history.hpp"
#include "trygg/render.hpp"

namespace trygg {
namespace {
bool counts_against(Status s) {
  return s == Status::fail || s == Status::partial || s == Status::not_assessed;
}
}  // namespace
}  // namespace trygg

namespace trygg::detail {

void tally(ChangeCounts& c, Change change) {
  switch (change) {
    case Change::added:
      ++c.added;
      break;
    case Change::unchanged:
      ++c.unchanged;
      break;
    case Change::changed:
      ++c.changed;
      break;
    case Change::resolved:
      ++c.resolved;
      break;
  }
}

void count_rows(ComparisonView& v) {
  v.counts = {};
  v.by_area.clear();
  v.by_severity = {};
  for (const ChangeRow& row : v.rows) {
    tally(v.counts, row.change);
    tally(v.by_severity[static_cast<std::size_t>(row.severity)], row.change);
    auto it = v.by_area.begin();
    while (it != v.by_area.end() && it->first != row.area)
      ++it;
    if (it == v.by_area.end()) it = v.by_area.insert(it, {row.area, ChangeCounts{}});
    tally(it->second, row.change);
  }
}

ComparisonView comparison_view(const Report& r) {
  ComparisonView v;
  const Comparison& c = *r.comparison;
  v.baseline_file = c.baseline_file;
  v.baseline_format = c.baseline_format;
  v.baseline_as_of = c.baseline_as_of;
  v.as_of = r.as_of;
  v.rows.reserve(r.findings.size() + c.resolved.size());
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    const Result& x = r.result(f);
    ChangeRow row;
    if (i < c.findings.size()) {
      const FindingChange& fc = c.findings[i];
      row.change = fc.change;
      row.before = fc.before;
      row.first_seen = fc.first_seen;
      row.figures_changed = fc.figures_changed;
    } else {
      row.first_seen = r.as_of;
    }
    row.fingerprint = f.fingerprint;
    row.rule = r.rule(x).id;
    row.measure = r.rule(x).measure;
    row.area = r.measure(x).area;
    row.unit = x.subject.kind == Subject::Kind::unit;
    row.subject_id = std::string(r.subject_id(x.subject));
    row.subject_name = std::string(r.subject_name(x.subject));
    row.severity = r.severity(x);
    row.obligation = r.obligation(x);
    row.status = x.status;
    row.counts = counts_against(x.status);
    v.rows.push_back(std::move(row));
  }
  for (const FindingRecord& f : c.resolved) {
    ChangeRow row;
    row.change = Change::resolved;
    row.fingerprint = f.fingerprint;
    row.rule = f.rule;
    row.measure = f.measure;
    row.area = f.area;
    row.unit = f.subject_id != r.organisation_id;  // a snapshot names the organisation by its id
    row.subject_id = f.subject_id;
    row.subject_name = f.subject_name;
    row.severity = f.severity;
    row.obligation = f.obligation;
    row.status = f.status;
    row.first_seen = f.first_seen.value_or(c.baseline_as_of);
    row.counts = false;
    v.rows.push_back(std::move(row));
  }
  count_rows(v);
  return v;
}

ComparisonView comparison_view(const Snapshot& newer, const Comparison& c) {
  ComparisonView v;
  v.baseline_file = c.baseline_file;
  v.baseline_format = c.baseline_format;
  v.baseline_as_of = c.baseline_as_of;
  v.as_of = newer.as_of;
  v.rows.reserve(newer.findings.size() + c.resolved.size());
  const auto row_of = [&](const FindingRecord& f, Change change) {
    ChangeRow row;
    row.change = change;
    row.fingerprint = f.fingerprint;
    row.rule = f.rule;
    row.measure = f.measure;
    row.area = f.area;
    row.unit = f.subject_id != newer.organisation_id;  // a snapshot names the organisation by its id
    row.subject_id = f.subject_id;
    row.subject_name = f.subject_name;
    row.severity = f.severity;
    row.obligation = f.obligation;
    row.status = f.status;
    return row;
  };
  for (std::size_t i = 0; i < newer.findings.size(); ++i) {
    const FindingRecord& f = newer.findings[i];
    ChangeRow row = row_of(f, i < c.findings.size() ? c.findings[i].change : Change::added);
    if (i < c.findings.size()) {
      row.before = c.findings[i].before;
      row.first_seen = c.findings[i].first_seen;
      row.figures_changed = c.findings[i].figures_changed;
    } else {
      row.first_seen = newer.as_of;
    }
    row.counts = counts_against(f.status);
    v.rows.push_back(std::move(row));
  }
  for (const FindingRecord& f : c.resolved) {
    ChangeRow row = row_of(f, Change::resolved);
    row.first_seen = f.first_seen.value_or(c.baseline_as_of);
    row.counts = false;
    v.rows.push_back(std::move(row));
  }
  count_rows(v);
  return v;
}

std::size_t new_at_or_above(const ComparisonView& v, Severity threshold) {
  std::size_t n = 0;
  for (const ChangeRow& row : v.rows)
    if (row.change == Change::added && row.counts && row.severity >= threshold) ++n;
  return n;
}

}  // namespace trygg::detail

namespace trygg {

std::size_t count_new_at_or_above(const Snapshot& newer, const Comparison& c, Severity threshold) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < newer.findings.size() && i < c.findings.size(); ++i) {
    const FindingRecord& f = newer.findings[i];
    if (c.findings[i].change == Change::added && counts_against(f.status) && f.severity >= threshold) ++n;
  }
  return n;
}

std::size_t count_new_at_or_above(const Report& r, Severity threshold) {
  if (!r.comparison) return 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < r.findings.size() && i < r.comparison->findings.size(); ++i) {
    const Result& x = r.result(r.findings[i]);
    if (r.comparison->findings[i].change == Change::added && counts_against(x.status) && r.severity(x) >= threshold)
      ++n;
  }
  return n;
}

}  // namespace trygg
