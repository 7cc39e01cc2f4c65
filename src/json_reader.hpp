// SPDX-License-Identifier: MIT
/// \file json_reader.hpp
/// Internal: strict JSON parsing and a checked walk over the parsed document that
/// collects diagnostics (file, JSON Pointer, expected, found) instead of stopping at the
/// first one. Shared by the organisation, pack and profile loaders.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/date.hpp"
#include "trygg/error.hpp"
#include "trygg/types.hpp"

namespace trygg::detail {

using json = nlohmann::json;

/// A read-only view of one JSON value, from either nlohmann's DOM (documents built in code,
/// packs, profiles) or simdjson's (organisation files, read fast: docs/performance.md). The
/// loaders walk this view, so one walker serves both. Cheap to copy; valid while the
/// document it views lives.
class JsonNode {
 public:
  enum class Kind { null, boolean, integer, unsigned_integer, floating, string, array, object };

  JsonNode(const json& value) noexcept : nl_(&value) {}  // NOLINT(google-explicit-constructor)
  /// An unset view, only to be assigned to (it lets arrays of views skip initialisation).
  JsonNode() noexcept = default;

  [[nodiscard]] Kind kind() const noexcept;
  [[nodiscard]] bool is_null() const noexcept { return kind() == Kind::null; }
  [[nodiscard]] bool is_boolean() const noexcept { return kind() == Kind::boolean; }
  [[nodiscard]] bool is_string() const noexcept { return kind() == Kind::string; }
  [[nodiscard]] bool is_array() const noexcept { return kind() == Kind::array; }
  [[nodiscard]] bool is_object() const noexcept { return kind() == Kind::object; }
  [[nodiscard]] bool is_number() const noexcept;
  /// The value; each only for its own kind (checked by the caller).
  [[nodiscard]] bool boolean() const noexcept;
  [[nodiscard]] std::string_view string() const noexcept;
  [[nodiscard]] std::int64_t integer() const noexcept;
  [[nodiscard]] std::uint64_t unsigned_integer() const noexcept;
  /// Any number, as a double.
  [[nodiscard]] double number() const noexcept;
  /// Elements of an array or members of an object.
  [[nodiscard]] std::size_t size() const noexcept;
  /// An object's member, if it has that key.
  [[nodiscard]] std::optional<JsonNode> find(std::string_view key) const noexcept;
  /// Call `each(index, element)` for every element of an array.
  void for_each_element(const std::function<void(std::size_t, JsonNode)>& each) const;
  /// Call `each(key, value)` for every member of an object, in document order.
  void for_each_member(const std::function<void(std::string_view, JsonNode)>& each) const;
  /// The value as nlohmann JSON (a copy; for messages and for values kept as JSON).
  [[nodiscard]] json to_json() const;

  /// What walk() shows: a string value, a non-negative integer, or an object key.
  struct Leaf {
    enum class Kind { string, integer, key };
    Kind kind;
    std::string_view text;     ///< string and key
    std::uint64_t number = 0;  ///< integer
  };
  /// Visit every string, non-negative integer and object key at or below this value, in
  /// document order. Iterative, because nesting may be as deep as a raised max_depth allows.
  /// `pointer()` makes the JSON Pointer of the value (of its object, for a key: the key itself
  /// may be what must not be repeated) and costs time only when called. When `visit` returns
  /// false for a key, that member's value is skipped.
  void walk(const std::function<bool(const Leaf&, const std::function<std::string()>& pointer)>& visit) const;

 private:
  friend class FastDocument;
  /// A view of a simdjson::dom::element, given by address.
  static JsonNode from_simdjson(const void* element) noexcept;
  const json* nl_;
  // A simdjson::dom::element (a document pointer and a tape index) when nl_ is null; kept
  // opaque so that simdjson's large header stays inside src/json_reader.cpp.
  alignas(8) unsigned char sj_[16];
};

/// A document parsed by simdjson, for the large files of the organisation loader. It has no
/// positions for errors: when it refuses a text, or the walk over it finds a problem, the
/// caller parses again with parse_strict, whose diagnostics are exact (same messages either way).
class FastDocument {
 public:
  /// Bytes simdjson may read past the end of the text (SIMDJSON_PADDING, checked in the .cpp).
  static constexpr std::size_t padding = 64;
  /// nullptr when simdjson refuses the text (malformed, a byte-order mark, nesting deeper
  /// than max_depth, ...). `padded`: `padding` readable bytes follow the text, so simdjson
  /// reads it in place instead of copying it first (read_file leaves them).
  static std::unique_ptr<FastDocument> parse(std::string_view text, std::size_t max_depth, bool padded = false);
  ~FastDocument();
  FastDocument(const FastDocument&) = delete;
  FastDocument& operator=(const FastDocument&) = delete;
  [[nodiscard]] JsonNode root() const noexcept;

 private:
  FastDocument();
  struct State;
  std::unique_ptr<State> state_;
};

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
  /// When full, count one more problem without its details and return true: a caller in a
  /// loop over a long list skips building a message that would only be counted.
  bool count_if_full() noexcept {
    if (!full()) return false;
    ++total_;
    return true;
  }
  /// The recorded diagnostics, moved out.
  std::vector<Diagnostic> take() { return std::move(list_); }
  /// The longest string value the readers accept (LoadLimits::max_string_bytes). It travels
  /// with the diagnostics because every reader of one load has them at hand.
  void limit_strings(std::size_t max_bytes) noexcept { max_string_bytes_ = max_bytes; }
  [[nodiscard]] std::size_t max_string_bytes() const noexcept { return max_string_bytes_; }

