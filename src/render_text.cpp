// SPDX-License-Identifier: MIT
// The terminal report: readable in 80 columns, colour only when asked (the checker asks
// only on a terminal). Findings are grouped by area and measure; unit-level findings of one
// rule are capped so that a large organisation still gives a readable page.
#include <cmath>

#include "render_common.hpp"
#include "trygg/render.hpp"

namespace trygg {
namespace {
using namespace render_detail;

constexpr std::size_t max_units_per_rule = 5;

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

  out += "\n" + style("1", word("report.findings", lang)) + "\n";
  if (r.findings.empty()) out += "  " + word("report.no-findings", lang) + "\n";
  std::string current_area, current_measure, current_rule;
  std::size_t units_shown = 0, units_hidden = 0;
  auto flush_hidden = [&] {
    if (units_hidden > 0)
      out += "      " + render(Message{"report.more", {{"n", std::to_string(units_hidden)}}}, lang) + "\n";
    units_shown = units_hidden = 0;
  };
  const Folding folding = fold_absent_measures(r);
  for (std::size_t fi = 0; fi < r.findings.size(); ++fi) {
    if (folding.folded[fi]) continue;
    const Finding& f = r.findings[fi];
    const ResultView x = r.view(f);
    if (x.rule != current_rule) flush_hidden();
    if (x.area != current_area) {
      current_area = x.area;
      const Area* area = fw.find_area(x.area);
      out += "\n  " + style("1;4", terminal_safe(area ? area->title.in(lang) : x.area)) + "\n";
    }
    if (x.measure != current_measure) {
      current_measure = x.measure;
      const Measure* m = fw.find_measure(x.measure);
      out += wrap(x.measure + " " + (m ? m->title.in(lang) : ""), width, "  ");
    }
    current_rule = x.rule;
    if (x.subject.kind == Subject::Kind::unit) {
      if (units_shown >= max_units_per_rule) {
        ++units_hidden;
        continue;
      }
      ++units_shown;
      static const std::string hanging = "        ";
      out += wrap(subject_label(x.subject, lang) + ": " + say(r, x.message, lang), width, "      - ", &hanging);
      continue;
    }
    const std::string tag = "[" + severity_word(x.severity, lang) + ", " + status_word(x.status, lang) + "]";
    out += "    " + style(severity_colour(x.severity), tag) + " " + terminal_safe(x.rule) + "\n";
    out += wrap(say(r, x.message, lang), width, "      ");
    out += wrap(word("report.expected", lang) + ": " + say(r, x.expected, lang), width, "      ");
    out += wrap(word("report.found", lang) + ": " + say(r, x.found, lang), width, "      ");
    if (!x.evidence.empty()) {
      std::string ev;
      for (std::size_t i = 0; i < x.evidence.size() && i < 3; ++i)
        ev += (i ? " " : "") + x.evidence[i];
      if (x.evidence.size() > 3) ev += " ...";
      out += wrap(word("report.evidence", lang) + ": " + ev, width, "      ");
    }
    if (x.check == "present") {
      if (const auto line = folded_line(folding, x.measure, lang); !line.empty()) out += wrap(line, width, "      ");
    }
  }
  flush_hidden();

  out += "\n" + style("1", word("report.action-plan", lang)) + "\n";
  if (r.action_plan.empty()) out += "  " + word("report.no-findings", lang) + "\n";
  for (std::size_t i = 0; i < r.action_plan.size(); ++i) {
    const auto& e = r.action_plan[i];
    const Measure* m = fw.find_measure(e.measure);
    out += wrap(std::to_string(i + 1) + ". " + e.measure + " " + (m ? m->title.in(lang) : "") + " (" +
                    word("report.due", lang) + " " + e.due.to_string() + ", " + severity_word(e.severity, lang) + ")",
                width, "  ");
    if (m) out += wrap(m->proposal.in(lang), width, "     ");
  }
  if (!r.routines.empty()) {
    out += "\n" + style("1", word("report.routines", lang)) + "\n";
    for (const auto& rc : r.routines) {
      out += "  " + terminal_safe(rc.routine) + "\n";
      for (const auto& q : rc.requirements) {
        static const std::string hanging = "        ";
        out += wrap(std::string(q.satisfied() ? "[x] " : "[ ] ") + requirement_label(r, q) + " (" + q.rule +
                        "): " + requirement_state(r, q, lang),
                    width, "    ", &hanging);
      }
    }
  }
  return out;
}

}  // namespace trygg
