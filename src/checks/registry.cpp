// SPDX-License-Identifier: MIT
// The registry of checks: one explicit list, sorted by name (no static self-registration).
// A new check adds its factory here, in name order (scripts/new_check.py does it).
#include <algorithm>

#include "check.hpp"

namespace trygg {
namespace detail {
namespace eval {
// One factory per file in this folder, each defined in its check's file.
const Evaluator& action_items();
const Evaluator& audience_coverage();
const Evaluator& cadence();
const Evaluator& calendar_year();
const Evaluator& case_deadline();
const Evaluator& channel_terms();
const Evaluator& communicated();
const Evaluator& coverage();
const Evaluator& effect();
const Evaluator& elements();
const Evaluator& impartiality();
const Evaluator& independent_route();
const Evaluator& owner();
const Evaluator& participation();
const Evaluator& present();
const Evaluator& safety_organisation();
const Evaluator& single_point_of_failure();
const Evaluator& support_within_reach();
const Evaluator& written();
}  // namespace eval

const std::vector<const Evaluator*>& evaluators() {
  static const std::vector<const Evaluator*> all = [] {
    std::vector<const Evaluator*> v{
        // checks: begin (sorted by name)
        &eval::action_items(),
        &eval::audience_coverage(),
        &eval::cadence(),
        &eval::calendar_year(),
        &eval::case_deadline(),
        &eval::channel_terms(),
        &eval::communicated(),
        &eval::coverage(),
        &eval::effect(),
        &eval::elements(),
        &eval::impartiality(),
        &eval::independent_route(),
        &eval::owner(),
        &eval::participation(),
        &eval::present(),
        &eval::safety_organisation(),
        &eval::single_point_of_failure(),
        &eval::support_within_reach(),
        &eval::written(),
        // checks: end
    };
    // find_evaluator searches by halves: keep the order even if the list above is not.
    std::sort(v.begin(), v.end(),
              [](const Evaluator* a, const Evaluator* b) { return a->info().name < b->info().name; });
    return v;
  }();
  return all;
}

const Evaluator* find_evaluator(std::string_view name) noexcept {
  const auto& all = evaluators();
  const auto it = std::lower_bound(all.begin(), all.end(), name,
                                   [](const Evaluator* e, std::string_view n) { return e->info().name < n; });
  return it != all.end() && (*it)->info().name == name ? *it : nullptr;
}

}  // namespace detail

std::vector<CheckInfo> checks() {
  std::vector<CheckInfo> out;
  for (const auto* e : detail::evaluators())
    out.push_back(e->info());
  return out;
}

const CheckInfo* find_check(std::string_view name) noexcept {
  const auto* e = detail::find_evaluator(name);
  return e ? &e->info() : nullptr;
}

}  // namespace trygg
