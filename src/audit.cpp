// SPDX-License-Identifier: MIT
// The audit as orchestration: each rule that applies is evaluated by its check, and its
// outcomes are stored as compact results; scores, the action plan and the routine view are
// computed in their own files.
#include "trygg/audit.hpp"

#include <algorithm>

#include "action_plan.hpp"
#include "applicability.hpp"
#include "audit_context.hpp"
#include "maturity.hpp"
#include "organisation_validate.hpp"
#include "plan_state.hpp"
#include "routine_coverage.hpp"
#include "trygg/error.hpp"
#include "waiver_apply.hpp"

namespace trygg {
namespace {
using detail::AuditContext;
using detail::Outcome;

/// FNV-1a, 64 bit: a stable, dependency-free hash for fingerprints. Not for security.
/// The organisation's own id is left out, so a gap keeps its fingerprint when the
/// organisation file is renamed or re-keyed from one year to the next.
std::uint64_t fingerprint(std::string_view rule, const Subject& subject, const Organisation& org) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0x1f;  // field separator
    h *= 1099511628211ull;
  };
  mix(rule);
  if (subject.kind == Subject::Kind::organisation) {
    mix("organisation");
  } else {
    mix("unit");
    mix(org.units[subject.unit].id);
  }
  return h;
}

/// How long the suggested due date of a proposed measure lies after the as-of date.
/// A policy choice of ours, documented in docs/architecture.md: the more serious, the sooner.
Duration time_to_fix(Severity s) {
  switch (s) {
    case Severity::critical:
      return Duration{0, 1, 0};
    case Severity::high:
      return Duration{0, 3, 0};
    case Severity::medium:
      return Duration{0, 6, 0};
    default:
      return Duration{1, 0, 0};
  }
}

bool counts_as_finding(Status s) {
  return s == Status::fail || s == Status::partial || s == Status::not_assessed;
}

}  // namespace

Language default_language(const Organisation& org) noexcept {
  if (auto l = parse_language(org.language)) return *l;
  return country_language(org.country);
}

std::vector<Citation> Report::citations(const Finding& f) const {
  return citations_in_force(rule(results.at(f.result)).citations, as_of);
}

std::size_t Report::count_at_or_above(Severity threshold) const noexcept {
  std::size_t n = 0;
  for (const auto& f : findings)
    if (counts_as_finding(results[f.result].status) && severity(results[f.result]) >= threshold) ++n;
  return n;
}

namespace {
void count(Summary& s, Status status) {
  switch (status) {
    case Status::pass:
      ++s.pass;
      break;
    case Status::fail:
      ++s.fail;
      break;
    case Status::partial:
      ++s.partial;
      break;
    case Status::not_applicable:
      ++s.not_applicable;
      break;
    case Status::not_assessed:
      ++s.not_assessed;
      break;
    case Status::waived:
      ++s.waived;
      break;
  }
}
}  // namespace

Report audit(const Organisation& org, const Framework& fw, const AuditOptions& options) {
  for (const auto& p : options.packs)
    if (std::none_of(fw.packs().begin(), fw.packs().end(), [&](const Pack& k) { return k.id == p; })) {
      std::string known;
      for (const auto& k : fw.packs())
        known += (known.empty() ? "" : ", ") + k.id;
      throw UsageError("unknown pack \"" + p + "\" (loaded packs: " + known + ")");
    }
  // An organisation built or edited in code has not been through the loader: refuse one the
  // checks cannot judge (a cycle of units would otherwise never end the pre-order walk).
  detail::require_auditable(org, fw, "<organisation>");
  Report report;
  report.framework = fw;
  report.organisation_id = org.id;
  report.organisation_name = org.name;
  report.country = org.country;
  report.sector = org.sector;
  report.headcount = org.total_headcount();
  report.as_of = options.as_of.value_or(Date::today());
  report.language = options.language.value_or(default_language(org));
  for (const auto& p : fw.packs())
    if (options.packs.empty() || std::find(options.packs.begin(), options.packs.end(), p.id) != options.packs.end())
      report.packs.push_back(p.id);

  const AuditContext ctx(org, fw, report.as_of);

  // Rules in report order: by measure (area order, then id), then rule id.
  const auto& rules = fw.rules();
  std::vector<std::vector<std::uint32_t>> rules_by_measure(fw.measures().size());
  for (std::uint32_t ri = 0; ri < rules.size(); ++ri) {
    const Rule& r = rules[ri];
    if (r.preview && !options.preview) continue;
    if (std::find(report.packs.begin(), report.packs.end(), r.pack) == report.packs.end()) continue;
    rules_by_measure[fw.rule_measure(ri)].push_back(ri);
  }

  // Every rule gives at least one result: reserve for that (unit results grow beyond it).
  report.results.reserve(rules.size());
  report.findings.reserve(rules.size());
  std::vector<char> measure_applies(fw.measures().size(), 0);
  std::vector<char> unit_labelled(org.units.size(), 0);
  std::vector<std::pair<const Rule*, std::size_t>> element_rules;  // ran, with their measure
  std::vector<Outcome> outcomes;
  for (std::size_t mi = 0; mi < fw.measures().size(); ++mi) {
    const Measure& m = fw.measures()[mi];
    for (const std::uint32_t ri : rules_by_measure[mi]) {
      const Rule& rule = rules[ri];
      if (options.cancelled && options.cancelled()) throw Cancelled();  // once per rule: negligible
      outcomes.clear();
      Outcome why;
      why.subject = detail::organisation_subject(org);
      if (!detail::applies(rule, ctx, why)) {
        why.expected = Message{"applies.expected"};
        why.found = why.message;
        outcomes.push_back(std::move(why));
      } else {
        detail::evaluators()[fw.rule_checks()[ri]]->evaluate(detail::RuleInput{ctx, rule, m, mi}, outcomes);
        if (rule.check == "elements") element_rules.emplace_back(&rule, mi);
      }
      for (auto& o : outcomes) {
        if (o.status != Status::not_applicable) measure_applies[mi] = 1;
        Result r;
        r.rule = ri;
        r.subject = o.subject;
        r.status = o.status;
        r.message = report.store(o.message);
        r.expected = report.store(o.expected);
        r.found = report.store(o.found);
        report.store_evidence(r, o.evidence);
        r.next_due = o.next_due;
        if (r.subject.kind == Subject::Kind::unit && !unit_labelled[r.subject.unit]) {
          unit_labelled[r.subject.unit] = 1;
          const Unit& u = org.units[r.subject.unit];
          report.store_unit(r.subject.unit, u.id, u.name);
        }
        count(report.summary, r.status);
        if (counts_as_finding(r.status))
          report.findings.push_back(Finding{static_cast<std::uint32_t>(report.results.size()),
                                            fingerprint(rule.id, r.subject, org),
                                            report.as_of + time_to_fix(rule.severity)});
        report.results.push_back(r);
      }
    }
  }
  report.finish();
  detail::apply_waivers(report, org, options);  // before the scores and the plan, which leave waived findings out

  report.routines = detail::routine_coverage(ctx, element_rules);
  for (std::size_t mi = 0; mi < fw.measures().size(); ++mi)
    if (measure_applies[mi]) report.measure_scores.push_back(detail::maturity(ctx, fw.measures()[mi], mi));
  report.area_scores = detail::area_scores(report);
  detail::plan_actions(report);
  detail::plan_states(report, org);
  return report;
}

}  // namespace trygg
