// SPDX-License-Identifier: MIT
#include "render_common.hpp"

#include "trygg/render.hpp"

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
                lang);
}

Folding fold_absent_measures(const Report& r) {
  std::map<std::string, bool, std::less<>> absent;
  for (const auto& x : r.results)
    if (r.rule(x).check == "present" && x.status == Status::fail && x.subject.kind == Subject::Kind::organisation)
      absent[r.rule(x).measure] = true;
  Folding out;
  out.folded.resize(r.findings.size(), 0);
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const Rule& rule = r.rule(r.result(r.findings[i]));
    if (rule.check == "present" || !absent.count(rule.measure)) continue;
    out.folded[i] = 1;
    auto& rules = out.folded_rules[rule.measure];
    if (rules.empty() || rules.back() != rule.id) rules.push_back(rule.id);
  }
  return out;
}

std::string folded_line(const Folding& folding, const std::string& measure, Language lang) {
  const auto it = folding.folded_rules.find(measure);
  if (it == folding.folded_rules.end()) return {};
  std::string rules;
  for (const auto& id : it->second)
    rules += (rules.empty() ? "" : ", ") + id;
  return render(Message{"report.follows-from-absence", {{"n", std::to_string(it->second.size())}, {"rules", rules}}},
                lang);
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
