// SPDX-License-Identifier: MIT
// The registry of checks: one explicit list, sorted by name (no static self-registration).
#include <algorithm>

#include "common.hpp"

namespace trygg {
namespace detail {

const std::vector<const Evaluator*>& evaluators() {
  static const std::vector<const Evaluator*> all{
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
  };
  return all;
}

const Evaluator* find_evaluator(std::string_view name) noexcept {
  for (const auto* e : evaluators())
    if (e->info().name == name) return e;
  return nullptr;
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
