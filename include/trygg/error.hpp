// SPDX-License-Identifier: MIT
/// \file error.hpp
/// Errors. Every problem with an input is a Diagnostic that says where (file and JSON
/// Pointer, plus line and column for malformed JSON), what was expected and what was found.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace trygg {

/// One problem found in an input file.
struct Diagnostic {
  std::string file;      ///< path or name of the input ("<memory>" when parsed from a string)
  std::string pointer;   ///< RFC 6901 JSON Pointer to the offending value ("" is the root)
  std::string expected;  ///< what the format asks for
  std::string found;     ///< what the input holds
  std::string hint;      ///< optional: a did-you-mean or how to fix it
  std::size_t line = 0;  ///< 1-based, only for malformed JSON (0 = unknown)
  std::size_t column = 0;

  /// `file:line:column: /pointer: expected ..., found ... (hint)`.
  [[nodiscard]] std::string message() const;
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Base of every exception trygg throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An input (organisation, pack, profile) could not be loaded. Holds every diagnostic
/// found in one pass (capped); nothing was loaded.
class LoadError : public Error {
 public:
  explicit LoadError(std::vector<Diagnostic> diagnostics, std::size_t total_count = 0);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
  /// How many problems were found, which may exceed diagnostics().size() when capped.
  [[nodiscard]] std::size_t total_count() const noexcept { return total_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t total_;
};

/// A load or audit stopped early because its cancellation hook (LoadLimits::cancelled,
/// AuditOptions::cancelled) asked it to; nothing was returned. Python raises
/// KeyboardInterrupt instead (or whatever the signal handler raised).
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

/// A caller asked for something that does not exist or makes no sense (unknown pack,
/// unknown rule id, bad option value).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace trygg
