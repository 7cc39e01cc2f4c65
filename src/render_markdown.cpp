// SPDX-License-Identifier: MIT
// The Markdown report, for minutes and HR documents. Its core is the seed 004 form filled
// in: per area, what exists today ("Finns idag") and what is proposed ("Åtgärdsförslag").
#include "escape.hpp"
#include "render_common.hpp"
#include "trygg/render.hpp"

namespace trygg {
namespace {
using namespace render_detail;

/// Text from the input or the packs, escaped so it cannot add markup (src/escape.hpp).
std::string cell(const std::string& s) {
  return detail::markdown_text(s);
}
}  // namespace

std::string render_markdown(const Report& r, Language lang, bool legal_only) {
  const Framework& fw = r.framework;
  std::string out;
  out += "# " + word("report.title", lang) + "\n\n";
  out += "- " + word("report.organisation", lang) + ": " +
         cell(r.organisation_name.empty() ? r.organisation_id : r.organisation_name + " (" + r.organisation_id + ")") +
         ", " + cell(r.country) + "\n";
  out += "- " + word("report.as-of", lang) + ": " + r.as_of.to_string() + "\n";
  out += "- " + word("report.packs", lang) + ": " + cell(pack_list(r)) + "\n\n";

  out += "## " + word("report.summary", lang) + "\n\n";
  out += summary_line(r, lang) + ".\n\n";

  out += "| " + word("report.area", lang) + " | " + word("report.score", lang) + " | " + word("report.findings", lang) +
         " |\n|---|---:|---:|\n";
  for (const auto& a : r.area_scores) {
    const Area* area = fw.find_area(a.area);
    out += "| " + cell(area ? area->title.in(lang) : a.area) + " | " + one_decimal(a.score) + " | " +
           std::to_string(a.findings) + " |\n";
  }
  out += "\n" + word("report.legend", lang) + "\n\n";

  // The seed 004 form: one row per area.
  out += "## " + word("report.measures-table", lang) + "\n\n";
  out += "| " + word("report.area", lang) + " | " + word("report.exists-today", lang) + " | " +
         word("report.proposed", lang) + " |\n|---|---|---|\n";
  for (const auto& a : r.area_scores) {
    const Area* area = fw.find_area(a.area);
    std::string today, proposed;
    for (const auto& s : r.measure_scores) {
      if (s.area != a.area || s.maturity == 0) continue;
      const Measure* m = fw.find_measure(s.measure);
      today += (today.empty() ? "" : "<br>") + cell(s.measure + " " + (m ? m->title.in(lang) : "")) + " (" +
               cell(render(Message{"maturity." + std::to_string(s.maturity)}, lang)) + ")";
    }
    for (const auto& e : r.action_plan) {
      if (e.area != a.area) continue;
      const Measure* m = fw.find_measure(e.measure);
      proposed += (proposed.empty() ? "" : "<br>") + std::string("**") + cell(e.measure) +
                  "**: " + cell(m ? m->proposal.in(lang) : "") + " (" + word("report.due", lang) + " " +
                  e.due.to_string() + ")";
    }
    out += "| **" + cell(area ? area->title.in(lang) : a.area) + "**<br>" + cell(area ? area->goal.in(lang) : "") +
           " | " + (today.empty() ? "*" + word("report.nothing-today", lang) + "*" : today) + " | " +
           (proposed.empty() ? "*" + word("report.no-proposal", lang) + "*" : proposed) + " |\n";
  }

  out += "\n## " + word("report.action-plan", lang) + "\n\n";
  if (r.action_plan.empty()) {
    out += word("report.no-findings", lang) + "\n";
  } else {
    out += "| # | " + word("report.measure", lang) + " | " + word("report.proposed", lang) + " | " +
           word("report.severity", lang) + " | " + word("report.due", lang) + " |\n|---:|---|---|---|---|\n";
    for (std::size_t i = 0; i < r.action_plan.size(); ++i) {
      const auto& e = r.action_plan[i];
      const Measure* m = fw.find_measure(e.measure);
      out += "| " + std::to_string(i + 1) + " | " + cell(e.measure + " " + (m ? m->title.in(lang) : "")) + " | " +
             cell(m ? m->proposal.in(lang) : "") + " | " + severity_word(e.severity, lang) + " | " + e.due.to_string() +
             " |\n";
    }
  }

  if (!r.routines.empty()) {
    out += "\n## " + word("report.routines", lang) + "\n\n| " + word("report.routine", lang) + " | " +
           word("report.requirement", lang) + " | " + word("report.rule", lang) + " | " + word("report.status", lang) +
           " |\n|---|---|---|---|\n";
    for (const auto& rc : r.routines)
      for (const auto& q : rc.requirements)
        out += "| " + cell(rc.routine) + " | " + cell(requirement_label(r, q)) + " | " + cell(q.rule) + " | " +
               cell(requirement_state(r, q, lang)) + " |\n";
  }

  // Findings as the reader view groups them (src/reader_view.hpp): law and regulation first,
  // one entry per measure, the unit-level findings of one rule on one line.
  out += "\n## " + word("report.findings", lang) + "\n\n";
  if (r.findings.empty()) out += word("report.no-findings", lang) + "\n";
  const detail::ReaderView view = detail::reader_view(r, {legal_only});
  for (std::size_t ei = 0; ei < view.entries.size(); ++ei) {
    const detail::ReaderEntry& e = view.entries[ei];
    if (ei == 0 || e.part != view.entries[ei - 1].part) out += "### " + cell(part_heading(e.part, lang)) + "\n\n";
    out += "#### " + cell(entry_title(r, e, lang)) + "\n\n";
    const Measure& m = fw.measures()[e.measure];
    const Area* area = fw.find_area(m.area);
    out += "- " + word("report.severity", lang) + ": " + severity_word(e.severity, lang) + "; " +
           word("report.status", lang) + ": " + status_word(e.status, lang) + "; " + word("report.area", lang) + ": " +
           cell(area ? area->title.in(lang) : m.area) + "\n";
    if (!e.citations.empty())
      out += "- " + word("report.sources", lang) + ": " + cell(entry_citations(r, e, lang)) + "\n";
    if (e.plan)
      out += "- " + word("report.proposed", lang) + " (" +
             render(Message{"report.plan-ref", {{"n", std::to_string(*e.plan + 1)}}}, lang) +
             "): " + cell(m.proposal.in(lang)) + "\n";
    out += "\n";
    if (e.status == Status::not_assessed) out += word("report.entry-not-assessed", lang) + "\n\n";
    for (const detail::ReaderRule& q : e.rules) {
      if (q.folded) continue;
      const Result& first = r.results[r.findings[q.findings.front()].result];
      out += "- **" + cell(fw.rules()[q.rule].id) + "** (" + status_word(q.status, lang) + "): ";
      if (q.units && q.findings.size() > 1) {
        out += cell(units_line(r, q, lang)) + ". " + word("report.expected", lang) + ": " +
               cell(say(r, r.message(first.expected), lang)) + "\n";
        continue;
      }
      const ResultView x = r.view(first);
      out += cell((q.units ? subject_label(x.subject, lang) + ": " : "") + say(r, x.message, lang)) + ". " +
             word("report.found", lang) + ": " + cell(say(r, x.found, lang)) + "\n";
    }
    if (const auto line = folded_rules_line(r, e, lang); !line.empty()) out += "- " + cell(line) + "\n";
    out += "\n";
  }
  if (view.left_out_entries > 0)
    out += render(Message{"report.legal-only-left-out", {{"n", std::to_string(view.left_out_entries)}}}, lang) + "\n\n";

  // The sources the findings cite, with the reference a reader looks them up by.
  if (const auto sources = cited_sources(r, view, lang); !sources.empty()) {
    out += "## " + word("report.sources", lang) + "\n\n";
    for (const auto& src : sources)
      out += "- **" + cell(src.name) + "**: " + cell(src.reference) +
             (src.url.empty() ? "" : " (" + cell(src.url) + ")") + "\n";
  }
  return out;
}

}  // namespace trygg
