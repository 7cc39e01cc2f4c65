// SPDX-License-Identifier: MIT
// Organisations built or edited in code are checked like files (issue 12, section 5).
#include <functional>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;
using trygg::Index;
using trygg::Organisation;

namespace {

std::vector<trygg::Diagnostic> validate_errors(const Organisation& org) {
  try {
    org.validate(fixtures::framework(), "built.json");
  } catch (const trygg::LoadError& e) {
    return e.diagnostics();
  }
  return {};
}

std::vector<trygg::Diagnostic> file_errors(const json& doc) {
  try {
    (void)Organisation::from_json(doc, fixtures::framework(), "built.json");
  } catch (const trygg::LoadError& e) {
    return e.diagnostics();
  }
  return {};
}

std::vector<std::string> audit_error_pointers(const Organisation& org) {
  try {
    (void)trygg::audit(org, fixtures::framework());
  } catch (const trygg::LoadError& e) {
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics())
      out.push_back(d.pointer);
    return out;
  }
  return {};
}

json with_routine() {
  json doc = fixtures::small_org();
  doc["routines"].push_back(json::parse(R"({"id": "r-1", "measures": ["ORG-03"], "written": true,
    "elements": ["who-to-turn-to"], "adopted": "2025-01-10", "last_reviewed": "2026-01-10"})"));
  doc["activities"].push_back(json::parse(R"({"id": "a-1", "kind": "training", "measures": ["LEAD-01"],
    "date": "2026-03-01", "reached": 3, "eligible": 5})"));
  return doc;
}

}  // namespace

TEST_CASE("audit refuses a cycle of units instead of never returning", "[built-in-code]") {
  auto org = fixtures::load(fixtures::small_org());
  // u-a and u-b1 point at each other; the root keeps its place.
  org.units[1].parent = 3;
  org.units[3].parent = 1;
  const auto pointers = audit_error_pointers(org);
  REQUIRE_FALSE(pointers.empty());
  CHECK(pointers.front() == "/units/1/parent");
}

TEST_CASE("audit refuses what the loader would refuse and the checks cannot judge", "[built-in-code]") {
  const auto base = fixtures::load(with_routine());
  REQUIRE(audit_error_pointers(base).empty());
  struct Case {
    const char* what;
    std::function<void(Organisation&)> edit;
    std::string pointer;
  };
  const std::vector<Case> cases{
      {"unknown measure", [](Organisation& o) { o.routines[0].measures = {"ORG-99"}; }, "/routines/0/measures/0"},
      {"unknown element", [](Organisation& o) { o.routines[0].elements = {{"no-such-element"}}; },
       "/routines/0/elements/0"},
      {"two roots", [](Organisation& o) { o.units[2].parent = trygg::no_index; }, "/units/2/parent"},
      {"duplicate unit id", [](Organisation& o) { o.units[2].id = "u-a"; }, "/units/2/id"},
      {"parent out of range", [](Organisation& o) { o.units[2].parent = 17; }, "/units/2/parent"},
      {"manager out of range", [](Organisation& o) { o.units[0].manager = 99; }, "/units/0/manager"},
      {"participant out of range", [](Organisation& o) { o.activities[0].participants = {42}; },
       "/activities/0/participants/0"},
      {"self parent", [](Organisation& o) { o.units[2].parent = 2; }, "/units/2/parent"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    Organisation org = base;
    c.edit(org);
    const auto pointers = audit_error_pointers(org);
    REQUIRE_FALSE(pointers.empty());
    CHECK(pointers.front() == c.pointer);
    CHECK_FALSE(validate_errors(org).empty());
  }
}

TEST_CASE("validate gives the loader's diagnostics for the equivalent document", "[built-in-code]") {
  const json doc = with_routine();
  const auto base = fixtures::load(doc);
  CHECK(validate_errors(base).empty());
  struct Case {
    const char* what;
    std::function<void(Organisation&)> edit;
    std::function<void(json&)> same_in_the_file;
  };
  const std::vector<Case> cases{
      {"review before adoption",
       [](Organisation& o) { o.routines[0].last_reviewed = trygg::Date::parse("2024-01-01"); },
       [](json& d) { d["routines"][0]["last_reviewed"] = "2024-01-01"; }},
      {"reached above eligible", [](Organisation& o) { o.activities[0].reached = 9; },
       [](json& d) { d["activities"][0]["reached"] = 9; }},
      {"bad id", [](Organisation& o) { o.routines[0].id = "bad id"; },
       [](json& d) { d["routines"][0]["id"] = "bad id"; }},
      {"ids differing in case", [](Organisation& o) { o.units[2].id = "U-A"; },
       [](json& d) {
         d["units"][2]["id"] = "U-A";
         d["units"][3]["parent"] = "U-A";
       }},
      {"bad country", [](Organisation& o) { o.country = "sweden"; }, [](json& d) { d["country"] = "sweden"; }},
      {"unknown role", [](Organisation& o) { o.people[0].roles = {"boss"}; },
       [](json& d) { d["people"][0]["roles"] = {"boss"}; }},
      {"unknown reported role", [](Organisation& o) { o.reported_roles = std::vector<std::string>{"boss"}; },
       [](json& d) { d["reported_roles"] = {"boss"}; }},
      {"unknown element", [](Organisation& o) { o.routines[0].elements = {{"no-such-element"}}; },
       [](json& d) { d["routines"][0]["elements"] = {"no-such-element"}; }},
      {"a cycle",
       [](Organisation& o) {
         o.units[1].parent = 3;
         o.units[3].parent = 1;
       },
       [](json& d) {
         d["units"][1]["parent"] = "u-b1";
         d["units"][3]["parent"] = "u-a";
       }},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    Organisation org = base;
    c.edit(org);
    json file = doc;
    c.same_in_the_file(file);
    const auto from_file = file_errors(file);
    REQUIRE_FALSE(from_file.empty());
    CHECK(validate_errors(org) == from_file);
  }
  // A reference out of range cannot be written as a document: validate names the field.
  Organisation org = base;
  org.routines[0].owner = 1234;
  const auto errors = validate_errors(org);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/routines/0/owner");
  CHECK(errors[0].found == "index 1234");
}
