// SPDX-License-Identifier: MIT
#include "trygg/error.hpp"

#include "json_text.hpp"
#include "trygg/render.hpp"

namespace trygg {
namespace {
std::string summary(const std::vector<Diagnostic>& diagnostics, std::size_t total) {
  if (diagnostics.empty()) return "load error";
  std::string s = diagnostics.front().message();
  if (total > 1) s += " (and " + std::to_string(total - 1) + " more)";
  return s;
}
}  // namespace

std::string Diagnostic::message() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line) + ":" + std::to_string(column);
  s += ": ";
  // Keys may hold control characters; the pointer field stays exact, the message printable.
  s += pointer.empty() ? std::string("(root)") : detail::printable(pointer, 200);
  s += ": expected " + expected + ", found " + found;
  if (!hint.empty()) s += " (" + hint + ")";
  // A file name or a quoted value may hold terminal escapes or bidi controls: the message is
  // printed and logged, so it shows them instead of obeying them.
  return terminal_safe(s);
}

LoadError::LoadError(std::vector<Diagnostic> diagnostics, std::size_t total_count)
    : Error(summary(diagnostics, total_count ? total_count : diagnostics.size())),
      diagnostics_(std::move(diagnostics)),
      total_(total_count ? total_count : diagnostics_.size()) {}

}  // namespace trygg
