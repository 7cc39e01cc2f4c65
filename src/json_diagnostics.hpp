// SPDX-License-Identifier: MIT
/// \file json_diagnostics.hpp
/// Internal: the diagnostics of one input (file, JSON Pointer, expected, found, hint), and
/// where a value is: a JSON Pointer spelled out, or a JsonPath that is spelled only when a
/// diagnostic needs it. Shared by the organisation, pack and profile loaders.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/error.hpp"

namespace trygg::detail {

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

/// Append one reference token to a JSON Pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(std::string_view base, std::string_view token);
/// The same in place: building a long pointer token by token stays linear.
void pointer_extend(std::string& pointer, std::string_view token);
std::string pointer_append(std::string_view base, std::size_t index);

/// Where a value is in its document, kept as a chain of steps back to the root instead of a
/// string: a loader walking a large file makes one per value, and nearly all of them are
/// never reported, so the JSON Pointer is spelled (pointer()) only when a diagnostic needs it.
///
/// A step refers to its parent by address: a path is valid while the path it was made from
/// lives. Make children of a named path (a local, a member), not of a temporary.
class JsonPath {
 public:
  /// The document's root (the pointer "").
  JsonPath() noexcept = default;
  /// A path whose pointer is already spelled (escaped); the text must outlive the path.
  static JsonPath spelled(std::string_view pointer) noexcept {
    JsonPath p;
    p.step_ = Step::spelled;
    p.text_ = pointer;
    return p;
  }
  /// An object's member; the key is the unescaped key and must outlive the path.
  [[nodiscard]] JsonPath key(std::string_view k) const noexcept {
    JsonPath p;
    p.parent_ = this;
    p.step_ = Step::key;
    p.text_ = k;
    return p;
  }
  /// An array's element.
  [[nodiscard]] JsonPath index(std::size_t i) const noexcept {
    JsonPath p;
    p.parent_ = this;
    p.step_ = Step::index;
    p.index_ = i;
    return p;
  }
  /// The JSON Pointer (RFC 6901).
  [[nodiscard]] std::string pointer() const;

 private:
  enum class Step : unsigned char { root, spelled, key, index };
  void spell(std::string& out) const;
  const JsonPath* parent_ = nullptr;
  Step step_ = Step::root;
  std::string_view text_;  // spelled: the pointer; key: the key
  std::size_t index_ = 0;  // index
};

}  // namespace trygg::detail
