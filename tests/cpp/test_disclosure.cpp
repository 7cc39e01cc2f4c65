// SPDX-License-Identifier: MIT
// Disclosure control (docs/privacy.md): no figure about a small group, and none that can be
// worked out by subtracting published figures. The mechanism is attacked on its own with
// random tables, and through the sam-follow-up document with random organisations; the
// attacker's check is written here from the rule, independently of the library's code.
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <sstream>

#include "catch.hpp"
#include "fixtures.hpp"
#include "trygg/disclosure.hpp"

namespace {
using fixtures::json;
using trygg::Disclosure;
using trygg::GroupCell;
using trygg::no_enclosing_cell;

constexpr std::size_t top = no_enclosing_cell;

/// Whether cell `d` lies inside cell `a` (following parents), a != d.
bool inside(const std::vector<GroupCell>& cells, std::size_t d, std::size_t a) {
  for (std::size_t p = cells[d].parent; p != top; p = cells[p].parent)
    if (p == a) return true;
  return false;
}

/// The attacker: for every published cell P, P minus its maximal published descendants is
/// the figure of the rest of P's group, which must then be empty or large enough. Quadratic,
/// written from the rule and not from the library's algorithm. Returns the first violation.
std::optional<std::string> attack(const std::vector<GroupCell>& cells, const std::vector<Disclosure>& out,
                                  std::uint64_t min) {
  const std::size_t n = cells.size();
  for (std::size_t i = 0; i < n; ++i) {
    const bool small = !cells[i].size || *cells[i].size < min;
    if (small && out[i] == Disclosure::published) return "cell " + std::to_string(i) + ": small group published";
    if (!small && out[i] == Disclosure::suppressed_small) return "cell " + std::to_string(i) + ": wrongly small";
  }
  for (std::size_t p = 0; p < n; ++p) {
    if (out[p] != Disclosure::published) continue;
    std::uint64_t covered = 0;
    for (std::size_t d = 0; d < n; ++d) {
      if (d == p || out[d] != Disclosure::published || !inside(cells, d, p)) continue;
      bool maximal = true;
      for (std::size_t m = 0; m < n && maximal; ++m)
        if (m != d && m != p && out[m] == Disclosure::published && inside(cells, d, m) && inside(cells, m, p))
          maximal = false;
      if (maximal) covered += *cells[d].size;
    }
    const std::uint64_t size = *cells[p].size;
    if (covered > size || (size - covered != 0 && size - covered < min))
      return "cell " + std::to_string(p) + " of " + std::to_string(size) + " minus " + std::to_string(covered) +
             " exposes the rest";
  }
  return std::nullopt;
}

std::vector<GroupCell> random_table(std::mt19937& rng) {
  std::uniform_int_distribution<int> count(1, 25), pick(0, 9);
  const int n = count(rng);
  std::vector<GroupCell> cells(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    // Parents come before children here, but the mechanism must not rely on it: shuffle below.
    if (i > 0 && pick(rng) < 8) cells[i].parent = std::uniform_int_distribution<int>(0, i - 1)(rng);
    const int kind = pick(rng);
    if (kind == 0) continue;  // unknown size
    if (kind <= 3)
      cells[i].size = static_cast<std::uint64_t>(pick(rng) % 5);  // 0..4
    else
      cells[i].size = static_cast<std::uint64_t>(pick(rng) * 4);
  }
  // Mostly consistent sizes: a group at least as large as what is nested in it.
  for (int i = n - 1; i >= 0; --i) {
    const auto p = cells[i].parent;
    if (p != top && cells[p].size && cells[i].size && pick(rng) < 9) *cells[p].size += *cells[i].size;
  }
  // Shuffle the order, remapping parents.
  std::vector<std::size_t> perm(cells.size());
  for (std::size_t i = 0; i < perm.size(); ++i)
    perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), rng);
  std::vector<GroupCell> out(cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out[perm[i]] = cells[i];
    if (cells[i].parent != top) out[perm[i]].parent = perm[cells[i].parent];
  }
  return out;
}

}  // namespace

TEST_CASE("disclose: small and unknown groups are hidden, the rest shown", "[disclosure]") {
  const std::vector<GroupCell> cells{{top, 30}, {0, 4}, {0, std::nullopt}, {0, 0}};
  const auto out = trygg::disclose(cells, 5);
  CHECK(out[1] == Disclosure::suppressed_small);
  CHECK(out[2] == Disclosure::suppressed_small);
  CHECK(out[3] == Disclosure::suppressed_small);
  CHECK(out[0] == Disclosure::published);
  CHECK(trygg::disclose({}, 5).empty());
}

