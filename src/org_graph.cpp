// SPDX-License-Identifier: MIT
// The organisation graph: the unit tree with Euler numbers, the line of management, and the
// post-dominator tree of the reporting routes (Lengauer-Tarjan, Boost.Graph), which answers
// "does every route from this unit pass through that person?" for all units at once in
// near-linear time, instead of one search per unit.
#include "org_graph.hpp"

#include <algorithm>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dominator_tree.hpp>

namespace trygg::detail {
namespace {
// Compressed sparse rows, out-edges and in-edges each in one array: a few allocations for the
// whole graph instead of two edge vectors per vertex. 32-bit vertex and edge numbers, as
// everywhere in the organisation (Index).
using RouteGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, boost::no_property,
                                                      boost::no_property, std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<RouteGraph>::vertex_descriptor;
}  // namespace
}  // namespace trygg::detail

namespace boost {
// Boost 1.74's BidirectionalGraphConcept, which lengauer_tarjan_dominator_tree asserts, asks
// for degree(); its bidirectional CSR graph has out_degree() and in_degree() but not their
// sum. Found by argument-dependent lookup, as the graph type lives in namespace boost.
inline std::uint32_t degree(std::uint32_t v, const trygg::detail::RouteGraph& g) {
  return static_cast<std::uint32_t>(out_degree(v, g) + in_degree(v, g));
}
}  // namespace boost

