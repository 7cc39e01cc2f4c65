// SPDX-License-Identifier: MIT
// The Markdown report, for minutes and HR documents. Its core is the seed 004 form filled
// in: per area, what exists today ("Finns idag") and what is proposed ("Åtgärdsförslag").
// Blocks are laid out by the one Markdown writer (src/markdown_writer.hpp); input text goes
// through MarkdownWriter::text, pack text through MarkdownWriter::pack_text, so that a
// proposal's `trygg-check document …` is a code span and a name cannot add markup.
#include "comparison_view.hpp"
#include "markdown_writer.hpp"
#include "plan_state.hpp"
#include "render_common.hpp"
#include "render_waivers.hpp"
#include "trygg/render.hpp"

namespace trygg {
namespace {
using namespace render_detail;
using detail::MarkdownWriter;
using Align = MarkdownWriter::Align;

std::string text(const std::string& s) {
  return MarkdownWriter::text(s);
}
std::string pack(const std::string& s) {
  return MarkdownWriter::pack_text(s);
}

/// "ORG-03 Title": an id from the input and a title from the pack.
std::string measure_label(const Framework& fw, const std::string& id, Language lang) {
  const Measure* m = fw.find_measure(id);
  return text(id) + (m ? " " + pack(m->title.in(lang)) : "");
}

std::string area_title(const Framework& fw, const std::string& id, Language lang) {
  const Area* area = fw.find_area(id);
  return area ? pack(area->title.in(lang)) : text(id);
}

void write_head(MarkdownWriter& w, const Report& r, Language lang) {
  w.heading(1, word("report.title", lang));
  w.item(word("report.organisation", lang) + ": " +
         text(r.organisation_name.empty() ? r.organisation_id : r.organisation_name + " (" + r.organisation_id + ")") +
         ", " + text(r.country));
  w.item(word("report.as-of", lang) + ": " + r.as_of.to_string());
  w.item(word("report.packs", lang) + ": " + text(pack_list(r)));
  w.end_list();
}

void write_summary(MarkdownWriter& w, const Report& r, Language lang) {
  w.heading(2, word("report.summary", lang));
  w.para(summary_line(r, lang) + ".");
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : r.area_scores)
    rows.push_back({area_title(r.framework, a.area, lang), one_decimal(a.score), std::to_string(a.findings)});
  w.table({word("report.area", lang), word("report.score", lang), word("report.findings", lang)}, rows,
          {Align::none, Align::right, Align::right});
  w.para(word("report.legend", lang));
  // Compared with a baseline (src/render_comparison.cpp): the first 50 of each list.
  if (r.comparison) detail::comparison_markdown(w, detail::comparison_view(r), &r.framework, lang, 50, 2);
}

/// The seed 004 form: one row per area, what exists today and what is proposed.
void write_form(MarkdownWriter& w, const Report& r, Language lang) {
  const Framework& fw = r.framework;
  w.heading(2, word("report.measures-table", lang));
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : r.area_scores) {
    const Area* area = fw.find_area(a.area);
    std::vector<std::string> today, proposed;
    for (const auto& s : r.measure_scores)
      if (s.area == a.area && s.maturity > 0)
        today.push_back(measure_label(fw, s.measure, lang) + " (" +
                        text(render(Message{"maturity." + std::to_string(s.maturity)}, lang)) + ")");
    for (const auto& e : r.action_plan) {
      if (e.area != a.area) continue;
      const Measure* m = fw.find_measure(e.measure);
      proposed.push_back(MarkdownWriter::strong(text(e.measure)) + ": " + (m ? pack(m->proposal.in(lang)) : "") + " (" +
                         word("report.due", lang) + " " + e.due.to_string() + ")");
    }
    rows.push_back(
        {MarkdownWriter::strong(area_title(fw, a.area, lang)) + "<br>" + (area ? pack(area->goal.in(lang)) : ""),
         today.empty() ? MarkdownWriter::emphasis(word("report.nothing-today", lang))
                       : MarkdownWriter::cell_lines(today),
         proposed.empty() ? MarkdownWriter::emphasis(word("report.no-proposal", lang))
                          : MarkdownWriter::cell_lines(proposed)});
  }
  w.table({word("report.area", lang), word("report.exists-today", lang), word("report.proposed", lang)}, rows);
}

void write_plan(MarkdownWriter& w, const Report& r, Language lang) {
  w.heading(2, word("report.action-plan", lang));
  if (r.action_plan.empty()) {
    w.para(word("report.no-findings", lang));
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < r.action_plan.size(); ++i) {
    const auto& e = r.action_plan[i];
    const Measure* m = r.framework.find_measure(e.measure);
    rows.push_back({std::to_string(i + 1), measure_label(r.framework, e.measure, lang),
                    m ? pack(m->proposal.in(lang)) : "", severity_word(e.severity, lang), e.due.to_string(),
                    text(detail::plan_state_label(e, lang))});
  }
  w.table({"#", word("report.measure", lang), word("report.proposed", lang), word("report.severity", lang),
           word("report.due", lang), word("plan-state.heading", lang)},
          rows, {Align::right});
  if (r.plan_progress.reported) w.para(text(detail::plan_progress_line(r.plan_progress, lang)));
}