TEST_CASE("disclose: the issue's case, a unit of four beside a larger one, with the organisation's row",
          "[disclosure]") {
  // Organisation 24 = unit A (4) + unit B (20). Publishing B would give A as org − B.
  const std::vector<GroupCell> cells{{top, 24}, {0, 4}, {0, 20}};
  const auto out = trygg::disclose(cells, 5);
  CHECK(out == std::vector<Disclosure>{Disclosure::published, Disclosure::suppressed_small,
                                       Disclosure::suppressed_complementary});
  CHECK_FALSE(attack(cells, out, 5));
  // Two large units next to the small one: hiding the smaller large unit protects it.
  const std::vector<GroupCell> three{{top, 54}, {0, 4}, {0, 20}, {0, 30}};
  const auto out3 = trygg::disclose(three, 5);
  CHECK(out3[2] == Disclosure::suppressed_complementary);
  CHECK(out3[3] == Disclosure::published);
  CHECK(out3[0] == Disclosure::published);
}

TEST_CASE("disclose: hiding a cell can expose the next level, and the fixpoint goes on", "[disclosure]") {
  // P 40 ⊃ A 30 ⊃ {A1 27, A2 3}. A − A1 = A2: A1 is hidden; then P − A = 10, fine.
  const std::vector<GroupCell> cells{{top, 40}, {0, 30}, {1, 27}, {1, 3}};
  const auto out = trygg::disclose(cells, 5);
  CHECK(out[3] == Disclosure::suppressed_small);
  CHECK(out[2] == Disclosure::suppressed_complementary);
  CHECK(out[1] == Disclosure::published);
  CHECK(out[0] == Disclosure::published);
  // P 33 ⊃ A 30 ⊃ A1 27: hiding A1 for A, then P − A = 3: A goes, and P − A1 is no question.
  const std::vector<GroupCell> deep{{top, 33}, {0, 30}, {1, 27}, {1, 3}};
  const auto out2 = trygg::disclose(deep, 5);
  CHECK_FALSE(attack(deep, out2, 5));
  CHECK(out2[0] == Disclosure::published);
  CHECK(out2[1] == Disclosure::suppressed_complementary);
}

TEST_CASE("disclose: bad parents are refused", "[disclosure]") {
  CHECK_THROWS_AS(trygg::disclose({{5, 10}}, 5), std::invalid_argument);
  CHECK_THROWS_AS(trygg::disclose({{1, 10}, {0, 10}}, 5), std::invalid_argument);
  CHECK_THROWS_AS(trygg::disclose({{0, 10}}, 5), std::invalid_argument);
}

TEST_CASE("disclose: random tables resist subtraction", "[disclosure]") {
  std::mt19937 rng(20260301);
  for (int round = 0; round < 3000; ++round) {
    const auto cells = random_table(rng);
    for (std::uint64_t min : {3u, 5u, 10u}) {
      const auto out = trygg::disclose(cells, min);
      const auto violation = attack(cells, out, min);
      INFO("round " << round << ", threshold " << min);
      REQUIRE_FALSE(violation);
    }
  }
}

TEST_CASE("disclose: a long chain stays fast and correct", "[disclosure]") {
  // 200 000 nested groups, each 6 larger than the next: everything may be shown.
  const std::size_t n = 200000;
  std::vector<GroupCell> cells(n);
  for (std::size_t i = 0; i < n; ++i) {
    cells[i].parent = i == 0 ? top : i - 1;
    cells[i].size = 6 * (n - i);
  }
  const auto out = trygg::disclose(cells, 5);
  CHECK(std::all_of(out.begin(), out.end(), [](Disclosure d) { return d == Disclosure::published; }));
  // A wide, flat table: one parent, many children of 5 and one of 4.
  std::vector<GroupCell> flat(n);
  flat[0] = {top, 5 * (n - 2) + 4};
  for (std::size_t i = 1; i < n; ++i)
    flat[i] = {0, i == n - 1 ? 4u : 5u};
  const auto out2 = trygg::disclose(flat, 5);
  CHECK(out2[n - 1] == Disclosure::suppressed_small);
  CHECK(std::count(out2.begin(), out2.end(), Disclosure::suppressed_complementary) == 1);
}

// --- the threshold in the profile and the framework -------------------------------------------

