// SPDX-License-Identifier: MIT
/// \file json_object_reader.hpp
/// Internal: the checked view of one JSON object through which the organisation, pack and
/// profile loaders read. It reports unknown and repeated keys, wrong types and missing
/// required keys, and builds the texts of a diagnostic (pointer, expected value) only when it
/// reports one: a large organisation is read without spelling a pointer per value.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_diagnostics.hpp"
#include "json_document.hpp"
#include "trygg/date.hpp"
#include "trygg/types.hpp"

namespace trygg::detail {

/// A checked view of one JSON object. Unknown and repeated keys are reported when the view is
/// made; each accessor reports a wrong type or a missing required key and returns nullopt.
/// Where the object is is given either as a spelled JSON Pointer or as a JsonPath (which must
/// outlive the reader); paths of its members are made from the reader, which therefore can
/// be neither copied nor moved.
class ObjectReader {
 public:
  ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
               std::initializer_list<std::string_view> known_keys, std::string_view what = "an object");
  ObjectReader(JsonNode value, std::string pointer, Diagnostics& out, const std::vector<std::string_view>& known_keys,
               std::string_view what = "an object");
  ObjectReader(JsonNode value, const JsonPath& path, Diagnostics& out,
               std::initializer_list<std::string_view> known_keys, std::string_view what = "an object");
  ObjectReader(JsonNode value, const JsonPath& path, Diagnostics& out, const std::vector<std::string_view>& known_keys,
               std::string_view what = "an object");
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  [[nodiscard]] bool ok() const noexcept { return object_.has_value(); }
  /// Where the object is, and where its members and their elements are.
  [[nodiscard]] const JsonPath& path() const noexcept { return path_; }
  [[nodiscard]] JsonPath path(std::string_view key) const noexcept { return path_.key(key); }
  /// The same, spelled as JSON Pointers (for diagnostics).
  [[nodiscard]] std::string pointer() const { return path_.pointer(); }
  [[nodiscard]] std::string pointer(std::string_view key) const { return path_.key(key).pointer(); }
  [[nodiscard]] std::string pointer(std::string_view key, std::size_t index) const;
  [[nodiscard]] bool has(std::string_view key) const;
  /// The raw value, or nullopt (reporting it missing when required).
  std::optional<JsonNode> get(std::string_view key, bool required, std::string_view expected);

  std::optional<std::string> string(std::string_view key, bool required, std::string_view expected = "a string");
  std::optional<std::string> id(std::string_view key, bool required);
  /// id(), viewing the document's string (valid while the document lives) instead of copying it.
  std::optional<std::string_view> id_view(std::string_view key, bool required);
  std::optional<std::string> one_of(std::string_view key, bool required, const std::vector<std::string_view>& allowed);
  std::optional<bool> boolean(std::string_view key, bool required);
  std::optional<std::uint32_t> count(std::string_view key, bool required);
  std::optional<double> number(std::string_view key, bool required, double min, double max);
  std::optional<Date> date(std::string_view key, bool required);
  std::optional<Duration> duration(std::string_view key, bool required);
  /// An array of strings, each checked by `element_ok` (which reports its own problems at
  /// pointer(key, index)); duplicates are reported.
  std::optional<std::vector<std::string>> strings(
      std::string_view key, bool required, std::string_view expected_element,
      const std::function<bool(const std::string&, std::size_t index)>& element_ok = {});
  /// strings(), viewing the document's strings instead of copying them.
  std::optional<std::vector<std::string_view>> string_views(
      std::string_view key, bool required, std::string_view expected_element,
      const std::function<bool(std::string_view, std::size_t index)>& element_ok = {});
  std::optional<std::vector<std::string>> ids(std::string_view key, bool required);
  /// ids(), viewing the document's strings.
  std::optional<std::vector<std::string_view>> id_views(std::string_view key, bool required);
  std::optional<std::vector<std::string>> enums(std::string_view key, bool required,
                                                const std::vector<std::string_view>& allowed);
  std::optional<Text> text(std::string_view key, bool required);
  /// Call `each` for every element of an array (reporting a non-array), with its pointer.
  bool array(std::string_view key, bool required, const std::function<void(JsonNode, std::string pointer)>& each);
  /// The same with the element's path, which is valid during the call only.
  bool elements(std::string_view key, bool required, const std::function<void(JsonNode, const JsonPath&)>& each);

  Diagnostics& diagnostics() noexcept { return out_; }

 private:
  ObjectReader(JsonNode value, std::string pointer, Diagnostics& out, std::span<const std::string_view> known_keys,
               std::string_view what);
  ObjectReader(JsonNode value, const JsonPath& path, Diagnostics& out, std::span<const std::string_view> known_keys,
               std::string_view what);
  void check(JsonNode value, std::span<const std::string_view> known_keys, std::string_view what);
  void check_keys(std::span<const std::string_view> known_keys);
  // The accessors' work, with the expected-value text made only when a problem is reported.
  std::optional<JsonNode> get_lazy(std::string_view key, bool required, const std::function<std::string()>& expected);
  std::optional<std::string_view> string_lazy(std::string_view key, bool required,
                                              const std::function<std::string()>& expected);
  std::optional<std::vector<std::string_view>> strings_lazy(
      std::string_view key, bool required, const std::function<std::string()>& expected_element,
      const std::function<bool(std::string_view, std::size_t index)>& element_ok);
  static std::optional<std::vector<std::string>> copies(std::optional<std::vector<std::string_view>> views);

  /// Whether a string value of member `key` is within Diagnostics::max_string_bytes (reports it if not).
  bool within_string_limit(std::string_view key, std::string_view s);
  /// The member with this key, from the cache made by check_keys.
  [[nodiscard]] std::optional<JsonNode> member(std::string_view key) const noexcept;

  std::optional<JsonNode> object_;
  std::string spelled_;  // the pointer given as text, which path_ views
  JsonPath path_;
  // The object's known members, found once when the view is made, so that each accessor
  // looks among a handful of keys instead of searching the object again. Objects in these
  // formats have fewer known keys than fit; a larger set falls back to searching.
  static constexpr std::size_t cached_members = 24;
  std::array<std::pair<std::string_view, JsonNode>, cached_members> members_;  // the first member_count_ are set
  std::size_t member_count_ = 0;
  bool members_complete_ = true;
  std::vector<std::string_view> beyond_cache_;  // known keys that did not fit, for duplicates
  [[nodiscard]] bool seen_beyond_cache(std::string_view key) const;
  Diagnostics& out_;
};

}  // namespace trygg::detail
