// SPDX-License-Identifier: MIT
// Small hand-built organisations for the tests. Pseudonymous ids only.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "trygg/trygg.hpp"

namespace fixtures {

using json = nlohmann::json;

inline const trygg::Framework& framework() {
  static const trygg::Framework fw = trygg::Framework::builtin();
  return fw;
}

/// Root u-root with two children u-a and u-b; u-b has a child u-b1. Two managers, one HR.
/// It reports every flag (none present) and lists every role holder (reported_roles).
inline json small_org() {
  return json::parse(R"({
    "format": "trygg.organisation/1",
    "id": "org-test",
    "country": "SE",
    "flags": [],
    "units": [
      {"id": "u-root", "parent": null, "headcount": 10, "manager": "p-1"},
      {"id": "u-a", "parent": "u-root", "headcount": 20, "manager": "p-2"},
      {"id": "u-b", "parent": "u-root", "headcount": 30},
      {"id": "u-b1", "parent": "u-b", "headcount": 40}
    ],
    "people": [
      {"id": "p-1", "unit": "u-root", "roles": ["manager"]},
      {"id": "p-2", "unit": "u-a", "roles": ["manager"]},
      {"id": "p-3", "unit": "u-root", "roles": ["hr-specialist"]}
    ],
    "reported_roles": ["manager", "hr-specialist", "safety-representative", "chief-safety-representative", "union-representative", "occupational-health", "equality-officer", "investigator", "exit-interviewer", "whistleblowing-function", "external-service"],
    "routines": [],
    "activities": [],
    "channels": []
  })");
}

inline trygg::Organisation load(const json& doc) {
  return trygg::Organisation::from_json(doc, framework(), "test.json");
}

inline trygg::Report run(const json& doc, const char* as_of = "2026-11-22") {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse(as_of);
  o.language = trygg::Language::en;
  return trygg::audit(load(doc), framework(), o);
}

/// Every result of a report with what it names spelled out, in report order.
inline std::vector<trygg::ResultView> views(const trygg::Report& r) {
  std::vector<trygg::ResultView> out;
  out.reserve(r.results.size());
  for (const auto& x : r.results)
    out.push_back(r.view(x));
  return out;
}

/// The organisation-level result of a rule.
inline trygg::ResultView result(const trygg::Report& r, const std::string& rule) {
  for (const auto& x : r.results)
    if (r.rule(x).id == rule && x.subject.kind == trygg::Subject::Kind::organisation) return r.view(x);
  throw std::runtime_error("no result for " + rule);
}

/// The diagnostics of a document that must fail to load.
inline std::vector<trygg::Diagnostic> load_errors(const std::string& text) {
  try {
    (void)trygg::Organisation::parse(text, framework(), "bad.json");
  } catch (const trygg::LoadError& e) {
    return e.diagnostics();
  }
  throw std::runtime_error("the document loaded, but was expected to fail");
}

}  // namespace fixtures
