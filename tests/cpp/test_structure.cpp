// SPDX-License-Identifier: MIT
// Structural checks on the organisation graph, on small hand-built organisations.
#include <algorithm>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;

namespace {

/// u-root (manager p-1) with u-a (manager p-2) and u-b (no manager); u-a has u-a1 (manager
/// p-4). p-3 is an HR specialist in u-root. Headcounts 10, 20, 30, 40. Every holder of the
/// support roles is listed (reported_roles).
json tree() {
  return json::parse(R"({
    "format": "trygg.organisation/1", "id": "org-structure", "country": "SE",
    "units": [
      {"id": "u-root", "headcount": 10, "manager": "p-1"},
      {"id": "u-a", "parent": "u-root", "headcount": 20, "manager": "p-2"},
      {"id": "u-b", "parent": "u-root", "headcount": 30},
      {"id": "u-a1", "parent": "u-a", "headcount": 40, "manager": "p-4"}
    ],
    "people": [
      {"id": "p-1", "unit": "u-root", "roles": ["manager"]},
      {"id": "p-2", "unit": "u-a", "roles": ["manager"]},
      {"id": "p-3", "unit": "u-root", "roles": ["hr-specialist"]},
      {"id": "p-4", "unit": "u-a1", "roles": ["manager"]}
    ],
    "reported_roles": ["manager", "hr-specialist", "safety-representative", "chief-safety-representative",
                       "union-representative", "occupational-health", "equality-officer", "investigator",
                       "exit-interviewer"],
    "routines": [], "activities": [],
    "channels": [{"id": "c-lm", "kind": "line-manager", "recipients": ["p-1", "p-2", "p-4"]}]
  })");
}

trygg::Report audit(const json& doc) {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-06-01");
  o.language = trygg::Language::en;
  return trygg::audit(fixtures::load(doc), fixtures::framework(), o);
}

/// The failing units of a rule, with their message ids.
std::vector<std::pair<std::string, std::string>> failing_units(const trygg::Report& r, const std::string& rule) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& x : fixtures::views(r))
    if (x.rule == rule && x.subject.kind == trygg::Subject::Kind::unit) out.emplace_back(x.subject.id, x.message.id);
  return out;
}

using Units = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("independent route: only the line manager is no route around them", "[structure]") {
  auto doc = tree();
  auto r = audit(doc);
  CHECK(fixtures::result(r, "SIG-01/independent_route").status == trygg::Status::fail);
  // u-b has no manager of its own: its line manager is p-1, the root's.
  CHECK(failing_units(r, "SIG-01/independent_route") == Units{{"u-root", "route.unit-only-manager"},
                                                              {"u-a", "route.unit-only-manager"},
                                                              {"u-a1", "route.unit-only-manager"},
                                                              {"u-b", "route.unit-only-manager"}});
  for (const auto& x : fixtures::views(r))
    if (x.rule == "SIG-01/independent_route" && x.subject.id == "u-a") {
      REQUIRE(x.evidence.size() == 2);
      CHECK(x.evidence[1] == "/people/1");  // p-2, the person every route passes through
    }

  // HR for the u-a subtree: u-a and u-a1 staff can go around their managers.
  doc["channels"].push_back(
      json::parse(R"({"id": "c-hr", "kind": "hr", "from_units": ["u-a"], "recipients": ["p-3"]})"));
  r = audit(doc);
  CHECK(fixtures::result(r, "SIG-01/independent_route").status == trygg::Status::partial);
  CHECK(failing_units(r, "SIG-01/independent_route") ==
        Units{{"u-root", "route.unit-only-manager"}, {"u-b", "route.unit-only-manager"}});

  // HR for everyone: every unit passes.
  doc["channels"][1].erase("from_units");
  r = audit(doc);
  CHECK(fixtures::result(r, "SIG-01/independent_route").status == trygg::Status::pass);
}

TEST_CASE("independent route: a manager whose only routes lead to their own manager", "[structure]") {
  auto doc = tree();
  // The only other recipient is p-1, the manager of u-a's manager p-2.
  doc["channels"].push_back(json::parse(R"({"id": "c-top", "kind": "in-person", "recipients": ["p-1"]})"));
  auto r = audit(doc);
  const auto fails = failing_units(r, "SIG-01/independent_route");
  // Staff of u-a can go to p-1 around p-2; but p-2 can only go to p-1.
  CHECK(std::count(fails.begin(), fails.end(), std::pair<std::string, std::string>{"u-a", "route.manager-only-own"}) ==
        1);
  // The root's staff have p-1 only, who is their own manager.
  CHECK(std::count(fails.begin(), fails.end(),
                   std::pair<std::string, std::string>{"u-root", "route.unit-only-manager"}) == 1);
  // A second recipient outside the line fixes both.
  doc["channels"][1]["recipients"].push_back("p-3");
  r = audit(doc);
  CHECK(failing_units(r, "SIG-01/independent_route").empty());
}

