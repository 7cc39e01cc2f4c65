// SPDX-License-Identifier: MIT
// Fidelity: what the input does not report stays "not assessed", never "none" (issue 11,
// sections 1 and 2). Each case failed on the behaviour before that issue.
#include <algorithm>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;
using fixtures::result;
using fixtures::run;
using trygg::Obligation;
using trygg::Status;

namespace {

/// A Swedish municipality of 2,800 staff whose people list names only its managers and one
/// HR chief, without saying it is complete for any other role.
json municipality() {
  json doc = json::parse(R"({
    "format": "trygg.organisation/1", "id": "kommun-x", "country": "SE", "sector": "public",
    "flags": [],
    "headcount": {"total": 2800, "start_of_year": 2800, "regular": 2800},
    "units": [
      {"id": "u-root", "headcount": 40, "manager": "p-1"},
      {"id": "u-a", "parent": "u-root", "headcount": 1000, "manager": "p-2", "workplace": true},
      {"id": "u-b", "parent": "u-root", "headcount": 1760, "manager": "p-3", "workplace": true}
    ],
    "people": [
      {"id": "p-1", "unit": "u-root", "roles": ["manager"]},
      {"id": "p-2", "unit": "u-a", "roles": ["manager"]},
      {"id": "p-3", "unit": "u-b", "roles": ["manager"]},
      {"id": "p-hr", "unit": "u-root", "roles": ["hr-specialist"]}
    ],
    "routines": [], "activities": [], "channels": []
  })");
  return doc;
}

std::vector<trygg::ResultView> unit_results(const trygg::Report& r, const std::string& rule) {
  std::vector<trygg::ResultView> out;
  for (const auto& x : fixtures::views(r))
    if (x.rule == rule && x.subject.kind == trygg::Subject::Kind::unit) out.push_back(x);
  return out;
}

json with_routine(json doc, const json& routine) {
  doc["routines"].push_back(routine);
  return doc;
}

}  // namespace

TEST_CASE("a routine that does not report its elements is not assessed; an empty list fails", "[fidelity]") {
  const json routine = json::parse(R"({"id": "r-1", "measures": ["ORG-03"], "written": true})");
  auto r = run(with_routine(fixtures::small_org(), routine));
  for (const char* rule : {"se.dl.3-6.routine", "se.osa.2-11.routine", "ORG-03/elements"}) {
    const auto x = result(r, rule);
    CHECK(x.status == Status::not_assessed);
    CHECK(x.message.id == "elements.not-reported");
    CHECK(x.evidence == std::vector<std::string>{"/routines/0"});
  }
  // The routine view says "not reported", not "lacks every element".
  REQUIRE(r.routines.size() == 1);
  for (const auto& q : r.routines[0].requirements) {
    CHECK_FALSE(q.reported);
    CHECK_FALSE(q.satisfied());
  }
  json stated = routine;
  stated["elements"] = json::array();
  r = run(with_routine(fixtures::small_org(), stated));
  CHECK(result(r, "se.dl.3-6.routine").status == Status::fail);
  stated["elements"] = {"who-to-turn-to"};
  r = run(with_routine(fixtures::small_org(), stated));
  CHECK(result(r, "se.dl.3-6.routine").status == Status::partial);
  // Elements stated by one routine and not reported by another: what is missing may be in the
  // other, so still not assessed; once every required element is stated, a pass.
  json other = json::parse(R"({"id": "r-2", "measures": ["ORG-03"]})");
  r = run(with_routine(with_routine(fixtures::small_org(), stated), other));
  CHECK(result(r, "se.dl.3-6.routine").status == Status::not_assessed);
  stated["elements"] = {"who-to-turn-to", "employer-actions", "investigator", "reprisal-protection"};
  r = run(with_routine(with_routine(fixtures::small_org(), stated), other));
  CHECK(result(r, "se.dl.3-6.routine").status == Status::pass);
}

