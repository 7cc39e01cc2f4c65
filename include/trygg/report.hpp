// SPDX-License-Identifier: MIT
/// \file report.hpp
/// The outcome of an audit: a result for every rule and subject, findings for what is
/// not a pass, maturity scores, and the ordered action plan. Verdicts live only here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "trygg/comparison.hpp"
#include "trygg/date.hpp"
#include "trygg/framework.hpp"
#include "trygg/message.hpp"
#include "trygg/organisation.hpp"
#include "trygg/types.hpp"
#include "trygg/waiver.hpp"

namespace trygg {

namespace detail {
struct ReportCodec;
}

/// What a result is about: the whole organisation or one unit, by its index in
/// Organisation::units. Report::subject_id(), subject_name() and subject_pointer() give its
/// id, name and JSON Pointer.
struct Subject {
  enum class Kind : std::uint8_t { organisation, unit };
  Kind kind = Kind::organisation;
  Index unit = no_index;  ///< for Kind::unit
  friend bool operator==(const Subject&, const Subject&) = default;
};

/// A message as a report stores it: an index into the report's message ids and a run of its
/// arguments. Report::message() turns it into a Message.
struct MessageRef {
  std::uint32_t first_arg = 0;
  std::uint16_t id = 0;  ///< the id's position in the message catalogue (or in the report's own ids)
  std::uint16_t args = 0;
};

/// A place in the input a result rests on: a path with an optional index, e.g. "/routines/",
/// 3, "/last_reviewed". Report::pointer() writes it as a JSON Pointer.
struct EvidenceRef {
  std::uint32_t path = 0;  ///< index into the report's paths
  Index index = no_index;  ///< the number in the path, if it has one
};

/// The outcome of one rule for one subject. Only what varies is stored: the rule by its index
/// in Report::framework.rules() (Report::rule(), measure(), severity() and obligation() look
/// up the rest), the subject by index, and the messages and evidence as references into the
/// report's own tables. A result is a small value with no heap allocation of its own; it is
/// meaningful only with the report it came from.
struct Result {
  std::uint32_t rule = 0;  ///< index into Report::framework.rules()
  Subject subject;
  Status status = Status::not_assessed;
  std::uint16_t evidence_count = 0;
  std::uint32_t evidence_first = 0;  ///< into the report's evidence references
  MessageRef message;                ///< one line: what was found and why this status
  MessageRef expected;               ///< what the rule asks for
  MessageRef found;                  ///< what the input holds
  std::optional<Date> next_due;      ///< for recurring measures: when it is next due
};

/// A subject with its id, name and JSON Pointer spelled out.
struct SubjectView {
  Subject::Kind kind = Subject::Kind::organisation;
  Index unit = no_index;
  std::string id, name;
  std::string pointer;  ///< "" for the organisation
};

/// A result with everything it names spelled out as copies (Report::view()): convenient for
/// code that reads a few results; the renderers of large reports read the compact ones.
struct ResultView {
  std::string rule, measure, area, check;
  SubjectView subject;
  Status status = Status::not_assessed;
  Severity severity = Severity::medium;
  Obligation obligation = Obligation::good_practice;
  Message message, expected, found;
  std::vector<std::string> evidence;  ///< JSON Pointers into the input
  std::optional<Date> next_due;
};

/// A fingerprint as text: 16 lower-case hexadecimal digits.
[[nodiscard]] std::string fingerprint_text(std::uint64_t fingerprint);

/// A result that is not a pass, with what to do about it. The result itself stays in
/// Report::results (findings refer to it, so a large report holds each result once); its
/// citations are the rule's (Report::citations()).
struct Finding {
  std::uint32_t result = 0;       ///< index into Report::results
  std::uint64_t fingerprint = 0;  ///< stable across runs: hash of rule id and subject (fingerprint_text())
  Date due;                       ///< suggested due date of the proposed measure
  /// The waiver that applies to it (its result is then `waived`) or, when none applies, one
  /// that expired or is not in force yet: an index into Report::waivers; no_waiver if none.
  std::uint32_t waiver = no_waiver;
  static constexpr std::uint32_t no_waiver = 0xffffffffu;
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

/// Where the organisation's own action plan stands on a proposed measure (docs/history.md,
/// "The action plan's round trip"). A proposal exists only while its findings do, so "done"
/// means the rows are done but the finding persists: done, effect not seen.
enum class PlanState : std::uint8_t {
  not_planned,  ///< no row of the organisation's plan is linked to it
  planned,      ///< a linked row has an owner and a due date that has not passed
  overdue,      ///< a linked row's due date has passed and it is not done
  done,         ///< the linked rows are done, and the finding persists
  verified,     ///< the organisation verified the rows' effect, and trygg still sees the finding
};
[[nodiscard]] std::string_view to_string(PlanState state) noexcept;

/// One proposed measure (åtgärdsförslag) in the ordered action plan.
struct ActionPlanEntry {
  std::string measure, area;
  Severity severity = Severity::medium;  ///< the highest of its findings
  Date due;                        ///< the earliest of its findings' due dates, no earlier than what it depends on
  std::vector<std::string> rules;  ///< the failing rules it addresses
  std::vector<std::uint64_t> fingerprints;  ///< of its findings (fingerprint_text())
  /// The organisation's plan on it: rows linked by measure id or by one of the fingerprints.
  PlanState state = PlanState::not_planned;
  std::vector<std::string> items;   ///< ids of the linked rows of the organisation's action plan
  std::string owner;                ///< the owner (person id) of the row that decides `state`, if any
  std::optional<Date> planned_due;  ///< that row's due date
};

/// The organisation's own action plan on the as-of date, for trends.
struct PlanProgress {
  bool reported = false;  ///< the input has an action_plan section
  std::size_t items = 0, done = 0, verified = 0, overdue = 0;
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
/// in any language later, and its own copies of what its results name from the organisation
/// (unit ids and names), so it outlives the organisation.
struct Report {
  Framework framework;
  std::string organisation_id, organisation_name, country;
  std::string sector;                      ///< the organisation's sector, "" if not stated
  std::optional<std::uint32_t> headcount;  ///< Organisation::total_headcount(), for grouping many reports
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
  PlanProgress plan_progress;
  /// Every waiver given to the audit, in the order given, with what became of it.
  std::vector<WaiverOutcome> waivers;
  /// Set when the report was compared with a baseline (compare_with_baseline, history.hpp).
  std::optional<Comparison> comparison;

