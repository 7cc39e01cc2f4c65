// SPDX-License-Identifier: MIT
// The safety_organisation check and its rules: safety representatives and safety committees
// per workplace (SFS 1977:1160 6 kap. 2 and 8 §§) and per employer (arbeidsmiljøloven
// §§ 6-1 and 7-1), on small hand-built organisations.
#include <algorithm>
#include <tuple>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;

namespace {

const char* const rep_se = "se.aml.6-2.safety-representative";
const char* const committee_se = "se.aml.6-8.committee";
const char* const rep_no = "no.aml.6-1.safety-representative";
const char* const committee_no = "no.aml.7-1.committee";
const char* const rep_base = "SUP-03/safety_organisation";

/// A Swedish employer with one unit (the root, so the only workplace) of `staff` employees.
json one_workplace(std::uint32_t staff) {
  json doc = json::parse(R"({"format": "trygg.organisation/1", "id": "org-safety", "country": "SE",
                             "units": [{"id": "u-root", "manager": "p-1"}],
                             "people": [{"id": "p-1", "unit": "u-root", "roles": ["manager"]}],
    "reported_roles": ["manager", "safety-representative", "chief-safety-representative"],
                             "routines": [], "activities": [], "channels": []})");
  doc["units"][0]["headcount"] = staff;
  return doc;
}

/// u-root (10) with two workplaces below it: u-a (20) with its unit u-a1 (40), so 60 in all,
/// and u-b (30), which has a workplace of its own, u-b1 (3). The root's own workplace is u-root.
json nested() {
  return json::parse(R"({"format": "trygg.organisation/1", "id": "org-nested", "country": "SE",
    "units": [
      {"id": "u-root", "headcount": 10, "manager": "p-1"},
      {"id": "u-a", "parent": "u-root", "headcount": 20, "workplace": true},
      {"id": "u-a1", "parent": "u-a", "headcount": 40},
      {"id": "u-b", "parent": "u-root", "headcount": 30, "workplace": true},
      {"id": "u-b1", "parent": "u-b", "headcount": 3, "workplace": true}
    ],
    "people": [{"id": "p-1", "unit": "u-root", "roles": ["manager"]}],
    "reported_roles": ["manager", "safety-representative", "chief-safety-representative"],
    "routines": [], "activities": [], "channels": []})");
}

trygg::Report audit(const json& doc, const char* as_of = "2026-06-01") {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse(as_of);
  o.language = trygg::Language::en;
  return trygg::audit(fixtures::load(doc), fixtures::framework(), o);
}

trygg::Status status(const json& doc, const std::string& rule, const char* as_of = "2026-06-01") {
  return fixtures::result(audit(doc, as_of), rule).status;
}

/// The unit results of a rule: unit id, status and message id, in report order.
using Units = std::vector<std::tuple<std::string, trygg::Status, std::string>>;
Units units(const trygg::Report& r, const std::string& rule) {
  Units out;
  for (const auto& x : fixtures::views(r))
    if (x.rule == rule && x.subject.kind == trygg::Subject::Kind::unit)
      out.emplace_back(x.subject.id, x.status, x.message.id);
  return out;
}

trygg::ResultView unit_result(const trygg::Report& r, const std::string& rule, const std::string& unit) {
  for (const auto& x : fixtures::views(r))
    if (x.rule == rule && x.subject.kind == trygg::Subject::Kind::unit && x.subject.id == unit) return x;
  throw std::runtime_error("no unit result for " + unit);
}

std::string arg(const trygg::Message& m, const std::string& name) {
  for (const auto& [k, v] : m.args)
    if (k == name) return v;
  return "<none>";
}

json person(const std::string& id, const std::string& unit, const std::string& role, json serves = nullptr) {
  json p{{"id", id}, {"unit", unit}, {"roles", {role}}};
  if (!serves.is_null()) p["serves"] = std::move(serves);
  return p;
}

json meeting(const std::string& id, const std::string& date, json units = nullptr) {
  json a{{"id", id}, {"kind", "safety-committee"}, {"measures", {"SUP-03"}}, {"date", date}};
  if (!units.is_null()) a["units"] = std::move(units);
  return a;
}

constexpr auto pass = trygg::Status::pass;
constexpr auto fail = trygg::Status::fail;
constexpr auto partial = trygg::Status::partial;
constexpr auto not_applicable = trygg::Status::not_applicable;
constexpr auto not_assessed = trygg::Status::not_assessed;

}  // namespace

