// SPDX-License-Identifier: MIT
// owner: someone is responsible for the routine (AFS 2023:1 9 §, task distribution; seed 001
// on follow-up that faded when nobody held it).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Owner final : public Evaluator {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo i{"owner",
                             "some routine implementing the measure names an owner",
                             {},
                             {"owner.pass", "owner.fail", "owner.expected", "owner.found", "common.no-routine",
                              "common.no-routines-section"}};
    return i;
  }
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const Message expected{"owner.expected"};
    if (without_routines(in, expected, out)) return;
    std::size_t owned = 0, total = 0;
    std::vector<std::string> evidence;
    for (auto i : in.ctx.routines_of(in.measure_index)) {
      ++total;
      if (in.ctx.org.routines[i].owner != no_index) {
        ++owned;
        evidence.push_back(in.ctx.routine_pointer(i) + "/owner");
      }
    }
    const Message found{"owner.found", {{"owned", std::to_string(owned)}, {"total", std::to_string(total)}}};
    if (owned > 0)
      out.push_back(org_outcome(in, Status::pass, Message{"owner.pass"}, expected, found, std::move(evidence)));
    else
      out.push_back(org_outcome(in, Status::fail, Message{"owner.fail"}, expected, found, routine_evidence(in)));
  }
};
}  // namespace
const Evaluator& owner() {
  static const Owner e;
  return e;
}
}  // namespace trygg::detail::eval
