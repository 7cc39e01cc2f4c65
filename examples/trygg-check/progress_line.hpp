// SPDX-License-Identifier: MIT
// The progress count of `trygg-check batch` on standard error ("12 / 300 organisations"),
// rewritten in place with a carriage return and cleared when the batch is done, so that what
// stays on the terminal is the summary line alone. Written only to a terminal unless asked
// for (--progress): a log file would fill with one line per update.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace trygg_check {

class ProgressLine {
 public:
  explicit ProgressLine(std::ostream& out) : out_(out) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine() { clear(); }

  /// Show `done` of `total`; called by trygg::audit_batch on the calling thread.
  void update(std::size_t done, std::size_t total) {
    const std::string line = std::to_string(done) + " / " + std::to_string(total) + " organisations";
    // Spaces over what is left of a longer line before it (the count never shrinks, but a
    // terminal may have been written to by something else in between).
    const std::size_t pad = shown_ > line.size() ? shown_ - line.size() : 0;
    out_ << '\r' << line << std::string(pad, ' ');
    out_.flush();
    shown_ = line.size() + pad;
  }

  /// Remove the line, leaving the cursor at the start of it. Nothing when none was shown.
  void clear() {
    if (shown_ == 0) return;
    out_ << '\r' << std::string(shown_, ' ') << '\r';
    out_.flush();
    shown_ = 0;
  }

 private:
  std::ostream& out_;
  std::size_t shown_ = 0;
};

}  // namespace trygg_check
