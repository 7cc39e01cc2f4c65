// SPDX-License-Identifier: MIT
// Personal identity numbers are refused without being repeated (docs/input-format.md,
// "Identity numbers are refused"), and the nesting-depth error stays short at any depth.
// Every number here is synthetic: its check digits are computed below from made-up digits.
#include "catch.hpp"
#include "fixtures.hpp"

#include "../../src/identity_number.hpp"

#include <string>

using fixtures::json;
using trygg::detail::find_identity_number;
using trygg::detail::IdentityNumber;

namespace {
/// The Luhn check digit of nine digits (Swedish numbers).
char luhn(const std::string& nine) {
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    int p = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
    sum += p > 9 ? p - 9 : p;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}
/// A synthetic Swedish number YYMMDDNNNC from YYMMDD and NNN.
std::string swedish(const std::string& yymmdd, const std::string& nnn) {
  return yymmdd + nnn + luhn(yymmdd + nnn);
}
/// The same with the check digit off by one.
std::string swedish_wrong(const std::string& yymmdd, const std::string& nnn) {
  std::string s = swedish(yymmdd, nnn);
  s.back() = static_cast<char>('0' + (s.back() - '0' + 1) % 10);
  return s;
}
/// A synthetic Norwegian number DDMMYYIIIKK; empty when these digits have no valid check
/// digits (a remainder of 10), so callers pick another individual number.
std::string norwegian(const std::string& ddmmyy, const std::string& iii) {
  const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  std::string s = ddmmyy + iii;
  for (const int* w : {w1, w2}) {
    int sum = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      sum += (s[i] - '0') * w[i];
    int k = 11 - sum % 11;
    if (k == 11) k = 0;
    if (k == 10) return {};
    s += static_cast<char>('0' + k);
  }
  return s;
}
std::string norwegian_any(const std::string& ddmmyy) {
  for (int i = 100; i < 1000; ++i)
    if (auto s = norwegian(ddmmyy, std::to_string(i)); !s.empty()) return s;
  return {};
}

/// The diagnostics of a document built from the small organisation.
std::vector<trygg::Diagnostic> errors_of(const json& doc) {
  return fixtures::load_errors(doc.dump());
}

/// No message, pointer or hint of any diagnostic repeats `secret` (or its digits alone).
void require_not_repeated(const std::vector<trygg::Diagnostic>& diagnostics, const std::string& secret) {
  std::string digits;
  for (char c : secret)
    if (c >= '0' && c <= '9') digits += c;
  for (const auto& d : diagnostics) {
    for (const std::string& text : {d.message(), d.pointer, d.found, d.expected, d.hint}) {
      CHECK(text.find(secret) == std::string::npos);
      CHECK(text.find(digits) == std::string::npos);
      CHECK(text.find(digits.substr(0, 6)) == std::string::npos);
    }
  }
}
}  // namespace

TEST_CASE("Swedish numbers are recognised in every spelling, with their check digit", "[identity]") {
  const std::string ten = swedish("900115", "123");  // 15 January (19)90
  CHECK(find_identity_number(ten) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number(ten.substr(0, 6) + "-" + ten.substr(6)) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number(ten.substr(0, 6) + "+" + ten.substr(6)) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number("19" + ten) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number("19" + ten.substr(0, 6) + "-" + ten.substr(6)) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number("anställd " + ten + " i Umeå") == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number(std::stoull(ten)) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number(std::stoull("19" + ten)) == IdentityNumber::swedish_personnummer);
  // Samordningsnummer: day + 60.
  CHECK(find_identity_number(swedish("900175", "123")) == IdentityNumber::swedish_samordningsnummer);
  // 29 February needs a leap year when the century is known.
  CHECK(find_identity_number("2000" + swedish("000229", "123").substr(2)) == IdentityNumber::swedish_personnummer);
  CHECK(find_identity_number("2001" + swedish("010229", "123").substr(2)) == IdentityNumber::none);
  CHECK(find_identity_number("1900" + swedish("000229", "123").substr(2)) == IdentityNumber::none);
}

