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

std::string render_markdown(const Report& r, Language lang) {
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

  out += "\n## " + word("report.findings", lang) + "\n\n";
  if (r.findings.empty()) {
    out += word("report.no-findings", lang) + "\n";
  } else {
    out += "| " + word("report.rule", lang) + " | " + word("report.subject", lang) + " | " +
           word("report.status", lang) + " | " + word("report.severity", lang) + " | " + word("report.found", lang) +
           " | " + word("report.source", lang) + " |\n|---|---|---|---|---|---|\n";
    const Folding folding = fold_absent_measures(r);
    for (std::size_t fi = 0; fi < r.findings.size(); ++fi) {
      if (folding.folded[fi]) continue;
      const Finding& f = r.findings[fi];
      const ResultView x = r.view(f);
      std::string message = say(r, x.message, lang);
      if (x.check == "present")
        if (const auto line = folded_line(folding, x.measure, lang); !line.empty()) message += ". " + line;
      std::string sources;
      for (const auto& c : r.citations(f)) {
        // A source the packs define by its reference; an act or regulation as written.
        const bool known = r.framework.find_source(c.source) != nullptr;
        sources += (sources.empty() ? "" : "; ") +
                   (known ? r.framework.cite(c, lang) : c.source + (c.locator.empty() ? "" : ", " + c.locator));
      }
      out += "| " + cell(x.rule) + " | " + cell(subject_label(x.subject, lang)) + " | " + status_word(x.status, lang) +
             " | " + severity_word(x.severity, lang) + " | " + cell(message) + " | " + cell(sources) + " |\n";
    }
  }
  return out;
}

}  // namespace trygg
