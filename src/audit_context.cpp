// SPDX-License-Identifier: MIT
#include "audit_context.hpp"

#include <algorithm>

#include "org_graph.hpp"

namespace trygg::detail {

AuditContext::AuditContext(const Organisation& org_, const Framework& fw_, Date as_of_)
    : org(org_), fw(fw_), as_of(as_of_) {
  // Pre-order of the unit tree via an explicit stack (no recursion: trees can be deep).
  const std::size_t n = org.units.size();
  std::vector<Index> first_child(n, no_index), next_sibling(n, no_index);
  for (Index i = static_cast<Index>(n); i-- > 0;) {  // reverse, so siblings keep input order
    const Index p = org.units[i].parent;
    if (p == no_index) continue;
    next_sibling[i] = first_child[p];
    first_child[p] = i;
  }
  preorder_.reserve(n);
  if (n > 0) {
    std::vector<Index> stack{org.root()};
    while (!stack.empty()) {
      const Index u = stack.back();
      stack.pop_back();
      preorder_.push_back(u);
      std::vector<Index> kids;
      for (Index c = first_child[u]; c != no_index; c = next_sibling[c])
        kids.push_back(c);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it)
        stack.push_back(*it);
    }
  }

  const std::size_t m = fw.measures().size();
  routines_by_measure_.resize(m);
  activities_by_measure_.resize(m);
  channels_by_measure_.resize(m);
  surveys_by_measure_.resize(m);
  auto add = [&](std::vector<std::vector<Index>>& by, const std::vector<std::string>& ids, Index i) {
    for (const auto& id : ids)
      if (auto k = fw.measure_index(id)) by[*k].push_back(i);
  };
  for (Index i = 0; i < org.routines.size(); ++i)
    if (!org.routines[i].placeholder) add(routines_by_measure_, org.routines[i].measures, i);
  for (Index i = 0; i < org.activities.size(); ++i)
    add(activities_by_measure_, org.activities[i].measures, i);
  for (Index i = 0; i < org.channels.size(); ++i)
    add(channels_by_measure_, org.channels[i].measures, i);
  for (Index i = 0; i < org.surveys.size(); ++i)
    add(surveys_by_measure_, org.surveys[i].measures, i);

  std::vector<char> is_manager(org.people.size(), 0);
  for (const auto& u : org.units)
    if (u.manager != no_index) is_manager[u.manager] = 1;
  for (Index i = 0; i < org.people.size(); ++i)
    if (org.people[i].has_role("manager")) is_manager[i] = 1;
  for (Index i = 0; i < org.people.size(); ++i)
    if (is_manager[i]) managers_.push_back(i);
}

AuditContext::~AuditContext() = default;

const OrgGraph& AuditContext::graph() const {
  if (!graph_) graph_ = std::make_unique<OrgGraph>(org, preorder_);
  return *graph_;
}

std::vector<char> AuditContext::coverage(const std::vector<const std::vector<Index>*>& unit_lists) const {
  std::vector<char> covered(org.units.size(), 0);
  for (const auto* list : unit_lists) {
    if (list->empty()) return std::vector<char>(org.units.size(), 1);  // the whole organisation
    for (auto u : *list)
      covered[u] = 1;
  }
  for (auto u : preorder_) {  // parents come first, so one pass inherits coverage downwards
    const Index p = org.units[u].parent;
    if (p != no_index && covered[p]) covered[u] = 1;
  }
  return covered;
}

std::vector<AuditContext::Gap> AuditContext::coverage_gaps(const std::vector<char>& covered) const {
  // Coverage is inherited downwards, so the uncovered units form a tree around the root.
  // Report each maximal subtree without any coverage once (at its top unit), and each
  // uncovered unit that has covered units below it on its own.
  std::vector<char> any_covered_below(org.units.size(), 0);
  for (auto it = preorder_.rbegin(); it != preorder_.rend(); ++it) {
    const Index u = *it, p = org.units[u].parent;
    if (p != no_index && (covered[u] || any_covered_below[u])) any_covered_below[p] = 1;
  }
  std::vector<Gap> gaps;
  for (auto u : preorder_) {
    if (covered[u]) continue;
    const Index p = org.units[u].parent;
    if (any_covered_below[u])
      gaps.push_back(Gap{u, false});
    else if (p == no_index || any_covered_below[p])
      gaps.push_back(Gap{u, true});
  }
  return gaps;
}

Subject organisation_subject(const Organisation& org) {
  (void)org;
  return Subject{Subject::Kind::organisation, no_index};
}

Subject unit_subject(const Organisation& org, Index unit) {
  (void)org;
  return Subject{Subject::Kind::unit, unit};
}

}  // namespace trygg::detail
