// SPDX-License-Identifier: MIT
// written: a routine for the measure is written down. AFS 2023:1 and DL 3 kap. 6 § ask for
// written routines; seed 004's "Organisation" area is about clarity, which needs writing.
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Written final : public Evaluator {
 public:
  Written()
      : Evaluator("written", "some routine implementing the measure is written down", {},
                  {"written.pass", "written.fail", "written.not-assessed", "written.expected", "written.found",
                   "common.no-routine", "common.no-routines-section"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const Message expected{"written.expected"};
    if (without_routines(in, expected, out)) return;
    std::size_t written = 0, reported = 0, total = 0;
    std::vector<std::string> evidence;
    for (auto i : in.ctx.routines_of(in.measure_index)) {
      const auto& r = in.ctx.org.routines[i];
      ++total;
      if (!r.written) continue;
      ++reported;
      if (*r.written) {
        ++written;
        evidence.push_back(in.ctx.routine_pointer(i) + "/written");
      }
    }
    const Message found{"written.found", {{"written", std::to_string(written)}, {"total", std::to_string(total)}}};
    if (written > 0) {
      out.push_back(org_outcome(in, Status::pass, Message{"written.pass"}, expected, found, std::move(evidence)));
    } else if (reported < total) {
      // Some routines do not say whether they are written, and none says it is: unknown.
      out.push_back(org_outcome(in, Status::not_assessed, Message{"written.not-assessed"}, expected, found,
                                routine_evidence(in)));
    } else {
      out.push_back(org_outcome(in, Status::fail, Message{"written.fail"}, expected, found, routine_evidence(in)));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    if (!e.passing) e.routine["written"] = false;
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& written() {
  static const Written e;
  return e;
}
}  // namespace trygg::detail::eval
