// SPDX-License-Identifier: MIT
/// \file json_strict_parse.hpp
/// Internal: reading an input file whole, and the strict parse (no byte-order mark, no
/// duplicate keys, a depth limit, cancellation) whose diagnostics carry line and column.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "json_diagnostics.hpp"
#include "json_document.hpp"

namespace trygg::detail {

/// Read a whole file, refusing one larger than max_bytes. Records a diagnostic and
/// returns nullopt on failure. The string's capacity holds FastDocument::padding zero bytes
/// past its end, so that simdjson can parse it without a copy.
std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, Diagnostics& out);

/// Parse JSON text strictly: no byte-order mark, no duplicate keys, nesting at most
/// max_depth. Records a diagnostic (with line and column where they apply) and returns
/// nullopt on failure. `cancelled` is asked every few tens of thousands of values; when it
/// returns true, parsing stops with trygg::Cancelled.
std::optional<json> parse_strict(std::string_view text, std::size_t max_depth, Diagnostics& out,
                                 const std::function<bool()>& cancelled = {});

}  // namespace trygg::detail
