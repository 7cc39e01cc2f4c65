// SPDX-License-Identifier: MIT
// The framework as data, in the pack format's vocabulary (for Python, docs and tools).
#include "trygg/framework.hpp"

namespace trygg {
namespace {
using json = nlohmann::json;

json text_json(const Text& t) {
  return json{{"sv", t.sv}, {"nb", t.nb}, {"en", t.en}};
}

json source_json(const Source& s, bool with_pack) {
  json j{{"id", s.id}, {"reference", text_json(s.reference)}};
  if (!s.short_name.en.empty() || !s.short_name.sv.empty() || !s.short_name.nb.empty())
    j["short"] = text_json(s.short_name);
  if (!s.url.empty()) j["url"] = s.url;
  if (s.framework) j["framework"] = true;
  if (with_pack) j["pack"] = s.pack;
  return j;
}

json applicability_json(const Applicability& a);
json alternatives_json(const std::vector<Applicability>& alts) {
  json j = json::array();
  for (const auto& a : alts)
    j.push_back(applicability_json(a));
  return j;
}

json applicability_json(const Applicability& a) {
  json j = json::object();
  if (!a.countries.empty()) j["countries"] = a.countries;
  if (!a.sectors.empty()) j["sectors"] = a.sectors;
  if (!a.flags_any.empty()) j["flags_any"] = a.flags_any;
  if (!a.flags_all.empty()) j["flags_all"] = a.flags_all;
  if (a.min_headcount) j["min_headcount"] = *a.min_headcount;
  if (a.max_headcount) j["max_headcount"] = *a.max_headcount;
  if (a.min_headcount || a.max_headcount) j["headcount_basis"] = a.headcount_basis;
  if (a.from) j["from"] = a.from->to_string();
  if (a.until) j["until"] = a.until->to_string();
  if (!a.any_of.empty()) j["any_of"] = alternatives_json(a.any_of);
  return j;
}
}  // namespace

nlohmann::json citations_to_json(const std::vector<Citation>& citations) {
  json a = json::array();
  for (const auto& c : citations) {
    json j{{"source", c.source}, {"locator", c.locator}};
    if (!c.url.empty()) j["url"] = c.url;
    if (c.from) j["from"] = c.from->to_string();
    if (c.until) j["until"] = c.until->to_string();
    a.push_back(std::move(j));
  }
  return a;
}

nlohmann::json Framework::to_json() const {
  json packs_j = json::array(), sources_j = json::array(), areas_j = json::array(), measures_j = json::array(),
       rules_j = json::array();
  for (const auto& p : packs()) {
    json pack_sources = json::array();
    for (const auto& s : p.sources) {
      pack_sources.push_back(source_json(s, false));
      if (const Source* known = find_source(s.id)) sources_j.push_back(source_json(*known, true));
    }
    packs_j.push_back({{"id", p.id},
                       {"version", p.version},
                       {"title", text_json(p.title)},
                       {"description", text_json(p.description)},
                       {"sources", std::move(pack_sources)},
                       {"file", p.file}});
  }
  for (const auto& a : areas())
    areas_j.push_back({{"id", a.id},
                       {"code", a.code},
                       {"order", a.order},
                       {"title", text_json(a.title)},
                       {"goal", text_json(a.goal)},
                       {"sources", citations_to_json(a.sources)},
                       {"pack", a.pack}});
  for (const auto& m : measures()) {
    json els = json::array();
    for (const auto& e : m.elements)
      els.push_back({{"id", e.id}, {"title", text_json(e.title)}});
    json j{{"id", m.id},
           {"name", m.name},
           {"area", m.area},
           {"title", text_json(m.title)},
           {"description", text_json(m.description)},
           {"proposal", text_json(m.proposal)},
           {"sources", citations_to_json(m.sources)},
           {"audience", m.audience},
           {"elements", std::move(els)},
           {"depends_on", m.depends_on},
           {"severity", to_string(m.severity)},
           {"pack", m.pack}};
    if (m.cadence) j["cadence"] = m.cadence->to_string();
    measures_j.push_back(std::move(j));
  }
  for (const auto& r : rules())
    rules_j.push_back({{"id", r.id},
                       {"measure", r.measure},
                       {"check", r.check},
                       {"obligation", to_string(r.obligation)},
                       {"severity", to_string(r.severity)},
                       {"params", r.params},
                       {"applies_if", applicability_json(r.applies_if)},
                       {"citations", citations_to_json(r.citations)},
                       {"rationale", text_json(r.rationale)},
                       {"evidence", text_json(r.evidence)},
                       {"status", r.preview ? "preview" : "stable"},
                       {"pack", r.pack}});
  return json{{"packs", std::move(packs_j)},
              {"sources", std::move(sources_j)},
              {"areas", std::move(areas_j)},
              {"measures", std::move(measures_j)},
              {"rules", std::move(rules_j)}};
}

}  // namespace trygg
