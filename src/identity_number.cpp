// SPDX-License-Identifier: MIT
#include "identity_number.hpp"

#include <array>

namespace trygg::detail {
namespace {

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}
int digit(char c) noexcept {
  return c - '0';
}
int two(std::string_view s, std::size_t at) noexcept {
  return digit(s[at]) * 10 + digit(s[at + 1]);
}

bool leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Whether day/month is a calendar date. `year` < 0 means only the two last digits are known
/// (`yy`): 29 February is then possible whenever some century makes it a leap day.
bool valid_date(int year, int yy, int month, int day) noexcept {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[static_cast<std::size_t>(month - 1)]) return false;
  if (month == 2 && day == 29) return year >= 0 ? leap(year) : yy % 4 == 0;
  return true;
}

/// Swedish number in its 10-digit form YYMMDDNNNC; `year` is the full year when the input
/// gave it (12-digit spellings), else -1.
IdentityNumber swedish(std::string_view ten, int year) noexcept {
  // Luhn over the first nine digits: weights 2,1,2,1,...; a product over 9 counts its digits.
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    int p = digit(ten[i]) * (i % 2 == 0 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  if ((10 - sum % 10) % 10 != digit(ten[9])) return IdentityNumber::none;
  const int yy = two(ten, 0), month = two(ten, 2), day = two(ten, 4);
  if (valid_date(year, yy, month, day)) return IdentityNumber::swedish_personnummer;
  if (day > 60 && valid_date(year, yy, month, day - 60)) return IdentityNumber::swedish_samordningsnummer;
  return IdentityNumber::none;
}

/// Norwegian DDMMYYIIIKK. H-numbers (month + 40) are not recognised: their rules could not be
/// checked against a published source.
IdentityNumber norwegian(std::string_view s) noexcept {
  static constexpr std::array<int, 9> w1{3, 7, 6, 1, 8, 9, 4, 5, 2};
  static constexpr std::array<int, 10> w2{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  const auto check = [&](const auto& weights, std::size_t n) {
    int sum = 0;
    for (std::size_t i = 0; i < n; ++i)
      sum += digit(s[i]) * weights[i];
    const int k = 11 - sum % 11;
    return k == 11 ? 0 : k;  // 10 cannot be written: such numbers are never issued
  };
  if (check(w1, 9) != digit(s[9]) || check(w2, 10) != digit(s[10])) return IdentityNumber::none;
  const int day = two(s, 0), month = two(s, 2), yy = two(s, 4);
  if (valid_date(-1, yy, month, day)) return IdentityNumber::norwegian_fodselsnummer;
  if (day > 40 && valid_date(-1, yy, month, day - 40)) return IdentityNumber::norwegian_d_nummer;
  return IdentityNumber::none;
}

/// The number spelled by one maximal digit run starting at `begin` (length `run`), possibly
/// continued by '-' or '+' and a run of exactly four digits. `next` is set past what was read.
IdentityNumber at_run(std::string_view t, std::size_t begin, std::size_t run, std::size_t& next) noexcept {
  next = begin + run;
  const std::string_view r = t.substr(begin, run);
  if ((run == 6 || run == 8) && next + 5 <= t.size() && (t[next] == '-' || t[next] == '+')) {
    std::size_t k = next + 1;
    while (k < t.size() && is_digit(t[k]))
      ++k;
    if (k - (next + 1) == 4) {
      std::array<char, 10> ten{};
      const std::size_t skip = run - 6;  // the century digits of YYYYMMDD
      for (std::size_t i = 0; i < 6; ++i)
        ten[i] = r[skip + i];
      for (std::size_t i = 0; i < 4; ++i)
        ten[6 + i] = t[next + 1 + i];
      const int year = run == 8 ? two(r, 0) * 100 + two(r, 2) : -1;
      next = k;
      if (run == 8 && (year < 1800 || year > 2099)) return IdentityNumber::none;
      return swedish(std::string_view(ten.data(), ten.size()), year);
    }
  }
  if (run == 10) return swedish(r, -1);
  if (run == 12) {
    const int year = two(r, 0) * 100 + two(r, 2);
    if (year < 1800 || year > 2099) return IdentityNumber::none;
    return swedish(r.substr(2), year);
  }
  if (run == 11) return norwegian(r);
  return IdentityNumber::none;
}

/// Calls found(begin, end, kind) for every identity number in t; stops when it returns false.
template <class Found>
void scan(std::string_view t, Found&& found) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && is_digit(t[j]))
      ++j;
    std::size_t next = j;
    const IdentityNumber kind = at_run(t, i, j - i, next);
    if (kind != IdentityNumber::none && !found(i, next, kind)) return;
    i = next;
  }
}

}  // namespace

IdentityNumber find_identity_number(std::string_view text) noexcept {
  // Shortest spelling is ten digits: most strings (ids, enum values, dates) end here.
  if (text.size() < 10) return IdentityNumber::none;
  IdentityNumber result = IdentityNumber::none;
  scan(text, [&](std::size_t, std::size_t, IdentityNumber kind) {
    result = kind;
    return false;
  });
  return result;
}

IdentityNumber find_identity_number(std::uint64_t value) noexcept {
  if (value < 1'000'000'000ull) return IdentityNumber::none;
  std::array<char, 20> buf{};
  std::size_t n = buf.size();
  while (value > 0) {
    buf[--n] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return find_identity_number(std::string_view(buf.data() + n, buf.size() - n));
}

std::string_view identity_number_name(IdentityNumber kind) noexcept {
  switch (kind) {
    case IdentityNumber::swedish_personnummer:
      return "a Swedish personal identity number (personnummer)";
    case IdentityNumber::swedish_samordningsnummer:
      return "a Swedish coordination number (samordningsnummer)";
    case IdentityNumber::norwegian_fodselsnummer:
      return "a Norwegian national identity number (fødselsnummer)";
    case IdentityNumber::norwegian_d_nummer:
      return "a Norwegian D number (D-nummer)";
    case IdentityNumber::none:
      break;
  }
  return "";
}

std::string withhold_identity_numbers(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  scan(text, [&](std::size_t begin, std::size_t end, IdentityNumber) {
    out.append(text.substr(copied, begin - copied));
    out += "[withheld]";
    copied = end;
    return true;
  });
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

}  // namespace trygg::detail
