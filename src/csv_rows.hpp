// SPDX-License-Identifier: MIT
// Private: the CSV report's header and rows (src/render_csv.cpp), for the report that is one
// organisation's and for the report set, which puts columns of its own in front of the same
// ones (src/render_report_set.cpp), so that both write every field the same way. The report
// set's workbook (src/render_report_set_xlsx.cpp) takes its Findings sheet from the same
// columns and fields, so the sheet and the CSV cannot drift apart.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/render.hpp"

namespace trygg::detail {

/// One column of the report's rows: its name in the CSV header and the message id of its
/// heading in a spreadsheet.
struct FindingColumn {
  std::string_view name;
  std::string_view heading;
};

/// The report's columns, in order (new ones only ever at the end).
[[nodiscard]] std::span<const FindingColumn> finding_columns() noexcept;

/// Calls `row` once per finding of `r`, in order, with its fields: one per finding_columns(),
/// as text in `language` where a field is prose, unescaped.
void finding_fields(const Report& r, Language language, const std::function<void(std::span<const std::string>)>& row);

/// The byte-order mark of the Excel dialect, then the header: `leading` and the report's
/// columns.
void csv_header(std::string& out, const CsvOptions& options, const std::vector<std::string_view>& leading);

/// One row per finding of `r`, each starting with the fields `leading` (one per leading column).
void csv_rows(std::string& out, const Report& r, const CsvOptions& options, const std::vector<std::string>& leading);

}  // namespace trygg::detail