TEST_CASE("SE 6 kap. 2 §: a safety representative from five regularly employed per workplace", "[safety]") {
  CHECK(status(one_workplace(4), rep_se) == not_applicable);
  auto five = one_workplace(5);
  const auto r = audit(five);
  const auto org = fixtures::result(r, rep_se);
  CHECK(org.status == fail);
  CHECK(org.message.id == "safety-org.fail");
  CHECK(arg(org.message, "ids") == "u-root");
  CHECK(units(r, rep_se) == Units{{"u-root", fail, "safety-org.unit-missing"}});
  CHECK(arg(unit_result(r, rep_se, "u-root").found, "headcount") == "5");

  five["people"].push_back(person("p-2", "u-root", "safety-representative"));
  CHECK(status(five, rep_se) == pass);
  // A chief safety representative is a safety representative too.
  five["people"][1]["roles"] = {"chief-safety-representative"};
  CHECK(status(five, rep_se) == pass);
  // Other roles are not.
  five["people"][1]["roles"] = {"union-representative"};
  CHECK(status(five, rep_se) == fail);
}

TEST_CASE("SE 6 kap. 8 §: a safety committee from fifty regularly employed per workplace", "[safety]") {
  CHECK(status(one_workplace(49), committee_se) == not_applicable);
  auto fifty = one_workplace(50);
  CHECK(status(fifty, committee_se) == fail);
  fifty["activities"].push_back(meeting("a-1", "2026-03-10"));
  const auto r = audit(fifty);
  CHECK(fixtures::result(r, committee_se).status == pass);
  CHECK(fixtures::result(r, committee_se).evidence == std::vector<std::string>{"/activities/0"});
}

TEST_CASE("a single workplace takes the organisation's stated headcount, the regular one first", "[safety]") {
  auto doc = one_workplace(60);
  doc["units"][0].erase("headcount");
  CHECK(status(doc, committee_se) == not_assessed);  // nothing to count
  doc["headcount"] = {{"total", 55}};
  CHECK(status(doc, committee_se) == fail);
  doc["headcount"]["regular"] = 49;  // 55 on the payroll, 49 of them regularly
  CHECK(status(doc, committee_se) == not_applicable);
}

TEST_CASE("committee meetings count only within the period before the as-of date", "[safety]") {
  auto doc = one_workplace(80);
  doc["activities"].push_back(meeting("a-old", "2025-05-31"));  // one year and one day before
  CHECK(status(doc, committee_se) == fail);
  doc["activities"].push_back(meeting("a-late", "2026-06-02"));  // after the as-of date: not yet held
  CHECK(status(doc, committee_se) == fail);
  doc["activities"].push_back(meeting("a-edge", "2025-06-01"));  // exactly one year before: in
  CHECK(status(doc, committee_se) == pass);
  // Another kind of meeting is not the committee, whatever it is called.
  doc["activities"] = json::array({meeting("a-samverkan", "2026-02-01")});
  doc["activities"][0]["kind"] = "cooperation-meeting";
  CHECK(status(doc, committee_se) == fail);
  // Without an activities section the committee cannot be judged.
  doc.erase("activities");
  CHECK(status(doc, committee_se) == not_assessed);
}

TEST_CASE("nested workplaces are counted and judged separately", "[safety]") {
  auto doc = nested();
  auto r = audit(doc);
  // Workplaces: u-root 10, u-a 60 (with u-a1), u-b 30, u-b1 3. Representatives from five:
  // all but u-b1; a committee from fifty: u-a alone.
  CHECK(fixtures::result(r, rep_se).status == fail);
  CHECK(units(r, rep_se) == Units{{"u-root", fail, "safety-org.unit-missing"},
                                  {"u-a", fail, "safety-org.unit-missing"},
                                  {"u-b", fail, "safety-org.unit-missing"}});
  CHECK(arg(fixtures::result(r, rep_se).found, "units") == "3");
  CHECK(arg(unit_result(r, rep_se, "u-a").found, "headcount") == "60");
  CHECK(arg(unit_result(r, rep_se, "u-a").message, "units") == "u-a, u-a1");
  CHECK(units(r, committee_se) == Units{{"u-a", fail, "safety-org.unit-missing"}});

  // A representative for u-a covers its unit u-a1 too; the root and u-b still lack one.
  doc["people"].push_back(person("p-2", "u-a", "safety-representative"));
  r = audit(doc);
  CHECK(fixtures::result(r, rep_se).status == partial);
  CHECK(arg(fixtures::result(r, rep_se).message, "ids") == "u-root, u-b");

  // One for the root's subtree covers every workplace, nested ones included.
  doc["people"].push_back(person("p-3", "u-b1", "safety-representative", {"u-root"}));
  r = audit(doc);
  CHECK(fixtures::result(r, rep_se).status == pass);

  // A committee for u-a alone: the only workplace of fifty or more.
  doc["activities"].push_back(meeting("a-1", "2026-01-15", {"u-a"}));
  CHECK(status(doc, committee_se) == pass);
  // A committee for u-a1 only leaves u-a's own unit without one.
  doc["activities"][0]["units"] = {"u-a1"};
  r = audit(doc);
  CHECK(fixtures::result(r, committee_se).status == fail);
  CHECK(arg(unit_result(r, committee_se, "u-a").message, "units") == "u-a");
}

