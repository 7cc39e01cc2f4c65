// SPDX-License-Identifier: MIT
/// \file report_bytes.hpp
/// A report as compact bytes, to store it or send it to another process (Python's pickle,
/// Dask, Spark). Not an exchange format: read the bytes back with the same trygg version and
/// the same framework. The JSON report (render_json) is the exchange format.
#pragma once

#include <string>
#include <string_view>

#include "trygg/framework.hpp"
#include "trygg/report.hpp"

namespace trygg {

/// The report without its framework (which the reader supplies), in a versioned binary form.
[[nodiscard]] std::string report_to_bytes(const Report& report);

/// The report back, with `framework`. Throws UsageError when the bytes come from another
/// trygg version or another framework (its rules differ), or are damaged.
[[nodiscard]] Report report_from_bytes(std::string_view bytes, const Framework& framework);

/// A digest of what a report's indices depend on (pack ids and versions, rule ids, measures):
/// equal for frameworks built the same way.
[[nodiscard]] std::uint64_t framework_digest(const Framework& framework);

}  // namespace trygg
