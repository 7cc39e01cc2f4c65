// SPDX-License-Identifier: MIT
// The trend over reports (history.hpp, trend(); render_trend.hpp): date order, one
// organisation, one report per date, and the formats written from it.
#include <nlohmann/json.hpp>

#include "catch.hpp"
#include "fixtures.hpp"
#include "trygg/render_trend.hpp"
#include "trygg/trygg.hpp"

namespace {
trygg::Snapshot snapshot_of(const nlohmann::json& doc, const char* as_of) {
  return trygg::Snapshot::of(fixtures::run(doc, as_of));
}
}  // namespace

TEST_CASE("a trend is in date order whatever order the reports come in", "[trend]") {
  const auto doc = fixtures::small_org();
  std::vector<trygg::Snapshot> s{snapshot_of(doc, "2026-11-22"), snapshot_of(doc, "2024-11-22"),
                                 snapshot_of(doc, "2025-11-22")};
  const auto t = trygg::trend(s);
  REQUIRE(t.points.size() == 3);
  CHECK(t.points[0].as_of.to_string() == "2024-11-22");
  CHECK(t.points[1].as_of.to_string() == "2025-11-22");
  CHECK(t.points[2].as_of.to_string() == "2026-11-22");
  CHECK(t.organisation_id == "org-test");

  const auto js = nlohmann::json::parse(trygg::render_trend_json(t));
  CHECK(js["format"] == "trygg.trend/1");
  REQUIRE(js["points"].size() == 3);
  CHECK(js["points"][0]["as_of"] == "2024-11-22");
  CHECK(js["points"][0]["area_scores"].size() == t.points[0].area_scores.size());
  CHECK(js["points"][0]["plan_progress"].is_null());

  const std::string csv = trygg::render_trend_csv(t);
  CHECK(csv.rfind("as_of,kind,id,value\n", 0) == 0);
  CHECK(csv.find("2024-11-22,legal_findings,,") != std::string::npos);
  CHECK(csv.find("2026-11-22,area,") != std::string::npos);
  CHECK(csv.find("plan_done") == std::string::npos);  // no plan section: no plan rows

  const trygg::TrendOptions o{trygg::Language::en, &fixtures::framework()};
  const std::string html = trygg::render_trend_html(t, o);
  std::size_t polylines = 0;
  for (auto at = html.find("<polyline"); at != std::string::npos; at = html.find("<polyline", at + 1))
    ++polylines;
  CHECK(polylines == t.points[0].area_scores.size());
  CHECK(trygg::render_trend_text(t, o).find("2025-11-22") != std::string::npos);
  CHECK(trygg::render_trend_markdown(t, o).find("| 2024-11-22 |") != std::string::npos);
}

TEST_CASE("a trend refuses reports of two organisations and two reports on one date", "[trend]") {
  auto doc = fixtures::small_org();
  auto other = doc;
  other["id"] = "org-other";
  CHECK_THROWS_AS(trygg::trend({snapshot_of(doc, "2025-11-22"), snapshot_of(other, "2026-11-22")}), trygg::UsageError);
  CHECK_THROWS_AS(trygg::trend({snapshot_of(doc, "2025-11-22"), snapshot_of(doc, "2025-11-22")}), trygg::UsageError);
  CHECK_THROWS_AS(trygg::trend({}), trygg::UsageError);
}

TEST_CASE("a trend's plan rows follow plan_progress", "[trend]") {
  auto doc = fixtures::small_org();
  doc["action_plan"] = {
      {{"id", "ap-1"}, {"measure", "ORG-03"}, {"owner", "p-3"}, {"due", "2026-06-01"}, {"done", "2026-05-01"}}};
  const auto t = trygg::trend({snapshot_of(doc, "2026-04-01"), snapshot_of(doc, "2026-06-01")});
  const std::string csv = trygg::render_trend_csv(t);
  CHECK(csv.find("2026-04-01,plan_done,,0\n2026-04-01,plan_items,,1\n") != std::string::npos);
  CHECK(csv.find("2026-06-01,plan_done,,1\n") != std::string::npos);
  // The same figures read back from JSON reports.
  const auto r = fixtures::run(doc, "2026-06-01");
  const auto back = trygg::Snapshot::parse(trygg::render_json_text(r, trygg::Language::en, 2), "r.json");
  CHECK(back.plan.reported);
  CHECK(back.plan.done == 1);
  CHECK(back.plan.items == 1);
}
