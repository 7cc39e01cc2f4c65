// SPDX-License-Identifier: MIT
// elements: the written routines for a measure together state what such a routine must
// state (for example DL 3 kap. 6 §: whom to turn to, what the employer does, who investigates).
#include <algorithm>
#include <set>

#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Elements final : public Evaluator {
 public:
  Elements()
      : Evaluator("elements", "the written routines for the measure together state every required element",
                  {{"elements", CheckParam::Kind::elements, ParamDefault::elements_of_measure(), {}}},
                  {"elements.pass", "elements.partial", "elements.fail", "elements.expected", "elements.found",
                   "elements.found-none", "elements.not-reported", "elements.found-not-reported", "common.no-routine",
                   "common.no-routines-section"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const std::vector<std::string> required = required_elements(in.rule, in.measure);
    const Message expected{"elements.expected", {{"measure", in.measure.id}, {"elements", join(required)}}};
    if (without_routines(in, expected, out)) return;
    // Elements count only from routines not known to be unwritten: an unwritten routine
    // states nothing a reader can check. Routines whose "written" is not reported count.
    // A routine that does not report its elements may state any of them: what it leaves
    // missing is then not known (absent = not reported; an empty list = none).
    std::set<std::string> stated;
    std::vector<std::string> evidence, unreported, unreported_ids;
    for (auto i : in.ctx.routines_of(in.measure_index)) {
      const auto& r = in.ctx.org.routines[i];
      if (r.written == false) continue;
      if (!r.elements) {
        unreported.push_back(in.ctx.routine_pointer(i));
        unreported_ids.push_back(r.id);
        continue;
      }
      for (const auto& e : *r.elements)
        stated.insert(e);
      if (!r.elements->empty()) evidence.push_back(in.ctx.routine_pointer(i) + "/elements");
    }
    std::vector<std::string> present, missing;
    for (const auto& e : required)
      (stated.count(e) ? present : missing).push_back(e);
    // With none stated, the list after "stated:" would be empty (issue 14): a message of its own.
    const Message found = present.empty() ? Message{"elements.found-none", {{"total", std::to_string(required.size())}}}
                                          : Message{"elements.found",
                                                    {{"measure", in.measure.id},
                                                     {"elements", join(present)},
                                                     {"count", std::to_string(present.size())},
                                                     {"total", std::to_string(required.size())}}};
    if (missing.empty()) {
      out.push_back(org_outcome(in, Status::pass, Message{"elements.pass"}, expected, found, std::move(evidence)));
    } else if (!unreported.empty()) {
      out.push_back(org_outcome(
          in, Status::not_assessed,
          Message{"elements.not-reported", {{"measure", in.measure.id}, {"missing", join(missing)}}}, expected,
          Message{"elements.found-not-reported", {{"ids", join(unreported_ids)}}}, std::move(unreported)));
    } else {
      const Status s = present.empty() ? Status::fail : Status::partial;
      out.push_back(org_outcome(in, s,
                                Message{s == Status::fail ? "elements.fail" : "elements.partial",
                                        {{"measure", in.measure.id}, {"missing", join(missing)}}},
                                expected, found, evidence.empty() ? routine_evidence(in) : std::move(evidence)));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    e.routine["elements"] = e.passing ? nlohmann::json(required_elements(e.rule, e.measure)) : nlohmann::json::array();
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& elements() {
  static const Elements e;
  return e;
}
}  // namespace trygg::detail::eval
