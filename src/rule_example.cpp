// SPDX-License-Identifier: MIT
// Worked examples for rules, built from the rule's check and parameters.
#include "trygg/rule_example.hpp"

#include <algorithm>
#include <limits>

#include "evaluators/common.hpp"
#include "vocabulary.hpp"
#include "trygg/organisation.hpp"

namespace trygg {
namespace {
using json = nlohmann::json;

/// The first alternative of an any_of, or nothing.
const Applicability* first_alternative(const Applicability& a) {
  return a.any_of.empty() ? nullptr : &a.any_of.front();
}

/// The dates the input format can write (YYYY-MM-DD). A rule may be in force only near either
/// end of them, or look back further than they reach, and its examples must still load: every
/// date an example writes is brought within them (the examples of such a rule then show what
/// they can, rather than a document that does not load).
Date within_calendar(Date d) {
  static const Date first = *Date::parse("0000-01-01"), last = *Date::parse("9999-12-31");
  return std::clamp(d, first, last);
}
bool in_calendar(Date d) {
  return within_calendar(d) == d;
}

/// A date on which the rule is in force: mid-2026 unless its dates say otherwise.
Date example_date(const Applicability& a) {
  Date d = *Date::parse("2026-06-15");
  for (const Applicability* c : {&a, first_alternative(a)}) {
    if (!c) continue;
    if (c->from && d < *c->from) d = within_calendar(*c->from + Duration{0, 1, 0});
    if (c->until && d > *c->until) d = *c->until;
  }
  return d;
}

/// The skeleton organisation: one unit managed by one person, every section present and
/// empty, and the country, sector, flags and headcount the rule applies to.
json skeleton(const Applicability& a) {
  const Applicability* alt = first_alternative(a);
  std::string country = a.countries.empty() ? "SE" : a.countries.front();
  std::string sector = "private";
  if (!a.sectors.empty()) sector = a.sectors.front();
  if (alt && !alt->sectors.empty()) sector = alt->sectors.front();
  json flags = json::array();
  if (!a.flags_any.empty()) flags.push_back(a.flags_any.front());
  if (alt && !alt->flags_any.empty()) flags.push_back(alt->flags_any.front());
  for (const Applicability* c : {&a, alt})
    if (c)
      for (const auto& f : c->flags_all)
        if (std::find(flags.begin(), flags.end(), f) == flags.end()) flags.push_back(f);
  std::uint32_t headcount = 20;
  for (const Applicability* c : {&a, alt}) {
    if (c && c->min_headcount) headcount = std::max(headcount, *c->min_headcount);
  }
  for (const Applicability* c : {&a, alt}) {
    if (c && c->max_headcount) headcount = std::min(headcount, *c->max_headcount);
  }
  return json{{"format", organisation_format},
              {"id", "example"},
              {"country", country},
              {"sector", sector},
              {"flags", flags},
              {"headcount", {{"total", headcount}, {"start_of_year", headcount}, {"regular", headcount}}},
              {"units", json::array({{{"id", "u-1"}, {"headcount", headcount}, {"manager", "p-1"}}})},
              {"people", json::array({{{"id", "p-1"}, {"unit", "u-1"}, {"roles", {"manager"}}}})},
              {"routines", json::array()},
              {"activities", json::array()},
              {"channels", json::array()},
              {"case_statistics", json::array()},
              {"action_plan", json::array()}};
}

std::string param_or(const Rule& rule, const char* name, std::string fallback) {
  if (const auto it = rule.params.find(name); it != rule.params.end() && it->is_string()) return it->get<std::string>();
  return fallback;
}

/// Fill `org` with the evidence the rule's check looks at: complete when `passing`, with the
/// checked part missing or wrong otherwise.
void add_evidence(json& org, const Measure& m, const Rule& rule, Date as_of, bool passing) {
  const std::string& check = rule.check;
  // A month before the as-of date, or later when the rule's period is shorter (a weekly
  // cadence): a passing example's evidence must fall within every period the check may use.
  Date recent_date = as_of - Duration{0, 1, 0};
  for (const char* period : {"cadence", "within"})
    if (const auto d = Duration::parse(param_or(rule, period, ""))) recent_date = std::max(recent_date, as_of - *d);
  if (m.cadence) recent_date = std::max(recent_date, as_of - *m.cadence);
  const auto recent = within_calendar(recent_date).to_string();
  // The checks that judge who holds a role need the list to be complete: the examples list
  // every holder they have (docs/input-format.md, "reported_roles").
  if (check == "safety_organisation" || check == "support_within_reach" || check == "single_point_of_failure")
    org["reported_roles"] = detail::vocabulary::roles;
  json routine{{"id", "r-1"},     {"title", "example"}, {"measures", {m.id}},
               {"written", true}, {"owner", "p-1"},     {"adopted", recent}};
  if (check == "written" && !passing) routine["written"] = false;
  if (check == "owner" && !passing) routine["owner"] = nullptr;  // reported: nobody owns it
  if (check == "elements")
    routine["elements"] = passing ? json(detail::eval::required_elements(rule, m)) : json::array();
  if (check == "cadence" || check == "calendar_year")
    routine["adopted"] = passing ? recent : within_calendar(as_of - Duration{10, 0, 0}).to_string();
  if (check == "participation") {
    json parties = rule.params.contains("parties") ? rule.params["parties"] : json::array({"employees"});
    routine["participation"] = passing ? parties : json::array();
  }
  if (check == "communicated" && passing)
    routine["communicated"] = {{"date", recent}, {"channels", {"intranet"}}, {"audiences", {"all-staff"}}};
  if (check == "effect" && passing)
    routine["effect_followed_up"] = {{"date", recent}, {"method", "review"}, {"outcome", "effective"}};
  if (check == "coverage" && !passing) {
    // Two units; the routine covers only the lower one.
    org["units"].push_back({{"id", "u-2"}, {"parent", "u-1"}, {"headcount", 1}});
    routine["units"] = {"u-2"};
  }

  if (check == "audience_coverage") {
    const std::string audience = param_or(rule, "audience", m.audience);
    // For the whole staff the audience is the headcount; for others, the stated eligible.
    const auto everyone = org["headcount"]["total"].get<std::uint32_t>();
    json activity{{"id", "a-1"},         {"kind", "training"},   {"measures", {m.id}},
                  {"date", recent},      {"audience", audience}, {"reached", passing ? everyone : 1u},
                  {"eligible", everyone}};
    if (passing) activity["participants"] = {"p-1"};
    org["activities"].push_back(std::move(activity));
    return;
  }
  if (check == "action_items") {
    json item{{"id", "ap-1"}, {"title", "example"}, {"measure", m.id}};
    if (passing) {
      item["owner"] = "p-1";
      item["due"] = within_calendar(as_of + Duration{0, 1, 0}).to_string();
    } else {
      item["due"] = within_calendar(as_of - Duration{0, 1, 0}).to_string();
    }
    org["action_plan"].push_back(std::move(item));
    return;
  }
  if (check == "case_deadline") {
    // Late by more than any limit a profile may set: past the longest the limit can last.
    const auto limit = Duration::parse(param_or(rule, "within", "P3M")).value_or(Duration{0, 3, 0});
    const auto beyond = detail::eval::longest_days(limit) + 1;
    std::string kind = "harassment";
    if (const auto it = rule.params.find("kinds"); it != rule.params.end() && it->is_array() && !it->empty())
      kind = it->front().get<std::string>();
    // In time: one day, or the same day for a limit of zero days ("P0D").
    const std::int64_t days = passing ? std::min<std::int64_t>(1, beyond - 1) : std::max<std::int64_t>(400, beyond);
    const auto from = within_calendar(as_of - Duration{1, 0, 0}).to_string();
    const auto to = within_calendar(as_of - Duration{0, 0, 1}).to_string();
    org["case_statistics"].push_back({{"id", "cs-1"},
                                      {"period", {{"from", from}, {"to", to}}},
                                      {"kind", kind},
                                      {"received", 2},
                                      {"acknowledged_within_7_days", passing ? 2 : 0},
                                      {"feedback_within_3_months", passing ? 2 : 0},
                                      {"investigations_started", passing ? 2 : 0},
                                      {"max_days_to_acknowledge", days},
                                      {"max_days_to_feedback", days},
                                      {"max_days_to_investigation_start", days},
                                      {"retained_beyond_limit", passing ? 0 : 1},
                                      {"closed", 2}});
    return;
  }
  if (check == "channel_terms") {
    // Failing: one day longer than each limit, or, for a limit so long that the format cannot
    // write a day more, no promise at all (which the check fails as well).
    json channel{{"id", "c-1"}, {"kind", "whistleblowing"}, {"recipients", {"p-1"}}, {"measures", {m.id}}};
    for (const auto& [name, fallback] : {std::pair{"acknowledge_within", "P7D"}, std::pair{"feedback_within", "P3M"}}) {
      const std::string limit = param_or(rule, name, fallback);
      if (passing) {
        channel[name] = limit;
        continue;
      }
      Duration d = Duration::parse(limit).value_or(Duration{});
      d.days += 1;
      if (Duration::parse(d.to_string())) channel[name] = d.to_string();
    }
    org["channels"].push_back(std::move(channel));
    return;
  }
  if (check == "independent_route" || check == "single_point_of_failure") {
    // Passing: an HR specialist outside the line of management receives reports too.
    // Failing: the line manager is the only recipient (for everyone, or for more staff
    // than the limit).
    org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", {"hr-specialist"}}});
    org["channels"].push_back({{"id", "c-1"}, {"kind", "line-manager"}, {"recipients", {"p-1"}}, {"measures", {m.id}}});
    if (passing)
      org["channels"].push_back({{"id", "c-2"}, {"kind", "hr"}, {"recipients", {"p-2"}}, {"measures", {m.id}}});
    if (check == "single_point_of_failure") {
      // Failing: one more staff behind the line manager than the limit allows.
      std::int64_t limit = 200;
      if (const auto it = rule.params.find("max_staff"); it != rule.params.end() && it->is_number_integer())
        limit = std::max<std::int64_t>(0, it->get<std::int64_t>());
      // A unit holds at most 4294967295 staff, the largest limit; one more goes in a unit below.
      constexpr std::int64_t most = std::numeric_limits<std::uint32_t>::max();
      const std::int64_t staff = passing ? 0 : limit + 1;
      org["units"][0]["headcount"] = std::min(staff, most);
      if (staff > most) org["units"].push_back({{"id", "u-2"}, {"parent", "u-1"}, {"headcount", staff - most}});
    }
    return;
  }
  if (check == "support_within_reach") {
    std::vector<std::string> roles;
    if (const auto it = rule.params.find("roles"); it != rule.params.end() && it->is_array())
      roles = it->get<std::vector<std::string>>();
    else
      roles = {"hr-specialist", "safety-representative", "union-representative", "occupational-health",
               "equality-officer"};
    // Failing: one kind of support is missing (not "manager", which p-1 holds anyway).
    const auto drop = std::find_if(roles.rbegin(), roles.rend(), [](const std::string& r) { return r != "manager"; });
    if (!passing && drop != roles.rend()) roles.erase(std::next(drop).base());
    org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", roles}});
    return;
  }
  if (check == "safety_organisation") {
    // One workplace, the root, at least as large as the threshold. Passing: a safety
    // representative serving it, or a committee meeting on the as-of date. Failing: no
    // representative, or the last meeting one day before the period.
    std::int64_t min_staff = 1;
    if (const auto it = rule.params.find("min_staff"); it != rule.params.end() && it->is_number_integer())
      min_staff = std::max<std::int64_t>(0, it->get<std::int64_t>());
    if (org["units"][0]["headcount"].get<std::int64_t>() < min_staff) {
      org["units"][0]["headcount"] = min_staff;
      for (auto& figure : org["headcount"].items())
        figure.value() = min_staff;
    }
    org["units"][0]["workplace"] = true;
    if (param_or(rule, "requires", "representative") == "committee") {
      const auto within = Duration::parse(param_or(rule, "within", "P1Y")).value_or(Duration{1, 0, 0});
      // Failing: the last meeting one day before the period; for a period reaching back before
      // the calendar the format can write, no meeting at all.
      const Date date = passing ? as_of : as_of - within - Duration{0, 0, 1};
      if (in_calendar(date))
        org["activities"].push_back(
            {{"id", "a-1"}, {"kind", "safety-committee"}, {"measures", {m.id}}, {"date", date.to_string()}});
    } else if (passing) {
      org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", {"safety-representative"}}});
    }
    return;
  }
  if (check == "impartiality") {
    // Passing: someone outside the line of management; failing: the unit's own manager.
    const std::string who = passing ? "p-2" : "p-1";
    org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", {"hr-specialist"}}});
    if (param_or(rule, "of", "investigators") == "exit-interviewers") {
      org["activities"].push_back(
          {{"id", "a-1"}, {"kind", "exit-interview"}, {"measures", {m.id}}, {"date", recent}, {"held_by", who}});
    } else {
      for (auto& p : org["people"])
        if (p["id"] == who) p["roles"].push_back("investigator");
    }
    return;
  }
  // "present" fails when nothing implements the measure.
  if (check == "present" && !passing) return;
  org["routines"].push_back(std::move(routine));
}
}  // namespace

RuleExamples rule_examples(const Framework& framework, const Rule& rule) {
  const Measure* m = framework.find_measure(rule.measure);
  if (!m) return {};
  RuleExamples out;
  const Date as_of = example_date(rule.applies_if);
  for (bool passing : {true, false}) {
    RuleExample& e = passing ? out.pass : out.fail;
    e.as_of = as_of;
    e.organisation = skeleton(rule.applies_if);
    add_evidence(e.organisation, *m, rule, as_of, passing);
  }
  return out;
}

}  // namespace trygg
