// SPDX-License-Identifier: MIT
// The action plan's round trip: the organisation's own plan rows laid over trygg's proposals
// (src/plan_state.cpp) and a filled-in plan sheet read back into the file (src/plan_import.cpp).
#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "fixtures.hpp"
#include "trygg/plan_import.hpp"
#include "trygg/trygg.hpp"

namespace {
using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

const trygg::ActionPlanEntry* entry(const trygg::Report& r, const std::string& measure) {
  for (const auto& e : r.action_plan)
    if (e.measure == measure) return &e;
  return nullptr;
}

/// small_org with an action plan; the first proposal of its report without a plan.
struct Planned {
  json doc = fixtures::small_org();
  std::string measure;
  std::uint64_t fingerprint = 0;
  Planned() {
    const auto r = fixtures::run(doc);
    REQUIRE(r.action_plan.size() >= 2);
    measure = r.action_plan[0].measure;
    fingerprint = r.action_plan[1].fingerprints.at(0);
    doc["action_plan"] = json::array();
  }
};

trygg::PlanSheetRow sheet_row(std::size_t row, std::string measure, std::string owner, std::string status,
                              std::string comment = "") {
  trygg::PlanSheetRow r;
  r.row = row;
  r.measure = std::move(measure);
  r.title = "A title";
  r.due = "2027-01-31";
  r.owner = std::move(owner);
  r.status = std::move(status);
  r.comment = std::move(comment);
  return r;
}
}  // namespace

TEST_CASE("plan states: not planned, planned, overdue, done, verified", "[plan]") {
  Planned p;
  SECTION("no plan section: every proposal not planned, progress not reported") {
    p.doc.erase("action_plan");
    const auto r = fixtures::run(p.doc);
    for (const auto& e : r.action_plan) {
      CHECK(e.state == trygg::PlanState::not_planned);
      CHECK(e.items.empty());
    }
    CHECK_FALSE(r.plan_progress.reported);
  }
  SECTION("planned, with owner and due") {
    p.doc["action_plan"].push_back({{"id", "ap-1"}, {"measure", p.measure}, {"owner", "p-3"}, {"due", "2027-03-01"}});
    const auto r = fixtures::run(p.doc);
    const auto* e = entry(r, p.measure);
    REQUIRE(e);
    CHECK(e->state == trygg::PlanState::planned);
    CHECK(e->items == std::vector<std::string>{"ap-1"});
    CHECK(e->owner == "p-3");
    CHECK(e->planned_due == trygg::Date::parse("2027-03-01"));
    CHECK(r.plan_progress.reported);
    CHECK(r.plan_progress.items == 1);
    CHECK(r.plan_progress.done == 0);
  }
  SECTION("overdue: due before the as-of date, not done; the due date itself is not overdue") {
    p.doc["action_plan"].push_back({{"id", "ap-1"}, {"measure", p.measure}, {"owner", "p-3"}, {"due", "2026-11-21"}});
    auto r = fixtures::run(p.doc);
    CHECK(entry(r, p.measure)->state == trygg::PlanState::overdue);
    CHECK(r.plan_progress.overdue == 1);
    p.doc["action_plan"][0]["due"] = "2026-11-22";
    r = fixtures::run(p.doc);
    CHECK(entry(r, p.measure)->state == trygg::PlanState::planned);
    CHECK(r.plan_progress.overdue == 0);
  }
  SECTION("done, effect not seen; then verified; a done date after the as-of date is not done yet") {
    p.doc["action_plan"].push_back(
        {{"id", "ap-1"}, {"measure", p.measure}, {"owner", "p-3"}, {"due", "2026-10-01"}, {"done", "2026-09-01"}});
    auto r = fixtures::run(p.doc);
    CHECK(entry(r, p.measure)->state == trygg::PlanState::done);
    CHECK(r.plan_progress.done == 1);
    p.doc["action_plan"][0]["verified"] = "2026-10-15";
    r = fixtures::run(p.doc);
    CHECK(entry(r, p.measure)->state == trygg::PlanState::verified);
    CHECK(r.plan_progress.verified == 1);
    p.doc["action_plan"][0]["verified"] = "2026-11-23";
    r = fixtures::run(p.doc);
    CHECK(entry(r, p.measure)->state == trygg::PlanState::done);
    p.doc["action_plan"][0].erase("verified");
    p.doc["action_plan"][0]["done"] = "2026-11-23";
    r = fixtures::run(p.doc);
    CHECK(entry(r, p.measure)->state == trygg::PlanState::overdue);
  }
  SECTION("one open row of two keeps the proposal planned") {
    p.doc["action_plan"].push_back({{"id", "ap-1"}, {"measure", p.measure}, {"done", "2026-09-01"}});
    p.doc["action_plan"].push_back({{"id", "ap-2"}, {"measure", p.measure}, {"owner", "p-1"}, {"due", "2027-02-01"}});
    const auto r = fixtures::run(p.doc);
    const auto* e = entry(r, p.measure);
    CHECK(e->state == trygg::PlanState::planned);
    CHECK(e->items == std::vector<std::string>{"ap-1", "ap-2"});
    CHECK(e->owner == "p-1");
  }
  SECTION("linked by fingerprint to another measure's proposal") {
    const auto before = fixtures::run(p.doc);
    std::string other;
    for (const auto& e : before.action_plan)
      if (std::find(e.fingerprints.begin(), e.fingerprints.end(), p.fingerprint) != e.fingerprints.end())
        other = e.measure;
    p.doc["action_plan"].push_back({{"id", "ap-1"},
                                    {"measure", p.measure},
                                    {"owner", "p-3"},
                                    {"due", "2027-03-01"},
                                    {"fingerprints", {trygg::fingerprint_text(p.fingerprint)}}});
    const auto r = fixtures::run(p.doc);
    CHECK(entry(r, other)->state == trygg::PlanState::planned);
    CHECK(entry(r, other)->items == std::vector<std::string>{"ap-1"});
  }
  CHECK(trygg::to_string(trygg::PlanState::not_planned) == "not-planned");
  CHECK(trygg::to_string(trygg::PlanState::verified) == "verified");
}

