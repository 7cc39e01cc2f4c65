// SPDX-License-Identifier: MIT
/// \file waiver.hpp
/// Accepted findings (docs/history.md, "Waivers"): the organisation decides, for a stated
/// reason and until a date, not to act on a finding. A waived result never counts as a pass:
/// it has status `waived`, every report lists it in a section of its own, and once the waiver
/// expires the result is judged as usual again. Waivers are data (format `trygg.waivers/1`),
/// from a file of their own (`--waivers FILE`) or the profile's `waivers` member.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "trygg/date.hpp"

namespace trygg {

/// The version string every waiver file carries in its "format" field.
inline constexpr std::string_view waivers_format = "trygg.waivers/1";

/// One accepted finding. It names what it waives either by fingerprint (one finding, the
/// 16 hexadecimal digits every report prints) or by rule, optionally narrowed to a subject.
struct Waiver {
  std::optional<std::uint64_t> fingerprint;  ///< the finding with this fingerprint
  std::string rule;                          ///< or: the findings of this rule id ...
  std::string subject;     ///< ... for this subject: a unit id, "organisation", or "" for every subject
  std::string reason;      ///< why the finding is accepted; required, never empty
  std::string decided_by;  ///< who decided: a role or a pseudonymous id, never a person's name
  Date decided;            ///< the date of the decision
  /// The last day the waiver applies (it applies on that day, not after). nullopt: it applies
  /// for the policy's maximum period from `decided` (WaiverPolicy).
  std::optional<Date> expires;
  std::string file;     ///< the file it came from, for messages ("<memory>" when built in code)
  std::string pointer;  ///< its JSON Pointer in that file, e.g. "/waivers/2"
};

/// How long a waiver may apply (docs/history.md, "Policy"), set in the profile's `waivers`
/// member. A waiver whose expiry lies beyond its maximum period, or that has no expiry, applies
/// until the end of that period and the report says it was cut back. A finding against law
/// or regulation can be waived too (the organisation may dispute that a duty applies, or have
/// a measure under way), but the duty itself stays: such waivers get their own, shorter maximum
/// and reports mark them.
struct WaiverPolicy {
  std::uint32_t max_months = 12;       ///< from the decision date, for good-practice findings
  std::uint32_t max_months_legal = 6;  ///< the same for findings against law or regulation
  friend bool operator==(const WaiverPolicy&, const WaiverPolicy&) = default;
};

/// A waiver file. Parsing checks every entry (a reason, who decided, the dates, what it
/// names) and throws LoadError with every problem found, each with its JSON Pointer.
struct WaiverList {
  std::vector<Waiver> waivers;
  std::string file = "<waivers>";

  [[nodiscard]] static WaiverList parse(std::string_view json_text, const std::string& file = "<memory>");
  [[nodiscard]] static WaiverList from_json(const nlohmann::json& document, const std::string& file = "<memory>");
  [[nodiscard]] static WaiverList load(const std::filesystem::path& path);
  /// The `waivers` array of a document (shared by the waiver file and the profile);
  /// `pointer` is where the array sits, e.g. "/waivers".
  [[nodiscard]] static std::vector<Waiver> entries_from_json(const nlohmann::json& array, const std::string& file,
                                                             const std::string& pointer);
  [[nodiscard]] nlohmann::json to_json() const;
};

/// What became of one waiver in an audit (Report::waivers, in the order given).
struct WaiverOutcome {
  enum class State : std::uint8_t {
    applied,    ///< in force on the as-of date: the results it names are `waived`
    expired,    ///< its last day lies before the as-of date: the results are judged as usual
    not_yet,    ///< decided after the as-of date: not in force yet
    unmatched,  ///< no finding of this audit has what it names (fixed, or a wrong id)
  };
  Waiver waiver;
  State state = State::unmatched;
  Date until;           ///< the last day it applies, after the policy's maximum
  bool capped = false;  ///< `until` was cut back to the policy's maximum (or there was no expiry)
  bool legal = false;   ///< it names a finding against law or regulation
  /// The results it waived (applied) or would have waived (expired, not yet), as indices into
  /// Report::results.
  std::vector<std::uint32_t> results;
  /// For an unknown rule or unit id: the nearest known one ("" if none is near).
  std::string did_you_mean;
};

[[nodiscard]] std::string_view to_string(WaiverOutcome::State state) noexcept;

}  // namespace trygg
