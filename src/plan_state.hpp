// SPDX-License-Identifier: MIT
/// \file plan_state.hpp
/// Internal: the organisation's own action plan laid over trygg's proposals (docs/history.md,
/// "The action plan's round trip").
#pragma once

#include <string>

#include "trygg/organisation.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {

/// For every proposal in report.action_plan, the rows of the organisation's plan linked to it
/// (same measure, or one of its fingerprints) and the state they put it in; and
/// report.plan_progress, the plan's rows counted as the action_items check counts them.
/// Call after plan_actions.
void plan_states(Report& report, const Organisation& org);

/// What a person reads for a proposal's state: "planned (p-hr, due 2026-06-30)", "done,
/// effect not seen", in `lang`; the same words in every format.
[[nodiscard]] std::string plan_state_label(const ActionPlanEntry& entry, Language lang);
/// "The organisation's action plan: 4 rows, 1 done, ..." (plan_progress), in `lang`.
[[nodiscard]] std::string plan_progress_line(const PlanProgress& progress, Language lang);
/// Only the state's word ("planned").
[[nodiscard]] std::string plan_state_word(PlanState state, Language lang);

}  // namespace trygg::detail
