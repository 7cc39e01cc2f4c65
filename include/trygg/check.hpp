// SPDX-License-Identifier: MIT
/// \file check.hpp
/// The generic checks that rules are bound to. Each check describes itself: its
/// parameters, the statuses it can give and the message ids it emits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trygg/types.hpp"

namespace trygg {

/// One parameter a check accepts in a rule's "params".
struct CheckParam {
  enum class Kind { duration, share, audience, parties, elements, case_kinds, choice, count, roles };
  std::string name;
  Kind kind;
  std::string default_value;         ///< how the default is chosen, in words (for docs)
  std::vector<std::string> choices;  ///< the allowed values of a `choice`
};

/// Self-description of a check.
struct CheckInfo {
  std::string name;     ///< e.g. "cadence"
  std::string summary;  ///< one line, English, for docs and `trygg-check rules`
  std::vector<CheckParam> params;
  std::vector<std::string> messages;  ///< message ids it can emit
};

/// Every check, sorted by name.
[[nodiscard]] std::vector<CheckInfo> checks();
/// The check with this name, or nullptr.
[[nodiscard]] const CheckInfo* find_check(std::string_view name) noexcept;

}  // namespace trygg