TEST_CASE("a representative may serve a workplace from another unit, and several may share one", "[safety]") {
  auto doc = nested();
  // p-2 belongs to u-b1 but serves u-a (and so u-a1): the workplace u-a is covered.
  doc["people"].push_back(person("p-2", "u-b1", "safety-representative", {"u-a"}));
  auto fails = units(audit(doc), rep_se);
  CHECK(fails == Units{{"u-root", fail, "safety-org.unit-missing"}, {"u-b", fail, "safety-org.unit-missing"}});
  // Without "serves", p-2 covers their own unit's subtree only: u-b1, too small to need one.
  doc["people"][1].erase("serves");
  CHECK(units(audit(doc), rep_se).size() == 3);

  // u-a split between two representatives: u-a1 (40) and a new u-a2 (20); u-a itself has
  // no staff of its own, so nobody needs to represent it.
  doc["units"][1]["headcount"] = 0;
  doc["units"].push_back(json::parse(R"({"id": "u-a2", "parent": "u-a", "headcount": 20})"));
  doc["people"] = json::array({person("p-1", "u-root", "manager"), person("p-2", "u-a1", "safety-representative"),
                               person("p-3", "u-a2", "safety-representative")});
  auto r = audit(doc);
  CHECK(arg(unit_result(r, rep_se, "u-b").found, "headcount") == "30");
  fails = units(r, rep_se);
  CHECK(std::none_of(fails.begin(), fails.end(), [](const auto& u) { return std::get<0>(u) == "u-a"; }));
  // Take one away and the workplace lacks one for that unit only.
  doc["people"].erase(2);
  r = audit(doc);
  CHECK(arg(unit_result(r, rep_se, "u-a").message, "units") == "u-a2");
  CHECK(arg(unit_result(r, rep_se, "u-a").found, "bad") == "1");
  CHECK(arg(unit_result(r, rep_se, "u-a").found, "units") == "2");
}

TEST_CASE("a workplace without a headcount is not assessed, never a pass", "[safety]") {
  auto doc = nested();
  doc["people"].push_back(person("p-2", "u-root", "safety-representative", {"u-root"}));
  doc["units"][3].erase("headcount");  // u-b: its size is unknown
  auto r = audit(doc);
  const auto org = fixtures::result(r, rep_se);
  CHECK(org.status == not_assessed);
  CHECK(org.message.id == "safety-org.unknown");
  CHECK(arg(org.message, "ids") == "u-b");
  CHECK(units(r, rep_se) == Units{{"u-b", not_assessed, "safety-org.unit-unknown"}});

  // A known part that already reaches the threshold binds the workplace.
  doc["units"].push_back(json::parse(R"({"id": "u-b2", "parent": "u-b", "headcount": 7})"));
  CHECK(status(doc, rep_se) == pass);

  // Failing workplaces still decide; the unknown one is listed after them.
  doc["units"].erase(doc["units"].size() - 1);
  doc["people"][1]["serves"] = {"u-a"};
  r = audit(doc);
  CHECK(fixtures::result(r, rep_se).status == partial);  // u-root fails, u-a passes
  CHECK(units(r, rep_se) ==
        Units{{"u-root", fail, "safety-org.unit-missing"}, {"u-b", not_assessed, "safety-org.unit-unknown"}});

  // Without a people section no representative can be judged.
  doc.erase("people");
  doc["units"][0].erase("manager");
  CHECK(status(doc, rep_se) == not_assessed);
}

TEST_CASE("the base rule asks for a representative at every workplace with staff", "[safety]") {
  auto doc = nested();
  // u-b1 (3 employees) needs one too under good practice; a unit with no staff does not.
  doc["people"].push_back(person("p-2", "u-root", "safety-representative", {"u-a", "u-b"}));
  doc["units"].push_back(json::parse(R"({"id": "u-empty", "parent": "u-root", "headcount": 0})"));
  auto r = audit(doc);
  CHECK(units(r, rep_base) == Units{{"u-root", fail, "safety-org.unit-missing"}});
  CHECK(arg(unit_result(r, rep_base, "u-root").message, "units") == "u-root");  // not u-empty
  CHECK(fixtures::result(r, rep_base).status == partial);
  CHECK(arg(fixtures::result(r, rep_base).found, "units") == "4");  // u-b1 counts here
  CHECK(arg(fixtures::result(r, rep_se).found, "units") == "3");    // but not from five
  // The base rule applies in Norway too; the Swedish ones do not.
  doc["country"] = "NO";
  CHECK(status(doc, rep_base) == partial);
  CHECK(status(doc, rep_se) == not_applicable);
}

