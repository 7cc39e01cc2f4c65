// SPDX-License-Identifier: MIT
// Every evaluator on small hand-built organisations: each status it can give.
#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;
using fixtures::result;
using fixtures::run;
using trygg::Status;

namespace {
/// small_org() with one routine for ORG-03, edited by `edit`.
json with_routine(const std::function<void(json&)>& edit) {
  json doc = fixtures::small_org();
  json r = json::parse(R"({"id": "r-1", "measures": ["ORG-03"]})");
  edit(r);
  doc["routines"].push_back(r);
  return doc;
}
std::string arg(const trygg::Message& m, const std::string& key) {
  for (const auto& [k, v] : m.args)
    if (k == key) return v;
  return "<none>";
}
}  // namespace

TEST_CASE("present", "[evaluator]") {
  CHECK(result(run(fixtures::small_org()), "ORG-03/present").status == Status::fail);
  const auto& pass = result(run(with_routine([](json&) {})), "ORG-03/present");
  CHECK(pass.status == Status::pass);
  CHECK(pass.evidence == std::vector<std::string>{"/routines/0"});
  json none = fixtures::small_org();
  none.erase("routines");
  none.erase("activities");
  none.erase("channels");
  CHECK(result(run(none), "ORG-03/present").status == Status::not_assessed);
}

TEST_CASE("written", "[evaluator]") {
  CHECK(result(run(fixtures::small_org()), "ORG-03/written").status == Status::fail);
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/written").status == Status::not_assessed);
  CHECK(result(run(with_routine([](json& r) { r["written"] = false; })), "ORG-03/written").status == Status::fail);
  const auto& pass = result(run(with_routine([](json& r) { r["written"] = true; })), "ORG-03/written");
  CHECK(pass.status == Status::pass);
  CHECK(pass.evidence == std::vector<std::string>{"/routines/0/written"});
  // One routine known to be unwritten, another that does not say: not known, so not assessed.
  json mixed = with_routine([](json& r) { r["written"] = false; });
  mixed["routines"].push_back(json::parse(R"({"id": "r-2", "measures": ["ORG-03"]})"));
  CHECK(result(run(mixed), "ORG-03/written").status == Status::not_assessed);
  json no_section = fixtures::small_org();
  no_section.erase("routines");
  CHECK(result(run(no_section), "ORG-03/written").status == Status::not_assessed);
}

TEST_CASE("elements", "[evaluator]") {
  const json all = json::array({"who-to-turn-to", "alternative-recipient", "employer-actions", "investigator",
                                "reprisal-protection", "support", "timeframes"});
  CHECK(result(run(with_routine([&](json& r) {
                 r["written"] = true;
                 r["elements"] = all;
               })),
               "ORG-03/elements")
            .status == Status::pass);
  const auto& partial = result(run(with_routine([](json& r) {
                                 r["written"] = true;
                                 r["elements"] = {"who-to-turn-to", "investigator"};
                               })),
                               "ORG-03/elements");
  CHECK(partial.status == Status::partial);
  CHECK(arg(partial.message, "missing") ==
        "alternative-recipient, employer-actions, reprisal-protection, support, timeframes");
  CHECK(
      trygg::render(partial.message, trygg::Language::en, fixtures::framework()).find("Protection against reprisals") !=
      std::string::npos);
  // An unwritten routine states nothing a reader can check.
  CHECK(result(run(with_routine([&](json& r) {
                 r["written"] = false;
                 r["elements"] = all;
               })),
               "ORG-03/elements")
            .status == Status::fail);
}

TEST_CASE("coverage is inherited down the tree", "[evaluator]") {
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/coverage").status == Status::pass);  // no units = everything
  const auto report = run(with_routine([](json& r) { r["units"] = {"u-a", "u-b1"}; }));
  const auto& org = result(report, "ORG-03/coverage");
  CHECK(org.status == Status::partial);
  CHECK(arg(org.found, "covered") == "2");
  // u-root itself is uncovered though units below it are covered; u-b likewise.
  std::vector<std::pair<std::string, std::string>> gaps;
  for (const auto& x : fixtures::views(report))
    if (x.rule == "ORG-03/coverage" && x.subject.kind == trygg::Subject::Kind::unit)
      gaps.emplace_back(x.subject.id, x.message.id);
  CHECK(gaps == std::vector<std::pair<std::string, std::string>>{{"u-root", "coverage.unit-only"},
                                                                 {"u-b", "coverage.unit-only"}});
  const auto subtree = run(with_routine([](json& r) { r["units"] = {"u-a"}; }));
  gaps.clear();
  for (const auto& x : fixtures::views(subtree))
    if (x.rule == "ORG-03/coverage" && x.subject.kind == trygg::Subject::Kind::unit)
      gaps.emplace_back(x.subject.id, x.message.id);
  CHECK(gaps == std::vector<std::pair<std::string, std::string>>{{"u-root", "coverage.unit-only"},
                                                                 {"u-b", "coverage.unit-subtree"}});
  CHECK(result(run(with_routine([](json& r) { r["units"] = {"u-root"}; })), "ORG-03/coverage").status == Status::pass);
}

TEST_CASE("cadence", "[evaluator]") {
  const auto& current = result(run(with_routine([](json& r) { r["last_reviewed"] = "2026-01-10"; })), "ORG-03/cadence");
  CHECK(current.status == Status::pass);
  REQUIRE(current.next_due);
  CHECK(current.next_due->to_string() == "2027-01-10");
  const auto& stale = result(run(with_routine([](json& r) { r["adopted"] = "2025-11-21"; })), "ORG-03/cadence");
  CHECK(stale.status == Status::fail);
  CHECK(arg(stale.message, "due") == "2026-11-21");
  // Due exactly on the as-of date is still current.
  CHECK(result(run(with_routine([](json& r) { r["adopted"] = "2025-11-22"; })), "ORG-03/cadence").status ==
        Status::pass);
  // A date in the future has not happened.
  CHECK(result(run(with_routine([](json& r) { r["adopted"] = "2027-01-01"; })), "ORG-03/cadence").status ==
        Status::not_assessed);
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/cadence").status == Status::not_assessed);
  CHECK(result(run(fixtures::small_org()), "ORG-03/cadence").status == Status::fail);
}

