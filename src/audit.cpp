// SPDX-License-Identifier: MIT
// The audit: applicability, evaluation, findings, maturity and the ordered action plan.
#include "trygg/audit.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "checks/common.hpp"
#include "organisation_validate.hpp"
#include "audit_context.hpp"
#include "trygg/error.hpp"

namespace trygg {
namespace {
using detail::AuditContext;
using detail::Outcome;

/// FNV-1a, 64 bit: a stable, dependency-free hash for fingerprints. Not for security.
/// The organisation's own id is left out, so a gap keeps its fingerprint when the
/// organisation file is renamed or re-keyed from one year to the next.
std::string fingerprint(const Result& r) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64-bit offset basis
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0x1f;  // field separator
    h *= 1099511628211ull;
  };
  mix(r.rule);
  if (r.subject.kind == Subject::Kind::organisation) {
    mix("organisation");
  } else {
    mix("unit");
    mix(r.subject.id);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
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

std::optional<std::uint32_t> headcount_by(const Organisation& org, const std::string& basis) {
  if (basis == "start-of-year") return org.headcount.start_of_year;
  if (basis == "regular") return org.headcount.regular;
  return org.total_headcount();
}

/// Why a set of conditions does not hold. `depth` ranks refusals by how far the check got
/// (country, sector, flags, headcount, dates): among alternatives, the deepest refusal is
/// the one that explains the outcome best ("applies from 2023-12-17" rather than "applies
/// to public employers" for a private employer of 60 staff in 2023).
struct Refusal {
  Status status = Status::not_applicable;
  Message message;
  int depth = 0;
};

/// Conditions the input decides come first: a rule that is excluded by one of them is not
/// applicable even when another cannot be decided (unknown sector or headcount), which
/// gives "not assessed".
std::optional<Refusal> refuse(const Applicability& a, const AuditContext& ctx) {
  const auto& org = ctx.org;
  using detail::eval::join;
  if (!a.countries.empty() && std::find(a.countries.begin(), a.countries.end(), org.country) == a.countries.end())
    return Refusal{Status::not_applicable, Message{"applies.countries", {{"countries", join(a.countries)}}}, 0};
  if (!a.sectors.empty() && !org.sector.empty() &&
      std::find(a.sectors.begin(), a.sectors.end(), org.sector) == a.sectors.end())
    return Refusal{Status::not_applicable, Message{"applies.sectors", {{"sectors", join(a.sectors)}}}, 1};
  // Flags have three states (docs/input-format.md, "Flags"): a flag that is not reported
  // leaves the rule open rather than excluding it.
  using FlagState = Organisation::FlagState;
  std::vector<std::string> open_flags;
  if (!a.flags_any.empty() &&
      std::none_of(a.flags_any.begin(), a.flags_any.end(), [&](const std::string& f) { return org.has_flag(f); })) {
    for (const auto& f : a.flags_any)
      if (org.flag_state(f) == FlagState::not_reported) open_flags.push_back(f);
    if (open_flags.empty())
      return Refusal{Status::not_applicable, Message{"applies.flags", {{"flags", join(a.flags_any)}}}, 2};
  }
  for (const auto& f : a.flags_all) {
    const auto state = org.flag_state(f);
    if (state == FlagState::absent)
      return Refusal{Status::not_applicable, Message{"applies.flags-all", {{"flags", join(a.flags_all)}}}, 2};
    if (state == FlagState::not_reported && std::find(open_flags.begin(), open_flags.end(), f) == open_flags.end())
      open_flags.push_back(f);
  }
  const auto h = (a.min_headcount || a.max_headcount) ? headcount_by(org, a.headcount_basis) : std::nullopt;
  if (h && a.min_headcount && *h < *a.min_headcount)
    return Refusal{Status::not_applicable,
                   Message{"applies.min-headcount",
                           {{"min", std::to_string(*a.min_headcount)},
                            {"headcount", std::to_string(*h)},
                            {"basis", a.headcount_basis}}},
                   3};
  if (h && a.max_headcount && *h > *a.max_headcount)
    return Refusal{Status::not_applicable,
                   Message{"applies.max-headcount",
                           {{"max", std::to_string(*a.max_headcount)},
                            {"headcount", std::to_string(*h)},
                            {"basis", a.headcount_basis}}},
                   3};
  if (a.from && ctx.as_of < *a.from)
    return Refusal{Status::not_applicable, Message{"applies.from", {{"date", a.from->to_string()}}}, 4};
  if (a.until && ctx.as_of > *a.until)
    return Refusal{Status::not_applicable, Message{"applies.until", {{"date", a.until->to_string()}}}, 4};
  // What the input leaves open.
  if (!open_flags.empty())
    return Refusal{Status::not_assessed, Message{"applies.flags-unknown", {{"flags", join(open_flags)}}}, 5};
  if (!a.sectors.empty() && org.sector.empty())
    return Refusal{Status::not_assessed, Message{"applies.sector-unknown"}, 5};
  if ((a.min_headcount || a.max_headcount) && !h)
    return Refusal{Status::not_assessed, Message{"applies.headcount-unknown", {{"basis", a.headcount_basis}}}, 5};
  if (a.any_of.empty()) return std::nullopt;
  // At least one alternative must hold. If none does but one cannot be decided, the rule
  // is not assessed; otherwise the deepest refusal explains why it does not apply.
  std::optional<Refusal> best, open;
  for (const auto& alt : a.any_of) {
    auto r = refuse(alt, ctx);
    if (!r) return std::nullopt;
    if (r->status == Status::not_assessed) {
      if (!open) open = std::move(r);
    } else if (!best || r->depth > best->depth) {
      best = std::move(r);
    }
  }
  return open ? open : best;
}

/// Applicability of a rule; on "no" fills the outcome with the reason.
bool applies(const Rule& rule, const AuditContext& ctx, Outcome& why) {
  auto r = refuse(rule.applies_if, ctx);
  if (!r) return true;
  why.status = r->status;
  why.message = std::move(r->message);
  return false;
}

/// Maturity of a measure from the organisation's data (independent of which rules run):
/// 0 missing, 1 exists, 2 written and owned, 3 current and covering every unit,
/// 4 effect followed up.
MeasureScore maturity(const AuditContext& ctx, const Measure& m, std::size_t mi) {
  MeasureScore s;
  s.measure = m.id;
  s.area = m.area;
  for (auto i : ctx.routines_of(mi)) {
    s.implemented_by.push_back(ctx.org.routines[i].id);
    s.evidence.push_back(ctx.routine_pointer(i));
  }
  for (auto i : ctx.activities_of(mi)) {
    s.implemented_by.push_back(ctx.org.activities[i].id);
    s.evidence.push_back(ctx.activity_pointer(i));
  }
  for (auto i : ctx.channels_of(mi)) {
    s.implemented_by.push_back(ctx.org.channels[i].id);
    s.evidence.push_back(ctx.channel_pointer(i));
  }
  for (auto i : ctx.surveys_of(mi)) {
    s.implemented_by.push_back(ctx.org.surveys[i].id);
    s.evidence.push_back(ctx.survey_pointer(i));
  }
  if (s.implemented_by.empty()) return s;
  s.maturity = 1;
  const Duration every = m.cadence.value_or(Duration{1, 0, 0});
  std::vector<Index> solid;  // written and owned
  for (auto i : ctx.routines_of(mi)) {
    const auto& r = ctx.org.routines[i];
    if (r.written == true && r.owner != no_index) solid.push_back(i);
  }
  if (solid.empty()) return s;
  s.maturity = 2;
  std::optional<Date> last;
  std::vector<const std::vector<Index>*> lists;
  for (auto i : solid) {
    // Like the cadence check: the latest adoption or review that has already happened.
    for (const auto& d : {ctx.org.routines[i].adopted, ctx.org.routines[i].last_reviewed})
      if (d && *d <= ctx.as_of && (!last || *d > *last)) last = d;
    lists.push_back(&ctx.org.routines[i].units);
  }
  for (auto i : ctx.activities_of(mi)) {
    const Date d = ctx.org.activities[i].date;
    if (d <= ctx.as_of && (!last || d > *last)) last = d;
  }
  for (auto i : ctx.surveys_of(mi)) {
    const Date d = ctx.org.surveys[i].date;
    if (d <= ctx.as_of && (!last || d > *last)) last = d;
  }
  const auto covered = ctx.coverage(lists);
  const bool everywhere = std::all_of(covered.begin(), covered.end(), [](char c) { return c != 0; });
  if (!last || *last + every < ctx.as_of || !everywhere) return s;
  s.maturity = 3;
  for (auto i : solid) {
    const auto& e = ctx.org.routines[i].effect_followed_up;
    if (e && e->date <= ctx.as_of && e->date + every >= ctx.as_of) {
      s.maturity = 4;
      break;
    }
  }
  return s;
}

/// Each routine against the element rules that ran for the measures it implements. Like the
/// elements check, a routine known to be unwritten states nothing.
std::vector<RoutineCoverage> routine_coverage(const AuditContext& ctx,
                                              const std::vector<std::pair<const Rule*, std::size_t>>& rules) {
  std::vector<std::vector<RoutineRequirement>> by_routine(ctx.org.routines.size());
  for (const auto& [rule, mi] : rules) {
    const Measure& m = ctx.fw.measures()[mi];
    const std::vector<std::string> required = detail::eval::required_elements(*rule, m);
    for (auto i : ctx.routines_of(mi)) {
      const auto& routine = ctx.org.routines[i];
      RoutineRequirement req{rule->id, m.id, {}};
      req.reported = routine.written == false || routine.elements.has_value();
      for (const auto& e : required)
        if (routine.written == false || !routine.states(e)) req.missing.push_back(e);
      by_routine[i].push_back(std::move(req));
    }
  }
  std::vector<RoutineCoverage> out;
  for (std::size_t i = 0; i < by_routine.size(); ++i) {
    if (by_routine[i].empty()) continue;
    std::sort(by_routine[i].begin(), by_routine[i].end(),
              [](const RoutineRequirement& a, const RoutineRequirement& b) { return a.rule < b.rule; });
    out.push_back(
        RoutineCoverage{ctx.org.routines[i].id, ctx.routine_pointer(static_cast<Index>(i)), std::move(by_routine[i])});
  }
  return out;
}

}  // namespace

Language default_language(const Organisation& org) noexcept {
  if (auto l = parse_language(org.language)) return *l;
  if (org.country == "SE") return Language::sv;
  if (org.country == "NO") return Language::nb;
  return Language::en;
}

std::vector<Citation> Report::citations(const Finding& f) const {
  const Rule* rule = framework.find_rule(results.at(f.result).rule);
  return rule ? citations_in_force(rule->citations, as_of) : std::vector<Citation>{};
}

std::size_t Report::count_at_or_above(Severity threshold) const noexcept {
  std::size_t n = 0;
  for (const auto& f : findings)
    if (counts_as_finding(results[f.result].status) && results[f.result].severity >= threshold) ++n;
  return n;
}

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
  report.as_of = options.as_of.value_or(Date::today());
  report.language = options.language.value_or(default_language(org));
  for (const auto& p : fw.packs())
    if (options.packs.empty() || std::find(options.packs.begin(), options.packs.end(), p.id) != options.packs.end())
      report.packs.push_back(p.id);

