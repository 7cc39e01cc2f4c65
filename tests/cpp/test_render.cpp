// SPDX-License-Identifier: MIT
// Renderers: terminal text in 80 columns, colour only on request, Markdown with the seed 004
// table, versioned JSON, CSV.
#include <sstream>

#include "catch.hpp"
#include "fixtures.hpp"

namespace {
trygg::Report example_report() {
  const auto& fw = fixtures::framework();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  return trygg::audit(trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw), fw, o);
}
std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line)
    n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}
}  // namespace

TEST_CASE("text fits in 80 columns and has colour only when asked", "[render]") {
  const auto report = example_report();
  for (auto lang : trygg::all_languages) {
    const auto text = trygg::render_text(report, {lang, false, 80});
    CHECK(text.find('\033') == std::string::npos);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      INFO(line);
      CHECK(columns(line) <= 80);
    }
  }
  CHECK(trygg::render_text(report, {trygg::Language::en, true, 80}).find("\033[") != std::string::npos);
}

TEST_CASE("Markdown fills in the seed 004 form", "[render]") {
  const auto report = example_report();
  const auto sv = trygg::render_markdown(report, trygg::Language::sv);
  CHECK(sv.find("| Område | Finns idag | Åtgärdsförslag |") != std::string::npos);
  for (const auto& a : fixtures::framework().areas())
    CHECK(sv.find("| **" + a.title.sv + "**") != std::string::npos);
  const auto nb = trygg::render_markdown(report, trygg::Language::nb);
  CHECK(nb.find("| Område | Finnes i dag | Forslag til tiltak |") != std::string::npos);
}

TEST_CASE("JSON carries its format, message ids and arguments", "[render]") {
  const auto j = trygg::render_json(example_report(), trygg::Language::en);
  CHECK(j["format"] == "trygg.report/2");
  REQUIRE_FALSE(j["findings"].empty());
  // Format 2: a finding refers to its result, and a result to its rule's shared facts.
  const auto& f = j["findings"][0];
  CHECK(f.size() == 3);
  CHECK(f["fingerprint"].get<std::string>().size() == 16);
  CHECK(f["due"].get<std::string>().size() == 10);
  const auto& x = j["results"].at(f["result"].get<std::size_t>());
  for (const char* key : {"rule", "subject", "status", "message", "expected", "found", "evidence"})
    CHECK(x.contains(key));
  CHECK(x["status"] != "pass");
  CHECK(x["message"].contains("id"));
  CHECK(x["message"].contains("args"));
  const auto& rule = j["rules"].at(x["rule"].get<std::string>());
  for (const char* key : {"measure", "area", "check", "severity", "obligation", "citations"})
    CHECK(rule.contains(key));
  CHECK(j["area_scores"].size() == 7);
}

TEST_CASE("CSV has one row per finding", "[render]") {
  const auto report = example_report();
  const auto csv = trygg::render_csv(report, trygg::Language::en);
  std::size_t rows = 0;
  for (std::size_t p = csv.find("\r\n"); p != std::string::npos; p = csv.find("\r\n", p + 2))
    ++rows;
  CHECK(rows == report.findings.size() + 1);
}

TEST_CASE("findings that only follow from a missing measure are folded for readers", "[render]") {
  const auto& fw = fixtures::framework();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  o.language = trygg::Language::en;
  o.packs = {"base"};  // the legal packs add rules to ORG-03; keep to the framework's own
  const auto report = trygg::audit(fixtures::load(fixtures::small_org()), fw, o);  // nothing implemented
  const auto text = trygg::render_text(report, {trygg::Language::en, false, 400});
  CHECK(text.find("ORG-03/present") != std::string::npos);
  CHECK(text.find("    [medium, fail] ORG-03/owner") == std::string::npos);
  CHECK(text.find("9 further rules of this measure fail because nothing implements it: ORG-03/cadence, "
                  "ORG-03/communicated, ORG-03/coverage, ORG-03/effect, ORG-03/elements, ORG-03/impartiality, "
                  "ORG-03/owner, ORG-03/participation, ORG-03/written") != std::string::npos);
  // Machine formats keep every finding.
  const auto j = trygg::render_json(report, trygg::Language::en);
  std::size_t org03 = 0;
  for (const auto& f : j["findings"])
    org03 += j["rules"][j["results"][f["result"].get<std::size_t>()]["rule"].get<std::string>()]["measure"] == "ORG-03"
                 ? 1
                 : 0;
  CHECK(org03 == 10);
}
