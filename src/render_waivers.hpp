// SPDX-License-Identifier: MIT
/// \file render_waivers.hpp
/// Internal: the words of the waived section every human format shows after the findings
/// (docs/history.md, "Waivers"): waivers in force with the findings they waive, then those
/// that expired, are not in force yet, or matched nothing. Plain text in the report's
/// language; each format escapes it as it writes it.
#pragma once

#include <string>
#include <vector>

#include "trygg/report.hpp"

namespace trygg::render_detail {

/// One finding a waiver names.
struct WaivedRow {
  std::string fingerprint;  ///< "" when the waiver named nothing that exists
  std::string rule;         ///< rule id
  std::string subject;      ///< the subject's label ("the organisation", "unit u-1 (name)")
  std::string severity;     ///< its severity in words ("" when unknown)
};

/// One waiver, spelled out.
struct WaiverLine {
  const WaiverOutcome* outcome = nullptr;
  std::string names;  ///< what it names: "fingerprint 0123…", "rule x, unit u-1"
  std::string state;  ///< "in force", "expired", …
  std::string note;   ///< what that means here: "expired on 2026-10-31: judged as usual again", a did-you-mean
  std::string dates;  ///< "decided by board on 2026-01-10; applies until 2026-12-31"
  std::string legal;  ///< "the legal duty remains" for a waiver of a legal duty, else ""
  std::vector<WaivedRow> rows;  ///< the findings it names (waived, or judged as usual)
};

/// Whether the report has findings that are not waived (what the findings section shows).
[[nodiscard]] bool has_open_findings(const Report& r) noexcept;
/// The waivers in force first, then the others, in the order given within each.
[[nodiscard]] std::vector<WaiverLine> waiver_lines(const Report& r, Language lang);
/// The section's words.
[[nodiscard]] std::string waiver_word(const char* key, Language lang);

}  // namespace trygg::render_detail