TEST_CASE("NO § 6-1: a verneombud per employer from five employees (ten before 2024)", "[safety]") {
  auto doc = nested();
  doc["country"] = "NO";
  doc["headcount"] = {{"total", 4}};
  CHECK(status(doc, rep_no) == not_applicable);
  doc["headcount"]["total"] = 5;
  const auto r = audit(doc);
  CHECK(fixtures::result(r, rep_no).status == fail);
  CHECK(units(r, rep_no).empty());  // judged for the employer as a whole
  CHECK(fixtures::result(r, rep_no).evidence == std::vector<std::string>{"/people"});
  // One anywhere in the undertaking is enough under § 6-1 itself.
  doc["people"].push_back(person("p-2", "u-b1", "safety-representative"));
  CHECK(status(doc, rep_no) == pass);

  // Before 2024 parties could agree on another arrangement below ten.
  doc["people"].erase(1);
  doc["headcount"]["total"] = 9;
  CHECK(status(doc, rep_no, "2023-06-01") == not_applicable);
  doc["headcount"]["total"] = 10;
  CHECK(status(doc, rep_no, "2023-06-01") == fail);
}

TEST_CASE("NO § 7-1: an arbeidsmiljøutvalg from thirty regularly employed, from 2024", "[safety]") {
  auto doc = one_workplace(1);
  doc["country"] = "NO";
  doc["headcount"] = {{"total", 200}, {"regular", 29}};
  CHECK(status(doc, committee_no) == not_applicable);  // the regular count decides
  doc["headcount"]["regular"] = 30;
  CHECK(status(doc, committee_no) == fail);
  doc["activities"].push_back(meeting("a-1", "2025-11-20", {"u-root"}));
  auto r = audit(doc);
  const auto org = fixtures::result(r, committee_no);
  CHECK(org.status == pass);
  REQUIRE(org.next_due);
  CHECK(org.next_due->to_string() == "2026-11-20");  // due to meet again within the year
  CHECK(status(doc, committee_no, "2023-06-01") == not_applicable);
  doc["headcount"].erase("regular");
  CHECK(status(doc, committee_no) == not_assessed);
}

TEST_CASE("safety_organisation parameters are checked when the pack is loaded", "[safety]") {
  auto pack = json::parse(R"({"format": "trygg.pack/1", "id": "mine", "version": "1",
    "title": {"sv": "x", "nb": "x", "en": "x"},
    "rules": [{"id": "mine.safety", "measure": "SUP-03", "check": "safety_organisation",
               "obligation": "good-practice", "params": {"requires": "board", "min_staff": -1, "per": "unit"}}]})");
  try {
    (void)trygg::Framework::from_packs(
        {trygg::Framework::builtin_pack("base"), trygg::Framework::parse_pack(pack.dump(), "mine.json")});
    FAIL("the pack loaded");
  } catch (const trygg::LoadError& e) {
    std::vector<std::string> pointers;
    for (const auto& d : e.diagnostics())
      pointers.push_back(d.pointer);
    CHECK(std::count(pointers.begin(), pointers.end(), "/rules/0/params/requires") == 1);
    CHECK(std::count(pointers.begin(), pointers.end(), "/rules/0/params/min_staff") == 1);
    CHECK(std::count(pointers.begin(), pointers.end(), "/rules/0/params/per") == 1);
  }
}

TEST_CASE("per organisation, a rule's own min_staff is on the regular headcount, else the total", "[safety]") {
  const auto pack = json::parse(R"({"format": "trygg.pack/1", "id": "mine", "version": "1",
    "title": {"sv": "x", "nb": "x", "en": "x"},
    "rules": [{"id": "mine.safety", "measure": "SUP-03", "check": "safety_organisation",
               "obligation": "good-practice", "params": {"per": "organisation", "min_staff": 10}}]})");
  const auto fw = trygg::Framework::from_packs(
      {trygg::Framework::builtin_pack("base"), trygg::Framework::parse_pack(pack.dump(), "mine.json")});
  auto run = [&](const json& doc) {
    trygg::AuditOptions o;
    o.as_of = trygg::Date::parse("2026-06-01");
    o.packs = {"mine"};
    const auto r = trygg::audit(trygg::Organisation::from_json(doc, fw, "test.json"), fw, o);
    return fixtures::result(r, "mine.safety");
  };
  auto doc = one_workplace(9);
  CHECK(run(doc).status == not_applicable);
  CHECK(run(doc).message.id == "safety-org.org-below");
  doc["headcount"] = {{"total", 12}};
  CHECK(run(doc).status == fail);
  doc["headcount"]["regular"] = 8;
  CHECK(run(doc).status == not_applicable);
  doc["units"][0].erase("headcount");
  doc.erase("headcount");
  CHECK(run(doc).status == not_assessed);
  CHECK(run(doc).message.id == "safety-org.org-headcount-unknown");
}
