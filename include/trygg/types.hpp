// SPDX-License-Identifier: MIT
/// \file types.hpp
/// Small vocabulary types shared by the framework, the organisation and the report:
/// languages, severities, obligations, result statuses and texts in three languages.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trygg {

/// Languages every user-facing text is written in.
enum class Language : std::uint8_t { sv, nb, en };

/// How serious a gap is. Ordered: a higher value is more serious.
enum class Severity : std::uint8_t { info, low, medium, high, critical };

/// What kind of duty a rule expresses.
enum class Obligation : std::uint8_t { law, regulation, good_practice };

/// The outcome of one rule for one subject.
/// `not_assessed` means the input lacked the data; it is never counted as a pass.
/// `waived` is reserved: no audit gives it yet. It is kept in the enumeration, the summary and
/// the report format so that accepted exceptions (waivers with a reason and an expiry, the
/// yearly-cycle work) can be added without changing them; a waived result never counts as a pass.
enum class Status : std::uint8_t { pass, fail, partial, not_applicable, not_assessed, waived };

/// A text in Swedish, Norwegian (bokmål) and English.
struct Text {
  std::string sv, nb, en;
  [[nodiscard]] const std::string& in(Language lang) const noexcept {
    switch (lang) {
      case Language::sv:
        return sv;
      case Language::nb:
        return nb;
      case Language::en:
        break;
    }
    return en;
  }
};

[[nodiscard]] std::string_view to_string(Language v) noexcept;
[[nodiscard]] std::string_view to_string(Severity v) noexcept;
[[nodiscard]] std::string_view to_string(Obligation v) noexcept;
[[nodiscard]] std::string_view to_string(Status v) noexcept;

/// Parse the canonical spellings ("sv", "high", "good-practice", "not-assessed", ...).
[[nodiscard]] std::optional<Language> parse_language(std::string_view s) noexcept;
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view s) noexcept;
[[nodiscard]] std::optional<Obligation> parse_obligation(std::string_view s) noexcept;
[[nodiscard]] std::optional<Status> parse_status(std::string_view s) noexcept;

inline constexpr std::array<Language, 3> all_languages{Language::sv, Language::nb, Language::en};
inline constexpr std::array<Severity, 5> all_severities{Severity::info, Severity::low, Severity::medium, Severity::high,
                                                        Severity::critical};

}  // namespace trygg
