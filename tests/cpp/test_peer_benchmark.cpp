// SPDX-License-Identifier: MIT
// Peer benchmarks: percentiles as numpy computes them, bands at the percentile edges, the
// 5-organisation rule with complementary suppression, and figures that rest on too few.
// The reports are built by hand (only what the benchmark reads), with pseudonymous ids.
#include <algorithm>

#include "catch.hpp"
#include "fixtures.hpp"

using trygg::Band;
using trygg::Disclosure;

namespace {

/// The index of the first rule of a law pack: its findings count as legal.
std::uint32_t law_rule() {
  const auto& rules = fixtures::framework().rules();
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].obligation == trygg::Obligation::law) return static_cast<std::uint32_t>(i);
  FAIL("no law rule");
  return 0;
}

std::uint32_t practice_rule() {
  const auto& rules = fixtures::framework().rules();
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i].obligation == trygg::Obligation::good_practice) return static_cast<std::uint32_t>(i);
  FAIL("no good-practice rule");
  return 0;
}

const std::string& first_area() {
  return fixtures::framework().areas().front().id;
}

/// A report with a score for the first area, `legal` legal findings (and one good-practice
/// finding, which must not count), the given headcount and country.
trygg::Report report(const std::string& id, double score, std::optional<std::uint32_t> headcount = 100,
                     std::size_t legal = 0, const std::string& country = "SE", const std::string& sector = "") {
  trygg::Report r;
  r.framework = fixtures::framework();
  r.organisation_id = id;
  r.country = country;
  r.sector = sector;
  r.headcount = headcount;
  r.area_scores.push_back({first_area(), score, 1, 0});
  for (std::size_t i = 0; i < legal; ++i) {
    r.results.push_back(trygg::Result{law_rule(), {}, trygg::Status::fail});
    r.findings.push_back({static_cast<std::uint32_t>(r.results.size() - 1), i, {}});
  }
  r.results.push_back(trygg::Result{practice_rule(), {}, trygg::Status::fail});
  r.findings.push_back({static_cast<std::uint32_t>(r.results.size() - 1), 99, {}});
  return r;
}

std::vector<const trygg::Report*> pointers(const std::vector<trygg::Report>& reports) {
  std::vector<const trygg::Report*> p;
  for (const auto& r : reports)
    p.push_back(&r);
  return p;
}

const trygg::PeerFigure& figure(const trygg::PeerGroup& g, std::string_view measure) {
  const auto it = std::find_if(g.figures.begin(), g.figures.end(),
                               [&](const trygg::PeerFigure& f) { return f.measure == measure; });
  REQUIRE(it != g.figures.end());
  return *it;
}

}  // namespace

TEST_CASE("peer benchmark: percentiles interpolate like numpy's default", "[peer]") {
  // numpy.percentile([1, 2, 3, 4, 5, 10], [20, 50, 80]) == [2.0, 3.5, 5.0]
  std::vector<trygg::Report> rs;
  const double scores[] = {10, 3, 1, 5, 2, 4};
  for (std::size_t i = 0; i < 6; ++i)
    rs.push_back(report("org-" + std::to_string(i), scores[i] / 10.0, 100, i));
  const auto b = trygg::peer_benchmark(pointers(rs), {});
  REQUIRE(b.groups.size() == 1);
  CHECK(b.groups[0].name == "all");
  CHECK(b.groups[0].disclosure == Disclosure::published);
  const auto& area = figure(b.groups[0], first_area());
  REQUIRE(area.figures);
  CHECK(area.organisations == 6);
  CHECK(area.figures->p20 == Approx(0.2));
  CHECK(area.figures->p50 == Approx(0.35));
  CHECK(area.figures->p80 == Approx(0.5));
  // Legal findings 0..5 per 100 employees: numpy.percentile(range(6), [20, 50, 80]) == [1, 2.5, 4].
  const auto& legal = figure(b.groups[0], trygg::legal_findings_measure);
  REQUIRE(legal.figures);
  CHECK(legal.figures->p20 == Approx(1.0));
  CHECK(legal.figures->p50 == Approx(2.5));
  CHECK(legal.figures->p80 == Approx(4.0));
  // numpy.percentile([0, 1, 2, 3, 4], [20, 50, 80]) == [0.8, 2.0, 3.2]
  std::vector<trygg::Report> five;
  for (int i = 0; i < 5; ++i)
    five.push_back(report("org-" + std::to_string(i), i));
  const auto b5 = trygg::peer_benchmark(pointers(five), {});
  const auto& f5 = figure(b5.groups[0], first_area());
  REQUIRE(f5.figures);
  CHECK(f5.figures->p20 == Approx(0.8));
  CHECK(f5.figures->p50 == Approx(2.0));
  CHECK(f5.figures->p80 == Approx(3.2));
}

