// SPDX-License-Identifier: MIT
// The loader: every error with file, JSON Pointer, expected and found; all errors in one
// pass; never a half-loaded organisation.
#include "catch.hpp"
#include "fixtures.hpp"
#include "trygg/detail/id_index.hpp"

#include <fstream>
#include <functional>
#include <iterator>

using fixtures::json;
using fixtures::load_errors;

namespace {
std::string only_message(const std::string& text) {
  const auto d = load_errors(text);
  REQUIRE(d.size() == 1);
  return d.front().message();
}
std::string with(const std::function<void(json&)>& edit) {
  json doc = fixtures::small_org();
  edit(doc);
  return doc.dump();
}
}  // namespace

TEST_CASE("a valid organisation loads completely", "[loader]") {
  const auto org = fixtures::load(fixtures::small_org());
  CHECK(org.id == "org-test");
  CHECK(org.units.size() == 4);
  CHECK(org.units[org.root()].id == "u-root");
  CHECK(org.units[3].parent == 2);
  CHECK(org.units[0].manager == 0);
  CHECK(org.total_headcount() == 100u);
  CHECK(org.find_unit("u-b1") == 3u);
  CHECK(org.has_routines);
  CHECK_FALSE(org.has_surveys);
}

TEST_CASE("to_json round-trips", "[loader]") {
  json doc = fixtures::small_org();
  doc["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-03"], "elements": ["investigator"],
    "written": true, "owner": "p-3", "adopted": "2025-01-10", "participation": ["employees"],
    "communicated": {"date": "2025-02-01", "channels": ["intranet"]},
    "effect_followed_up": {"date": "2026-01-15", "method": "survey"}}])");
  const auto once = fixtures::load(doc).to_json();
  const auto twice = fixtures::load(once).to_json();
  CHECK(once == twice);
  CHECK(once["routines"][0]["elements"] == json::array({"investigator"}));
}

TEST_CASE("malformed JSON gives line and column", "[loader]") {
  const auto d = load_errors("{\n  \"format\": \"trygg.organisation/1\",\n  \"id\": tru\n}");
  REQUIRE(d.size() == 1);
  CHECK(d[0].line == 3);
  CHECK(d[0].column == 12);  // the newline after "tru", where the parser gives up
  CHECK(d[0].expected == "well-formed JSON");
  CHECK(d[0].message() ==
        "bad.json:3:12: /id: expected well-formed JSON, found syntax error while parsing value - invalid literal; "
        "last read: '\"id\": tru<U+000A>'");
}

TEST_CASE("empty file, byte-order mark, non-object root, truncation", "[loader]") {
  CHECK(only_message("") == "bad.json: (root): expected a JSON object, found an empty file");
  CHECK(only_message("\xEF\xBB\xBF{}") ==
        "bad.json:1:1: (root): expected UTF-8 text without a byte-order mark, found a byte-order mark (EF BB BF) "
        "(save the file as UTF-8 without BOM)");
  CHECK(only_message("[1, 2]") == "bad.json: (root): expected an organisation object, found an array");
  const auto d = load_errors(R"({"format": "trygg.organisation/1", "units": [)");
  REQUIRE(d.size() == 1);
  CHECK(d[0].expected == "well-formed JSON");
  CHECK(d[0].line == 1);
}

TEST_CASE("invalid UTF-8 is a parse error", "[loader]") {
  const auto d = load_errors("{\"id\": \"a\xFF\"}");
  REQUIRE(d.size() == 1);
  CHECK(d[0].expected == "well-formed JSON");
  CHECK(d[0].found.find("UTF-8") != std::string::npos);
}

TEST_CASE("duplicate keys are refused with their pointer", "[loader]") {
  CHECK(only_message(R"({"units": [{"id": "u", "id": "v"}]})") ==
        "bad.json: /units/0/id: expected each key at most once in an object, found a duplicate key \"id\"");
}

TEST_CASE("nesting beyond the limit is refused", "[loader]") {
  std::string deep(200, '[');
  deep += std::string(200, ']');
  const auto d = load_errors(R"({"units": )" + deep + "}");
  REQUIRE(d.size() == 1);
  CHECK(d[0].expected == "nesting of at most 64 levels");
  CHECK(d[0].pointer.rfind("/units/0/0/0", 0) == 0);
}

TEST_CASE("a wrong format version stops before field checks", "[loader]") {
  CHECK(only_message(R"({"format": "trygg.organisation/2", "bogus": 1})") ==
        "bad.json: /format: expected \"trygg.organisation/1\", found the string \"trygg.organisation/2\" "
        "(this version of trygg reads format version 1 only)");
}

