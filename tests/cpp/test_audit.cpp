// SPDX-License-Identifier: MIT
// The audit as a whole: applicability, findings, fingerprints, maturity, the action plan,
// language defaults and determinism.
#include <algorithm>
#include <set>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;
using fixtures::result;
using fixtures::run;
using trygg::Status;

namespace {
json mature_org() {
  json doc = fixtures::small_org();
  doc["routines"] = json::parse(R"([{
    "id": "r-1", "measures": ["ORG-03"], "written": true, "owner": "p-3", "adopted": "2024-01-10",
    "last_reviewed": "2026-02-01", "participation": ["employees", "safety-representatives"],
    "elements": ["who-to-turn-to", "alternative-recipient", "employer-actions", "investigator",
                 "reprisal-protection", "support", "timeframes"],
    "communicated": {"date": "2026-02-10", "channels": ["intranet", "workplace-meeting"],
                     "audiences": ["all-staff"]},
    "effect_followed_up": {"date": "2026-09-01", "method": "survey", "outcome": "effective"}}])");
  doc["people"][2]["roles"].push_back("investigator");  // HR, outside the line of management
  return doc;
}
}  // namespace

TEST_CASE("every rule gets a result, and findings are exactly the results that are not a pass", "[audit]") {
  const auto report = run(fixtures::small_org());
  std::set<std::string> rules_with_org_result;
  for (const auto& x : fixtures::views(report))
    if (x.subject.kind == trygg::Subject::Kind::organisation) rules_with_org_result.insert(x.rule);
  // Every rule but the preview ones, which run only when asked for.
  const auto& rules = fixtures::framework().rules();
  const auto stable = std::count_if(rules.begin(), rules.end(), [](const trygg::Rule& r) { return !r.preview; });
  CHECK(rules_with_org_result.size() == static_cast<std::size_t>(stable));
  CHECK(stable < static_cast<std::ptrdiff_t>(rules.size()));
  std::size_t not_pass = 0;
  for (const auto& x : fixtures::views(report))
    if (x.status == Status::fail || x.status == Status::partial || x.status == Status::not_assessed) ++not_pass;
  CHECK(report.findings.size() == not_pass);
  CHECK(report.summary.total() == report.results.size());
}

TEST_CASE("rules that do not apply say why", "[audit]") {
  const auto& r = result(run(fixtures::small_org()), "ORG-06/present");  // home working only
  CHECK(r.status == Status::not_applicable);
  CHECK(r.message.id == "applies.flags");
  json doc = fixtures::small_org();
  doc["flags"] = {"home-working"};
  CHECK(result(run(doc), "ORG-06/present").status == Status::fail);
}

TEST_CASE("maturity levels 0 to 4", "[audit]") {
  auto level = [](const json& doc) {
    for (const auto& s : run(doc).measure_scores)
      if (s.measure == "ORG-03") return s.maturity;
    return -1;
  };
  CHECK(level(fixtures::small_org()) == 0);
  json doc = mature_org();
  CHECK(level(doc) == 4);
  doc["routines"][0].erase("effect_followed_up");
  CHECK(level(doc) == 3);
  doc["routines"][0]["units"] = {"u-a"};
  CHECK(level(doc) == 2);
  doc["routines"][0].erase("owner");
  CHECK(level(doc) == 1);
}

TEST_CASE("a fully met measure has no findings", "[audit]") {
  const auto report = run(mature_org());
  for (const auto& f : report.findings)
    CHECK(report.view(f).measure != "ORG-03");
}

TEST_CASE("fingerprints are stable and distinct", "[audit]") {
  const auto a = run(fixtures::small_org());
  const auto b = run(fixtures::small_org());
  REQUIRE(a.findings.size() == b.findings.size());
  std::set<std::uint64_t> seen;
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    CHECK(a.findings[i].fingerprint == b.findings[i].fingerprint);
    CHECK(trygg::fingerprint_text(a.findings[i].fingerprint).size() == 16);
    seen.insert(a.findings[i].fingerprint);
  }
  CHECK(seen.size() == a.findings.size());
  // Independent of the date: the same gap keeps its fingerprint next year.
  const auto c = run(fixtures::small_org(), "2027-06-01");
  CHECK(c.findings.front().fingerprint == a.findings.front().fingerprint);
}

TEST_CASE("the action plan respects dependencies, then severity", "[audit]") {
  const auto report = run(fixtures::small_org());
  const auto& fw = fixtures::framework();
  std::map<std::string, std::size_t> pos;
  for (std::size_t i = 0; i < report.action_plan.size(); ++i)
    pos[report.action_plan[i].measure] = i;
  for (const auto& e : report.action_plan)
    for (const auto& d : fw.find_measure(e.measure)->depends_on)
      if (pos.count(d)) {
        CHECK(pos[d] < pos[e.measure]);
        CHECK(report.action_plan[pos[d]].due <= e.due);
      }
  // Severity first among measures with nothing pending: the first entry is high.
  REQUIRE_FALSE(report.action_plan.empty());
  CHECK(report.action_plan.front().severity == trygg::Severity::high);
  // Due dates follow severity: high three months, medium six.
  CHECK(report.action_plan.front().due.to_string() == "2027-02-22");
}

TEST_CASE("the report language follows the country", "[audit]") {
  json doc = fixtures::small_org();
  auto lang = [&](const json& d) { return trygg::audit(fixtures::load(d), fixtures::framework()).language; };
  CHECK(lang(doc) == trygg::Language::sv);
  doc["country"] = "NO";
  CHECK(lang(doc) == trygg::Language::nb);
  doc["country"] = "DK";
  CHECK(lang(doc) == trygg::Language::en);
  doc["language"] = "sv";
  CHECK(lang(doc) == trygg::Language::sv);
}

TEST_CASE("unknown packs are refused", "[audit]") {
  trygg::AuditOptions o;
  o.packs = {"xx"};
  CHECK_THROWS_AS(trygg::audit(fixtures::load(fixtures::small_org()), fixtures::framework(), o), trygg::UsageError);
}

TEST_CASE("fail-on counts", "[audit]") {
  const auto report = run(fixtures::small_org());
  CHECK(report.count_at_or_above(trygg::Severity::info) == report.findings.size());
  CHECK(report.count_at_or_above(trygg::Severity::critical) == 0);
  CHECK(report.count_at_or_above(trygg::Severity::high) > 0);
  CHECK(report.count_at_or_above(trygg::Severity::high) < report.findings.size());
}

TEST_CASE("the same input gives a byte-identical report", "[audit][determinism]") {
  const auto path = TRYGG_SOURCE_DIR "/examples/organisations/kommun.json";
  const auto& fw = fixtures::framework();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  const auto one =
      trygg::render_json(trygg::audit(trygg::Organisation::load(path, fw), fw, o), trygg::Language::sv).dump(2);
  const auto two =
      trygg::render_json(trygg::audit(trygg::Organisation::load(path, fw), fw, o), trygg::Language::sv).dump(2);
  CHECK(one == two);
  CHECK(one.size() > 10000);
}
