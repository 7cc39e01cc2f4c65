// SPDX-License-Identifier: MIT
// The message catalogue: every id a check can emit exists in sv, nb and en, with the same
// placeholders in every language.
#include <regex>
#include <set>

#include "catch.hpp"
#include "fixtures.hpp"

namespace {
std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  const std::string s(text);
  const std::regex re("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}
}  // namespace

TEST_CASE("every catalogue entry has three languages with the same placeholders", "[messages]") {
  const auto ids = trygg::catalogue_ids();
  REQUIRE(ids.size() > 100);
  for (const auto& id : ids) {
    INFO(id);
    const auto en = trygg::catalogue_text(id, trygg::Language::en);
    CHECK_FALSE(en.empty());
    CHECK_FALSE(trygg::catalogue_text(id, trygg::Language::sv).empty());
    CHECK_FALSE(trygg::catalogue_text(id, trygg::Language::nb).empty());
    CHECK(placeholders(trygg::catalogue_text(id, trygg::Language::sv)) == placeholders(en));
    CHECK(placeholders(trygg::catalogue_text(id, trygg::Language::nb)) == placeholders(en));
  }
}

TEST_CASE("every message a check declares is in the catalogue", "[messages]") {
  for (const auto& c : trygg::checks()) {
    CHECK_FALSE(c.summary.empty());
    for (const auto& id : c.messages) {
      INFO(c.name << ": " << id);
      CHECK_FALSE(trygg::catalogue_text(id, trygg::Language::en).empty());
    }
  }
}

TEST_CASE("every message in a real report renders from the catalogue", "[messages]") {
  const auto& fw = fixtures::framework();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-11-22");
  for (const char* file : {"kommun.json", "small-company.json"}) {
    const auto report = trygg::audit(
        trygg::Organisation::load(std::string(TRYGG_SOURCE_DIR "/examples/organisations/") + file, fw), fw, o);
    for (const auto& r : fixtures::views(report))
      for (const auto* m : {&r.message, &r.expected, &r.found}) {
        INFO(r.rule << " " << m->id);
        CHECK_FALSE(trygg::catalogue_text(m->id, trygg::Language::en).empty());
        for (auto lang : trygg::all_languages)
          CHECK(trygg::render(*m, lang, fw).find('{') == std::string::npos);
      }
  }
}

TEST_CASE("durations in words", "[messages]") {
  CHECK(trygg::duration_words({1, 6, 0}, trygg::Language::en) == "1 year 6 months");
  CHECK(trygg::duration_words({0, 6, 0}, trygg::Language::sv) == "6 månader");
  CHECK(trygg::duration_words({0, 0, 7}, trygg::Language::nb) == "7 dager");
}