TEST_CASE("wrong check digits, impossible dates and ordinary values are not flagged", "[identity]") {
  CHECK(find_identity_number(swedish_wrong("900115", "123")) == IdentityNumber::none);
  CHECK(find_identity_number("900115-" + swedish_wrong("900115", "123").substr(6)) == IdentityNumber::none);
  CHECK(find_identity_number(swedish("901315", "123")) == IdentityNumber::none);  // month 13
  CHECK(find_identity_number(swedish("900231", "123")) == IdentityNumber::none);  // 31 February
  CHECK(find_identity_number(swedish("900100", "123")) == IdentityNumber::none);  // day 0
  CHECK(find_identity_number(swedish("900192", "123")) == IdentityNumber::none);  // day 32 + 60
  // A digit run longer or shorter than a number is not cut into one.
  CHECK(find_identity_number("7" + swedish("900115", "123") + "7") == IdentityNumber::none);
  for (const char* ordinary : {"p-017", "2026-01-15", "u-root", "ORG-03", "P1Y6M", "4294967295", "1234567890",
                               "2026-01-15T09:00:00Z", "9999999999", "0000000000x"})
    CHECK(find_identity_number(std::string(ordinary)) == IdentityNumber::none);
  CHECK(find_identity_number(std::uint64_t{4294967295u}) == IdentityNumber::none);
  CHECK(find_identity_number(std::uint64_t{1234567890u}) == IdentityNumber::none);
  CHECK(find_identity_number(std::uint64_t{12}) == IdentityNumber::none);
}

TEST_CASE("Norwegian numbers are recognised with both check digits", "[identity]") {
  const std::string fnr = norwegian_any("150190");
  REQUIRE(fnr.size() == 11);
  CHECK(find_identity_number(fnr) == IdentityNumber::norwegian_fodselsnummer);
  CHECK(find_identity_number(std::stoull(fnr)) == IdentityNumber::norwegian_fodselsnummer);
  const std::string d = norwegian_any("550190");  // D-nummer: day + 40
  CHECK(find_identity_number(d) == IdentityNumber::norwegian_d_nummer);
  for (std::size_t at : {9u, 10u}) {
    std::string wrong = fnr;
    wrong[at] = static_cast<char>('0' + (wrong[at] - '0' + 1) % 10);
    CHECK(find_identity_number(wrong) == IdentityNumber::none);
  }
  CHECK(find_identity_number(norwegian_any("151390")) == IdentityNumber::none);  // month 13
  // H-numbers (month + 40) are deliberately not recognised (docs/input-format.md).
  CHECK(find_identity_number(norwegian_any("155190")) == IdentityNumber::none);
}

TEST_CASE("an identity number anywhere in an organisation is refused without repeating it", "[identity]") {
  const std::string pnr = swedish("850704", "456");
  const std::string dashed = pnr.substr(0, 6) + "-" + pnr.substr(6);
  const std::string fnr = norwegian_any("040785");

  SECTION("in an id field, where it is also a bad id, and as a reference") {
    json doc = fixtures::small_org();
    doc["people"][2]["id"] = dashed + " x";  // not an id either: that error must not quote it
    doc["units"][1]["manager"] = dashed;     // nor the unknown-reference error
    const auto d = errors_of(doc);
    REQUIRE(d.size() == 2);  // keys are sorted in a built document: people before units
    CHECK(d[0].pointer == "/people/2/id");
    CHECK(d[1].pointer == "/units/1/manager");
    CHECK(d[0].found ==
          "a value that looks like a Swedish personal identity number (personnummer) (not repeated here)");
    CHECK(d[0].hint == "trygg needs no personal data: use a pseudonymous id");
    require_not_repeated(d, dashed);
  }
  SECTION("in a name") {
    json doc = fixtures::small_org();
    doc["units"][0]["name"] = "Enhet för " + fnr;
    const auto d = errors_of(doc);
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/units/0/name");
    CHECK(d[0].found.find("Norwegian national identity number") != std::string::npos);
    require_not_repeated(d, fnr);
  }
  SECTION("nested deep, in an unknown key's value, and as an integer") {
    json doc = fixtures::small_org();
    doc["units"][2]["extra"] = json::array({json::object({{"a", json::array({1, 2, std::stoull(pnr)})}})});
    const auto d = errors_of(doc);
    REQUIRE(d.size() == 1);  // the unknown key is not reported: it would lead to the value
    CHECK(d[0].pointer == "/units/2/extra/0/a/2");
    require_not_repeated(d, pnr);
  }
  SECTION("as an object key: reported at its object") {
    json doc = fixtures::small_org();
    doc["units"][3][pnr] = "x";
    const auto d = errors_of(doc);
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/units/3");
    CHECK(d[0].found.rfind("a key that looks like", 0) == 0);
    require_not_repeated(d, pnr);
  }
  SECTION("in the format field, which is otherwise checked first") {
    json doc = fixtures::small_org();
    doc["format"] = dashed;
    const auto d = errors_of(doc);
    REQUIRE(d.size() == 1);
    CHECK(d[0].pointer == "/format");
    require_not_repeated(d, dashed);
  }
  SECTION("through from_json (documents built in code)") {
    json doc = fixtures::small_org();
    doc["id"] = pnr;
    try {
      (void)trygg::Organisation::from_json(doc, fixtures::framework(), "code");
      FAIL("loaded");
    } catch (const trygg::LoadError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].pointer == "/id");
      CHECK(std::string(e.what()).find(pnr) == std::string::npos);
    }
  }
  SECTION("in malformed JSON, the syntax error does not quote it") {
    const auto d = fixtures::load_errors(R"({"format": "trygg.organisation/1", "id": )" + pnr + "x}");
    REQUIRE(d.size() == 1);
    require_not_repeated(d, pnr);
  }
}

