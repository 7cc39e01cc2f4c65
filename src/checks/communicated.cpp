// SPDX-License-Identifier: MIT
// communicated: the routine was made known, on a date, through a channel, and to the audience
// the rule names (AFS 2023:2 2 kap. 11 §: the routine is known to all employees; 5 kap. 3 §:
// the security routines are known to the employees exposed; aml § 2 A-6: the whistleblowing
// routine is easily accessible to all; seed 004: easily accessible information).
#include <algorithm>

#include "common.hpp"

namespace trygg::detail::eval {
namespace {

/// Whether a communication told to `told` reaches `required`. Everyone ("all-staff",
/// "employees") includes every group; the staff exposed to a risk are reached by telling them
/// or everyone.
bool reaches(const std::vector<std::string>& told, const std::string& required) {
  if (required.empty()) return true;
  const auto has = [&](std::string_view a) { return std::find(told.begin(), told.end(), a) != told.end(); };
  if (has("all-staff") || has("employees")) return true;
  if (required == "all-staff" || required == "employees") return false;
  return has(required);
}

class Communicated final : public Evaluator {
 public:
  Communicated()
      : Evaluator("communicated",
                  "some routine implementing the measure was communicated, with a date and a channel, to "
                  "the audience the rule names",
                  {{"audience", CheckParam::Kind::audience, ParamDefault::none("any audience"), {}}},
                  {"communicated.pass", "communicated.partial", "communicated.fail", "communicated.expected",
                   "communicated.expected-audience", "communicated.found", "communicated.found-no-channel",
                   "communicated.partial-audience", "communicated.found-audience", "communicated.audience-not-reported",
                   "communicated.found-audience-not-reported", "communicated.future", "common.found-future",
                   "common.no-routine", "common.no-routines-section"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    // Without an audience, any audience will do (reaches() takes "" as "anyone").
    const std::string audience = in.rule.resolved_params.optional_text("audience").value_or("");
    const Message expected = audience.empty() ? Message{"communicated.expected"}
                                              : Message{"communicated.expected-audience", {{"audience", audience}}};
    if (without_routines(in, expected, out)) return;
    const auto& ctx = in.ctx;
    // The first routine (input order) in each situation, best first.
    std::optional<Index> full, no_channel, told_others, audience_unknown;
    std::vector<std::string> told;
    FutureDate future;
    for (auto i : ctx.routines_of(in.measure_index)) {
      const auto& c = ctx.org.routines[i].communicated;
      if (!c) continue;
      if (c->date > ctx.as_of) {
        future.consider(c->date, ctx.as_of, ctx.routine_pointer(i) + "/communicated/date");
        continue;
      }
      if (!audience.empty() && c->audiences.empty()) {
        if (!audience_unknown) audience_unknown = i;
      } else if (!reaches(c->audiences, audience)) {
        if (!told_others) told_others = i;
        for (const auto& a : c->audiences)
          if (std::find(told.begin(), told.end(), a) == told.end()) told.push_back(a);
      } else if (!c->channels.empty()) {
        if (!full) full = i;
      } else if (!no_channel) {
        no_channel = i;
      }
    }
    const auto pointer = [&](Index i) { return ctx.routine_pointer(i) + "/communicated"; };
    const auto date = [&](Index i) { return ctx.org.routines[i].communicated->date.to_string(); };
    if (full) {
      const auto& c = *ctx.org.routines[*full].communicated;
      out.push_back(
          org_outcome(in, Status::pass, Message{"communicated.pass"}, expected,
                      Message{"communicated.found", {{"date", c.date.to_string()}, {"channels", join(c.channels)}}},
                      {pointer(*full)}));
    } else if (no_channel) {
      out.push_back(org_outcome(in, Status::partial, Message{"communicated.partial"}, expected,
                                Message{"communicated.found-no-channel", {{"date", date(*no_channel)}}},
                                {pointer(*no_channel)}));
    } else if (told_others) {
      // Told, but not to the audience the rule names: say who was told and who was not.
      out.push_back(
          org_outcome(in, Status::partial, Message{"communicated.partial-audience", {{"audience", audience}}}, expected,
                      Message{"communicated.found-audience", {{"date", date(*told_others)}, {"audiences", join(told)}}},
                      {pointer(*told_others) + "/audiences"}));
    } else if (audience_unknown) {
      out.push_back(org_outcome(
          in, Status::not_assessed, Message{"communicated.audience-not-reported", {{"audience", audience}}}, expected,
          Message{"communicated.found-audience-not-reported", {{"date", date(*audience_unknown)}}},
          {pointer(*audience_unknown)}));
    } else if (future.date) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"communicated.future"}, expected,
                                future_found(future, ctx.as_of), {future.pointer}));
    } else {
      out.push_back(org_outcome(in, Status::fail, Message{"communicated.fail"}, expected, Message{"common.found-none"},
                                routine_evidence(in)));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    if (e.passing)
      e.routine["communicated"] = {{"date", e.recent}, {"channels", {"intranet"}}, {"audiences", {"all-staff"}}};
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& communicated() {
  static const Communicated e;
  return e;
}
}  // namespace trygg::detail::eval
