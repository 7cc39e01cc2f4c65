// SPDX-License-Identifier: MIT
// coverage: the routines for a measure cover every unit. A routine covers the units it
// names and everything below them; one that names none covers the whole organisation.
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class Coverage final : public Evaluator {
 public:
  Coverage()
      : Evaluator("coverage", "the routines implementing the measure cover every unit (inherited down the tree)", {},
                  {"coverage.pass", "coverage.partial", "coverage.fail", "coverage.unit-subtree", "coverage.unit-only",
                   "coverage.expected", "coverage.found", "coverage.unit-expected", "common.no-routine",
                   "common.no-routines-section"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const std::size_t units = ctx.org.units.size();
    const Message expected{"coverage.expected", {{"units", std::to_string(units)}}};
    if (without_routines(in, expected, out)) return;
    std::vector<const std::vector<Index>*> lists;
    for (auto i : ctx.routines_of(in.measure_index))
      lists.push_back(&ctx.org.routines[i].units);
    const auto covered = ctx.coverage(lists);
    std::size_t n_covered = 0;
    for (char c : covered)
      n_covered += c ? 1 : 0;
    const Message found{"coverage.found", {{"covered", std::to_string(n_covered)}, {"units", std::to_string(units)}}};
    const Status s = n_covered == units ? Status::pass : n_covered == 0 ? Status::fail : Status::partial;
    out.push_back(org_outcome(in, s,
                              Message{s == Status::pass   ? "coverage.pass"
                                      : s == Status::fail ? "coverage.fail"
                                                          : "coverage.partial"},
                              expected, found, routine_evidence(in)));
    if (s == Status::pass) return;
    for (const auto& gap : ctx.coverage_gaps(covered)) {
      Outcome o;
      o.subject = unit_subject(ctx.org, gap.unit);
      o.status = Status::fail;
      o.message = Message{gap.whole_subtree ? "coverage.unit-subtree" : "coverage.unit-only"};
      o.expected = Message{"coverage.unit-expected"};
      o.found = Message{"common.found-none"};
      o.evidence = {ctx.unit_pointer(gap.unit)};
      out.push_back(std::move(o));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    if (!e.passing) {
      // Two units; the routine covers only the lower one.
      e.org["units"].push_back({{"id", "u-2"}, {"parent", "u-1"}, {"headcount", 1}});
      e.routine["units"] = {"u-2"};
    }
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& coverage() {
  static const Coverage e;
  return e;
}
}  // namespace trygg::detail::eval
