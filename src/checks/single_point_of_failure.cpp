// SPDX-License-Identifier: MIT
// single_point_of_failure: no one person is on every reporting route, or is the only support
// holder, for more staff than the limit. If that person is absent, conflicted or the one to
// be reported, those staff have nowhere to go (seed 004, Signalsystem and Stödfunktioner).
#include <algorithm>
#include <limits>

#include "../org_graph.hpp"
#include "../vocabulary.hpp"
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class SinglePointOfFailure final : public Evaluator {
 public:
  SinglePointOfFailure()
      : Evaluator(
            "single_point_of_failure",
            "no person is the only route or the only support holder for more staff than the limit",
            {{"max_staff", CheckParam::Kind::count, ParamDefault::fixed(std::uint64_t{200}), {}}},
            {"spof.pass", "spof.fail", "spof.not-assessed", "spof.expected", "spof.found", "spof.roles-not-reported",
             "spof.incomplete", "common.roles-not-reported", "common.found-not-reported"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const auto& org = ctx.org;
    const std::uint64_t limit = in.rule.resolved_params.count("max_staff");
    const Message expected{"spof.expected", {{"max", std::to_string(limit)}}};
    if (!org.has_people) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"spof.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    const OrgGraph& g = ctx.graph();
    // Staff for whom the person is the only holder of some support role: units served by
    // exactly one holder of a role, counted once per person.
    const std::size_t n = org.units.size();
    // Per person, the most staff for whom they are the only holder of one support role, and
    // which role (a person holding several sole roles is counted once, by the largest).
    // For a role whose holders are not reported complete (reported_roles), a listed holder only
    // seems to be the only one: more may exist. Their figures are kept apart and can only make
    // the rule "not assessed", never a failure (unlisted holders could only lower them).
    std::vector<std::uint64_t> sole_support(org.people.size(), 0), seeming_support(org.people.size(), 0);
    std::vector<std::string> sole_role(org.people.size()), seeming_role(org.people.size());
    // The support functions of seed 004 (Stödfunktioner), in a fixed order.
    static const std::vector<std::string> roles{
        "chief-safety-representative", "equality-officer",      "hr-specialist",
        "occupational-health",         "safety-representative", "union-representative"};
    std::vector<std::uint64_t> staff(org.people.size(), 0);
    for (const auto& role : roles) {
      // count[u]: holders serving u, 0, 1 (then who[u]) or 2 for "two or more", inherited down.
      std::vector<std::uint8_t> count(n, 0);
      std::vector<Index> who(n, no_index);
      for (Index p = 0; p < org.people.size(); ++p)
        if (org.people[p].has_role(role))
          for (Index s : g.served_by(p)) {
            if (who[s] != p) count[s] = static_cast<std::uint8_t>(std::min(2, count[s] + 1));
            who[s] = p;
          }
      std::fill(staff.begin(), staff.end(), 0);
      for (const Index u : ctx.preorder()) {
        const Index parent = org.units[u].parent;
        if (parent != no_index && count[parent] > 0) {
          if (count[u] == 0) {
            count[u] = count[parent];
            who[u] = who[parent];
          } else if (who[u] != who[parent] || count[parent] > 1) {
            count[u] = 2;
          }
        }
        if (count[u] == 1) staff[who[u]] += org.units[u].headcount.value_or(0);
      }
      const bool complete = org.role_reported(role);
      auto& most = complete ? sole_support : seeming_support;
      auto& which = complete ? sole_role : seeming_role;
      for (Index p = 0; p < org.people.size(); ++p)
        if (staff[p] > most[p]) {
          most[p] = staff[p];
          which[p] = role;
        }
    }
    std::vector<std::string> ids, evidence, seeming, seeming_evidence, seeming_roles;
    std::uint64_t worst = 0;
    for (Index p = 0; p < org.people.size(); ++p) {
      // Without a channels section there are no routes to judge, only support.
      const std::uint64_t routes = org.has_channels ? g.staff_behind(p) : 0, support = sole_support[p];
      worst = std::max({worst, routes, support});
      if (routes <= limit && support <= limit) {
        if (seeming_support[p] > limit) {
          seeming.push_back(org.people[p].id + " (" + std::to_string(seeming_support[p]) + ", " + seeming_role[p] +
                            ")");
          seeming_evidence.push_back("/people/" + std::to_string(p));
          if (std::find(seeming_roles.begin(), seeming_roles.end(), seeming_role[p]) == seeming_roles.end())
            seeming_roles.push_back(seeming_role[p]);
        }
        continue;
      }
      // Name what makes the person indispensable: every reporting route, or a support role.
      const bool by_routes = routes >= support;
      ids.push_back(org.people[p].id + " (" + std::to_string(by_routes ? routes : support) + ", " +
                    (by_routes ? std::string("routes") : sole_role[p]) + ")");
      evidence.push_back("/people/" + std::to_string(p));
    }
    const Message found{"spof.found", {{"staff", std::to_string(worst)}}};
    if (ids.empty() && !seeming.empty()) {
      std::sort(seeming_roles.begin(), seeming_roles.end());
      out.push_back(org_outcome(
          in, Status::not_assessed,
          Message{"spof.roles-not-reported", {{"people", join(seeming)}, {"max", std::to_string(limit)}}}, expected,
          Message{"common.roles-not-reported", {{"roles", join(seeming_roles)}}}, std::move(seeming_evidence)));
      return;
    }
    // No one seen is indispensable, but a pass also needs every support role's holders to be
    // known: an unlisted holder could be the only one for many staff.
    std::vector<std::string> unknown_roles;
    for (const auto& role : roles)
      if (!org.role_reported(role)) unknown_roles.push_back(role);
    if (ids.empty() && !unknown_roles.empty()) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"spof.incomplete", {{"roles", join(unknown_roles)}}},
                                expected, Message{"common.roles-not-reported", {{"roles", join(unknown_roles)}}},
                                {"/people"}));
      return;
    }
    if (ids.empty())
      out.push_back(org_outcome(in, Status::pass, Message{"spof.pass", {{"max", std::to_string(limit)}}}, expected,
                                found, {"/people"}));
    else
      out.push_back(org_outcome(in, Status::fail,
                                Message{"spof.fail", {{"people", join(ids)}, {"max", std::to_string(limit)}}}, expected,
                                found, std::move(evidence)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    // The check judges who holds a role: the list must be complete.
    e.org["reported_roles"] = vocabulary::roles;
    example_routes(e);
    // Failing: one more staff behind the line manager than the limit allows.
    const std::int64_t limit = static_cast<std::int64_t>(e.rule.resolved_params.count("max_staff"));
    // A unit holds at most 4294967295 staff, the largest limit; one more goes in a unit below.
    constexpr std::int64_t most = std::numeric_limits<std::uint32_t>::max();
    const std::int64_t staff = e.passing ? 0 : limit + 1;
    e.org["units"][0]["headcount"] = std::min(staff, most);
    if (staff > most) e.org["units"].push_back({{"id", "u-2"}, {"parent", "u-1"}, {"headcount", staff - most}});
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& single_point_of_failure() {
  static const SinglePointOfFailure e;
  return e;
}
}  // namespace trygg::detail::eval