  /// Findings with a status that counts against --fail-on (fail, partial, not assessed)
  /// at or above `threshold`.
  [[nodiscard]] std::size_t count_at_or_above(Severity threshold) const noexcept;
  /// The result a finding is about.
  [[nodiscard]] const Result& result(const Finding& f) const { return results.at(f.result); }
  /// The citations behind a finding: its rule's that are in force on the as-of date.
  [[nodiscard]] std::vector<Citation> citations(const Finding& f) const;

  /// The rule of a result, and what it inherits from it.
  [[nodiscard]] const Rule& rule(const Result& r) const { return framework.rules()[r.rule]; }
  [[nodiscard]] const Measure& measure(const Result& r) const {
    return framework.measures()[framework.rule_measure(r.rule)];
  }
  [[nodiscard]] Severity severity(const Result& r) const { return rule(r).severity; }
  [[nodiscard]] Obligation obligation(const Result& r) const { return rule(r).obligation; }

  /// A result with everything it names spelled out.
  [[nodiscard]] ResultView view(const Result& r) const;
  /// The same for a finding's result.
  [[nodiscard]] ResultView view(const Finding& f) const { return view(result(f)); }

  /// A stored message as a Message (its id and arguments copied out).
  [[nodiscard]] Message message(const MessageRef& m) const;
  /// The id of a stored message, without copying it.
  [[nodiscard]] std::string_view message_id(const MessageRef& m) const;
  /// Argument `k` (below m.args) of a stored message as name and value, without copying them.
  [[nodiscard]] std::pair<std::string_view, std::string_view> message_arg(const MessageRef& m, std::size_t k) const;

  /// The subject's id, name ("" if it has none) and JSON Pointer ("" for the organisation).
  [[nodiscard]] std::string_view subject_id(const Subject& s) const;
  [[nodiscard]] std::string_view subject_name(const Subject& s) const;
  [[nodiscard]] std::string subject_pointer(const Subject& s) const;

  /// The evidence of a result as JSON Pointers into the input.
  [[nodiscard]] std::vector<std::string> evidence(const Result& r) const;
  /// One evidence reference as a JSON Pointer.
  [[nodiscard]] std::string pointer(const EvidenceRef& e) const;

  /// Building a report (the audit; also the tests of renderers). Each call appends to the
  /// report's tables and returns the reference to store.
  MessageRef store(const Message& m);
  void store_evidence(Result& r, const std::vector<std::string>& pointers);
  /// Record the id and name of a unit that is a subject.
  void store_unit(Index unit, std::string_view id, std::string_view name);
  /// End building: after this the subjects' labels can be looked up.
  void finish();

 private:
  friend struct detail::ReportCodec;  // src/report_bytes.cpp writes and reads the tables below
  struct Arg {
    std::uint32_t offset, size;  ///< the value, in text_
    std::uint16_t name;          ///< index into arg_names_
  };
  struct UnitLabel {
    Index unit;
    std::uint32_t id_offset, id_size, name_offset, name_size;
  };
  struct Path {
    std::string prefix, suffix;  ///< around the index, if there is one
  };
  std::string text_;                      ///< every stored argument value and unit label, back to back
  std::vector<std::string> message_ids_;  ///< ids the catalogue does not hold (MessageRef::id from local_id)
  std::vector<std::string> arg_names_;
  static constexpr std::uint16_t local_id = 0x8000;
  std::vector<Arg> args_;
  std::vector<Path> paths_;
  std::vector<EvidenceRef> evidence_;
  std::vector<UnitLabel> units_;  ///< sorted by unit once finish() has run
  bool units_sorted_ = true;
  [[nodiscard]] std::string_view text(std::uint32_t offset, std::uint32_t size) const {
    return std::string_view(text_).substr(offset, size);
  }
  std::uint16_t intern(std::vector<std::string>& table, std::string_view s);
  const UnitLabel* label(Index unit) const;
};

}  // namespace trygg
