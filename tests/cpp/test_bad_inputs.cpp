// SPDX-License-Identifier: MIT
// The bad-input corpus (tests/data/bad/expected.json) through the C++ API: every case fails
// with exactly the first problem its entry names (file, JSON Pointer, expected, found, hint),
// and nothing is returned half-loaded. The Python suite runs the same corpus through the
// bindings and through trygg-check.
#include "catch.hpp"
#include "fixtures.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>  // getpid: a directory per test process

namespace fs = std::filesystem;
using fixtures::json;

namespace {

const fs::path bad_dir = fs::path(TRYGG_SOURCE_DIR) / "tests" / "data" / "bad";

json corpus() {
  std::ifstream in(bad_dir / "expected.json", std::ios::binary);
  REQUIRE(in);
  return json::parse(std::string(std::istreambuf_iterator<char>(in), {}))["cases"];
}

/// A case too large for the repository, made from its recipe (a sparse file of a size, or a
/// prefix, a character repeated and a suffix) in a directory of its own.
fs::path generate(const std::string& name, const json& recipe) {
  const fs::path dir = fs::temp_directory_path() / ("trygg-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  if (recipe.contains("sparse_bytes")) {
    { std::ofstream touch(path, std::ios::binary); }
    fs::resize_file(path, recipe["sparse_bytes"].get<std::uintmax_t>());
  } else {
    std::ofstream out(path, std::ios::binary);
    out << recipe["prefix"].get<std::string>();
    const std::string fill(recipe["count"].get<std::size_t>(), recipe["fill"].get<std::string>().at(0));
    out << fill << recipe["suffix"].get<std::string>();
  }
  return path;
}

trygg::LoadLimits limits_of(const json& c) {
  trygg::LoadLimits l;
  if (!c.contains("limits")) return l;
  const json& j = c["limits"];
  l.max_file_bytes = j.value("max_file_bytes", l.max_file_bytes);
  l.max_depth = j.value("max_depth", l.max_depth);
  l.max_entities = j.value("max_entities", l.max_entities);
  l.max_string_bytes = j.value("max_string_bytes", l.max_string_bytes);
  return l;
}

/// Load the case the way its kind is loaded; returns the error it raised (fails if none).
trygg::LoadError load_case(const std::string& kind, const fs::path& path, const json& c) {
  try {
    if (kind == "pack") {
      (void)trygg::Framework::with_pack_files({path});
    } else if (kind == "profile") {
      (void)trygg::apply_profile(fixtures::framework(), trygg::Profile::load(path));
    } else {
      (void)trygg::Organisation::load(path, fixtures::framework(), limits_of(c));
    }
  } catch (const trygg::LoadError& e) {
    return e;
  }
  FAIL("no LoadError for " << path);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("every bad input fails with its exact first error", "[loader][corpus]") {
  const json cases = corpus();
  REQUIRE(cases.size() >= 40);
  for (const auto& [name, c] : cases.items()) {
    DYNAMIC_SECTION(name) {
      const fs::path path = c.contains("generate") ? generate(name, c["generate"]) : bad_dir / name;
      const auto error = load_case(c.value("kind", "organisation"), path, c);
      REQUIRE_FALSE(error.diagnostics().empty());
      const trygg::Diagnostic& d = error.diagnostics().front();
      CHECK(d.file == path.string());
      CHECK(d.pointer == c["pointer"].get<std::string>());
      CHECK(d.expected == c["expected"].get<std::string>());
      CHECK(d.found == c["found"].get<std::string>());
      CHECK(d.hint == c.value("hint", ""));
      if (c.contains("generate")) {
        std::error_code ignored;
        fs::remove(path, ignored);
        fs::remove(path.parent_path(), ignored);  // only if empty: other generated cases may be there
      }
    }
  }
}

TEST_CASE("an input over a limit loads once the limit is raised", "[loader][limits]") {
  // The hints say how to raise a limit; doing so must be enough.
  const fs::path path = bad_dir / "too-many-entities.json";
  trygg::LoadLimits l;
  l.max_entities = 11;
  CHECK_THROWS_AS(trygg::Organisation::load(path, fixtures::framework(), l), trygg::LoadError);
  l.max_entities = 12;
  CHECK(trygg::Organisation::load(path, fixtures::framework(), l).units.size() == 12);

  json doc = fixtures::small_org();
  doc["name"] = std::string(5000, 'n');
  l.max_string_bytes = 4999;
  CHECK_THROWS_AS(trygg::Organisation::parse(doc.dump(), fixtures::framework(), "org.json", l), trygg::LoadError);
  l.max_string_bytes = 5000;
  CHECK(trygg::Organisation::parse(doc.dump(), fixtures::framework(), "org.json", l).name.size() == 5000);

  // Entities are counted over every list: 4 units + 3 people = 7.
  l.max_entities = 6;
  try {
    (void)trygg::Organisation::from_json(fixtures::small_org(), fixtures::framework(), "org.json", l);
    FAIL("no LoadError");
  } catch (const trygg::LoadError& e) {
    CHECK(e.diagnostics().front().pointer == "/people");
    CHECK(e.diagnostics().front().found == "7 entries up to and including this list");
  }
  l.max_entities = 7;
  CHECK(trygg::Organisation::from_json(fixtures::small_org(), fixtures::framework(), "org.json", l).people.size() == 3);
}

TEST_CASE("ids of one list may not differ only in letter case; references match exactly", "[loader]") {
  json doc = fixtures::small_org();
  doc["people"][2]["id"] = "P-1";
  try {
    (void)trygg::Organisation::from_json(doc, fixtures::framework(), "org.json");
    FAIL("no LoadError");
  } catch (const trygg::LoadError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics().front().message() ==
          "org.json: /people/2/id: expected an id that differs from the other ids of people in more than letter case, "
          "found \"P-1\", which differs only in case from \"p-1\" at /people/0/id");
  }
  // Capitals alone are fine, and a reference in another case does not resolve.
  doc = fixtures::small_org();
  doc["people"][2]["id"] = "P-3";
  CHECK(trygg::Organisation::from_json(doc, fixtures::framework()).find_person("P-3").has_value());
  doc["units"][0]["manager"] = "P-1";
  CHECK_THROWS_AS(trygg::Organisation::from_json(doc, fixtures::framework()), trygg::LoadError);
}
