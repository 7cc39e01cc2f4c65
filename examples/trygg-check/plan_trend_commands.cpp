// SPDX-License-Identifier: MIT
// trygg-check trend REPORT.json... and trygg-check plan import ORG.json PLAN.csv
// (docs/history.md, "Trends" and "The action plan's round trip").
#include "plan_trend_commands.hpp"

#include "emit.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "trygg/plan_import.hpp"
#include "trygg/render_trend.hpp"

namespace trygg_check {
namespace {

constexpr int exit_error = 2;

int run_trend(const PlanTrendCommands& c, trygg::Language lang, const trygg::Framework& fw) {
  std::vector<trygg::Snapshot> snapshots;
  for (const auto& path : c.reports)
    snapshots.push_back(trygg::Snapshot::load(path));
  const trygg::Trend t = trygg::trend(std::move(snapshots));
  const trygg::TrendOptions options{lang, &fw};
  std::string text;
  if (c.trend_format == "json")
    text = trygg::render_trend_json(t);
  else if (c.trend_format == "csv")
    text = trygg::render_trend_csv(t);
  else if (c.trend_format == "html")
    text = trygg::render_trend_html(t, options);
  else if (c.trend_format == "md")
    text = trygg::render_trend_markdown(t, options);
  else
    text = trygg::render_trend_text(t, options);
  std::vector<std::filesystem::path> inputs(c.reports.begin(), c.reports.end());
  return emit(text, c.trend_output, {inputs, c.force, true}) ? 0 : exit_error;
}

int run_plan_import(const PlanTrendCommands& c, const trygg::Framework& fw,
                    const std::vector<std::string>& pack_files) {
  if (c.in_place && !c.import_output.empty())
    throw trygg::UsageError("plan import: give --output or --in-place, not both");
  std::optional<trygg::Date> today = trygg::Date::today();
  if (!c.today.empty()) {
    today = trygg::Date::parse(c.today);
    if (!today) throw trygg::UsageError("--today: expected a calendar date YYYY-MM-DD, found \"" + c.today + "\"");
  }
  const trygg::LoadLimits limits;
  const std::string organisation = trygg::read_plan_input(c.organisation, limits.max_file_bytes);
  const std::string sheet_text = trygg::read_plan_input(c.sheet, limits.max_file_bytes);
  const auto rows = trygg::read_plan_sheet_csv(sheet_text, c.sheet);
  const std::string updated = trygg::import_action_plan(organisation, c.organisation, rows, c.sheet, fw, *today);
  std::vector<std::filesystem::path> inputs(pack_files.begin(), pack_files.end());
  inputs.emplace_back(c.sheet);
  if (c.in_place)
    // Written beside it and renamed over it: the file is the old one or the whole new one,
    // never a part. It is the user's own file, so replacing it needs no --force.
    return emit(updated, c.organisation, {inputs, true, true}) ? 0 : exit_error;
  inputs.emplace_back(c.organisation);
  return emit(updated, c.import_output, {inputs, c.force, true}) ? 0 : exit_error;
}

}  // namespace

void add_plan_trend_commands(CLI::App& app, PlanTrendCommands& c, std::string& lang_text,
                             std::vector<std::string>& pack_files, const std::vector<std::string>& languages) {
  c.trend = app.add_subcommand("trend",
                               "Show the trend over JSON reports of one organisation: maturity per area and per "
                               "measure, legal findings and plan rows done, by as-of date");
  c.trend->add_option("REPORT", c.reports, "JSON reports (trygg.report/2 or /1), in any order")->required();
  c.trend->add_option("--format", c.trend_format, "Output format")
      ->check(CLI::IsMember({"text", "json", "csv", "html", "md"}))
      ->capture_default_str();
  c.trend->add_option("--output,-o", c.trend_output, "Write to this file instead of standard output");
  c.trend->add_flag("--force", c.force, "Replace an --output file that trygg did not write, or a link");
  c.trend->add_option("--lang", lang_text, "Language (default: from the locale)")->check(CLI::IsMember(languages));
  c.trend->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable), for titles");

  c.plan = app.add_subcommand("plan", "The organisation's own action plan");
  c.plan->require_subcommand(1);
  c.plan_import = c.plan->add_subcommand(
      "import",
      "Read a filled-in action plan sheet (the xlsx report's Action plan sheet saved as CSV) back into the "
      "organisation file, checked, keeping everything else in the file");
  c.plan_import->add_option("ORG", c.organisation, "Organisation file (JSON)")->required();
  c.plan_import->add_option("PLAN", c.sheet, "The filled-in sheet as CSV (comma or semicolon, UTF-8)")->required();
  c.plan_import->add_option("--output,-o", c.import_output,
                            "Write the updated organisation to this file (default: standard output)");
  c.plan_import->add_flag("--in-place", c.in_place,
                          "Replace ORG itself (atomically: a temporary file renamed over it, only when all is valid)");
  c.plan_import->add_flag("--force", c.force, "Replace an --output file that trygg did not write, or a link");
  c.plan_import->add_option("--today", c.today,
                            "The date for rows marked done or verified, YYYY-MM-DD (default: today)");
  c.plan_import->add_option("--pack-file", pack_files, "Also load a pack from this JSON file (repeatable)");
}

std::optional<int> run_plan_trend_commands(const PlanTrendCommands& c, trygg::Language lang, const trygg::Framework& fw,
                                           const std::vector<std::string>& pack_files) {
  if (c.trend && *c.trend) return run_trend(c, lang, fw);
  if (c.plan_import && *c.plan_import) return run_plan_import(c, fw, pack_files);
  return std::nullopt;
}

}  // namespace trygg_check
