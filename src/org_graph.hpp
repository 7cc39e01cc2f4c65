// SPDX-License-Identifier: MIT
/// \file org_graph.hpp
/// Internal: the organisation as a graph, built once per audit for the structural checks:
/// the unit tree, the line of management, the reporting routes (unit, channel, recipient) and
/// who serves which units. Boost.Graph is used inside src/org_graph.cpp only.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "trygg/organisation.hpp"

namespace trygg::detail {

class OrgGraph {
 public:
  /// `preorder`: the units in pre-order (AuditContext::preorder()).
  OrgGraph(const Organisation& org, const std::vector<Index>& preorder);

  // --- the unit tree -------------------------------------------------------------------
  /// Whether `a` is `u` or one of its ancestors. O(1).
  [[nodiscard]] bool contains(Index a, Index u) const noexcept { return tin_[a] <= tin_[u] && tin_[u] < tout_[a]; }
  /// The manager of the unit, else of its nearest ancestor with one; no_index if none.
  [[nodiscard]] Index line_manager(Index unit) const noexcept { return line_manager_[unit]; }
  /// Units the person manages, in index order.
  [[nodiscard]] std::span<const Index> managed(Index person) const noexcept {
    return {managed_.data() + managed_start_[person], managed_start_[person + 1] - managed_start_[person]};
  }

  // --- reporting routes ------------------------------------------------------------------
  // Built on the first question about routes: the support and impartiality checks never pay
  // for the dominator tree. Not thread-safe, like the audit context that owns the graph.
  // A route runs from a unit to a recipient: through a channel open to the unit (a channel
  // open to a unit is open to its subtree), to each of its recipients; a "line-manager"
  // channel leads to the unit's own line manager only.
  /// Whether the unit has any route to a recipient.
  [[nodiscard]] bool has_route(Index unit) const;
  /// Whether every route from the unit passes through the person (post-dominance).
  [[nodiscard]] bool on_every_route(Index person, Index unit) const;
  /// The same for the unit's manager, whose "line-manager" channel leads to their own
  /// manager (the line manager of the parent unit).
  [[nodiscard]] bool manager_has_route(Index unit) const;
  [[nodiscard]] bool on_every_manager_route(Index person, Index unit) const;
  /// Staff (unit headcounts) whose every route passes through the person.
  [[nodiscard]] std::uint64_t staff_behind(Index person) const;

  // --- support ---------------------------------------------------------------------------
  /// The units a person serves: their `serves`, else their own unit (each with its subtree).
  /// A view into the organisation itself (the person's `serves`, or their `unit`): nothing is
  /// copied per person.
  [[nodiscard]] std::span<const Index> served_by(Index person) const noexcept {
    const Person& p = org_.people[person];
    if (!p.serves.empty()) return p.serves;
    if (p.unit != no_index) return {&p.unit, 1};
    return {};
  }

 private:
  const Organisation& org_;
  std::vector<std::uint32_t> tin_, tout_;
  std::vector<Index> line_manager_;
  // The units each person manages, as compressed rows: person p's are
  // managed_[managed_start_[p] .. managed_start_[p + 1]), one allocation for everyone.
  std::vector<std::uint32_t> managed_start_;
  std::vector<Index> managed_;
  // Post-dominator tree of the route graph, as pre/post numbers for O(1) ancestry; vertex
  // ids: three per unit [0, U) (see org_graph.cpp), channels [U, U+C), people [U+C, U+C+P),
  // the sink last.
  const std::vector<Index>& preorder_;
  void build_routes() const;
  mutable bool routes_built_ = false;
  mutable std::size_t units_ = 0, channels_ = 0;
  mutable std::vector<std::uint32_t> dom_in_, dom_out_;
  mutable std::vector<char> reached_;
  mutable std::vector<std::uint64_t> staff_behind_;
  [[nodiscard]] std::size_t person_vertex(Index p) const noexcept { return units_ + channels_ + p; }
  [[nodiscard]] bool dominated(Index person, std::size_t start) const;
};

}  // namespace trygg::detail