TEST_CASE("peer benchmark: a figure on a percentile takes the higher band", "[peer]") {
  // Scores 0..5: p20 = 1, p50 = 2.5, p80 = 4 exactly.
  std::vector<trygg::Report> rs;
  for (int i = 0; i < 6; ++i)
    rs.push_back(report("org-" + std::to_string(i), i * 0.5));
  // Scores 0, .5, 1, 1.5, 2, 2.5: p20 = .5, p50 = 1.25, p80 = 2.
  const auto b = trygg::peer_benchmark(pointers(rs), {});
  REQUIRE(b.areas.front() == first_area());
  const auto& p = *figure(b.groups[0], first_area()).figures;
  CHECK(p.p20 == Approx(0.5));
  CHECK(p.p80 == Approx(2.0));
  std::vector<Band> first;
  for (const auto& bands : b.bands)
    first.push_back(bands.front());
  CHECK(first == std::vector<Band>{Band::red, Band::yellow, Band::yellow, Band::aqua, Band::green, Band::green});
  // An area no organisation has a score for: no figure, no band.
  REQUIRE(b.areas.size() > 1);
  CHECK_FALSE(b.groups[0].figures[1].figures);
  CHECK(b.bands[0][1] == Band::none);
  CHECK(trygg::to_string(Band::aqua) == "aqua");
  CHECK(trygg::to_string(Band::none) == "none");
}

TEST_CASE("peer benchmark: fewer legal findings is the better band, a tie takes the better one", "[peer]") {
  // 0..5 legal findings in 100 employees: p20 = 1, p50 = 2.5, p80 = 4 per 100 exactly.
  std::vector<trygg::Report> rs;
  for (std::size_t i = 0; i < 6; ++i)
    rs.push_back(report("org-" + std::to_string(i), 2, 100, i));
  rs.push_back(report("org-unknown", 2, std::nullopt, 9));
  const auto b = trygg::peer_benchmark(pointers(rs), {});
  const auto& p = *figure(b.groups[0], trygg::legal_findings_measure).figures;
  CHECK(p.p20 == Approx(1.0));
  CHECK(p.p50 == Approx(2.5));
  CHECK(p.p80 == Approx(4.0));
  REQUIRE(b.legal_bands.size() == rs.size());
  CHECK(b.legal_bands ==
        std::vector<Band>{Band::green, Band::green, Band::aqua, Band::yellow, Band::yellow, Band::red, Band::none});
  const auto j = trygg::to_json(b);
  REQUIRE(j["organisations"].size() == rs.size());
  CHECK(j["organisations"][0]["legal_band"] == "green");
  CHECK(j["organisations"][5]["legal_band"] == "red");
  CHECK(j["organisations"][6]["legal_band"] == "none");
  // The legal band is beside the areas' bands, not among them.
  CHECK_FALSE(j["organisations"][0]["bands"].contains(std::string(trygg::legal_findings_measure)));

  // Most peers have none: the 20th percentile is 0, and having none is green, not aqua.
  std::vector<trygg::Report> few;
  const std::size_t counts[] = {0, 0, 0, 0, 1, 2};
  for (std::size_t i = 0; i < 6; ++i)
    few.push_back(report("org-" + std::to_string(i), 2, 100, counts[i]));
  const auto b2 = trygg::peer_benchmark(pointers(few), {});
  CHECK(b2.legal_bands ==
        std::vector<Band>{Band::green, Band::green, Band::green, Band::green, Band::yellow, Band::red});
}

