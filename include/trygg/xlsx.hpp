// SPDX-License-Identifier: MIT
/// \file xlsx.hpp
/// The report as an Excel workbook (docs/report-format.md, "Spreadsheet"): a summary with the
/// maturity per area and a chart, the action plan with empty owner, status and comment columns
/// for management to fill in, the findings as a person reads them, and every unit-level
/// finding. In its own library, trygg::xlsx (it needs libxlsxwriter), so that users of
/// trygg::trygg alone need nothing more.
#pragma once

#include <string>

#include "trygg/report.hpp"

namespace trygg {

struct XlsxOptions {
  Language language = Language::en;
  /// Only the legal findings (obligation law or regulation) and the plan entries that address
  /// one; the summary keeps every figure.
  bool legal_only = false;
};

/// The workbook's bytes (an .xlsx file, a zip). Write them with trygg::write_output, which
/// recognises the file as trygg's when it is replaced later. Throws trygg::Error when
/// libxlsxwriter fails (for instance, no space for its temporary files).
[[nodiscard]] std::string render_xlsx(const Report& report, const XlsxOptions& options);

}  // namespace trygg
