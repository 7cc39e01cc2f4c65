// SPDX-License-Identifier: MIT
// trygg-check's `trend` and `plan import` subcommands (docs/history.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "trygg/trygg.hpp"

namespace trygg_check {

struct PlanTrendCommands {
  CLI::App* trend = nullptr;
  CLI::App* plan = nullptr;
  CLI::App* plan_import = nullptr;
  // trend
  std::vector<std::string> reports;
  std::string trend_format = "text", trend_output;
  // plan import
  std::string organisation, sheet, import_output, today;
  bool in_place = false;
  bool force = false;
};

/// Add the subcommands to `app`; `lang_text` and `pack_files` are the options main() shares.
void add_plan_trend_commands(CLI::App& app, PlanTrendCommands& c, std::string& lang_text,
                             std::vector<std::string>& pack_files, const std::vector<std::string>& languages);

/// Run the one that was given, if any: its exit code. Throws trygg::LoadError, trygg::Error
/// as the other subcommands do (main() reports them).
[[nodiscard]] std::optional<int> run_plan_trend_commands(const PlanTrendCommands& c, trygg::Language lang,
                                                         const trygg::Framework& fw,
                                                         const std::vector<std::string>& pack_files);

}  // namespace trygg_check
