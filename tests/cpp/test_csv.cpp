// SPDX-License-Identifier: MIT
// The CSV report (issue 14, item 5): the machine dialect keeps its columns and gains the
// measure's title, the proposal, the citations and the unit's name at the end; the Excel
// dialect for Nordic regional settings has the same fields with a byte-order mark and ";".
#include <string>
#include <vector>

#include "catch.hpp"
#include "fixtures.hpp"

namespace {

/// A CSV text split into records and fields (every field quoted: the renderer's own form).
std::vector<std::vector<std::string>> parse(const std::string& csv, char sep) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  rows.pop_back();  // after the last CRLF
  return rows;
}

trygg::Report unnamed_units_report(const std::string& unit_name) {
  auto doc = fixtures::small_org();
  doc["units"][2]["name"] = unit_name;
  return fixtures::run(doc);
}

}  // namespace

TEST_CASE("the CSV gains title, proposal, citation and unit name after its old columns", "[csv]") {
  const auto report = unnamed_units_report("Lager");
  const auto rows = parse(trygg::render_csv(report, trygg::Language::en), ',');
  REQUIRE(rows.size() == report.findings.size() + 1);
  const std::vector<std::string> header{"fingerprint", "rule",     "measure",     "area",       "subject_kind",
                                        "subject_id",  "status",   "severity",    "obligation", "message",
                                        "expected",    "found",    "due",         "evidence",   "measure_title",
                                        "proposal",    "citation", "subject_name"};
  CHECK(rows[0] == header);
  bool unit_named = false, legal_cited = false;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    REQUIRE(row.size() == header.size());
    const trygg::Measure* m = report.framework.find_measure(row[2]);
    REQUIRE(m != nullptr);
    CHECK(row[14] == m->title.in(trygg::Language::en));
    CHECK(row[15] == m->proposal.in(trygg::Language::en));
    if (row[4] == "unit" && row[5] == "u-b") {
      CHECK(row[17] == "Lager");
      unit_named = true;
    }
    if (row[4] == "organisation") CHECK(row[17] == report.organisation_name);
    if (row[8] != "good-practice") {
      CHECK(!row[16].empty());
      legal_cited = true;
    }
  }
  CHECK(unit_named);
  CHECK(legal_cited);
}

TEST_CASE("the Excel dialect has the machine fields with a byte-order mark and semicolons", "[csv]") {
  const auto report = unnamed_units_report("Lager; \"norr\"");
  const std::string machine = trygg::render_csv(report, trygg::Language::sv);
  const std::string excel = trygg::render_csv(report, {trygg::Language::sv, trygg::CsvDialect::excel_nordic});
  CHECK(trygg::render_csv(report, {trygg::Language::sv, trygg::CsvDialect::machine}) == machine);
  REQUIRE(excel.rfind("\xEF\xBB\xBF\"fingerprint\";\"rule\";", 0) == 0);
  CHECK(machine.rfind("fingerprint,rule,", 0) == 0);
  CHECK(parse(excel.substr(3), ';') == parse(machine, ','));
  // Both are recognised as trygg's own output, so --output replaces them without --force.
  CHECK(trygg::is_trygg_output(machine));
  CHECK(trygg::is_trygg_output(excel));
  CHECK_FALSE(trygg::is_trygg_output("\xEF\xBB\xBF\"name\";\"amount\"\r\n"));
}

TEST_CASE("no CSV field starts a formula, in either dialect", "[csv]") {
  const auto report = unnamed_units_report("=HYPERLINK(\"http://example.invalid\",\"x\")");
  for (const auto dialect : {trygg::CsvDialect::machine, trygg::CsvDialect::excel_nordic}) {
    std::string csv = trygg::render_csv(report, {trygg::Language::en, dialect});
    if (dialect == trygg::CsvDialect::excel_nordic) csv = csv.substr(3);
    bool seen = false;
    for (const auto& row : parse(csv, dialect == trygg::CsvDialect::machine ? ',' : ';'))
      for (const auto& field : row) {
        CHECK_FALSE((!field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' || field[0] == '@')));
        seen = seen || field == "'=HYPERLINK(\"http://example.invalid\",\"x\")";
      }
    CHECK(seen);
  }
}
