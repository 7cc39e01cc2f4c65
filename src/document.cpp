// SPDX-License-Identifier: MIT
// Yearly documentation drafts (docs/yearly-documents.md): Markdown built only from the
// organisation's data, with every gap in the data shown as a marked line. One engine with the
// reports: the texts are the catalogue's (data/messages.json, "document."), rendered by
// trygg::render; the Markdown is written by detail::MarkdownWriter, which escapes through
// src/escape.hpp. The rule ids, measures and areas each draft rests on are data
// (data/documents.json, src/document_spec.hpp), and so are the thresholds: those of the packs'
// rules, read from the framework.
#include "trygg/document.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <utility>

#include "disclosure.hpp"
#include "document_spec.hpp"
#include "markdown_writer.hpp"
#include "reader_view.hpp"
#include "trygg/audit.hpp"
#include "trygg/error.hpp"
#include "trygg/message.hpp"
#include "trygg/report.hpp"

namespace trygg {
namespace {

using detail::MarkdownWriter;

constexpr std::array<std::pair<DocumentKind, std::string_view>, 2> kind_names{{
    {DocumentKind::dl_active_measures, "dl-active-measures"},
    {DocumentKind::sam_follow_up, "sam-follow-up"},
}};

using Args = std::vector<std::pair<std::string, std::string>>;

/// Text from the input for the draft: one Markdown escaper for every writer (src/escape.hpp),
/// so no name can add markup, links, headings or table cells.
std::string md(std::string_view s) {
  return MarkdownWriter::text(s);
}

std::string date_or_dash(const std::optional<Date>& d) {
  return d ? d->to_string() : "–";
}

/// The shared Markdown writer with what only the drafts have: their texts ("document." in the
/// catalogue) and the marked gaps, counted on the last line.
class DraftWriter : public MarkdownWriter {
 public:
  explicit DraftWriter(Language lang) : lang_(lang) {}

  /// The catalogue text "document.ID" with its {placeholders} filled in.
  [[nodiscard]] std::string t(std::string_view id, Args args = {}) const {
    return render(Message{"document." + std::string(id), std::move(args)}, lang_);
  }
  /// A vocabulary word ("document.PREFIX.ID": area, ground, outcome, ...), or the id itself,
  /// escaped, if the catalogue has none.
  [[nodiscard]] std::string word(std::string_view prefix, const std::string& id) const {
    const auto text = catalogue_text("document." + std::string(prefix) + id, lang_);
    return text.empty() ? md(id) : std::string(text);
  }
  [[nodiscard]] Language lang() const noexcept { return lang_; }

  /// A marked gap: what the data does not say.
  void gap(const std::string& text) {
    quote(strong(t("gap.label") + ":") + " " + text);
    ++gaps_;
  }
  /// The text, closed by the count of gaps.
  std::string finish() {
    rule();
    line(t("gap.count", {{"count", std::to_string(gaps_)}}));
    return take();
  }

 private:
  Language lang_;
  std::size_t gaps_ = 0;
};

/// Ids joined by ", " and, before the last, the word "or" ("A, B or C"), escaped.
std::string or_list(const std::vector<std::string>& ids, const DraftWriter& w) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "" : i + 1 == ids.size() ? " " + w.t("word.or") + " " : ", ") + md(ids[i]);
  return out;
}
std::string comma_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids)
    out += (out.empty() ? "" : ", ") + md(id);
  return out;
}

/// The headcount a rule compares (its applies_if.headcount_basis, as the audit reads it).
std::optional<std::uint32_t> headcount(const Organisation& org, std::string_view basis) {
  if (basis == "start-of-year") return org.headcount.start_of_year;
  if (basis == "regular") return org.headcount.regular;
  return org.total_headcount();
}

/// The citations a duty rests on, as a person reads them; they come from the packs.
std::string cited(const Framework& framework, const std::vector<Citation>& citations, Language lang) {
  std::string out;
  for (const auto& c : citations)
    out += (out.empty() ? "" : "; ") + framework.cite_short(c, lang);
  return out.empty() ? "–" : MarkdownWriter::pack_text(out);
}