TEST_CASE("ordinary values and numbers with wrong check digits load", "[identity]") {
  json doc = fixtures::small_org();
  doc["units"][0]["name"] = "Avdelning " + swedish_wrong("850704", "456");
  doc["units"][1]["headcount"] = 1234567890;  // 10 digits, fails the check
  doc["people"][2]["id"] = "p-017";
  doc["routines"] = json::parse(R"([{"id": "r-1", "measures": ["ORG-02"], "adopted": "2026-01-15"}])");
  CHECK_NOTHROW(fixtures::load(doc));
}

TEST_CASE("the nesting-depth error names a short pointer at any depth", "[identity][limits]") {
  // 200,000 levels with the limit raised just below them: the pointer is cut, not 400 KB.
  constexpr std::size_t levels = 200'000;
  std::string text = R"({"format": "trygg.organisation/1", "units": )";
  text.append(levels, '[');
  text.append(levels, ']');
  text += "}";
  trygg::LoadLimits limits;
  limits.max_depth = levels - 10;
  try {
    (void)trygg::Organisation::parse(text, fixtures::framework(), "deep.json", limits);
    FAIL("loaded");
  } catch (const trygg::LoadError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const auto& d = e.diagnostics()[0];
    CHECK(d.pointer.size() < 1024);
    CHECK(d.pointer == "/units/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/\u2026");
    CHECK(d.found == "deeper nesting (level 199991; the pointer names the first 20)");
    CHECK(e.what() == d.message());
    CHECK(std::string(e.what()).size() < 1024);
  }
  // Above the depth, the document is read (and refused for what it is, not for its depth).
  limits.max_depth = levels + 10;
  try {
    (void)trygg::Organisation::parse(text, fixtures::framework(), "deep.json", limits);
    FAIL("loaded");
  } catch (const trygg::LoadError& e) {
    for (const auto& d : e.diagnostics())
      CHECK(d.message().size() < 1024);
  }
}

TEST_CASE("a cancellation hook stops a load and an audit", "[identity][cancel]") {
  json doc = fixtures::small_org();
  for (int i = 0; i < 5000; ++i)
    doc["units"].push_back({{"id", "u-x" + std::to_string(i)}, {"parent", "u-root"}});
  trygg::LoadLimits limits;
  int calls = 0;
  limits.cancelled = [&] { return ++calls >= 2; };
  CHECK_THROWS_AS(trygg::Organisation::parse(doc.dump(), fixtures::framework(), "big.json", limits), trygg::Cancelled);
  CHECK(calls == 2);
  calls = 0;
  limits.cancelled = [&] { return ++calls > 1000000; };
  const auto org = trygg::Organisation::parse(doc.dump(), fixtures::framework(), "big.json", limits);
  CHECK(calls > 0);
  trygg::AuditOptions options;
  options.cancelled = [] { return true; };
  CHECK_THROWS_AS(trygg::audit(org, fixtures::framework(), options), trygg::Cancelled);
}
