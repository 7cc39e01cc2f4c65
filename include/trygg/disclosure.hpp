// SPDX-License-Identifier: MIT
/// \file disclosure.hpp
/// Disclosure control (docs/privacy.md): which figures about groups of people may be shown.
/// The data is about people in vulnerable situations, so a figure about a small group, or one
/// that can be worked out by subtracting published figures from each other, is not shown.
///
/// The mechanism is data in, data out: a table of cells, each the figure of one group, with
/// the nesting of the groups and their sizes; out comes a decision per cell. The decision
/// depends only on the sizes and the nesting, never on the figures, so that the pattern of
/// hidden cells says nothing about the figures themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace trygg {

/// What may be shown of one cell.
enum class Disclosure : std::uint8_t {
  published,                 ///< the figure may be shown
  suppressed_small,          ///< its group is smaller than the threshold, or of unknown size
  suppressed_complementary,  ///< hidden so that a small group cannot be recovered by subtraction
};

/// `parent` of a cell that no other cell of the table encloses.
inline constexpr std::size_t no_enclosing_cell = std::numeric_limits<std::size_t>::max();

/// One figure of a table, about one group of people. A table holds figures of one kind for one
/// period and one column (received cases of one kind in one period, say): so a figure about a
/// group minus the figures about groups nested in it is the figure about the rest.
struct GroupCell {
  /// Index (into the same table) of the nearest cell whose group encloses this one's, or
  /// no_enclosing_cell. Two cells of the same group: one encloses the other.
  std::size_t parent = no_enclosing_cell;
  /// People in the group; nullopt when not known (then the cell is never shown).
  std::optional<std::uint64_t> size;
};

/// The decisions for one table, one per cell in the order given. A cell is shown only if its
/// group has at least `min_group_size` people, and, for every shown cell P, the people of P
/// not in the shown cells nested in it (its maximal shown descendants) number 0 or at least
/// `min_group_size`; otherwise cells are hidden, the smallest such descendant first, until
/// this holds everywhere. O(n log n). Throws std::invalid_argument when a parent index is out
/// of range or the parents form a cycle.
[[nodiscard]] std::vector<Disclosure> disclose(const std::vector<GroupCell>& cells, std::uint64_t min_group_size);

/// A decision's id in outputs: "published", "suppressed-small", "suppressed-complementary".
[[nodiscard]] std::string_view to_string(Disclosure decision) noexcept;

}  // namespace trygg
