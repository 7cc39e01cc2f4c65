// SPDX-License-Identifier: MIT
/// \file report_set_xlsx.hpp
/// A report set (trygg/report_set.hpp) as one Excel workbook (docs/report-format.md, "Report
/// sets"): an overview with one row per organisation, every finding with the organisation in
/// front (the columns of the set's CSV), every organisation's action plan, the sources that
/// failed, and the peer benchmark's figures when one was made. In trygg::xlsx, with the
/// report's own workbook (trygg/xlsx.hpp), as it needs libxlsxwriter too.
#pragma once

#include <string>

#include "trygg/report_set.hpp"

namespace trygg {

/// The workbook's bytes (an .xlsx file, a zip), its sheet names and headings in `language`.
/// Write them with trygg::write_output, which recognises the file as trygg's when it is
/// replaced later. Text from the input is always a string cell, never a formula. Throws
/// trygg::Error when libxlsxwriter fails, or a sheet would need more rows than Excel has.
[[nodiscard]] std::string render_report_set_xlsx(const ReportSet& set, Language language);

}  // namespace trygg
