// SPDX-License-Identifier: MIT
// Applicability: country, sector, flags, headcount and dates, in the order that explains best.
#include "applicability.hpp"

#include <algorithm>

#include "checks/common.hpp"

namespace trygg::detail {
namespace {

std::optional<std::uint32_t> headcount_by(const Organisation& org, const std::string& basis) {
  if (basis == "start-of-year") return org.headcount.start_of_year;
  if (basis == "regular") return org.headcount.regular;
  return org.total_headcount();
}

/// Why a set of conditions does not hold. `depth` ranks refusals by how far the check got
/// (country, sector, flags, headcount, dates): among alternatives, the deepest refusal is
/// the one that explains the outcome best ("applies from 2023-12-17" rather than "applies
/// to public employers" for a private employer of 60 staff in 2023).
struct Refusal {
  Status status = Status::not_applicable;
  Message message;
  int depth = 0;
};

/// Conditions the input decides come first: a rule that is excluded by one of them is not
/// applicable even when another cannot be decided (unknown sector or headcount), which
/// gives "not assessed".
std::optional<Refusal> refuse(const Applicability& a, const AuditContext& ctx) {
  const auto& org = ctx.org;
  using eval::join;
  if (!a.countries.empty() && std::find(a.countries.begin(), a.countries.end(), org.country) == a.countries.end())
    return Refusal{Status::not_applicable, Message{"applies.countries", {{"countries", join(a.countries)}}}, 0};
  if (!a.sectors.empty() && !org.sector.empty() &&
      std::find(a.sectors.begin(), a.sectors.end(), org.sector) == a.sectors.end())
    return Refusal{Status::not_applicable, Message{"applies.sectors", {{"sectors", join(a.sectors)}}}, 1};
  // Flags have three states (docs/input-format.md, "Flags"): a flag that is not reported
  // leaves the rule open rather than excluding it.
  using FlagState = Organisation::FlagState;
  std::vector<std::string> open_flags;
  if (!a.flags_any.empty() &&
      std::none_of(a.flags_any.begin(), a.flags_any.end(), [&](const std::string& f) { return org.has_flag(f); })) {
    for (const auto& f : a.flags_any)
      if (org.flag_state(f) == FlagState::not_reported) open_flags.push_back(f);
    if (open_flags.empty())
      return Refusal{Status::not_applicable, Message{"applies.flags", {{"flags", join(a.flags_any)}}}, 2};
  }
  for (const auto& f : a.flags_all) {
    const auto state = org.flag_state(f);
    if (state == FlagState::absent)
      return Refusal{Status::not_applicable, Message{"applies.flags-all", {{"flags", join(a.flags_all)}}}, 2};
    if (state == FlagState::not_reported && std::find(open_flags.begin(), open_flags.end(), f) == open_flags.end())
      open_flags.push_back(f);
  }
  const auto h = (a.min_headcount || a.max_headcount) ? headcount_by(org, a.headcount_basis) : std::nullopt;
  if (h && a.min_headcount && *h < *a.min_headcount)
    return Refusal{Status::not_applicable,
                   Message{"applies.min-headcount",
                           {{"min", std::to_string(*a.min_headcount)},
                            {"headcount", std::to_string(*h)},
                            {"basis", a.headcount_basis}}},
                   3};
  if (h && a.max_headcount && *h > *a.max_headcount)
    return Refusal{Status::not_applicable,
                   Message{"applies.max-headcount",
                           {{"max", std::to_string(*a.max_headcount)},
                            {"headcount", std::to_string(*h)},
                            {"basis", a.headcount_basis}}},
                   3};
  if (a.from && ctx.as_of < *a.from)
    return Refusal{Status::not_applicable, Message{"applies.from", {{"date", a.from->to_string()}}}, 4};
  if (a.until && ctx.as_of > *a.until)
    return Refusal{Status::not_applicable, Message{"applies.until", {{"date", a.until->to_string()}}}, 4};
  // What the input leaves open.
  if (!open_flags.empty())
    return Refusal{Status::not_assessed, Message{"applies.flags-unknown", {{"flags", join(open_flags)}}}, 5};
  if (!a.sectors.empty() && org.sector.empty())
    return Refusal{Status::not_assessed, Message{"applies.sector-unknown"}, 5};
  if ((a.min_headcount || a.max_headcount) && !h)
    return Refusal{Status::not_assessed, Message{"applies.headcount-unknown", {{"basis", a.headcount_basis}}}, 5};
  if (a.any_of.empty()) return std::nullopt;
  // At least one alternative must hold. If none does but one cannot be decided, the rule
  // is not assessed; otherwise the deepest refusal explains why it does not apply.
  std::optional<Refusal> best, open;
  for (const auto& alt : a.any_of) {
    auto r = refuse(alt, ctx);
    if (!r) return std::nullopt;
    if (r->status == Status::not_assessed) {
      if (!open) open = std::move(r);
    } else if (!best || r->depth > best->depth) {
      best = std::move(r);
    }
  }
  return open ? open : best;
}

}  // namespace

bool applies(const Rule& rule, const AuditContext& ctx, Outcome& why) {
  auto r = refuse(rule.applies_if, ctx);
  if (!r) return true;
  why.status = r->status;
  why.message = std::move(r->message);
  return false;
}

}  // namespace trygg::detail
