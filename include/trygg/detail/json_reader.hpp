// SPDX-License-Identifier: MIT
/// \file detail/json_reader.hpp
/// Internal: strict JSON parsing and a checked walk over the parsed document that
/// collects diagnostics (file, JSON Pointer, expected, found) instead of stopping at the
/// first one. Shared by the organisation, pack and profile loaders.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/date.hpp"
#include "trygg/error.hpp"
#include "trygg/types.hpp"

namespace trygg::detail {

using json = nlohmann::json;

/// Collects diagnostics for one input, up to a cap, and counts the rest.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file, std::size_t cap = 100) : file_(std::move(file)), cap_(cap) {}
  void add(std::string pointer, std::string expected, std::string found, std::string hint = {});
  void add(Diagnostic d);
  [[nodiscard]] bool empty() const noexcept { return total_ == 0; }
  [[nodiscard]] std::size_t count() const noexcept { return total_; }
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// Throw LoadError if anything was recorded.
  void throw_if_any();
  /// Whether the cap is reached: further problems are only counted, so work spent on their
  /// details (a did-you-mean) is wasted.
  [[nodiscard]] bool full() const noexcept { return list_.size() >= cap_; }
  /// The recorded diagnostics, moved out.
  std::vector<Diagnostic> take() { return std::move(list_); }

 private:
  std::string file_;
  std::size_t cap_;
  std::size_t total_ = 0;
  std::vector<Diagnostic> list_;
};

/// Read a whole file, refusing one larger than max_bytes. Records a diagnostic and
/// returns nullopt on failure.
std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, Diagnostics& out);

/// Parse JSON text strictly: no byte-order mark, no duplicate keys, nesting at most
/// max_depth. Records a diagnostic (with line and column where they apply) and returns
/// nullopt on failure.
std::optional<json> parse_strict(std::string_view text, std::size_t max_depth, Diagnostics& out);

/// Append one reference token to a JSON Pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(std::string_view base, std::string_view token);
std::string pointer_append(std::string_view base, std::size_t index);

/// Valid, printable UTF-8 of at most max_chars code points (then "..."): invalid bytes and
/// control characters become '?'. For echoing input in messages.
std::string printable(std::string_view s, std::size_t max_chars);

/// A short description of a JSON value for "found ...": `the string "abc"`, `the number 3`,
/// `an object`, ...
std::string describe(const json& value);
/// "did you mean "x"?" for the closest candidate within a small edit distance, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Whether a string is a valid id: ASCII letters, digits, '.', '_', '-', 1 to 64 chars,
/// starting with a letter or digit.
bool is_id(std::string_view s) noexcept;

/// A checked view of one JSON object. Unknown keys are reported when the view is made;
/// each accessor reports a wrong type or a missing required key and returns nullopt.
class ObjectReader {
 public:
  ObjectReader(const json& value, std::string pointer, Diagnostics& out, std::vector<std::string_view> known_keys,
               std::string_view what = "an object");

  [[nodiscard]] bool ok() const noexcept { return object_ != nullptr; }
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  [[nodiscard]] std::string pointer(std::string_view key) const { return pointer_append(pointer_, key); }
  [[nodiscard]] bool has(std::string_view key) const;
  /// The raw value, or nullptr (reporting it missing when required).
  const json* get(std::string_view key, bool required, std::string_view expected);

  std::optional<std::string> string(std::string_view key, bool required, std::string_view expected = "a string");
  std::optional<std::string> id(std::string_view key, bool required);
  std::optional<std::string> one_of(std::string_view key, bool required, const std::vector<std::string_view>& allowed);
  std::optional<bool> boolean(std::string_view key, bool required);
  std::optional<std::uint32_t> count(std::string_view key, bool required);
  std::optional<double> number(std::string_view key, bool required, double min, double max);
  std::optional<Date> date(std::string_view key, bool required);
  std::optional<Duration> duration(std::string_view key, bool required);
  /// An array of strings, each checked by `element_ok` (which reports its own problems
  /// given the element's pointer); duplicates are reported.
  std::optional<std::vector<std::string>> strings(
      std::string_view key, bool required, std::string_view expected_element,
      const std::function<bool(const std::string&, const std::string& pointer)>& element_ok = {});
  std::optional<std::vector<std::string>> ids(std::string_view key, bool required);
  std::optional<std::vector<std::string>> enums(std::string_view key, bool required,
                                                const std::vector<std::string_view>& allowed);
  std::optional<Text> text(std::string_view key, bool required);
  /// Call `each` for every element of an array (reporting a non-array).
  bool array(std::string_view key, bool required, const std::function<void(const json&, const std::string&)>& each);

  Diagnostics& diagnostics() noexcept { return out_; }

 private:
  const json* object_ = nullptr;
  std::string pointer_;
  Diagnostics& out_;
};

/// "\"a\", \"b\" or \"c\"".
std::string quoted_list(const std::vector<std::string_view>& allowed);
/// "one of \"a\", \"b\" or \"c\"" (just "\"a\"" for one).
std::string one_of_list(const std::vector<std::string_view>& allowed);

}  // namespace trygg::detail