  const AuditContext ctx(org, fw, report.as_of);

  // Rules in report order: by measure (area order, then id), then rule id.
  std::vector<std::vector<const Rule*>> rules_by_measure(fw.measures().size());
  for (const auto& r : fw.rules()) {
    if (r.preview && !options.preview) continue;
    if (std::find(report.packs.begin(), report.packs.end(), r.pack) == report.packs.end()) continue;
    if (auto mi = fw.measure_index(r.measure)) rules_by_measure[*mi].push_back(&r);
  }

  std::vector<char> measure_applies(fw.measures().size(), 0);
  std::vector<std::pair<const Rule*, std::size_t>> element_rules;  // ran, with their measure
  std::vector<Outcome> outcomes;
  for (std::size_t mi = 0; mi < fw.measures().size(); ++mi) {
    const Measure& m = fw.measures()[mi];
    for (const Rule* rule : rules_by_measure[mi]) {
      if (options.cancelled && options.cancelled()) throw Cancelled();  // once per rule: negligible
      outcomes.clear();
      Outcome why;
      why.subject = detail::organisation_subject(org);
      if (!applies(*rule, ctx, why)) {
        why.expected = Message{"applies.expected"};
        why.found = why.message;
        outcomes.push_back(std::move(why));
      } else {
        detail::find_evaluator(rule->check)->evaluate(detail::RuleInput{ctx, *rule, m, mi}, outcomes);
        if (rule->check == "elements") element_rules.emplace_back(rule, mi);
      }
      for (auto& o : outcomes) {
        if (o.status != Status::not_applicable) measure_applies[mi] = 1;
        Result r;
        r.rule = rule->id;
        r.measure = m.id;
        r.area = m.area;
        r.check = rule->check;
        r.subject = std::move(o.subject);
        r.status = o.status;
        r.severity = rule->severity;
        r.obligation = rule->obligation;
        r.message = std::move(o.message);
        r.expected = std::move(o.expected);
        r.found = std::move(o.found);
        r.evidence = std::move(o.evidence);
        r.next_due = o.next_due;
        switch (r.status) {
          case Status::pass:
            ++report.summary.pass;
            break;
          case Status::fail:
            ++report.summary.fail;
            break;
          case Status::partial:
            ++report.summary.partial;
            break;
          case Status::not_applicable:
            ++report.summary.not_applicable;
            break;
          case Status::not_assessed:
            ++report.summary.not_assessed;
            break;
          case Status::waived:
            ++report.summary.waived;
            break;
        }
        if (counts_as_finding(r.status)) {
          Finding f;
          f.result = report.results.size();
          f.fingerprint = fingerprint(r);
          f.due = report.as_of + time_to_fix(r.severity);
          report.findings.push_back(std::move(f));
        }
        report.results.push_back(std::move(r));
      }
    }
  }

