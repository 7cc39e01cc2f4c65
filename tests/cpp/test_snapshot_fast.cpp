// SPDX-License-Identifier: MIT
// The two Snapshot readers (src/snapshot_read.hpp): the On-Demand one that `diff` uses for
// well-formed reports gives the same Snapshot as the DOM one, in any key order, and gives
// up (so that the DOM reader's diagnostics are the ones shown) on whatever it does not
// recognise.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "catch.hpp"

#include "json_document.hpp"
#include "snapshot_read.hpp"
#include "trygg/trygg.hpp"

namespace {
using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

json kommun() {
  std::ifstream in(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json");
  return json::parse(in);
}

trygg::Report audit(const json& org, const char* as_of, std::vector<trygg::Waiver> waivers = {}) {
  const auto& fw = trygg::Framework::builtin();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse(as_of);
  o.language = trygg::Language::en;
  o.waivers = std::move(waivers);
  return trygg::audit(trygg::Organisation::parse(org.dump(), fw), fw, o);
}

/// Year 2 of kommun without one routine, two findings waived, compared with year 1: a report
/// with first_seen, waiver indices and a comparison member.
std::string compared_report() {
  const json full = kommun();
  json cut = full;
  auto& routines = cut["routines"];
  routines.erase(routines.begin());
  const auto year1 = audit(full, "2025-11-22");
  const auto plain = audit(cut, "2026-11-22");
  std::vector<trygg::Waiver> waivers;
  for (std::size_t i = 0; i < 2 && i < plain.findings.size(); ++i) {
    trygg::Waiver w;
    w.fingerprint = plain.findings[i].fingerprint;
    w.reason = i == 0 ? "A measure is under way" : "Accepted \"for now\" \\ see the minutes";
    w.decided_by = "role-hr-director";
    w.decided = *trygg::Date::parse("2026-10-01");
    w.expires = trygg::Date::parse("2027-01-31");
    waivers.push_back(w);
  }
  auto year2 = audit(cut, "2026-11-22", waivers);
  trygg::compare_with_baseline(year2,
                               trygg::Snapshot::parse(trygg::render_json_text(year1, trygg::Language::en), "y1.json"));
  return trygg::render_json_text(year2, trygg::Language::en);
}

void same(const trygg::Snapshot& a, const trygg::Snapshot& b) {
  CHECK(a.file == b.file);
  CHECK(a.format == b.format);
  CHECK(a.organisation_id == b.organisation_id);
  CHECK(a.organisation_name == b.organisation_name);
  CHECK(a.as_of == b.as_of);
  CHECK(a.area_scores == b.area_scores);
  CHECK(a.measure_scores == b.measure_scores);
  CHECK(a.legal_findings == b.legal_findings);
  CHECK(a.plan.reported == b.plan.reported);
  CHECK(a.plan.items == b.plan.items);
  CHECK(a.plan.done == b.plan.done);
  CHECK(a.plan.verified == b.plan.verified);
  CHECK(a.plan.overdue == b.plan.overdue);
  REQUIRE(a.findings.size() == b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    const auto &x = a.findings[i], &y = b.findings[i];
    INFO("finding " << i);
    CHECK(x.fingerprint == y.fingerprint);
    CHECK(x.rule == y.rule);
    CHECK(x.measure == y.measure);
    CHECK(x.area == y.area);
    CHECK(x.subject_id == y.subject_id);
    CHECK(x.subject_name == y.subject_name);
    CHECK(x.severity == y.severity);
    CHECK(x.obligation == y.obligation);
    CHECK(x.status == y.status);
    CHECK(x.figures == y.figures);
    CHECK(x.first_seen == y.first_seen);
    CHECK(x.waiver_reason == y.waiver_reason);
  }
}

/// The same report with every object's members in reverse order: the results and rules now
/// come before the findings.
ordered reversed(const ordered& v) {
  if (v.is_array()) {
    ordered out = ordered::array();
    for (const auto& e : v)
      out.push_back(reversed(e));
    return out;
  }
  if (!v.is_object()) return v;
  ordered out = ordered::object();
  for (auto it = v.rbegin(); it != v.rend(); ++it)
    out[it.key()] = reversed(it.value());
  return out;
}
}  // namespace

TEST_CASE("the On-Demand reader gives the DOM reader's Snapshot for a compared report with waivers", "[history]") {
  const std::string text = compared_report();
  const json j = json::parse(text);
  REQUIRE(j.contains("comparison"));
  REQUIRE(!j["waivers"].empty());
  bool waived = false, seen = false;
  for (const auto& f : j["findings"]) {
    waived |= f.contains("waiver");
    seen |= f.contains("first_seen");
  }
  REQUIRE(waived);
  REQUIRE(seen);

  const auto dom = trygg::detail::read_snapshot_dom(text, "r.json", false);
  const auto fast = trygg::detail::read_snapshot_fast(text, "r.json", false);
  REQUIRE(fast);
  same(*fast, dom);
  std::size_t reasons = 0;
  for (const auto& f : fast->findings)
    reasons += !f.waiver_reason.empty();
  CHECK(reasons == 2);  // one of them unescaped from \" and \\

  // In place, with the padding read_file leaves.
  std::string padded = text;
  padded.reserve(text.size() + trygg::detail::FastDocument::padding);
  const auto in_place = trygg::detail::read_snapshot_fast(padded, "r.json", true);
  REQUIRE(in_place);
  same(*in_place, dom);

  // Another key order: the results before the findings.
  const std::string other = reversed(ordered::parse(text)).dump(1);
  const auto fast_other = trygg::detail::read_snapshot_fast(other, "r.json", false);
  REQUIRE(fast_other);
  same(*fast_other, trygg::detail::read_snapshot_dom(other, "r.json", false));
  same(*fast_other, dom);
}

TEST_CASE("the On-Demand reader leaves to the DOM reader what it does not recognise", "[history]") {
  const std::string text = compared_report();
  const auto refused = [](const std::string& t) { return !trygg::detail::read_snapshot_fast(t, "r.json", false); };
  // The text with the first `from` after `after` replaced.
  const auto with = [&](const std::string& from, const std::string& to, const std::string& after = "") {
    std::string t = text;
    const auto at = t.find(from, t.find(after));
    REQUIRE(at != std::string::npos);
    t.replace(at, from.size(), to);
    return t;
  };
  CHECK(!refused(text));
  // A malformed value where nothing is kept: On-Demand alone would skip it.
  CHECK(refused(with("\"evidence\": [", "\"evidence\": [tru,")));
  CHECK_THROWS_AS(trygg::Snapshot::parse(with("\"evidence\": [", "\"evidence\": [tru,")), trygg::LoadError);
  CHECK(refused(with("\"evidence\": [", "\"evidence\": [01,")));
  CHECK(refused(with("\"evidence\": [", "\"evidence\": [\"\\x\",")));
  CHECK(refused(text + " {}"));
  CHECK(refused("\xEF\xBB\xBF" + text));
  CHECK(refused(with("\"format\": \"trygg.report/2\"", "\"format\": \"trygg.report/1\"", "\"findings\": [")));
  // A duplicate key: the DOM reader takes the first, this one does not guess.
  CHECK(refused(
      with("\"fingerprint\": ", "\"fingerprint\": \"0000000000000000\", \"fingerprint\": ", "\"findings\": [")));
  CHECK(refused(with("\"as_of\": ", "\"as\\u005fof\": ")));
  CHECK(refused(with("\"result\": ", "\"result\": -1, \"x\": ", "\"findings\": [")));
  CHECK(refused(with("\"result\": ", "\"result\": 99999999, \"x\": ", "\"findings\": [")));
}

TEST_CASE("a report file ending on a page boundary is loaded whole", "[history]") {
  // Snapshot::load maps the file with zero pages after it for simdjson's padding.
  std::string text = compared_report();
  text.append(4096 - text.size() % 4096, ' ');
  const auto path = std::filesystem::temp_directory_path() / "trygg-snapshot-page.json";
  std::ofstream(path, std::ios::binary) << text;
  const auto loaded = trygg::Snapshot::load(path);
  std::filesystem::remove(path);
  same(loaded, trygg::detail::read_snapshot_dom(text, path.string(), false));
}
