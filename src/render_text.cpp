// SPDX-License-Identifier: MIT
// The terminal report: readable in 80 columns, colour only when asked (the checker asks
// only on a terminal). Findings come from the reader view: law first, one entry per measure,
// the unit-level findings of one rule on one line, so a large organisation gives a readable page.
#include <cmath>

#include "comparison_view.hpp"
#include "plan_state.hpp"
#include "render_common.hpp"
#include "render_waivers.hpp"
#include "trygg/render.hpp"

namespace trygg {
namespace {
using namespace render_detail;

struct Style {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  }
};

const char* severity_colour(Severity s) {
  switch (s) {
    case Severity::critical:
    case Severity::high:
      return "31";  // red
    case Severity::medium:
      return "33";  // yellow
    default:
      return "36";  // cyan
  }
}

std::string bar(double score) {
  const int filled = static_cast<int>(std::lround(score / 4.0 * 10.0));
  std::string s;
  for (int i = 0; i < 10; ++i)
    s += i < filled ? "#" : ".";
  return s;
}

std::string pad(std::string s, std::size_t width) {
  std::size_t cols = 0;
  for (unsigned char c : s)
    cols += (c & 0xC0) != 0x80 ? 1 : 0;
  if (cols > width) {
    // Cut at a code point boundary and mark the cut.
    std::size_t keep = 0, seen = 0;
    while (keep < s.size() && seen < width - 1) {
      ++keep;
      while (keep < s.size() && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80)
        ++keep;
      ++seen;
    }
    return s.substr(0, keep) + "~";
  }
  return s + std::string(width - cols, ' ');
}

/// The waived findings and the waivers not in force (docs/history.md, "Waivers"), after the
/// findings; "" when the audit had no waivers.
std::string waived_section(const Report& r, Language lang, std::size_t width, const Style& style) {
  if (r.waivers.empty()) return {};
  static const std::string hanging = "      ";
  std::string out = "\n" + style("1", waiver_word("heading", lang)) + "\n";
  out += wrap(waiver_word("intro", lang), width, "  ");
  bool others = false;
  for (const WaiverLine& l : waiver_lines(r, lang)) {
    if (l.outcome->state != WaiverOutcome::State::applied && !others) {
      others = true;
      out += "\n  " + style("1;4", waiver_word("not-in-force", lang)) + "\n";
    }
    out += "\n" + wrap("* " + l.names + " [" + l.state + "]" + (l.legal.empty() ? "" : " (" + l.legal + ")"), width,
                       "  ", &hanging);
    out += wrap(waiver_word("reason", lang) + ": " + l.outcome->waiver.reason, width, "    ", &hanging);
    out += wrap(l.dates, width, "    ", &hanging);
    if (!l.note.empty()) out += wrap(l.note, width, "    ", &hanging);
    for (const WaivedRow& row : l.rows)
      out += wrap("- " + row.rule + " [" + row.severity + "] " + row.subject + " " + row.fingerprint, width, "    ",
                  &hanging);
  }
  return out;
}
}  // namespace

