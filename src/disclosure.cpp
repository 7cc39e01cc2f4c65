// SPDX-License-Identifier: MIT
// Disclosure control (docs/privacy.md): small groups are not exposed, neither by a figure of
// their own nor by subtracting published figures from each other.
#include "disclosure.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <tuple>

namespace trygg {
namespace {

constexpr std::size_t none = no_enclosing_cell;

/// A leftist min-heap over cell indices, keyed by (size, index) so that ties break the same
/// way on every run. Merging is O(log n), which keeps the whole fixpoint O(n log n): each
/// cell enters a heap once, and leaves it at most once.
class Heaps {
 public:
  explicit Heaps(const std::vector<GroupCell>& cells)
      : cells_(cells), left_(cells.size(), none), right_(cells.size(), none), rank_(cells.size(), 1) {}

  [[nodiscard]] std::size_t merge(std::size_t a, std::size_t b) {
    if (a == none) return b;
    if (b == none) return a;
    if (before(b, a)) std::swap(a, b);
    right_[a] = merge(right_[a], b);
    if (left_[a] == none || rank_of(left_[a]) < rank_of(right_[a])) std::swap(left_[a], right_[a]);
    rank_[a] = rank_of(right_[a]) + 1;
    return a;
  }
  /// The heap without its top.
  [[nodiscard]] std::size_t pop(std::size_t top) { return merge(left_[top], right_[top]); }

 private:
  [[nodiscard]] bool before(std::size_t a, std::size_t b) const {
    return std::tuple(*cells_[a].size, a) < std::tuple(*cells_[b].size, b);
  }
  [[nodiscard]] std::uint32_t rank_of(std::size_t a) const { return a == none ? 0 : rank_[a]; }

  const std::vector<GroupCell>& cells_;
  std::vector<std::size_t> left_, right_;
  std::vector<std::uint32_t> rank_;
};

}  // namespace

std::vector<Disclosure> disclose(const std::vector<GroupCell>& cells, std::uint64_t min_group_size) {
  const std::size_t n = cells.size();
  // Children of each cell, in one array (counting sort by parent).
  std::vector<std::size_t> start(n + 1, 0), kids(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t p = cells[i].parent;
    if (p == none) continue;
    if (p >= n || p == i) throw std::invalid_argument("disclose: cell " + std::to_string(i) + " has a bad parent");
    ++start[p + 1];
  }
  for (std::size_t i = 0; i < n; ++i)
    start[i + 1] += start[i];
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
      if (cells[i].parent != none) kids[fill[cells[i].parent]++] = i;
  }
  // Children before parents: what is hidden inside a cell is settled before the cell is judged.
  std::vector<std::size_t> order, stack, cursor(start.begin(), start.end() - 1);
  order.reserve(n);
  for (std::size_t r = 0; r < n; ++r) {
    if (cells[r].parent != none) continue;
    stack.push_back(r);
    while (!stack.empty()) {
      const std::size_t v = stack.back();
      if (cursor[v] < start[v + 1]) {
        stack.push_back(kids[cursor[v]++]);
      } else {
        stack.pop_back();
        order.push_back(v);
      }
    }
  }
  if (order.size() != n) throw std::invalid_argument("disclose: the parents of the cells form a cycle");

  std::vector<Disclosure> out(n, Disclosure::published);
  for (std::size_t i = 0; i < n; ++i)
    if (!cells[i].size || *cells[i].size < min_group_size) out[i] = Disclosure::suppressed_small;

  // For each cell: a heap of its maximal published descendants and the sum of their sizes.
  // Published cells keep their own heap too, needed when an ancestor hides them: their own
  // maximal published descendants then become the ancestor's.
  Heaps heaps(cells);
  std::vector<std::size_t> top(n, none);
  std::vector<std::uint64_t> covered(n, 0);
  for (const std::size_t v : order) {
    for (std::size_t k = start[v]; k < start[v + 1]; ++k) {
      const std::size_t c = kids[k];
      if (out[c] == Disclosure::published) {
        top[v] = heaps.merge(top[v], c);
        covered[v] += *cells[c].size;
      } else {
        top[v] = heaps.merge(top[v], top[c]);
        covered[v] += covered[c];
      }
    }
    if (out[v] != Disclosure::published) continue;
    const std::uint64_t size = *cells[v].size;
    // The rest of the group, size - covered, is what subtraction reveals: it must be empty or
    // large enough. Covered beyond the size means inconsistent headcounts; the rest is then
    // of unknown size, and treated as too small.
    auto rest_ok = [&] {
      return covered[v] <= size && (size - covered[v] == 0 || size - covered[v] >= min_group_size);
    };
    while (!rest_ok()) {
      const std::size_t d = top[v];
      if (d == none) {
        out[v] = Disclosure::suppressed_complementary;
        break;
      }
      // Hiding the smallest descendant d adds its own rest to v's rest.
      out[d] = Disclosure::suppressed_complementary;
      top[v] = heaps.merge(heaps.pop(d), top[d]);
      covered[v] = covered[v] - *cells[d].size + covered[d];
    }
  }
  return out;
}

