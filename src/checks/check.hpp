// SPDX-License-Identifier: MIT
/// \file check.hpp
/// Internal: the interface every check implements, one file per check in src/checks/. A
/// check holds all it knows: its self-description, its parameters with their typed
/// defaults, its evaluation and the evidence its worked examples need.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "trygg/check.hpp"
#include "trygg/framework.hpp"
#include "trygg/organisation.hpp"
#include "trygg/report.hpp"

namespace trygg::detail {

class AuditContext;

/// What a check says about one subject; the audit adds the rule's common fields.
struct Outcome {
  Subject subject;
  Status status = Status::not_assessed;
  Message message, expected, found;
  std::vector<std::string> evidence;
  std::optional<Date> next_due;
};

/// The rule being evaluated and its measure. The rule's parameters are in
/// `rule.resolved_params`, typed and with every default filled in.
struct RuleInput {
  const AuditContext& ctx;
  const Rule& rule;
  const Measure& measure;
  std::size_t measure_index;
};

/// How a parameter's default is chosen when a rule leaves it out. The text that docs and
/// CheckParam::default_value show is written from this (describe_default), so the default
/// the code uses and the one printed cannot drift apart.
struct ParamDefault {
  enum class From {
    value,             ///< `value` (a note may say when it matters)
    absent,            ///< no value; `note` says what the check does then
    measure_cadence,   ///< the measure's cadence, else `value`
    measure_audience,  ///< the measure's audience
    measure_elements,  ///< every element of the measure
    by_choice,         ///< the value `by_choice` pairs with the choice parameter `choice`
  };
  From from = From::absent;
  ParamValue value;
  std::string note;
  std::string choice;
  std::vector<std::pair<std::string, ParamValue>> by_choice;

  static ParamDefault fixed(ParamValue v, std::string note = {}) {
    ParamDefault d;
    d.from = From::value;
    d.value = std::move(v);
    d.note = std::move(note);
    return d;
  }
  static ParamDefault none(std::string note = {}) {
    ParamDefault d;
    d.note = std::move(note);
    return d;
  }
  static ParamDefault cadence_else(Duration fallback) {
    ParamDefault d;
    d.from = From::measure_cadence;
    d.value = fallback;
    return d;
  }
  static ParamDefault audience_of_measure() {
    ParamDefault d;
    d.from = From::measure_audience;
    return d;
  }
  static ParamDefault elements_of_measure() {
    ParamDefault d;
    d.from = From::measure_elements;
    return d;
  }
  static ParamDefault per_choice(std::string choice, std::vector<std::pair<std::string, ParamValue>> values,
                                 std::string note = {}) {
    ParamDefault d;
    d.from = From::by_choice;
    d.note = std::move(note);
    d.choice = std::move(choice);
    d.by_choice = std::move(values);
    return d;
  }
};

/// One parameter a check accepts, with its typed default.
struct ParamSpec {
  std::string name;
  CheckParam::Kind kind;
  ParamDefault default_value;
  std::vector<std::string> choices;  ///< the allowed values of a `choice`
};

/// A value as docs show it: a duration in ISO 8601, a share as a number, a list joined by
/// commas (an empty list: "none").
std::string describe_value(const ParamValue& v);
/// The default as docs show it (CheckParam::default_value).
std::string describe_default(const ParamDefault& d);

/// A worked example being built (src/rule_example.cpp): the skeleton organisation, the
/// routine it adds for the measure unless the check says otherwise, and what the check's
/// example() needs to add the evidence it looks at.
struct ExampleInput {
  nlohmann::json& org;
  nlohmann::json& routine;  ///< one written, owned routine for the measure, adopted `recent`
  const Measure& measure;
  const Rule& rule;  ///< with its resolved_params
  Date as_of;
  std::string recent;  ///< a date within every period the check may use (YYYY-MM-DD)
  bool passing;        ///< complete evidence, or the checked part missing or wrong
};

/// Whether the example keeps the routine ExampleInput holds.
enum class ExampleRoutine { keep, drop };

/// A generic check, parameterised by rule data. One file per check in src/checks/, listed in
/// src/checks/registry.cpp.
class Evaluator {
 public:
  Evaluator(std::string name, std::string summary, std::vector<ParamSpec> params, std::vector<std::string> messages);
  virtual ~Evaluator() = default;
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  const CheckInfo& info() const noexcept { return info_; }
  const std::vector<ParamSpec>& params() const noexcept { return params_; }

  virtual void evaluate(const RuleInput& in, std::vector<Outcome>& out) const = 0;
  /// Add to a worked example the evidence this check looks at: complete when `e.passing`,
  /// with the checked part missing or wrong otherwise. By default, the routine alone.
  virtual ExampleRoutine example(ExampleInput& e) const;

 private:
  CheckInfo info_;
  std::vector<ParamSpec> params_;
};

/// The registry: every check, sorted by name.
const std::vector<const Evaluator*>& evaluators();
/// The check with this name, or nullptr (a binary search of the sorted registry).
const Evaluator* find_evaluator(std::string_view name) noexcept;

/// Subject for the whole organisation.
Subject organisation_subject(const Organisation& org);
Subject unit_subject(const Organisation& org, Index unit);

}  // namespace trygg::detail
