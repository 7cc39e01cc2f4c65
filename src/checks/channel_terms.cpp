// SPDX-License-Identifier: MIT
// channel_terms: the reporting channels for a measure promise to acknowledge a report and
// give feedback within the legal limits (Directive (EU) 2019/1937 art. 9(1)(b) and (f):
// seven days and three months; SFS 2021:890 5 kap.).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class ChannelTerms final : public Evaluator {
 public:
  ChannelTerms()
      : Evaluator("channel_terms",
                  "every channel for the measure promises acknowledgement and feedback within the limits",
                  {{"acknowledge_within", CheckParam::Kind::duration, ParamDefault::fixed(Duration{0, 0, 7}), {}},
                   {"feedback_within", CheckParam::Kind::duration, ParamDefault::fixed(Duration{0, 3, 0}), {}}},
                  {"channel-terms.pass", "channel-terms.fail", "channel-terms.none", "channel-terms.not-assessed",
                   "channel-terms.expected", "channel-terms.found", "common.found-none", "common.found-not-reported"}) {
  }
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    const Duration ack = in.rule.resolved_params.duration("acknowledge_within");
    const Duration feedback = in.rule.resolved_params.duration("feedback_within");
    const Message expected{"channel-terms.expected",
                           {{"acknowledge", ack.to_string()}, {"feedback", feedback.to_string()}}};
    const auto& channels = ctx.channels_of(in.measure_index);
    if (channels.empty()) {
      const bool reported = ctx.org.has_channels;
      out.push_back(org_outcome(in, reported ? Status::fail : Status::not_assessed,
                                Message{reported ? "channel-terms.none" : "channel-terms.not-assessed"}, expected,
                                Message{reported ? "common.found-none" : "common.found-not-reported"},
                                reported ? std::vector<std::string>{"/channels"} : std::vector<std::string>{}));
      return;
    }
    std::vector<std::string> bad, bad_evidence, evidence;
    for (auto i : channels) {
      const auto& c = ctx.org.channels[i];
      const std::string ptr = ctx.channel_pointer(i);
      evidence.push_back(ptr);
      const bool ack_ok = c.acknowledge_within && longest_days(*c.acknowledge_within) <= longest_days(ack);
      const bool fb_ok = c.feedback_within && longest_days(*c.feedback_within) <= longest_days(feedback);
      if (!ack_ok) bad_evidence.push_back(ptr + "/acknowledge_within");
      if (!fb_ok) bad_evidence.push_back(ptr + "/feedback_within");
      if (!ack_ok || !fb_ok) bad.push_back(c.id);
    }
    const Message found{"channel-terms.found",
                        {{"count", std::to_string(channels.size())}, {"bad", std::to_string(bad.size())}}};
    if (bad.empty())
      out.push_back(org_outcome(in, Status::pass, Message{"channel-terms.pass"}, expected, found, std::move(evidence)));
    else
      out.push_back(org_outcome(in, bad.size() == channels.size() ? Status::fail : Status::partial,
                                Message{"channel-terms.fail", {{"ids", join(bad)}}}, expected, found,
                                std::move(bad_evidence)));
  }
  ExampleRoutine example(ExampleInput& e) const override {
    // Failing: one day longer than each limit, or, for a limit so long that the format cannot
    // write a day more, no promise at all (which the check fails as well).
    nlohmann::json channel{
        {"id", "c-1"}, {"kind", "whistleblowing"}, {"recipients", {"p-1"}}, {"measures", {e.measure.id}}};
    for (const char* name : {"acknowledge_within", "feedback_within"}) {
      Duration d = e.rule.resolved_params.duration(name);
      if (e.passing) {
        // As the pack spells it, when it does.
        const auto it = e.rule.params.find(name);
        channel[name] = it != e.rule.params.end() && it->is_string() ? it->get<std::string>() : d.to_string();
        continue;
      }
      d.days += 1;
      if (Duration::parse(d.to_string())) channel[name] = d.to_string();
    }
    e.org["channels"].push_back(std::move(channel));
    return ExampleRoutine::drop;
  }
};
}  // namespace
const Evaluator& channel_terms() {
  static const ChannelTerms e;
  return e;
}
}  // namespace trygg::detail::eval
