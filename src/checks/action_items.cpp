// SPDX-License-Identifier: MIT
// action_items: the organisation's own action plan rows for the measure's area of work each
// have an owner and a deadline, none is overdue, and completed ones were checked
// (AFS 2023:1 13 §: measures not taken at once go into a written action plan saying who
// does what and by when; completed measures are checked).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class ActionItems final : public Evaluator {
 public:
  ActionItems()
      : Evaluator("action_items",
                  "every row of the organisation's action plan has an owner and a deadline, none is "
                  "overdue, and completed rows were verified",
                  {},
                  {"action-items.pass", "action-items.fail", "action-items.empty", "action-items.not-assessed",
                   "action-items.expected", "action-items.found", "common.found-not-reported"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& org = in.ctx.org;
    const Message expected{"action-items.expected"};
    if (!org.has_action_plan) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"action-items.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    if (org.action_plan.empty()) {
      // Nothing to judge: a plan is only needed for measures not taken at once.
      out.push_back(org_outcome(in, Status::not_applicable, Message{"action-items.empty"}, expected,
                                Message{"action-items.empty"}, {"/action_plan"}));
      return;
    }
    std::size_t no_owner = 0, no_due = 0, overdue = 0, unverified = 0;
    std::vector<std::string> evidence;
    for (std::size_t i = 0; i < org.action_plan.size(); ++i) {
      const auto& a = org.action_plan[i];
      const std::string ptr = "/action_plan/" + std::to_string(i);
      bool bad = false;
      if (a.owner == no_index) ++no_owner, bad = true;
      if (!a.due) ++no_due, bad = true;
      const bool done = a.done && *a.done <= in.ctx.as_of;
      if (!done && a.due && *a.due < in.ctx.as_of) ++overdue, bad = true;
      if (done && !(a.verified && *a.verified <= in.ctx.as_of)) ++unverified, bad = true;
      if (bad) evidence.push_back(ptr);
    }
    const Message found{"action-items.found",
                        {{"count", std::to_string(org.action_plan.size())},
                         {"no_owner", std::to_string(no_owner)},
                         {"no_due", std::to_string(no_due)},
                         {"overdue", std::to_string(overdue)},
                         {"unverified", std::to_string(unverified)}}};
    if (evidence.empty()) {
      out.push_back(org_outcome(in, Status::pass,
                                Message{"action-items.pass", {{"count", std::to_string(org.action_plan.size())}}},
                                expected, found, {"/action_plan"}));
    } else {
      const std::size_t bad = evidence.size();  // counted before evidence is moved below
      const Status s = bad == org.action_plan.size() ? Status::fail : Status::partial;
      out.push_back(
          org_outcome(in, s,
                      Message{"action-items.fail",
                              {{"bad", std::to_string(bad)}, {"count", std::to_string(org.action_plan.size())}}},
                      expected, found, std::move(evidence)));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    nlohmann::json item{{"id", "ap-1"}, {"title", "example"}, {"measure", e.measure.id}};
    if (e.passing) {
      item["owner"] = "p-1";
      item["due"] = within_calendar(e.as_of + Duration{0, 1, 0}).to_string();
    } else {
      item["due"] = within_calendar(e.as_of - Duration{0, 1, 0}).to_string();
    }
    e.org["action_plan"].push_back(std::move(item));
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& action_items() {
  static const ActionItems e;
  return e;
}
}  // namespace trygg::detail::eval