Date year_start(int year) {
  return Date(std::chrono::sys_days(std::chrono::year(year) / std::chrono::January / 1));
}

std::string person_id(const Organisation& org, Index p) {
  return p == no_index ? "–" : md(org.people.at(p).id);
}
std::string unit_name(const Organisation& org, Index u) {
  const Unit& x = org.units.at(u);
  return md(x.name.empty() ? x.id : x.name);
}
std::string units_text(const Organisation& org, const std::vector<Index>& units, const DraftWriter& w) {
  if (units.empty()) return w.t("word.whole-organisation");
  std::string s;
  for (Index u : units)
    s += (s.empty() ? "" : ", ") + unit_name(org, u);
  return s;
}
std::string action_label(const ActionItem& a) {
  return md(a.id) + (a.title.empty() ? "" : ": " + md(a.title));
}
std::string routine_label(const Routine& r) {
  return md(r.title.empty() ? r.id : r.title + " (" + r.id + ")");
}
bool done_by(const ActionItem& a, Date as_of) {
  return a.done && *a.done <= as_of;
}

/// The header table shared by both documents.
void header(DraftWriter& w, const Organisation& org, const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<std::vector<std::string>> cells;
  cells.push_back({w.t("head.organisation"), md(org.name.empty() ? org.id : org.name + " (" + org.id + ")")});
  for (const auto& [k, v] : rows)
    cells.push_back({k, v});
  w.table({w.t("head.item"), w.t("head.value")}, cells);
}

// --- dl-active-measures -----------------------------------------------------------------------

