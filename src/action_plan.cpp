// SPDX-License-Identifier: MIT
// The action plan (docs/architecture.md, "Action plan").
#include "action_plan.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

#include "dependency_order.hpp"

namespace trygg::detail {

void plan_actions(Report& report) {
  const Framework& fw = report.framework;
  const std::size_t n = fw.measures().size();
  std::vector<std::optional<ActionPlanEntry>> entries(n);
  for (const auto& f : report.findings) {
    const Result& fr = report.results[f.result];
    if (fr.status == Status::waived) continue;  // accepted for now: nothing to plan (docs/history.md)
    const std::size_t mi = fw.rule_measure(fr.rule);
    const Rule& rule = report.rule(fr);
    auto& e = entries[mi];
    if (!e) {
      e.emplace();
      e->measure = rule.measure;
      e->area = fw.measures()[mi].area;
      e->severity = rule.severity;
      e->due = f.due;
    }
    e->severity = std::max(e->severity, rule.severity);
    e->due = std::min(e->due, f.due);
    if (e->rules.empty() || e->rules.back() != rule.id) e->rules.push_back(rule.id);
    e->fingerprints.push_back(f.fingerprint);
  }
  const auto& depends_on = fw.measure_dependencies();
  // Earliest due of everything a measure (transitively) depends on, in dependency order.
  std::vector<std::optional<Date>> floor_due(n);
  for (auto i : fw.dependency_order()) {
    for (const auto j : depends_on[i]) {
      std::optional<Date> c = floor_due[j];
      if (entries[j] && (!c || entries[j]->due > *c)) c = entries[j]->due;
      if (c && (!floor_due[i] || *c > *floor_due[i])) floor_due[i] = c;
    }
    if (entries[i] && floor_due[i] && entries[i]->due < *floor_due[i]) entries[i]->due = *floor_due[i];
  }
  std::vector<std::size_t> position(n);
  for (std::size_t k = 0; k < n; ++k)
    position[fw.dependency_order()[k]] = k;
  const auto key = [&](std::size_t i) {
    // Measures without an entry go first: they only unlock their dependants.
    const bool has = entries[i].has_value();
    return std::tuple(has ? 1 : 0, has ? -static_cast<int>(entries[i]->severity) : 0,
                      has ? entries[i]->due.days_since_epoch() : 0, position[i]);
  };
  // Each finding's due date is kept in step with its plan entry's.
  std::vector<std::optional<Date>> plan_due(n);
  for (const auto i : dependency_order(depends_on, key))
    if (entries[i]) {
      plan_due[i] = entries[i]->due;
      report.action_plan.push_back(std::move(*entries[i]));
    }
  for (auto& f : report.findings)
    if (const auto& d = plan_due[fw.rule_measure(report.results[f.result].rule)]) f.due = std::max(f.due, *d);
}

}  // namespace trygg::detail
