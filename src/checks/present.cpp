// SPDX-License-Identifier: MIT
// present: something in the organisation implements the measure (seed 004, "Finns idag").
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Present final : public Evaluator {
 public:
  Present()
      : Evaluator("present", "some routine, activity, channel or survey implements the measure", {},
                  {"present.pass", "present.fail", "present.not-assessed", "present.expected", "common.found-ids",
                   "common.found-none", "common.found-not-reported"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    std::vector<std::string> ids, evidence;
    for (auto i : ctx.routines_of(in.measure_index)) {
      ids.push_back(ctx.org.routines[i].id);
      evidence.push_back(ctx.routine_pointer(i));
    }
    for (auto i : ctx.activities_of(in.measure_index)) {
      ids.push_back(ctx.org.activities[i].id);
      evidence.push_back(ctx.activity_pointer(i));
    }
    for (auto i : ctx.channels_of(in.measure_index)) {
      ids.push_back(ctx.org.channels[i].id);
      evidence.push_back(ctx.channel_pointer(i));
    }
    for (auto i : ctx.surveys_of(in.measure_index)) {
      ids.push_back(ctx.org.surveys[i].id);
      evidence.push_back(ctx.survey_pointer(i));
    }
    const Message expected{"present.expected"};
    if (!ids.empty()) {
      out.push_back(org_outcome(in, Status::pass, Message{"present.pass", {{"ids", join(ids)}}}, expected,
                                Message{"common.found-ids", {{"ids", join(ids)}}}, std::move(evidence)));
    } else if (!occurrences_reported(ctx.org) && !ctx.org.has_channels) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"present.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
    } else {
      out.push_back(org_outcome(in, Status::fail, Message{"present.fail"}, expected, Message{"common.found-none"}));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    // Failing: nothing implements the measure.
    return e.passing ? ExampleRoutine::keep : ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& present() {
  static const Present e;
  return e;
}
}  // namespace trygg::detail::eval