TEST_CASE("independent route: units no channel reaches", "[structure]") {
  auto doc = tree();
  doc["channels"] = json::parse(R"([{"id": "c-hr", "kind": "hr", "from_units": ["u-b"], "recipients": ["p-3"]}])");
  const auto r = audit(doc);
  const auto fails = failing_units(r, "SIG-01/independent_route");
  CHECK(std::count(fails.begin(), fails.end(), std::pair<std::string, std::string>{"u-a1", "route.unit-none"}) == 1);
  CHECK(std::none_of(fails.begin(), fails.end(), [](const auto& f) { return f.first == "u-b"; }));
}

TEST_CASE("support within reach: the nearest holder serves the subtree", "[structure]") {
  auto doc = tree();
  for (auto& p : doc["people"])
    if (p["id"] == "p-3")
      p["roles"] = {"hr-specialist", "safety-representative", "union-representative", "occupational-health"};
  auto r = audit(doc);
  // Everyone reaches four kinds of support, but nobody is an equality officer.
  CHECK(fixtures::result(r, "SUP-01/support_within_reach").status == trygg::Status::fail);
  CHECK(failing_units(r, "SUP-01/support_within_reach").size() == 4);
  doc["people"].push_back(
      json::parse(R"({"id": "p-5", "unit": "u-a", "roles": ["equality-officer"], "serves": ["u-a"]})"));
  r = audit(doc);
  CHECK(fixtures::result(r, "SUP-01/support_within_reach").status == trygg::Status::partial);
  CHECK(failing_units(r, "SUP-01/support_within_reach") ==
        Units{{"u-root", "support.unit-missing"}, {"u-b", "support.unit-missing"}});
  for (const auto& x : fixtures::views(r))
    if (x.rule == "SUP-01/support_within_reach" && x.subject.id == "u-b") {
      CHECK(x.message.args.at(0).second == "equality-officer");
      CHECK(std::count(x.evidence.begin(), x.evidence.end(), "/people/2") == 4);  // p-3 for four roles
    }
}

TEST_CASE("single point of failure: one recipient behind more staff than the limit", "[structure]") {
  auto doc = tree();
  doc["channels"] = json::parse(R"([{"id": "c-hr", "kind": "hr", "recipients": ["p-3"]}])");
  doc["units"][2]["headcount"] = 300;  // 10 + 20 + 300 + 40 staff, all behind p-3
  auto r = audit(doc);
  auto spof = fixtures::result(r, "SUP-02/single_point_of_failure");
  CHECK(spof.status == trygg::Status::fail);
  CHECK(spof.found.args.at(0).second == "370");
  CHECK(spof.evidence == std::vector<std::string>{"/people/2"});
  // Two recipients in one channel: neither is on every route.
  doc["people"].push_back(json::parse(R"({"id": "p-5", "unit": "u-b", "roles": ["hr-specialist"]})"));
  doc["channels"][0]["recipients"].push_back("p-5");
  r = audit(doc);
  CHECK(fixtures::result(r, "SUP-02/single_point_of_failure").status == trygg::Status::pass);
  // The limit is a parameter: with 29 staff in u-a and u-a1 served only by p-5...
  doc["people"][4]["roles"] = {"safety-representative"};
  doc["people"][4]["serves"] = {"u-b"};
  r = audit(doc);
  spof = fixtures::result(r, "SUP-02/single_point_of_failure");
  CHECK(spof.status == trygg::Status::fail);  // p-5 is the sole safety representative for u-b's 300
}

TEST_CASE("impartiality: investigators and exit interviewers outside the line", "[structure]") {
  auto doc = tree();
  doc["people"][2]["roles"].push_back("investigator");  // HR
  auto r = audit(doc);
  CHECK(fixtures::result(r, "ORG-03/impartiality").status == trygg::Status::pass);
  // p-2 manages u-a and investigates for the whole organisation: some cases are in their line.
  doc["people"][1]["roles"].push_back("investigator");
  doc["people"][1]["serves"] = {"u-root"};
  r = audit(doc);
  auto x = fixtures::result(r, "ORG-03/impartiality");
  CHECK(x.status == trygg::Status::partial);
  CHECK(x.evidence == std::vector<std::string>{"/people/1"});
  // p-2 investigating only in u-b is outside their line.
  doc["people"][1]["serves"] = {"u-b"};
  CHECK(fixtures::result(audit(doc), "ORG-03/impartiality").status == trygg::Status::pass);

  doc["activities"] = json::parse(R"([
    {"id": "a-exit-1", "kind": "exit-interview", "measures": ["SIG-04"], "date": "2026-03-01", "units": ["u-a1"],
     "held_by": "p-2"},
    {"id": "a-exit-2", "kind": "exit-interview", "measures": ["SIG-04"], "date": "2026-03-02", "units": ["u-b"],
     "held_by": "p-3"}])");
  r = audit(doc);
  x = fixtures::result(r, "SIG-04/impartiality");
  CHECK(x.status == trygg::Status::partial);  // p-2 manages u-a, above u-a1
  CHECK(x.message.args.at(0).second == "a-exit-1");
}