TEST_CASE("unknown keys get a did-you-mean", "[loader]") {
  const auto m = only_message(with([](json& d) { d["units"][1]["headcont"] = 3; }));
  CHECK(m ==
        "bad.json: /units/1/headcont: expected no other keys than \"headcount\", \"id\", \"manager\", \"name\", "
        "\"parent\" or \"workplace\", found an unknown key \"headcont\" (did you mean \"headcount\"?)");
}

TEST_CASE("wrong types, missing fields and negative counts", "[loader]") {
  CHECK(only_message(with([](json& d) { d["units"][0]["headcount"] = -3; })) ==
        "bad.json: /units/0/headcount: expected a whole number from 0 to 4294967295, found the number -3");
  CHECK(only_message(with([](json& d) { d["units"][0]["headcount"] = 1e12; })) ==
        "bad.json: /units/0/headcount: expected a whole number from 0 to 4294967295, found the number 1000000000000.0");
  CHECK(only_message(with([](json& d) { d.erase("country"); })) ==
        "bad.json: /country: expected an ISO 3166-1 alpha-2 country code such as \"SE\", found nothing (the key is "
        "missing)");
  // A unit without a valid id also leaves the references to it dangling: both are reported.
  const auto d = load_errors(with([](json& d) { d["units"][2]["id"] = 7; }));
  REQUIRE(d.size() == 2);
  CHECK(d[0].message() ==
        "bad.json: /units/2/id: expected an id (1-64 ASCII letters, digits, '.', '_' or '-'), found the number 7");
  CHECK(d[1].pointer == "/units/3/parent");
}

TEST_CASE("impossible dates and bad durations", "[loader]") {
  CHECK(only_message(with([](json& d) {
          d["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-03"], "adopted": "2026-02-30"}])");
        })) == "bad.json: /routines/0/adopted: expected a calendar date YYYY-MM-DD, found the string \"2026-02-30\"");
  CHECK(only_message(with([](json& d) {
          d["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-03"], "review_interval": "1 year"}])");
        })) ==
        "bad.json: /routines/0/review_interval: expected an ISO 8601 duration such as \"P1Y\", \"P6M\" or \"P7D\", "
        "found the string \"1 year\"");
}

TEST_CASE("duplicate ids and dangling references", "[loader]") {
  const auto dup = load_errors(with([](json& d) { d["units"][2]["id"] = "u-a"; }));
  REQUIRE(dup.size() == 2);  // the duplicate, and u-b1's parent "u-b" that no longer exists
  CHECK(dup[0].message() ==
        "bad.json: /units/2/id: expected an id not used by another entry of units, found \"u-a\", also at /units/1/id");
  CHECK(dup[1].pointer == "/units/3/parent");
  CHECK(only_message(with([](json& d) { d["units"][1]["manager"] = "p-9"; })) ==
        "bad.json: /units/1/manager: expected the id of a person, found \"p-9\", which no person has (did you mean "
        "\"p-1\"?)");
  CHECK(only_message(with([](json& d) { d["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-3"]}])"); })) ==
        "bad.json: /routines/0/measures/0: expected the id of a measure in the framework, found the string "
        "\"ORG-3\" (did you mean \"ORG-03\"?)");
  CHECK(only_message(with([](json& d) {
          d["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-03"], "elements": ["investigatr"]}])");
        })) ==
        "bad.json: /routines/0/elements/0: expected an element of the routine's measures, found the string "
        "\"investigatr\" (did you mean \"investigator\"?)");
}

TEST_CASE("cycles in the unit tree are named", "[loader]") {
  CHECK(only_message(with([](json& d) { d["units"][3]["parent"] = "u-b1"; })) ==
        "bad.json: /units/3/parent: expected a parent chain that ends at the root, found a unit that is its own "
        "parent");
  const auto d = load_errors(with([](json& d) {
    d["units"][1]["parent"] = "u-b1";
    d["units"][2]["parent"] = "u-a";
  }));
  REQUIRE(d.size() == 1);
  CHECK(d[0].found == "the cycle u-a -> u-b1 -> u-b -> u-a");
}

TEST_CASE("two roots are refused", "[loader]") {
  CHECK(only_message(with([](json& d) { d["units"][2]["parent"] = nullptr; })) ==
        "bad.json: /units/2/parent: expected exactly one unit without a parent (the root), found 2 units without a "
        "parent, the first \"u-root\"");
}

