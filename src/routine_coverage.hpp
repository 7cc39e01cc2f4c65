// SPDX-License-Identifier: MIT
/// \file routine_coverage.hpp
/// Internal: the report's routine view: each routine against every element rule that ran for
/// a measure it implements (RoutineCoverage in report.hpp).
#pragma once

#include <utility>
#include <vector>

#include "audit_context.hpp"

namespace trygg::detail {

/// `rules`: the element rules that ran, each with its measure's position.
std::vector<RoutineCoverage> routine_coverage(const AuditContext& ctx,
                                              const std::vector<std::pair<const Rule*, std::size_t>>& rules);

}  // namespace trygg::detail
