// SPDX-License-Identifier: MIT
/// \file date.hpp
/// Calendar dates and ISO 8601 date durations (PnYnMnWnD), the only time types the
/// framework and the input format use.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trygg {

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days d) noexcept
      : days_(static_cast<std::int32_t>(d.time_since_epoch().count())) {}

  /// Parse `YYYY-MM-DD`; returns nullopt for anything else, including 2026-02-30.
  [[nodiscard]] static std::optional<Date> parse(std::string_view text) noexcept;
  /// Today's date in UTC.
  [[nodiscard]] static Date today() noexcept;

  [[nodiscard]] std::chrono::year_month_day ymd() const noexcept;
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
  [[nodiscard]] int year() const noexcept { return static_cast<int>(ymd().year()); }

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  std::int32_t days_ = 0;
};

/// An ISO 8601 date duration without a time part, e.g. P1Y, P6M, P2W, P7D.
struct Duration {
  int years = 0, months = 0, days = 0;  // weeks are folded into days

  /// Parse `PnYnMnWnD` (at least one component); returns nullopt for anything else.
  [[nodiscard]] static std::optional<Duration> parse(std::string_view text) noexcept;
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] bool empty() const noexcept { return years == 0 && months == 0 && days == 0; }
  friend constexpr bool operator==(const Duration&, const Duration&) = default;
};

/// Date plus a duration. Years and months first, clamping the day to the month's end
/// (2025-01-31 + P1M = 2025-02-28), then days.
[[nodiscard]] Date operator+(Date d, const Duration& dur) noexcept;
/// Date minus a duration, the mirror of operator+.
[[nodiscard]] Date operator-(Date d, const Duration& dur) noexcept;
/// Whole days from a to b (negative when b is earlier).
[[nodiscard]] constexpr std::int32_t days_between(Date a, Date b) noexcept {
  return b.days_since_epoch() - a.days_since_epoch();
}

}  // namespace trygg