void write_routines(MarkdownWriter& w, const Report& r, Language lang) {
  if (r.routines.empty()) return;
  w.heading(2, word("report.routines", lang));
  std::vector<std::vector<std::string>> rows;
  for (const auto& rc : r.routines)
    for (const auto& q : rc.requirements)
      rows.push_back(
          {text(rc.routine), text(requirement_label(r, q)), text(q.rule), text(requirement_state(r, q, lang))});
  w.table({word("report.routine", lang), word("report.requirement", lang), word("report.rule", lang),
           word("report.status", lang)},
          rows);
}

/// One line per rule of an entry: the unit-level findings of one rule on one line.
std::string rule_line(const Report& r, const detail::ReaderRule& q, Language lang) {
  const Result& first = r.results[r.findings[q.findings.front()].result];
  std::string line =
      MarkdownWriter::strong(text(r.framework.rules()[q.rule].id)) + " (" + status_word(q.status, lang) + "): ";
  if (q.units && q.findings.size() > 1)
    return line + text(units_line(r, q, lang)) + ". " + word("report.expected", lang) + ": " +
           text(say(r, r.message(first.expected), lang));
  const ResultView x = r.view(first);
  return line + text((q.units ? subject_label(x.subject, lang) + ": " : "") + say(r, x.message, lang)) + ". " +
         word("report.found", lang) + ": " + text(say(r, x.found, lang));
}

/// Findings as the reader view groups them (src/reader_view.hpp): law and regulation first,
/// one entry per measure.
void write_findings(MarkdownWriter& w, const Report& r, const detail::ReaderView& view, Language lang) {
  const Framework& fw = r.framework;
  w.heading(2, word("report.findings", lang));
  if (!has_open_findings(r)) w.para(word("report.no-findings", lang));
  for (std::size_t ei = 0; ei < view.entries.size(); ++ei) {
    const detail::ReaderEntry& e = view.entries[ei];
    if (ei == 0 || e.part != view.entries[ei - 1].part) w.heading(3, text(part_heading(e.part, lang)));
    w.heading(4, text(entry_title(r, e, lang)));
    const Measure& m = fw.measures()[e.measure];
    w.item(word("report.severity", lang) + ": " + severity_word(e.severity, lang) + "; " + word("report.status", lang) +
           ": " + status_word(e.status, lang) + "; " + word("report.area", lang) + ": " + area_title(fw, m.area, lang));
    if (!e.citations.empty()) w.item(word("report.sources", lang) + ": " + text(entry_citations(r, e, lang)));
    if (e.plan)
      w.item(word("report.proposed", lang) + " (" +
             render(Message{"report.plan-ref", {{"n", std::to_string(*e.plan + 1)}}}, lang) +
             "): " + pack(m.proposal.in(lang)));
    w.end_list();
    if (e.status == Status::not_assessed) w.para(word("report.entry-not-assessed", lang));
    for (const detail::ReaderRule& q : e.rules)
      if (!q.folded) w.item(rule_line(r, q, lang));
    if (const auto line = folded_rules_line(r, e, lang); !line.empty()) w.item(text(line));
    w.end_list();
  }
  if (view.left_out_entries > 0)
    w.para(render(Message{"report.legal-only-left-out", {{"n", std::to_string(view.left_out_entries)}}}, lang));
}

/// The waived findings and the waivers not in force (docs/history.md, "Waivers"). Every
/// piece goes through text(): reasons, ids and dates come from the waiver file.
void write_waivers(MarkdownWriter& w, const Report& r, Language lang) {
  if (r.waivers.empty()) return;
  w.heading(2, text(waiver_word("heading", lang)));
  w.para(text(waiver_word("intro", lang)));
  bool others = false;
  for (const WaiverLine& l : waiver_lines(r, lang)) {
    if (l.outcome->state != WaiverOutcome::State::applied && !others) {
      others = true;
      w.heading(3, text(waiver_word("not-in-force", lang)));
    }
    w.item(MarkdownWriter::strong(text(l.names)) + " (" + text(l.state) + ")" +
           (l.legal.empty() ? "" : ": " + MarkdownWriter::strong(text(l.legal))));
    w.sub_item(text(waiver_word("reason", lang) + ": " + l.outcome->waiver.reason));
    w.sub_item(text(l.dates));
    if (!l.note.empty()) w.sub_item(text(l.note));
    for (const WaivedRow& row : l.rows)
      w.sub_item(text(row.rule + " [" + row.severity + "] " + row.subject +
                      (row.fingerprint.empty() ? "" : " " + row.fingerprint)));
  }
  w.end_list();
}

/// The sources the findings cite, with the reference a reader looks them up by.
void write_sources(MarkdownWriter& w, const Report& r, const detail::ReaderView& view, Language lang) {
  const auto sources = cited_sources(r, view, lang);
  if (sources.empty()) return;
  w.heading(2, word("report.sources", lang));
  for (const auto& src : sources)
    w.item(MarkdownWriter::strong(text(src.name)) + ": " + text(src.reference) +
           (src.url.empty() ? "" : " (" + text(src.url) + ")"));
  w.end_list();
}
}  // namespace

std::string render_markdown(const Report& r, Language lang, bool legal_only) {
  MarkdownWriter w;
  write_head(w, r, lang);
  write_summary(w, r, lang);
  write_form(w, r, lang);
  write_plan(w, r, lang);
  write_routines(w, r, lang);
  const detail::ReaderView view = detail::reader_view(r, {legal_only});
  write_findings(w, r, view, lang);
  write_waivers(w, r, lang);
  write_sources(w, r, view, lang);
  return w.take();
}

}  // namespace trygg
