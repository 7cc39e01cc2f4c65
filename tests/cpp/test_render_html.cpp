// SPDX-License-Identifier: MIT
// The HTML report (issue 14): input text cannot add markup, the page loads nothing, its
// language is set, its findings put the legal ones first, its headings are in order, and the
// checker may replace a report it wrote.
#include <fstream>
#include <regex>

#include "catch.hpp"
#include "fixtures.hpp"
#include "html_writer.hpp"
#include "trygg/output_file.hpp"
#include "trygg/render.hpp"

namespace {
using fixtures::json;

/// The kommun example with a name and unit names that try to add markup and reorder text. Its
/// unit-level findings list every unit behind a disclosure, so the names are all written.
json hostile_org() {
  std::ifstream in(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json");
  json doc = json::parse(in);
  doc["name"] =
      "<script>alert(1)</script>\"><img src=x onerror=alert(2)> \xE2\x80\xAE"
      "evil";
  int i = 0;
  for (auto& unit : doc["units"])
    unit["name"] = "\"><img src=x onerror=alert(" + std::to_string(i++) + ")>\xE2\x81\xA6";
  return doc;
}

/// Every start tag's name and its attributes as written.
struct Tag {
  std::string name, attrs;
  std::size_t at;
};
std::vector<Tag> tags(const std::string& html) {
  std::vector<Tag> out;
  static const std::regex tag(R"(<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it)
    out.push_back({(*it)[1].str(), (*it)[2].str(), static_cast<std::size_t>(it->position())});
  return out;
}
}  // namespace

TEST_CASE("the HTML escaper leaves no markup, no control and no bad UTF-8", "[html]") {
  namespace h = trygg::detail::html;
  CHECK(h::escaped("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  CHECK(h::escaped("\x1b[31m") == "\\u001b[31m");
  CHECK(h::escaped("a\xE2\x80\xAE"
                   "b\xE2\x81\xA6") == "a\\u202eb\\u2066");
  CHECK(h::escaped("line\nbreak\ttab") == "line break tab");
  CHECK(h::escaped("\xC3\xA5\xC3\xA4\xC3\xB6") == "\xC3\xA5\xC3\xA4\xC3\xB6");  // åäö stay
  CHECK(h::escaped("bad \xFF\xC3 end") == "bad \xEF\xBF\xBD\xEF\xBF\xBD end");
  CHECK(h::escaped("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // an overlong "/"
}

TEST_CASE("pack prose shows code spans as code, escaped", "[html]") {
  namespace h = trygg::detail::html;
  std::string out;
  h::prose(out, "Run `trygg-check document --kind <x>` and `b` then ` alone");
  CHECK(out == "Run <code>trygg-check document --kind &lt;x&gt;</code> and <code>b</code> then ` alone");
}

TEST_CASE("names from the input cannot add markup to the HTML report", "[html]") {
  const trygg::Report r = fixtures::run(hostile_org(), "2026-03-01");
  const std::string html = trygg::render_html(r, {trygg::Language::en, false});
  for (const auto& t : tags(html)) {
    INFO(t.name << t.attrs);
    CHECK(t.name != "script");
    CHECK(t.name != "img");
    CHECK(t.attrs.find("onerror") == std::string::npos);
  }
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") !=
        std::string::npos);
  // The unit names are listed, escaped, behind the disclosure of their finding.
  CHECK(html.find("<details>") != std::string::npos);
  CHECK(html.find("&quot;&gt;&lt;img src=x onerror=alert(5)&gt;\\u2066") != std::string::npos);
  // Bidi controls are shown, never applied.
  CHECK(html.find("\xE2\x80\xAE") == std::string::npos);
  CHECK(html.find("\xE2\x81\xA6") == std::string::npos);
  CHECK(html.find("\\u202eevil") != std::string::npos);
  // The notebook summary escapes the same way.
  const std::string fragment = trygg::render_html_summary(r, trygg::Language::sv);
  CHECK(fragment.find("<script") == std::string::npos);
  CHECK(fragment.find("&lt;script&gt;") != std::string::npos);
  CHECK(fragment.rfind("<div class=\"trygg-summary\" lang=\"sv\">", 0) == 0);
  CHECK(fragment.find("<html") == std::string::npos);
}

TEST_CASE("the HTML report sets its language and forbids every load", "[html]") {
  const trygg::Report r = fixtures::run(fixtures::small_org());
  for (const auto lang : trygg::all_languages) {
    const std::string html = trygg::render_html(r, {lang, false});
    const std::string code(trygg::to_string(lang));
    INFO(code);
    CHECK(html.rfind("<!doctype html>\n<html lang=\"" + code + "\">", 0) == 0);
    CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'; img-src data:;") != std::string::npos);
    CHECK(html.find("<meta name=\"generator\" content=\"trygg ") < 200);
    CHECK(html.find("<h1>" + trygg::render(trygg::Message{"report.title"}, lang) + "</h1>") != std::string::npos);
  }
}

TEST_CASE("the HTML report links only its sources, and loads nothing", "[html]") {
  const auto& fw = fixtures::framework();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-03-01");
  const trygg::Report r =
      trygg::audit(trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw), fw, o);
  const std::string html = trygg::render_html(r, {trygg::Language::sv, false});
  const std::size_t sources = html.find("<section id=\"sources\"");
  REQUIRE(sources != std::string::npos);
  std::size_t links = 0;
  static const std::regex attr(R"(\b(src|href|xlink:href|srcset|action|poster|data)\s*=\s*"([^"]*)\")");
  for (const auto& t : tags(html)) {
    for (auto it = std::sregex_iterator(t.attrs.begin(), t.attrs.end(), attr); it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1], value = (*it)[2];
      INFO(t.name << " " << name << "=" << value);
      CHECK(name == "href");
      if (value.rfind("#", 0) == 0) continue;  // within the page
      CHECK(t.name == "a");
      CHECK(t.at > sources);
      CHECK((value.rfind("https://", 0) == 0 || value.rfind("http://", 0) == 0));
      ++links;
    }
    CHECK(t.name != "link");
    CHECK(t.name != "script");
    CHECK(t.name != "iframe");
  }
  CHECK(links > 0);  // the sources' links are there
  // Code spans of the packs' proposals are code, not backticks.
  CHECK(html.find('`') == std::string::npos);
  CHECK(html.find("<code>trygg-check document --kind dl-active-measures</code>") != std::string::npos);
}

TEST_CASE("the HTML report puts legal findings first and its headings in order", "[html]") {
  const auto& fw = fixtures::framework();
  trygg::AuditOptions o;
  o.as_of = trygg::Date::parse("2026-03-01");
  const trygg::Report r =
      trygg::audit(trygg::Organisation::load(TRYGG_SOURCE_DIR "/examples/organisations/kommun.json", fw), fw, o);
  const std::string html = trygg::render_html(r, {trygg::Language::en, false});
  const std::size_t legal = html.find("<h3 id=\"legal\">"), good = html.find("<h3 id=\"good-practice\">");
  REQUIRE(legal != std::string::npos);
  REQUIRE(good != std::string::npos);
  CHECK(legal < good);
  const std::size_t first_legal = html.find("<article class=\"entry legal\"");
  const std::size_t last_legal = html.rfind("<article class=\"entry legal\"");
  const std::size_t first_good = html.find("<article class=\"entry\"");
  REQUIRE(first_legal != std::string::npos);
  REQUIRE(first_good != std::string::npos);
  CHECK(legal < first_legal);
  CHECK(last_legal < good);
  CHECK(good < first_good);

  int previous = 0, h1 = 0;
  for (const auto& t : tags(html)) {
    if (t.name.size() != 2 || t.name[0] != 'h' || t.name[1] < '1' || t.name[1] > '6') continue;
    const int level = t.name[1] - '0';
    INFO("heading " << t.name << " at " << t.at);
    CHECK(level <= previous + 1);  // never a skipped level
    h1 += level == 1;
    previous = level;
  }
  CHECK(h1 == 1);
  // Every section starts with its h2, and every table has column headers.
  CHECK(std::regex_search(html, std::regex(R"(<section id="summary"[^>]*>\n<h2)")));
  CHECK(html.find("<table class=\"maturity\" id=\"maturity\"><caption>") != std::string::npos);
  CHECK(html.find("<table class=\"plan\" id=\"action-plan\"><thead><tr><th scope=\"col\"") != std::string::npos);
  CHECK(html.find("<th scope=\"col\"") != std::string::npos);

  // Only legal findings when asked: no good-practice entry, and the page says how many it left out.
  const std::string legal_only = trygg::render_html(r, {trygg::Language::en, true});
  CHECK(legal_only.find("<article class=\"entry legal\"") != std::string::npos);
  CHECK(legal_only.find("<article class=\"entry\"") == std::string::npos);
  CHECK(legal_only.find("are not shown") != std::string::npos);
}

TEST_CASE("a trygg HTML report may be replaced without --force, other HTML not", "[html][output]") {
  const trygg::Report r = fixtures::run(fixtures::small_org());
  for (const auto lang : trygg::all_languages)
    CHECK(trygg::is_trygg_output(trygg::render_html(r, {lang, false})));
  CHECK_FALSE(
      trygg::is_trygg_output("<!doctype html>\n<html lang=\"en\"><head><title>my notes</title></head></html>\n"));
  CHECK_FALSE(trygg::is_trygg_output("<!doctype html>\n<p>mentions trygg</p>\n"));
  // The generator tag far down a page someone else wrote does not count.
  CHECK_FALSE(trygg::is_trygg_output("<!doctype html>\n" + std::string(600, ' ') +
                                     "<meta name=\"generator\" content=\"trygg 1\">\n"));
}
