// SPDX-License-Identifier: MIT
// The reader view (src/reader_view.hpp): one entry per measure, law first, unit findings of a
// rule together, absent measures folded, citations in human form.
#include <algorithm>
#include <set>

#include "catch.hpp"
#include "fixtures.hpp"
#include "reader_view.hpp"
#include "render_common.hpp"

namespace {

using trygg::detail::ReaderPart;

trygg::Report kommun(const char* as_of = "2026-03-01") {
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse(as_of);
  o.language = trygg::Language::sv;
  const auto org = trygg::Organisation::load(std::string(TRYGG_SOURCE_DIR) + "/examples/organisations/kommun.json",
                                             fixtures::framework());
  return trygg::audit(org, fixtures::framework(), o);
}

}  // namespace

TEST_CASE("reader view: every finding is in exactly one entry, and each measure has one entry") {
  for (const auto* as_of : {"2026-03-01", "2025-06-30"}) {
    const auto report = kommun(as_of);
    const auto view = trygg::detail::reader_view(report);
    std::multiset<std::uint32_t> seen;
    std::set<std::uint32_t> measures;
    for (const auto& e : view.entries) {
      CHECK(measures.insert(e.measure).second);
      std::size_t n = 0;
      for (const auto& q : e.rules) {
        CHECK(!q.findings.empty());
        for (auto fi : q.findings) {
          seen.insert(fi);
          const auto& x = report.results[report.findings[fi].result];
          CHECK(x.rule == q.rule);
          CHECK(report.framework.rule_measure(x.rule) == e.measure);
          CHECK((x.subject.kind == trygg::Subject::Kind::unit) == q.units);
        }
        n += q.findings.size();
      }
      CHECK(n == e.findings);
    }
    REQUIRE(seen.size() == report.findings.size());
    for (std::uint32_t i = 0; i < report.findings.size(); ++i)
      CHECK(seen.count(i) == 1);
  }
}

TEST_CASE("reader view: legal entries come first, then good practice, by severity within a part") {
  const auto report = kommun();
  const auto view = trygg::detail::reader_view(report);
  REQUIRE(view.legal_entries > 0);
  REQUIRE(view.legal_entries < view.entries.size());
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const auto& e = view.entries[i];
    const bool has_legal = std::any_of(e.rules.begin(), e.rules.end(), [&](const auto& q) { return q.legal(report); });
    CHECK(has_legal == (i < view.legal_entries));
    CHECK((e.part == ReaderPart::legal) == has_legal);
    if (i > 0 && view.entries[i - 1].part == e.part) CHECK(view.entries[i - 1].severity >= e.severity);
  }
}

TEST_CASE("reader view: legal only keeps the legal rules and the cause of an absent measure") {
  const auto report = kommun();
  const auto all = trygg::detail::reader_view(report);
  const auto legal = trygg::detail::reader_view(report, {true});
  CHECK(legal.entries.size() == all.legal_entries);
  CHECK(legal.left_out_entries == all.entries.size() - all.legal_entries);
  for (const auto& e : legal.entries) {
    CHECK(e.part == ReaderPart::legal);
    for (const auto& q : e.rules)
      if (!q.legal(report)) {
        CHECK(e.absent);
        CHECK(report.framework.rules()[q.rule].check == "present");
      }
  }
}

TEST_CASE("reader view: an absent measure folds its other rules, and a unit rule is one line") {
  // Nothing implements any measure: every "present" rule fails.
  const auto report = fixtures::run(fixtures::small_org());
  const auto view = trygg::detail::reader_view(report);
  bool some_folded = false, some_units = false;
  for (const auto& e : view.entries) {
    if (!e.absent) continue;
    REQUIRE(!e.rules.empty());
    CHECK(report.framework.rules()[e.rules.front().rule].check == "present");
    for (const auto& q : e.rules) {
      CHECK(q.folded == (report.framework.rules()[q.rule].check != "present"));
      some_folded = some_folded || q.folded;
    }
    if (!trygg::render_detail::folded_rules_line(report, e, trygg::Language::en).empty()) some_folded = true;
  }
  CHECK(some_folded);
  for (const auto& e : view.entries)
    for (const auto& q : e.rules)
      if (q.units && q.findings.size() > 1) {
        some_units = true;
        const auto line = trygg::render_detail::units_line(report, q, trygg::Language::en, 2);
        CHECK(line.rfind(std::to_string(q.findings.size()) + " units: ", 0) == 0);
        if (q.findings.size() > 2)
          CHECK(line.find(" and " + std::to_string(q.findings.size() - 2) + " more") != std::string::npos);
      }
  CHECK(some_units);
}

TEST_CASE("reader view: citations are in force, each once, in short human form") {
  const auto report = kommun();
  const auto view = trygg::detail::reader_view(report);
  bool some_act = false;
  for (const auto& e : view.entries) {
    for (std::size_t i = 0; i < e.citations.size(); ++i)
      for (std::size_t j = i + 1; j < e.citations.size(); ++j)
        CHECK(!(e.citations[i].source == e.citations[j].source && e.citations[i].locator == e.citations[j].locator));
    const auto text = trygg::render_detail::entry_citations(report, e, trygg::Language::sv);
    // Acts are named as a reader says them, not by their register key.
    CHECK(text.find("SFS 2008:567 diskrimineringslagen") == std::string::npos);
    if (text.find("diskrimineringslagen 3 kap.") != std::string::npos) some_act = true;
    // A measure from the framework's form is cited by the measure; others by their own sources.
    const auto& m = report.framework.measures()[e.measure];
    const bool from_form =
        std::any_of(m.sources.begin(), m.sources.end(), [](const auto& c) { return c.source == "seed-004"; });
    if (e.part == ReaderPart::good_practice && from_form) CHECK(text.find("ramverket " + m.id) != std::string::npos);
    if (e.part == ReaderPart::good_practice) CHECK(!text.empty());
  }
  CHECK(some_act);
}

TEST_CASE("citation labels: a known act, the framework, an unknown source") {
  const auto report = kommun();
  const std::uint32_t m = 0;
  const auto& mid = report.framework.measures()[m].id;
  using trygg::Citation;
  CHECK(trygg::detail::citation_label(report, Citation{"SFS 1977:1160 arbetsmiljölagen", "6 kap. 8 §"}, m,
                                      trygg::Language::sv) == "arbetsmiljölagen 6 kap. 8 §");
  CHECK(trygg::detail::citation_label(report, Citation{"SFS 1977:1160 arbetsmiljölagen", "6 kap. 8 §"}, m,
                                      trygg::Language::en) == "Work Environment Act (SE) 6 kap. 8 §");
  CHECK(trygg::detail::citation_label(report, Citation{"seed-004", "Organisation"}, m, trygg::Language::nb) ==
        "rammeverket " + mid);
  CHECK(trygg::detail::citation_label(report, Citation{"Some guidance", "p. 3"}, m, trygg::Language::en) ==
        "Some guidance p. 3");
}