TEST_CASE("min_group_size: default 5, a profile may set 3 or more, never less", "[disclosure]") {
  const auto& fw = fixtures::framework();
  CHECK(fw.min_group_size() == 5);
  const auto three = trygg::apply_profile(
      fw, trygg::Profile::parse(R"({"format": "trygg.profile/1", "min_group_size": 3})", "p.json"));
  CHECK(three.min_group_size() == 3);
  // A later profile without the key keeps it (the command line's flags are such a profile).
  CHECK(trygg::apply_profile(three, trygg::Profile::parse(R"({"format": "trygg.profile/1"})")).min_group_size() == 3);
  CHECK(trygg::Profile::parse(R"({"format": "trygg.profile/1", "min_group_size": 12})").to_json()["min_group_size"] ==
        12);
  try {
    (void)trygg::Profile::parse(R"({"format": "trygg.profile/1", "min_group_size": 2})", "p.json");
    FAIL("a threshold of 2 was accepted");
  } catch (const trygg::LoadError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].pointer == "/min_group_size");
    CHECK(e.diagnostics()[0].file == "p.json");
    CHECK(e.diagnostics()[0].expected.find("at least 3") != std::string::npos);
  }
  CHECK_THROWS_AS(trygg::Profile::parse(R"({"format": "trygg.profile/1", "min_group_size": "5"})"), trygg::LoadError);
  CHECK_THROWS_AS(trygg::Profile::parse(R"({"format": "trygg.profile/1", "min_group_size": -1})"), trygg::LoadError);
  CHECK_THROWS_AS(fw.with_min_group_size(2), trygg::UsageError);
  CHECK(fw.with_min_group_size(7).min_group_size() == 7);
  CHECK(fw.min_group_size() == 5);  // the original is unchanged
}

// --- the sam-follow-up document ------------------------------------------------------------------

namespace {

json issue_org() {
  json d = fixtures::small_org();
  // u-root 0 (a head office with no staff of its own), u-a 4, u-b 30, u-b1 20.
  d["units"] = json::parse(R"([
    {"id": "u-root", "parent": null, "headcount": 0, "manager": "p-1"},
    {"id": "u-a", "parent": "u-root", "headcount": 4, "manager": "p-2"},
    {"id": "u-b", "parent": "u-root", "headcount": 30},
    {"id": "u-b1", "parent": "u-b", "headcount": 20}])");
  d["case_statistics"] = json::parse(R"([
    {"id": "cs-org", "period": {"from": "2025-01-01", "to": "2025-12-31"}, "kind": "threats-violence",
     "received": 3, "closed": 2},
    {"id": "cs-a", "period": {"from": "2025-01-01", "to": "2025-12-31"}, "kind": "threats-violence", "unit": "u-a",
     "received": 1, "closed": 0},
    {"id": "cs-b", "period": {"from": "2025-01-01", "to": "2025-12-31"}, "kind": "threats-violence", "unit": "u-b",
     "received": 2, "closed": 2}])");
  return d;
}

std::string sam(const json& doc, const trygg::Framework& fw, trygg::Language lang = trygg::Language::en) {
  return trygg::render_document(trygg::DocumentKind::sam_follow_up, fixtures::load(doc), fw,
                                *trygg::Date::parse("2026-03-01"), lang);
}

std::string section3(const std::string& text) {
  const auto start = text.find("\n## 3.");
  const auto end = text.find("\n## 4.", start);
  return text.substr(start, end - start);
}

