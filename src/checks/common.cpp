// SPDX-License-Identifier: MIT
#include "common.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace trygg::detail::eval {

std::vector<std::string> required_elements(const Rule& rule, const Measure&) {
  return rule.resolved_params.list("elements");
}

std::int64_t longest_days(const Duration& d) {
  // The longest run of n calendar months, for n below 48, found by trying every start month
  // of a four-year leap cycle; 48 months are always 1461 days (the Gregorian century rule
  // is ignored, which errs by at most one day in the organisation's favour).
  static const std::array<std::int64_t, 48> longest_months = [] {
    std::array<std::int64_t, 48> t{};
    const Date epoch = *Date::parse("2000-01-01");
    for (int n = 0; n < 48; ++n)
      for (int start = 0; start < 48; ++start) {
        const Date from = epoch + Duration{0, start, 0};
        t[static_cast<std::size_t>(n)] =
            std::max<std::int64_t>(t[static_cast<std::size_t>(n)], days_between(from, from + Duration{0, n, 0}));
      }
    return t;
  }();
  const std::int64_t months = std::int64_t{d.years} * 12 + d.months;
  return months / 48 * 1461 + longest_months[static_cast<std::size_t>(months % 48)] + d.days;
}

std::string join(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items)
    s += (s.empty() ? "" : ", ") + i;
  return s;
}

std::string percent(double s) {
  return std::to_string(static_cast<int>(std::floor(s * 100.0 + 1e-9))) + " %";
}

Outcome org_outcome(const RuleInput& in, Status status, Message message, Message expected, Message found,
                    std::vector<std::string> evidence) {
  Outcome o;
  o.subject = organisation_subject(in.ctx.org);
  o.status = status;
  o.message = std::move(message);
  o.expected = std::move(expected);
  o.found = std::move(found);
  o.evidence = std::move(evidence);
  return o;
}

bool without_routines(const RuleInput& in, const Message& expected, std::vector<Outcome>& out) {
  if (!in.ctx.org.has_routines) {
    out.push_back(org_outcome(in, Status::not_assessed, Message{"common.no-routines-section"}, expected,
                              Message{"common.found-not-reported"}));
    return true;
  }
  if (in.ctx.routines_of(in.measure_index).empty()) {
    out.push_back(org_outcome(in, Status::fail, Message{"common.no-routine"}, expected, Message{"common.found-none"},
                              {"/routines"}));
    return true;
  }
  return false;
}

LatestOccurrence latest_occurrence(const RuleInput& in) {
  const auto& ctx = in.ctx;
  LatestOccurrence out;
  auto consider = [&](const std::optional<Date>& d, std::string pointer) {
    if (!d) return;
    if (*d > ctx.as_of) {
      out.future.consider(*d, ctx.as_of, pointer);
      return;
    }
    if (!out.date || *d > *out.date) {
      out.date = d;
      out.pointer = std::move(pointer);
    }
  };
  for (auto i : ctx.routines_of(in.measure_index)) {
    out.any = true;
    consider(ctx.org.routines[i].adopted, ctx.routine_pointer(i) + "/adopted");
    consider(ctx.org.routines[i].last_reviewed, ctx.routine_pointer(i) + "/last_reviewed");
  }
  for (auto i : ctx.activities_of(in.measure_index)) {
    out.any = true;
    consider(ctx.org.activities[i].date, ctx.activity_pointer(i) + "/date");
  }
  for (auto i : ctx.surveys_of(in.measure_index)) {
    out.any = true;
    consider(ctx.org.surveys[i].date, ctx.survey_pointer(i) + "/date");
  }
  return out;
}

bool occurrences_reported(const Organisation& org) {
  return org.has_routines || org.has_activities || org.has_surveys;
}

Outcome undated(const RuleInput& in, const LatestOccurrence& latest, const Message& expected,
                const char* future_message, const char* no_date_message) {
  if (latest.future.date)
    return org_outcome(in, Status::not_assessed, Message{future_message}, expected,
                       future_found(latest.future, in.ctx.as_of), {latest.future.pointer});
  return org_outcome(in, Status::not_assessed, Message{no_date_message}, expected, Message{"cadence.found-no-date"},
                     routine_evidence(in));
}

Message future_found(const FutureDate& f, Date as_of) {
  return Message{"common.found-future",
                 {{"date", f.date ? f.date->to_string() : ""}, {"pointer", f.pointer}, {"as_of", as_of.to_string()}}};
}

void unit_verdicts(const RuleInput& in, const std::string& prefix, const Message& expected,
                   std::vector<std::string> evidence, std::vector<Outcome>& failing_units, std::vector<Outcome>& out) {
  unit_verdicts(in, prefix, expected, std::move(evidence), failing_units, out, in.ctx.org.units.size(), {});
}

void unit_verdicts(const RuleInput& in, const std::string& prefix, const Message& expected,
                   std::vector<std::string> evidence, std::vector<Outcome>& failing_units, std::vector<Outcome>& out,
                   std::size_t judged, const std::vector<std::pair<std::string, std::string>>& args) {
  const std::size_t bad = failing_units.size();
  const Status s = bad == 0 ? Status::pass : bad == judged ? Status::fail : Status::partial;
  const char* verdict = s == Status::pass ? ".pass" : s == Status::fail ? ".fail" : ".partial";
  Message message{prefix + verdict, {{"bad", std::to_string(bad)}}};
  Message found{prefix + ".found", {{"bad", std::to_string(bad)}, {"units", std::to_string(judged)}}};
  message.args.insert(message.args.end(), args.begin(), args.end());
  found.args.insert(found.args.end(), args.begin(), args.end());
  out.push_back(org_outcome(in, s, std::move(message), expected, std::move(found), std::move(evidence)));
  for (auto& o : failing_units)
    out.push_back(std::move(o));
}

Date within_calendar(Date d) {
  static const Date first = *Date::parse("0000-01-01"), last = *Date::parse("9999-12-31");
  return std::clamp(d, first, last);
}

bool in_calendar(Date d) {
  return within_calendar(d) == d;
}

void example_routes(ExampleInput& e) {
  const auto& m = e.measure.id;
  e.org["people"].push_back({{"id", "p-2"}, {"unit", "u-1"}, {"roles", {"hr-specialist"}}});
  e.org["channels"].push_back({{"id", "c-1"}, {"kind", "line-manager"}, {"recipients", {"p-1"}}, {"measures", {m}}});
  if (e.passing)
    e.org["channels"].push_back({{"id", "c-2"}, {"kind", "hr"}, {"recipients", {"p-2"}}, {"measures", {m}}});
}

std::vector<std::string> routine_evidence(const RuleInput& in) {
  std::vector<std::string> ev;
  for (auto i : in.ctx.routines_of(in.measure_index))
    ev.push_back(in.ctx.routine_pointer(i));
  return ev;
}

}  // namespace trygg::detail::eval