TEST_CASE("peer benchmark: a group of four is hidden, and so is the group that would give it away", "[peer]") {
  std::vector<trygg::Report> rs;
  for (int i = 0; i < 4; ++i)
    rs.push_back(report("se-" + std::to_string(i), 1, 100, 0, "SE"));
  for (int i = 0; i < 6; ++i)
    rs.push_back(report("no-" + std::to_string(i), 2, 100, 0, "NO"));
  for (int i = 0; i < 7; ++i)
    rs.push_back(report("dk-" + std::to_string(i), 3, 100, 0, "DK"));
  const auto b = trygg::peer_benchmark(pointers(rs), {}, {"country"});
  REQUIRE(b.groups.size() == 4);
  CHECK(b.groups[0].name == "all");
  CHECK(b.groups[1].name == "DK");
  CHECK(b.groups[2].name == "NO");
  CHECK(b.groups[3].name == "SE");
  CHECK(b.groups[0].disclosure == Disclosure::published);
  CHECK(b.groups[1].disclosure == Disclosure::published);
  // NO is the smallest group shown beside SE: "all" minus DK and NO would be SE's.
  CHECK(b.groups[2].disclosure == Disclosure::suppressed_complementary);
  CHECK(b.groups[3].disclosure == Disclosure::suppressed_small);
  for (std::size_t g = 2; g < 4; ++g)
    for (const auto& f : b.groups[g].figures)
      CHECK_FALSE(f.figures);
  CHECK(b.groups[3].members.size() == 4);  // kept inside, never written out
  CHECK(b.bands[0].front() == Band::none);
  CHECK(b.bands[4].front() == Band::none);
  CHECK(b.bands[10].front() != Band::none);
  // No legal band against a hidden group either.
  CHECK(b.legal_bands[0] == Band::none);
  CHECK(b.legal_bands[4] == Band::none);
  CHECK(b.legal_bands[10] != Band::none);

  const auto j = trygg::to_json(b);
  CHECK(j["format"] == "trygg.peer-benchmark/1");
  CHECK(j["groups"][3]["disclosure"] == "suppressed-small");
  CHECK(j["groups"][2]["disclosure"] == "suppressed-complementary");
  CHECK_FALSE(j["groups"][3].contains("members"));
  CHECK_FALSE(j["groups"][3].contains("organisations"));
  CHECK(j["groups"][1]["members"].size() == 7);
  // "all" names everyone (it is shown); nobody is banded against a hidden group.
  CHECK(j["groups"][0]["members"].size() == 17);
  REQUIRE(j["organisations"].size() == 7);
  for (const auto& o : j["organisations"])
    CHECK(o["id"].get<std::string>().rfind("dk-", 0) == 0);

  // Two groups only: 4 and 20. The 20 must go too.
  std::vector<trygg::Report> two;
  for (int i = 0; i < 24; ++i)
    two.push_back(report("org-" + std::to_string(i), i % 5, 100, 0, i < 4 ? "SE" : "NO"));
  const auto b2 = trygg::peer_benchmark(pointers(two), {}, {"country"});
  CHECK(b2.groups[0].disclosure == Disclosure::published);
  CHECK(b2.groups[1].disclosure == Disclosure::suppressed_complementary);
  CHECK(b2.groups[2].disclosure == Disclosure::suppressed_small);
  CHECK(b2.bands[5].front() == Band::none);
}

TEST_CASE("peer benchmark: fewer than five organisations is refused as a threshold", "[peer]") {
  std::vector<trygg::Report> rs;
  for (int i = 0; i < 6; ++i)
    rs.push_back(report("org-" + std::to_string(i), i));
  CHECK_THROWS_AS(trygg::peer_benchmark(pointers(rs), {}, {"all", 4}), trygg::UsageError);
  CHECK_THROWS_AS(trygg::peer_benchmark(pointers(rs), {}, {"all", 0}), trygg::UsageError);
  CHECK_THROWS_AS(trygg::peer_benchmark(pointers(rs), {}, {"colour"}), trygg::UsageError);
  CHECK_THROWS_AS(trygg::peer_benchmark(pointers(rs), {"a", "b"}), trygg::UsageError);
  CHECK_THROWS_AS(trygg::peer_benchmark(pointers(rs), {"all", "all", "x", "x", "x", "x"}), trygg::UsageError);
  // A higher threshold is the caller's choice: six organisations do not reach 7.
  const auto b = trygg::peer_benchmark(pointers(rs), {}, {"all", 7});
  CHECK(b.groups[0].disclosure == Disclosure::suppressed_small);
  CHECK_FALSE(b.groups[0].figures[0].figures);
  // Fewer than five organisations at all: nothing is shown.
  rs.erase(rs.begin() + 4, rs.end());
  const auto small = trygg::peer_benchmark(pointers(rs), {});
  CHECK(small.groups[0].disclosure == Disclosure::suppressed_small);
  CHECK(trygg::to_json(small)["organisations"].empty());
}

