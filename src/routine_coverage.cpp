// SPDX-License-Identifier: MIT
// Routine coverage: like the elements check, a routine known to be unwritten states nothing.
#include "routine_coverage.hpp"

#include <algorithm>

#include "checks/common.hpp"

namespace trygg::detail {

std::vector<RoutineCoverage> routine_coverage(const AuditContext& ctx,
                                              const std::vector<std::pair<const Rule*, std::size_t>>& rules) {
  std::vector<std::vector<RoutineRequirement>> by_routine(ctx.org.routines.size());
  for (const auto& [rule, mi] : rules) {
    const Measure& m = ctx.fw.measures()[mi];
    const std::vector<std::string> required = eval::required_elements(*rule, m);
    for (auto i : ctx.routines_of(mi)) {
      const auto& routine = ctx.org.routines[i];
      RoutineRequirement req{rule->id, m.id, {}};
      req.reported = routine.written == false || routine.elements.has_value();
      for (const auto& e : required)
        if (routine.written == false || !routine.states(e)) req.missing.push_back(e);
      by_routine[i].push_back(std::move(req));
    }
  }
  std::vector<RoutineCoverage> out;
  for (std::size_t i = 0; i < by_routine.size(); ++i) {
    if (by_routine[i].empty()) continue;
    std::sort(by_routine[i].begin(), by_routine[i].end(),
              [](const RoutineRequirement& a, const RoutineRequirement& b) { return a.rule < b.rule; });
    out.push_back(
        RoutineCoverage{ctx.org.routines[i].id, ctx.routine_pointer(static_cast<Index>(i)), std::move(by_routine[i])});
  }
  return out;
}

}  // namespace trygg::detail