std::string render_text(const Report& r, const TextOptions& o) {
  const Language lang = o.language;
  const Style style{o.colour};
  const std::size_t width = static_cast<std::size_t>(std::max(40, o.width));
  const Framework& fw = r.framework;
  std::string out;

  out += style("1", "trygg: " + word("report.title", lang)) + "\n";
  std::string org =
      word("report.organisation", lang) + ": " +
      (r.organisation_name.empty() ? r.organisation_id : r.organisation_name + " (" + r.organisation_id + ")");
  out += wrap(org + ", " + r.country + ". " + word("report.as-of", lang) + " " + r.as_of.to_string() + ".", width, "");
  out += word("report.packs", lang) + ": " + pack_list(r) + "\n\n";

  out += style("1", word("report.summary", lang)) + "\n";
  out += wrap(summary_line(r, lang), width, "  ");
  out += "\n" + style("1", word("report.areas", lang)) + "\n";
  for (const auto& a : r.area_scores) {
    const Area* area = fw.find_area(a.area);
    out += "  " + pad(terminal_safe(area ? area->title.in(lang) : a.area), 24) + " " + one_decimal(a.score) + "  " +
           bar(a.score) + "  " + render(Message{"report.findings-count", {{"n", std::to_string(a.findings)}}}, lang) +
           "\n";
  }
  out += wrap(word("report.legend", lang), width, "  ");
  // Compared with a baseline (src/render_comparison.cpp): the first 20 new or changed and resolved.
  if (r.comparison) out += "\n" + detail::comparison_text(detail::comparison_view(r), &fw, lang, width, 20);

  // Findings as the reader view groups them (src/reader_view.hpp): law and regulation first,
  // one entry per measure, the unit-level findings of a rule on one line.
  out += "\n" + style("1", word("report.findings", lang)) + "\n";
  if (!has_open_findings(r)) out += "  " + word("report.no-findings", lang) + "\n";
  const detail::ReaderView view = detail::reader_view(r, {o.legal_only});
  static const std::string hanging = "        ";
  for (std::size_t ei = 0; ei < view.entries.size(); ++ei) {
    const detail::ReaderEntry& e = view.entries[ei];
    if (ei == 0 || e.part != view.entries[ei - 1].part) out += "\n  " + style("1;4", part_heading(e.part, lang)) + "\n";
    const std::string tag = "[" + severity_word(e.severity, lang) + ", " + status_word(e.status, lang) + "]";
    // wrap() makes its text terminal-safe, colour codes included: the tag is coloured after.
    std::string title = wrap(tag + " " + entry_title(r, e, lang), width, "  ", &hanging);
    title.replace(2, tag.size(), style(severity_colour(e.severity), tag));
    out += "\n" + title;
    const Area* area = fw.find_area(fw.measures()[e.measure].area);
    std::string about = area ? area->title.in(lang) : fw.measures()[e.measure].area;
    if (e.plan) about += "; " + render(Message{"report.plan-ref", {{"n", std::to_string(*e.plan + 1)}}}, lang);
    out += wrap(about, width, "    ", &hanging);
    if (!e.citations.empty())
      out += wrap(word("report.sources", lang) + ": " + entry_citations(r, e, lang), width, "    ", &hanging);
    if (e.status == Status::not_assessed) out += wrap(word("report.entry-not-assessed", lang), width, "    ", &hanging);
    for (const detail::ReaderRule& q : e.rules) {
      if (q.folded) continue;
      const Result& first = r.results[r.findings[q.findings.front()].result];
      const std::string head = "- " + terminal_safe(fw.rules()[q.rule].id) + " [" + status_word(q.status, lang) + "]: ";
      if (q.units && q.findings.size() > 1) {
        out += wrap(head + units_line(r, q, lang), width, "    ", &hanging);
        out += wrap(word("report.expected", lang) + ": " + say(r, r.message(first.expected), lang), width, hanging);
        continue;
      }
      const ResultView x = r.view(first);
      out += wrap(head + (q.units ? subject_label(x.subject, lang) + ": " : "") + say(r, x.message, lang), width,
                  "    ", &hanging);
      out += wrap(word("report.expected", lang) + ": " + say(r, x.expected, lang), width, hanging);
      out += wrap(word("report.found", lang) + ": " + say(r, x.found, lang), width, hanging);
      if (!x.evidence.empty()) {
        std::string ev;
        for (std::size_t i = 0; i < x.evidence.size() && i < 3; ++i)
          ev += (i ? " " : "") + x.evidence[i];
        if (x.evidence.size() > 3) ev += " ...";
        out += wrap(word("report.evidence", lang) + ": " + ev, width, hanging);
      }
    }
    if (const auto line = folded_rules_line(r, e, lang); !line.empty())
      out += wrap("- " + line, width, "    ", &hanging);
  }
  if (view.left_out_entries > 0)
    out +=
        "\n" + wrap(render(Message{"report.legal-only-left-out", {{"n", std::to_string(view.left_out_entries)}}}, lang),
                    width, "  ");

  out += waived_section(r, lang, width, style);
  out += "\n" + style("1", word("report.action-plan", lang)) + "\n";
  if (r.action_plan.empty()) out += "  " + word("report.no-findings", lang) + "\n";
  for (std::size_t i = 0; i < r.action_plan.size(); ++i) {
    const auto& e = r.action_plan[i];
    const Measure* m = fw.find_measure(e.measure);
    out += wrap(std::to_string(i + 1) + ". " + e.measure + " " + (m ? m->title.in(lang) : "") + " (" +
                    word("report.due", lang) + " " + e.due.to_string() + ", " + severity_word(e.severity, lang) + ")",
                width, "  ");
    if (m) out += wrap(m->proposal.in(lang), width, "     ");
    out += wrap(word("plan-state.heading", lang) + ": " + terminal_safe(detail::plan_state_label(e, lang)), width,
                "     ");
  }
  if (r.plan_progress.reported) out += "\n" + wrap(detail::plan_progress_line(r.plan_progress, lang), width, "  ");
  if (!r.routines.empty()) {
    out += "\n" + style("1", word("report.routines", lang)) + "\n";
    for (const auto& rc : r.routines) {
      out += "  " + terminal_safe(rc.routine) + "\n";
      for (const auto& q : rc.requirements) {
        out += wrap(std::string(q.satisfied() ? "[x] " : "[ ] ") + requirement_label(r, q) + " (" + q.rule +
                        "): " + requirement_state(r, q, lang),
                    width, "    ", &hanging);
      }
    }
  }
  return out;
}

}  // namespace trygg
