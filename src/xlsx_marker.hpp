// SPDX-License-Identifier: MIT
// Private: how a spreadsheet report says that trygg wrote it. render_xlsx (src/render_xlsx.cpp)
// sets it as the zip archive's comment, which zip stores uncompressed in the
// end-of-central-directory record at the very end of the file; is_trygg_output
// (src/output_file.cpp) looks for it there, so a report can be replaced without --force.
#pragma once

#include <cstddef>
#include <string_view>

namespace trygg::detail {

inline constexpr std::string_view xlsx_marker = "trygg.report/xlsx";
/// Size of the end-of-central-directory record without its comment; the comment's length is
/// the little-endian 16-bit number at offset 20.
inline constexpr std::size_t zip_end_record = 22;

}  // namespace trygg::detail
