// SPDX-License-Identifier: MIT
// communicated: the routine was made known, on a date and through a channel (AFS 2023:2
// 2 kap. 11 §: the routine is known to every employee; seed 004: easily accessible information).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Communicated final : public Evaluator {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo i{
        "communicated",
        "some routine implementing the measure was communicated, with a date and a channel",
        {},
        {"communicated.pass", "communicated.partial", "communicated.fail", "communicated.expected",
         "communicated.found", "communicated.found-no-channel", "common.no-routine", "common.no-routines-section"}};
    return i;
  }
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const Message expected{"communicated.expected"};
    if (without_routines(in, expected, out)) return;
    const auto& ctx = in.ctx;
    std::optional<Index> full, dated;
    for (auto i : ctx.routines_of(in.measure_index)) {
      const auto& c = ctx.org.routines[i].communicated;
      if (!c || c->date > ctx.as_of) continue;
      if (!c->channels.empty() && !full) full = i;
      if (!dated) dated = i;
    }
    if (full) {
      const auto& c = *ctx.org.routines[*full].communicated;
      out.push_back(
          org_outcome(in, Status::pass, Message{"communicated.pass"}, expected,
                      Message{"communicated.found", {{"date", c.date.to_string()}, {"channels", join(c.channels)}}},
                      {ctx.routine_pointer(*full) + "/communicated"}));
    } else if (dated) {
      const auto& c = *ctx.org.routines[*dated].communicated;
      out.push_back(org_outcome(in, Status::partial, Message{"communicated.partial"}, expected,
                                Message{"communicated.found-no-channel", {{"date", c.date.to_string()}}},
                                {ctx.routine_pointer(*dated) + "/communicated"}));
    } else {
      out.push_back(org_outcome(in, Status::fail, Message{"communicated.fail"}, expected, Message{"common.found-none"},
                                routine_evidence(in)));
    }
  }
};
}  // namespace
const Evaluator& communicated() {
  static const Communicated e;
  return e;
}
}  // namespace trygg::detail::eval
