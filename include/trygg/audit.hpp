// SPDX-License-Identifier: MIT
/// \file audit.hpp
/// The audit: run every selected rule's check against an organisation.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/framework.hpp"
#include "trygg/organisation.hpp"
#include "trygg/report.hpp"
#include "trygg/waiver.hpp"

namespace trygg {

struct AuditOptions {
  /// The date the audit is made as of; default today (UTC). Cadences and effective dates
  /// are judged against it.
  std::optional<Date> as_of;
  /// Packs whose rules run; empty = every pack in the framework.
  std::vector<std::string> packs;
  /// Report language; default the organisation's language, else from its country
  /// (SE → sv, NO → nb), else en.
  std::optional<Language> language;
  /// Also run rules marked preview.
  bool preview = false;
  /// Accepted findings (waiver.hpp). A finding a waiver in force names gets status `waived`;
  /// every waiver is listed in Report::waivers with what became of it.
  std::vector<Waiver> waivers;
  /// How long a waiver may apply; the profile's `waivers` member sets it.
  WaiverPolicy waiver_policy;
  /// Asked before each rule runs; when it returns true the audit stops with
  /// trygg::Cancelled. Empty = never cancelled (LoadLimits::cancelled is the same for loads).
  std::function<bool()> cancelled;
};

/// Audit an organisation. Pure: reads its arguments, touches nothing else, and gives the
/// same report for the same input. Throws UsageError for an unknown pack, and LoadError for an
/// organisation built or edited in code that it cannot judge (see Organisation::validate).
[[nodiscard]] Report audit(const Organisation& organisation, const Framework& framework,
                           const AuditOptions& options = {});

/// The language a report defaults to for this organisation.
[[nodiscard]] Language default_language(const Organisation& organisation) noexcept;

}  // namespace trygg
