// SPDX-License-Identifier: MIT
// Internal: helpers shared by the checks.
#pragma once

#include <string>
#include <vector>

#include "../audit_context.hpp"
#include "check.hpp"
#include "trygg/check.hpp"

namespace trygg::detail::eval {

/// The earliest date found after the as-of date, with its JSON Pointer: a date that is not yet
/// evidence, which the report names instead of saying "no date reported".
struct FutureDate {
  std::optional<Date> date;
  std::string pointer;
  void consider(Date d, Date as_of, const std::string& at) {
    if (d > as_of && (!date || d < *date)) {
      date = d;
      pointer = at;
    }
  }
};

/// The elements a rule of the "elements" check requires: its "elements" parameter, else every
/// element of its measure (resolved when the framework was built). One definition for the
/// check, the report's routine view and the worked examples.
std::vector<std::string> required_elements(const Rule& rule, const Measure& measure);
/// The longest a duration can last, in days, over every possible start date (P3M: 92, P1Y:
/// 366): with only a count of days to compare against, a limit is judged in the
/// organisation's favour.
std::int64_t longest_days(const Duration& d);
/// Comma-separated list.
std::string join(const std::vector<std::string>& items);
/// "45 %".
std::string percent(double share);

/// An organisation-level outcome.
Outcome org_outcome(const RuleInput& in, Status status, Message message, Message expected, Message found,
                    std::vector<std::string> evidence = {});

/// Handle the cases where there is no routine to look at. Returns true (having added an
/// outcome) when the input has no routines section (not assessed) or no routine
/// implements the measure (fail).
bool without_routines(const RuleInput& in, const Message& expected, std::vector<Outcome>& out);

/// The latest date, on or before the as-of date, on which the measure was adopted, reviewed
/// or carried out: the routines' `adopted` and `last_reviewed`, the activities' and the
/// surveys' `date`. A date after the as-of date has not happened yet and is not evidence; the
/// earliest such date is kept so the report can name it (often a typo: 2062 for 2026).
struct LatestOccurrence {
  bool any = false;          ///< some routine, activity or survey implements the measure
  std::optional<Date> date;  ///< nullopt: none of them has a past date
  std::string pointer;       ///< JSON Pointer of that date
  FutureDate future;         ///< the earliest date after the as-of date, if any
};
LatestOccurrence latest_occurrence(const RuleInput& in);

/// Whether the input reports any section that can hold occurrences of a measure (routines,
/// activities, surveys): when none is, "never carried out" cannot be said.
bool occurrences_reported(const Organisation& org);

/// The "found" message for evidence dated after the as-of date (common.found-future).
Message future_found(const FutureDate& f, Date as_of);

/// The outcome when the measure is implemented but no date on or before the as-of date is
/// reported: when it happened is not known, so the rule is not assessed. With a date after the
/// as-of date (often a typo) the message is `future_message` and the date is named; otherwise
/// `no_date_message`, found "no date reported".
Outcome undated(const RuleInput& in, const LatestOccurrence& latest, const Message& expected,
                const char* future_message, const char* no_date_message);

/// For checks that judge every unit: the organisation outcome (pass when no unit failed, fail
/// when all did, partial otherwise; messages `<prefix>.pass|partial|fail` with `bad`, and
/// `<prefix>.found` with `bad` and `units`), followed by the failing units' own outcomes.
void unit_verdicts(const RuleInput& in, const std::string& prefix, const Message& expected,
                   std::vector<std::string> evidence, std::vector<Outcome>& failing_units, std::vector<Outcome>& out);
/// The same for checks that judge only some units (e.g. the workplaces a threshold binds):
/// `judged` is how many were judged, and `args` are added to both messages.
void unit_verdicts(const RuleInput& in, const std::string& prefix, const Message& expected,
                   std::vector<std::string> evidence, std::vector<Outcome>& failing_units, std::vector<Outcome>& out,
                   std::size_t judged, const std::vector<std::pair<std::string, std::string>>& args);

/// The dates the input format can write (YYYY-MM-DD). A rule may be in force only near either
/// end of them, or look back further than they reach, and its worked examples must still load:
/// every date an example writes is brought within them (the examples of such a rule then show
/// what they can, rather than a document that does not load).
Date within_calendar(Date d);
bool in_calendar(Date d);

/// Worked examples of the route checks: the line manager p-1 receives reports through a
/// line-manager channel; passing, an HR specialist p-2 outside the line of management
/// receives them too.
void example_routes(ExampleInput& e);

/// JSON Pointers of the routines implementing the measure.
std::vector<std::string> routine_evidence(const RuleInput& in);

}  // namespace trygg::detail::eval
