// SPDX-License-Identifier: MIT
// The checker's one way to hand over what it made: standard output, or a file.
#pragma once

#include <iostream>
#include <string>

#include "trygg/output_file.hpp"
#include "trygg/render.hpp"

namespace trygg_check {

/// Write to --output or stdout. Returns false (after saying why) when the file cannot be
/// written; a file is written by trygg::write_output, which never writes over an input or a
/// file trygg did not write (without --force) and never leaves a partial file.
inline bool emit(const std::string& text, const std::string& output, const trygg::OutputOptions& how = {}) {
  if (output.empty() || output == "-") {
    std::cout << text;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  try {
    trygg::write_output(output, text, how);
  } catch (const trygg::OutputError& e) {
    std::cerr << "error: " << trygg::terminal_safe(e.what()) << "\n";
    return false;
  }
  return true;
}

}  // namespace trygg_check
