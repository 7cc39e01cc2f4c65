// SPDX-License-Identifier: MIT
// The framework's own sources: every seed document a citation names has a reference a reader
// can look up, and reports show that reference instead of the bare id.
#include <string>
#include <vector>

#include "catch.hpp"
#include "fixtures.hpp"

using fixtures::json;

namespace {
json source(const std::string& id) {
  return json{{"id", id},
              {"reference", {{"sv", "Ref " + id}, {"nb", "Ref " + id}, {"en", "Ref " + id}}},
              {"url", "https://example.org/" + id}};
}

json pack_with_sources(const std::string& id, json sources) {
  return json{{"format", "trygg.pack/1"},
              {"id", id},
              {"version", "1"},
              {"title", {{"sv", "X"}, {"nb", "X"}, {"en", "X"}}},
              {"sources", std::move(sources)}};
}

std::vector<trygg::Diagnostic> parse_errors(const json& pack) {
  try {
    (void)trygg::Framework::parse_pack(pack.dump(), "extra.json");
  } catch (const trygg::LoadError& e) {
    return e.diagnostics();
  }
  throw std::runtime_error("the pack parsed, but was expected to fail");
}

std::vector<trygg::Diagnostic> combine_errors(std::vector<trygg::Pack> packs) {
  try {
    (void)trygg::Framework::from_packs(std::move(packs));
  } catch (const trygg::LoadError& e) {
    return e.diagnostics();
  }
  throw std::runtime_error("the packs combined, but were expected to fail");
}

void collect(std::vector<trygg::Citation>& out, const std::vector<trygg::Citation>& cs) {
  out.insert(out.end(), cs.begin(), cs.end());
}
}  // namespace

