// SPDX-License-Identifier: MIT
#include "reader_view.hpp"

#include <algorithm>

namespace trygg::detail {
namespace {

/// How bad a finding's status is for a reader: a fail outranks a partial, which outranks a
/// not_assessed (which claims nothing about the organisation, only about its data).
int weight(Status s) {
  switch (s) {
    case Status::fail:
      return 3;
    case Status::partial:
      return 2;
    case Status::not_assessed:
      return 1;
    default:
      return 0;
  }
}

bool same_citation(const Citation& a, const Citation& b) {
  return a.source == b.source && a.locator == b.locator;
}

}  // namespace

ReaderView reader_view(const Report& r, const ReaderOptions& options) {
  const Framework& fw = r.framework;
  const auto& rules = fw.rules();

  // Entries in order of first appearance: the report orders findings by area, measure, rule
  // and subject, which is framework order.
  std::vector<ReaderEntry> entries;
  std::vector<std::int64_t> entry_of(fw.measures().size(), -1);
  for (std::uint32_t fi = 0; fi < r.findings.size(); ++fi) {
    const Result& x = r.results[r.findings[fi].result];
    if (x.status == Status::waived) continue;  // waived findings have a section of their own
    const std::uint32_t measure = static_cast<std::uint32_t>(fw.rule_measure(x.rule));
    if (entry_of[measure] < 0) {
      entry_of[measure] = static_cast<std::int64_t>(entries.size());
      ReaderEntry e;
      e.measure = measure;
      entries.push_back(std::move(e));
    }
    ReaderEntry& e = entries[static_cast<std::size_t>(entry_of[measure])];
    const bool units = x.subject.kind == Subject::Kind::unit;
    auto rule = std::find_if(e.rules.begin(), e.rules.end(),
                             [&](const ReaderRule& q) { return q.rule == x.rule && q.units == units; });
    if (rule == e.rules.end()) {
      ReaderRule q;
      q.rule = x.rule;
      q.units = units;
      q.status = x.status;
      e.rules.push_back(std::move(q));
      rule = std::prev(e.rules.end());
    }
    rule->findings.push_back(fi);
    if (weight(x.status) > weight(rule->status)) rule->status = x.status;
    if (rules[x.rule].check == "present" && !units && x.status == Status::fail) e.absent = true;
  }

  ReaderView view;
  for (ReaderEntry& e : entries) {
    // The "present" rule first: when it fails, the others follow from it.
    std::stable_partition(e.rules.begin(), e.rules.end(),
                          [&](const ReaderRule& q) { return rules[q.rule].check == "present"; });
    const bool legal = std::any_of(e.rules.begin(), e.rules.end(), [&](const ReaderRule& q) { return q.legal(r); });
    e.part = legal ? ReaderPart::legal : ReaderPart::good_practice;
    if (options.legal_only && !legal) {
      ++view.left_out_entries;
      continue;
    }
    if (options.legal_only) {
      // Good-practice rules are left out, but for the cause of an absent measure: its
      // "present" rule, without which the legal rules' findings would read as separate gaps.
      std::erase_if(e.rules, [&](const ReaderRule& q) {
        return !q.legal(r) && !(e.absent && rules[q.rule].check == "present" && !q.units);
      });
    }
    e.status = Status::not_assessed;
    int worst = 0;
    for (ReaderRule& q : e.rules) {
      q.folded = e.absent && rules[q.rule].check != "present";
      e.severity = std::max(e.severity, rules[q.rule].severity);
      e.findings += q.findings.size();
      if (weight(q.status) > worst) {
        worst = weight(q.status);
        e.status = q.status;
      }
    }
    // Citations: those of legal rules first, then the good-practice rules'; each once. A
    // good-practice rule that cites nothing of its own inherits its measure's sources: of
    // those the reader gets the framework (the requirement), not the background articles
    // behind the measure (explain and the JSON report list them all).
    const auto& measure_sources = fw.measures()[e.measure].sources;
    // A measure that does not come from the framework's form (it comes from an article or an
    // act) is cited by its own sources.
    const bool from_framework = std::any_of(measure_sources.begin(), measure_sources.end(), [&](const Citation& c) {
      const Source* src = fw.find_source(c.source);
      return src && src->framework;
    });
    for (const bool legal_pass : {true, false})
      for (const ReaderRule& q : e.rules) {
        if (q.legal(r) != legal_pass) continue;
        const auto& cited = rules[q.rule].citations;
        const bool inherited = !legal_pass && std::equal(cited.begin(), cited.end(), measure_sources.begin(),
                                                         measure_sources.end(), same_citation);
        for (const Citation& c : citations_in_force(cited, r.as_of)) {
          const Source* src = fw.find_source(c.source);
          const bool framework = src && src->framework;
          if (inherited && from_framework && !framework) continue;
          // The framework is cited by the measure, whatever the locator: once per entry.
          if (std::none_of(e.citations.begin(), e.citations.end(), [&](const Citation& have) {
                return framework ? have.source == c.source : same_citation(have, c);
              }))
            e.citations.push_back(c);
        }
      }
    const std::string& measure_id = fw.measures()[e.measure].id;
    for (std::size_t i = 0; i < r.action_plan.size(); ++i)
      if (r.action_plan[i].measure == measure_id) e.plan = i;
    view.entries.push_back(std::move(e));
  }
  std::stable_sort(view.entries.begin(), view.entries.end(), [](const ReaderEntry& a, const ReaderEntry& b) {
    if (a.part != b.part) return a.part == ReaderPart::legal;
    return a.severity > b.severity;
  });
  view.legal_entries = static_cast<std::size_t>(std::count_if(
      view.entries.begin(), view.entries.end(), [](const ReaderEntry& e) { return e.part == ReaderPart::legal; }));
  return view;
}

std::string citation_label(const Report& r, const Citation& c, std::uint32_t measure, Language lang) {
  const Source* src = r.framework.find_source(c.source);
  if (src && src->framework) {
    const std::string& name = src->short_name.in(lang).empty() ? src->reference.in(lang) : src->short_name.in(lang);
    return name + " " + r.framework.measures().at(measure).id;
  }
  if (!src) return c.source + (c.locator.empty() ? "" : " " + c.locator);
  return r.framework.cite_short(c, lang);
}

UnitList first_units(const Report& r, const ReaderRule& rule, std::size_t n) {
  UnitList out;
  for (std::uint32_t fi : rule.findings) {
    if (out.shown.size() >= n) {
      ++out.more;
      continue;
    }
    const Subject& s = r.results[r.findings[fi].result].subject;
    const std::string_view name = r.subject_name(s);
    out.shown.emplace_back(name.empty() ? r.subject_id(s) : name);
  }
  return out;
}

}  // namespace trygg::detail
