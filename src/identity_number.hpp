// SPDX-License-Identifier: MIT
// Internal: recognising Swedish and Norwegian personal identity numbers in input values, so
// that the loader can refuse them without quoting them (docs/input-format.md, "Identity
// numbers are refused"). Private to the library; the loader and its tests use it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace trygg::detail {

/// What a value looks like. Only numbers whose date and check digits are valid count, so
/// that ordinary ids, dates and counts are not taken for personal data.
enum class IdentityNumber : std::uint8_t {
  none,
  swedish_personnummer,       ///< YYMMDD-NNNC and its other spellings, Luhn check digit
  swedish_samordningsnummer,  ///< as a personnummer, day + 60
  norwegian_fodselsnummer,    ///< DDMMYYIIIKK, two mod-11 check digits
  norwegian_d_nummer,         ///< as a fødselsnummer, day + 40
};

/// The first identity number found anywhere in `text` (a digit run bounded by non-digits,
/// in one of the accepted spellings), or none. Linear in the length of `text`.
IdentityNumber find_identity_number(std::string_view text) noexcept;

/// The same for an integer value (a number written without quotes).
IdentityNumber find_identity_number(std::uint64_t value) noexcept;

/// "a Swedish personal identity number", ... for messages; "" for none.
std::string_view identity_number_name(IdentityNumber kind) noexcept;

/// `text` with every identity number in it replaced by "[withheld]": a last guard for
/// messages built from input the loader never walked (a syntax error's "last read").
std::string withhold_identity_numbers(std::string_view text);

}  // namespace trygg::detail