/// The cells of section 3: unit id (empty for the organisation) → {received, closed}, per
/// table key "period|kind".
struct Row {
  std::string period, kind, unit, received, closed;
};
std::vector<Row> rows_of(const std::string& s3) {
  std::vector<Row> out;
  std::istringstream in(s3);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("| 20", 0) != 0) continue;
    std::vector<std::string> f;
    std::size_t pos = 1;
    while (pos < line.size()) {
      const auto next = line.find(" |", pos);
      if (next == std::string::npos) break;
      f.push_back(line.substr(pos + 1, next - pos - 1));
      pos = next + 2;
    }
    REQUIRE(f.size() == 5);
    out.push_back({f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

}  // namespace

TEST_CASE("document: the issue's four-person unit is hidden, and so is what would expose it", "[disclosure]") {
  const auto s3 = section3(sam(issue_org(), fixtures::framework()));
  // The organisation (54) minus u-b (50) would give u-a's figure: u-b is hidden too.
  CHECK(s3.find("| the whole organisation | 3 | 2 |") != std::string::npos);
  CHECK(s3.find("| u-a | hidden (fewer than 5 people in the group) | hidden (fewer than 5 people in the group) |") !=
        std::string::npos);
  CHECK(s3.find("| u-b | hidden to protect a small group | hidden to protect a small group |") != std::string::npos);
  CHECK(s3.find("| 1 |") == std::string::npos);
  CHECK(s3.find("| 0 |") == std::string::npos);
  CHECK(s3.find("Figures about fewer than 5 people are not shown") != std::string::npos);
  // In Swedish and Norwegian, with the threshold in the text.
  CHECK(section3(sam(issue_org(), fixtures::framework(), trygg::Language::sv)).find("färre än 5") != std::string::npos);
  CHECK(section3(sam(issue_org(), fixtures::framework(), trygg::Language::nb)).find("færre enn 5") !=
        std::string::npos);
  // With a threshold of 3 the unit of four is shown, and u-b with it.
  const auto s3_three = section3(sam(issue_org(), fixtures::framework().with_min_group_size(3)));
  CHECK(s3_three.find("| u-a | 1 | 0 |") != std::string::npos);
  CHECK(s3_three.find("| u-b | 2 | 2 |") != std::string::npos);
  CHECK(s3_three.find("fewer than 3 people") != std::string::npos);
  // An unknown headcount anywhere in the group hides it: never guessed.
  auto unknown = issue_org();
  unknown["units"][3].erase("headcount");
  const auto s3_unknown = section3(sam(unknown, fixtures::framework()));
  CHECK(s3_unknown.find("| u-b | hidden (the size of the group is not known) |") != std::string::npos);
  CHECK(s3_unknown.find("| the whole organisation | hidden (the size of the group is not known) |") !=
        std::string::npos);
}

TEST_CASE("document: an organisation smaller than the threshold shows no case figure", "[disclosure]") {
  json d = fixtures::small_org();
  d["units"] = json::parse(R"([{"id": "u-root", "parent": null, "headcount": 4, "manager": "p-1"},
    {"id": "u-a", "parent": "u-root", "headcount": 0, "manager": "p-2"}])");
  d["people"] = json::parse(R"([{"id": "p-1", "unit": "u-root", "roles": ["manager"]},
    {"id": "p-2", "unit": "u-a", "roles": ["manager"]}])");
  d["case_statistics"] = json::parse(R"([{"id": "cs", "period": {"from": "2025-01-01", "to": "2025-12-31"},
    "kind": "harassment", "received": 0, "acknowledged_within_7_days": 0}])");
  const auto text = sam(d, fixtures::framework());
  CHECK(section3(text).find("| the whole organisation | hidden (fewer than 5 people in the group) | – |") !=
        std::string::npos);
  // The audit's count of late cases is about the same four people.
  const auto report = fixtures::run(d, "2026-03-01");
  for (const auto& r : fixtures::views(report)) {
    if (r.check != "case_deadline") continue;
    for (const auto& m : {r.message, r.found})
      for (const auto& [k, v] : m.args)
        CHECK(k != "late");
    if (r.status == trygg::Status::pass || r.status == trygg::Status::fail || r.status == trygg::Status::partial)
      CHECK(r.found.id == "case-deadline.found-hidden");
  }
}

TEST_CASE("case_deadline: the count of late cases is shown for a large enough group", "[disclosure]") {
  json d = fixtures::small_org();  // 100 people
  d["case_statistics"] = json::parse(R"([{"id": "cs", "period": {"from": "2025-01-01", "to": "2025-12-31"},
    "kind": "harassment", "received": 4, "acknowledged_within_7_days": 3}])");
  bool seen = false;
  for (const auto& r : fixtures::views(fixtures::run(d, "2026-03-01")))
    if (r.check == "case_deadline" && r.found.id == "case-deadline.found") seen = true;
  CHECK(seen);
  // Only a unit of four judged: the count is about those four, and hidden.
  d["units"][1]["headcount"] = 4;
  d["case_statistics"][0]["unit"] = "u-a";
  for (const auto& r : fixtures::views(fixtures::run(d, "2026-03-01"))) {
    if (r.check != "case_deadline" || r.found.id.rfind("case-deadline.found", 0) != 0) continue;
    // Nothing judged: no count about anyone (the count is 0 by construction).
    if (std::find(r.found.args.begin(), r.found.args.end(), std::pair<std::string, std::string>{"judged", "0"}) !=
        r.found.args.end())
      continue;
    CHECK(r.found.id == "case-deadline.found-hidden");
    if (r.status == trygg::Status::fail) CHECK(r.message.id.size() > std::string("-hidden").size());
    if (r.status == trygg::Status::fail) CHECK(r.message.id.ends_with("-hidden"));
  }
}

