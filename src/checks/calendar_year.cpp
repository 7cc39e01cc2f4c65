// SPDX-License-Identifier: MIT
// calendar_year: a duty to be done "under året" (DL 3 kap. 13 §: the yearly documentation
// of active measures; LDL § 26 a: the yearly report) is met when it was done in the as-of
// year, or in the year before while the as-of year is still running. A cadence would be
// wrong here: documentation made in January 2025 and December 2026 covers both years.
#include <chrono>

#include "common.hpp"

namespace trygg::detail::eval {
namespace {
Date last_day_of(int year) {
  return Date(std::chrono::year_month_day{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}});
}

class CalendarYear final : public Evaluator {
 public:
  CalendarYear()
      : Evaluator("calendar_year", "the measure was carried out or documented in the as-of year or the year before", {},
                  {"calendar-year.pass", "calendar-year.fail", "calendar-year.none", "calendar-year.not-assessed",
                   "calendar-year.expected", "calendar-year.found", "common.found-none", "common.found-not-reported",
                   "common.found-future", "cadence.found-no-date"}) {}
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const int year = ctx.as_of.year();
    const Message expected{"calendar-year.expected", {{"year", std::to_string(year - 1)}}};
    const auto latest = latest_occurrence(in);
    const auto& last = latest.date;
    if (!latest.any) {
      const bool reported = occurrences_reported(ctx.org);
      out.push_back(org_outcome(in, reported ? Status::fail : Status::not_assessed,
                                Message{reported ? "calendar-year.none" : "calendar-year.not-assessed"}, expected,
                                Message{reported ? "common.found-none" : "common.found-not-reported"}));
      return;
    }
    if (!last) {
      out.push_back(undated(in, latest, expected, "calendar-year.not-assessed", "calendar-year.not-assessed"));
      return;
    }
    const Message found{"calendar-year.found", {{"date", last->to_string()}}};
    const bool ok = last->year() >= year - 1;
    Outcome o = org_outcome(in, ok ? Status::pass : Status::fail,
                            Message{ok ? "calendar-year.pass" : "calendar-year.fail",
                                    {{"date", last->to_string()}, {"year", std::to_string(year - 1)}}},
                            expected, found, {latest.pointer});
    o.next_due = last_day_of(last->year() >= year ? year + 1 : year);
    out.push_back(std::move(o));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    e.routine["adopted"] = e.passing ? e.recent : within_calendar(e.as_of - Duration{10, 0, 0}).to_string();
    return ExampleRoutine::keep;
  }
};
}  // namespace
const Evaluator& calendar_year() {
  static const CalendarYear e;
  return e;
}
}  // namespace trygg::detail::eval
