// SPDX-License-Identifier: MIT
// The CSV report: one row per finding, every result that is not a pass, for spreadsheets and
// scripts (docs/report-format.md, "CSV").
#include "escape.hpp"
#include "render_common.hpp"
#include "trygg/render.hpp"

namespace trygg {
using namespace render_detail;

std::string render_csv(const Report& r, Language lang) {
  // Every field is quoted, and its content kept from starting a formula (src/escape.hpp).
  auto q = [](const std::string& text) {
    const std::string s = detail::csv_text(text);
    std::string out = "\"";
    for (char c : s)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out =
      "fingerprint,rule,measure,area,subject_kind,subject_id,status,severity,obligation,message,expected,found,due,"
      "evidence\r\n";
  for (const auto& f : r.findings) {
    const ResultView x = r.view(f);
    std::string ev;
    for (const auto& e : x.evidence)
      ev += (ev.empty() ? "" : " ") + e;
    out += q(fingerprint_text(f.fingerprint)) + "," + q(x.rule) + "," + q(x.measure) + "," + q(x.area) + "," +
           q(x.subject.kind == Subject::Kind::organisation ? "organisation" : "unit") + "," + q(x.subject.id) + "," +
           q(std::string(to_string(x.status))) + "," + q(std::string(to_string(x.severity))) + "," +
           q(std::string(to_string(x.obligation))) + "," + q(say(r, x.message, lang)) + "," +
           q(say(r, x.expected, lang)) + "," + q(say(r, x.found, lang)) + "," + q(f.due.to_string()) + "," + q(ev) +
           "\r\n";
  }
  return out;
}

}  // namespace trygg
