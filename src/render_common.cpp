// SPDX-License-Identifier: MIT
#include "render_common.hpp"

#include "trygg/render.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace trygg {
namespace render_detail {

std::string pack_list(const Report& r) {
  std::string packs;
  for (const auto& p : r.framework.packs())
    for (const auto& id : r.packs)
      if (p.id == id) packs += (packs.empty() ? "" : ", ") + p.id + " " + p.version;
  return packs;
}

std::string summary_line(const Report& r, Language lang) {
  return render(Message{"report.summary-line",
                        {{"rules", std::to_string(r.summary.total())},
                         {"pass", std::to_string(r.summary.pass)},
                         {"fail", std::to_string(r.summary.fail)},
                         {"partial", std::to_string(r.summary.partial)},
                         {"not_assessed", std::to_string(r.summary.not_assessed)},
                         {"not_applicable", std::to_string(r.summary.not_applicable)}}},
                lang) +
         // Waived results are counted in the total, so the parts add up to it.
         (r.summary.waived
              ? ", " + render(Message{"waiver.summary-part", {{"n", std::to_string(r.summary.waived)}}}, lang)
              : std::string());
}

std::string entry_title(const Report& r, const detail::ReaderEntry& e, Language lang) {
  const Measure& m = r.framework.measures().at(e.measure);
  return m.id + " " + m.title.in(lang);
}

std::string entry_citations(const Report& r, const detail::ReaderEntry& e, Language lang) {
  // Grouped by source, in order of first citation: "diskrimineringslagen 3 kap. 6 §, 3 kap.
  // 2 §; ramverket ORG-03". Locators may hold commas, sources are separated by semicolons.
  std::string out;
  std::vector<char> done(e.citations.size(), 0);
  for (std::size_t i = 0; i < e.citations.size(); ++i) {
    if (done[i]) continue;
    out += (out.empty() ? "" : "; ") + detail::citation_label(r, e.citations[i], e.measure, lang);
    const Source* src = r.framework.find_source(e.citations[i].source);
    if (src && src->framework) continue;
    for (std::size_t j = i + 1; j < e.citations.size(); ++j)
      if (!done[j] && e.citations[j].source == e.citations[i].source) {
        done[j] = 1;
        if (!e.citations[j].locator.empty()) out += ", " + e.citations[j].locator;
      }
  }
  return out;
}

std::string part_heading(detail::ReaderPart part, Language lang) {
  return word(part == detail::ReaderPart::legal ? "report.part-legal" : "report.part-good-practice", lang);
}

std::string list_with_more(const std::vector<std::string>& items, std::size_t more, Language lang) {
  std::string list;
  for (const auto& s : items)
    list += (list.empty() ? "" : ", ") + s;
  if (more == 0) return list;
  return render(Message{"report.list-more", {{"list", list}, {"n", std::to_string(more)}}}, lang);
}

std::string units_line(const Report& r, const detail::ReaderRule& q, Language lang, std::size_t first) {
  const auto units = detail::first_units(r, q, first);
  return render(
      Message{"report.units-collapsed",
              {{"n", std::to_string(q.findings.size())}, {"units", list_with_more(units.shown, units.more, lang)}}},
      lang);
}

std::string folded_rules_line(const Report& r, const detail::ReaderEntry& e, Language lang) {
  std::string rules;
  std::vector<std::uint32_t> seen;  // a rule with organisation and unit findings is one rule
  for (const auto& q : e.rules) {
    if (!q.folded || std::find(seen.begin(), seen.end(), q.rule) != seen.end()) continue;
    seen.push_back(q.rule);
    rules += (rules.empty() ? "" : ", ") + r.framework.rules()[q.rule].id;
  }
  if (seen.empty()) return {};
  return render(Message{"report.follows-from-absence", {{"n", std::to_string(seen.size())}, {"rules", rules}}}, lang);
}

std::vector<CitedSource> cited_sources(const Report& r, const detail::ReaderView& view, Language lang) {
  std::vector<CitedSource> out;
  std::vector<std::string_view> seen;
  for (const auto& e : view.entries)
    for (const auto& c : e.citations) {
      if (std::find(seen.begin(), seen.end(), c.source) != seen.end()) continue;
      seen.push_back(c.source);
      if (const Source* src = r.framework.find_source(c.source)) {
        const std::string& name = src->short_name.in(lang).empty() ? src->id : src->short_name.in(lang);
        out.push_back({name, src->reference.in(lang), src->url});
      } else {
        out.push_back({c.source, c.source, c.url});
      }
    }
  return out;
}

std::string one_decimal(double v) {
  // std::to_chars ignores the process locale, which printf-style formatting follows: a Python
  // process that called setlocale("sv_SE") would otherwise print "1,0" (issue 12).
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string wrap(const std::string& raw, std::size_t width, const std::string& indent, const std::string* rest) {
  // Everything wrapped is shown on a terminal: input text must not steer it (render.hpp).
  const std::string text = terminal_safe(raw);
  auto columns = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
      n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
  };
  const std::string& next_indent = rest ? *rest : indent;
  std::string out, line = indent;
  std::size_t used = columns(indent);
  std::size_t base = used;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string w = text.substr(start, end - start);
    const std::size_t wl = columns(w);
    if (used > base && used + 1 + wl > width) {
      out += line + "\n";
      line = next_indent;
      used = base = columns(next_indent);
    }
    if (used > base) {
      line += ' ';
      ++used;
    }
    line += w;
    used += wl;
    start = end + 1;
  }
  out += line + "\n";
  return out;
}

std::string requirement_label(const Report& r, const RoutineRequirement& q) {
  if (const Rule* rule = r.framework.find_rule(q.rule)) {
    const auto cited = citations_in_force(rule->citations, r.as_of);
    // In the report's language: the label has no language of its own (render_common.hpp).
    if (!cited.empty()) return r.framework.cite(cited.front(), r.language);
  }
  return q.rule;
}

std::string requirement_state(const Report& r, const RoutineRequirement& q, Language lang) {
  if (q.satisfied()) return word("report.requirement-met", lang);
  if (!q.reported) return word("report.requirement-not-reported", lang);
  std::string ids;
  for (const auto& e : q.missing)
    ids += (ids.empty() ? "" : ", ") + e;
  return render(Message{"report.requirement-lacks", {{"measure", q.measure}, {"missing", ids}}}, lang, r.framework);
}

}  // namespace render_detail

}  // namespace trygg
