// SPDX-License-Identifier: MIT
// effect: the effect of the routine was followed up, not only whether it was carried out
// (seed 001, the police's weak follow-up of effects; AFS 2023:1 13 §; DL 3 kap. step 4).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Effect final : public Evaluator {
 public:
  Effect()
      : Evaluator("effect", "the effect of some routine implementing the measure was followed up within the period",
                  {{"within", CheckParam::Kind::duration, ParamDefault::cadence_else(Duration{1, 0, 0}), {}}},
                  {"effect.pass", "effect.stale", "effect.fail", "effect.expected", "effect.found", "common.no-routine",
                   "common.no-routines-section", "effect.future", "common.found-future"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const Duration within = in.rule.resolved_params.duration("within");
    const Message expected{"effect.expected", {{"within", within.to_string()}}};
    if (without_routines(in, expected, out)) return;
    const auto& ctx = in.ctx;
    std::optional<Date> last;
    std::string pointer;
    FutureDate future;
    for (auto i : ctx.routines_of(in.measure_index)) {
      const auto& e = ctx.org.routines[i].effect_followed_up;
      if (!e) continue;
      if (e->date > ctx.as_of) {
        future.consider(e->date, ctx.as_of, ctx.routine_pointer(i) + "/effect_followed_up/date");
        continue;
      }
      if (!last || e->date > *last) {
        last = e->date;
        pointer = ctx.routine_pointer(i) + "/effect_followed_up";
      }
    }
    if (!last) {
      if (future.date)
        out.push_back(org_outcome(in, Status::not_assessed, Message{"effect.future"}, expected,
                                  future_found(future, ctx.as_of), {future.pointer}));
      else
        out.push_back(org_outcome(in, Status::fail, Message{"effect.fail"}, expected, Message{"common.found-none"},
                                  routine_evidence(in)));
      return;
    }
    const Date due = *last + within;
    const bool current = due >= ctx.as_of;
    Outcome o = org_outcome(in, current ? Status::pass : Status::fail,
                            Message{current ? "effect.pass" : "effect.stale", {{"date", last->to_string()}}}, expected,
                            Message{"effect.found", {{"date", last->to_string()}}}, {pointer});
    o.next_due = due;
    out.push_back(std::move(o));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    if (e.passing)
      e.routine["effect_followed_up"] = {{"date", e.recent}, {"method", "review"}, {"outcome", "effective"}};
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& effect() {
  static const Effect e;
  return e;
}
}  // namespace trygg::detail::eval
