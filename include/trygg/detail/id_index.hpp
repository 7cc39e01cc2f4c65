// SPDX-License-Identifier: MIT
/// \file detail/id_index.hpp
/// Internal: a hash index from ids to dense indices that stores no strings. The ids stay in
/// the collection it indexes (units, people, or the strings of a document being loaded) and
/// are reached through `key_of(index)`. Open addressing with linear probing over a table of
/// at least twice the entries: a lookup touches one slot array, not a node per entry, which
/// is what makes loading a million-unit file cheap (docs/performance.md).
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace trygg::detail {

class IdIndex {
 public:
  using Index = std::uint32_t;
  static constexpr Index none = std::numeric_limits<Index>::max();

  /// Empty the index and size it for `expected` entries (it grows beyond that if needed).
  void reset(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2)
      capacity *= 2;
    slots_.assign(capacity, Slot{0, none});
    size_ = 0;
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// Add `key` → `value`, unless the key is there already. Returns the index stored for the
  /// key and whether it was added.
  template <class KeyOf>
  std::pair<Index, bool> insert(std::string_view key, Index value, const KeyOf& key_of) {
    if (slots_.empty() || (size_ + 1) * 2 > slots_.size()) grow();
    const std::uint32_t h = hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (s.value == none) {
        s = Slot{h, value};
        ++size_;
        return {value, true};
      }
      if (s.hash == h && key_of(s.value) == key) return {s.value, false};
    }
  }

  /// The index stored for `key`, or `none`.
  template <class KeyOf>
  [[nodiscard]] Index find(std::string_view key, const KeyOf& key_of) const {
    if (slots_.empty()) return none;
    const std::uint32_t h = hash(key);
    for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.value == none) return none;
      if (s.hash == h && key_of(s.value) == key) return s.value;
    }
  }

 private:
  struct Slot {
    std::uint32_t hash;
    Index value;  // none: empty
  };

  [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }

  // FNV-1a, folded to 32 bits: ids are short, and this spreads them well enough for a table
  // kept at most half full.
  static std::uint32_t hash(std::string_view key) noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : key) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{0, none});
    for (const Slot& s : old) {
      if (s.value == none) continue;
      std::size_t i = s.hash & mask();
      while (slots_[i].value != none)
        i = (i + 1) & mask();
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace trygg::detail
