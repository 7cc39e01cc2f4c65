// SPDX-License-Identifier: MIT
// impartiality: investigators and exit interviewers are not in the line of management above
// the units they serve (AFS 2023:2 2 kap. 11 §, general advice: the investigator should be
// impartial; seed 004, Signalsystem: exit interviews held by someone other than one's own
// manager).
#include "../org_graph.hpp"
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Impartiality final : public Evaluator {
 public:
  Impartiality()
      : Evaluator("impartiality",
                  "investigators or exit interviewers are outside the line of management of the units "
                  "they serve",
                  {{"of",
                    CheckParam::Kind::choice,
                    ParamDefault::fixed("investigators"),
                    {"investigators", "exit-interviewers"}}},
                  {"impartial.pass", "impartial.fail", "impartial.none", "impartial.not-assessed", "impartial.expected",
                   "impartial.found", "common.found-not-reported"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const auto& org = ctx.org;
    const std::string& of = in.rule.resolved_params.text("of");
    const Message expected{"impartial.expected", {{"of", of}}};
    const bool interviews = of == "exit-interviewers";
    if (!org.has_people || (interviews && !org.has_activities)) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"impartial.not-assessed", {{"of", of}}}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    const OrgGraph& g = ctx.graph();
    // A conflict: a unit the person manages overlaps a subtree they serve (the managed unit
    // is in it, or above it), so some of the people concerned report to them.
    auto conflicted = [&](Index person, std::span<const Index> units) {
      if (units.empty()) return !g.managed(person).empty();  // the whole organisation
      for (Index u : units)
        for (Index m : g.managed(person))
          if (g.contains(m, u) || g.contains(u, m)) return true;
      return false;
    };
    std::size_t judged = 0;
    std::vector<std::string> ids, evidence;
    if (interviews) {
      for (Index i = 0; i < org.activities.size(); ++i) {
        const auto& a = org.activities[i];
        if (a.kind != "exit-interview" || a.held_by == no_index) continue;
        ++judged;
        if (conflicted(a.held_by, a.units)) {
          ids.push_back(a.id);
          evidence.push_back(ctx.activity_pointer(i) + "/held_by");
        }
      }
    } else {
      for (Index p = 0; p < org.people.size(); ++p) {
        if (!org.people[p].has_role("investigator")) continue;
        ++judged;
        // An investigator who serves no unit (no "serves", no unit) conflicts with none.
        if (!g.served_by(p).empty() && conflicted(p, g.served_by(p))) {
          ids.push_back(org.people[p].id);
          evidence.push_back("/people/" + std::to_string(p));
        }
      }
    }
    const Message found{"impartial.found", {{"count", std::to_string(judged)}, {"bad", std::to_string(ids.size())}}};
    if (judged == 0)
      out.push_back(org_outcome(in, Status::not_assessed, Message{"impartial.none", {{"of", of}}}, expected, found,
                                {interviews ? "/activities" : "/people"}));
    else if (ids.empty())
      out.push_back(org_outcome(in, Status::pass, Message{"impartial.pass", {{"of", of}}}, expected, found));
    else
      out.push_back(org_outcome(in, ids.size() == judged ? Status::fail : Status::partial,
                                Message{"impartial.fail", {{"ids", join(ids)}}}, expected, found, std::move(evidence)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    // Passing: someone outside the line of management; failing: the unit's own manager.
    const std::string who = e.passing ? "p-2" : "p-1";
    e.org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", {"hr-specialist"}}});
    if (e.rule.resolved_params.text("of") == "exit-interviewers") {
      e.org["activities"].push_back({{"id", "a-1"},
                                     {"kind", "exit-interview"},
                                     {"measures", {e.measure.id}},
                                     {"date", e.recent},
                                     {"held_by", who}});
    } else {
      for (auto& p : e.org["people"])
        if (p["id"] == who) p["roles"].push_back("investigator");
    }
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& impartiality() {
  static const Impartiality e;
  return e;
}
}  // namespace trygg::detail::eval
