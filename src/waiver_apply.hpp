// SPDX-License-Identifier: MIT
/// \file waiver_apply.hpp
/// Internal: what the audit's waivers do to its report (docs/history.md, "Policy").
#pragma once

#include "trygg/audit.hpp"
#include "trygg/organisation.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {

/// Judge every waiver of `options` against the report's findings, on its as-of date, and fill
/// Report::waivers with what became of each (in the order given). A waiver in force turns the
/// results it names from fail, partial or not assessed into `waived` (the summary moves them
/// too); a pass or not applicable is never waived. Every finding a waiver names points at it
/// (Finding::waiver): the first one in force, else the first one given. Runs after the
/// results are complete and before the area scores and the action plan, which leave waived
/// findings out.
void apply_waivers(Report& report, const Organisation& organisation, const AuditOptions& options);

}  // namespace trygg::detail
