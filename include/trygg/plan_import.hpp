// SPDX-License-Identifier: MIT
/// \file plan_import.hpp
/// The action plan's round trip (docs/history.md): the xlsx report's Action plan sheet, filled
/// in by management (owner, status, comment) and saved as it is or as CSV, read back into the
/// organisation file's own `action_plan`, validated, with everything else in the file kept.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/framework.hpp"

namespace trygg {

/// One row of a filled-in Action plan sheet (docs/report-format.md, "The filled-in action
/// plan"): the cells the import reads, as text. Columns are by position, never by header.
struct PlanSheetRow {
  std::size_t row = 0;       ///< the sheet's row number as a spreadsheet shows it (the header is row 1)
  std::string measure;       ///< B: measure id, the key of the row
  std::string title;         ///< C: measure title (the title of a new plan row)
  std::string due;           ///< F: the proposal's due date, YYYY-MM-DD or DD.MM.YYYY (a new row's due)
  std::string fingerprints;  ///< H: fingerprints separated by spaces, perhaps ending in "+N"
  std::string owner;         ///< I: person id of the owner
  std::string status;        ///< J: a drop-down word (messages xlsx.plan-status.*), in sv, nb or en
  std::string comment;       ///< K: management's comment
};

/// The whole text of an input of the import (the organisation file, a CSV sheet), read as the
/// loaders read files: a LoadError naming it when it is missing, not a regular file, or larger
/// than `max_bytes`.
[[nodiscard]] std::string read_plan_input(const std::filesystem::path& path,
                                          std::uintmax_t max_bytes = 256u * 1024u * 1024u);

/// The rows of an Action plan sheet saved as CSV by a spreadsheet: comma or semicolon
/// separated (told by the header row), quotes as RFC 4180, UTF-8 with or without a byte-order
/// mark, the header in row 1, columns A..K (more are ignored). Empty rows are skipped. Throws
/// LoadError naming `file` and the row for text that is not such a sheet.
[[nodiscard]] std::vector<PlanSheetRow> read_plan_sheet_csv(std::string_view text, const std::string& file);

/// The organisation file's text with the sheet's rows in its action_plan: per sheet row, the
/// plan rows with its measure get its owner, comment and, from its status, done and verified
/// dates (`today` unless already set); a sheet row with something filled in and no plan row
/// gets a new one (id "plan-<measure>", title, measure, due, fingerprints). Every other member
/// of the file, known or not, is kept in its place. The result is checked with the loader
/// against `framework`; any problem, in the sheet or in the result, throws LoadError (problems
/// that come from the sheet point at its row and column: file `sheet_file`, pointer
/// "/rows/ROW/owner", line ROW, column 9) and nothing is returned.
[[nodiscard]] std::string import_action_plan(std::string_view organisation_json, const std::string& organisation_file,
                                             const std::vector<PlanSheetRow>& rows, const std::string& sheet_file,
                                             const Framework& framework, Date today);

}  // namespace trygg
