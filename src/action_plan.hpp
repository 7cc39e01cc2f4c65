// SPDX-License-Identifier: MIT
/// \file action_plan.hpp
/// Internal: the ordered action plan, one proposed measure (åtgärdsförslag) per measure with
/// findings, and the findings' due dates kept in step with it.
#pragma once

#include "trygg/report.hpp"

namespace trygg::detail {

/// Fill report.action_plan from report.findings, and move each finding's due date to no
/// earlier than its plan entry's. Order: a measure after those it depends on; among those
/// ready, the most severe, then the earliest due, then the framework's dependency order. A
/// dependant is never due before what it depends on.
void plan_actions(Report& report);

}  // namespace trygg::detail
