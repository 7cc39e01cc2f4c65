// SPDX-License-Identifier: MIT
#include "trygg/types.hpp"

namespace trygg {
namespace {
template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::string_view, N>& names, std::string_view s) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}
constexpr std::array<std::string_view, 3> language_names{"sv", "nb", "en"};
constexpr std::array<std::string_view, 5> severity_names{"info", "low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 3> obligation_names{"law", "regulation", "good-practice"};
constexpr std::array<std::string_view, 6> status_names{"pass",           "fail",         "partial",
                                                       "not-applicable", "not-assessed", "waived"};
}  // namespace

std::string_view to_string(Language v) noexcept {
  return language_names[static_cast<std::size_t>(v)];
}
std::string_view to_string(Severity v) noexcept {
  return severity_names[static_cast<std::size_t>(v)];
}
std::string_view to_string(Obligation v) noexcept {
  return obligation_names[static_cast<std::size_t>(v)];
}
std::string_view to_string(Status v) noexcept {
  return status_names[static_cast<std::size_t>(v)];
}

std::optional<Language> parse_language(std::string_view s) noexcept {
  return lookup<Language>(language_names, s);
}
std::optional<Severity> parse_severity(std::string_view s) noexcept {
  return lookup<Severity>(severity_names, s);
}
std::optional<Obligation> parse_obligation(std::string_view s) noexcept {
  return lookup<Obligation>(obligation_names, s);
}
std::optional<Status> parse_status(std::string_view s) noexcept {
  return lookup<Status>(status_names, s);
}

}  // namespace trygg