TEST_CASE("every problem is reported in one pass, capped", "[loader]") {
  const auto d = load_errors(with([](json& d) {
    d["units"][0]["headcount"] = "ten";
    d["units"][1]["workplace"] = "yes";
    d["people"][2]["roles"] = json::array({"hr"});
    d["extra"] = true;
  }));
  CHECK(d.size() == 4);
  json many = fixtures::small_org();
  for (int i = 0; i < 300; ++i)
    many["units"].push_back({{"id", "x" + std::to_string(i)}, {"parent", "nope"}});
  try {
    (void)trygg::Organisation::parse(many.dump(), fixtures::framework(), "bad.json");
    FAIL("expected a LoadError");
  } catch (const trygg::LoadError& e) {
    CHECK(e.diagnostics().size() == 100);
    CHECK(e.total_count() == 300);
  }
}

TEST_CASE("files: missing, too large", "[loader]") {
  CHECK_THROWS_AS(trygg::Organisation::load("/nonexistent/org.json", fixtures::framework()), trygg::LoadError);
  trygg::LoadLimits tiny;
  tiny.max_file_bytes = 10;
  try {
    (void)trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/small-company.json",
                                    fixtures::framework(), tiny);
    FAIL("expected a LoadError");
  } catch (const trygg::LoadError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].expected == "a file of at most 10 bytes");
  }
}

TEST_CASE("review fixes: empty lists, country, cascades, pointers, overflow, UTF-8", "[loader]") {
  // An empty unit list would read as "none" but mean "everything": refused, with a hint.
  CHECK(only_message(with(
            [](json& d) { d["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-03"], "units": []}])"); })) ==
        "bad.json: /routines/0/units: expected at least one unit, found an empty array (leave the key out to "
        "mean the whole organisation)");
  CHECK(only_message(with([](json& d) { d["country"] = ""; })) ==
        "bad.json: /country: expected an ISO 3166-1 alpha-2 country code such as \"SE\", found the string \"\"");
  // One bad measure id does not make every element an error too.
  const auto d = load_errors(with([](json& d) {
    d["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-03", "nope"], "elements": ["investigator"]}])");
  }));
  REQUIRE(d.size() == 1);
  CHECK(d[0].pointer == "/routines/0/measures/1");
  // A syntax error before the next key is read points at the object, not the previous key.
  const auto s = load_errors(R"({"format": "trygg.organisation/1", "un)");
  REQUIRE(s.size() == 1);
  CHECK(s[0].pointer == "");
  const auto n = load_errors(R"({"units": [{"id": "u", "headcount": 1e400}]})");
  REQUIRE(n.size() == 1);
  CHECK(n[0].pointer == "/units/0/headcount");
  CHECK(n[0].found == "a number too large to represent (number overflow parsing '1e400')");
  // Echoed input is cut at a character boundary.
  std::string long_name;
  for (int i = 0; i < 60; ++i)
    long_name += "\xC3\x85";  // "Å"
  const auto u = load_errors(with([&](json& d) { d["country"] = long_name; }));
  REQUIRE(u.size() == 1);
  CHECK(u[0].found == "the string \"" + long_name.substr(0, 80) + "...\"");
}

TEST_CASE("pointers stay exact for keys with control characters; messages stay printable", "[loader]") {
  const auto d = load_errors(with([](json& d) { d["units"][0]["\x1f~"] = 1; }));
  REQUIRE(d.size() == 1);
  CHECK(d[0].pointer == "/units/0/\x1f~0");
  CHECK(d[0].message().find("/units/0/?~0: expected no other keys") != std::string::npos);
}

namespace {
/// The outcome of loading: the organisation's document form, or every error message.
std::string outcome(const std::function<trygg::Organisation()>& load) {
  try {
    return load().to_json().dump();
  } catch (const trygg::LoadError& e) {
    std::string s = "error:";
    for (const auto& d : e.diagnostics())
      s += "\n" + d.message();
    return s;
  }
}

/// Text is read by simdjson first (fast) and by the strict parser when that finds anything;
/// a document built in code is walked directly. All three must agree on every input.
void check_paths_agree(const std::string& text) {
  const std::string from_text = outcome([&] { return trygg::Organisation::parse(text, fixtures::framework(), "t"); });
  nlohmann::json dom;
  bool dom_ok = false;
  try {
    dom = nlohmann::json::parse(text);  // keeps the last of duplicate keys: compared only when there are none
    dom_ok = true;
  } catch (const nlohmann::json::exception&) {
  }
  INFO(text.substr(0, 200));
  if (dom_ok && text.find("\"dup\"") == std::string::npos) {
    const std::string from_dom =
        outcome([&] { return trygg::Organisation::from_json(dom, fixtures::framework(), "t"); });
    // Same verdict; the same messages unless the text itself is malformed.
    CHECK((from_text.rfind("error:", 0) == 0) == (from_dom.rfind("error:", 0) == 0));
    if (from_text.rfind("error:", 0) != 0) CHECK(from_text == from_dom);
  }
  if (!dom_ok) CHECK(from_text.rfind("error:", 0) == 0);
}
}  // namespace