TEST_CASE("document: random organisations resist subtraction in the case table", "[disclosure]") {
  std::mt19937 rng(14);
  const char* kinds[] = {"harassment", "threats-violence"};
  const char* periods[][2] = {{"2025-01-01", "2025-12-31"}, {"2025-07-01", "2026-02-28"}};
  for (int round = 0; round < 120; ++round) {
    json d = fixtures::small_org();
    const int n = std::uniform_int_distribution<int>(1, 12)(rng);
    std::vector<int> parent(static_cast<std::size_t>(n), -1);
    std::vector<std::optional<std::uint64_t>> own(static_cast<std::size_t>(n));
    d["units"] = json::array();
    for (int i = 0; i < n; ++i) {
      json u{{"id", "u" + std::to_string(i)}, {"parent", nullptr}};
      if (i > 0) {
        parent[i] = std::uniform_int_distribution<int>(0, i - 1)(rng);
        u["parent"] = "u" + std::to_string(parent[i]);
      }
      const int k = std::uniform_int_distribution<int>(0, 9)(rng);
      if (k > 0) {
        own[i] = k <= 4 ? static_cast<std::uint64_t>(k - 1) : static_cast<std::uint64_t>(k * 3);
        u["headcount"] = *own[i];
      }
      d["units"].push_back(u);
    }
    d["people"] = json::array();
    d.erase("reported_roles");
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0)
      d["headcount"] = {{"total", std::uniform_int_distribution<int>(0, 60)(rng)}};
    // Sizes as the rule defines them, computed here on their own.
    std::vector<std::optional<std::uint64_t>> size(own);
    for (int i = n - 1; i > 0; --i) {
      auto& p = size[static_cast<std::size_t>(parent[i])];
      if (!size[i])
        p.reset();
      else if (p)
        *p += *size[i];
    }
    std::optional<std::uint64_t> whole =
        d.contains("headcount") ? std::optional<std::uint64_t>(d["headcount"]["total"]) : size[0];
    d["case_statistics"] = json::array();
    int id = 0;
    for (const auto& per : periods)
      for (const char* kind : kinds)
        for (int g = -1; g < n; ++g) {
          if (std::uniform_int_distribution<int>(0, 9)(rng) < (g < 0 ? 3 : 5)) continue;
          json c{{"id", "cs" + std::to_string(id++)},
                 {"period", {{"from", per[0]}, {"to", per[1]}}},
                 {"kind", kind},
                 {"received", std::uniform_int_distribution<int>(0, 4)(rng)}};
          if (std::uniform_int_distribution<int>(0, 3)(rng))
            c["closed"] = std::uniform_int_distribution<int>(0, c["received"].get<int>())(rng);
          if (g >= 0) c["unit"] = "u" + std::to_string(g);
          d["case_statistics"].push_back(c);
        }
    if (d["case_statistics"].empty()) continue;
    for (std::uint32_t min : {3u, 5u}) {
      const auto s3 = section3(sam(d, fixtures::framework().with_min_group_size(min)));
      const auto rows = rows_of(s3);
      REQUIRE(rows.size() == d["case_statistics"].size());
      // Tables of one period, kind and column, as the attacker sees them.
      std::map<std::string, std::vector<std::pair<int, std::string>>> tables;
      for (const auto& r : rows) {
        const int g = r.unit == "the whole organisation" ? -1 : std::stoi(r.unit.substr(1));
        tables[r.period + "|" + r.kind + "|received"].emplace_back(g, r.received);
        if (r.closed != "–") tables[r.period + "|" + r.kind + "|closed"].emplace_back(g, r.closed);
      }
      auto within = [&](int d2, int a) {  // group d2 strictly inside group a (by tree)
        if (d2 == a) return false;
        if (a < 0) return true;
        if (d2 < 0) return false;
        for (int p = parent[d2]; p >= 0; p = parent[p])
          if (p == a) return true;
        return false;
      };
      auto size_of = [&](int g) { return g < 0 ? whole : size[static_cast<std::size_t>(g)]; };
      for (const auto& [key, cells] : tables) {
        INFO("round " << round << ", threshold " << min << ", table " << key << "\n" << s3);
        std::set<int> published;
        for (const auto& [g, text] : cells) {
          const bool is_number = !text.empty() && std::all_of(text.begin(), text.end(), ::isdigit);
          const auto s = size_of(g);
          if (!s || *s < min) CHECK_FALSE(is_number);
          if (!is_number) CHECK(text.find("hidden") != std::string::npos);
          if (is_number) published.insert(g);
        }
        for (int p : published) {
          std::uint64_t covered = 0;
          for (int q : published) {
            if (!within(q, p)) continue;
            bool maximal = true;
            for (int m : published)
              if (within(q, m) && within(m, p)) maximal = false;
            if (maximal) covered += *size_of(q);
          }
          const std::uint64_t s = *size_of(p);
          CHECK((covered <= s && (s - covered == 0 || s - covered >= min)));
        }
      }
    }
  }
}