TEST_CASE("plan rows' fingerprints are checked and kept", "[plan]") {
  auto doc = fixtures::small_org();
  doc["action_plan"] = {{{"id", "ap-1"}, {"measure", "ORG-03"}, {"fingerprints", {"00000000000000zz"}}}};
  const auto errors = fixtures::load_errors(doc.dump());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/action_plan/0/fingerprints/0");
  doc["action_plan"][0]["fingerprints"] = {"0123456789abcdef"};
  doc["action_plan"][0]["comment"] = "a comment";
  const auto org = fixtures::load(doc);
  CHECK(org.action_plan[0].fingerprints == std::vector<std::uint64_t>{0x0123456789abcdefULL});
  CHECK(org.action_plan[0].comment == "a comment");
  const auto back = org.to_json();
  CHECK(back["action_plan"][0]["fingerprints"] == json::array({"0123456789abcdef"}));
  CHECK(back["action_plan"][0]["comment"] == "a comment");
}

TEST_CASE("the plan state and progress survive report bytes", "[plan][report_bytes]") {
  Planned p;
  p.doc["action_plan"].push_back({{"id", "ap-1"}, {"measure", p.measure}, {"owner", "p-3"}, {"due", "2027-03-01"}});
  const auto r = fixtures::run(p.doc);
  const auto back = trygg::report_from_bytes(trygg::report_to_bytes(r), fixtures::framework());
  const auto* e = entry(back, p.measure);
  REQUIRE(e);
  CHECK(e->state == trygg::PlanState::planned);
  CHECK(e->owner == "p-3");
  CHECK(e->items == std::vector<std::string>{"ap-1"});
  CHECK(e->planned_due == trygg::Date::parse("2027-03-01"));
  CHECK(back.plan_progress.reported);
  CHECK(back.plan_progress.items == 1);
  CHECK(trygg::render_json_text(back, trygg::Language::en, 2) == trygg::render_json_text(r, trygg::Language::en, 2));
}