TEST_CASE("roles the people list does not report make the rules that need them not assessed", "[fidelity]") {
  const auto r = run(municipality(), "2026-06-01");
  // No claim that AML 6 kap. 2 § is broken: nobody said the list of representatives is complete.
  const auto rep = result(r, "se.aml.6-2.safety-representative");
  CHECK(rep.status == Status::not_assessed);
  for (const auto& u : unit_results(r, "se.aml.6-2.safety-representative")) {
    CHECK(u.status == Status::not_assessed);
    CHECK(u.message.id == "safety-org.unit-not-reported");
  }
  // No unit-by-unit "support missing" findings, and the HR chief is no single point of failure.
  const auto support = result(r, "SUP-01/support_within_reach");
  CHECK(support.status == Status::not_assessed);
  CHECK(support.message.id == "support.roles-not-reported");
  CHECK(unit_results(r, "SUP-01/support_within_reach").empty());
  const auto spof = result(r, "SUP-02/single_point_of_failure");
  CHECK(spof.status == Status::not_assessed);
  CHECK(spof.message.id == "spof.roles-not-reported");

  // Once the list is reported complete for a role, its absence is a finding.
  json doc = municipality();
  doc["reported_roles"] = {"manager", "safety-representative", "hr-specialist"};
  const auto complete = run(doc, "2026-06-01");
  CHECK(result(complete, "se.aml.6-2.safety-representative").status == Status::fail);
  CHECK(result(complete, "SUP-02/single_point_of_failure").status == Status::fail);
  // Support: units now fail for the reported roles only.
  CHECK(result(complete, "SUP-01/support_within_reach").status == Status::fail);
  for (const auto& u : unit_results(complete, "SUP-01/support_within_reach"))
    CHECK(u.message.args.at(0).second == "safety-representative");
  // A listed holder is evidence whatever reported_roles says.
  doc = municipality();
  doc["people"].push_back(
      json::parse(R"({"id": "p-sr", "unit": "u-root", "roles": ["safety-representative"], "serves": ["u-root"]})"));
  CHECK(result(run(doc, "2026-06-01"), "se.aml.6-2.safety-representative").status == Status::pass);
}

TEST_CASE("flags have three states: present, absent and not reported", "[fidelity]") {
  json doc = fixtures::small_org();
  doc.erase("flags");
  auto r = run(doc);
  // No flags at all: whether there is home working is not reported.
  CHECK(result(r, "ORG-06/present").status == Status::not_assessed);
  CHECK(result(r, "ORG-06/present").message.id == "applies.flags-unknown");
  // The list form reports every flag: home-working is absent.
  doc["flags"] = json::array();
  CHECK(result(run(doc), "ORG-06/present").status == Status::not_applicable);
  // The object form: false is absent, null or left out is not reported, true is present.
  doc["flags"] = {{"home-working", false}};
  CHECK(result(run(doc), "ORG-06/present").status == Status::not_applicable);
  doc["flags"] = {{"home-working", nullptr}, {"lone-work", false}};
  CHECK(result(run(doc), "ORG-06/present").status == Status::not_assessed);
  doc["flags"] = {{"home-working", true}};
  CHECK(result(run(doc), "ORG-06/present").status == Status::fail);
  // Any one present flag is enough for flags_any, even when the others are not reported.
  doc["flags"] = {{"client-facing", true}};
  CHECK(result(run(doc), "violence.se.5-3.routines").status == Status::fail);
  // The document form keeps all three states.
  doc["flags"] = {{"home-working", true}, {"lone-work", false}};
  const auto org = fixtures::load(doc);
  CHECK(org.flag_state("home-working") == trygg::Organisation::FlagState::present);
  CHECK(org.flag_state("lone-work") == trygg::Organisation::FlagState::absent);
  CHECK(org.flag_state("night-work") == trygg::Organisation::FlagState::not_reported);
  const auto again = fixtures::load(org.to_json());
  CHECK(again.flags == org.flags);
  CHECK(again.flags_not_reported == org.flags_not_reported);
  CHECK(fixtures::load(fixtures::load(fixtures::small_org()).to_json()).flags_not_reported.empty());
  // A flag given as something else is refused with its pointer.
  doc["flags"] = {{"lone-work", "yes"}};
  const auto errors = fixtures::load_errors(doc.dump());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/flags/lone-work");
}

TEST_CASE("lone work alone is not the violence rule's evident risk", "[fidelity]") {
  json doc = fixtures::small_org();
  doc["flags"] = {"lone-work"};
  CHECK(result(run(doc), "violence.se.5-7.lone-work").status == Status::not_applicable);
  doc["flags"] = {"lone-work", "violence-risk"};
  CHECK(result(run(doc), "violence.se.5-7.lone-work").status != Status::not_applicable);
}

