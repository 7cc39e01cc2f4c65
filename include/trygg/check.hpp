// SPDX-License-Identifier: MIT
/// \file check.hpp
/// The generic checks that rules are bound to. Each check describes itself: its
/// parameters, the statuses it can give and the message ids it emits. A rule's parameters
/// are resolved against its check once, when the framework is built (ResolvedParams).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/types.hpp"

namespace trygg {

/// One parameter a check accepts in a rule's "params".
struct CheckParam {
  enum class Kind { duration, share, audience, parties, elements, case_kinds, choice, count, roles };
  std::string name;
  Kind kind;
  std::string default_value;         ///< how the default is chosen, in words (for docs), written from the typed default
  std::vector<std::string> choices;  ///< the allowed values of a `choice`
};

/// Self-description of a check.
struct CheckInfo {
  std::string name;     ///< e.g. "cadence"
  std::string summary;  ///< one line, English, for docs and `trygg-check rules`
  std::vector<CheckParam> params;
  std::vector<std::string> messages;  ///< message ids it can emit
};

/// The value of one parameter once resolved: a duration, a share (0..1), a count, a text
/// (an audience or a choice) or a list of strings (parties, roles, case kinds, element ids).
/// `std::monostate` is a parameter without a value: an optional one the rule left out and
/// whose check then does without it (e.g. `communicated` without an audience).
using ParamValue = std::variant<std::monostate, Duration, double, std::uint64_t, std::string, std::vector<std::string>>;

/// The parameters of a rule, validated against its check and resolved into typed values:
/// every parameter the check lists, with the rule's value or else the check's default
/// (defaults that depend on the measure, such as its cadence, audience or elements, are
/// resolved against the rule's measure). Set by Framework::from_packs.
struct ResolvedParams {
  struct Entry {
    std::string name;
    ParamValue value;
    bool given = false;  ///< the rule's params set it (false: the check's default)
  };
  std::vector<Entry> entries;  ///< in the order the check lists its parameters

  /// The entry with this name, or nullptr.
  [[nodiscard]] const Entry* find(std::string_view name) const noexcept;
  /// Whether the parameter has a value (given or by default).
  [[nodiscard]] bool has(std::string_view name) const noexcept;
  /// Typed access; throws std::logic_error when the check has no such parameter of that type
  /// or, for the non-optional forms, when it has no value.
  [[nodiscard]] Duration duration(std::string_view name) const;
  [[nodiscard]] std::optional<Duration> optional_duration(std::string_view name) const;
  [[nodiscard]] double share(std::string_view name) const;
  [[nodiscard]] std::uint64_t count(std::string_view name) const;
  [[nodiscard]] const std::string& text(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> optional_text(std::string_view name) const;
  [[nodiscard]] const std::vector<std::string>& list(std::string_view name) const;
};

/// Every check, sorted by name.
[[nodiscard]] std::vector<CheckInfo> checks();
/// The check with this name, or nullptr.
[[nodiscard]] const CheckInfo* find_check(std::string_view name) noexcept;

}  // namespace trygg
