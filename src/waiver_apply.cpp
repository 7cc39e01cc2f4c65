// SPDX-License-Identifier: MIT
// Applying waivers to a report (docs/history.md, "Policy"): when a waiver is in force, which
// findings it names, and what a wrong id should have been.
#include "waiver_apply.hpp"

#include <algorithm>
#include <unordered_map>

#include "json_text.hpp"

namespace trygg::detail {
namespace {

/// Only what is a finding can be waived; a pass or a rule that does not apply never is.
bool waivable(Status s) {
  return s == Status::fail || s == Status::partial || s == Status::not_assessed || s == Status::waived;
}

void uncount(Summary& s, Status status) {
  switch (status) {
    case Status::fail:
      --s.fail;
      break;
    case Status::partial:
      --s.partial;
      break;
    case Status::not_assessed:
      --s.not_assessed;
      break;
    default:
      break;  // waivable() lets nothing else through
  }
}

bool is_legal(Obligation o) {
  return o == Obligation::law || o == Obligation::regulation;
}

}  // namespace

void apply_waivers(Report& report, const Organisation& org, const AuditOptions& options) {
  if (options.waivers.empty()) return;
  const Framework& fw = report.framework;
  const WaiverPolicy& policy = options.waiver_policy;

  // The findings by fingerprint and by rule, made once: a report may hold findings for
  // 100,000 units, and a waiver file a few dozen entries.
  std::unordered_map<std::uint64_t, std::uint32_t> by_fingerprint;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_rule;
  by_fingerprint.reserve(report.findings.size());
  for (std::uint32_t fi = 0; fi < report.findings.size(); ++fi) {
    const Finding& f = report.findings[fi];
    if (!waivable(report.results[f.result].status)) continue;
    by_fingerprint.emplace(f.fingerprint, fi);
    by_rule[report.results[f.result].rule].push_back(fi);
  }
  // Candidates for a did-you-mean, made only when an id is wrong.
  std::vector<std::string_view> rule_ids, unit_ids;

  report.waivers.reserve(options.waivers.size());
  for (const Waiver& w : options.waivers) {
    WaiverOutcome out;
    out.waiver = w;
    const auto wi = static_cast<std::uint32_t>(report.waivers.size());
    std::vector<std::uint32_t> named;  // indices into report.findings
    if (w.fingerprint) {
      if (const auto it = by_fingerprint.find(*w.fingerprint); it != by_fingerprint.end()) named.push_back(it->second);
    } else if (const Rule* rule = fw.find_rule(w.rule); !rule) {
      if (rule_ids.empty())
        for (const auto& r : fw.rules())
          rule_ids.push_back(r.id);
      out.did_you_mean = std::string(closest(w.rule, rule_ids));
    } else {
      out.legal = is_legal(rule->obligation);
      const bool whole = w.subject == "organisation";
      if (!w.subject.empty() && !whole && !org.find_unit(w.subject)) {
        if (unit_ids.empty()) {
          unit_ids.push_back("organisation");
          for (const auto& u : org.units)
            unit_ids.push_back(u.id);
        }
        out.did_you_mean = std::string(closest(w.subject, unit_ids));
      } else if (const auto it = by_rule.find(static_cast<std::uint32_t>(rule - fw.rules().data()));
                 it != by_rule.end()) {
        for (const auto fi : it->second) {
          const Subject& s = report.results[report.findings[fi].result].subject;
          const bool fits =
              w.subject.empty() || (whole ? s.kind == Subject::Kind::organisation
                                          : s.kind == Subject::Kind::unit && org.units[s.unit].id == w.subject);
          if (fits) named.push_back(fi);
        }
      }
    }
    if (w.fingerprint && !named.empty())
      out.legal = is_legal(report.obligation(report.results[report.findings[named.front()].result]));

    // The policy's maximum runs from the decision; a later expiry is cut back to it.
    const Date limit =
        w.decided + Duration{0, static_cast<int>(out.legal ? policy.max_months_legal : policy.max_months), 0};
    out.until = w.expires ? std::min(*w.expires, limit) : limit;
    out.capped = !w.expires || *w.expires > limit;

    if (named.empty())
      out.state = WaiverOutcome::State::unmatched;
    else if (w.decided > report.as_of)
      out.state = WaiverOutcome::State::not_yet;
    else if (report.as_of > out.until)
      out.state = WaiverOutcome::State::expired;
    else
      out.state = WaiverOutcome::State::applied;

    const bool applies = out.state == WaiverOutcome::State::applied;
    for (const auto fi : named) {
      Finding& f = report.findings[fi];
      Result& r = report.results[f.result];
      out.results.push_back(f.result);
      if (applies && r.status != Status::waived) {
        uncount(report.summary, r.status);
        ++report.summary.waived;
        r.status = Status::waived;
        f.waiver = wi;  // the first waiver in force wins
      } else if (f.waiver == Finding::no_waiver) {
        f.waiver = wi;  // one that expired or is not in force yet, so reports can say so
      }
    }
    report.waivers.push_back(std::move(out));
  }
}

}  // namespace trygg::detail