std::string_view to_string(Disclosure decision) noexcept {
  switch (decision) {
    case Disclosure::published:
      return "published";
    case Disclosure::suppressed_small:
      return "suppressed-small";
    case Disclosure::suppressed_complementary:
      break;
  }
  return "suppressed-complementary";
}

namespace detail {

GroupSizes::GroupSizes(const Organisation& org) {
  const std::size_t n = org.units.size();
  first_.assign(n, 0);
  end_.assign(n, 0);
  subtree_.assign(n, std::nullopt);
  if (n > 0) {
    std::vector<std::uint32_t> start(n + 1, 0), kids(n);
    for (std::size_t u = 0; u < n; ++u)
      if (org.units[u].parent != no_index) ++start[org.units[u].parent + 1];
    for (std::size_t u = 0; u < n; ++u)
      start[u + 1] += start[u];
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t u = 0; u < n; ++u)
      if (org.units[u].parent != no_index) kids[fill[org.units[u].parent]++] = static_cast<std::uint32_t>(u);
    // Iterative pre-order (a deep tree must not overflow the stack); subtree sums on the way out.
    std::vector<std::uint32_t> stack{org.root()}, cursor(start.begin(), start.end() - 1);
    std::uint32_t clock = 0;
    first_[org.root()] = clock++;
    for (std::size_t u = 0; u < n; ++u)
      if (org.units[u].headcount) subtree_[u] = *org.units[u].headcount;
    std::vector<char> unknown(n, 0);
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      if (cursor[v] < start[v + 1]) {
        const std::uint32_t c = kids[cursor[v]++];
        first_[c] = clock++;
        stack.push_back(c);
        continue;
      }
      stack.pop_back();
      end_[v] = clock;
      if (!org.units[v].headcount) unknown[v] = 1;
      if (unknown[v]) subtree_[v] = std::nullopt;
      if (const Index p = org.units[v].parent; p != no_index) {
        if (unknown[v]) {
          unknown[p] = 1;
        } else if (!unknown[p] && subtree_[p]) {
          *subtree_[p] += *subtree_[v];
        }
      }
    }
  }
  if (org.headcount.total)
    whole_ = *org.headcount.total;
  else if (n > 0)
    whole_ = subtree_[org.root()];
}

std::optional<std::uint64_t> GroupSizes::size(Index unit) const {
  return unit == no_index ? whole_ : subtree_.at(unit);
}

namespace {
// A group as a pre-order interval; the whole organisation encloses every unit.
std::pair<std::int64_t, std::int64_t> interval(Index g, const std::vector<std::uint32_t>& first,
                                               const std::vector<std::uint32_t>& end) {
  if (g == no_index) return {-1, static_cast<std::int64_t>(first.size()) + 1};
  return {first.at(g), end.at(g)};
}
}  // namespace

std::vector<GroupCell> GroupSizes::cells(const std::vector<Index>& groups) const {
  const std::size_t k = groups.size();
  std::vector<GroupCell> out(k);
  std::vector<std::size_t> by_start(k);
  for (std::size_t i = 0; i < k; ++i) {
    by_start[i] = i;
    out[i].size = size(groups[i]);
  }
  // Enclosing groups first (earlier start, later end); the same group in table order.
  std::sort(by_start.begin(), by_start.end(), [&](std::size_t a, std::size_t b) {
    const auto [la, ha] = interval(groups[a], first_, end_);
    const auto [lb, hb] = interval(groups[b], first_, end_);
    return std::tuple(la, -ha, a) < std::tuple(lb, -hb, b);
  });
  std::vector<std::size_t> open;  // the chain of cells enclosing the current one
  for (const std::size_t i : by_start) {
    const auto [lo, hi] = interval(groups[i], first_, end_);
    while (!open.empty()) {
      const auto [olo, ohi] = interval(groups[open.back()], first_, end_);
      if (olo <= lo && hi <= ohi) break;
      open.pop_back();
    }
    out[i].parent = open.empty() ? no_enclosing_cell : open.back();
    open.push_back(i);
  }
  return out;
}

std::optional<std::uint64_t> GroupSizes::union_size(const std::vector<Index>& groups) const {
  if (groups.empty()) return std::nullopt;
  std::vector<Index> sorted = groups;
  std::sort(sorted.begin(), sorted.end(), [&](Index a, Index b) {
    const auto [la, ha] = interval(a, first_, end_);
    const auto [lb, hb] = interval(b, first_, end_);
    return std::tuple(la, -ha) < std::tuple(lb, -hb);
  });
  if (sorted.front() == no_index) return whole_;
  // Only the outermost groups count; the others are inside them.
  std::uint64_t sum = 0;
  std::int64_t reach = -1;
  for (const Index g : sorted) {
    const auto [lo, hi] = interval(g, first_, end_);
    if (lo < reach) continue;
    reach = hi;
    const auto s = size(g);
    if (!s) return std::nullopt;
    sum += *s;
  }
  return sum;
}

}  // namespace detail
}  // namespace trygg
