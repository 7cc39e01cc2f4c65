// SPDX-License-Identifier: MIT
// owner: someone is responsible for the routine (AFS 2023:1 9 §, task distribution; seed 001
// on follow-up that faded when nobody held it).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Owner final : public Evaluator {
 public:
  Owner()
      : Evaluator("owner", "some routine implementing the measure names an owner", {},
                  {"owner.pass", "owner.fail", "owner.expected", "owner.found", "owner.not-reported",
                   "common.no-routine", "common.no-routines-section"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const Message expected{"owner.expected"};
    if (without_routines(in, expected, out)) return;
    // A routine without an owner counts against the rule only when the input says so
    // ("owner": null); a left-out owner is not reported (docs/input-format.md, Principles).
    std::size_t owned = 0, unreported = 0, total = 0;
    std::vector<std::string> evidence;
    for (auto i : in.ctx.routines_of(in.measure_index)) {
      ++total;
      const auto& r = in.ctx.org.routines[i];
      if (r.owner != no_index) {
        ++owned;
        evidence.push_back(in.ctx.routine_pointer(i) + "/owner");
      } else if (!r.no_owner) {
        ++unreported;
      }
    }
    const Message found{"owner.found", {{"owned", std::to_string(owned)}, {"total", std::to_string(total)}}};
    if (owned > 0)
      out.push_back(org_outcome(in, Status::pass, Message{"owner.pass"}, expected, found, std::move(evidence)));
    else if (unreported > 0)
      out.push_back(
          org_outcome(in, Status::not_assessed, Message{"owner.not-reported"}, expected, found, routine_evidence(in)));
    else
      out.push_back(org_outcome(in, Status::fail, Message{"owner.fail"}, expected, found, routine_evidence(in)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    if (!e.passing) e.routine["owner"] = nullptr;  // reported: nobody owns it
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& owner() {
  static const Owner e;
  return e;
}
}  // namespace trygg::detail::eval
