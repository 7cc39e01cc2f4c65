// SPDX-License-Identifier: MIT
// Compared with last time (include/trygg/history.hpp): a JSON report read back as a Snapshot,
// refused with a JSON Pointer when it is not one this version reads; a report compared with
// its baseline, and the comparison kept through JSON, bytes and a chain of reports.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "catch.hpp"

#include "trygg/trygg.hpp"

namespace {
using json = nlohmann::json;

json kommun() {
  std::ifstream in(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json");
  return json::parse(in);
}

trygg::Report audit(const json& org, const char* as_of) {
  const auto& fw = trygg::Framework::builtin();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse(as_of);
  return trygg::audit(trygg::Organisation::parse(org.dump(), fw), fw, o);
}

/// The one diagnostic a bad report gives.
trygg::Diagnostic refusal(const std::string& text) {
  try {
    (void)trygg::Snapshot::parse(text, "last.json");
  } catch (const trygg::LoadError& e) {
    REQUIRE(!e.diagnostics().empty());
    return e.diagnostics().front();
  }
  FAIL("the report was not refused");
  return {};
}

json without_routine(json org, const std::string& id) {
  auto& routines = org["routines"];
  for (auto it = routines.begin(); it != routines.end(); ++it)
    if ((*it)["id"] == id) {
      routines.erase(it);
      break;
    }
  return org;
}
}  // namespace

TEST_CASE("a report format this version does not read is refused, naming the ones it reads", "[history]") {
  json report = json::parse(trygg::render_json_text(audit(kommun(), "2026-11-22"), trygg::Language::en));
  report["format"] = "trygg.report/9";
  const auto d = refusal(report.dump());
  CHECK(d.file == "last.json");
  CHECK(d.pointer == "/format");
  CHECK(d.found == "\"trygg.report/9\"");
  CHECK(d.expected.find("trygg.report/2") != std::string::npos);
  CHECK(d.expected.find("trygg.report/1") != std::string::npos);
}

TEST_CASE("a damaged baseline is refused with the pointer of the problem", "[history]") {
  json report = json::parse(trygg::render_json_text(audit(kommun(), "2026-11-22"), trygg::Language::en));
  SECTION("a finding's result out of range") {
    report["findings"][2]["result"] = 999999;
    const auto d = refusal(report.dump());
    CHECK(d.pointer == "/findings/2/result");
  }
  SECTION("a fingerprint that is not one") {
    report["findings"][0]["fingerprint"] = "XYZ";
    CHECK(refusal(report.dump()).pointer == "/findings/0/fingerprint");
  }
  SECTION("a first_seen that is not a date") {
    report["findings"][1]["first_seen"] = "2025-02-30";
    CHECK(refusal(report.dump()).pointer == "/findings/1/first_seen");
  }
  SECTION("no as_of") {
    report.erase("as_of");
    CHECK(refusal(report.dump()).pointer == "/as_of");
  }
  SECTION("not JSON at all") {
    const auto d = refusal("{\"format\": ");
    CHECK(d.line == 1);
  }
}

TEST_CASE("a baseline of another organisation or dated after is refused", "[history]") {
  const auto report = audit(kommun(), "2026-11-22");
  json other = kommun();
  other["id"] = "annan-kommun";
  const auto foreign =
      trygg::Snapshot::parse(trygg::render_json_text(audit(other, "2025-11-22"), trygg::Language::en), "other.json");
  auto copy = report;
  CHECK_THROWS_WITH(trygg::compare_with_baseline(copy, foreign),
                    Catch::Contains("other.json") && Catch::Contains("annan-kommun"));
  const auto later =
      trygg::Snapshot::parse(trygg::render_json_text(audit(kommun(), "2027-01-10"), trygg::Language::en), "later.json");
  CHECK_THROWS_WITH(trygg::compare_with_baseline(copy, later),
                    Catch::Contains("2027-01-10") && Catch::Contains("later.json"));
  CHECK(!copy.comparison);
}

TEST_CASE("a report compared with itself is all unchanged", "[history]") {
  auto report = audit(kommun(), "2026-11-22");
  const auto self = trygg::Snapshot::parse(trygg::render_json_text(report, trygg::Language::sv), "self.json");
  CHECK(self.findings.size() == report.findings.size());
  trygg::compare_with_baseline(report, self);
  REQUIRE(report.comparison);
  const auto c = report.comparison->counts();
  CHECK(c.unchanged == report.findings.size());
  CHECK(c.added + c.changed + c.resolved == 0);
  CHECK(trygg::count_new_at_or_above(report, trygg::Severity::info) == 0);
}

TEST_CASE("a report is compared as its own snapshot and its JSON would be", "[history]") {
  // compare_with_baseline writes each finding's figures into one buffer instead of taking a
  // Snapshot of the report; the three ways must agree on every finding.
  const json full = kommun(), cut = without_routine(full, "r-krankningar");
  const auto snap1 = trygg::Snapshot::parse(trygg::render_json_text(audit(full, "2025-11-22"), trygg::Language::en));
  auto year2 = audit(cut, "2026-11-22");
  const auto of_report = trygg::compare(snap1, trygg::Snapshot::of(year2));
  const auto of_json =
      trygg::compare(snap1, trygg::Snapshot::parse(trygg::render_json_text(year2, trygg::Language::en)));
  trygg::compare_with_baseline(year2, snap1);
  const auto& direct = *year2.comparison;
  for (const auto* other : {&of_report, &of_json}) {
    REQUIRE(direct.findings.size() == other->findings.size());
    for (std::size_t i = 0; i < direct.findings.size(); ++i) {
      const auto &a = direct.findings[i], &b = other->findings[i];
      CHECK(a.change == b.change);
      CHECK(a.first_seen == b.first_seen);
      CHECK(a.before == b.before);
      CHECK(a.figures_changed == b.figures_changed);
    }
    REQUIRE(direct.resolved.size() == other->resolved.size());
    for (std::size_t i = 0; i < direct.resolved.size(); ++i)
      CHECK(direct.resolved[i].fingerprint == other->resolved[i].fingerprint);
  }
  // The case is not trivial: findings of every kind, figures among the changes.
  const auto c = direct.counts();
  CHECK(c.added > 0);
  CHECK(c.unchanged > 0);
  CHECK(c.resolved > 0);
  CHECK(std::any_of(direct.findings.begin(), direct.findings.end(),
                    [](const trygg::FindingChange& f) { return f.figures_changed; }));
}

TEST_CASE("a stored message's arguments are read without copying, and only those it has", "[history]") {
  const auto report = audit(kommun(), "2026-11-22");
  std::size_t seen = 0;
  for (const auto& r : report.results) {
    const auto m = report.message(r.found);
    REQUIRE(m.args.size() == r.found.args);
    for (std::size_t k = 0; k < m.args.size(); ++k) {
      const auto [name, value] = report.message_arg(r.found, k);
      CHECK(name == m.args[k].first);
      CHECK(value == m.args[k].second);
      ++seen;
    }
    CHECK_THROWS_AS(report.message_arg(r.found, r.found.args), std::out_of_range);
  }
  CHECK(seen > 0);
}

TEST_CASE("removing a routine gives new findings; restoring it resolves them; first seen is carried", "[history]") {
  const json full = kommun(), cut = without_routine(full, "r-krankningar");
  const auto year1 = audit(full, "2025-11-22");
  auto year2 = audit(cut, "2026-11-22");
  const auto snap1 = trygg::Snapshot::parse(trygg::render_json_text(year1, trygg::Language::en), "y1.json");
  trygg::compare_with_baseline(year2, snap1);
  const auto c2 = year2.comparison->counts();
  REQUIRE(c2.added > 0);
  for (std::size_t i = 0; i < year2.findings.size(); ++i)
    if (year2.comparison->findings[i].change == trygg::Change::added)
      CHECK(year2.comparison->findings[i].first_seen.to_string() == "2026-11-22");
    else
      CHECK(year2.comparison->findings[i].first_seen.to_string() == "2025-11-22");

  // Year 3 restores the routine: what was new in year 2 is resolved, and what stayed keeps 2025.
  const json text2 = json::parse(trygg::render_json_text(year2, trygg::Language::en));
  CHECK(text2["comparison"]["counts"]["new"] == c2.added);
  const auto snap2 = trygg::Snapshot::parse(text2.dump(), "y2.json");
  auto year3 = audit(full, "2027-11-22");
  trygg::compare_with_baseline(year3, snap2);
  // Each finding keeps the first date of the chain: year 2's first_seen, which is year 1's date
  // for what year 1 had; what is new in year 3 (another date, other due reviews) gets its date.
  std::map<std::uint64_t, std::string> seen2;
  for (const auto& f : snap2.findings) {
    REQUIRE(f.first_seen);
    seen2[f.fingerprint] = f.first_seen->to_string();
  }
  for (std::size_t i = 0; i < year3.findings.size(); ++i) {
    const auto& ch = year3.comparison->findings[i];
    const auto it = seen2.find(year3.findings[i].fingerprint);
    if (it == seen2.end()) {
      CHECK(ch.change == trygg::Change::added);
      CHECK(ch.first_seen.to_string() == "2027-11-22");
    } else {
      CHECK(ch.change != trygg::Change::added);
      CHECK(ch.first_seen.to_string() == it->second);
    }
  }
  std::set<std::uint64_t> in3;
  for (const auto& f : year3.findings)
    in3.insert(f.fingerprint);
  std::size_t resolved_new_in_2 = 0;
  for (const auto& r : year3.comparison->resolved) {
    CHECK(!in3.count(r.fingerprint));
    REQUIRE(r.first_seen);
    CHECK(r.first_seen->to_string() == seen2[r.fingerprint]);
    resolved_new_in_2 += r.first_seen->to_string() == "2026-11-22";
  }
  CHECK(resolved_new_in_2 > 0);  // restoring the routine resolves what removing it brought

  // Through the bytes a pickled report travels as.
  const auto back = trygg::report_from_bytes(trygg::report_to_bytes(year3), year3.framework);
  REQUIRE(back.comparison);
  CHECK(trygg::render_json_text(back, trygg::Language::nb) == trygg::render_json_text(year3, trygg::Language::nb));
  CHECK(trygg::render_markdown(back, trygg::Language::sv) == trygg::render_markdown(year3, trygg::Language::sv));
}

TEST_CASE("diff of two snapshots in every format", "[history]") {
  const auto year1 = audit(kommun(), "2025-11-22");
  const auto year2 = audit(without_routine(kommun(), "r-krankningar"), "2026-11-22");
  const auto a = trygg::Snapshot::parse(trygg::render_json_text(year1, trygg::Language::en), "y1.json");
  const auto b = trygg::Snapshot::parse(trygg::render_json_text(year2, trygg::Language::en), "y2.json");
  const auto c = trygg::compare(a, b);
  const json j = json::parse(trygg::render_diff(a, b, c, trygg::DiffFormat::json, trygg::Language::en));
  CHECK(j["format"] == "trygg.diff/1");
  CHECK(j["counts"]["new"] == c.counts().added);
  CHECK(j["findings"].size() == b.findings.size() + c.resolved.size());
  CHECK(trygg::count_new_at_or_above(b, c, trygg::Severity::info) > 0);
  const auto text = trygg::render_diff(a, b, c, trygg::DiffFormat::text, trygg::Language::sv);
  CHECK(text.find("Jämfört med förra gången") != std::string::npos);
  const auto md = trygg::render_diff(a, b, c, trygg::DiffFormat::markdown, trygg::Language::nb);
  CHECK(md.find("Sammenlignet med forrige gang") != std::string::npos);
}
