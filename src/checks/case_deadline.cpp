// SPDX-License-Identifier: MIT
// case_deadline: aggregated case figures show reports handled in time. Acknowledgement
// within 7 days and feedback within 3 months (Directive (EU) 2019/1937 art. 9(1)(b), (f);
// SFS 2021:890), investigation started promptly (DL 2 kap. 3 § "skyndsamt", aml § 2 A-3
// "innen rimelig tid": neither gives a number, so the limit is a rule parameter), and case
// records not kept beyond the retention limit (SFS 2021:890 7 kap.). Only aggregates are
// read; the input never holds a case.
#include <algorithm>

#include "../disclosure.hpp"
#include "common.hpp"

namespace trygg::detail::eval {
namespace {

class CaseDeadline final : public Evaluator {
 public:
  CaseDeadline()
      : Evaluator(
            "case_deadline", "aggregated case statistics show every report handled within the deadline",
            {{"metric",
              CheckParam::Kind::choice,
              ParamDefault::fixed("acknowledge"),
              {"acknowledge", "feedback", "investigation-start", "retention"}},
             {"within",
              CheckParam::Kind::duration,
              ParamDefault::per_choice("metric",
                                       {{"acknowledge", Duration{0, 0, 7}},
                                        {"feedback", Duration{0, 3, 0}},
                                        {"investigation-start", {}},
                                        {"retention", {}}},
                                       "investigation-start without it judges only reports never investigated; "
                                       "not used for retention, whose figure (retained_beyond_limit) the input counts "
                                       "against the legal limit itself"),
              {}},
             {"kinds",
              CheckParam::Kind::case_kinds,
              ParamDefault::fixed(std::vector<std::string>{}, "every kind of case"),
              {}}},
            {"case-deadline.pass", "case-deadline.fail", "case-deadline.no-cases", "case-deadline.not-assessed",
             "case-deadline.no-figures", "case-deadline.expected", "case-deadline.expected-retention",
             "case-deadline.fail-retention", "case-deadline.expected-investigated", "case-deadline.fail-investigated",
             "case-deadline.found", "case-deadline.found-hidden", "case-deadline.fail-hidden",
             "case-deadline.fail-investigated-hidden", "case-deadline.fail-retention-hidden",
             "common.found-not-reported"}) {}

  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& org = in.ctx.org;
    const auto& params = in.rule.resolved_params;
    const std::string& metric = params.text("metric");
    // Investigation start has a limit only when the rule sets one; retention has none (the
    // input counts its figure against the legal limit), and its messages show P0D.
    const std::optional<Duration> limit_set = params.optional_duration("within");
    const Duration within = limit_set.value_or(Duration{});
    const bool timed = metric != "investigation-start" || limit_set.has_value();
    const auto& kinds = params.list("kinds");
    const std::string kinds_text = kinds.empty() ? std::string("*") : join(kinds);
    const Message expected =
        metric == "retention" ? Message{"case-deadline.expected-retention", {{"kinds", kinds_text}}}
        : !timed              ? Message{"case-deadline.expected-investigated", {{"kinds", kinds_text}}}
                              : Message{"case-deadline.expected",
                           {{"metric", metric}, {"within", within.to_string()}, {"kinds", kinds_text}}};
    if (!org.has_case_statistics) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"case-deadline.not-assessed"}, expected,
                                Message{"common.found-not-reported"}));
      return;
    }
    const std::int64_t limit = longest_days(within);
    std::size_t periods = 0, judged = 0;
    std::uint64_t late_total = 0;
    std::vector<std::string> late_evidence, all_evidence;
    std::vector<Index> judged_groups;  // whose cases the count of late ones is about
    for (std::size_t i = 0; i < org.case_statistics.size(); ++i) {
      const auto& c = org.case_statistics[i];
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end()) continue;
      ++periods;
      const std::string ptr = "/case_statistics/" + std::to_string(i);
      all_evidence.push_back(ptr);
      // Late reports in this period: nullopt when the figures do not say.
      // Late reports in this period: nullopt when no figure answers the metric. Two figures
      // may answer it (the longest time, and a count in time); the larger verdict stands,
      // because the longest time covers only the reports that were answered at all.
      std::optional<std::uint64_t> late;
      auto judge = [&](std::uint64_t n, const char* field) {
        late = std::max(late.value_or(0), n);
        if (n) late_evidence.push_back(ptr + "/" + field);
      };
      auto by_max = [&](const std::optional<std::uint32_t>& max_days, const char* field) {
        if (max_days) judge(*max_days > limit ? 1u : 0u, field);
      };
      auto by_count = [&](const std::optional<std::uint32_t>& in_time, const char* field) {
        if (in_time && c.received) judge(*c.received - std::min(*c.received, *in_time), field);
      };
      if (c.received && *c.received == 0) {
        late = 0;
      } else if (metric == "acknowledge") {
        by_max(c.max_days_to_acknowledge, "max_days_to_acknowledge");
        // The count field is defined for 7 days; it answers only a 7-day limit.
        if (within == Duration{0, 0, 7}) by_count(c.acknowledged_within_7_days, "acknowledged_within_7_days");
      } else if (metric == "feedback") {
        by_max(c.max_days_to_feedback, "max_days_to_feedback");
        if (within == Duration{0, 3, 0}) by_count(c.feedback_within_3_months, "feedback_within_3_months");
      } else if (metric == "investigation-start") {
        // Without a time limit in the rule, only reports never investigated count.
        if (timed) by_max(c.max_days_to_investigation_start, "max_days_to_investigation_start");
        by_count(c.investigations_started, "investigations_started");
      } else if (metric == "retention") {
        if (c.retained_beyond_limit) judge(*c.retained_beyond_limit, "retained_beyond_limit");
      }
      if (!late) continue;
      ++judged;
      late_total += *late;
      judged_groups.push_back(c.unit);
    }
    // The count of late cases is a figure about the people of the judged sets of figures (a
    // unit's set is about its subtree, the organisation's about everyone): it goes through
    // disclosure control like any other figure (docs/privacy.md), as a table of one cell.
    // Zero is a figure too ("no case late" in a unit of three says as much as "one late").
    const std::string min = std::to_string(in.ctx.fw.min_group_size());
    const bool hidden =
        judged > 0 && disclose({GroupCell{no_enclosing_cell, detail::GroupSizes(org).union_size(judged_groups)}},
                               in.ctx.fw.min_group_size())
                              .front() != Disclosure::published;
    const Message found =
        hidden ? Message{"case-deadline.found-hidden",
                         {{"periods", std::to_string(periods)}, {"judged", std::to_string(judged)}, {"min", min}}}
               : Message{"case-deadline.found",
                         {{"periods", std::to_string(periods)},
                          {"judged", std::to_string(judged)},
                          {"late", std::to_string(late_total)}}};
    if (periods == 0) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"case-deadline.no-cases", {{"kinds", kinds_text}}},
                                expected, found, {"/case_statistics"}));
    } else if (late_total > 0) {
      // Dedupe: one period can be late by two fields.
      std::sort(late_evidence.begin(), late_evidence.end());
      late_evidence.erase(std::unique(late_evidence.begin(), late_evidence.end()), late_evidence.end());
      std::string id = metric == "retention" ? "case-deadline.fail-retention"
                       : !timed              ? "case-deadline.fail-investigated"
                                             : "case-deadline.fail";
      Message fail{id, {{"metric", metric}, {"within", within.to_string()}, {"late", std::to_string(late_total)}}};
      if (hidden) fail = Message{id + "-hidden", {{"metric", metric}, {"within", within.to_string()}, {"min", min}}};
      out.push_back(org_outcome(in, Status::fail, std::move(fail), expected, found, std::move(late_evidence)));
    } else if (judged == 0) {
      out.push_back(org_outcome(in, Status::not_assessed, Message{"case-deadline.no-figures", {{"metric", metric}}},
                                expected, found, std::move(all_evidence)));
    } else {
      out.push_back(org_outcome(
          in, judged == periods ? Status::pass : Status::partial,
          Message{judged == periods ? "case-deadline.pass" : "case-deadline.no-figures", {{"metric", metric}}},
          expected, found, std::move(all_evidence)));
    }
  }
  ExampleRoutine example(ExampleInput& e) const override {
    const auto& params = e.rule.resolved_params;
    // Late by more than any limit a profile may set: past the longest the limit can last.
    // Without a limit (investigation start judged by count alone) any number of days is in
    // time, and the late figures still read 400 days.
    const auto limit = params.optional_duration("within");
    const std::int64_t beyond = limit ? longest_days(*limit) + 1 : 2;
    const auto& kinds = params.list("kinds");
    const std::string kind = kinds.empty() ? "harassment" : kinds.front();
    // In time: one day, or the same day for a limit of zero days ("P0D").
    const std::int64_t days = e.passing ? std::min<std::int64_t>(1, beyond - 1) : std::max<std::int64_t>(400, beyond);
    const auto from = within_calendar(e.as_of - Duration{1, 0, 0}).to_string();
    const auto to = within_calendar(e.as_of - Duration{0, 0, 1}).to_string();
    const int in_time = e.passing ? 2 : 0;
    e.org["case_statistics"].push_back({{"id", "cs-1"},
                                        {"period", {{"from", from}, {"to", to}}},
                                        {"kind", kind},
                                        {"received", 2},
                                        {"acknowledged_within_7_days", in_time},
                                        {"feedback_within_3_months", in_time},
                                        {"investigations_started", in_time},
                                        {"max_days_to_acknowledge", days},
                                        {"max_days_to_feedback", days},
                                        {"max_days_to_investigation_start", days},
                                        {"retained_beyond_limit", e.passing ? 0 : 1},
                                        {"closed", 2}});
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& case_deadline() {
  static const CaseDeadline e;
  return e;
}
}  // namespace trygg::detail::eval
