// SPDX-License-Identifier: MIT
/// \file snapshot_read.hpp
/// Internal: the two readers behind Snapshot::parse and Snapshot::load. The fast one
/// (src/snapshot_fast.cpp, simdjson On-Demand) makes one forward pass that keeps only what a
/// Snapshot needs; it recognises well-formed trygg.report/2 reports and nothing else. The DOM
/// one (src/snapshot.cpp) reads every report and gives the diagnostics, with JSON Pointers,
/// line and column. Both give the same Snapshot for a report the fast one accepts
/// (tests/cpp/test_history.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/history.hpp"

namespace trygg::detail {

/// The figures of a `found` message in one canonical text: its id, then its arguments
/// sorted by name (JSON object keys are sorted, but a report from elsewhere need not be).
/// Written into `out`, replacing what it held, so that one buffer serves a whole report;
/// `args` is sorted in place.
void write_figures(std::string& out, std::string_view id,
                   std::vector<std::pair<std::string_view, std::string_view>>& args);

/// The fast reader: nullopt for anything it does not recognise as a well-formed
/// trygg.report/2 report (malformed JSON anywhere, a wrong type, a bad index, another
/// format, duplicate or escaped keys it would have to interpret, ...), so that the caller
/// reads the text again with read_snapshot_dom for the exact diagnostics. `padded`:
/// FastDocument::padding readable bytes follow the text, so it is read in place.
std::optional<Snapshot> read_snapshot_fast(std::string_view text, const std::string& file, bool padded);

/// The DOM reader (simdjson's DOM, or the strict parser when simdjson refuses the text).
/// Throws LoadError with every problem found.
Snapshot read_snapshot_dom(std::string_view text, const std::string& file, bool padded);

}  // namespace trygg::detail
