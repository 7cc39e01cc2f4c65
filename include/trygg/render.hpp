// SPDX-License-Identifier: MIT
/// \file render.hpp
/// Renderers: the same report as terminal text, versioned JSON, or Markdown with the
/// seed 004 table ("Finns idag" / "Åtgärdsförslag") filled in.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "trygg/report.hpp"

namespace trygg {

/// Version of the JSON report schema (docs/report-format.md).
inline constexpr std::string_view report_format = "trygg.report/2";

struct TextOptions {
  Language language = Language::en;
  bool colour = false;  ///< ANSI colour; the checker turns it on only on a terminal
  int width = 80;       ///< lines are wrapped to this many columns
  /// Show only the findings of law and regulation (docs/report-format.md, "Reader views").
  bool legal_only = false;
};

[[nodiscard]] std::string render_text(const Report& report, const TextOptions& options);
/// The JSON report as text, written as it is produced (no document tree): `indent` spaces
/// per level, or one line for -1. What `trygg-check --format json` writes (indent 2).
[[nodiscard]] std::string render_json_text(const Report& report, Language language, int indent = 2);
/// The same, written to a stream in pieces, for reports too large to hold twice.
void write_json(const Report& report, Language language, std::ostream& out, int indent = 2);
/// The JSON report as a document (parsed from render_json_text), for code that edits it.
[[nodiscard]] nlohmann::json render_json(const Report& report, Language language);
/// The Markdown report. With `legal_only`, only the findings of law and regulation.
[[nodiscard]] std::string render_markdown(const Report& report, Language language, bool legal_only = false);
/// Findings as CSV (one row per finding), for spreadsheets.
[[nodiscard]] std::string render_csv(const Report& report, Language language);

/// Text from the input made safe to print on a terminal or in a log: C0 and C1 control
/// characters (escape sequences, carriage return, line feed, NUL), bidi controls
/// (U+202A-U+202E, U+2066-U+2069) and the line separators are shown as \uXXXX, and bytes that
/// are not UTF-8 as U+FFFD. The text report applies it to everything it takes from the input;
/// the checker to every error line.
[[nodiscard]] std::string terminal_safe(std::string_view text);

/// How the CSV report is written (docs/report-format.md, "CSV").
enum class CsvDialect : std::uint8_t {
  /// For programs: comma-separated, UTF-8 without a byte-order mark, CRLF line ends.
  machine,
  /// For Excel with Swedish, Norwegian (and most continental) regional settings, which open a
  /// ".csv" with ";" as the list separator and guess the encoding: a UTF-8 byte-order mark,
  /// ";" between fields, CRLF line ends. The same columns and rows as `machine`.
  excel_nordic,
};

struct CsvOptions {
  Language language = Language::en;
  CsvDialect dialect = CsvDialect::machine;
};

/// Findings as CSV (one row per finding), in the given dialect. Every field is quoted and kept
/// from starting a spreadsheet formula, in both dialects.
[[nodiscard]] std::string render_csv(const Report& report, const CsvOptions& options);

}  // namespace trygg

// --- HTML (issue 14) ---------------------------------------------------------------------------
namespace trygg {

struct HtmlOptions {
  Language language = Language::en;
  bool legal_only = false;  ///< the findings section shows only findings of law and regulation
};

/// The HTML report: one self-contained page that loads nothing (a Content-Security-Policy
/// forbids every request), works with scripts off and prints to A4 (docs/report-format.md,
/// "HTML"). Summary with the maturity chart, what to do first, the framework form, the action
/// plan, the findings (legal first, one entry per measure), the routines and the sources.
[[nodiscard]] std::string render_html(const Report& report, const HtmlOptions& options);
/// A compact HTML fragment (no page around it, its styles scoped under `.trygg-summary`) for
/// notebooks (Report._repr_html_): the organisation, the counts, the maturity per area, the
/// number of legal findings and the first five entries of the action plan.
[[nodiscard]] std::string render_html_summary(const Report& report, Language language);

}  // namespace trygg

// --- Compared with last time (issue 16) ---------------------------------------------------------
namespace trygg {

struct Snapshot;

/// Version of the JSON written by `trygg-check diff` (docs/report-format.md, "Diff").
inline constexpr std::string_view diff_format = "trygg.diff/1";

enum class DiffFormat : std::uint8_t { text, json, markdown };

/// Two reports compared (`trygg-check diff OLD NEW`): each finding of `newer` with its change
/// against `older`, the resolved ones, and the counts per area and per severity. `comparison`
/// is compare(older, newer). Area titles come from the built-in framework where it has them.
[[nodiscard]] std::string render_diff(const Snapshot& older, const Snapshot& newer, const Comparison& comparison,
                                      DiffFormat format, Language language);

/// New findings (Change::added) with a status that counts (fail, partial, not assessed: not
/// waived) at or above `threshold`: what --fail-on-new gates on.
[[nodiscard]] std::size_t count_new_at_or_above(const Snapshot& newer, const Comparison& comparison,
                                                Severity threshold);
/// The same for a report compared with its baseline; 0 when it was not compared.
[[nodiscard]] std::size_t count_new_at_or_above(const Report& report, Severity threshold);

}  // namespace trygg
