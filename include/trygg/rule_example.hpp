// SPDX-License-Identifier: MIT
/// \file rule_example.hpp
/// Worked examples for rules: for any rule, a minimal organisation on which it passes and
/// one on which it fails. They are built from the rule's check, parameters and
/// applicability, so every rule of every pack (built-in or a user's) has them; `trygg-check
/// explain` shows them, and the test suite audits them for every built-in rule.
#pragma once

#include <nlohmann/json.hpp>

#include "trygg/date.hpp"
#include "trygg/framework.hpp"

namespace trygg {

/// An organisation document (input format 1) and the date to audit it as of.
struct RuleExample {
  nlohmann::json organisation;
  Date as_of;
};

/// A passing and a failing example for one rule. The failing one differs from the passing
/// one only in the evidence the rule looks at.
struct RuleExamples {
  RuleExample pass, fail;
};

/// Examples for `rule`, which must belong to `framework`. The organisation satisfies the
/// rule's applicability (country, sector, flags, headcount, dates).
[[nodiscard]] RuleExamples rule_examples(const Framework& framework, const Rule& rule);

}  // namespace trygg
