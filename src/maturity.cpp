// SPDX-License-Identifier: MIT
// Maturity per measure and per area (docs/architecture.md, "Scores").
#include "maturity.hpp"

#include <algorithm>

namespace trygg::detail {

MeasureScore maturity(const AuditContext& ctx, const Measure& m, std::size_t mi) {
  MeasureScore s;
  s.measure = m.id;
  s.area = m.area;
  for (auto i : ctx.routines_of(mi)) {
    s.implemented_by.push_back(ctx.org.routines[i].id);
    s.evidence.push_back(ctx.routine_pointer(i));
  }
  for (auto i : ctx.activities_of(mi)) {
    s.implemented_by.push_back(ctx.org.activities[i].id);
    s.evidence.push_back(ctx.activity_pointer(i));
  }
  for (auto i : ctx.channels_of(mi)) {
    s.implemented_by.push_back(ctx.org.channels[i].id);
    s.evidence.push_back(ctx.channel_pointer(i));
  }
  for (auto i : ctx.surveys_of(mi)) {
    s.implemented_by.push_back(ctx.org.surveys[i].id);
    s.evidence.push_back(ctx.survey_pointer(i));
  }
  if (s.implemented_by.empty()) return s;
  s.maturity = 1;
  const Duration every = m.cadence.value_or(Duration{1, 0, 0});
  std::vector<Index> solid;  // written and owned
  for (auto i : ctx.routines_of(mi)) {
    const auto& r = ctx.org.routines[i];
    if (r.written == true && r.owner != no_index) solid.push_back(i);
  }
  if (solid.empty()) return s;
  s.maturity = 2;
  std::optional<Date> last;
  std::vector<const std::vector<Index>*> lists;
  for (auto i : solid) {
    // Like the cadence check: the latest adoption or review that has already happened.
    for (const auto& d : {ctx.org.routines[i].adopted, ctx.org.routines[i].last_reviewed})
      if (d && *d <= ctx.as_of && (!last || *d > *last)) last = d;
    lists.push_back(&ctx.org.routines[i].units);
  }
  for (auto i : ctx.activities_of(mi)) {
    const Date d = ctx.org.activities[i].date;
    if (d <= ctx.as_of && (!last || d > *last)) last = d;
  }
  for (auto i : ctx.surveys_of(mi)) {
    const Date d = ctx.org.surveys[i].date;
    if (d <= ctx.as_of && (!last || d > *last)) last = d;
  }
  const auto covered = ctx.coverage(lists);
  const bool everywhere = std::all_of(covered.begin(), covered.end(), [](char c) { return c != 0; });
  if (!last || *last + every < ctx.as_of || !everywhere) return s;
  s.maturity = 3;
  for (auto i : solid) {
    const auto& e = ctx.org.routines[i].effect_followed_up;
    if (e && e->date <= ctx.as_of && e->date + every >= ctx.as_of) {
      s.maturity = 4;
      break;
    }
  }
  return s;
}

std::vector<AreaScore> area_scores(const Report& report) {
  const Framework& fw = report.framework;
  // Findings per measure first, then per area: one pass over the findings.
  std::vector<int> by_measure(fw.measures().size(), 0);
  for (const auto& f : report.findings)
    if (report.results[f.result].status != Status::waived)  // waived findings are not counted (docs/history.md)
      ++by_measure[fw.rule_measure(report.results[f.result].rule)];
  std::vector<AreaScore> out;
  for (const auto& area : fw.areas()) {
    AreaScore a;
    a.area = area.id;
    int sum = 0;
    for (const auto& s : report.measure_scores)
      if (s.area == area.id) {
        ++a.measures;
        sum += s.maturity;
      }
    for (std::size_t mi = 0; mi < fw.measures().size(); ++mi)
      if (fw.measures()[mi].area == area.id) a.findings += by_measure[mi];
    if (a.measures == 0) continue;
    a.score = static_cast<double>(sum) / a.measures;
    out.push_back(a);
  }
  return out;
}

}  // namespace trygg::detail
