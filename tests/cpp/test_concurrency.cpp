// SPDX-License-Identifier: MIT
// Thread safety and determinism: one Framework, shared read-only by 8 threads that load and
// audit different organisations at once, gives byte for byte the reports that sequential
// audits give. Built as its own program so that CI can also run it under ThreadSanitizer
// (scripts/sanitize.sh); the ordinary build runs it too.
#include "catch.hpp"
#include "fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

using fixtures::json;

namespace {

constexpr std::size_t thread_count = 8;

json example(const std::string& name) {
  std::ifstream in(std::filesystem::path(TRYGG_SOURCE_DIR) / "examples" / "organisations" / name, std::ios::binary);
  REQUIRE(in);
  return json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
}

/// A generated organisation: a tree of `units` units, four children each, a manager per unit
/// and a few routines, so that the structural checks have work to do.
json tree(std::size_t units, const std::string& country) {
  json doc = {{"format", "trygg.organisation/1"}, {"id", "org-tree-" + std::to_string(units)}, {"country", country}};
  json us = json::array(), people = json::array();
  for (std::size_t i = 0; i < units; ++i) {
    const std::string id = "u-" + std::to_string(i);
    json u = {{"id", id}, {"headcount", 3 + i % 17}, {"manager", "p-" + std::to_string(i)}};
    if (i > 0) u["parent"] = "u-" + std::to_string((i - 1) / 4);
    if (i % 9 == 0) u["workplace"] = true;
    us.push_back(u);
    people.push_back({{"id", "p-" + std::to_string(i)}, {"unit", id}, {"roles", {"manager"}}});
  }
  people.push_back({{"id", "p-hr"}, {"unit", "u-0"}, {"roles", {"hr-specialist"}}});
  doc["units"] = us;
  doc["people"] = people;
  doc["routines"] = json::array({{{"id", "r-1"},
                                  {"measures", {"ORG-03"}},
                                  {"written", true},
                                  {"owner", "p-hr"},
                                  {"adopted", "2025-01-10"},
                                  {"last_reviewed", "2026-01-15"}}});
  doc["channels"] = json::array(
      {{{"id", "c-1"}, {"kind", "line-manager"}, {"recipients", {"p-0", "p-1"}}, {"measures", {"SIG-01"}}}});
  return doc;
}

/// Eight different organisations, as the texts an HR system would hand over.
std::vector<std::string> organisations() {
  std::vector<std::string> texts;
  const json kommun = example("kommun.json"), small = example("small-company.json");
  for (std::size_t i = 0; i < 3; ++i) {
    json k = kommun;
    k["id"] = "org-kommun-" + std::to_string(i);
    // Fewer routines each time: different gaps, different reports.
    for (std::size_t drop = 0; drop < 2 * i && !k["routines"].empty(); ++drop)
      k["routines"].erase(k["routines"].size() - 1);
    texts.push_back(k.dump());
  }
  for (std::size_t i = 0; i < 3; ++i) {
    json s = small;
    s["id"] = "org-small-" + std::to_string(i);
    if (i == 1) s["country"] = "NO";
    if (i == 2) s.erase("activities");
    texts.push_back(s.dump());
  }
  texts.push_back(tree(400, "SE").dump());
  texts.push_back(tree(250, "NO").dump());
  REQUIRE(texts.size() == thread_count);
  return texts;
}

/// Everything a caller gets from one organisation: its reports in every format and language.
std::string reports_of(const std::string& text, const trygg::Framework& fw) {
  const auto org = trygg::Organisation::parse(text, fw, "org.json");
  trygg::AuditOptions options;
  options.as_of = trygg::Date::parse("2026-11-22");
  const auto report = trygg::audit(org, fw, options);
  std::string out = trygg::render_json(report, report.language).dump(2);
  for (const auto language : {trygg::Language::sv, trygg::Language::nb, trygg::Language::en}) {
    out += trygg::render_text(report, {language, false, 80});
    out += trygg::render_markdown(report, language);
    out += trygg::render_csv(report, language);
  }
  return out;
}

}  // namespace

TEST_CASE("8 threads sharing one framework give the sequential reports", "[concurrency]") {
  const trygg::Framework fw = trygg::Framework::builtin();
  const auto texts = organisations();
  std::vector<std::string> sequential;
  for (const auto& t : texts)
    sequential.push_back(reports_of(t, fw));
  // Every organisation is different, so a mix-up between threads would show.
  for (std::size_t i = 1; i < sequential.size(); ++i)
    CHECK(sequential[i] != sequential[i - 1]);

  constexpr int rounds = 2;
  std::vector<std::vector<std::string>> concurrent(thread_count);
  std::vector<std::string> failures(thread_count);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < thread_count; ++t)
      threads.emplace_back([&, t] {
        try {
          for (int r = 0; r < rounds; ++r)
            concurrent[t].push_back(reports_of(texts[t], fw));
        } catch (const std::exception& e) {
          failures[t] = e.what();
        }
      });
  }
  for (std::size_t t = 0; t < thread_count; ++t) {
    INFO("thread " << t);
    CHECK(failures[t].empty());
    REQUIRE(concurrent[t].size() == static_cast<std::size_t>(rounds));
    for (const auto& r : concurrent[t])
      CHECK(r == sequential[t]);
  }
}

TEST_CASE("the same organisation gives the same report whatever the number of threads", "[concurrency]") {
  const trygg::Framework fw = trygg::Framework::builtin();
  const std::string text = organisations().front();
  const std::string expected = reports_of(text, fw);
  for (const std::size_t n : {1u, 2u, 4u, 8u}) {
    std::vector<std::string> got(n);
    {
      std::vector<std::jthread> threads;
      for (std::size_t t = 0; t < n; ++t)
        threads.emplace_back([&, t] { got[t] = reports_of(text, fw); });
    }
    for (const auto& g : got)
      CHECK(g == expected);
  }
}

TEST_CASE("frameworks and profiles are built concurrently without interference", "[concurrency]") {
  // The built-in packs, the message catalogue and the check registry are shared statics:
  // building frameworks from many threads at once must see them fully initialised.
  const std::string expected = trygg::Framework::builtin({"base", "se"}).to_json().dump();
  std::vector<std::string> got(thread_count);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < thread_count; ++t)
      threads.emplace_back([&, t] {
        const auto fw = trygg::Framework::builtin({"base", "se"});
        trygg::Profile profile;
        profile.select = {"se.*", "ORG-*"};
        got[t] = fw.to_json().dump() + std::to_string(trygg::apply_profile(fw, profile).rules().size());
      });
  }
  const auto selected = std::to_string([] {
    trygg::Profile profile;
    profile.select = {"se.*", "ORG-*"};
    return trygg::apply_profile(trygg::Framework::builtin({"base", "se"}), profile).rules().size();
  }());
  for (const auto& g : got)
    CHECK(g == expected + selected);
}
