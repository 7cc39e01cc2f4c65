// SPDX-License-Identifier: MIT
// Private: the action plan as rows of a sheet, with empty owner, status and comment columns
// for management to fill in. The report's workbook (src/render_xlsx.cpp) and the report set's
// (src/render_report_set_xlsx.cpp, with the organisation in front) write the same rows, so a
// plan reads the same in both and the plan round trip of issue 16 can read either.
#pragma once

#include <cstddef>
#include <vector>

#include "trygg/report.hpp"
#include "xlsx_book.hpp"

namespace trygg::detail::xlsx {

/// The plan's columns, in their fixed order (docs/report-format.md, "Spreadsheet").
[[nodiscard]] std::vector<Column> plan_columns(const Book& b);
/// Position of the status column among plan_columns().
inline constexpr std::size_t plan_status_column = 9;

/// Plan entry `entry` of `r` in `row`, its first column at `first`.
void plan_row(Book& b, lxw_worksheet* ws, lxw_row_t row, lxw_col_t first, const Report& r, std::size_t entry);

/// The status drop-down (the plan's own words, in the book's language) over rows 1 to `rows`
/// of column `col`. Nothing when there are no rows.
void plan_status_list(Book& b, lxw_worksheet* ws, std::size_t rows, lxw_col_t col);

}  // namespace trygg::detail::xlsx
