// SPDX-License-Identifier: MIT
/// \file render_trend.hpp
/// The trend over reports of one organisation (history.hpp, trend()) in every format
/// (docs/report-format.md, "Trend"): per as-of date the maturity per area and per measure,
/// the findings against law and regulation, and the rows of the organisation's own action
/// plan done.
#pragma once

#include <string>

#include "trygg/framework.hpp"
#include "trygg/history.hpp"
#include "trygg/types.hpp"

namespace trygg {

struct TrendOptions {
  Language language = Language::en;
  /// Where the titles of areas and measures come from; nullptr: ids only.
  const Framework* framework = nullptr;
};

/// A table per kind for a terminal.
[[nodiscard]] std::string render_trend_text(const Trend& trend, const TrendOptions& options = {});
/// GitHub-flavoured Markdown tables.
[[nodiscard]] std::string render_trend_markdown(const Trend& trend, const TrendOptions& options = {});
/// One self-contained HTML page: an SVG line chart of the maturity per area over the dates,
/// one line per area, and the same figures as tables.
[[nodiscard]] std::string render_trend_html(const Trend& trend, const TrendOptions& options = {});
/// Format trygg.trend/1 (data/schema/trend-1.schema.json), two-space indented, final newline.
[[nodiscard]] std::string render_trend_json(const Trend& trend);
/// Tidy CSV: as_of, kind (area, measure, legal_findings, plan_done, plan_items), id, value.
[[nodiscard]] std::string render_trend_csv(const Trend& trend);

}  // namespace trygg