TEST_CASE("a survey is a dated occurrence of its measures", "[fidelity]") {
  json doc = fixtures::small_org();
  doc["surveys"] = json::parse(R"([
    {"id": "s-2025", "date": "2025-10-01", "measures": ["SIG-02"], "invited": 100, "respondents": 80},
    {"id": "s-2026", "date": "2026-10-01", "measures": ["SIG-02"], "invited": 100, "respondents": 82}
  ])");
  const auto r = run(doc);
  CHECK(result(r, "SIG-02/present").status == Status::pass);
  const auto cadence = result(r, "SIG-02/cadence");
  CHECK(cadence.status == Status::pass);
  CHECK(cadence.evidence == std::vector<std::string>{"/surveys/1/date"});
  const auto score = std::find_if(r.measure_scores.begin(), r.measure_scores.end(),
                                  [](const trygg::MeasureScore& s) { return s.measure == "SIG-02"; });
  REQUIRE(score != r.measure_scores.end());
  CHECK(score->maturity >= 1);
}

TEST_CASE("evidence dated after the as-of date is named, and is not evidence", "[fidelity]") {
  const json routine =
      json::parse(R"({"id": "r-1", "measures": ["ORG-03"], "written": true, "last_reviewed": "2062-05-01"})");
  const auto r = run(with_routine(fixtures::small_org(), routine), "2026-11-22");
  const auto x = result(r, "ORG-03/cadence");
  CHECK(x.status == Status::not_assessed);
  CHECK(x.found.id == "common.found-future");
  CHECK(x.evidence == std::vector<std::string>{"/routines/0/last_reviewed"});
  const std::string text = trygg::render(x.found, trygg::Language::en, fixtures::framework());
  CHECK(text.find("2062-05-01") != std::string::npos);
  CHECK(text.find("after the as-of date 2026-11-22") != std::string::npos);
}

TEST_CASE("the blank template scores 0 and passes no legal rule", "[fidelity]") {
  for (const char* country : {"SE", "NO"}) {
    const auto doc = trygg::organisation_template(fixtures::framework(), country);
    const auto r = run(doc);
    for (const auto& a : r.area_scores)
      CHECK(a.score == 0.0);
    for (const auto& x : fixtures::views(r)) {
      INFO(x.rule);
      CHECK(x.status != Status::pass);
    }
    CHECK(std::none_of(r.results.begin(), r.results.end(), [&](const trygg::Result& x) {
      return x.status == Status::pass && r.obligation(x) != Obligation::good_practice;
    }));
    CHECK(result(r, country == std::string("SE") ? "se.dl.3-6.guidelines" : "no.aml.2a-6.routine").status !=
          Status::pass);
  }
}

TEST_CASE("known to all employees means told to all employees", "[fidelity]") {
  json routine = json::parse(R"({"id": "r-1", "measures": ["ORG-03"], "written": true,
    "communicated": {"date": "2026-03-01", "channels": ["email"], "audiences": ["managers"]}})");
  auto x = result(run(with_routine(fixtures::small_org(), routine)), "se.osa.2-11.known");
  CHECK(x.status == Status::partial);
  CHECK(x.message.id == "communicated.partial-audience");
  CHECK(x.found.id == "communicated.found-audience");
  routine["communicated"]["audiences"] = {"managers", "all-staff"};
  CHECK(result(run(with_routine(fixtures::small_org(), routine)), "se.osa.2-11.known").status == Status::pass);
  routine["communicated"].erase("audiences");
  x = result(run(with_routine(fixtures::small_org(), routine)), "se.osa.2-11.known");
  CHECK(x.status == Status::not_assessed);
  CHECK(x.message.id == "communicated.audience-not-reported");
  // A rule without an audience is content with any.
  CHECK(result(run(with_routine(fixtures::small_org(), routine)), "ORG-03/communicated").status == Status::pass);
}

TEST_CASE("violence routines are known to the staff exposed to the risk", "[fidelity]") {
  json doc = fixtures::small_org();
  doc["flags"] = {"client-facing"};
  json routine = json::parse(R"({"id": "r-v", "measures": ["ORG-08"], "written": true,
    "communicated": {"date": "2026-03-01", "channels": ["workplace-meeting"], "audiences": ["managers"]}})");
  auto x = result(run(with_routine(doc, routine)), "violence.se.5-3.known");
  CHECK(x.status == Status::partial);
  routine["communicated"]["audiences"] = {"exposed-staff"};
  CHECK(result(run(with_routine(doc, routine)), "violence.se.5-3.known").status == Status::pass);
}
