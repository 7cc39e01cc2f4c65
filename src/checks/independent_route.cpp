// SPDX-License-Identifier: MIT
// independent_route: every unit, and every manager, has a reporting route to a recipient
// that does not pass through its own line manager (AFS 2023:2 2 kap. 11 §, general advice: a
// higher manager or a safety representative when the nearest manager cannot be used; seed 004,
// Signalsystem). Judged for all units at once from the post-dominator tree of the routes.
#include "../org_graph.hpp"
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class IndependentRoute final : public Evaluator {
 public:
  IndependentRoute()
      : Evaluator("independent_route",
                  "every unit and every manager can report to someone other than their own line manager", {},
                  {"route.pass", "route.partial", "route.fail", "route.not-assessed", "route.expected", "route.found",
                   "route.unit-none", "route.unit-only-manager", "route.manager-only-own", "route.manager-none",
                   "route.unit-expected", "common.found-not-reported"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const auto& org = ctx.org;
    const Message expected{"route.expected"};
    if (!org.has_channels || !org.has_people) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"route.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    const OrgGraph& g = ctx.graph();
    std::vector<Outcome> units;
    for (const Index u : ctx.preorder()) {
      Message why;
      Index through = no_index;
      const Index own = g.line_manager(u);
      const Index manager = org.units[u].manager;
      const Index parent = org.units[u].parent;
      const Index above = parent == no_index ? no_index : g.line_manager(parent);
      if (!g.has_route(u)) {
        why = Message{"route.unit-none"};
      } else if (own != no_index && g.on_every_route(own, u)) {
        why = Message{"route.unit-only-manager", {{"person", org.people[own].id}}};
        through = own;
      } else if (manager != no_index && !g.manager_has_route(u)) {
        // The unit's manager has no route at all (for example the top manager, when the only
        // channel is to one's line manager).
        why = Message{"route.manager-none", {{"manager", org.people[manager].id}}};
      } else if (manager != no_index && above != no_index && above != manager && g.on_every_manager_route(above, u)) {
        // The unit's manager can only report to their own manager.
        why =
            Message{"route.manager-only-own", {{"manager", org.people[manager].id}, {"person", org.people[above].id}}};
        through = above;
      } else {
        continue;
      }
      Outcome o;
      o.subject = unit_subject(org, u);
      o.status = Status::fail;
      o.message = std::move(why);
      o.expected = Message{"route.unit-expected"};
      o.found = o.message;
      o.evidence = {ctx.unit_pointer(u)};
      if (through != no_index) o.evidence.push_back("/people/" + std::to_string(through));
      units.push_back(std::move(o));
    }
    unit_verdicts(in, "route", expected, {"/channels"}, units, out);
  }
  ExampleRoutine example(ExampleInput& e) const override {
    example_routes(e);
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& independent_route() {
  static const IndependentRoute e;
  return e;
}
}  // namespace trygg::detail::eval
