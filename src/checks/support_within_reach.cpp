// SPDX-License-Identifier: MIT
// support_within_reach: every unit can reach each kind of support function (seed 004,
// Stödfunktioner: HR, safety representatives, union representatives, occupational health,
// equality officers). A holder serves the units in "serves" (else their own unit), each with
// its subtree; the nearest holder of a unit is the one serving its closest ancestor-or-self.
#include <algorithm>

#include "../org_graph.hpp"
#include "../vocabulary.hpp"
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class SupportWithinReach final : public Evaluator {
 public:
  SupportWithinReach()
      : Evaluator("support_within_reach", "every unit is served by a holder of each kind of support role",
                  {{"roles",
                    CheckParam::Kind::roles,
                    ParamDefault::fixed(std::vector<std::string>{"hr-specialist", "safety-representative",
                                                                 "union-representative", "occupational-health",
                                                                 "equality-officer"}),
                    {}}},
                  {"support.pass", "support.partial", "support.fail", "support.not-assessed", "support.expected",
                   "support.found", "support.unit-missing", "support.unit-expected", "support.roles-not-reported",
                   "common.roles-not-reported", "common.found-not-reported"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const auto& org = ctx.org;
    const auto& roles = in.rule.resolved_params.list("roles");
    const Message expected{"support.expected", {{"roles", join(roles)}}};
    if (!org.has_people) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"support.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    const OrgGraph& g = ctx.graph();
    const std::size_t n = org.units.size();
    // nearest[r][u]: the nearest holder of role r for unit u, by one pass down the tree.
    std::vector<std::vector<Index>> nearest(roles.size(), std::vector<Index>(n, no_index));
    for (std::size_t r = 0; r < roles.size(); ++r) {
      auto& near = nearest[r];
      for (Index p = 0; p < org.people.size(); ++p)
        if (org.people[p].has_role(roles[r]))
          for (Index s : g.served_by(p))
            if (near[s] == no_index) near[s] = p;
      for (const Index u : ctx.preorder())
        if (near[u] == no_index && org.units[u].parent != no_index) near[u] = near[org.units[u].parent];
    }
    // A unit without a holder of a role fails only when `people` is reported complete for that
    // role (reported_roles); otherwise a holder may exist who is not listed.
    std::vector<Outcome> gaps;
    std::vector<char> unknown(roles.size(), 0);
    for (const Index u : ctx.preorder()) {
      std::vector<std::string> missing;
      std::vector<std::string> evidence{ctx.unit_pointer(u)};
      for (std::size_t r = 0; r < roles.size(); ++r) {
        if (nearest[r][u] != no_index)
          evidence.push_back("/people/" + std::to_string(nearest[r][u]));
        else if (org.role_reported(roles[r]))
          missing.push_back(roles[r]);
        else
          unknown[r] = 1;
      }
      if (missing.empty()) continue;
      Outcome o;
      o.subject = unit_subject(org, u);
      o.status = Status::fail;
      o.message = Message{"support.unit-missing", {{"roles", join(missing)}}};
      o.expected = Message{"support.unit-expected", {{"roles", join(roles)}}};
      o.found = o.message;
      o.evidence = std::move(evidence);  // the unit, then the nearest holders it does have
      gaps.push_back(std::move(o));
    }
    std::vector<std::string> unreported;
    for (std::size_t r = 0; r < roles.size(); ++r)
      if (unknown[r]) unreported.push_back(roles[r]);
    if (gaps.empty() && !unreported.empty()) {
      out.push_back(org_outcome(in, Status::not_assessed,
                                Message{"support.roles-not-reported", {{"roles", join(unreported)}}}, expected,
                                Message{"common.roles-not-reported", {{"roles", join(unreported)}}}, {"/people"}));
      return;
    }
    unit_verdicts(in, "support", expected, {"/people"}, gaps, out);
  }
  ExampleRoutine example(ExampleInput& e) const override {
    // The check judges who holds a role: the list must be complete.
    e.org["reported_roles"] = vocabulary::roles;
    std::vector<std::string> roles = e.rule.resolved_params.list("roles");
    // Failing: one kind of support is missing (not "manager", which p-1 holds anyway).
    const auto drop = std::find_if(roles.rbegin(), roles.rend(), [](const std::string& r) { return r != "manager"; });
    if (!e.passing && drop != roles.rend()) roles.erase(std::next(drop).base());
    e.org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", roles}});
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& support_within_reach() {
  static const SupportWithinReach e;
  return e;
}
}  // namespace trygg::detail::eval