std::string dl_active_measures(const Organisation& org, const Framework& framework, Date as_of, Language lang) {
  constexpr std::string_view kind = "dl-active-measures";
  const auto& spec = detail::document_specs().dl_active_measures;
  const auto duty = detail::written_duty(framework, kind, spec.written_rule, as_of);
  detail::require_measures(framework, kind, spec.guideline_measures);
  const auto& pay = spec.pay_survey_only;
  // The bands of 3 kap. 13 § and 14 § meet: one from the pack's rule, the other from
  // data/documents.json. A pack that moved one would leave a gap or an overlap.
  if (pay.max + 1 != duty.min_headcount)
    throw UsageError("the pay-survey band of " + std::string(kind) +
                     " (data/documents.json: " + std::to_string(pay.min) + " to " + std::to_string(pay.max) +
                     " employees) does not end just below the threshold of the rule " + duty.rule->id + " (" +
                     std::to_string(duty.min_headcount) + ")");
  const auto in_dl_area = [&](const std::string& area) {
    return std::find(spec.areas.begin(), spec.areas.end(), area) != spec.areas.end();
  };

  DraftWriter w(lang);
  const int year = as_of.year();
  const std::string year_s = std::to_string(year);
  const auto count = headcount(org, duty.basis);

  w.heading(1, w.t("dl.title", {{"year", year_s}}));
  w.para(w.t("draft.note"));
  header(w, org,
         {{w.t("head.year"), year_s},
          {w.t("head.as-of"), as_of.to_string()},
          {w.t("head." + duty.basis), count ? std::to_string(*count) : "–"}});
  w.para(w.t("dl.basis"));
  const Args rule_args{{"citation", cited(framework, duty.citations, lang)}, {"rule", md(duty.rule->id)}};
  if (!count) {
    w.gap(w.t("gap." + duty.basis));
  } else if (*count >= duty.min_headcount) {
    Args a = rule_args;
    a.insert(a.end(), {{"count", std::to_string(*count)}, {"min", std::to_string(duty.min_headcount)}});
    w.para(w.t("dl.duty-applies", a));
  } else if (*count >= pay.min) {
    w.para(w.t("dl.duty-pay-only", {{"count", std::to_string(*count)},
                                    {"min", std::to_string(pay.min)},
                                    {"max", std::to_string(pay.max)},
                                    {"citation", cited(framework, {pay.citation}, lang)}}));
  } else {
    Args a = rule_args;
    a.insert(a.end(), {{"count", std::to_string(*count)},
                       {"min", std::to_string(pay.min)},
                       {"pay_citation", cited(framework, {pay.citation}, lang)}});
    w.para(w.t("dl.duty-not-applies", a));
  }
  // DL 3 kap. 13 § points 3-6: the pay survey. trygg's input has no pay data, so the draft
  // always marks it as a gap rather than leaving it out silently.
  w.gap(w.t("gap.pay-survey"));

  // The risks of the DL areas, grouped by area in the order of the law.
  std::vector<Index> risks;
  for (const auto& area : spec.areas)
    for (Index i = 0; i < org.risks.size(); ++i)
      if (org.risks[i].area == area) risks.push_back(i);

  // 1. Risks and obstacles.
  w.heading(2, w.t("dl.s1"));
  if (!org.has_risks) {
    w.gap(w.t("gap.risks-not-reported"));
  } else if (org.risks.empty()) {
    w.para(w.t("dl.s1.none"));
  } else {
    w.para(w.t("dl.s1.intro"));
    for (const auto& area : spec.areas) {
      w.heading(3, w.word("area.", area));
      bool any = false;
      std::vector<std::string> missing_grounds;
      for (Index i : risks) {
        const Risk& r = org.risks[i];
        if (r.area != area) continue;
        any = true;
        std::string line = "**" + md(r.id) + "**" + (r.title.empty() ? "" : " " + md(r.title));
        std::vector<std::string> parts;
        if (!r.grounds.empty()) {
          std::string g;
          for (const auto& x : r.grounds)
            g += (g.empty() ? "" : ", ") + w.word("ground.", x);
          parts.push_back(w.t("label.grounds") + ": " + g);
        } else {
          missing_grounds.push_back(r.id);
        }
        parts.push_back(w.t("label.unit") + ": " +
                        (r.unit == no_index ? w.t("word.whole-organisation") : unit_name(org, r.unit)));
        if (r.identified) parts.push_back(w.t("label.identified") + ": " + r.identified->to_string());
        for (std::size_t k = 0; k < parts.size(); ++k)
          line += (k == 0 ? " — " : "; ") + parts[k];
        w.item(line);
      }
      if (any)
        w.end_list();
      else
        w.para(w.t("dl.s1.area-empty"));
      for (const auto& id : missing_grounds)
        w.gap(w.t("gap.grounds", {{"risk", md(id)}}));
    }
    const auto other =
        std::count_if(org.risks.begin(), org.risks.end(), [&](const Risk& r) { return !in_dl_area(r.area); });
    if (other > 0) w.para(w.t("dl.s1.work-environment", {{"count", std::to_string(other)}}));
  }

  // 2. Causes.
  w.heading(2, w.t("dl.s2"));
  if (!org.has_risks) {
    w.gap(w.t("gap.risks-not-reported"));
  } else if (risks.empty()) {
    w.para(w.t("dl.s2.none"));
  } else {
    std::vector<std::string> no_cause;
    bool any = false;
    for (Index i : risks) {
      const Risk& r = org.risks[i];
      if (r.cause.empty()) {
        no_cause.push_back(r.id);
        continue;
      }
      w.item("**" + md(r.id) + "**: " + md(r.cause));
      any = true;
    }
    if (any) w.end_list();
    for (const auto& id : no_cause)
      w.gap(w.t("gap.cause", {{"risk", md(id)}}));
  }

  // 3. Measures taken and planned, with a time plan.
  w.heading(2, w.t("dl.s3"));
  if (!org.has_risks) {
    w.gap(w.t("gap.risks-not-reported"));
  } else if (risks.empty()) {
    w.para(w.t("dl.s3.none"));
  } else if (!org.has_action_plan) {
    w.gap(w.t("gap.action-plan-not-reported"));
  } else {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> no_due, no_action;
    // Actions by the risk they address, once: linear in the plan and the risks.
    std::vector<std::vector<const ActionItem*>> by_risk(org.risks.size());
    for (const auto& a : org.action_plan)
      if (a.risk != no_index) by_risk[a.risk].push_back(&a);
    std::vector<char> is_dl_risk(org.risks.size(), 0);
    for (Index ri : risks)
      is_dl_risk[ri] = 1;
    for (Index ri : risks) {
      std::vector<const ActionItem*> items = by_risk[ri];
      std::stable_sort(items.begin(), items.end(), [](const ActionItem* x, const ActionItem* y) {
        if (x->due.has_value() != y->due.has_value()) return x->due.has_value();
        return x->due && *x->due < *y->due;
      });
      if (items.empty()) no_action.push_back(org.risks[ri].id);
      for (const ActionItem* a : items) {
        std::string status;
        if (done_by(*a, as_of))
          status = w.t("action.done", {{"date", a->done->to_string()}});
        else if (a->due && *a->due < as_of)
          status = w.t("action.overdue");
        else
          status = w.t("action.planned");
        rows.push_back(
            {md(org.risks[ri].id), action_label(*a), person_id(org, a->owner), date_or_dash(a->due), status});
        if (!a->due) no_due.push_back(a->id);
      }
    }
    if (!rows.empty())
      w.table({w.t("col.risk"), w.t("col.action"), w.t("col.owner"), w.t("col.due"), w.t("col.status")}, rows);
    for (const auto& id : no_due)
      w.gap(w.t("gap.due", {{"action", md(id)}}));
    for (const auto& id : no_action)
      w.gap(w.t("gap.no-action", {{"risk", md(id)}}));
    const auto unlinked = std::count_if(org.action_plan.begin(), org.action_plan.end(),
                                        [&](const ActionItem& a) { return a.risk == no_index || !is_dl_risk[a.risk]; });
    if (unlinked > 0) w.para(w.t("dl.s3.unlinked", {{"count", std::to_string(unlinked)}}));
  }

  // 4. Follow-up and evaluation of last year's measures.
  const int last = year - 1;
  const std::string last_s = std::to_string(last);
  w.heading(2, w.t("dl.s4", {{"year", last_s}}));
  if (!org.has_action_plan) {
    w.gap(w.t("gap.action-plan-not-reported"));
  } else {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> no_outcome;
    for (const auto& a : org.action_plan) {
      const bool in_year = (a.due && a.due->year() == last) || (a.done && a.done->year() == last);
      if (!in_year) continue;
      const bool verified = a.verified && *a.verified <= as_of;
      rows.push_back({action_label(a), a.risk == no_index ? "–" : md(org.risks.at(a.risk).id), date_or_dash(a.due),
                      done_by(a, as_of) ? a.done->to_string() : "–", verified ? a.verified->to_string() : "–",
                      a.outcome.empty() ? "–" : w.word("outcome.", a.outcome)});
      if (a.outcome.empty()) no_outcome.push_back(a.id);
    }
    if (rows.empty()) {
      w.para(w.t("dl.s4.none", {{"year", last_s}}));
    } else {
      w.para(w.t("dl.s4.intro", {{"year", last_s}}));
      w.table({w.t("col.action"), w.t("col.risk"), w.t("col.due"), w.t("col.done"), w.t("col.verified"),
               w.t("col.outcome")},
              rows);
      for (const auto& id : no_outcome)
        w.gap(w.t("gap.outcome", {{"action", md(id)}}));
    }
  }

  // 5. Guidelines and routines against harassment (3 kap. 6 §).
  w.heading(2, w.t("dl.s5"));
  if (!org.has_routines) {
    w.gap(w.t("gap.routines-not-reported"));
  } else {
    std::vector<const Routine*> guidelines;
    for (const auto& r : org.routines)
      if (!r.placeholder && std::any_of(r.measures.begin(), r.measures.end(), [&](const std::string& m) {
            return std::find(spec.guideline_measures.begin(), spec.guideline_measures.end(), m) !=
                   spec.guideline_measures.end();
          }))
        guidelines.push_back(&r);
    if (guidelines.empty()) {
      w.gap(w.t("gap.no-guidelines", {{"measures", comma_list(spec.guideline_measures)}}));
    } else {
      w.para(w.t("dl.s5.intro", {{"measures", or_list(spec.guideline_measures, w)}}));
      std::vector<std::vector<std::string>> rows;
      std::vector<std::string> gaps;
      for (const Routine* r : guidelines) {
        std::string measures;
        for (const auto& m : r->measures)
          measures += (measures.empty() ? "" : ", ") + md(m);
        rows.push_back({routine_label(*r), w.word("routine-kind.", r->kind), measures, date_or_dash(r->adopted),
                        date_or_dash(r->last_reviewed)});
        if (!r->adopted) gaps.push_back(w.t("gap.adopted", {{"routine", md(r->id)}}));
        if (!r->last_reviewed) gaps.push_back(w.t("gap.reviewed", {{"routine", md(r->id)}}));
      }
      w.table({w.t("col.routine"), w.t("col.kind"), w.t("col.measures"), w.t("col.adopted"), w.t("col.reviewed")},
              rows);
      for (const auto& g : gaps)
        w.gap(g);
    }
  }

  // 6. How cooperation took place (3 kap. 11 §).
  w.heading(2, w.t("dl.s6"));
  w.para(w.t("dl.s6.intro"));
  if (!org.has_activities) {
    w.gap(w.t("gap.activities-not-reported"));
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : org.activities) {
      if (a.kind != "cooperation-meeting" || a.date < year_start(year) || a.date > as_of) continue;
      std::string n = "–";
      if (!a.participants.empty())
        n = std::to_string(a.participants.size());
      else if (a.reached)
        n = std::to_string(*a.reached);
      rows.push_back({a.date.to_string(), md(a.id), n});
    }
    std::sort(rows.begin(), rows.end());
    if (rows.empty()) {
      w.gap(w.t("gap.no-meetings", {{"year", year_s}, {"date", as_of.to_string()}}));
    } else {
      w.para(w.t("dl.s6.meetings", {{"year", year_s}, {"date", as_of.to_string()}}));
      w.table({w.t("col.date"), w.t("col.activity"), w.t("col.participants")}, rows);
    }
  }
  if (!org.has_routines) {
    w.gap(w.t("gap.routines-not-reported"));
  } else {
    bool any = false;
    for (const auto& r : org.routines) {
      if (r.placeholder || !r.participation || r.participation->empty()) continue;
      if (!any) w.para(w.t("dl.s6.participation"));
      any = true;
      std::string parties;
      for (const auto& p : *r.participation) {
        // Party names come from the message catalogue (party.*), shared with the reports.
        const auto name = catalogue_text("party." + p, lang);
        parties += (parties.empty() ? "" : ", ") + (name.empty() ? md(p) : std::string(name));
      }
      w.item(routine_label(r) + ": " + parties);
    }
    if (any)
      w.end_list();
    else
      w.gap(w.t("gap.no-participation"));
  }
  return w.finish();
}

