// SPDX-License-Identifier: MIT
// channel_terms: the reporting channels for a measure promise to acknowledge a report and
// give feedback within the legal limits (Directive (EU) 2019/1937 art. 9(1)(b) and (f):
// seven days and three months; SFS 2021:890 5 kap.).
#include "common.hpp"

namespace trygg::detail::eval {
namespace {
class ChannelTerms final : public Evaluator {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo i{
        "channel_terms",
        "every channel for the measure promises acknowledgement and feedback within the limits",
        {{"acknowledge_within", CheckParam::Kind::duration, "P7D", {}},
         {"feedback_within", CheckParam::Kind::duration, "P3M", {}}},
        {"channel-terms.pass", "channel-terms.fail", "channel-terms.none", "channel-terms.not-assessed",
         "channel-terms.expected", "channel-terms.found", "common.found-none", "common.found-not-reported"}};
    return i;
  }
  void evaluate(const RuleInput& in, std::vector<Outcome>& out) const override {
    const auto& ctx = in.ctx;
    auto limit = [&](const char* name, Duration fallback) {
      if (const auto it = in.rule.params.find(name); it != in.rule.params.end() && it->is_string())
        if (auto d = Duration::parse(it->get<std::string>())) return *d;
      return fallback;
    };
    const Duration ack = limit("acknowledge_within", Duration{0, 0, 7});
    const Duration feedback = limit("feedback_within", Duration{0, 3, 0});
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
};
}  // namespace
const Evaluator& channel_terms() {
  static const ChannelTerms e;
  return e;
}
}  // namespace trygg::detail::eval