TEST_CASE("every seed document cited by a built-in pack is one of the sources", "[sources]") {
  const auto& fw = fixtures::framework();
  std::vector<trygg::Citation> all;
  for (const auto& id : trygg::Framework::builtin_pack_ids()) {
    const trygg::Pack p = trygg::Framework::builtin_pack(id);
    for (const auto& a : p.areas)
      collect(all, a.sources);
    for (const auto& m : p.measures)
      collect(all, m.sources);
    for (const auto& r : p.rules)
      collect(all, r.citations);
  }
  for (const auto& r : fw.rules())
    collect(all, r.citations);
  std::size_t seeds = 0;
  for (const auto& c : all) {
    if (c.source.rfind("seed-", 0) != 0) continue;
    ++seeds;
    INFO(c.source << " " << c.locator);
    const trygg::Source* s = fw.find_source(c.source);
    REQUIRE(s != nullptr);
    CHECK(s->id == c.source);
    CHECK_FALSE(s->reference.sv.empty());
    CHECK_FALSE(s->reference.nb.empty());
    CHECK_FALSE(s->reference.en.empty());
    CHECK(s->pack == "base");
  }
  CHECK(seeds > 0);
  for (const char* id : {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"})
    CHECK(fw.find_source(id) != nullptr);
  // Acts and regulations are sources of their country's pack (issue 14), not of base.
  REQUIRE(fw.find_source("AFS 2023:2") != nullptr);
  CHECK(fw.find_source("AFS 2023:2")->pack == "se");
  CHECK(fw.find_source("") == nullptr);
}

TEST_CASE("cite gives the reference in each language, and the raw form for other sources", "[sources]") {
  const auto& fw = fixtures::framework();
  const trygg::Source* form = fw.find_source("seed-004");
  REQUIRE(form != nullptr);
  const trygg::Citation c{"seed-004", "Forum, exempel 1", "", std::nullopt, std::nullopt};
  for (auto lang : {trygg::Language::sv, trygg::Language::nb, trygg::Language::en}) {
    const std::string text = fw.cite(c, lang);
    CHECK(text == form->reference.in(lang) + ", Forum, exempel 1");
    CHECK(text.find("seed-004") == std::string::npos);
    CHECK(text.find("Åtgärder för att förebygga kränkningar och sexuella trakasserier") != std::string::npos);
  }
  CHECK(fw.cite(c, trygg::Language::sv) != fw.cite(c, trygg::Language::en));
  // No locator: the reference alone.
  CHECK(fw.cite({"seed-004", "", "", std::nullopt, std::nullopt}, trygg::Language::en) == form->reference.en);
  // An act the se pack defines: its official title and number, then the locator.
  CHECK(fw.cite({"SFS 2008:567 diskrimineringslagen", "3 kap. 6 §", "", std::nullopt, std::nullopt},
                trygg::Language::sv) == "Diskrimineringslagen (SFS 2008:567), 3 kap. 6 §");
  // A source no pack defines stays as written.
  CHECK(fw.cite({"seed-999", "x", "", std::nullopt, std::nullopt}, trygg::Language::sv) == "seed-999 x");
  CHECK(fw.cite({"SFS 1999:999", "", "", std::nullopt, std::nullopt}, trygg::Language::nb) == "SFS 1999:999");
}

TEST_CASE("the framework as data lists its sources", "[sources]") {
  const json j = fixtures::framework().to_json();
  REQUIRE(j.contains("sources"));
  std::vector<std::string> ids;
  for (const auto& s : j["sources"]) {
    if (s["pack"] == "base") ids.push_back(s["id"]);
    CHECK(s["reference"].contains("nb"));
    CHECK(s["short"].contains("nb"));
  }
  CHECK(ids == std::vector<std::string>{"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"});
  for (const auto& p : j["packs"])
    if (p["id"] == "base") CHECK(p["sources"].size() == 5);
}

TEST_CASE("a pack's sources are parsed and checked", "[sources]") {
  SECTION("a good pack") {
    const auto p =
        trygg::Framework::parse_pack(pack_with_sources("extra", json::array({source("doc-1")})).dump(), "extra.json");
    REQUIRE(p.sources.size() == 1);
    CHECK(p.sources[0].id == "doc-1");
    CHECK(p.sources[0].reference.nb == "Ref doc-1");
    CHECK(p.sources[0].url == "https://example.org/doc-1");
    CHECK(p.sources[0].pack == "extra");
    const auto fw = trygg::Framework::from_packs({trygg::Framework::builtin_pack("base"), p});
    REQUIRE(fw.find_source("doc-1") != nullptr);
    CHECK(fw.cite({"doc-1", "p. 3", "", std::nullopt, std::nullopt}, trygg::Language::en) == "Ref doc-1, p. 3");
  }
  SECTION("the url may be left out") {
    json s = source("doc-1");
    s.erase("url");
    const auto p = trygg::Framework::parse_pack(pack_with_sources("extra", json::array({s})).dump(), "extra.json");
    REQUIRE(p.sources.size() == 1);
    CHECK(p.sources[0].url.empty());
  }
  SECTION("an unknown key") {
    json s = source("doc-1");
    s["title"] = "x";
    const auto d = parse_errors(pack_with_sources("extra", json::array({s})));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/sources/0/title");
  }
  SECTION("a reference without a language") {
    json s = source("doc-1");
    s["reference"].erase("nb");
    const auto d = parse_errors(pack_with_sources("extra", json::array({source("doc-0"), s})));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/sources/1/reference/nb");
  }
  SECTION("a missing reference") {
    json s = source("doc-1");
    s.erase("reference");
    const auto d = parse_errors(pack_with_sources("extra", json::array({s})));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/sources/0/reference");
  }
  SECTION("not an array") {
    const auto d = parse_errors(pack_with_sources("extra", source("doc-1")));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/sources");
  }
  SECTION("a duplicate id within a pack") {
    const auto d = parse_errors(pack_with_sources("extra", json::array({source("doc-1"), source("doc-1")})));
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/sources/1/id");
  }
  SECTION("a duplicate id across two packs") {
    const auto one =
        trygg::Framework::parse_pack(pack_with_sources("one", json::array({source("doc-1")})).dump(), "one.json");
    const auto two = trygg::Framework::parse_pack(
        pack_with_sources("two", json::array({source("doc-2"), source("doc-1")})).dump(), "two.json");
    const auto d = combine_errors({trygg::Framework::builtin_pack("base"), one, two});
    REQUIRE(d.size() == 1);
    CHECK(d[0].file == "two.json");
    CHECK(d[0].pointer == "/sources/1/id");
    CHECK(d[0].expected == "a unique source id");
  }
  SECTION("a duplicate of a built-in source") {
    const auto p = trygg::Framework::parse_pack(pack_with_sources("extra", json::array({source("seed-004")})).dump(),
                                                "extra.json");
    const auto d = combine_errors({trygg::Framework::builtin_pack("base"), p});
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/sources/0/id");
  }
}

TEST_CASE("reports show the sources by reference, never by seed id", "[sources]") {
  const auto report = fixtures::run(fixtures::small_org());
  REQUIRE_FALSE(report.findings.empty());
  for (auto lang : {trygg::Language::sv, trygg::Language::nb, trygg::Language::en}) {
    const std::string md = trygg::render_markdown(report, lang);
    CHECK(md.find("seed-00") == std::string::npos);
    CHECK(md.find("Åtgärder för att förebygga") != std::string::npos);
  }
  const json j = trygg::render_json(report, trygg::Language::nb);
  bool seed_cited = false;
  for (const auto& f : j["findings"])
    for (const auto& c :
         j["rules"][j["results"][f["result"].get<std::size_t>()]["rule"].get<std::string>()]["citations"]) {
      REQUIRE(c.contains("reference"));
      const trygg::Citation cited{c["source"].get<std::string>(), c["locator"].get<std::string>(), "", std::nullopt,
                                  std::nullopt};
      CHECK(c["reference"].get<std::string>() == report.framework.cite(cited, trygg::Language::nb));
      if (c["source"].get<std::string>().rfind("seed-", 0) == 0) {
        seed_cited = true;
        CHECK(c["reference"].get<std::string>().find("seed-") == std::string::npos);
      }
    }
  CHECK(seed_cited);
}
