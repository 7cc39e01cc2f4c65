// SPDX-License-Identifier: MIT
#include "catch.hpp"
#include "trygg/date.hpp"

using trygg::Date;
using trygg::Duration;

TEST_CASE("dates parse only when they exist in the calendar", "[date]") {
  CHECK(Date::parse("2026-02-28"));
  CHECK(Date::parse("2024-02-29"));  // leap year
  CHECK_FALSE(Date::parse("2026-02-29"));
  CHECK_FALSE(Date::parse("2026-02-30"));
  CHECK_FALSE(Date::parse("2026-13-01"));
  CHECK_FALSE(Date::parse("2026-00-10"));
  CHECK_FALSE(Date::parse("2026-1-01"));
  CHECK_FALSE(Date::parse("2026-01-01T00:00"));
  CHECK_FALSE(Date::parse(""));
  CHECK(Date::parse("2026-11-22")->to_string() == "2026-11-22");
}

TEST_CASE("durations follow ISO 8601 date designators in order", "[date]") {
  CHECK(Duration::parse("P1Y") == Duration{1, 0, 0});
  CHECK(Duration::parse("P6M") == Duration{0, 6, 0});
  CHECK(Duration::parse("P2W") == Duration{0, 0, 14});
  CHECK(Duration::parse("P1Y2M3D") == Duration{1, 2, 3});
  CHECK_FALSE(Duration::parse("P"));
  CHECK_FALSE(Duration::parse("1Y"));
  CHECK_FALSE(Duration::parse("P1D2M"));  // wrong order
  CHECK_FALSE(Duration::parse("P1Y1Y"));
  CHECK_FALSE(Duration::parse("PT1H"));  // no time part
  CHECK_FALSE(Duration::parse("P-1Y"));
  CHECK(Duration::parse("P1Y6M")->to_string() == "P1Y6M");
}

TEST_CASE("adding months clamps to the end of the month", "[date]") {
  CHECK((*Date::parse("2025-01-31") + Duration{0, 1, 0}).to_string() == "2025-02-28");
  CHECK((*Date::parse("2024-02-29") + Duration{1, 0, 0}).to_string() == "2025-02-28");
  CHECK((*Date::parse("2026-11-22") + Duration{0, 0, 10}).to_string() == "2026-12-02");
  CHECK((*Date::parse("2026-03-31") - Duration{0, 1, 0}).to_string() == "2026-02-28");
  CHECK(trygg::days_between(*Date::parse("2026-01-01"), *Date::parse("2026-01-08")) == 7);
}
