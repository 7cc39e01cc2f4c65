// SPDX-License-Identifier: MIT
/// \file dependency_order.hpp
/// Internal: ordering items so that each comes after what it depends on (Kahn's algorithm),
/// with ties among the items ready at any moment broken by a key. One definition for the
/// framework's measure order and the audit's action plan.
#pragma once

#include <cstddef>
#include <set>
#include <utility>
#include <vector>

namespace trygg::detail {

/// Items 0..n-1 in an order where each comes after the items it depends on; among the items
/// ready at a time, the one with the smallest `key(i)` goes first (keys must be distinct, e.g.
/// end in `i`). `depends_on[i]` lists the items `i` depends on. Items on a cycle, and those
/// that depend on one, are left out: the result is shorter than n exactly when there is a cycle.
template <class Key>
std::vector<std::size_t> dependency_order(const std::vector<std::vector<std::size_t>>& depends_on, Key key) {
  const std::size_t n = depends_on.size();
  std::vector<std::size_t> pending(n, 0);
  std::vector<std::vector<std::size_t>> dependants(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const std::size_t d : depends_on[i]) {
      dependants[d].push_back(i);
      ++pending[i];
    }
  using K = decltype(key(std::size_t{}));
  std::set<std::pair<K, std::size_t>> ready;
  for (std::size_t i = 0; i < n; ++i)
    if (pending[i] == 0) ready.emplace(key(i), i);
  std::vector<std::size_t> order;
  order.reserve(n);
  while (!ready.empty()) {
    const std::size_t i = ready.begin()->second;
    ready.erase(ready.begin());
    order.push_back(i);
    for (const std::size_t j : dependants[i])
      if (--pending[j] == 0) ready.emplace(key(j), j);
  }
  return order;
}

}  // namespace trygg::detail