TEST_CASE("the fast and the strict parse agree on tricky and valid input", "[loader]") {
  // The bundled examples, as written and compacted.
  for (const char* name : {"kommun.json", "small-company.json"}) {
    std::ifstream in(std::string(TRYGG_SOURCE_DIR "/examples/organisations/") + name, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(!text.empty());
    check_paths_agree(text);
    check_paths_agree(nlohmann::json::parse(text).dump());
  }
  const std::string base = fixtures::small_org().dump();
  const auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = base;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  // Numbers at the edges of a count and of what each parser represents.
  for (const char* n :
       {"0", "-0", "4294967295", "4294967296", "-1", "1.0", "1e2", "9223372036854775807", "9223372036854775808",
        "18446744073709551615", "18446744073709551616", "1e400", "-1e400", "0.5", "1E-400"})
    check_paths_agree(replaced("\"headcount\":10", std::string("\"headcount\":") + n));
  // Strings: escapes, surrogates (paired, lone high, lone low), control characters.
  for (const char* name : {R"("a\u00e5b")", R"("\ud83d\ude00")", R"("\ud800")", R"("\udc00")", R"("\ud800x")",
                           R"("a\u0000b")", "\"a\tb\"", R"("\/")"})
    check_paths_agree(replaced("\"id\":\"org-test\"", std::string("\"id\":\"org-test\",\"name\":") + name));
  // Duplicate keys at the root and deep inside; the strict parser's message must win.
  const std::string dup_root = replaced("\"id\":\"org-test\"", "\"id\":\"org-test\",\"id\":\"org-test\"");
  const std::string dup_unit = replaced("\"headcount\":10", "\"headcount\":10,\"headcount\":10");
  for (const auto& text : {dup_root, dup_unit}) {
    const auto d = fixtures::load_errors(text);
    REQUIRE(d.size() == 1);
    CHECK(d.front().found.find("a duplicate key") == 0);
  }
  CHECK(fixtures::load_errors(dup_unit).front().pointer == "/units/0/headcount");
  // Nesting inside a known key, at and beyond the depth limit.
  for (int depth : {60, 63, 64, 65, 200})
    check_paths_agree(replaced("\"id\":\"org-test\"",
                               "\"id\":\"org-test\",\"name\":" + std::string(depth, '[') + std::string(depth, ']')));
  // Trailing content and whitespace.
  check_paths_agree(base + "  \n");
  check_paths_agree(base + " {}");
}

TEST_CASE("the id index finds every id, keeps the first of a repeated one, and grows", "[loader]") {
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i)
    ids.push_back("u-" + std::to_string(i));
  const auto key_of = [&](trygg::detail::IdIndex::Index i) -> std::string_view { return ids[i]; };
  trygg::detail::IdIndex index;
  index.reset(10);  // far fewer than inserted: it must grow and keep every entry
  for (trygg::detail::IdIndex::Index i = 0; i < ids.size(); ++i)
    CHECK(index.insert(ids[i], i, key_of) == std::pair{i, true});
  CHECK(index.size() == ids.size());
  for (trygg::detail::IdIndex::Index i = 0; i < ids.size(); ++i)
    CHECK(index.find(ids[i], key_of) == i);
  CHECK(index.insert("u-7", 999, key_of) == std::pair<trygg::detail::IdIndex::Index, bool>{7, false});
  CHECK(index.find("u-1000", key_of) == trygg::detail::IdIndex::none);
  CHECK(index.find("", key_of) == trygg::detail::IdIndex::none);
  const trygg::detail::IdIndex empty;
  CHECK(empty.find("u-1", key_of) == trygg::detail::IdIndex::none);
}

TEST_CASE("a file is parsed in place and loads as the same text does", "[loader]") {
  const auto path = std::string(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json");
  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto from_file = trygg::Organisation::load(path, fixtures::framework());
  const auto from_text = trygg::Organisation::parse(text, fixtures::framework(), path);
  CHECK(from_file.to_json() == from_text.to_json());
  CHECK(from_file.find_unit(from_file.units.back().id) == from_file.units.size() - 1);
}
