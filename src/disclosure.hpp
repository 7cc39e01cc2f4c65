// SPDX-License-Identifier: MIT
// The groups an organisation's figures are about, for disclosure control (docs/privacy.md).
// Private to the library: the documents and checks that show figures about groups use it to
// turn their rows into the cells of trygg::disclose().
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "trygg/disclosure.hpp"
#include "trygg/organisation.hpp"

namespace trygg::detail {

/// Sizes and nesting of the organisation's groups: the whole organisation (no_index) and each
/// unit with its subtree. Built in one linear pass.
class GroupSizes {
 public:
  explicit GroupSizes(const Organisation& org);

  /// People in the group of `unit` and its subtree (the sum of their headcounts), or in the
  /// whole organisation for no_index (its stated total, else the sum over every unit).
  /// nullopt when any headcount it would add up is not known: a size is never guessed.
  [[nodiscard]] std::optional<std::uint64_t> size(Index unit) const;

  /// The cells of one table whose figures are about these groups (a unit, or no_index for the
  /// whole organisation), in the same order, each with its nearest enclosing cell.
  /// O(k log k) for k groups.
  [[nodiscard]] std::vector<GroupCell> cells(const std::vector<Index>& groups) const;

  /// People in the union of these groups (nullopt if unknown or if there are none).
  [[nodiscard]] std::optional<std::uint64_t> union_size(const std::vector<Index>& groups) const;

 private:
  // Pre-order interval of each unit: unit v is in u's subtree iff first_[u] <= first_[v] < end_[u].
  std::vector<std::uint32_t> first_, end_;
  std::vector<std::optional<std::uint64_t>> subtree_;
  std::optional<std::uint64_t> whole_;
};

/// Whether one figure about a group of `size` people may be shown on its own.
[[nodiscard]] inline bool large_enough(const std::optional<std::uint64_t>& size, std::uint64_t min_group_size) {
  return size && *size >= min_group_size;
}

}  // namespace trygg::detail
