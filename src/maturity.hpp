// SPDX-License-Identifier: MIT
/// \file maturity.hpp
/// Internal: maturity per measure (0..4) from the organisation's data, and per area.
#pragma once

#include <vector>

#include "audit_context.hpp"

namespace trygg::detail {

/// Maturity of a measure from the organisation's data, independent of which rules run:
/// 0 missing, 1 exists, 2 written and owned, 3 current and covering every unit, 4 effect
/// followed up.
MeasureScore maturity(const AuditContext& ctx, const Measure& m, std::size_t mi);

/// Mean maturity per area over its measures that apply, with the area's findings counted;
/// areas without such a measure are left out.
std::vector<AreaScore> area_scores(const Report& report);

}  // namespace trygg::detail
