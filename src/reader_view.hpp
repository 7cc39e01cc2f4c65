// SPDX-License-Identifier: MIT
// Private: the findings of a report as a person reads them (issue 14). Every format meant for
// people (text, Markdown, HTML, xlsx, the yearly documents) takes its findings from here, so
// that they agree on what is shown together and in what order:
//
//  - one entry per measure: every rule behind a missing or incomplete measure, with the
//    citations of all of them, is one entry ("routine for handling reports missing — DL 3 kap.
//    6 §, AFS 2023:2 2 kap. 11 §, framework ORG-03");
//  - entries with a legal finding (obligation law or regulation) first, then good practice,
//    and an option to show only the legal ones;
//  - the unit-level findings of one rule collapsed into one line of the entry, with the count
//    and the units (the renderers show the first few, HTML all of them behind a disclosure);
//  - when a measure's "present" rule fails for the organisation (nothing implements it), the
//    entry says so, and its other rules are named as following from that rather than repeated.
//
// JSON and the machine CSV keep every result and do not use this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trygg/framework.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {

/// The part of the report an entry belongs to.
enum class ReaderPart : std::uint8_t {
  legal,          ///< at least one finding of a rule with obligation law or regulation
  good_practice,  ///< only good-practice findings (the framework, seed 004)
};

struct ReaderOptions {
  bool legal_only = false;  ///< leave out good-practice entries and good-practice rules
};

/// The findings of one rule within an entry.
struct ReaderRule {
  std::uint32_t rule = 0;               ///< index into Report::framework.rules()
  std::vector<std::uint32_t> findings;  ///< indices into Report::findings, in report order
  bool units = false;                   ///< unit-level findings (else one organisation finding)
  bool folded = false;                  ///< follows from the measure being absent: named, not repeated
  Status status = Status::fail;         ///< the worst of its findings (fail, partial, not_assessed)
  [[nodiscard]] bool legal(const Report& r) const {
    return r.framework.rules()[rule].obligation != Obligation::good_practice;
  }
};

/// One entry: one measure's findings.
struct ReaderEntry {
  ReaderPart part = ReaderPart::good_practice;
  std::uint32_t measure = 0;           ///< index into Report::framework.measures()
  Severity severity = Severity::info;  ///< the highest of its rules' severities
  /// The worst status of its findings: fail, then partial, then not_assessed. An entry whose
  /// findings are all not_assessed claims no gap: the input did not say enough to assess it.
  Status status = Status::fail;
  bool absent = false;            ///< its "present" rule fails for the organisation
  std::vector<ReaderRule> rules;  ///< the "present" rule first, then in framework order
  /// The citations of its rules that are in force on the report's as-of date, each once: law
  /// and regulation first (in rule order), then the good-practice rules' own citations and the
  /// framework (not the background articles a measure lists among its sources).
  std::vector<Citation> citations;
  std::optional<std::size_t> plan;  ///< position of its proposal in Report::action_plan
  std::size_t findings = 0;         ///< how many findings of the report it stands for
};

/// The reader's view of a report's findings.
struct ReaderView {
  /// Legal entries first, then good practice; within a part by severity (highest first), then
  /// in framework order (area, measure).
  std::vector<ReaderEntry> entries;
  std::size_t legal_entries = 0;     ///< entries [0, legal_entries) are legal
  std::size_t left_out_entries = 0;  ///< good-practice entries left out by legal_only
};

[[nodiscard]] ReaderView reader_view(const Report& report, const ReaderOptions& options = {});

/// A citation in its short human form, in `lang`, for a finding of `measure` (an index into
/// Report::framework.measures()): a source the packs define by its short name and the locator
/// ("diskrimineringslagen 3 kap. 6 §"); the framework itself (a source marked `framework`) by
/// the measure ("ramverket ORG-03"); any other by its own name and locator. The full reference
/// of a defined source is Framework::cite() (for a list of sources).
[[nodiscard]] std::string citation_label(const Report& report, const Citation& citation, std::uint32_t measure,
                                         Language lang);

/// The ids of the first `n` units of a unit-level ReaderRule (names when they have one), and
/// how many more there are.
struct UnitList {
  std::vector<std::string> shown;
  std::size_t more = 0;
};
[[nodiscard]] UnitList first_units(const Report& report, const ReaderRule& rule, std::size_t n);

}  // namespace trygg::detail
