// SPDX-License-Identifier: MIT
/// \file output_file.hpp
/// Writing a report or document to a file without losing what was there (docs/reliability.md,
/// "Writing files"): never over an input of the same run, never over a file that trygg did not
/// write unless forced, atomically, and readable by the owner only.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/error.hpp"

namespace trygg {

/// A write was refused or failed. The message says why and what to do; the file that was at
/// the path before is intact and no temporary file is left behind.
class OutputError : public Error {
 public:
  using Error::Error;
};

struct OutputOptions {
  /// Files the run read (the organisation, packs, a profile). The output may not be any of
  /// them, also not through a link or another name for the same file.
  std::vector<std::filesystem::path> inputs;
  /// Replace a file that is not a trygg output, or a symbolic link (the link itself is
  /// replaced; the file it points to is never written).
  bool force = false;
  /// Replace an existing file at all. False for outputs that must never replace anything
  /// without `force` (the blank template, which would blank a filled-in organisation file).
  bool replace_trygg_output = true;
};

/// Write `bytes` to `path`: into a new file in the same directory, flushed to disk, then
/// renamed over the path, so a reader sees the old file or the whole new one. New files are
/// created with permissions 0600 (reports describe cases). Throws OutputError.
void write_output(const std::filesystem::path& path, std::string_view bytes, const OutputOptions& options = {});

/// Whether a file's content is something trygg writes: a JSON report, a text, Markdown or
/// CSV report (either dialect) or a yearly document whose opening line (a document: its note)
/// is trygg's, in any language, an HTML report (its doctype, then trygg's generator tag in the
/// first 512 bytes), or a spreadsheet report (an xlsx whose zip archive comment is trygg's
/// marker), or a report set (its JSON, whose "format" is trygg.report-set/..., or its CSV, whose
/// header starts with organisation and source). Such a file may be replaced without `force`.
[[nodiscard]] bool is_trygg_output(std::string_view content);

}  // namespace trygg
