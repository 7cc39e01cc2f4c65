// SPDX-License-Identifier: MIT
// JsonPath, the loaders' cheap record of where a value is: spelled as a JSON Pointer only for
// a diagnostic, it must spell exactly what building the pointer step by step spelled.
#include "catch.hpp"
#include "fixtures.hpp"

#include "../../src/json_diagnostics.hpp"
#include "../../src/json_object_reader.hpp"

#include <string>
#include <vector>

using fixtures::json;
using trygg::detail::Diagnostics;
using trygg::detail::JsonNode;
using trygg::detail::JsonPath;
using trygg::detail::ObjectReader;
using trygg::detail::pointer_append;

TEST_CASE("A path spells the pointer of its steps, escaping keys as RFC 6901 says") {
  const JsonPath root;
  CHECK(root.pointer().empty());
  const JsonPath units = root.key("units");
  const JsonPath third = units.index(3);
  const JsonPath odd = third.key("a/b~c");
  CHECK(units.pointer() == "/units");
  CHECK(third.pointer() == "/units/3");
  CHECK(odd.pointer() == "/units/3/a~1b~0c");
  CHECK(odd.pointer() == pointer_append(pointer_append(pointer_append("", "units"), 3), "a/b~c"));
  const JsonPath empty_key = root.key("");
  CHECK(empty_key.pointer() == "/");
}

TEST_CASE("A path may start from a pointer already spelled") {
  const std::string base = "/params/x~1y";
  const JsonPath spelled = JsonPath::spelled(base);
  const JsonPath member = spelled.key("min");
  CHECK(spelled.pointer() == base);
  CHECK(member.pointer() == "/params/x~1y/min");
}

TEST_CASE("A reader made from a path reports at the same pointers as one made from text") {
  const json doc = json::parse(R"({"list": [{"a~b": 1, "odd": true, "ids": ["x", "y", "x"]}]})");
  const auto problems = [&](bool by_path) {
    Diagnostics d("f.json");
    const JsonNode element((doc["list"][0]));
    const JsonPath root;
    const JsonPath list = root.key("list");
    const JsonPath at = list.index(0);
    const auto read = [&](ObjectReader& r) {
      (void)r.string("a~b", true);
      (void)r.ids("ids", false);
      (void)r.count("missing", true);
    };
    if (by_path) {
      ObjectReader r(element, at, d, {"a~b", "ids", "missing"});
      read(r);
    } else {
      ObjectReader r(element, "/list/0", d, {"a~b", "ids", "missing"});
      read(r);
    }
    std::vector<std::string> pointers;
    for (const auto& p : d.take())
      pointers.push_back(p.pointer + " | " + p.expected + " | " + p.found);
    return pointers;
  };
  const auto by_path = problems(true);
  CHECK(by_path == problems(false));
  REQUIRE(by_path.size() == 4);
  CHECK(by_path[0] == "/list/0/odd | no other keys than \"a~b\", \"ids\" or \"missing\" | an unknown key \"odd\"");
  CHECK(by_path[1] == "/list/0/a~0b | a string | the number 1");
  CHECK(by_path[2] == "/list/0/ids/2 | each value at most once | a repeated string \"x\"");
  CHECK(by_path[3] == "/list/0/missing | a whole number from 0 to 4294967295 | nothing (the key is missing)");
}

TEST_CASE("Duplicates in a long list of strings are found at their position") {
  json ids = json::array();
  for (int i = 0; i < 40; ++i)
    ids.push_back("id-" + std::to_string(i));
  ids.push_back("id-17");
  const json doc{{"ids", ids}};
  Diagnostics d("f.json");
  ObjectReader r(JsonNode(doc), JsonPath(), d, {"ids"});
  CHECK_FALSE(r.id_views("ids", true).has_value());
  const auto problems = d.take();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].pointer == "/ids/40");
  CHECK(problems[0].found == "a repeated string \"id-17\"");
}
