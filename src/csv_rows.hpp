// SPDX-License-Identifier: MIT
// Private: the CSV report's header and rows (src/render_csv.cpp), for the report that is one
// organisation's and for the report set, which puts columns of its own in front of the same
// ones (src/render_report_set.cpp), so that both write every field the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trygg/render.hpp"

namespace trygg::detail {

/// The byte-order mark of the Excel dialect, then the header: `leading` and the report's
/// columns.
void csv_header(std::string& out, const CsvOptions& options, const std::vector<std::string_view>& leading);

/// One row per finding of `r`, each starting with the fields `leading` (one per leading column).
void csv_rows(std::string& out, const Report& r, const CsvOptions& options, const std::vector<std::string>& leading);

}  // namespace trygg::detail
