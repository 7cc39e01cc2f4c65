// SPDX-License-Identifier: MIT
/// \file report.hpp
/// The outcome of an audit: a result for every rule and subject, findings for what is
/// not a pass, maturity scores, and the ordered action plan. Verdicts live only here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trygg/date.hpp"
#include "trygg/framework.hpp"
#include "trygg/message.hpp"
#include "trygg/types.hpp"

namespace trygg {

/// What a result is about: the whole organisation or one unit.
struct Subject {
  enum class Kind : std::uint8_t { organisation, unit };
  Kind kind = Kind::organisation;
  std::string id;
  std::string name;
  std::string pointer;  ///< JSON Pointer of the subject in the input ("" for the organisation)
};

/// The outcome of one rule for one subject.
struct Result {
  std::string rule, measure, area, check;
  Subject subject;
  Status status = Status::not_assessed;
  Severity severity = Severity::medium;
  Obligation obligation = Obligation::good_practice;
  Message message;                    ///< one line: what was found and why this status
  Message expected;                   ///< what the rule asks for
  Message found;                      ///< what the input holds
  std::vector<std::string> evidence;  ///< JSON Pointers into the input
  std::optional<Date> next_due;       ///< for recurring measures: when it is next due
};

/// A result that is not a pass, with what to do about it. The result itself stays in
/// Report::results (findings refer to it, so a large report holds each result once); its
/// citations are the rule's (Report::citations()).
struct Finding {
  std::size_t result = 0;   ///< index into Report::results
  std::string fingerprint;  ///< stable across runs: hash of rule id and subject
  Date due;                 ///< suggested due date of the proposed measure
};

/// Maturity of one measure: 0 missing, 1 exists, 2 written and owned, 3 current and
/// covering every unit, 4 effect followed up.
struct MeasureScore {
  std::string measure, area;
  int maturity = 0;
  std::vector<std::string> implemented_by;  ///< ids of routines, activities and channels
  std::vector<std::string> evidence;        ///< their JSON Pointers
};

/// Mean maturity of an area's measures (0..4), over the measures that apply.
struct AreaScore {
  std::string area;
  double score = 0;
  int measures = 0;
  int findings = 0;
};

/// One proposed measure (åtgärdsförslag) in the ordered action plan.
struct ActionPlanEntry {
  std::string measure, area;
  Severity severity = Severity::medium;  ///< the highest of its findings
  Date due;                        ///< the earliest of its findings' due dates, no earlier than what it depends on
  std::vector<std::string> rules;  ///< the failing rules it addresses
  std::vector<std::string> fingerprints;
};

/// How one routine stands against one element requirement: a rule with the "elements"
/// check that ran, on a measure the routine implements.
struct RoutineRequirement {
  std::string rule, measure;
  std::vector<std::string> missing;  ///< required elements the routine does not state (or, when
                                     ///< its elements are not reported, is not known to state)
  bool reported = true;              ///< false: the routine does not report its elements
  [[nodiscard]] bool satisfied() const noexcept { return reported && missing.empty(); }
};

/// One routine against every element requirement that applies to it. A single routine can
/// serve several regimes at once (DL 3 kap. 6 §, AFS 2023:2 2 kap. 11 §, aml § 2 A-6), so
/// the report shows, per routine, which it satisfies and what it lacks for the others.
struct RoutineCoverage {
  std::string routine;  ///< routine id
  std::string pointer;  ///< its JSON Pointer in the input
  std::vector<RoutineRequirement> requirements;
};

/// Counts of results by status.
struct Summary {
  std::size_t pass = 0, fail = 0, partial = 0, not_applicable = 0, not_assessed = 0, waived = 0;
  [[nodiscard]] std::size_t total() const noexcept {
    return pass + fail + partial + not_applicable + not_assessed + waived;
  }
};

/// The report of one audit. Holds the framework it was made with, so it can be rendered
/// in any language later.
struct Report {
  Framework framework;
  std::string organisation_id, organisation_name, country;
  Date as_of;
  Language language = Language::en;
  std::vector<std::string> packs;
  std::vector<Result> results;    ///< ordered by area, measure, rule, subject
  std::vector<Finding> findings;  ///< the results that are not a pass, same order
  std::vector<MeasureScore> measure_scores;
  std::vector<AreaScore> area_scores;
  std::vector<ActionPlanEntry> action_plan;  ///< dependencies first, then severity, then due date
  std::vector<RoutineCoverage> routines;     ///< routines with element requirements, input order
  Summary summary;

  /// Findings with a status that counts against --fail-on (fail, partial, not assessed)
  /// at or above `threshold`.
  [[nodiscard]] std::size_t count_at_or_above(Severity threshold) const noexcept;
  /// The result a finding is about.
  [[nodiscard]] const Result& result(const Finding& f) const { return results.at(f.result); }
  /// The citations behind a finding: its rule's that are in force on the as-of date.
  [[nodiscard]] std::vector<Citation> citations(const Finding& f) const;
};

}  // namespace trygg