 private:
  std::string file_;
  std::size_t cap_;
  std::size_t max_string_bytes_ = static_cast<std::size_t>(-1);
  std::size_t total_ = 0;
  std::vector<Diagnostic> list_;
};

/// Read a whole file, refusing one larger than max_bytes. Records a diagnostic and
/// returns nullopt on failure. The string's capacity holds FastDocument::padding zero bytes
/// past its end, so that simdjson can parse it without a copy.
std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, Diagnostics& out);

/// Parse JSON text strictly: no byte-order mark, no duplicate keys, nesting at most
/// max_depth. Records a diagnostic (with line and column where they apply) and returns
/// nullopt on failure. `cancelled` is asked every few tens of thousands of values; when it
/// returns true, parsing stops with trygg::Cancelled.
std::optional<json> parse_strict(std::string_view text, std::size_t max_depth, Diagnostics& out,
                                 const std::function<bool()>& cancelled = {});

/// Append one reference token to a JSON Pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(std::string_view base, std::string_view token);
/// The same in place: building a long pointer token by token stays linear.
void pointer_extend(std::string& pointer, std::string_view token);
std::string pointer_append(std::string_view base, std::size_t index);

/// Valid, printable UTF-8 of at most max_chars code points (then "..."): invalid bytes and
/// control characters become '?'. For echoing input in messages.
std::string printable(std::string_view s, std::size_t max_chars);

/// A short description of a JSON value for "found ...": `the string "abc"`, `the number 3`,
/// `an object`, ...
std::string describe(const json& value);
std::string describe(JsonNode value);
/// "did you mean "x"?" for the closest candidate within a small edit distance, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// Whether a string is a valid id: ASCII letters, digits, '.', '_', '-', 1 to 64 chars,
/// starting with a letter or digit.
bool is_id(std::string_view s) noexcept;

/// A checked view of one JSON object. Unknown and repeated keys are reported when the view is
/// made; each accessor reports a wrong type or a missing required key and returns nullopt.
/// Expected-value texts are built only when a problem is reported: large inputs read fast.
class ObjectReader {
 public:
  ObjectReader(JsonNode value, std::string pointer, Diagnostics& out,
               std::initializer_list<std::string_view> known_keys, std::string_view what = "an object");
  ObjectReader(JsonNode value, std::string pointer, Diagnostics& out, const std::vector<std::string_view>& known_keys,
               std::string_view what = "an object");

  [[nodiscard]] bool ok() const noexcept { return object_.has_value(); }
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  [[nodiscard]] std::string pointer(std::string_view key) const { return pointer_append(pointer_, key); }
  [[nodiscard]] bool has(std::string_view key) const;
  /// The raw value, or nullopt (reporting it missing when required).
  std::optional<JsonNode> get(std::string_view key, bool required, std::string_view expected);

  std::optional<std::string> string(std::string_view key, bool required, std::string_view expected = "a string");
  std::optional<std::string> id(std::string_view key, bool required);
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
  std::optional<std::vector<std::string>> ids(std::string_view key, bool required);
  std::optional<std::vector<std::string>> enums(std::string_view key, bool required,
                                                const std::vector<std::string_view>& allowed);
  std::optional<Text> text(std::string_view key, bool required);
  /// Call `each` for every element of an array (reporting a non-array).
  bool array(std::string_view key, bool required, const std::function<void(JsonNode, std::string pointer)>& each);
  /// The pointer of an array element.
  [[nodiscard]] std::string pointer(std::string_view key, std::size_t index) const;

  Diagnostics& diagnostics() noexcept { return out_; }

 private:
  ObjectReader(JsonNode value, std::string pointer, Diagnostics& out, std::span<const std::string_view> known_keys,
               std::string_view what);
  void check_keys(std::span<const std::string_view> known_keys);
  // The accessors' work, with the expected-value text made only when a problem is reported.
  std::optional<JsonNode> get_lazy(std::string_view key, bool required, const std::function<std::string()>& expected);
  std::optional<std::string> string_lazy(std::string_view key, bool required,
                                         const std::function<std::string()>& expected);
  std::optional<std::vector<std::string>> strings_lazy(
      std::string_view key, bool required, const std::function<std::string()>& expected_element,
      const std::function<bool(const std::string&, std::size_t index)>& element_ok);

  /// Whether a string value at `at` is within Diagnostics::max_string_bytes (reports it if not).
  bool within_string_limit(const std::string& at, std::string_view s);
  /// The member with this key, from the cache made by check_keys.
  [[nodiscard]] std::optional<JsonNode> member(std::string_view key) const noexcept;

  std::optional<JsonNode> object_;
  std::string pointer_;
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

/// "\"a\", \"b\" or \"c\"".
std::string quoted_list(const std::vector<std::string_view>& allowed);
/// "one of \"a\", \"b\" or \"c\"" (just "\"a\"" for one).
std::string one_of_list(const std::vector<std::string_view>& allowed);

}  // namespace trygg::detail