namespace trygg::detail {

OrgGraph::OrgGraph(const Organisation& org, const std::vector<Index>& preorder) : org_(org), preorder_(preorder) {
  const std::size_t n = org.units.size(), people = org.people.size();
  // Euler numbers: a unit's subtree is the run of the pre-order that starts at it.
  tin_.assign(n, 0);
  tout_.assign(n, 0);
  std::vector<std::uint32_t> size(n, 1);
  for (std::size_t k = preorder.size(); k-- > 0;) {
    const Index u = preorder[k];
    if (org.units[u].parent != no_index) size[org.units[u].parent] += size[u];
  }
  for (std::size_t k = 0; k < preorder.size(); ++k) {
    tin_[preorder[k]] = static_cast<std::uint32_t>(k);
    tout_[preorder[k]] = static_cast<std::uint32_t>(k) + size[preorder[k]];
  }
  line_manager_.assign(n, no_index);
  for (const Index u : preorder) {
    const auto& unit = org.units[u];
    line_manager_[u] = unit.manager != no_index  ? unit.manager
                       : unit.parent != no_index ? line_manager_[unit.parent]
                                                 : no_index;
  }
  // Who manages what, by counting sort: the units of each manager stay in index order.
  managed_start_.assign(people + 1, 0);
  for (Index u = 0; u < n; ++u)
    if (org.units[u].manager != no_index) ++managed_start_[org.units[u].manager + 1];
  for (std::size_t p = 0; p < people; ++p)
    managed_start_[p + 1] += managed_start_[p];
  managed_.resize(managed_start_[people]);
  {
    std::vector<std::uint32_t> fill(managed_start_.begin(), managed_start_.end() - 1);
    for (Index u = 0; u < n; ++u)
      if (org.units[u].manager != no_index) managed_[fill[org.units[u].manager]++] = u;
  }
}

void OrgGraph::build_routes() const {
  if (routes_built_) return;
  const Organisation& org = org_;
  const auto& preorder = preorder_;
  const std::size_t n = org.units.size(), people = org.people.size();
  // The route graph, reversed (the dominator algorithm then gives post-dominators).
  // Vertices: where the staff of a unit start [0, n); the unit's place in the inheritance
  // chain [n, 2n) (a channel open to a unit is open to its subtree); where the unit's manager
  // starts [2n, 3n) (the same channels, but "line-manager" leads to their own manager);
  // channels; people; the sink.
  units_ = 3 * n;
  channels_ = org.channels.size();
  const std::size_t sink = units_ + channels_ + people;
  // Edges first, as a list: Boost's Lengauer-Tarjan misreads in-edges from vertices the entry
  // cannot reach, so only edges out of reachable vertices go into the graph below.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  const auto add_edge = [&](std::size_t from, std::size_t to) {
    edges.emplace_back(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to));
  };
  for (Index u = 0; u < n; ++u) {
    add_edge(n + u, u);                                                             // staff start -> chain
    if (org.units[u].manager != no_index) add_edge(n + u, 2 * n + u);               // manager start -> chain
    if (org.units[u].parent != no_index) add_edge(n + org.units[u].parent, n + u);  // chain -> parent
  }
  const Index root = org.root();
  std::vector<char> lm_open(n, 0);
  for (Index k = 0; k < channels_; ++k) {
    const auto& c = org.channels[k];
    const std::size_t kv = units_ + k;
    if (c.kind == "line-manager") {
      // Line-manager channels never pass through their own vertex; their coverage is merged
      // and their edges added once below, whatever the number of such channels.
      for (Index x : c.from_units)
        lm_open[x] = 1;
      if (c.from_units.empty() && n > 0) lm_open[root] = 1;
      continue;
    }
    if (c.from_units.empty()) {
      if (n > 0) add_edge(kv, n + root);
    } else {
      for (Index x : c.from_units)
        add_edge(kv, n + x);
    }
    for (Index r : c.recipients)
      add_edge(person_vertex(r), kv);
  }
  // Reporting to one's own line manager: from each covered unit to its line manager, and from
  // the unit's manager to the line manager above them.
  for (const Index u : preorder) {
    const Index p = org.units[u].parent;
    if (p != no_index && lm_open[p]) lm_open[u] = 1;
    if (!lm_open[u]) continue;
    if (line_manager_[u] != no_index) add_edge(person_vertex(line_manager_[u]), u);
    const Index above = p == no_index ? no_index : line_manager_[p];
    if (org.units[u].manager != no_index && above != no_index) add_edge(person_vertex(above), 2 * n + u);
  }
  for (Index p = 0; p < people; ++p)
    add_edge(sink, person_vertex(p));

  const std::size_t total = sink + 1;
  // Reachability from the sink (forward in the reversed graph), by counting sort into CSR.
  std::vector<std::uint32_t> start(total + 1, 0), targets(edges.size());
  for (const auto& [from, to] : edges)
    ++start[from + 1];
  for (std::size_t v = 0; v < total; ++v)
    start[v + 1] += start[v];
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (const auto& [from, to] : edges)
      targets[fill[from]++] = to;
  }
  std::vector<char> reachable(total, 0);
  std::vector<std::uint32_t> queue{static_cast<std::uint32_t>(sink)};
  reachable[sink] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head)
    for (std::uint32_t k = start[queue[head]]; k < start[queue[head] + 1]; ++k)
      if (!reachable[targets[k]]) {
        reachable[targets[k]] = 1;
        queue.push_back(targets[k]);
      }
  edges.erase(std::remove_if(edges.begin(), edges.end(), [&](const auto& e) { return !reachable[e.first]; }),
              edges.end());
  const RouteGraph g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                     static_cast<std::uint32_t>(total));
  edges = {};
  std::vector<Vertex> idom(total, boost::graph_traits<RouteGraph>::null_vertex());
  boost::lengauer_tarjan_dominator_tree(
      g, static_cast<Vertex>(sink),
      boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, g)));

  // Pre/post numbers of the dominator tree, iteratively (it can be as deep as the unit tree).
  // Children lists of the dominator tree as compressed rows (first_child[v] .. first_child[v+1]).
  reached_.assign(total, 0);
  const auto none = boost::graph_traits<RouteGraph>::null_vertex();
  std::vector<std::uint32_t> first_child(total + 1, 0), child(total);
  for (std::size_t v = 0; v < total; ++v)
    if (idom[v] != none) {
      ++first_child[idom[v] + 1];
      reached_[v] = 1;
    }
  reached_[sink] = 1;
  for (std::size_t v = 0; v < total; ++v)
    first_child[v + 1] += first_child[v];
  {
    std::vector<std::uint32_t> fill(first_child.begin(), first_child.end() - 1);
    for (std::size_t v = 0; v < total; ++v)
      if (idom[v] != none) child[fill[idom[v]]++] = static_cast<std::uint32_t>(v);
  }
  dom_in_.assign(total, 0);
  dom_out_.assign(total, 0);
  std::vector<std::uint32_t> order;  // dominator-tree pre-order
  order.reserve(total);
  {
    std::vector<std::pair<std::uint32_t, std::size_t>> stack{{static_cast<std::uint32_t>(sink), 0}};
    std::uint32_t clock = 0;
    dom_in_[sink] = clock++;
    order.push_back(static_cast<std::uint32_t>(sink));
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      if (first_child[v] + next < first_child[v + 1]) {
        const std::uint32_t c = child[first_child[v] + next++];
        dom_in_[c] = clock++;
        order.push_back(c);
        stack.emplace_back(c, 0);
      } else {
        dom_out_[v] = clock;
        stack.pop_back();
      }
    }
  }
  // Staff behind a person: the headcounts of the unit starts in its dominator subtree.
  std::vector<std::uint64_t> staff(total, 0);
  for (Index u = 0; u < n; ++u)
    staff[u] = org.units[u].headcount.value_or(0);
  for (std::size_t k = order.size(); k-- > 1;) {
    const auto v = order[k];
    staff[idom[v]] += staff[v];
  }
  staff_behind_.assign(people, 0);
  for (Index p = 0; p < people; ++p)
    staff_behind_[p] = staff[person_vertex(p)];
  routes_built_ = true;
}

std::uint64_t OrgGraph::staff_behind(Index person) const {
  build_routes();
  return staff_behind_[person];
}

bool OrgGraph::has_route(Index unit) const {
  build_routes();
  return reached_[unit] != 0;
}

bool OrgGraph::dominated(Index person, std::size_t start) const {
  build_routes();
  const std::size_t p = person_vertex(person);
  return reached_[start] && reached_[p] && dom_in_[p] <= dom_in_[start] && dom_in_[start] < dom_out_[p];
}

bool OrgGraph::on_every_route(Index person, Index unit) const {
  return dominated(person, unit);
}

bool OrgGraph::manager_has_route(Index unit) const {
  build_routes();
  return reached_[2 * org_.units.size() + unit] != 0;
}

bool OrgGraph::on_every_manager_route(Index person, Index unit) const {
  return dominated(person, 2 * org_.units.size() + unit);
}

}  // namespace trygg::detail