  report.routines = routine_coverage(ctx, element_rules);

  // Maturity per measure that applies, and per area.
  for (std::size_t mi = 0; mi < fw.measures().size(); ++mi)
    if (measure_applies[mi]) report.measure_scores.push_back(maturity(ctx, fw.measures()[mi], mi));
  for (const auto& area : fw.areas()) {
    AreaScore a;
    a.area = area.id;
    int sum = 0;
    for (const auto& s : report.measure_scores)
      if (s.area == area.id) {
        ++a.measures;
        sum += s.maturity;
      }
    for (const auto& f : report.findings)
      if (report.results[f.result].area == area.id) ++a.findings;
    if (a.measures == 0) continue;
    a.score = static_cast<double>(sum) / a.measures;
    report.area_scores.push_back(a);
  }

  // Action plan: one proposed measure per measure with findings. Order: a measure after
  // those it depends on; among those ready, the most severe, then the earliest due, then
  // the framework's dependency order. A dependant is never due before what it depends on.
  const std::size_t n = fw.measures().size();
  std::vector<std::optional<ActionPlanEntry>> entries(n);
  for (const auto& f : report.findings) {
    const Result& fr = report.results[f.result];
    const std::size_t mi = *fw.measure_index(fr.measure);
    auto& e = entries[mi];
    if (!e) {
      e = ActionPlanEntry{fr.measure, fr.area, fr.severity, f.due, {}, {}};
    }
    e->severity = std::max(e->severity, fr.severity);
    e->due = std::min(e->due, f.due);
    if (e->rules.empty() || e->rules.back() != fr.rule) e->rules.push_back(fr.rule);
    e->fingerprints.push_back(f.fingerprint);
  }
  std::vector<std::size_t> position(n);
  for (std::size_t k = 0; k < n; ++k)
    position[fw.dependency_order()[k]] = k;
  std::vector<std::size_t> pending(n, 0);
  std::vector<std::vector<std::size_t>> dependants(n);
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& d : fw.measures()[i].depends_on) {
      const std::size_t j = *fw.measure_index(d);
      dependants[j].push_back(i);
      ++pending[i];
    }
  // Earliest due of everything a measure (transitively) depends on, in dependency order.
  std::vector<std::optional<Date>> floor_due(n);
  for (auto i : fw.dependency_order()) {
    for (const auto& d : fw.measures()[i].depends_on) {
      const std::size_t j = *fw.measure_index(d);
      std::optional<Date> c = floor_due[j];
      if (entries[j] && (!c || entries[j]->due > *c)) c = entries[j]->due;
      if (c && (!floor_due[i] || *c > *floor_due[i])) floor_due[i] = c;
    }
    if (entries[i] && floor_due[i] && entries[i]->due < *floor_due[i]) entries[i]->due = *floor_due[i];
  }
  auto key = [&](std::size_t i) {
    // Measures without an entry go first: they only unlock their dependants.
    const bool has = entries[i].has_value();
    return std::tuple(has ? 1 : 0, has ? -static_cast<int>(entries[i]->severity) : 0,
                      has ? entries[i]->due.days_since_epoch() : 0, position[i], i);
  };
  std::set<decltype(key(0))> ready;
  for (std::size_t i = 0; i < n; ++i)
    if (pending[i] == 0) ready.insert(key(i));
  while (!ready.empty()) {
    const std::size_t i = std::get<4>(*ready.begin());
    ready.erase(ready.begin());
    if (entries[i]) report.action_plan.push_back(std::move(*entries[i]));
    for (auto j : dependants[i])
      if (--pending[j] == 0) ready.insert(key(j));
  }
  // Keep each finding's due date in step with its plan entry.
  std::vector<std::optional<Date>> plan_due(n);
  for (const auto& e : report.action_plan)
    plan_due[*fw.measure_index(e.measure)] = e.due;
  for (auto& f : report.findings)
    if (const auto& d = plan_due[*fw.measure_index(report.results[f.result].measure)]) f.due = std::max(f.due, *d);
  return report;
}

}  // namespace trygg
