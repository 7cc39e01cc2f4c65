// SPDX-License-Identifier: MIT
// The JSON report, format "trygg.report/1" (docs/report-format.md). Keys are sorted (nlohmann
// objects are ordered maps) and arrays keep the report's order, so output is byte-stable.
#include <cmath>

#include "render_common.hpp"
#include "trygg/render.hpp"
#include "trygg/version.hpp"

namespace trygg {

namespace {
using nlohmann::json;
using render_detail::say;

json message_json(const Report& r, const Message& m, Language lang) {
  json args = json::object();
  for (const auto& [k, v] : m.args)
    args[k] = v;
  return json{{"id", m.id}, {"args", std::move(args)}, {"text", say(r, m, lang)}};
}

json subject_json(const Subject& s) {
  json j{
      {"kind", s.kind == Subject::Kind::organisation ? "organisation" : "unit"}, {"id", s.id}, {"pointer", s.pointer}};
  if (!s.name.empty()) j["name"] = s.name;
  return j;
}

json result_json(const Report& r, const Result& x, Language lang) {
  json j{{"rule", x.rule},
         {"measure", x.measure},
         {"area", x.area},
         {"check", x.check},
         {"subject", subject_json(x.subject)},
         {"status", to_string(x.status)},
         {"severity", to_string(x.severity)},
         {"obligation", to_string(x.obligation)},
         {"message", message_json(r, x.message, lang)},
         {"expected", message_json(r, x.expected, lang)},
         {"found", message_json(r, x.found, lang)},
         {"evidence", x.evidence}};
  if (x.next_due) j["next_due"] = x.next_due->to_string();
  return j;
}
}  // namespace

json render_json(const Report& r, Language lang) {
  const Framework& fw = r.framework;
  json packs = json::array();
  for (const auto& p : fw.packs())
    for (const auto& id : r.packs)
      if (p.id == id) packs.push_back({{"id", p.id}, {"version", p.version}});

  json summary{{"results", r.summary.total()},
               {"pass", r.summary.pass},
               {"fail", r.summary.fail},
               {"partial", r.summary.partial},
               {"not_applicable", r.summary.not_applicable},
               {"not_assessed", r.summary.not_assessed},
               {"waived", r.summary.waived},
               {"findings", r.findings.size()}};
  json by_severity = json::object();
  for (auto s : all_severities)
    by_severity[std::string(to_string(s))] = 0;
  for (const auto& f : r.findings)
    by_severity[std::string(to_string(r.result(f).severity))] =
        by_severity[std::string(to_string(r.result(f).severity))].get<int>() + 1;
  summary["findings_by_severity"] = std::move(by_severity);

  json areas = json::array();
  for (const auto& a : r.area_scores) {
    const Area* area = fw.find_area(a.area);
    areas.push_back({{"area", a.area},
                     {"title", area ? area->title.in(lang) : a.area},
                     {"score", std::round(a.score * 100.0) / 100.0},
                     {"measures", a.measures},
                     {"findings", a.findings}});
  }
  json measures = json::array();
  for (const auto& s : r.measure_scores) {
    const Measure* m = fw.find_measure(s.measure);
    measures.push_back({{"measure", s.measure},
                        {"area", s.area},
                        {"title", m ? m->title.in(lang) : s.measure},
                        {"maturity", s.maturity},
                        {"maturity_text", render(Message{"maturity." + std::to_string(s.maturity)}, lang)},
                        {"implemented_by", s.implemented_by},
                        {"evidence", s.evidence}});
  }
  json results = json::array();
  for (const auto& x : r.results)
    results.push_back(result_json(r, x, lang));
  json findings = json::array();
  for (const auto& f : r.findings) {
    json j = result_json(r, r.result(f), lang);
    const Measure* m = fw.find_measure(r.result(f).measure);
    j["fingerprint"] = f.fingerprint;
    j["proposal"] = {{"text", m ? m->proposal.in(lang) : ""}, {"due", f.due.to_string()}};
    const auto cited = r.citations(f);
    json citations = citations_to_json(cited);
    for (std::size_t k = 0; k < cited.size(); ++k)
      citations[k]["reference"] = fw.cite(cited[k], lang);
    j["citations"] = std::move(citations);
    findings.push_back(std::move(j));
  }
  json plan = json::array();
  for (std::size_t i = 0; i < r.action_plan.size(); ++i) {
    const auto& e = r.action_plan[i];
    const Measure* m = fw.find_measure(e.measure);
    plan.push_back({{"order", i + 1},
                    {"measure", e.measure},
                    {"area", e.area},
                    {"title", m ? m->title.in(lang) : e.measure},
                    {"proposal", m ? m->proposal.in(lang) : ""},
                    {"severity", to_string(e.severity)},
                    {"due", e.due.to_string()},
                    {"rules", e.rules},
                    {"fingerprints", e.fingerprints},
                    {"depends_on", m ? m->depends_on : std::vector<std::string>{}}});
  }
  json routines = json::array();
  for (const auto& rc : r.routines) {
    json reqs = json::array();
    for (const auto& q : rc.requirements) {
      const Rule* rule = fw.find_rule(q.rule);
      reqs.push_back({{"rule", q.rule},
                      {"measure", q.measure},
                      {"satisfied", q.satisfied()},
                      {"elements_reported", q.reported},
                      {"missing", q.missing},
                      {"citations", citations_to_json(rule ? citations_in_force(rule->citations, r.as_of)
                                                           : std::vector<Citation>{})}});
    }
    routines.push_back({{"routine", rc.routine}, {"pointer", rc.pointer}, {"requirements", std::move(reqs)}});
  }
  json org{{"id", r.organisation_id}, {"country", r.country}};
  if (!r.organisation_name.empty()) org["name"] = r.organisation_name;
  return json{{"format", report_format},
              {"tool", {{"name", "trygg"}, {"version", TRYGG_VERSION_STRING}}},
              {"organisation", std::move(org)},
              {"as_of", r.as_of.to_string()},
              {"language", to_string(lang)},
              {"packs", std::move(packs)},
              {"summary", std::move(summary)},
              {"area_scores", std::move(areas)},
              {"measure_scores", std::move(measures)},
              {"results", std::move(results)},
              {"findings", std::move(findings)},
              {"action_plan", std::move(plan)},
              {"routines", std::move(routines)}};
}

}  // namespace trygg
