// SPDX-License-Identifier: MIT
/// \file profile.hpp
/// A profile selects and tunes rules: which run, at what severity, with which parameters.
/// It is data (format `trygg.profile/1`, docs/profiles.md) so an organisation can keep its
/// choices next to its input and review them like any other document.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/framework.hpp"
#include "trygg/types.hpp"
#include "trygg/waiver.hpp"

namespace trygg {

/// The version string every profile carries in its "format" field.
inline constexpr std::string_view profile_format = "trygg.profile/1";

/// Rule selections and overrides. A pattern is a rule id or a glob: `*` matches any run of
/// characters (also `/` and `.`), `?` one character.
struct Profile {
  std::string name;
  std::vector<std::string> select;                             ///< patterns of rules to run; empty = every rule
  std::vector<std::string> ignore;                             ///< patterns of rules not to run (after select)
  std::vector<std::pair<std::string, Severity>> severity;      ///< pattern → severity
  std::vector<std::pair<std::string, nlohmann::json>> params;  ///< pattern → object merged into the rule's params
  /// The smallest group a figure may be shown for (docs/privacy.md); nullopt keeps the
  /// framework's. Never below lowest_min_group_size: such a profile is refused.
  std::optional<std::uint32_t> min_group_size;
  /// The `waivers` member (docs/history.md): the policy, and waivers kept in the profile
  /// itself (added to those of `--waivers FILE`).
  WaiverPolicy waiver_policy;
  std::vector<Waiver> waivers;
  std::string file = "<profile>";  ///< names the profile in errors

  /// Parse and check a profile document. Throws LoadError with every problem found.
  [[nodiscard]] static Profile parse(std::string_view json_text, const std::string& file = "<memory>");
  [[nodiscard]] static Profile from_json(const nlohmann::json& document, const std::string& file = "<memory>");
  [[nodiscard]] static Profile load(const std::filesystem::path& path);
  [[nodiscard]] nlohmann::json to_json() const;
};

/// Whether `text` matches the glob `pattern` (`*`, `?`; no escapes).
[[nodiscard]] bool glob_match(std::string_view pattern, std::string_view text) noexcept;

/// The framework with the profile applied: unselected and ignored rules removed, severities
/// and parameters overridden, and the profile's min_group_size, if any, in force. A preview rule selected by its exact
/// id runs without
/// --preview; a glob never switches preview rules on. Throws LoadError (pointing into the
/// profile) when a rule id is unknown, a pattern matches no rule, or a value is not valid
/// for the rules it matches.
[[nodiscard]] Framework apply_profile(const Framework& framework, const Profile& profile);

}  // namespace trygg
