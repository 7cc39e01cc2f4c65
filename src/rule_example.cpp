// SPDX-License-Identifier: MIT
// Worked examples for rules: the skeleton organisation the rule applies to, with the evidence
// its check looks at (each check's example(), in src/checks/).
#include "trygg/rule_example.hpp"

#include <algorithm>
#include <variant>

#include "checks/check.hpp"
#include "checks/common.hpp"
#include "checks/params.hpp"
#include "trygg/organisation.hpp"

namespace trygg {
namespace {
using detail::eval::within_calendar;
using json = nlohmann::json;

/// The first alternative of an any_of, or nothing.
const Applicability* first_alternative(const Applicability& a) {
  return a.any_of.empty() ? nullptr : &a.any_of.front();
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

/// Fill `org` with the evidence the rule's check looks at: complete when `passing`, with the
/// checked part missing or wrong otherwise. The skeleton's routine goes in unless the check's
/// example says otherwise.
void add_evidence(json& org, const Measure& m, const Rule& rule, Date as_of, bool passing) {
  // A month before the as-of date, or later when the rule's period is shorter (a weekly
  // cadence): a passing example's evidence must fall within every period the check may use.
  // The periods are the parameters named cadence and within, as the rule gives them.
  Date recent_date = as_of - Duration{0, 1, 0};
  for (const char* period : {"cadence", "within"})
    if (const auto* p = rule.resolved_params.find(period); p && p->given)
      if (const auto* d = std::get_if<Duration>(&p->value)) recent_date = std::max(recent_date, as_of - *d);
  if (m.cadence) recent_date = std::max(recent_date, as_of - *m.cadence);
  const auto recent = within_calendar(recent_date).to_string();
  json routine{{"id", "r-1"},     {"title", "example"}, {"measures", {m.id}},
               {"written", true}, {"owner", "p-1"},     {"adopted", recent}};
  const detail::Evaluator* check = detail::find_evaluator(rule.check);
  detail::ExampleInput in{org, routine, m, rule, as_of, recent, passing};
  if (!check || check->example(in) == detail::ExampleRoutine::keep) org["routines"].push_back(std::move(routine));
}
}  // namespace

RuleExamples rule_examples(const Framework& framework, const Rule& rule) {
  const Measure* m = framework.find_measure(rule.measure);
  if (!m) return {};
  // A rule of the framework has its parameters resolved; one built or changed by hand may not.
  Rule own = rule;
  if (const auto* check = detail::find_evaluator(rule.check);
      check && rule.resolved_params.entries.size() != check->params().size()) {
    detail::Diagnostics ignored("<rule>");
    own.resolved_params = detail::resolve_params(rule.params, *check, m, "", ignored);
  }
  RuleExamples out;
  const Date as_of = example_date(rule.applies_if);
  for (bool passing : {true, false}) {
    RuleExample& e = passing ? out.pass : out.fail;
    e.as_of = as_of;
    e.organisation = skeleton(rule.applies_if);
    add_evidence(e.organisation, *m, own, as_of, passing);
  }
  return out;
}

}  // namespace trygg
