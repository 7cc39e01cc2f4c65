// SPDX-License-Identifier: MIT
// audience_coverage: the share of the audience reached by the measure's activities within
// the period (AFS 2023:2 2 kap. 4 §: managers' knowledge; seed 000: every manager introduced
// to the routines). Managers are counted by person; other audiences by aggregate figures.
#include <algorithm>

#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class AudienceCoverage final : public Evaluator {
 public:
  AudienceCoverage()
      : Evaluator("audience_coverage",
                  "the measure's activities within the period reached at least a share of its audience",
                  {{"audience", CheckParam::Kind::audience, ParamDefault::audience_of_measure(), {}},
                   {"min_share", CheckParam::Kind::share, ParamDefault::fixed(0.8), {}},
                   {"within", CheckParam::Kind::duration, ParamDefault::cadence_else(Duration{1, 0, 0}), {}}},
                  {"audience.pass", "audience.partial", "audience.fail", "audience.not-assessed", "audience.expected",
                   "audience.found", "audience.found-no-activity", "audience.found-unknown"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const auto& params = in.rule.resolved_params;
    const std::string& audience = params.text("audience");
    const double min_share = params.share("min_share");
    const Duration within = params.duration("within");
    const Message expected{"audience.expected",
                           {{"share", percent(min_share)}, {"audience", audience}, {"within", within.to_string()}}};
    if (!ctx.org.has_activities) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"audience.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    const Date since = ctx.as_of - within;
    std::vector<Index> recent;
    std::vector<std::string> evidence;
    for (auto i : ctx.activities_of(in.measure_index)) {
      const auto& a = ctx.org.activities[i];
      if (a.date < since || a.date > ctx.as_of) continue;
      recent.push_back(i);
      evidence.push_back(ctx.activity_pointer(i));
    }
    if (recent.empty()) {
      out.push_back(org_outcome(in, Status::fail, Message{"audience.fail", {{"audience", audience}}}, expected,
                                Message{"audience.found-no-activity", {{"within", within.to_string()}}}));
      return;
    }
    std::uint64_t reached = 0, eligible = 0;
    if (audience == "managers") {
      // Count distinct managers among the participants of recent activities.
      eligible = ctx.managers().size();
      std::vector<char> seen(ctx.org.people.size(), 0);
      for (auto i : recent)
        for (auto p : ctx.org.activities[i].participants)
          seen[p] = 1;
      for (auto m : ctx.managers())
        reached += seen[m] ? 1 : 0;
    } else {
      // Aggregates. For the whole staff the audience is the organisation's headcount, so an
      // activity held in a few units is measured against everyone; for other audiences
      // (leavers, the board, ...) only the activities' own "eligible" figures say how many.
      std::uint64_t stated_eligible = 0;
      for (auto i : recent) {
        const auto& a = ctx.org.activities[i];
        if (a.reached) reached += *a.reached;
        if (a.eligible) stated_eligible += *a.eligible;
      }
      const bool whole_staff = audience == "all-staff" || audience == "employees";
      const auto headcount = ctx.org.total_headcount();
      eligible = whole_staff && headcount ? *headcount : stated_eligible;
      reached = std::min(reached, eligible);
    }
    if (eligible == 0) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"audience.not-assessed"}, expected,
                                Message{"audience.found-unknown", {{"audience", audience}}}, std::move(evidence)));
      return;
    }
    const double s = static_cast<double>(reached) / static_cast<double>(eligible);
    const Message found{
        "audience.found",
        {{"reached", std::to_string(reached)}, {"eligible", std::to_string(eligible)}, {"share", percent(s)}}};
    const Status status = s + 1e-12 >= min_share ? Status::pass : reached == 0 ? Status::fail : Status::partial;
    out.push_back(org_outcome(in, status,
                              Message{status == Status::pass   ? "audience.pass"
                                      : status == Status::fail ? "audience.fail"
                                                               : "audience.partial",
                                      {{"share", percent(s)}, {"audience", audience}}},
                              expected, found, std::move(evidence)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    const std::string& audience = e.rule.resolved_params.text("audience");
    // For the whole staff the audience is the headcount; for others, the stated eligible.
    const auto everyone = e.org["headcount"]["total"].get<std::uint32_t>();
    nlohmann::json activity{{"id", "a-1"},         {"kind", "training"},   {"measures", {e.measure.id}},
                            {"date", e.recent},    {"audience", audience}, {"reached", e.passing ? everyone : 1u},
                            {"eligible", everyone}};
    if (e.passing) activity["participants"] = {"p-1"};
    e.org["activities"].push_back(std::move(activity));
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& audience_coverage() {
  static const AudienceCoverage e;
  return e;
}
}  // namespace trygg::detail::eval
