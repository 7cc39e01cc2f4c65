// SPDX-License-Identifier: MIT
/// \file batch.hpp
/// Many organisations at once (docs/scaling.md): load and audit a list of sources over a pool
/// of threads, for HR systems that re-audit every customer and analysts who audit a register.
/// A source that cannot be loaded never stops the batch: its error is kept with it.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "trygg/audit.hpp"
#include "trygg/organisation.hpp"
#include "trygg/report.hpp"

namespace trygg {

/// One organisation to audit: a file, or a document given as text.
struct BatchSource {
  enum class Kind : std::uint8_t { path, text };
  Kind kind = Kind::path;
  std::string value;  ///< the path, or the JSON text
  std::string name;   ///< what errors and the results call it; "" = the path, or "<item N>" for text
};

/// The outcome for one source, in input order.
struct BatchItem {
  std::string source;            ///< the source's name
  std::optional<Report> report;  ///< set when the source loaded and was audited
  /// Set when it did not: a LoadError (the file, JSON Pointer, expected and found), a
  /// duplicate organisation id (a LoadError naming both sources), or another trygg::Error.
  std::exception_ptr error;
  /// What the error says (its what()), "" when there is none.
  std::string error_message;
};

struct BatchOptions {
  AuditOptions audit;  ///< as for one audit; its `cancelled` is asked by the calling thread only
  LoadLimits limits;   ///< as for one load; its `cancelled` is not used
  /// Worker threads; 0 = std::thread::hardware_concurrency() (at least 1). Never more than
  /// there are sources.
  unsigned threads = 0;
  /// Stop at the first source that fails (the error is rethrown after the workers stop).
  bool stop_on_error = false;
  /// Called on the calling thread, about every 100 ms and once at the end, with how many
  /// sources are done. May throw (to stop the batch) or block briefly.
  std::function<void(std::size_t done, std::size_t total)> progress;
};

/// Load and audit every source, in parallel. The result holds one item per source in input
/// order and is the same whatever the thread count. Two sources with the same organisation id:
/// the first keeps its report, each later one becomes an error naming both sources. Throws
/// trygg::Cancelled when `options.audit.cancelled` asks to stop, and (with stop_on_error)
/// the first source's error.
[[nodiscard]] std::vector<BatchItem> audit_batch(const std::vector<BatchSource>& sources, const Framework& framework,
                                                 const BatchOptions& options = {});

/// The same over organisations already loaded (no load errors; duplicate ids as above).
[[nodiscard]] std::vector<BatchItem> audit_batch(const std::vector<const Organisation*>& organisations,
                                                 const Framework& framework, const BatchOptions& options = {});

}  // namespace trygg
