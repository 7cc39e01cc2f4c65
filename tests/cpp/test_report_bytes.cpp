// SPDX-License-Identifier: MIT
// A report as bytes (include/trygg/report_bytes.hpp): read back it renders exactly as before;
// bytes from another framework or damaged bytes are refused, never misread.
#include <algorithm>

#include "catch.hpp"

#include "trygg/trygg.hpp"

namespace {
trygg::Report kommun_report(const trygg::Framework& fw) {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  return trygg::audit(trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw), fw, o);
}
}  // namespace

TEST_CASE("a report read back from its bytes renders as the original", "[report_bytes]") {
  const auto fw = trygg::Framework::builtin();
  const auto report = kommun_report(fw);
  const auto back = trygg::report_from_bytes(trygg::report_to_bytes(report), fw);
  for (auto lang : {trygg::Language::sv, trygg::Language::nb, trygg::Language::en}) {
    CHECK(trygg::render_json_text(back, lang, 2) == trygg::render_json_text(report, lang, 2));
    CHECK(trygg::render_text(back, {lang}) == trygg::render_text(report, {lang}));
  }
  CHECK(back.sector == report.sector);
  CHECK(back.headcount == report.headcount);
  CHECK(trygg::report_to_bytes(back) == trygg::report_to_bytes(report));
}

TEST_CASE("report bytes are refused with another framework", "[report_bytes]") {
  const auto fw = trygg::Framework::builtin();
  const auto bytes = trygg::report_to_bytes(kommun_report(fw));
  CHECK_THROWS_AS(trygg::report_from_bytes(bytes, trygg::Framework::builtin({"base"})), trygg::UsageError);
  CHECK(trygg::framework_digest(fw) == trygg::framework_digest(trygg::Framework::builtin()));
  CHECK(trygg::framework_digest(fw) != trygg::framework_digest(trygg::Framework::builtin({"base"})));
}

TEST_CASE("damaged report bytes are refused at every length", "[report_bytes]") {
  const auto fw = trygg::Framework::builtin();
  const auto bytes = trygg::report_to_bytes(kommun_report(fw));
  const std::size_t step = std::max<std::size_t>(1, bytes.size() / 2000);
  for (std::size_t cut = 0; cut < bytes.size(); cut += step)
    CHECK_THROWS_AS(trygg::report_from_bytes(std::string_view(bytes).substr(0, cut), fw), trygg::UsageError);
  CHECK_THROWS_AS(trygg::report_from_bytes(bytes + "x", fw), trygg::UsageError);
  CHECK_THROWS_AS(trygg::report_from_bytes("not a report", fw), trygg::UsageError);
}

TEST_CASE("size bands change where the rules' thresholds do", "[size_band]") {
  using trygg::SizeBand;
  CHECK(trygg::size_band(std::nullopt) == SizeBand::unknown);
  CHECK(trygg::size_band(0) == SizeBand::micro);
  CHECK(trygg::size_band(9) == SizeBand::micro);
  CHECK(trygg::size_band(10) == SizeBand::small);
  CHECK(trygg::size_band(24) == SizeBand::small);
  CHECK(trygg::size_band(25) == SizeBand::lower_medium);
  CHECK(trygg::size_band(49) == SizeBand::lower_medium);
  CHECK(trygg::size_band(50) == SizeBand::medium);
  CHECK(trygg::size_band(249) == SizeBand::medium);
  CHECK(trygg::size_band(250) == SizeBand::large);
  CHECK(trygg::to_string(SizeBand::lower_medium) == "25-49");
  CHECK(trygg::to_string(SizeBand::unknown) == "unknown");
}
