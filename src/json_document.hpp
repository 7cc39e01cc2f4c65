// SPDX-License-Identifier: MIT
/// \file json_document.hpp
/// Internal: a read-only view of a parsed JSON document, from nlohmann's DOM or simdjson's,
/// so that one walker serves both; and the simdjson document of the organisation loader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

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
  // opaque so that simdjson's large header stays inside src/json_document.cpp.
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

}  // namespace trygg::detail
