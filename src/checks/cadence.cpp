// SPDX-License-Identifier: MIT
// cadence: a recurring measure happened, or its routine was reviewed, within its cadence
// (AFS 2023:1 14 §, yearly follow-up; seed 003, routines revised every year).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Cadence final : public Evaluator {
 public:
  Cadence()
      : Evaluator("cadence", "the latest review or occurrence of the measure is within its cadence",
                  {{"cadence", CheckParam::Kind::duration, ParamDefault::cadence_else(Duration{1, 0, 0}), {}}},
                  {"cadence.pass", "cadence.fail", "cadence.none", "cadence.not-assessed", "cadence.expected",
                   "cadence.found", "cadence.found-no-date", "cadence.future", "common.found-future"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const Duration every = in.rule.resolved_params.duration("cadence");
    const Message expected{"cadence.expected", {{"cadence", every.to_string()}}};
    const auto latest = latest_occurrence(in);
    const auto& last = latest.date;
    if (!latest.any) {
      const bool reported = occurrences_reported(ctx.org);
      out.push_back(org_outcome(in, reported ? Status::fail : Status::not_assessed,
                                Message{reported ? "cadence.none" : "cadence.not-assessed"}, expected,
                                Message{reported ? "common.found-none" : "common.found-not-reported"}));
      return;
    }
    if (!last) {
      out.push_back(undated(in, latest, expected, "cadence.future", "cadence.not-assessed"));
      return;
    }
    const Date due = *last + every;
    const Message found{"cadence.found", {{"date", last->to_string()}, {"due", due.to_string()}}};
    Outcome o = org_outcome(in, due >= ctx.as_of ? Status::pass : Status::fail,
                            Message{due >= ctx.as_of ? "cadence.pass" : "cadence.fail",
                                    {{"date", last->to_string()}, {"due", due.to_string()}}},
                            expected, found, {latest.pointer});
    o.next_due = due;
    out.push_back(std::move(o));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    e.routine["adopted"] = e.passing ? e.recent : within_calendar(e.as_of - Duration{10, 0, 0}).to_string();
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& cadence() {
  static const Cadence e;
  return e;
}
}  // namespace trygg::detail::eval
