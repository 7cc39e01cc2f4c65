// SPDX-License-Identifier: MIT
/// \file json_text.hpp
/// Internal: texts for diagnostics. Input echoed safely, values described ("the string
/// \"abc\""), lists of allowed values, did-you-mean hints, and the id syntax.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "json_document.hpp"

namespace trygg::detail {

/// Valid, printable UTF-8 of at most max_chars code points (then "..."): invalid bytes and
/// control characters become '?'. For echoing input in messages.
std::string printable(std::string_view s, std::size_t max_chars);

/// A short description of a JSON value for "found ...": `the string "abc"`, `the number 3`,
/// `an object`, ...
std::string describe(const json& value);
std::string describe(JsonNode value);
/// The closest candidate within a small edit distance, else "".
std::string_view closest(std::string_view word, const std::vector<std::string_view>& candidates);
/// "did you mean "x"?" for the closest candidate within a small edit distance, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Whether a string is a valid id: ASCII letters, digits, '.', '_', '-', 1 to 64 chars,
/// starting with a letter or digit.
bool is_id(std::string_view s) noexcept;

/// "\"a\", \"b\" or \"c\"".
std::string quoted_list(const std::vector<std::string_view>& allowed);
/// "one of \"a\", \"b\" or \"c\"" (just "\"a\"" for one).
std::string one_of_list(const std::vector<std::string_view>& allowed);

}  // namespace trygg::detail