TEST_CASE("peer benchmark: unknown and zero headcounts have no legal figure", "[peer]") {
  std::vector<trygg::Report> rs;
  for (int i = 0; i < 5; ++i)
    rs.push_back(report("org-" + std::to_string(i), 2, 50, static_cast<std::size_t>(i)));
  rs.push_back(report("org-unknown", 2, std::nullopt, 3));
  rs.push_back(report("org-zero", 2, 0, 3));
  const auto b = trygg::peer_benchmark(pointers(rs), {});
  const auto& legal = figure(b.groups[0], trygg::legal_findings_measure);
  CHECK(legal.organisations == 5);
  REQUIRE(legal.figures);
  // 0, 2, 4, 6, 8 per 100: the two without a headcount are not counted as 0.
  CHECK(legal.figures->p20 == Approx(1.6));
  CHECK(legal.figures->p50 == Approx(4.0));
  CHECK(figure(b.groups[0], first_area()).organisations == 7);
  // With one more unknown, four figures remain: not shown, though the group is.
  rs[0].headcount.reset();
  const auto b2 = trygg::peer_benchmark(pointers(rs), {});
  CHECK(b2.groups[0].disclosure == Disclosure::published);
  CHECK(figure(b2.groups[0], trygg::legal_findings_measure).organisations == 4);
  CHECK_FALSE(figure(b2.groups[0], trygg::legal_findings_measure).figures);
  CHECK(figure(b2.groups[0], first_area()).figures);
}

TEST_CASE("peer benchmark: the groups of each dimension, and the caller's own column", "[peer]") {
  auto r = report("org-1", 1, 30, 0, "NO", "public");
  CHECK(trygg::group_of(r, "all") == "all");
  CHECK(trygg::group_of(r, "country") == "NO");
  CHECK(trygg::group_of(r, "sector") == "public");
  CHECK(trygg::group_of(r, "size-band") == "25-49");
  r.sector.clear();
  r.headcount.reset();
  CHECK(trygg::group_of(r, "sector") == "unknown");
  CHECK(trygg::group_of(r, "size-band") == "unknown");
  CHECK_THROWS_AS(trygg::group_of(r, "region"), trygg::UsageError);

  std::vector<trygg::Report> rs;
  for (int i = 0; i < 10; ++i)
    rs.push_back(report("org-" + std::to_string(i), i));
  std::vector<std::string> column;
  for (int i = 0; i < 10; ++i)
    column.push_back(i % 2 ? "odd" : "even");
  const auto b = trygg::peer_benchmark(pointers(rs), column, {"parity"});
  CHECK(b.dimension == "parity");
  REQUIRE(b.groups.size() == 3);
  CHECK(b.groups[1].name == "even");
  CHECK(b.groups[1].members == std::vector<std::size_t>{0, 2, 4, 6, 8});
  CHECK(b.groups[1].disclosure == Disclosure::published);
  // Banded against its own group: org-1 is the lowest of the odd ones.
  CHECK(b.bands[1].front() == Band::red);
}

TEST_CASE("peer benchmark: the same input gives the same benchmark, whatever the order", "[peer]") {
  std::vector<trygg::Report> rs;
  const char* countries[] = {"SE", "NO", "SE", "SE", "NO", "SE", "NO", "NO", "SE", "NO", "NO"};
  for (int i = 0; i < 11; ++i)
    rs.push_back(
        report("org-" + std::to_string(i), (i * 7) % 5, 40 + i, static_cast<std::size_t>(i % 3), countries[i]));
  auto p = pointers(rs);
  const auto j1 = trygg::to_json(trygg::peer_benchmark(p, {}, {"country"}));
  CHECK(j1.dump() == trygg::to_json(trygg::peer_benchmark(p, {}, {"country"})).dump());
  std::reverse(p.begin(), p.end());
  const auto j2 = trygg::to_json(trygg::peer_benchmark(p, {}, {"country"}));
  for (std::size_t g = 0; g < j1["groups"].size(); ++g)
    CHECK(j1["groups"][g]["figures"] == j2["groups"][g]["figures"]);
}
