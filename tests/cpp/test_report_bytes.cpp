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

TEST_CASE("a report's waivers survive its bytes", "[report_bytes][waivers]") {
  const auto fw = trygg::Framework::builtin();
  const auto org = trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw);
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  const auto plain = trygg::audit(org, fw, o);
  REQUIRE(plain.findings.size() >= 2);
  trygg::Waiver applied;
  applied.fingerprint = plain.findings[0].fingerprint;
  applied.reason = "Under way";
  applied.decided_by = "board";
  applied.decided = *trygg::Date::parse("2026-10-01");
  applied.expires = trygg::Date::parse("2026-12-31");
  applied.file = "w.json";
  applied.pointer = "/waivers/0";
  trygg::Waiver expired = applied;
  expired.fingerprint = plain.findings[1].fingerprint;
  expired.expires = trygg::Date::parse("2026-10-31");
  expired.pointer = "/waivers/1";
  trygg::Waiver typo = applied;
  typo.fingerprint.reset();
  typo.rule = plain.rule(plain.result(plain.findings[1])).id + "x";
  typo.subject = "organisation";
  typo.expires.reset();
  o.waivers = {applied, expired, typo};
  const auto report = trygg::audit(org, fw, o);
  REQUIRE(report.waivers.size() == 3);
  const auto back = trygg::report_from_bytes(trygg::report_to_bytes(report), fw);
  REQUIRE(back.waivers.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto &a = report.waivers[i], &b = back.waivers[i];
    CHECK(a.waiver.fingerprint == b.waiver.fingerprint);
    CHECK(a.waiver.rule == b.waiver.rule);
    CHECK(a.waiver.subject == b.waiver.subject);
    CHECK(a.waiver.reason == b.waiver.reason);
    CHECK(a.waiver.decided_by == b.waiver.decided_by);
    CHECK(a.waiver.decided == b.waiver.decided);
    CHECK(a.waiver.expires == b.waiver.expires);
    CHECK(a.waiver.file == b.waiver.file);
    CHECK(a.waiver.pointer == b.waiver.pointer);
    CHECK(a.state == b.state);
    CHECK(a.until == b.until);
    CHECK(a.capped == b.capped);
    CHECK(a.legal == b.legal);
    CHECK(a.results == b.results);
    CHECK(a.did_you_mean == b.did_you_mean);
  }
  for (std::size_t i = 0; i < report.findings.size(); ++i)
    CHECK(back.findings[i].waiver == report.findings[i].waiver);
  CHECK(back.findings[0].waiver == 0);
  CHECK(back.summary.waived == 1);
  CHECK(trygg::render_json_text(back, trygg::Language::sv, 2) ==
        trygg::render_json_text(report, trygg::Language::sv, 2));
  CHECK(trygg::report_to_bytes(back) == trygg::report_to_bytes(report));
}