TEST_CASE("owner", "[evaluator]") {
  // A left-out owner is not reported; "owner": null says that nobody owns the routine.
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/owner").status == Status::not_assessed);
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/owner").message.id == "owner.not-reported");
  CHECK(result(run(with_routine([](json& r) { r["owner"] = nullptr; })), "ORG-03/owner").status == Status::fail);
  const auto org = fixtures::load(with_routine([](json& r) { r["owner"] = nullptr; }));
  CHECK(org.routines[0].no_owner);
  CHECK(fixtures::load(org.to_json()).routines[0].no_owner);
  CHECK(result(run(with_routine([](json& r) { r["owner"] = "p-3"; })), "ORG-03/owner").status == Status::pass);
}

TEST_CASE("participation", "[evaluator]") {
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/participation").status == Status::not_assessed);
  CHECK(result(run(with_routine([](json& r) { r["participation"] = json::array(); })), "ORG-03/participation").status ==
        Status::fail);
  const auto& partial = result(run(with_routine([](json& r) {
                                 r["participation"] = {"employees", "hr"};
                               })),
                               "ORG-03/participation");
  CHECK(partial.status == Status::partial);
  CHECK(arg(partial.message, "parties") == "safety-representatives");
  CHECK(result(run(with_routine([](json& r) {
                 r["participation"] = {"employees", "safety-representatives"};
               })),
               "ORG-03/participation")
            .status == Status::pass);
}

TEST_CASE("communicated", "[evaluator]") {
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/communicated").status == Status::fail);
  CHECK(result(run(with_routine([](json& r) {
                 r["communicated"] = {{"date", "2026-03-01"}};
               })),
               "ORG-03/communicated")
            .status == Status::partial);
  CHECK(result(run(with_routine([](json& r) {
                 r["communicated"] = {{"date", "2026-03-01"}, {"channels", {"intranet"}}};
               })),
               "ORG-03/communicated")
            .status == Status::pass);
  // A date after the as-of date is not evidence, and the report names it (issue 11).
  const auto future = result(run(with_routine([](json& r) {
                               r["communicated"] = {{"date", "2027-03-01"}, {"channels", {"intranet"}}};
                             })),
                             "ORG-03/communicated");
  CHECK(future.status == Status::not_assessed);
  CHECK(future.found.id == "common.found-future");
  CHECK(future.evidence == std::vector<std::string>{"/routines/0/communicated/date"});
}

TEST_CASE("effect", "[evaluator]") {
  CHECK(result(run(with_routine([](json&) {})), "ORG-03/effect").status == Status::fail);
  CHECK(result(run(with_routine([](json& r) {
                 r["effect_followed_up"] = {{"date", "2026-06-01"}};
               })),
               "ORG-03/effect")
            .status == Status::pass);
  const auto& stale = result(run(with_routine([](json& r) {
                               r["effect_followed_up"] = {{"date", "2025-06-01"}};
                             })),
                             "ORG-03/effect");
  CHECK(stale.status == Status::fail);
  CHECK(stale.message.id == "effect.stale");
}

TEST_CASE("audience coverage of managers", "[evaluator]") {
  json doc = fixtures::small_org();
  auto training = [](json participants, const char* date) {
    return json{{"id", "a-1"},  {"kind", "training"},     {"measures", {"LEAD-05"}},
                {"date", date}, {"audience", "managers"}, {"participants", participants}};
  };
  doc["activities"] = json::array({training({"p-1", "p-2"}, "2026-05-01")});
  CHECK(result(run(doc), "LEAD-05/audience_coverage").status == Status::pass);
  doc["activities"] = json::array({training({"p-1", "p-3"}, "2026-05-01")});  // p-3 is not a manager
  const auto& partial = result(run(doc), "LEAD-05/audience_coverage");
  CHECK(partial.status == Status::partial);
  CHECK(arg(partial.found, "reached") == "1");
  CHECK(arg(partial.found, "eligible") == "2");
  doc["activities"] = json::array({training({"p-1", "p-2"}, "2025-05-01")});  // outside the one-year cadence
  CHECK(result(run(doc), "LEAD-05/audience_coverage").status == Status::fail);
  doc.erase("activities");
  CHECK(result(run(doc), "LEAD-05/audience_coverage").status == Status::not_assessed);
}

TEST_CASE("audience coverage by aggregates", "[evaluator]") {
  json doc = fixtures::small_org();
  doc["flags"] = {"client-facing"};
  doc["activities"] = {{{"id", "a-1"},
                        {"kind", "training"},
                        {"measures", {"EMP-05"}},
                        {"date", "2026-05-01"},
                        {"reached", 70},
                        {"eligible", 100}}};
  const auto& partial = result(run(doc), "EMP-05/audience_coverage");
  CHECK(partial.status == Status::partial);
  CHECK(arg(partial.found, "share") == "70 %");
  doc["activities"][0]["reached"] = 80;
  CHECK(result(run(doc), "EMP-05/audience_coverage").status == Status::pass);
  // Without "eligible", the headcount (100) is the audience.
  doc["activities"][0].erase("eligible");
  CHECK(result(run(doc), "EMP-05/audience_coverage").status == Status::pass);
}
