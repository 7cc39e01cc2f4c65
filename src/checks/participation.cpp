// SPDX-License-Identifier: MIT
// participation: the routine was written or revised together with the employees and their
// representatives (AFS 2023:1 6 §; seed 003: employees revise the routines each year).
#include <algorithm>
#include <set>

#include "common.hpp"

namespace trygg::detail::eval {
namespace {
/// The role whose holders make up a party that takes part in writing routines (a party
/// without one, such as "employees", has no holders to list: empty).
std::string_view role_of_party(std::string_view party) {
  static constexpr std::pair<std::string_view, std::string_view> roles[]{
      {"managers", "manager"},
      {"safety-representatives", "safety-representative"},
      {"union-representatives", "union-representative"},
      {"hr", "hr-specialist"},
      {"occupational-health", "occupational-health"}};
  for (const auto& [p, r] : roles)
    if (p == party) return r;
  return {};
}

class Participation final : public Evaluator {
 public:
  Participation()
      : Evaluator(
            "participation", "some routine implementing the measure was made or revised with the required parties",
            {{"parties", CheckParam::Kind::parties, ParamDefault::fixed(std::vector<std::string>{"employees"}), {}},
             {"parties_where_present", CheckParam::Kind::parties, ParamDefault::fixed(std::vector<std::string>{}), {}}},
            {"participation.pass", "participation.partial", "participation.fail", "participation.not-assessed",
             "participation.found-nobody", "participation.expected", "participation.found", "common.no-routine",
             "common.no-routines-section"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    std::vector<std::string> required = in.rule.resolved_params.list("parties");
    // Parties required only where the organisation has them: "the employees and their
    // representatives" (aml § 2 A-6, ldl § 26) asks for union representatives only where there
    // are any, which the people list shows (a listed holder of the matching role).
    for (const auto& party : in.rule.resolved_params.list("parties_where_present")) {
      const std::string_view role = role_of_party(party);
      const auto& people = in.ctx.org.people;
      if (std::any_of(people.begin(), people.end(), [&](const Person& x) { return x.has_role(role); }) &&
          std::find(required.begin(), required.end(), party) == required.end())
        required.push_back(party);
    }
    const Message expected{"participation.expected", {{"parties", join(required)}}};
    if (without_routines(in, expected, out)) return;
    // The best single routine counts: participation is a property of how one routine was made.
    std::size_t best = 0;
    bool reported = false;
    std::vector<std::string> best_found, best_all, evidence;
    for (auto i : in.ctx.routines_of(in.measure_index)) {
      const auto& r = in.ctx.org.routines[i];
      if (!r.participation) continue;
      reported = true;
      std::vector<std::string> have;
      for (const auto& p : required)
        if (std::find(r.participation->begin(), r.participation->end(), p) != r.participation->end()) have.push_back(p);
      if (have.size() > best || evidence.empty()) {
        best = have.size();
        best_found = have;
        best_all = *r.participation;
        evidence = {in.ctx.routine_pointer(i) + "/participation"};
      }
    }
    if (!reported) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"participation.not-assessed"}, expected,
                                Message{"common.found-not-reported"}, routine_evidence(in)));
      return;
    }
    std::vector<std::string> missing;
    for (const auto& p : required)
      if (std::find(best_found.begin(), best_found.end(), p) == best_found.end()) missing.push_back(p);
    // Found: everyone who took part in the best routine, required or not.
    const Message found = best_all.empty() ? Message{"participation.found-nobody"}
                                           : Message{"participation.found", {{"parties", join(best_all)}}};
    const Status s = missing.empty() ? Status::pass : best == 0 ? Status::fail : Status::partial;
    out.push_back(org_outcome(in, s,
                              Message{s == Status::pass   ? "participation.pass"
                                      : s == Status::fail ? "participation.fail"
                                                          : "participation.partial",
                                      {{"parties", join(missing)}}},
                              expected, found, std::move(evidence)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    e.routine["participation"] =
        e.passing ? nlohmann::json(e.rule.resolved_params.list("parties")) : nlohmann::json::array();
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& participation() {
  static const Participation e;
  return e;
}
}  // namespace trygg::detail::eval
