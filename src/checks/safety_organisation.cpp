// SPDX-License-Identifier: MIT
// safety_organisation: a safety representative, or a safety committee that has met, for every
// workplace whose headcount calls for one, or for the organisation as a whole.
//
// Sweden counts per workplace (arbetsställe): a skyddsombud where at least five are regularly
// employed, a skyddskommitté where at least fifty are (SFS 1977:1160 6 kap. 2 § and 8 §).
// Norway counts per virksomhet, i.e. per employer (arbeidsmiljøloven § 6-1 verneombud, § 7-1
// arbeidsmiljøutvalg); those rules use `per: organisation` and put the threshold in their
// applicability, where the headcount basis can be chosen. Seed 004 (Stödfunktioner) names the
// safety representative among the support functions every employee should be able to reach.
//
// The workplaces are the root and every unit marked "workplace"; a unit belongs to its nearest
// workplace at or above it (docs/input-format.md, Workplaces). The law asks for "one or more"
// representatives per workplace, so a workplace is served when each of its units is served by
// some representative, not necessarily the same one.
#include <algorithm>

#include "../org_graph.hpp"
#include "../vocabulary.hpp"
#include "common.hpp"

namespace trygg::detail::eval {
namespace {

constexpr const char* committee_kind = "safety-committee";

bool represents(const Person& p) {
  // A chief safety representative (huvudskyddsombud, hovedverneombud) is a safety
  // representative too.
  return p.has_role("safety-representative") || p.has_role("chief-safety-representative");
}

class SafetyOrganisation final : public Evaluator {
 public:
  SafetyOrganisation()
      : Evaluator(
            "safety_organisation",
            "every workplace with at least min_staff employees has a safety representative, or a safety "
            "committee that met within the period (per: organisation judges the employer as a whole)",
            {{"requires",
              CheckParam::Kind::choice,
              ParamDefault::fixed("representative"),
              {"representative", "committee"}},
             // Per workplace, a workplace with nobody in it needs nobody; per organisation the
             // threshold is normally in the rule's applicability, on the basis the law counts.
             {"min_staff",
              CheckParam::Kind::count,
              ParamDefault::per_choice("per", {{"workplace", std::uint64_t{1}}, {"organisation", std::uint64_t{0}}}),
              {}},
             {"per", CheckParam::Kind::choice, ParamDefault::fixed("workplace"), {"workplace", "organisation"}},
             // How recent a committee meeting must be: the law sets no number; one year is trygg's
             // reading of a committee that exists (docs/legal-sources.md).
             {"within", CheckParam::Kind::duration, ParamDefault::fixed(Duration{1, 0, 0}, "committee meetings"), {}}},
            {"safety-org.pass",
             "safety-org.partial",
             "safety-org.fail",
             "safety-org.found",
             "safety-org.unknown",
             "safety-org.none-bound",
             "safety-org.found-largest",
             "safety-org.no-people",
             "safety-org.no-activities",
             "safety-org.expected",
             "safety-org.expected-committee",
             "safety-org.expected-org",
             "safety-org.expected-org-committee",
             "safety-org.unit-expected",
             "safety-org.unit-missing",
             "safety-org.unit-found",
             "safety-org.unit-unknown",
             "safety-org.org-pass",
             "safety-org.org-fail",
             "safety-org.org-found",
             "safety-org.org-headcount-unknown",
             "safety-org.org-below",
             "safety-org.unit-not-reported",
             "safety-org.org-not-reported",
             "common.roles-not-reported",
             "common.found-none",
             "common.found-not-reported"}) {}

  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const auto& org = ctx.org;
    const auto& params = in.rule.resolved_params;
    const std::string& requires_ = params.text("requires");
    const bool committee = requires_ == "committee";
    const bool whole = params.text("per") == "organisation";
    const std::uint64_t min_staff = params.count("min_staff");
    const Duration within = params.duration("within");
    const std::string min_text = std::to_string(min_staff), within_text = within.to_string();
    const std::pair<std::string, std::string> req{"requires", requires_};

    Message expected;
    if (whole)
      expected = committee ? Message{"safety-org.expected-org-committee", {{"within", within_text}}}
                           : Message{"safety-org.expected-org", {req}};
    else
      expected = committee
                     ? Message{"safety-org.expected-committee", {{"within", within_text}, {"min_staff", min_text}}}
                     : Message{"safety-org.expected", {req, {"min_staff", min_text}}};