// --- sam-follow-up ------------------------------------------------------------------------------

std::string sam_follow_up(const Organisation& org, const Framework& framework, Date as_of, Language lang) {
  constexpr std::string_view kind = "sam-follow-up";
  const auto& spec = detail::document_specs().sam_follow_up;
  const auto duty = detail::written_duty(framework, kind, spec.written_rule, as_of);
  const Area* area = framework.find_area(spec.findings_area);
  if (!area)
    throw UsageError("the document " + std::string(kind) + " lists the findings of the framework area " +
                     spec.findings_area + " (data/documents.json), which no pack of the framework defines");

  DraftWriter w(lang);
  const Date from = as_of - Duration{1, 0, 0};
  const Args period{{"from", from.to_string()}, {"to", as_of.to_string()}};
  const auto total = headcount(org, duty.basis);

  w.heading(1, w.t("sam.title", {{"date", as_of.to_string()}}));
  w.para(w.t("draft.note"));
  header(w, org,
         {{w.t("head.as-of"), as_of.to_string()},
          {w.t("head.period"), w.t("sam.period", period)},
          {w.t("head." + duty.basis), total ? std::to_string(*total) : "–"}});
  w.para(w.t("sam.basis"));
  if (!total)
    w.gap(w.t("gap." + duty.basis));
  else
    w.para(w.t(*total >= duty.min_headcount ? "sam.duty-applies" : "sam.duty-not-applies",
               {{"count", std::to_string(*total)},
                {"min", std::to_string(duty.min_headcount)},
                {"citation", cited(framework, duty.citations, lang)},
                {"rule", md(duty.rule->id)}}));

  // 1. Routines.
  w.heading(2, w.t("sam.s1"));
  if (!org.has_routines) {
    w.gap(w.t("gap.routines-not-reported"));
  } else {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> gaps;
    for (const auto& r : org.routines) {
      if (r.placeholder || (r.kind != "policy" && r.kind != "routine")) continue;
      const std::string written = !r.written ? "–" : w.t(*r.written ? "word.yes" : "word.no");
      std::string current = "–";
      if (r.last_reviewed)
        current = w.t(*r.last_reviewed >= from && *r.last_reviewed <= as_of ? "word.yes" : "word.no");
      rows.push_back({routine_label(r), w.word("routine-kind.", r.kind), written, person_id(org, r.owner),
                      date_or_dash(r.last_reviewed), current});
      if (!r.written) gaps.push_back(w.t("gap.written", {{"routine", md(r.id)}}));
      if (r.owner == no_index) gaps.push_back(w.t("gap.owner-routine", {{"routine", md(r.id)}}));
      if (!r.last_reviewed) gaps.push_back(w.t("gap.reviewed", {{"routine", md(r.id)}}));
    }
    if (rows.empty()) {
      w.gap(w.t("gap.no-routines"));
    } else {
      w.para(w.t("sam.s1.intro", period));
      w.table({w.t("col.routine"), w.t("col.kind"), w.t("col.written"), w.t("col.owner"), w.t("col.reviewed"),
               w.t("col.within-year")},
              rows);
      for (const auto& g : gaps)
        w.gap(g);
    }
  }

  // 2. Risk assessments in the last twelve months.
  w.heading(2, w.t("sam.s2"));
  if (!org.has_activities) {
    w.gap(w.t("gap.activities-not-reported"));
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : org.activities)
      if (a.kind == "risk-assessment" && a.date >= from && a.date <= as_of)
        rows.push_back({a.date.to_string(), md(a.id), units_text(org, a.units, w)});
    std::sort(rows.begin(), rows.end());
    if (rows.empty())
      w.gap(w.t("gap.no-risk-assessment", period));
    else
      w.table({w.t("col.date"), w.t("col.activity"), w.t("col.units")}, rows);
  }

  // 3. Incidents and cases.
  w.heading(2, w.t("sam.s3"));
  if (!org.has_case_statistics) {
    w.gap(w.t("gap.case-statistics-not-reported"));
  } else {
    std::vector<const CaseStatistics*> shown;
    for (const auto& c : org.case_statistics)
      if (c.period_to >= from && c.period_from <= as_of) shown.push_back(&c);
    // Figures about groups of people go through disclosure control (docs/privacy.md): one
    // table per period, kind and column, in which a figure minus those of the groups nested
    // in it gives the figure of the rest.
    const std::uint32_t min = framework.min_group_size();
    const detail::GroupSizes groups(org);
    const std::array<std::optional<std::uint32_t> CaseStatistics::*, 2> columns{&CaseStatistics::received,
                                                                                &CaseStatistics::closed};
    std::vector<std::array<Disclosure, 2>> decision(shown.size(), {Disclosure::published, Disclosure::published});
    std::map<std::tuple<Date, Date, std::string>, std::vector<std::size_t>> tables;
    for (std::size_t i = 0; i < shown.size(); ++i)
      tables[{shown[i]->period_from, shown[i]->period_to, shown[i]->kind}].push_back(i);
    for (std::size_t col = 0; col < columns.size(); ++col)
      for (const auto& [key, members] : tables) {
        std::vector<std::size_t> with_figure;
        std::vector<Index> units;
        for (std::size_t i : members)
          if (shown[i]->*columns[col]) {
            with_figure.push_back(i);
            units.push_back(shown[i]->unit);
          }
        const auto decided = disclose(groups.cells(units), min);
        for (std::size_t k = 0; k < with_figure.size(); ++k)
          decision[with_figure[k]][col] = decided[k];
      }
    const Args min_arg{{"min", std::to_string(min)}};
    auto count = [&](const CaseStatistics& c, std::size_t col, Disclosure how) {
      const auto& n = c.*columns[col];
      if (!n) return std::string("–");
      switch (how) {
        case Disclosure::published:
          return std::to_string(*n);
        case Disclosure::suppressed_small:
          return w.t(groups.size(c.unit) ? "disclosure.small" : "disclosure.unknown", min_arg);
        case Disclosure::suppressed_complementary:
          break;
      }
      return w.t("disclosure.complementary");
    };
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const CaseStatistics& c = *shown[i];
      rows.push_back({c.period_from.to_string() + " – " + c.period_to.to_string(), w.word("case-kind.", c.kind),
                      c.unit == no_index ? w.t("word.whole-organisation") : unit_name(org, c.unit),
                      count(c, 0, decision[i][0]), count(c, 1, decision[i][1])});
    }
    if (rows.empty()) {
      w.gap(w.t("gap.no-case-statistics", period));
    } else {
      w.para(w.t("sam.s3.intro", period));
      w.table({w.t("col.period"), w.t("col.kind"), w.t("col.unit"), w.t("col.received"), w.t("col.closed")}, rows);
      w.para(w.t("sam.s3.disclosure", min_arg));
    }
  }

  // 4. Status of the action plan.
  w.heading(2, w.t("sam.s4"));
  if (!org.has_action_plan) {
    w.gap(w.t("gap.action-plan-not-reported"));
  } else if (org.action_plan.empty()) {
    w.para(w.t("sam.s4.empty"));
  } else {
    std::size_t open = 0, overdue = 0, done = 0, verified = 0;
    std::vector<const ActionItem*> late;
    std::vector<std::string> gaps;
    for (const auto& a : org.action_plan) {
      if (done_by(a, as_of)) {
        ++done;
        if (a.verified && *a.verified <= as_of) ++verified;
      } else {
        ++open;
        if (a.due && *a.due < as_of) {
          ++overdue;
          late.push_back(&a);
        }
      }
      if (a.owner == no_index) gaps.push_back(w.t("gap.owner-action", {{"action", md(a.id)}}));
      if (!a.due) gaps.push_back(w.t("gap.due", {{"action", md(a.id)}}));
    }
    w.table({w.t("col.open"), w.t("col.overdue"), w.t("col.done"), w.t("col.verified")},
            {{std::to_string(open), std::to_string(overdue), std::to_string(done), std::to_string(verified)}});
    if (!late.empty()) {
      w.para(w.t("sam.s4.overdue"));
      for (const ActionItem* a : late)
        w.item(action_label(*a) + " — " + w.t("col.due") + ": " + a->due->to_string() + "; " + w.t("col.owner") + ": " +
               person_id(org, a->owner));
      w.end_list();
    }
    for (const auto& g : gaps)
      w.gap(g);
  }

  // 5. Does it work? The audit's findings for the measures of the area "organisation".
  w.heading(2, w.t("sam.s5"));
  AuditOptions options;
  options.as_of = as_of;
  options.language = lang;
  const Report report = audit(org, framework, options);
  w.para(w.t("sam.s5.intro", {{"date", as_of.to_string()}, {"area", MarkdownWriter::pack_text(area->title.in(lang))}}));
  // The reader view groups the findings as every report for people does: one entry per
  // measure with its citations and its rules; unit findings of a rule on one line; when
  // nothing implements a measure, the rules that follow from that named, not repeated.
  const detail::ReaderView view = detail::reader_view(report);
  const auto status_word = [&](Status s) { return render(Message{"status." + std::string(to_string(s))}, lang); };
  bool any = false;
  for (const auto& entry : view.entries) {
    const Measure& measure = report.framework.measures()[entry.measure];
    if (measure.area != spec.findings_area) continue;
    any = true;
    std::string citations;
    for (const auto& c : entry.citations)
      citations += (citations.empty() ? "" : ", ") + detail::citation_label(report, c, entry.measure, lang);
    w.item(MarkdownWriter::strong(md(measure.id)) + " " + MarkdownWriter::pack_text(measure.title.in(lang)) + " (" +
           status_word(entry.status) + ")" + (citations.empty() ? "" : " — " + MarkdownWriter::pack_text(citations)));
    std::vector<std::string> folded;
    for (const auto& rule : entry.rules) {
      const std::string& id = report.framework.rules()[rule.rule].id;
      if (rule.folded) {
        folded.push_back(id);
        continue;
      }
      std::string line = MarkdownWriter::strong(md(id)) + " (" + status_word(rule.status) + "): ";
      if (!rule.units) {
        line += md(render(report.view(report.findings[rule.findings.front()]).message, lang, report.framework));
      } else {
        // One line for every unit of the rule: the message when all share it, the count and
        // the first units.
        const std::string first =
            render(report.view(report.findings[rule.findings.front()]).message, lang, report.framework);
        const bool same = std::all_of(rule.findings.begin(), rule.findings.end(), [&](std::uint32_t f) {
          return render(report.view(report.findings[f]).message, lang, report.framework) == first;
        });
        const auto units = detail::first_units(report, rule, 3);
        std::string names;
        for (const auto& u : units.shown)
          names += (names.empty() ? "" : ", ") + md(u);
        if (units.more > 0) names = w.t("sam.s5.units-more", {{"units", names}, {"more", std::to_string(units.more)}});
        if (same) line += md(first) + " — ";
        line += rule.findings.size() == 1
                    ? w.t("label.unit") + ": " + names
                    : w.t("sam.s5.units", {{"count", std::to_string(rule.findings.size())}, {"units", names}});
      }
      w.sub_item(line);
    }
    if (!folded.empty()) w.sub_item(w.t("sam.s5.folded", {{"rules", comma_list(folded)}}));
  }
  if (any)
    w.end_list();
  else
    w.para(w.t("sam.s5.none"));
  return w.finish();
}

}  // namespace

std::string_view to_string(DocumentKind kind) noexcept {
  for (const auto& [k, name] : kind_names)
    if (k == kind) return name;
  return {};
}

std::optional<DocumentKind> parse_document_kind(std::string_view name) noexcept {
  for (const auto& [k, n] : kind_names)
    if (n == name) return k;
  return std::nullopt;
}

std::vector<std::string_view> document_kinds() {
  std::vector<std::string_view> out;
  for (const auto& [k, name] : kind_names)
    out.push_back(name);
  return out;
}

std::string render_document(DocumentKind kind, const Organisation& organisation, const Framework& framework, Date as_of,
                            Language lang) {
  switch (kind) {
    case DocumentKind::dl_active_measures:
      return dl_active_measures(organisation, framework, as_of, lang);
    case DocumentKind::sam_follow_up:
      break;
  }
  return sam_follow_up(organisation, framework, as_of, lang);
}

std::string document_note(Language lang) {
  return render(Message{"document.draft.note"}, lang);
}

}  // namespace trygg