TEST_CASE("a filled-in plan sheet comes back into the organisation file", "[plan][import]") {
  Planned p;
  p.doc["action_plan"].push_back({{"id", "ap-1"}, {"measure", p.measure}, {"title", "Old"}, {"due", "2027-03-01"}});
  const std::string text = p.doc.dump(2);
  const auto today = *trygg::Date::parse("2026-12-01");
  const auto r = fixtures::run(p.doc);
  const std::string second = r.action_plan[1].measure;

  SECTION("an existing row is updated, a new one added, an untouched proposal left out") {
    std::vector<trygg::PlanSheetRow> rows{sheet_row(2, p.measure, "p-3", "Klar", "Gjort i november"),
                                          sheet_row(3, second, "p-1", "in progress")};
    rows[1].fingerprints = "0123456789abcdef +4";
    rows.push_back(sheet_row(4, r.action_plan.size() > 2 ? r.action_plan[2].measure : second, "", ""));
    const auto out = ordered_json::parse(
        trygg::import_action_plan(text, "org.json", rows, "plan.csv", fixtures::framework(), today));
    const auto& plan = out["action_plan"];
    REQUIRE(plan.size() == 2);
    CHECK(plan[0]["id"] == "ap-1");
    CHECK(plan[0]["title"] == "Old");
    CHECK(plan[0]["owner"] == "p-3");
    CHECK(plan[0]["done"] == "2026-12-01");
    CHECK(plan[0]["comment"] == "Gjort i november");
    CHECK_FALSE(plan[0].contains("verified"));
    CHECK(plan[1]["id"] == "plan-" + second);
    CHECK(plan[1]["measure"] == second);
    CHECK(plan[1]["owner"] == "p-1");
    CHECK(plan[1]["due"] == "2027-01-31");
    CHECK(plan[1]["fingerprints"] == ordered_json::array({"0123456789abcdef"}));
    CHECK_FALSE(plan[1].contains("done"));
    // Everything but the plan as it was, in the same order.
    auto a = out, b = ordered_json::parse(text);
    a.erase("action_plan");
    b.erase("action_plan");
    CHECK(a == b);
  }
  SECTION("verified sets both dates, keeping a done date already there") {
    p.doc["action_plan"][0]["done"] = "2026-10-01";
    const auto out = ordered_json::parse(trygg::import_action_plan(p.doc.dump(), "org.json",
                                                                   {sheet_row(2, p.measure, "", "EFFEKT BEKRÄFTAD")},
                                                                   "plan.csv", fixtures::framework(), today));
    CHECK(out["action_plan"][0]["done"] == "2026-10-01");
    CHECK(out["action_plan"][0]["verified"] == "2026-12-01");
  }
  SECTION("an unknown owner points at the sheet's row and column") {
    try {
      (void)trygg::import_action_plan(text, "org.json", {sheet_row(3, p.measure, "Anna Andersson", "done")}, "plan.csv",
                                      fixtures::framework(), today);
      FAIL("imported");
    } catch (const trygg::LoadError& e) {
      REQUIRE(!e.diagnostics().empty());
      const auto& d = e.diagnostics()[0];
      CHECK(d.file == "plan.csv");
      CHECK(d.pointer == "/rows/3/owner");
      CHECK(d.line == 3);
      CHECK(d.column == 9);
    }
  }
  SECTION("an unknown status names the accepted words") {
    try {
      (void)trygg::import_action_plan(text, "org.json", {sheet_row(5, p.measure, "p-3", "finished")}, "plan.csv",
                                      fixtures::framework(), today);
      FAIL("imported");
    } catch (const trygg::LoadError& e) {
      const auto& d = e.diagnostics().at(0);
      CHECK(d.pointer == "/rows/5/status");
      CHECK(d.expected.find("\"pågår\"") != std::string::npos);
      CHECK(d.expected.find("\"verified\"") != std::string::npos);
      CHECK(d.expected.find("\"ferdig\"") != std::string::npos);
    }
  }
  SECTION("an absent plan stays absent when nothing is filled in") {
    p.doc.erase("action_plan");
    const auto out = ordered_json::parse(trygg::import_action_plan(
        p.doc.dump(), "org.json", {sheet_row(2, p.measure, "", "")}, "plan.csv", fixtures::framework(), today));
    CHECK_FALSE(out.contains("action_plan"));
  }
}

TEST_CASE("the plan sheet as CSV: commas or semicolons, BOM, quoted line breaks", "[plan][import]") {
  const std::string header = "#,Measure id,Measure,Proposal,Severity,Due,Rules,Fingerprints,Owner,Status,Comment\n";
  SECTION("comma") {
    const auto rows = trygg::read_plan_sheet_csv(
        header + "1,ORG-03,Routine,\"Write it, \"\"now\"\"\",high,2027-01-31,\"a\nb\",0123456789abcdef,p-1,done,ok\n\n",
        "plan.csv");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].row == 2);
    CHECK(rows[0].measure == "ORG-03");
    CHECK(rows[0].owner == "p-1");
    CHECK(rows[0].status == "done");
    CHECK(rows[0].comment == "ok");
  }
  SECTION("semicolon with a byte-order mark and CRLF") {
    std::string h = header;
    std::replace(h.begin(), h.end(), ',', ';');
    const auto rows = trygg::read_plan_sheet_csv(
        "\xEF\xBB\xBF" + h + "1;ORG-03;R;P;hög;2027-01-31;a;;p-1;pågår;\r\n2;LEAD-01;L;P;låg;;;;;;\r\n", "plan.csv");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].status == "pågår");
    CHECK(rows[1].row == 3);
    CHECK(rows[1].measure == "LEAD-01");
  }
  SECTION("not a plan sheet") {
    CHECK_THROWS_AS(trygg::read_plan_sheet_csv("a,b\n1,2\n", "plan.csv"), trygg::LoadError);
    CHECK_THROWS_AS(trygg::read_plan_sheet_csv("", "plan.csv"), trygg::LoadError);
    CHECK_THROWS_AS(trygg::read_plan_sheet_csv(header + "1,\"open", "plan.csv"), trygg::LoadError);
  }
}