    if (committee ? !org.has_activities : !org.has_people) {
      out.push_back(org_outcome(in, Status::not_assessed,
                                Message{committee ? "safety-org.no-activities" : "safety-org.no-people"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }

    // Who or what provides it: the representatives, or the committee meetings in the period
    // (dated from as-of - within to the as-of date, inclusive).
    std::vector<Index> providers;
    std::vector<const std::vector<Index>*> meeting_units;
    std::optional<Date> latest;
    if (committee) {
      const Date from = ctx.as_of - within;
      for (Index i = 0; i < org.activities.size(); ++i) {
        const auto& a = org.activities[i];
        if (a.kind != committee_kind || a.date > ctx.as_of || a.date < from) continue;
        providers.push_back(i);
        meeting_units.push_back(&a.units);
        if (!latest || a.date > *latest) latest = a.date;
      }
    } else {
      for (Index p = 0; p < org.people.size(); ++p)
        if (represents(org.people[p])) providers.push_back(p);
    }
    const std::string section = committee ? "/activities" : "/people";
    std::vector<std::string> provider_ids, evidence;
    for (Index i : providers) {
      provider_ids.push_back(committee ? org.activities[i].id : org.people[i].id);
      evidence.push_back(committee ? ctx.activity_pointer(i) : "/people/" + std::to_string(i));
    }

    // Without a representative listed, a workplace lacks one only if `people` is reported
    // complete for the role (reported_roles); committee meetings are complete once the
    // activities section is reported.
    const bool complete = committee || org.role_reported("safety-representative");

    if (whole) {
      evaluate_organisation(in, expected, req, min_staff, provider_ids, std::move(evidence), section, complete, out);
      // The committee is due to meet again before the latest meeting falls out of the period.
      if (committee && latest && out.back().status == Status::pass) out.back().next_due = *latest + within;
      return;
    }

    // covered[u]: some provider serves u (a representative's served units, a meeting's units,
    // each with its subtree).
    std::vector<char> covered(org.units.size(), 0);
    if (committee) {
      if (!meeting_units.empty()) covered = ctx.coverage(meeting_units);
    } else {
      const OrgGraph& g = ctx.graph();
      for (Index p : providers)
        for (Index s : g.served_by(p))
          covered[s] = 1;
      for (const Index u : ctx.preorder())
        if (!covered[u] && org.units[u].parent != no_index && covered[org.units[u].parent]) covered[u] = 1;
    }

    // One pass down the tree: each unit's workplace, each workplace's known headcount, and
    // the units that lack a headcount or lack the provider.
    const Index root = org.root();
    std::vector<Index> place(org.units.size(), no_index), workplaces;
    std::vector<std::uint64_t> staff(org.units.size(), 0);
    std::vector<std::vector<Index>> uncounted(org.units.size()), unserved(org.units.size());
    std::vector<std::size_t> members(org.units.size(), 0);
    for (const Index u : ctx.preorder()) {
      const Unit& unit = org.units[u];
      place[u] = (u == root || unit.workplace) ? u : place[unit.parent];
      const Index w = place[u];
      if (w == u) workplaces.push_back(u);
      if (unit.headcount)
        staff[w] += *unit.headcount;
      else
        uncounted[w].push_back(u);
      if (unit.headcount && *unit.headcount == 0) continue;  // nobody to represent
      ++members[w];
      if (!covered[u]) unserved[w].push_back(u);
    }
    // A single workplace is the whole organisation: its stated headcount is the best figure,
    // the regularly employed first (the Swedish duties count "regelbundet sysselsatta").
    if (workplaces.size() == 1) {
      if (const auto stated = org.headcount.regular ? org.headcount.regular : org.headcount.total) {
        staff[root] = *stated;
        uncounted[root].clear();
      }
    }

    auto ids_of = [&](const std::vector<Index>& units) {
      std::vector<std::string> ids;
      for (Index u : units)
        ids.push_back(org.units[u].id);
      return join(ids);
    };
    std::vector<Outcome> failing, unknown;
    std::vector<std::string> failing_ids, unknown_ids;
    std::size_t bound = 0;
    std::uint64_t largest = 0;
    for (const Index w : workplaces) {
      largest = std::max(largest, staff[w]);
      Outcome o;
      o.subject = unit_subject(org, w);
      o.expected = Message{"safety-org.unit-expected", {req}};
      o.evidence.push_back(ctx.unit_pointer(w));
      // A known part of the headcount that reaches the threshold is enough to bind the
      // workplace; below it, a missing headcount leaves the question open.
      if (min_staff > 0 && staff[w] < min_staff) {
        if (uncounted[w].empty()) continue;  // below the threshold: nothing required
        o.status = Status::not_assessed;
        o.message = Message{"safety-org.unit-unknown", {{"units", ids_of(uncounted[w])}}};
        o.found = Message{"common.found-not-reported"};
        for (Index u : uncounted[w])
          if (u != w) o.evidence.push_back(ctx.unit_pointer(u));
        unknown_ids.push_back(org.units[w].id);
        unknown.push_back(std::move(o));
        continue;
      }
      ++bound;
      if (unserved[w].empty()) continue;
      if (!complete) {
        o.status = Status::not_assessed;
        o.message = Message{"safety-org.unit-not-reported", {{"units", ids_of(unserved[w])}}};
        o.found = Message{"common.roles-not-reported", {{"roles", "safety-representative"}}};
        unknown_ids.push_back(org.units[w].id);
        unknown.push_back(std::move(o));
        continue;
      }
      o.status = Status::fail;
      o.message = Message{"safety-org.unit-missing", {req, {"units", ids_of(unserved[w])}}};
      o.found = Message{"safety-org.unit-found",
                        {{"headcount", std::to_string(staff[w])},
                         {"bad", std::to_string(unserved[w].size())},
                         {"units", std::to_string(members[w])}}};
      for (Index u : unserved[w])
        if (u != w) o.evidence.push_back(ctx.unit_pointer(u));
      failing_ids.push_back(org.units[w].id);
      failing.push_back(std::move(o));
    }

    if (evidence.empty()) evidence.push_back(section);

    if (bound == 0 && unknown.empty()) {
      out.push_back(org_outcome(
          in, Status::not_applicable, Message{"safety-org.none-bound", {{"min_staff", min_text}}}, expected,
          Message{"safety-org.found-largest",
                  {{"workplaces", std::to_string(workplaces.size())}, {"headcount", std::to_string(largest)}}}));
      return;
    }
    if (failing.empty() && !unknown.empty()) {
      // Nothing failed, but some workplaces could not be judged: never a pass.
      out.push_back(org_outcome(
          in, Status::not_assessed,
          Message{"safety-org.unknown", {{"count", std::to_string(unknown.size())}, {"ids", join(unknown_ids)}}},
          expected, Message{"safety-org.found", {{"bad", "0"}, {"units", std::to_string(bound)}, req}},
          std::move(evidence)));
    } else {
      unit_verdicts(in, "safety-org", expected, std::move(evidence), failing, out, bound,
                    {req, {"ids", join(failing_ids)}});
    }
    for (auto& o : unknown)
      out.push_back(std::move(o));
  }

 private:
  /// Per virksomhet (Norway): the employer as a whole has a representative, or a committee
  /// that met in the period. The headcount threshold, if any, is on the organisation's
  /// regular headcount, else its total.
  static void evaluate_organisation(const RuleInput& in, const Message& expected,
                                    const std::pair<std::string, std::string>& req, std::uint64_t min_staff,
                                    const std::vector<std::string>& ids, std::vector<std::string> evidence,
                                    const std::string& section, bool complete, std::vector<Outcome>& out) {
    const auto& org = in.ctx.org;
    if (min_staff > 0) {
      const auto staff = org.headcount.regular ? org.headcount.regular : org.total_headcount();
      if (!staff) {
        out.push_back(org_outcome(in, Status::not_assessed, Message{"safety-org.org-headcount-unknown"}, expected,
                                  Message{"common.found-not-reported"}));
        return;
      }
      if (*staff < min_staff) {
        out.push_back(org_outcome(in, Status::not_applicable,
                                  Message{"safety-org.org-below", {{"min_staff", std::to_string(min_staff)}}}, expected,
                                  Message{"common.found-none"}));
        return;
      }
    }
    if (ids.empty() && !complete) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"safety-org.org-not-reported", {req}}, expected,
                                Message{"common.roles-not-reported", {{"roles", "safety-representative"}}}, {section}));
      return;
    }
    if (ids.empty()) {
      out.push_back(org_outcome(in, Status::fail, Message{"safety-org.org-fail", {req}}, expected,
                                Message{"common.found-none"}, {section}));
      return;
    }
    out.push_back(org_outcome(in, Status::pass, Message{"safety-org.org-pass", {req, {"ids", join(ids)}}}, expected,
                              Message{"safety-org.org-found", {{"ids", join(ids)}}}, std::move(evidence)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    // The check judges who holds a role: the list must be complete.
    e.org["reported_roles"] = vocabulary::roles;
    const auto& params = e.rule.resolved_params;
    // One workplace, the root, at least as large as the threshold. Passing: a safety
    // representative serving it, or a committee meeting on the as-of date. Failing: no
    // representative, or the last meeting one day before the period.
    const auto min_staff = static_cast<std::int64_t>(params.count("min_staff"));
    auto& root = e.org["units"][0];
    if (root["headcount"].get<std::int64_t>() < min_staff) {
      root["headcount"] = min_staff;
      for (auto& figure : e.org["headcount"].items())
        figure.value() = min_staff;
    }
    root["workplace"] = true;
    if (params.text("requires") == "committee") {
      // Failing: the last meeting one day before the period; for a period reaching back before
      // the calendar the format can write, no meeting at all.
      const Date date = e.passing ? e.as_of : e.as_of - params.duration("within") - Duration{0, 0, 1};
      if (in_calendar(date))
        e.org["activities"].push_back(
            {{"id", "a-1"}, {"kind", committee_kind}, {"measures", {e.measure.id}}, {"date", date.to_string()}});
    } else if (e.passing) {
      e.org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", {"safety-representative"}}});
    }
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& safety_organisation() {
  static const SafetyOrganisation e;
  return e;
}
}  // namespace trygg::detail::eval
