// SPDX-License-Identifier: MIT
#include "trygg/date.hpp"

#include <algorithm>
#include <cstdio>

namespace trygg {
namespace {
using namespace std::chrono;

bool all_digits(std::string_view s) noexcept {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int to_int(std::string_view s) noexcept {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

Date shift_months(Date d, int months) noexcept {
  if (months == 0) return d;
  const year_month_day ymd = d.ymd();
  year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  // Clamp to the last day of the target month (2025-01-31 + P1M = 2025-02-28).
  const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  const day dd = ymd.day() > last ? last : ymd.day();
  return Date{sys_days{year_month_day{ym.year(), ym.month(), dd}}};
}
}  // namespace

std::optional<Date> Date::parse(std::string_view t) noexcept {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  const auto ys = t.substr(0, 4), ms = t.substr(5, 2), ds = t.substr(8, 2);
  if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
  const year_month_day ymd{std::chrono::year{to_int(ys)}, std::chrono::month{static_cast<unsigned>(to_int(ms))},
                           std::chrono::day{static_cast<unsigned>(to_int(ds))}};
  if (!ymd.ok()) return std::nullopt;
  return Date{sys_days{ymd}};
}

Date Date::today() noexcept {
  return Date{floor<days>(system_clock::now())};
}

year_month_day Date::ymd() const noexcept {
  return year_month_day{sys_days{days{days_}}};
}

std::string Date::to_string() const {
  const auto d = ymd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<Duration> Duration::parse(std::string_view t) noexcept {
  // Bounds that keep date arithmetic far inside std::chrono's years (±32767): no rule or
  // cadence needs more than a thousand years.
  constexpr int max_for[] = {1000, 12000, 52000, 365000};
  constexpr int max_days = max_for[3];
  if (t.size() < 3 || t.front() != 'P') return std::nullopt;
  Duration out;
  const std::string_view units = "YMWD";
  std::size_t next_unit = 0;  // designators must appear in this order, each at most once
  std::size_t i = 1;
  while (i < t.size()) {
    std::size_t j = i;
    while (j < t.size() && t[j] >= '0' && t[j] <= '9')
      ++j;
    // No digits, no unit, or absurd. Six digits, so that every bound in max_for is reachable: to_string
    // writes the days of "P52000W" as "P364000D", and that must parse again.
    if (j == i || j == t.size() || j - i > 6) return std::nullopt;
    const auto pos = units.find(t[j], next_unit);
    if (pos == std::string_view::npos) return std::nullopt;
    const int n = to_int(t.substr(i, j - i));
    if (n > max_for[pos]) return std::nullopt;
    switch (units[pos]) {
      case 'Y':
        out.years = n;
        break;
      case 'M':
        out.months = n;
        break;
      case 'W':
        out.days += 7 * n;
        break;
      default:
        out.days += n;
        break;
    }
    next_unit = pos + 1;
    i = j + 1;
  }
  // Weeks are folded into days and to_string writes the sum as days, so the sum must stay
  // within the bound for days too, or "P52000W99999D" would read but "P463999D" would not.
  if (out.days > max_days) return std::nullopt;
  return out;
}

std::string Duration::to_string() const {
  std::string s = "P";
  if (years) s += std::to_string(years) + "Y";
  if (months) s += std::to_string(months) + "M";
  if (days || s.size() == 1) s += std::to_string(days) + "D";
  return s;
}

namespace {
/// Dates are written YYYY-MM-DD, so they stay within the years 0000 to 9999: arithmetic that
/// would leave them saturates at the ends (a due date after 9999-12-31 is given as that day;
/// docs/input-format.md, "General conventions").
Date within_years(std::int64_t days_since_epoch) noexcept {
  static const std::int64_t first = sys_days{year{0} / January / 1}.time_since_epoch().count();
  static const std::int64_t last = sys_days{year{9999} / December / 31}.time_since_epoch().count();
  return Date{sys_days{days{std::clamp(days_since_epoch, first, last)}}};
}
}  // namespace

Date operator+(Date d, const Duration& dur) noexcept {
  d = shift_months(d, dur.years * 12 + dur.months);
  return within_years(std::int64_t{d.days_since_epoch()} + dur.days);
}

Date operator-(Date d, const Duration& dur) noexcept {
  d = shift_months(d, -(dur.years * 12 + dur.months));
  return within_years(std::int64_t{d.days_since_epoch()} - dur.days);
}

}  // namespace trygg
