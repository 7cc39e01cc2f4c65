// SPDX-License-Identifier: MIT
// The HTML report (issue 14): one self-contained file for people who act on the findings and
// for print. It loads nothing (src/html_writer.hpp: the CSP forbids every request), works with
// scripts off (the only disclosure is <details>), and prints to a clean A4 document. Its
// findings come from the reader view, like every format meant for people.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "comparison_view.hpp"
#include "html_writer.hpp"
#include "plan_state.hpp"
#include "reader_view.hpp"
#include "render_common.hpp"
#include "render_waivers.hpp"
#include "trygg/render.hpp"
#include "trygg/version.hpp"

namespace trygg {
namespace {
using namespace render_detail;
namespace h = detail::html;

/// How many units a collapsed rule names before its disclosure.
constexpr std::size_t units_shown = 3;
/// How many action-plan entries "what to do first" shows.
constexpr std::size_t first_actions = 5;

/// A word from the catalogue with its first letter in upper case, for a label that starts a
/// cell or heading ("brist" -> "Brist"). Only ASCII first letters change; none of the status
/// and severity words starts otherwise.
std::string label(const std::string& id, Language lang) {
  std::string s = word(id, lang);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string measure_title(const Framework& fw, const std::string& id, Language lang) {
  const Measure* m = fw.find_measure(id);
  return m ? m->title.in(lang) : std::string();
}

class HtmlReport {
 public:
  HtmlReport(const Report& r, const HtmlOptions& o, std::string& out)
      : r_(r), fw_(r.framework), lang_(o.language), legal_only_(o.legal_only), out_(out) {}

  void write() {
    const detail::ReaderView view = detail::reader_view(r_, {legal_only_});
    const std::string title = word("report.title", lang_);
    h::page_start(out_, {lang_, title + " \xE2\x80\x94 " + organisation(), TRYGG_VERSION_STRING});
    out_ += "<a class=\"skip\" href=\"#main\">";
    h::text(out_, word("html.skip", lang_));
    out_ += "</a>\n<header class=\"report\">";
    h::element(out_, "h1", title);
    h::element(out_, "p", organisation(), "class=\"org\" id=\"organisation\"");
    out_ += "<p class=\"meta\">";
    h::text(out_, word("report.as-of", lang_));
    out_ += ": <time id=\"as-of\" datetime=\"";
    const std::string as_of = r_.as_of.to_string();
    out_ += as_of;
    out_ += "\">";
    out_ += as_of;
    out_ += "</time> \xC2\xB7 ";
    h::text(out_, word("report.packs", lang_));
    out_ += ": ";
    h::text(out_, pack_list(r_));
    out_ += "</p></header>\n<main id=\"main\">\n";
    summary(view);
    if (r_.comparison) comparison();
    first_steps();
    framework_form();
    action_plan();
    findings(view);
    waived();
    routines();
    sources(view);
    out_ += "</main>\n<footer>";
    h::text(out_, render(Message{"html.generated", {{"version", TRYGG_VERSION_STRING}}}, lang_));
    out_ += "</footer>\n";
    h::page_end(out_);
  }

 private:
  const Report& r_;
  const Framework& fw_;
  Language lang_;
  bool legal_only_;
  std::string& out_;

  std::string organisation() const {
    return r_.organisation_name.empty() ? r_.organisation_id : r_.organisation_name + " (" + r_.organisation_id + ")";
  }

  /// The organisation's own plan on a proposal: a badge for the state, its data-state the
  /// JSON word.
  void plan_state_badge(const ActionPlanEntry& e) {
    out_ += "<span class=\"badge plan-";
    out_ += to_string(e.state);
    out_ += "\" data-state=\"";
    out_ += to_string(e.state);
    out_ += "\">";
    h::text(out_, detail::plan_state_label(e, lang_));
    out_ += "</span>";
  }

  void badge(Severity s) {
    out_ += "<span class=\"badge sev-";
    out_ += to_string(s);
    out_ += "\">";
    h::text(out_, severity_word(s, lang_));
    out_ += "</span>";
  }

  void th_col(const std::string& text, std::string_view cls = {}) {
    out_ += "<th scope=\"col\"";
    if (!cls.empty()) {
      out_ += " class=\"";
      out_ += cls;
      out_ += '"';
    }
    out_ += '>';
    h::text(out_, text);
    out_ += "</th>";
  }

  /// "ORG-03 Routine for handling reports": measure ids come from the packs, escaped all the same.
  void measure_label(const std::string& id) {
    out_ += "<span class=\"measure-id\">";
    h::text(out_, id);
    out_ += "</span> ";
    h::text(out_, measure_title(fw_, id, lang_));
  }

  void summary(const detail::ReaderView& view) {
    h::section_start(out_, "summary", word("report.summary", lang_));
    // The counts, each cell marked with the JSON report's name for it (docs/report-format.md,
    // "Summary"), so a test or a script can read them back.
    const Summary& s = r_.summary;
    const std::tuple<const char*, std::string, std::size_t> counts[] = {
        {"results", word("html.results", lang_), s.total()},
        {"pass", label("status.pass", lang_), s.pass},
        {"fail", label("status.fail", lang_), s.fail},
        {"partial", label("status.partial", lang_), s.partial},
        {"not_assessed", label("status.not-assessed", lang_), s.not_assessed},
        {"not_applicable", label("status.not-applicable", lang_), s.not_applicable},
        {"findings", word("report.findings", lang_), r_.findings.size()},
    };
    out_ += "<table class=\"summary-counts\"><caption>";
    h::text(out_, word("html.results-by-status", lang_));
    out_ += "</caption><thead><tr>";
    for (const auto& [key, text, n] : counts)
      th_col(text, "num");
    out_ += "</tr></thead><tbody><tr>";
    for (const auto& [key, text, n] : counts) {
      out_ += "<td class=\"num\" data-summary=\"";
      out_ += key;
      out_ += "\">";
      h::number(out_, n);
      out_ += "</td>";
    }
    out_ += "</tr></tbody></table>\n<p data-summary=\"legal_entries\" data-value=\"";
    h::number(out_, view.legal_entries);
    out_ += "\">";
    h::text(out_, render(Message{"html.legal-count", {{"n", std::to_string(view.legal_entries)}}}, lang_));
    out_ += "</p>\n";

    // The chart for the eye, the table with the same figures for everyone (screen readers
    // read the table; the chart's title names it).
    std::vector<h::Bar> bars;
    bars.reserve(r_.area_scores.size());
    for (const auto& a : r_.area_scores) {
      const Area* area = fw_.find_area(a.area);
      bars.push_back({area ? area->title.in(lang_) : a.area, a.score});
    }
    out_ += "<div class=\"chart\">";
    h::maturity_chart(out_, "maturity-chart-title", word("report.areas", lang_), bars);
    out_ += "\n<table class=\"maturity\" id=\"maturity\"><caption>";
    h::text(out_, word("report.areas", lang_));
    out_ += "</caption><thead><tr>";
    th_col(word("report.area", lang_));
    th_col(word("report.score", lang_), "num");
    th_col(word("report.findings", lang_), "num");
    out_ += "</tr></thead><tbody>";
    for (std::size_t i = 0; i < r_.area_scores.size(); ++i) {
      const auto& a = r_.area_scores[i];
      out_ += "<tr data-area=\"";
      h::text(out_, a.area);
      out_ += "\"><th scope=\"row\">";
      h::text(out_, bars[i].label);
      out_ += "</th><td class=\"num\" data-score=\"";
      const std::string score = one_decimal(a.score);
      out_ += score;
      out_ += "\">";
      out_ += score;
      out_ += "</td><td class=\"num\" data-findings=\"";
      h::number(out_, static_cast<std::size_t>(a.findings));
      out_ += "\">";
      h::number(out_, static_cast<std::size_t>(a.findings));
      out_ += "</td></tr>";
    }
    out_ += "</tbody></table></div>\n<p class=\"muted legend\">";
    h::text(out_, word("report.legend", lang_));
    out_ += "</p>\n";
    h::section_end(out_);
  }

  /// Compared with a baseline (src/render_comparison.cpp): the first 200 of each list.
  void comparison() { detail::comparison_html(out_, detail::comparison_view(r_), &fw_, lang_, 200); }

  /// A rule's change against the baseline: one badge and the first date seen when all its
  /// findings share a change, else the counts.
  void change_badge(const detail::ReaderRule& rule) {
    if (!r_.comparison || rule.findings.empty()) return;
    const Comparison& c = *r_.comparison;
    ChangeCounts n;
    std::optional<Date> first;
    for (const std::size_t i : rule.findings) {
      if (i >= c.findings.size()) return;
      detail::tally(n, c.findings[i].change);
      if (!first || c.findings[i].first_seen < *first) first = c.findings[i].first_seen;
    }
    const Change one = c.findings[rule.findings.front()].change;
    const bool same = (one == Change::added     ? n.added
                       : one == Change::changed ? n.changed
                                                : n.unchanged) == rule.findings.size();
    out_ += " <span class=\"badge change change-";
    out_ += same ? to_string(one) : "changed";
    out_ += "\" data-change=\"";
    out_ += same ? to_string(one) : "mixed";
    out_ += "\" data-first-seen=\"";
    out_ += first->to_string();
    out_ += "\">";
    if (same) {
      h::text(out_, detail::change_word(one, lang_));
    } else {
      h::text(out_, render(Message{"diff.counts",
                                   {{"new", std::to_string(n.added)},
                                    {"unchanged", std::to_string(n.unchanged)},
                                    {"changed", std::to_string(n.changed)},
                                    {"resolved", "0"}}},
                           lang_));
    }
    out_ += "</span> <span class=\"muted first-seen\">";
    h::text(out_, word("diff.first-seen", lang_) + " " + first->to_string());
    out_ += "</span>";
  }

  void first_steps() {
    h::section_start(out_, "first", word("html.first", lang_));
    if (r_.action_plan.empty()) {
      h::element(out_, "p", word("report.no-findings", lang_));
      h::section_end(out_);
      return;
    }
    out_ += "<ol class=\"first\">";
    for (std::size_t i = 0; i < r_.action_plan.size() && i < first_actions; ++i) {
      const auto& e = r_.action_plan[i];
      const Measure* m = fw_.find_measure(e.measure);
      out_ += "<li><strong>";
      measure_label(e.measure);
      out_ += "</strong> ";
      badge(e.severity);
      out_ += "<br>";
      if (m) h::prose(out_, m->proposal.in(lang_));
      out_ += "<br><span class=\"muted\">";
      h::text(out_, word("report.due", lang_));
      out_ += ": ";
      out_ += e.due.to_string();
      out_ += "</span></li>";
    }
    out_ += "</ol>\n";
    h::section_end(out_);
  }

  /// The seed 004 form, as in the Markdown report: per area what exists today (measures with
  /// maturity above 0) and the proposed measures (its action-plan entries).
  void framework_form() {
    h::section_start(out_, "form", word("report.measures-table", lang_));
    out_ += "<table class=\"form\"><thead><tr>";
    th_col(word("report.area", lang_));
    th_col(word("report.exists-today", lang_));
    th_col(word("report.proposed", lang_));
    out_ += "</tr></thead><tbody>";
    for (const auto& a : r_.area_scores) {
      const Area* area = fw_.find_area(a.area);
      out_ += "<tr><th scope=\"row\">";
      h::text(out_, area ? area->title.in(lang_) : a.area);
      if (area && !area->goal.in(lang_).empty()) {
        out_ += "<br><span class=\"muted\">";
        h::prose(out_, area->goal.in(lang_));
        out_ += "</span>";
      }
      out_ += "</th><td>";
      bool any = false;
      for (const auto& s : r_.measure_scores) {
        if (s.area != a.area || s.maturity == 0) continue;
        out_ += any ? "<li>" : "<ul><li>";
        any = true;
        measure_label(s.measure);
        out_ += " <span class=\"muted\">(";
        h::text(out_, word("maturity." + std::to_string(s.maturity), lang_));
        out_ += ")</span></li>";
      }
      if (any) {
        out_ += "</ul>";
      } else {
        out_ += "<em>";
        h::text(out_, word("report.nothing-today", lang_));
        out_ += "</em>";
      }
      out_ += "</td><td>";
      any = false;
      for (const auto& e : r_.action_plan) {
        if (e.area != a.area) continue;
        const Measure* m = fw_.find_measure(e.measure);
        out_ += any ? "<li>" : "<ul><li>";
        any = true;
        out_ += "<strong>";
        h::text(out_, e.measure);
        out_ += "</strong>: ";
        if (m) h::prose(out_, m->proposal.in(lang_));
        out_ += " <span class=\"muted\">(";
        h::text(out_, word("report.due", lang_));
        out_ += ' ';
        out_ += e.due.to_string();
        out_ += ")</span></li>";
      }
      if (any) {
        out_ += "</ul>";
      } else {
        out_ += "<em>";
        h::text(out_, word("report.no-proposal", lang_));
        out_ += "</em>";
      }
      out_ += "</td></tr>";
    }
    out_ += "</tbody></table>\n";
    h::section_end(out_);
  }

  void action_plan() {
    h::section_start(out_, "plan", word("report.action-plan", lang_));
    if (r_.action_plan.empty()) {
      h::element(out_, "p", word("report.no-findings", lang_));
      h::section_end(out_);
      return;
    }
    out_ += "<table class=\"plan\" id=\"action-plan\"><thead><tr>";
    th_col("#", "num");
    th_col(word("report.measure", lang_));
    th_col(word("report.proposed", lang_));
    th_col(word("report.severity", lang_));
    th_col(word("report.due", lang_));
    th_col(word("plan-state.heading", lang_));
    out_ += "</tr></thead><tbody>";
    for (std::size_t i = 0; i < r_.action_plan.size(); ++i) {
      const auto& e = r_.action_plan[i];
      const Measure* m = fw_.find_measure(e.measure);
      out_ += "<tr data-measure=\"";
      h::text(out_, e.measure);
      out_ += "\"><td class=\"num\">";
      h::number(out_, i + 1);
      out_ += "</td><td>";
      measure_label(e.measure);
      out_ += "</td><td>";
      if (m) h::prose(out_, m->proposal.in(lang_));
      out_ += "</td><td>";
      badge(e.severity);
      out_ += "</td><td>";
      out_ += e.due.to_string();
      out_ += "</td><td>";
      plan_state_badge(e);
      out_ += "</td></tr>";
    }
    out_ += "</tbody></table>\n";
    if (r_.plan_progress.reported) h::element(out_, "p", detail::plan_progress_line(r_.plan_progress, lang_));
    h::section_end(out_);
  }

  void findings(const detail::ReaderView& view) {
    h::section_start(out_, "findings", word("report.findings", lang_));
    const std::size_t n = view.entries.size();
    const std::size_t legal = std::min(view.legal_entries, n);
    out_ += "<h3 id=\"legal\">";
    h::text(out_, word("html.legal", lang_));
    out_ += "</h3>\n";
    if (legal == 0) h::element(out_, "p", word("html.no-legal", lang_));
    for (std::size_t i = 0; i < legal; ++i)
      entry(view.entries[i]);
    if (!legal_only_ || n > legal) {
      out_ += "<h3 id=\"good-practice\">";
      h::text(out_, word("html.good-practice", lang_));
      out_ += "</h3>\n";
      if (n == legal) h::element(out_, "p", word("report.no-findings", lang_));
      for (std::size_t i = legal; i < n; ++i)
        entry(view.entries[i]);
    }
    if (view.left_out_entries > 0)
      h::element(out_, "p", render(Message{"html.left-out", {{"n", std::to_string(view.left_out_entries)}}}, lang_),
                 "class=\"muted\"");
    h::section_end(out_);
  }

  /// The waived findings, then the waivers not in force (docs/history.md, "Waivers"). A
  /// waiver of a legal duty says that the duty remains: a waiver is the organisation's
  /// decision, not the law's.
  void waived() {
    if (r_.waivers.empty()) return;
    h::section_start(out_, "waived", render_detail::waiver_word("heading", lang_));
    h::element(out_, "p", render_detail::waiver_word("intro", lang_), "class=\"muted\"");
    bool others = false;
    for (const render_detail::WaiverLine& l : render_detail::waiver_lines(r_, lang_)) {
      const auto& o = *l.outcome;
      if (o.state != WaiverOutcome::State::applied && !others) {
        others = true;
        out_ += "<h3 id=\"waivers-not-in-force\">";
        h::text(out_, render_detail::waiver_word("not-in-force", lang_));
        out_ += "</h3>\n";
      }
      out_ += o.legal ? "<article class=\"entry legal waiver\" data-state=\""
                      : "<article class=\"entry waiver\" data-state=\"";
      out_ += to_string(o.state);
      out_ += "\" data-pointer=\"";
      h::text(out_, o.waiver.pointer);
      out_ += "\"><h4>";
      h::text(out_, l.names);
      out_ += " <span class=\"badge\">";
      h::text(out_, l.state);
      out_ += "</span></h4>\n";
      if (!l.legal.empty()) h::element(out_, "p", l.legal, "class=\"legal-duty\"");
      out_ += "<p><strong>";
      h::text(out_, render_detail::waiver_word("reason", lang_));
      out_ += ":</strong> <span class=\"reason\">";
      h::text(out_, o.waiver.reason);
      out_ += "</span></p>\n";
      h::element(out_, "p", l.dates);
      if (!l.note.empty()) h::element(out_, "p", l.note, "class=\"note\"");
      if (!l.rows.empty()) {
        out_ += "<ul>";
        for (const auto& row : l.rows) {
          out_ += "<li data-fingerprint=\"";
          h::text(out_, row.fingerprint);
          out_ += "\"><span class=\"rule-id\">";
          h::text(out_, row.rule);
          out_ += "</span> ";
          h::text(out_, "[" + row.severity + "] " + row.subject);
          out_ += "</li>";
        }
        out_ += "</ul>\n";
      }
      out_ += "</article>\n";
    }
    h::section_end(out_);
  }

  void entry(const detail::ReaderEntry& e) {
    const Measure& m = fw_.measures()[e.measure];
    const Area* area = fw_.find_area(m.area);
    out_ += e.part == detail::ReaderPart::legal ? "<article class=\"entry legal\" data-measure=\""
                                                : "<article class=\"entry\" data-measure=\"";
    h::text(out_, m.id);
    out_ += "\"><h4>";
    measure_label(m.id);
    out_ += "</h4><p>";
    h::text(out_, word("report.area", lang_));
    out_ += ": ";
    h::text(out_, area ? area->title.in(lang_) : m.area);
    out_ += " \xC2\xB7 ";
    badge(e.severity);
    out_ += " \xC2\xB7 ";
    h::text(out_, word("report.status", lang_));
    out_ += ": ";
    h::text(out_, status_word(e.status, lang_));
    out_ += "</p>";
    if (!e.citations.empty()) {
      out_ += "<p class=\"citations\">";
      h::text(out_, word("report.source", lang_));
      out_ += ": ";
      for (std::size_t i = 0; i < e.citations.size(); ++i) {
        if (i) out_ += "; ";
        h::text(out_, detail::citation_label(r_, e.citations[i], e.measure, lang_));
      }
      out_ += "</p>";
    }
    out_ += "<ul class=\"rules\">";
    std::string folded;
    std::size_t folded_n = 0;
    for (const auto& rule : e.rules) {
      if (rule.folded) {
        folded += (folded.empty() ? "" : ", ") + fw_.rules()[rule.rule].id;
        ++folded_n;
        continue;
      }
      rule_line(rule);
    }
    if (folded_n > 0) {
      out_ += "<li class=\"rule folded\">";
      h::text(out_, render(Message{"report.follows-from-absence", {{"n", std::to_string(folded_n)}, {"rules", folded}}},
                           lang_));
      out_ += "</li>";
    }
    out_ += "</ul>";
    if (!m.proposal.in(lang_).empty()) {
      out_ += "<p class=\"proposal\"><strong>";
      h::text(out_, word("report.proposed", lang_));
      out_ += ":</strong> ";
      h::prose(out_, m.proposal.in(lang_));
      if (e.plan && *e.plan < r_.action_plan.size()) {
        out_ += " <span class=\"muted\">(";
        h::text(out_, word("report.due", lang_));
        out_ += ' ';
        out_ += r_.action_plan[*e.plan].due.to_string();
        out_ += ")</span>";
      }
      out_ += "</p>";
    }
    out_ += "</article>\n";
  }

  void rule_head(const detail::ReaderRule& rule) {
    out_ += "<span class=\"id\">";
    h::text(out_, fw_.rules()[rule.rule].id);
    out_ += "</span> \xE2\x80\x94 ";
    h::text(out_, status_word(rule.status, lang_));
  }

  void rule_line(const detail::ReaderRule& rule) {
    out_ += "<li class=\"rule\">";
    rule_head(rule);
    change_badge(rule);
    if (rule.findings.empty()) {
      out_ += "</li>";
      return;
    }
    const Result& first = r_.result(r_.findings[rule.findings.front()]);
    if (rule.units) {
      unit_summary(rule);
      out_ += "<br>";
      h::text(out_, word("report.expected", lang_));
      out_ += ": ";
      h::text(out_, say(r_, r_.message(first.expected), lang_));
      unit_disclosure(rule);
      out_ += "</li>";
      return;
    }
    out_ += ": ";
    h::text(out_, say(r_, r_.message(first.message), lang_));
    out_ += "<br>";
    h::text(out_, word("report.expected", lang_));
    out_ += ": ";
    h::text(out_, say(r_, r_.message(first.expected), lang_));
    out_ += "<br>";
    h::text(out_, word("report.found", lang_));
    out_ += ": ";
    h::text(out_, say(r_, r_.message(first.found), lang_));
    const auto evidence = r_.evidence(first);
    if (!evidence.empty()) {
      out_ += "<br>";
      h::text(out_, word("report.evidence", lang_));
      out_ += ": ";
      for (std::size_t i = 0; i < evidence.size(); ++i) {
        out_ += i ? " <code class=\"pointer\">" : "<code class=\"pointer\">";
        h::text(out_, evidence[i]);
        out_ += "</code>";
      }
    }
    out_ += "</li>";
  }

  /// "27 units: u-1 (Name), u-2, u-3 ... and 24 more".
  void unit_summary(const detail::ReaderRule& rule) {
    const detail::UnitList list = detail::first_units(r_, rule, units_shown);
    out_ += ": ";
    h::text(out_, render(Message{"html.units", {{"n", std::to_string(rule.findings.size())}}}, lang_));
    out_ += ": ";
    for (std::size_t i = 0; i < list.shown.size(); ++i) {
      if (i) out_ += ", ";
      h::text(out_, list.shown[i]);
    }
    if (list.more > 0) {
      out_ += ' ';
      h::text(out_, render(Message{"report.more", {{"n", std::to_string(list.more)}}}, lang_));
    }
  }

  /// Every unit of the rule behind a disclosure that needs no script. One comma-separated
  /// paragraph, not an element per unit: a rule can name 100,000 units.
  void unit_disclosure(const detail::ReaderRule& rule) {
    if (rule.findings.size() <= units_shown) return;
    out_ += "<details><summary>";
    h::text(out_, render(Message{"html.all-units", {{"n", std::to_string(rule.findings.size())}}}, lang_));
    out_ += "</summary><p class=\"units\">";
    bool firstu = true;
    for (const std::uint32_t fi : rule.findings) {
      const Subject& s = r_.result(r_.findings[fi]).subject;
      if (!firstu) out_ += ", ";
      firstu = false;
      h::text(out_, r_.subject_id(s));
      const std::string_view name = r_.subject_name(s);
      if (!name.empty()) {
        out_ += " (";
        h::text(out_, name);
        out_ += ')';
      }
    }
    out_ += "</p></details>";
  }

  /// A requirement as readers know it: its rule's first citation in force in short human
  /// form ("AFS 2023:2 2 kap. 11 §", "ramverket ORG-03"), else the rule id.
  std::string requirement(const RoutineRequirement& q) const {
    if (const Rule* rule = fw_.find_rule(q.rule)) {
      const auto cited = citations_in_force(rule->citations, r_.as_of);
      const auto measure = fw_.measure_index(q.measure);
      if (!cited.empty() && measure)
        return detail::citation_label(r_, cited.front(), static_cast<std::uint32_t>(*measure), lang_);
    }
    return q.rule;
  }

  /// Each routine against its requirements, as in the Markdown report. Routines that stand
  /// exactly alike (the same requirements, met or lacking the same) share their rows, with the
  /// first routine named and all of them behind a disclosure: a large organisation's local
  /// routines would otherwise repeat the same rows thousands of times.
  void routines() {
    if (r_.routines.empty()) return;
    struct Group {
      std::size_t first;                  ///< index into Report::routines
      std::vector<std::size_t> routines;  ///< all of them, input order
    };
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> by_rows;
    std::string key;
    for (std::size_t i = 0; i < r_.routines.size(); ++i) {
      key.clear();
      for (const auto& q : r_.routines[i].requirements) {
        key += q.rule;
        key += '\x1f';
        key += q.reported ? '1' : '0';
        for (const auto& m : q.missing) {
          key += m;
          key += '\x1e';
        }
        key += '\x1d';
      }
      const auto [it, fresh] = by_rows.try_emplace(key, groups.size());
      if (fresh) groups.push_back({i, {}});
      groups[it->second].routines.push_back(i);
    }
    h::section_start(out_, "routines", word("report.routines", lang_));
    out_ += "<table class=\"routines\"><thead><tr>";
    th_col(word("report.routine", lang_));
    th_col(word("report.requirement", lang_));
    th_col(word("report.rule", lang_));
    th_col(word("report.status", lang_));
    out_ += "</tr></thead>";
    for (const auto& g : groups) {
      const RoutineCoverage& rc = r_.routines[g.first];
      if (rc.requirements.empty()) continue;
      // One tbody per routine: a row group the print layout keeps together where it can.
      out_ += "<tbody>";
      for (std::size_t k = 0; k < rc.requirements.size(); ++k) {
        const auto& q = rc.requirements[k];
        out_ += "<tr>";
        if (k == 0) {
          out_ += "<th scope=\"rowgroup\" rowspan=\"";
          h::number(out_, rc.requirements.size());
          out_ += "\">";
          h::text(out_, rc.routine);
          if (g.routines.size() > 1) {
            out_ += "<details><summary>";
            h::text(out_,
                    render(Message{"html.alike-routines", {{"n", std::to_string(g.routines.size() - 1)}}}, lang_));
            out_ += "</summary><p class=\"units\">";
            for (std::size_t j = 1; j < g.routines.size(); ++j) {
              if (j > 1) out_ += ", ";
              h::text(out_, r_.routines[g.routines[j]].routine);
            }
            out_ += "</p></details>";
          }
          out_ += "</th>";
        }
        out_ += "<td>";
        h::text(out_, requirement(q));
        out_ += "</td><td class=\"id\">";
        h::text(out_, q.rule);
        out_ += q.satisfied() ? "</td><td class=\"met\">" : "</td><td>";
        h::text(out_, requirement_state(r_, q, lang_));
        out_ += "</td></tr>";
      }
      out_ += "</tbody>";
    }
    out_ += "</table>\n";
    h::section_end(out_);
  }

  /// Every citation the findings show, once, with its full reference and its link. A link is
  /// written, never followed: the page loads nothing.
  void sources(const detail::ReaderView& view) {
    std::vector<const Citation*> cited;
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (const auto& e : view.entries)
      for (const auto& c : e.citations)
        if (seen.emplace(c.source, c.locator).second) cited.push_back(&c);
    if (cited.empty()) return;
    h::section_start(out_, "sources", word("html.sources", lang_));
    out_ += "<ol class=\"sources\">";
    for (const Citation* c : cited) {
      out_ += "<li>";
      h::text(out_, fw_.cite(*c, lang_));
      std::string_view url = c->url;
      if (url.empty())
        if (const Source* s = fw_.find_source(c->source)) url = s->url;
      // Only web links: no other scheme (javascript:, data:, file:) can come from a pack.
      if (url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0) {
        out_ += " <a href=\"";
        h::text(out_, url);
        out_ += "\" rel=\"noreferrer\">";
        h::text(out_, url);
        out_ += "</a>";
      }
      out_ += "</li>";
    }
    out_ += "</ol>\n";
    h::section_end(out_);
  }
};

}  // namespace

std::string render_html(const Report& report, const HtmlOptions& options) {
  std::string out;
  // Text, a few dozen bytes per finding, and the unit lists: one buffer, grown rarely.
  out.reserve(64 * 1024 + report.findings.size() * 24);
  HtmlReport(report, options, out).write();
  return out;
}

std::string render_html_summary(const Report& r, Language lang) {
  namespace hh = detail::html;
  const Framework& fw = r.framework;
  const detail::ReaderView view = detail::reader_view(r, {});
  std::string out;
  out.reserve(8 * 1024);
  out += "<div class=\"trygg-summary\" lang=\"";
  out += to_string(lang);
  out += "\"><style>";
  out += hh::summary_stylesheet();
  out += "</style><h3>";
  hh::text(out, word("report.title", lang));
  out += ": ";
  hh::text(out, r.organisation_name.empty() ? r.organisation_id : r.organisation_name + " (" + r.organisation_id + ")");
  out += "</h3><p class=\"muted\">";
  hh::text(out, word("report.as-of", lang));
  out += ' ';
  out += r.as_of.to_string();
  out += " \xC2\xB7 ";
  hh::text(out, pack_list(r));
  out += "</p><p>";
  hh::text(out, summary_line(r, lang));
  out += ". ";
  hh::text(out, render(Message{"html.legal-count", {{"n", std::to_string(view.legal_entries)}}}, lang));
  out += "</p><table><thead><tr><th scope=\"col\">";
  hh::text(out, word("report.area", lang));
  out += "</th><th scope=\"col\">";
  hh::text(out, word("report.score", lang));
  out += "</th><th scope=\"col\">";
  hh::text(out, word("report.findings", lang));
  out += "</th></tr></thead><tbody>";
  for (const auto& a : r.area_scores) {
    const Area* area = fw.find_area(a.area);
    out += "<tr><th scope=\"row\">";
    hh::text(out, area ? area->title.in(lang) : a.area);
    // The bar is decoration (the figure beside it says it): 0..4 as 0..80 px of a fixed track,
    // so that the figures line up.
    out += "</th><td><span class=\"track\"><span class=\"bar\" style=\"width:";
    hh::number(out, static_cast<std::size_t>(std::clamp(a.score, 0.0, 4.0) * 20 + 0.5));
    out += "px\"></span></span> ";
    out += one_decimal(a.score);
    out += "</td><td class=\"num\">";
    hh::number(out, static_cast<std::size_t>(a.findings));
    out += "</td></tr>";
  }
  out += "</tbody></table>";
  if (!r.action_plan.empty()) {
    out += "<h4>";
    hh::text(out, word("html.first", lang));
    out += "</h4><ol>";
    for (std::size_t i = 0; i < r.action_plan.size() && i < first_actions; ++i) {
      const auto& e = r.action_plan[i];
      const Measure* m = fw.find_measure(e.measure);
      out += "<li><strong>";
      hh::text(out, e.measure);
      out += ' ';
      hh::text(out, m ? m->title.in(lang) : std::string());
      out += "</strong> \xC2\xB7 ";
      hh::text(out, severity_word(e.severity, lang));
      out += " \xC2\xB7 <span class=\"when\">";
      hh::text(out, word("report.due", lang));
      out += ' ';
      out += e.due.to_string();
      out += "</span>";
      if (m) {
        out += "<br>";
        hh::prose(out, m->proposal.in(lang));
      }
      out += "</li>";
    }
    out += "</ol>";
  }
  out += "</div>";
  return out;
}

}  // namespace trygg
